"""Replies to "oui" / "non" after the bot offered another sheet's answer."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.knowledge_base import STORE
from actions.names import ACTION_ACCEPT_OFFER, ACTION_DECLINE_OFFER, SLOT_OFFERED_JOBS
from actions.reading import read_question
from actions.routing import answer_offered


class ActionAcceptOffer(Action):
    """"Oui": the last question, answered from the one sheet that was offered."""

    def name(self) -> Text:
        return ACTION_ACCEPT_OFFER

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        offered = [STORE.get(job_id) for job_id in tracker.get_slot(SLOT_OFFERED_JOBS) or []]
        offered = [sheet for sheet in offered if sheet is not None]
        question = read_question(tracker)
        if len(offered) != 1 or not question.last_asks:
            dispatcher.utter_message(text=rendering.NOTHING_PENDING)
            return [SlotSet(SLOT_OFFERED_JOBS, None)]
        return answer_offered(dispatcher, question, offered[0], tracker.get_latest_input_channel())


class ActionDeclineOffer(Action):
    """"Non": drop the pending offer."""

    def name(self) -> Text:
        return ACTION_DECLINE_OFFER

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(text=rendering.OFFER_DECLINED)
        return [SlotSet(SLOT_OFFERED_JOBS, None)]
