"""The job as a career: pros, cons, where it leads, how it changes."""
from typing import Text

from actions.answering import TopicAnswerAction
from actions.names import ACTION_ANSWER_CAREER
from knowledge.topics import Topic


class ActionAnswerCareer(TopicAnswerAction):
    topics = (Topic.PROS, Topic.CONS, Topic.MOBILITY, Topic.TRENDS,)

    def name(self) -> Text:
        return ACTION_ANSWER_CAREER
