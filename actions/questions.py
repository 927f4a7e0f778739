"""What the latest message asks, read from its entities and completed from the
conversation's slots. Shared by the actions that answer, compare and define.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, Hashable, Iterable, List, Optional, Sequence, Tuple, TypeVar

from rasa_sdk import Tracker

from actions.knowledge_base import STORE
from actions.names import (
    ENTITY_JOB, ENTITY_OTHER_JOB, ENTITY_RANK, ENTITY_TERM, ENTITY_TOPIC, INTENT_ASK,
    PARSE_TOPIC_CANDIDATES, PARSE_TOPICS, SLOT_LISTED_JOBS, SLOT_TOPICS,
)
from knowledge.schema import GlossaryEntry, JobSheet
from knowledge.topics import Topic, parse_topic

T = TypeVar("T")


@dataclass
class Question:
    """What the latest message asks, before the context fills the gaps."""

    jobs: List[JobSheet] = field(default_factory=list)
    topics: List[Topic] = field(default_factory=list)
    terms: List[GlossaryEntry] = field(default_factory=list)
    ranks: List[int] = field(default_factory=list)
    # The question is about a job but its topic is unclear: the likeliest ones to offer.
    topic_candidates: List[Topic] = field(default_factory=list)
    # The jobs named that the knowledge base does not have ("boulanger"), as typed.
    unknown_jobs: List[str] = field(default_factory=list)
    # A name several sheets answer to ("opérateur"), as typed, and those sheets.
    ambiguous_name: str = ""
    choices: List[JobSheet] = field(default_factory=list)
    # A ranking asked ("le mieux payé"): its id in knowledge/rankings.yml.
    ranking: str = ""

    @property
    def only_unknown_jobs(self) -> bool:
        """Every job named is one the sheets do not cover."""
        return bool(self.unknown_jobs) and not self.jobs


def unique(items: Iterable[T], key: Callable[[T], Hashable] = lambda item: item) -> List[T]:
    """``items`` without repeats, in order (records compare by ``key``, e.g. their id)."""
    seen: Dict[Hashable, T] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def by_id(record) -> str:
    return record.id


def _entities(tracker: Tracker, entity: str) -> List[dict]:
    found = tracker.latest_message.get("entities") or []
    return [
        item for item in found
        if isinstance(item, dict) and item.get("entity") == entity and isinstance(item.get("value"), (str, int))
    ]


def _values(entities: List[dict]) -> List[str]:
    return unique([str(entity["value"]) for entity in entities])


def _overlaps(entity: dict, others: List[dict]) -> bool:
    start, end = entity.get("start"), entity.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    return any(
        isinstance(other.get("start"), int) and isinstance(other.get("end"), int)
        and other["start"] < end and start < other["end"]
        for other in others
    )


def _topics(values: object) -> List[Topic]:
    if not isinstance(values, list):
        return []
    return unique([topic for topic in map(parse_topic, values) if topic is not None])


def read_question(tracker: Tracker, typed_question: Optional[bool] = None) -> Question:
    """What the latest message asks. Its topics are those the topic classifier read in
    the sentence when it is a question the user typed (``typed_question``; by default, a
    message of intent ``ask``), else the topic words it says."""
    other_jobs = _entities(tracker, ENTITY_OTHER_JOB)
    parsed = tracker.latest_message
    # "gestionnaire de patrimoine" is another job, not the gestionnaire de back office.
    job_entities = [job for job in _entities(tracker, ENTITY_JOB) if not _overlaps(job, other_jobs)]
    ambiguous_name, choices = _ambiguous_name(job_entities, parsed.get("text") or "")
    named = _values([job for job in job_entities
                     if not ambiguous_name or _typed(job, parsed.get("text") or "") != ambiguous_name])
    jobs = [STORE.resolve(value) for value in named]
    if typed_question is None:
        typed_question = (parsed.get("intent") or {}).get("name") == INTENT_ASK
    if typed_question and PARSE_TOPICS in parsed:
        # A question typed by the user: the topic classifier read the whole sentence.
        topics = _topics(parsed.get(PARSE_TOPICS))
        candidates = [] if topics else _topics(parsed.get(PARSE_TOPIC_CANDIDATES))
    else:
        # A button, or another intent ("compare leurs formations"): the topic words said.
        topics = _topics(_values(_entities(tracker, ENTITY_TOPIC)))
        candidates = []
    terms = [STORE.term(value) or STORE.resolve_term(value) for value in _values(_entities(tracker, ENTITY_TERM))]
    ranks = [
        int(value) for value in _values(_entities(tracker, ENTITY_RANK))
        if len(value) <= 3 and value.lstrip("-").isdigit()
    ]
    return Question(
        jobs=unique([sheet for sheet in jobs if sheet is not None], key=by_id),
        topics=topics,
        topic_candidates=candidates,
        terms=unique([term for term in terms if term is not None], key=by_id),
        ranks=ranks,
        unknown_jobs=unique([value for value, sheet in zip(named, jobs) if sheet is None] + _values(other_jobs)),
        ambiguous_name=ambiguous_name,
        choices=choices,
        ranking=_ranking(parsed.get("text") or ""),
    )


def _ranking(text: str) -> str:
    """The ranking a typed question asks ("le métier le mieux payé"), read from its words: a
    button's payload ("/compare") asks none."""
    found = None if text.startswith("/") else STORE.find_ranking(text)
    return found.id if found else ""


def _typed(entity: dict, text: str) -> str:
    """The words the user typed for ``entity`` ("" for a button's, which has no place in a text)."""
    start, end = entity.get("start"), entity.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return ""
    return text[start:end]


def _ambiguous_name(job_entities: List[dict], text: str) -> Tuple[str, List[JobSheet]]:
    """The first job name typed that several sheets answer to, and those sheets."""
    for entity in job_entities:
        typed = _typed(entity, text)
        sheets = STORE.sheets_named_by(typed) if typed else []
        if len(sheets) > 1:
            return typed, sheets
    return "", []


# Ranks a user can pick from a list: "le premier" → 1, "le dernier" → -1.
LAST_RANK = -1


def listed_jobs(tracker: Tracker) -> List[JobSheet]:
    """The jobs in the order the bot last listed them (the store's order otherwise)."""
    listed = [STORE.get(job_id) for job_id in tracker.get_slot(SLOT_LISTED_JOBS) or []]
    return [sheet for sheet in listed if sheet is not None] or list(STORE.jobs)


def job_at_rank(jobs: Sequence[JobSheet], rank: int) -> Optional[JobSheet]:
    if rank == LAST_RANK and jobs:
        return jobs[-1]
    return jobs[rank - 1] if 1 <= rank <= len(jobs) else None


def last_topics(tracker: Tracker) -> List[Topic]:
    topics = [parse_topic(value) for value in tracker.get_slot(SLOT_TOPICS) or []]
    return [topic for topic in topics if topic is not None]
