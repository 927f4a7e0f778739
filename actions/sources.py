""""D'où viennent ces chiffres ?": the sources of the last answer."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.knowledge_base import STORE
from actions.names import ACTION_SHOW_SOURCE, SLOT_ANSWERED_JOBS


class ActionShowSource(Action):
    def name(self) -> Text:
        return ACTION_SHOW_SOURCE

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        quoted = [STORE.get(job_id) for job_id in tracker.get_slot(SLOT_ANSWERED_JOBS) or []]
        quoted = [sheet for sheet in quoted if sheet is not None]
        dispatcher.utter_message(text=rendering.sources(quoted, STORE.jobs))
        return []
