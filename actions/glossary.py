"""Explaining the terms the sheets use (code ROME, CDI, monétique…) from the glossary."""
from typing import Any, Dict, List, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.knowledge_base import STORE
from actions.languages import say_language_note
from actions.names import ACTION_DEFINE_TERM, ENTITY_TOPIC
from actions.reading import by_id, read_question, unique
from knowledge.schema import GlossaryEntry


def define(dispatcher: CollectingDispatcher, entries: Sequence[GlossaryEntry]) -> List[EventType]:
    for entry in entries:
        dispatcher.utter_message(text=rendering.definition(entry))
    return []


def terms_asked(tracker: Tracker) -> List[GlossaryEntry]:
    """Glossary terms named, including words also taken as topics ("CDI", "code ROME")."""
    text = tracker.latest_message.get("text") or ""
    spans = [
        text[entity["start"]:entity["end"]]
        for entity in tracker.latest_message.get("entities") or []
        if entity.get("entity") == ENTITY_TOPIC and isinstance(entity.get("start"), int)
        and isinstance(entity.get("end"), int)
    ]
    from_topics = [STORE.resolve_term(span) for span in spans]
    return unique([*read_question(tracker).terms, *(entry for entry in from_topics if entry)], key=by_id)


class ActionDefineTerm(Action):
    def name(self) -> Text:
        return ACTION_DEFINE_TERM

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        say_language_note(dispatcher, tracker)
        entries = terms_asked(tracker)
        if entries:
            return define(dispatcher, entries)
        dispatcher.utter_message(text=rendering.unknown_term(STORE.glossary))
        return []
