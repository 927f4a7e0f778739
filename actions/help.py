"""What the bot can do: the jobs it knows (from the knowledge base) and sample questions."""
from itertools import cycle
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.knowledge_base import STORE
from actions.languages import say_language_note
from actions.names import ACTION_SHOW_HELP, PAGE_SIZE
from actions.payloads import ask_payload
from knowledge.topics import Topic

SAMPLE_TOPICS = (Topic.DESCRIPTION, Topic.SALARY, Topic.TRAINING)


def show_help(dispatcher: CollectingDispatcher) -> List[EventType]:
    buttons = [
        {"title": rendering.sample_question(topic, sheet), "payload": ask_payload(sheet, topic)}
        for topic, sheet in zip(SAMPLE_TOPICS, cycle(STORE.jobs))
    ]
    buttons.append({"title": rendering.COMPARE_BUTTON, "payload": "/compare"})
    dispatcher.utter_message(text=rendering.help_text(STORE.jobs, PAGE_SIZE), buttons=buttons)
    return []


class ActionShowHelp(Action):
    def name(self) -> Text:
        return ACTION_SHOW_HELP

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        say_language_note(dispatcher, tracker)
        return show_help(dispatcher)
