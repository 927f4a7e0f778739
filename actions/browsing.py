"""Listing the jobs the bot knows, so a user can pick one ("le premier") or a button."""
from typing import Any, Dict, List, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import outcomes, rendering
from actions.knowledge_base import STORE
from actions.languages import say_language_note
from actions.names import ACTION_LIST_JOBS, SLOT_LISTED_JOBS, SLOT_TOPICS
from actions.questions import ask_payload, job_buttons
from knowledge.schema import JobSheet
from knowledge.topics import Topic

# Buttons offered when a name fits several sheets: more would not fit a phone's screen.
MAX_CHOICES = 8


def list_jobs(dispatcher: CollectingDispatcher) -> List[EventType]:
    """The jobs, numbered, with a button each; picking one then presents it."""
    dispatcher.utter_message(text=rendering.job_list(STORE.jobs), buttons=job_buttons(STORE.jobs))
    return [SlotSet(SLOT_LISTED_JOBS, [sheet.id for sheet in STORE.jobs]), SlotSet(SLOT_TOPICS, None)]


def say_unknown_job(
    dispatcher: CollectingDispatcher, names: Sequence[str], topics: Sequence[Topic] = ()
) -> List[EventType]:
    """A job the sheets do not cover (``names``, as typed: "boulanger"): say so and list the
    ones they do; picking one then answers the question asked ("salaire d'un boulanger ?")."""
    dispatcher.utter_message(text=rendering.unknown_job(STORE.jobs), buttons=job_buttons(STORE.jobs))
    return [
        outcomes.outcome(outcomes.UNKNOWN_JOB, topics=topics, unknown_jobs=names),
        SlotSet(SLOT_LISTED_JOBS, [sheet.id for sheet in STORE.jobs]),
        SlotSet(SLOT_TOPICS, [topic.value for topic in topics] or None),
    ]


def ask_which_job(
    dispatcher: CollectingDispatcher, name: str, choices: Sequence[JobSheet], topics: Sequence[Topic] = ()
) -> List[EventType]:
    """A name several sheets answer to ("opérateur"): the user chooses, never a guess. Each
    button asks the question again for its sheet (the topics are kept for it)."""
    shown = list(choices[:MAX_CHOICES])
    topic = topics[0] if len(topics) == 1 else None
    dispatcher.utter_message(
        text=rendering.which_job(name, shown, len(choices)),
        buttons=[{"title": sheet.name, "payload": ask_payload(sheet, topic)} for sheet in shown],
    )
    return [
        outcomes.outcome(outcomes.CLARIFICATION, topics=topics),
        SlotSet(SLOT_LISTED_JOBS, [sheet.id for sheet in shown]),
        SlotSet(SLOT_TOPICS, [topic.value for topic in topics] or None),
    ]


class ActionListJobs(Action):
    def name(self) -> Text:
        return ACTION_LIST_JOBS

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        say_language_note(dispatcher, tracker)
        return list_jobs(dispatcher)
