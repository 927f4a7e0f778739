"""Skills and qualities the job asks for."""
from typing import Text

from actions.answering import TopicAnswerAction
from actions.names import ACTION_ANSWER_SKILLS
from knowledge.topics import Topic


class ActionAnswerSkills(TopicAnswerAction):
    topics = (Topic.SKILLS, Topic.DIGITAL_SKILLS,)

    def name(self) -> Text:
        return ACTION_ANSWER_SKILLS
