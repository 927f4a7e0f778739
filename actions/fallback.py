"""Messages the bot could not read: too long for it, or not understood."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import french
from actions.languages import say_language_note
from actions.names import (
    ACTION_FALLBACK, LONGEST_MESSAGE_CHARS, RESPONSE_MESSAGE_TOO_LONG, RESPONSE_NOT_UNDERSTOOD,
)


class ActionFallback(Action):
    def name(self) -> Text:
        return ACTION_FALLBACK

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        say_language_note(dispatcher, tracker)
        # The user event keeps the text as sent; the parse data's was emptied when too long.
        sent = tracker.get_last_event_for("user") or {}
        length = len(sent.get("text") or "")
        if length > LONGEST_MESSAGE_CHARS:
            dispatcher.utter_message(
                response=RESPONSE_MESSAGE_TOO_LONG,
                length=french.number(length),
                limit=french.number(LONGEST_MESSAGE_CHARS),
            )
        else:
            dispatcher.utter_message(response=RESPONSE_NOT_UNDERSTOOD)
        return []
