"""Ranking jobs by a figure of their sheets ("le métier le mieux payé", "lequel des trois recrute
le plus ?"): among the jobs named, or those just compared, or every job; the sheets without the
figure always named."""
from __future__ import annotations

from typing import List, Optional

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import feedback, outcomes, rendering
from actions.knowledge_base import STORE
from actions.names import PAGE_SIZE, SLOT_ANSWERED_JOBS, SLOT_LISTED_JOBS, SLOT_OFFERED_JOBS, SLOT_TOPICS
from actions.reading import Question, by_id, unique
from knowledge.rankings import MEASURE_TOPIC, rank
from knowledge.schema import JobSheet


def ranked_jobs(question: Question) -> Optional[List[JobSheet]]:
    """The jobs to rank: those named (two or more); one named with the job in focus, or none
    named with the jobs last answered, when the question points back at them ("lequel des
    deux ?"); else every job (``None``)."""
    if len(question.jobs) > 1:
        return question.jobs
    if question.points_back and question.jobs:
        in_focus = [question.in_focus] if question.in_focus else []
        chosen = unique([*in_focus, *question.jobs], key=by_id)
        return chosen if len(chosen) > 1 else None
    answered = question.answered
    return answered if question.points_back and len(answered) > 1 else None


def rank_jobs(dispatcher: CollectingDispatcher, question: Question, channel: Optional[str]) -> List[EventType]:
    ranking = STORE.ranking(question.ranking)
    chosen = ranked_jobs(question)
    sheets = chosen or list(STORE.jobs)
    scope = (rendering.named_jobs_scope if chosen else rendering.every_job_scope)(len(sheets))
    ranked = [rank(sheets, measure, ranking.order) for measure in ranking.measures]
    shown = PAGE_SIZE
    quoted = unique([entry.sheet for measure in ranked for entry in measure.placed[:shown]], key=by_id)
    dispatcher.utter_message(text=rendering.ranking(scope, ranking.order, ranked, quoted, shown))
    feedback.offer_rating(dispatcher, channel)
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
