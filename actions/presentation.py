"""What the job is, where it is done and under which titles."""
from typing import Text

from actions.answering import TopicAnswerAction
from actions.names import ACTION_ANSWER_PRESENTATION
from knowledge.topics import Topic


class ActionAnswerPresentation(TopicAnswerAction):
    topics = (Topic.DESCRIPTION, Topic.ACTIVITIES, Topic.SECTOR, Topic.ROME_CODE, Topic.JOB_TITLES, Topic.ENVIRONMENT,)

    def name(self) -> Text:
        return ACTION_ANSWER_PRESENTATION
