"""Studies and training that lead to the job."""
from typing import Text

from actions.answering import TopicAnswerAction
from actions.names import ACTION_ANSWER_TRAINING
from knowledge.topics import Topic


class ActionAnswerTraining(TopicAnswerAction):
    topics = (Topic.TRAINING,)

    def name(self) -> Text:
        return ACTION_ANSWER_TRAINING
