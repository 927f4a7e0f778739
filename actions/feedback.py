"""Ratings of answers: a discreet 👍 / 👎 on the last message of an answer about a sheet.

The rating is kept in the conversation (the ``rating`` slot, one ``SlotSet`` event per
rating) with what it rates: the question, the answer's text, the jobs and topics. A 👎 asks
what was missing; the next message, unless it is a question the bot answers, is thanked as
that comment (``utter_thank_for_comment``, rules in ``data/rules.yml``) and stays in the
conversation after the rating.
Typed "utile" / "pas utile" rate the same way (``rasa shell``, REST).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.names import (
    ACTION_RATE_NOT_USEFUL, ACTION_RATE_USEFUL, INTENT_FEEDBACK_NOT_USEFUL,
    INTENT_FEEDBACK_USEFUL, SLOT_ANSWERED_JOBS, SLOT_RATING, SLOT_TOPICS,
)

USEFUL = "utile"
NOT_USEFUL = "pas utile"
# `rasa shell` turns any buttons into a menu to pick from: there, ratings are typed.
CHANNELS_WITHOUT_RATING_BUTTONS = frozenset({"cmdline"})
RATING_BUTTONS = (
    {"title": rendering.RATING_USEFUL_BUTTON, "payload": f"/{INTENT_FEEDBACK_USEFUL}"},
    {"title": rendering.RATING_NOT_USEFUL_BUTTON, "payload": f"/{INTENT_FEEDBACK_NOT_USEFUL}"},
)


def offer_rating(dispatcher: CollectingDispatcher, channel: Optional[str]) -> None:
    """Puts the rating buttons on the last text of the answer just said (none if it already
    has buttons: an offer to choose comes first)."""
    if channel in CHANNELS_WITHOUT_RATING_BUTTONS:
        return
    texts = [message for message in dispatcher.messages if message.get("text")]
    if texts and not texts[-1].get("buttons"):
        texts[-1]["buttons"] = [dict(button) for button in RATING_BUTTONS]


def rated_exchange(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The question before the rating and the bot's text answering it, with the jobs it quoted
    and its topics; ``None`` when that exchange quoted no sheet."""
    user_events = [event for event in tracker.events if event.get("event") == "user"]
    if len(user_events) < 2:
        return None
    question = user_events[-2]
    exchange = tracker.events[tracker.events.index(question) + 1:]
    quoted = [event.get("value") for event in exchange
              if event.get("event") == "slot" and event.get("name") == SLOT_ANSWERED_JOBS and event.get("value")]
    answer = [event.get("text") for event in exchange if event.get("event") == "bot" and event.get("text")]
    if not quoted or not answer:
        return None
    return {"question": question.get("text") or "", "answer": "\n".join(answer), "jobs": list(quoted[-1]),
            "topics": list(tracker.get_slot(SLOT_TOPICS) or [])}


class RatingAction:
    """Keeps the rating with the exchange it rates; a 👎 asks what was missing. (Not an
    ``Action`` itself, so that rasa-sdk registers only the two below.)"""

    rating = USEFUL
    reply = rendering.RATING_THANKS

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        rated = rated_exchange(tracker)
        if rated is None:
            dispatcher.utter_message(text=rendering.NOTHING_TO_RATE)
            return []
        dispatcher.utter_message(text=self.reply)
        return [SlotSet(SLOT_RATING, {"rating": self.rating, **rated})]


class ActionRateUseful(RatingAction, Action):
    def name(self) -> Text:
        return ACTION_RATE_USEFUL


class ActionRateNotUseful(RatingAction, Action):
    rating = NOT_USEFUL
    reply = rendering.RATING_ASK_WHAT_WAS_MISSING

    def name(self) -> Text:
        return ACTION_RATE_NOT_USEFUL

