"""Comparing jobs side by side, topic by topic, saying where a sheet has no data."""
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

# answering compares two jobs named in a question and this module answers a question on one:
# each module imports the other, for use at run time only.
from actions import answering, browsing, feedback, outcomes, ranking, rendering
from actions.knowledge_base import STORE
from actions.languages import say_language_note
from actions.names import ACTION_COMPARE, SLOT_ANSWERED_JOBS, SLOT_JOB, SLOT_OFFERED_JOBS, SLOT_TOPICS
from actions.questions import by_id, read_question, unique
from knowledge.schema import JobSheet
from knowledge.topics import Topic, sheet_holds

# Compared when the user names no topic ("quelle différence entre … ?").
OVERVIEW_TOPICS = (Topic.DESCRIPTION, Topic.TRAINING, Topic.SALARY, Topic.LABOUR_MARKET, Topic.MOBILITY)


def compare(
    dispatcher: CollectingDispatcher, sheets: Sequence[JobSheet], topics: Sequence[Topic],
    channel: Optional[str] = None,
) -> List[EventType]:
    if topics:
        for topic in topics:
            dispatcher.utter_message(text=rendering.comparison(sheets, topic))
    else:
        dispatcher.utter_message(text=rendering.overview(sheets, OVERVIEW_TOPICS))
    feedback.offer_rating(dispatcher, channel)
    missing = [(sheet, topic) for topic in topics for sheet in sheets if not sheet_holds(sheet, topic)]
    return [
        outcomes.outcome(outcomes.ANSWERED, jobs=sheets, topics=topics, missing=missing),
        SlotSet(SLOT_TOPICS, [topic.value for topic in topics] or None),
        SlotSet(SLOT_ANSWERED_JOBS, [sheet.id for sheet in sheets]),
        SlotSet(SLOT_OFFERED_JOBS, None),
    ]


def compared_jobs(named: Sequence[JobSheet], in_focus: Optional[JobSheet]) -> List[JobSheet]:
    """Two named jobs, or the one named and the one in focus, or every job."""
    chosen = unique([*named, *([in_focus] if in_focus else [])], key=by_id)
    return chosen if len(chosen) > 1 else list(STORE.jobs)


def asks_about_one_job(named: Sequence[JobSheet], in_focus: Optional[JobSheet]) -> bool:
    """A comparison needs a second job: the intent classifier may take questions on one job for
    comparisons ("bts ou dut, lequel choisir pour devenir gestionnaire ?", "le gestionnaire
    doit connaître le droit des prêts ?"). With one job named and no other in focus, the
    message is a question on that job ("et par rapport à l'opérateur ?" after the
    gestionnaire still compares them)."""
    return len(named) == 1 and (in_focus is None or in_focus.id == named[0].id)


class ActionCompare(Action):
    def name(self) -> Text:
        return ACTION_COMPARE

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        say_language_note(dispatcher, tracker)
        question = read_question(tracker)
        if question.only_unknown_jobs:
            return browsing.say_unknown_job(dispatcher, question.unknown_jobs, question.topics)
        if question.choices and not question.jobs:
            return browsing.ask_which_job(dispatcher, question.ambiguous_name, question.choices, question.topics)
        if question.ranking:
            return ranking.rank_jobs(dispatcher, tracker, question)
        in_focus = STORE.get(tracker.get_slot(SLOT_JOB) or "")
        if asks_about_one_job(question.jobs, in_focus):
            return answering.answer_question(dispatcher, tracker, read_question(tracker, typed_question=True))
        compared = compared_jobs(question.jobs, in_focus)
        if len(compared) > browsing.PAGE_SIZE:
            # Every job, when there are many, is no comparison anyone could read.
            dispatcher.utter_message(text=rendering.too_many_to_compare(len(compared), *compared[:2]))
            return [outcomes.outcome(outcomes.CLARIFICATION, topics=question.topics)]
        return compare(dispatcher, compared, question.topics, tracker.get_latest_input_channel())
