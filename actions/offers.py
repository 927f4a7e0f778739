"""Replies to "oui" / "non" after the bot offered another sheet's answer."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.answering import answer_topics
from actions.knowledge_base import STORE
from actions.names import ACTION_ACCEPT_OFFER, ACTION_DECLINE_OFFER, SLOT_OFFERED_JOBS
from actions.questions import last_topics


class ActionAcceptOffer(Action):
    """"Oui": answer the pending topic from the one sheet that was offered."""

    def name(self) -> Text:
        return ACTION_ACCEPT_OFFER

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        offered = [STORE.get(job_id) for job_id in tracker.get_slot(SLOT_OFFERED_JOBS) or []]
        offered = [sheet for sheet in offered if sheet is not None]
        topics = last_topics(tracker)
        if len(offered) != 1 or not topics:
            dispatcher.utter_message(text=rendering.NOTHING_PENDING)
            return [SlotSet(SLOT_OFFERED_JOBS, None)]
        return answer_topics(dispatcher, offered[0], topics, tracker.get_latest_input_channel())


class ActionDeclineOffer(Action):
    """"Non": drop the pending offer."""

    def name(self) -> Text:
        return ACTION_DECLINE_OFFER

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(text=rendering.OFFER_DECLINED)
        return [SlotSet(SLOT_OFFERED_JOBS, None)]
