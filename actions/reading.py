"""The one reader of a message: what it asks (from the NLU pipeline's entities and parse data)
and what the conversation resolves (from the slots), in one record the router sends on.

Nothing here reads the raw text for what the pipeline found: the jobs, topics, details,
closed question, ranking and references to the conversation ("lequel des deux ?", "et
l'autre ?") come from the parse data; only a job name's own words are read back, to tell
the sheets a name such as "opérateur" may mean.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Dict, Hashable, Iterable, List, Optional, Sequence, Tuple, TypeVar

from rasa_sdk import Tracker

from actions.knowledge_base import STORE
from actions.names import (
    ENTITY_JOB, ENTITY_OTHER_JOB, ENTITY_RANK, ENTITY_TERM, ENTITY_TOPIC, INTENT_INFORM, PARSE_ASKS,
    PARSE_ASKS_EXISTENCE, PARSE_ASKS_FOR_MORE, PARSE_ASKS_NECESSITY, PARSE_ASKS_OPENLY, PARSE_COMPARED_FIGURES,
    PARSE_DETAIL_READINGS, PARSE_ELLIPSIS, PARSE_GOES_ON, PARSE_MENTIONED_DETAILS, PARSE_NEGATED, PARSE_OFFERS_A_CHOICE,
    PARSE_ONLY_A_JOB, PARSE_POINTS_BACK, PARSE_RANKING, PARSE_THE_OTHER_JOB, PARSE_THRESHOLD, PARSE_TOPIC_CANDIDATES,
    PARSE_TOPIC_RANKING, PARSE_TOPICS,
    PARSE_WEIGHS_THE_LAST_ANSWER, PARSE_YES_NO, SLOT_ANSWERED_JOBS, SLOT_DETAILS, SLOT_JOB, SLOT_LISTED_JOBS,
    SLOT_TOPICS, WHOLE_TOPIC,
)
from knowledge.schema import GlossaryEntry, JobSheet
from knowledge.topics import Topic, parse_topic

T = TypeVar("T")
# Ranks a user can pick from a list: "le premier" → 1, "le dernier" → -1.
LAST_RANK = -1


@dataclass(frozen=True)
class Ask:
    """One thing a message asks: a topic, or one detail of it (an id of knowledge/details.yml),
    with the readings the classifier found almost as likely (details, or WHOLE_TOPIC)."""

    topic: Topic
    detail: Optional[str] = None
    alternatives: Tuple[str, ...] = field(default=(), compare=False)
    # Whether the part of the question that asks it is a closed one ("faut-il parler anglais ?");
    # unknown (None) for a button's.
    yes_no: Optional[bool] = field(default=None, compare=False)


@dataclass(frozen=True)
class ComparedFigures:
    """Two details of one topic whose figures a closed question compares; ``more``: whether it
    asks if the first is the larger ("plus de femmes que d'hommes ?")."""

    first: str
    second: str
    more: bool


@dataclass(frozen=True)
class Threshold:
    """A figure a closed question weighs one of the sheet's against: ``more``, whether it asks if
    the sheet's is larger ("ça dépasse 2 000 € ?"); ``measure``: "percent", "euros" or "" when
    unsaid; ``period``: "month", "year" or ""."""

    more: bool
    value: float
    measure: str = ""
    period: str = ""


@dataclass
class Question:
    """What the latest message asks, and what the conversation says around it."""

    intent: str = ""
    # The text typed (a button sends "/ask{…}"), whose words search the job names of a listing
    # ("les métiers de la paie"); read by the classifiers of the NLU pipeline (a button's
    # payload skips them).
    text: str = ""
    classified: bool = False
    jobs: List[JobSheet] = field(default_factory=list)
    # What the classifiers read in the whole sentence (a typed message only), and the topics
    # its words name (a button's topic entity, "compare leurs formations").
    asks: List[Ask] = field(default_factory=list)
    said_topics: List[Topic] = field(default_factory=list)
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
    # The details whose words the message holds; whether it is a follow-up that leaves out what
    # the conversation says ("et par an ?").
    mentioned_details: List[str] = field(default_factory=list)
    ellipsis: bool = False
    # The job names as typed ("technicien de back office" for the gestionnaire).
    typed_job_names: List[str] = field(default_factory=list)
    # A question that opens with "et", however long; how likely each topic is in its words.
    goes_on: bool = False
    topic_likelihoods: Dict[Topic, float] = field(default_factory=dict)
    # "c'est tout ?": the whole of the last question's topics.
    asks_for_more: bool = False
    # "y a-t-il plus de femmes que d'hommes ?": the two details whose figures it compares, and
    # whether it asks if the first is the larger.
    compared_figures: Optional[ComparedFigures] = None
    # "ça dépasse 2 000 € par mois ?": the figure it weighs the sheet's against.
    threshold: Optional[Threshold] = None
    # "c'est beaucoup ?": the last answer again, which the sheets do not weigh.
    weighs_the_last_answer: bool = False
    # "et pour le gestionnaire ?": a job named, nothing else asked.
    only_a_job: bool = False
    # "on est pas souvent assis ?": a "oui" would mislead.
    negated: bool = False
    # "faut-il un master ?": not "oui" for an asset.
    asks_necessity: bool = False
    # "en équipe ou tout seul ?": no "non" to one alternative.
    offers_a_choice: bool = False
    # A short message's likeliest detail under each topic that a detail fits better than the
    # whole topic (topic → detail), to read it against the conversation's topic.
    detail_readings: Dict[Topic, str] = field(default_factory=dict)
    points_back: bool = False
    the_other_job: bool = False
    yes_no: bool = False
    asks_existence: bool = False
    asks_openly: bool = False
    # The conversation: the job in focus, the last question's asks, the sheets last quoted and
    # the jobs last listed.
    in_focus: Optional[JobSheet] = None
    last_asks: List[Ask] = field(default_factory=list)
    # The form of the last question, for it asked again ("et pour le gestionnaire ?").
    last_yes_no: bool = False
    last_asks_existence: bool = False
    last_mentioned_details: List[str] = field(default_factory=list)
    answered: List[JobSheet] = field(default_factory=list)
    listed: List[JobSheet] = field(default_factory=list)

    @property
    def only_unknown_jobs(self) -> bool:
        """Every job named is one the sheets do not cover."""
        return bool(self.unknown_jobs) and not self.jobs

    @property
    def informing(self) -> bool:
        """Naming or picking a job ("et pour le gestionnaire ?", "le premier")."""
        return self.intent == INTENT_INFORM or self.only_a_job



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


def parse_asks(values: object) -> List[Ask]:
    """The asks of the parse data (a list of ``{"topic", "detail"}``); anything forged is left out."""
    if not isinstance(values, list):
        return []
    asks = []
    for value in values:
        if not isinstance(value, dict):
            continue
        topic = parse_topic(value.get("topic"))
        detail = value.get("detail")
        if topic is None:
            continue
        alternatives = value.get("alternatives") if isinstance(value.get("alternatives"), list) else []
        yes_no = value.get("yes_no")
        asks.append(Ask(topic, detail if _detail_of(detail, topic) else None,
                        tuple(other for other in alternatives if other == WHOLE_TOPIC or _detail_of(other, topic)),
                        yes_no if isinstance(yes_no, bool) else None))
    return unique(asks)


def _detail_readings(values: object) -> Dict[Topic, str]:
    if not isinstance(values, dict):
        return {}
    readings = {parse_topic(topic): detail for topic, detail in values.items()}
    return {topic: detail for topic, detail in readings.items() if topic is not None and _detail_of(detail, topic)}


def _detail_of(value: object, topic: Topic) -> bool:
    """Whether ``value`` is the id of a detail of ``topic``."""
    return isinstance(value, str) and STORE.details.get(value) is not None and STORE.details.topic(value) == topic


def _flag(parsed: dict, key: str) -> bool:
    return parsed.get(key) is True


def read_question(tracker: Tracker) -> Question:
    """What the latest message asks, and the conversation's context."""
    parsed = tracker.latest_message
    text = parsed.get("text") or ""
    intent = (parsed.get("intent") or {}).get("name") or ""
    other_jobs = _entities(tracker, ENTITY_OTHER_JOB)
    # "gestionnaire de patrimoine" is another job, not the gestionnaire de back office.
    job_entities = [job for job in _entities(tracker, ENTITY_JOB) if not _overlaps(job, other_jobs)]
    ambiguous_name, choices = _ambiguous_name(job_entities, text)
    named = _values([job for job in job_entities if not ambiguous_name or _typed(job, text) != ambiguous_name])
    jobs = [STORE.resolve(value) for value in named]
    asks = parse_asks(parsed.get(PARSE_ASKS)) or [Ask(topic) for topic in _topics(parsed.get(PARSE_TOPICS))]
    candidates = [] if asks else _topics(parsed.get(PARSE_TOPIC_CANDIDATES))
    terms = [STORE.term(value) or STORE.resolve_term(value) for value in _values(_entities(tracker, ENTITY_TERM))]
    # "et pour le second métier ?" means the other job, not the second of a list.
    ranks = [] if _flag(parsed, PARSE_THE_OTHER_JOB) else [
        int(value) for value in _values(_entities(tracker, ENTITY_RANK))
        if len(value) <= 3 and value.lstrip("-").isdigit()
    ]
    ranking = parsed.get(PARSE_RANKING)
    last_parse = _last_question_parse(tracker)
    return Question(
        intent=intent,
        text="" if text.startswith("/") else text,
        classified=PARSE_TOPICS in parsed,
        jobs=unique([sheet for sheet in jobs if sheet is not None], key=by_id),
        asks=asks,
        said_topics=_topics(_values(_entities(tracker, ENTITY_TOPIC))),
        topic_candidates=candidates,
        terms=unique([term for term in terms if term is not None], key=by_id),
        ranks=ranks,
        unknown_jobs=unique([value for value, sheet in zip(named, jobs) if sheet is None] + _values(other_jobs)),
        ambiguous_name=ambiguous_name,
        choices=choices,
        ranking=ranking if isinstance(ranking, str) and STORE.ranking(ranking) else "",
        mentioned_details=_mentioned(parsed.get(PARSE_MENTIONED_DETAILS)),
        ellipsis=_flag(parsed, PARSE_ELLIPSIS),
        typed_job_names=[name for name in (_typed(job, text) for job in job_entities) if name],
        goes_on=_flag(parsed, PARSE_GOES_ON),
        topic_likelihoods=_topic_likelihoods(parsed.get(PARSE_TOPIC_RANKING)),
        asks_for_more=_flag(parsed, PARSE_ASKS_FOR_MORE),
        weighs_the_last_answer=_flag(parsed, PARSE_WEIGHS_THE_LAST_ANSWER),
        compared_figures=parse_compared_figures(parsed.get(PARSE_COMPARED_FIGURES)),
        threshold=parse_threshold(parsed.get(PARSE_THRESHOLD)),
        only_a_job=_flag(parsed, PARSE_ONLY_A_JOB),
        negated=_flag(parsed, PARSE_NEGATED),
        asks_necessity=_flag(parsed, PARSE_ASKS_NECESSITY),
        offers_a_choice=_flag(parsed, PARSE_OFFERS_A_CHOICE),
        detail_readings=_detail_readings(parsed.get(PARSE_DETAIL_READINGS)),
        points_back=_flag(parsed, PARSE_POINTS_BACK),
        the_other_job=_flag(parsed, PARSE_THE_OTHER_JOB),
        yes_no=_flag(parsed, PARSE_YES_NO),
        asks_existence=_flag(parsed, PARSE_ASKS_EXISTENCE),
        asks_openly=_flag(parsed, PARSE_ASKS_OPENLY),
        in_focus=STORE.get(tracker.get_slot(SLOT_JOB) or ""),
        last_asks=last_asks(tracker),
        last_yes_no=_flag(last_parse, PARSE_YES_NO),
        last_asks_existence=_flag(last_parse, PARSE_ASKS_EXISTENCE),
        last_mentioned_details=_mentioned(last_parse.get(PARSE_MENTIONED_DETAILS)),
        answered=_sheets(tracker.get_slot(SLOT_ANSWERED_JOBS)),
        listed=_sheets(tracker.get_slot(SLOT_LISTED_JOBS)),
    )


