"""Ranking jobs by a figure of their sheets ("le métier le mieux payé", "lequel des trois recrute
le plus ?"): among the jobs named, or those just compared, or every job; the sheets without the
figure always named."""
from __future__ import annotations

from typing import List, Optional, Sequence

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import browsing, feedback, outcomes, rendering
from actions.knowledge_base import STORE
from actions.names import SLOT_ANSWERED_JOBS, SLOT_JOB, SLOT_LISTED_JOBS, SLOT_OFFERED_JOBS, SLOT_TOPICS
from actions.questions import Question, by_id, unique
from knowledge.rankings import MEASURE_TOPIC, rank
from knowledge.schema import JobSheet

def _sheets(ids: Optional[Sequence[str]]) -> List[JobSheet]:
    return [sheet for sheet in (STORE.get(job_id) for job_id in ids or []) if sheet is not None]


def ranked_jobs(question: Question, tracker: Tracker) -> Optional[List[JobSheet]]:
    """The jobs to rank: those named (two or more); one named with the job in focus, or none
    named with the jobs last answered, when the question points back at them ("lequel des
    deux ?"); else every job (``None``)."""
    if len(question.jobs) > 1:
        return question.jobs
    points_back = STORE.points_back(tracker.latest_message.get("text"))
    if points_back and question.jobs:
        in_focus = _sheets([tracker.get_slot(SLOT_JOB)])
        chosen = unique([*in_focus, *question.jobs], key=by_id)
        return chosen if len(chosen) > 1 else None
    answered = _sheets(tracker.get_slot(SLOT_ANSWERED_JOBS))
    return answered if points_back and len(answered) > 1 else None


def rank_jobs(dispatcher: CollectingDispatcher, tracker: Tracker, question: Question) -> List[EventType]:
    ranking = STORE.ranking(question.ranking)
    chosen = ranked_jobs(question, tracker)
    sheets = chosen or list(STORE.jobs)
    scope = (rendering.named_jobs_scope if chosen else rendering.every_job_scope)(len(sheets))
    ranked = [rank(sheets, measure, ranking.order) for measure in ranking.measures]
    shown = browsing.PAGE_SIZE
    quoted = unique([entry.sheet for measure in ranked for entry in measure.placed[:shown]], key=by_id)
    dispatcher.utter_message(text=rendering.ranking(scope, ranking.order, ranked, quoted, shown))
    feedback.offer_rating(dispatcher, tracker.get_latest_input_channel())
    topics = unique([MEASURE_TOPIC[measure] for measure in ranking.measures])
    missing = unique([(sheet, MEASURE_TOPIC[measure.measure]) for measure in ranked for sheet, _ in measure.lacking],
                     key=lambda pair: (pair[0].id, pair[1]))
    first = ranked[0].placed[:shown]
    return [
        outcomes.outcome(outcomes.ANSWERED if quoted else outcomes.MISSING_FACT, jobs=quoted or sheets,
                         topics=topics, missing=missing),
        SlotSet(SLOT_TOPICS, [topic.value for topic in topics]),
        SlotSet(SLOT_ANSWERED_JOBS, [sheet.id for sheet in quoted] or None),
        # "le premier" then picks the first of the ranking.
        SlotSet(SLOT_LISTED_JOBS, [entry.sheet.id for entry in first] or None),
        SlotSet(SLOT_OFFERED_JOBS, None),
    ]
