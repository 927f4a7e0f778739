"""Labour-market figures: contracts, job seekers, offers, hiring, ages."""
from typing import Text

from actions.answering import TopicAnswerAction
from actions.names import ACTION_ANSWER_LABOUR_MARKET
from knowledge.topics import Topic


class ActionAnswerLabourMarket(TopicAnswerAction):
    topics = (Topic.LABOUR_MARKET, Topic.AGE_DISTRIBUTION,)

    def name(self) -> Text:
        return ACTION_ANSWER_LABOUR_MARKET