def _topic_likelihoods(value: object) -> Dict[Topic, float]:
    """The topic classifier's ranking, by topic; anything malformed left out."""
    likelihoods: Dict[Topic, float] = {}
    for entry in value if isinstance(value, list) else []:
        topic = parse_topic(entry.get("name")) if isinstance(entry, dict) else None
        confidence = entry.get("confidence") if isinstance(entry, dict) else None
        if topic is not None and isinstance(confidence, (int, float)) and not isinstance(confidence, bool):
            likelihoods[topic] = float(confidence)
    return likelihoods


def parse_compared_figures(value: object) -> Optional[ComparedFigures]:
    """The figures compared, from parse data that may be forged: two known details, a boolean."""
    if not isinstance(value, dict) or not isinstance(value.get("more"), bool):
        return None
    details = _mentioned(value.get("details"))
    if len(details) != 2 or details != value.get("details"):
        return None
    return ComparedFigures(details[0], details[1], value["more"])


def parse_threshold(value: object) -> Optional[Threshold]:
    """The figure weighed, from parse data that may be forged: a boolean, a finite number, known
    words for the measure and the period."""
    if not isinstance(value, dict) or not isinstance(value.get("more"), bool):
        return None
    number, measure, period = value.get("value"), value.get("measure", ""), value.get("period", "")
    if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number) \
            or measure not in ("percent", "euros", "") or period not in ("month", "year", ""):
        return None
    return Threshold(value["more"], float(number), measure, period)


