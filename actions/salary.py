"""Pay: starting salary, ranges and the salary table."""
from typing import Text

from actions.answering import TopicAnswerAction
from actions.names import ACTION_ANSWER_SALARY
from knowledge.topics import Topic


class ActionAnswerSalary(TopicAnswerAction):
    topics = (Topic.SALARY,)

    def name(self) -> Text:
        return ACTION_ANSWER_SALARY