def _mentioned(values: object) -> List[str]:
    return [value for value in values or [] if isinstance(value, str) and STORE.details.get(value) is not None] \
        if isinstance(values, list) else []


def _last_question_parse(tracker: Tracker) -> dict:
    """The parse data of the message before the latest one, if any."""
    said = [event for event in tracker.events if event.get("event") == "user"]
    parsed = said[-2].get("parse_data") if len(said) > 1 else None
    return parsed if isinstance(parsed, dict) else {}


def _sheets(ids: object) -> List[JobSheet]:
    if not isinstance(ids, list):
        return []
    found = [STORE.get(job_id) for job_id in ids if isinstance(job_id, str)]
    return [sheet for sheet in found if sheet is not None]


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


def last_asks(tracker: Tracker) -> List[Ask]:
    """The last question's asks: its topics, each with the detail of it asked, if any."""
    topics = [parse_topic(value) for value in tracker.get_slot(SLOT_TOPICS) or []]
    details = [value for value in tracker.get_slot(SLOT_DETAILS) or [] if isinstance(value, str)]
    asks = []
    for topic in (topic for topic in topics if topic is not None):
        of_topic = [detail for detail in details if STORE.details.get(detail) and STORE.details.topic(detail) == topic]
        asks.extend([Ask(topic, detail) for detail in of_topic] or [Ask(topic)])
    return asks


def job_at_rank(jobs: Sequence[JobSheet], rank: int) -> Optional[JobSheet]:
    if rank == LAST_RANK and jobs:
        return jobs[-1]
    return jobs[rank - 1] if 1 <= rank <= len(jobs) else None
