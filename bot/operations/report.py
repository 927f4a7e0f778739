"""The operator's report: ``make report`` (``FROM=``/``TO=``, default the last 30 days).

Reads the conversations of the period from the store ``endpoints.yml`` names and writes the
same figures twice: ``results/rapport.html`` (one self-contained page, charts included, for
people) and ``results/rapport.json`` (for other tools). What people asked and what became of
it: conversations and messages per day; answered from a sheet, missing fact, clarification,
not understood, unknown job, out of scope; the jobs and topics asked; the questions not
understood, grouped; the unknown jobs asked (demand for new sheets); the facts asked that
the sheets lack (demand for sheet content); the ratings, and each 👎 with its exchange;
response times. Texts are masked and senders pseudonymised (``privacy.py``).
"""
from __future__ import annotations

import json
import math
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import sqlalchemy as sa

from actions import outcomes
from actions.feedback import NOT_USEFUL, USEFUL
from actions.french import number
from actions.knowledge_base import STORE
from actions.names import (
    ACTION_FALLBACK, RESPONSE_COMMENT_THANKS, RESPONSE_OUT_OF_SCOPE, SLOT_OUTCOME, SLOT_RATING,
)
from actions.rendering import topic_button_title
from bot.operations.conversation_store import (
    EVENTS_TABLE, ConversationStoreError, open_store, period, period_label, period_parser,
)
from bot.operations.privacy import mask_personal_data, pseudonym, pseudonym_key
from bot.operations.report_page import report_page
from bot.operations.review_export import guess
from bot.server.arrival_time import RECEIVED_AT
from knowledge.topics import parse_topic

DEFAULT_OUTPUT = Path("results") / "rapport"
NOT_UNDERSTOOD = "not_understood"
OUT_OF_SCOPE = "out_of_scope"
OTHER = "other"
# Where each message is filed (``Turn.category``), in the report's order.
CATEGORIES = (
    outcomes.ANSWERED, outcomes.MISSING_FACT, outcomes.CLARIFICATION, NOT_UNDERSTOOD, outcomes.UNKNOWN_JOB,
    OUT_OF_SCOPE, OTHER,
)
CATEGORY_LABELS = {
    outcomes.ANSWERED: "Répondu depuis une fiche",
    outcomes.MISSING_FACT: "Fait absent des fiches",
    outcomes.CLARIFICATION: "Demande de préciser",
    NOT_UNDERSTOOD: "Non compris",
    outcomes.UNKNOWN_JOB: "Métier inconnu",
    OUT_OF_SCOPE: "Hors sujet",
    OTHER: "Autres (salutations, aide, listes, définitions, avis…)",
}
OVERVIEW = "overview"
OVERVIEW_LABEL = "Vue d'ensemble (comparaison)"


@dataclass
class Turn:
    """One message of a user and what the bot did with it."""

    sender: str
    conversation: tuple
    at: float
    # When the message reached the server (bot/server/arrival_time.py), if recorded.
    received_at: Optional[float]
    text: str
    guess: str
    actions: List[str] = field(default_factory=list)
    outcome: Optional[Dict[str, Any]] = None
    last_reply_at: Optional[float] = None

    @property
    def category(self) -> str:
        """Not understood if the bot said so, else what its answering action recorded, else out
        of scope if it said that, else other."""
        if ACTION_FALLBACK in self.actions:
            return NOT_UNDERSTOOD
        if self.outcome and self.outcome.get("kind") in outcomes.KINDS:
            return self.outcome["kind"]
        if RESPONSE_OUT_OF_SCOPE in self.actions:
            return OUT_OF_SCOPE
        return OTHER


@dataclass
class Rating:
    """A 👍 / 👎 with the exchange it rates, and the comment typed after a 👎."""

    sender: str
    at: float
    value: Dict[str, Any]
    comment: Optional[str] = None


def read_conversations(engine: sa.engine.Engine, start: float, end: float) -> Iterator[tuple]:
    """The events stored between ``start`` and ``end``, conversation by conversation, streamed
    (only the rows that need it are parsed)."""
    query = sa.text(f"SELECT sender_id, type_name, action_name, timestamp, data FROM {EVENTS_TABLE} "
                    "WHERE timestamp >= :start AND timestamp < :end ORDER BY sender_id, id")
    with engine.connect() as connection:
        result = connection.execution_options(stream_results=True).execute(query, {"start": start, "end": end})
        yield from result


def turns_and_ratings(rows: Iterable[tuple]) -> Tuple[List[Turn], List[Rating]]:
    """The user messages (with what the bot did) and the ratings, from the events' rows."""
    turns: List[Turn] = []
    ratings: List[Rating] = []
    sender, session, turn = None, 0, None
    for sender_id, type_name, action_name, timestamp, data in rows:
        if sender_id != sender:
            sender, session, turn = sender_id, 0, None
        if type_name == "session_started":
            session, turn = session + 1, None
        elif type_name == "user":
            event = json.loads(data)
            parse = event.get("parse_data") or {}
            _, said = guess(parse)
            received_at = (event.get("metadata") or {}).get(RECEIVED_AT)
            turn = Turn(sender_id, (sender_id, session), timestamp,
                        received_at if isinstance(received_at, (int, float)) else None,
                        event.get("text") or "", said)
            turns.append(turn)
        elif turn is None:
            continue
        elif type_name == "action" and action_name:
            turn.actions.append(action_name)
            if action_name == RESPONSE_COMMENT_THANKS and ratings and ratings[-1].sender == sender_id:
                ratings[-1].comment = turn.text
        elif type_name == "bot":
            turn.last_reply_at = timestamp
        elif type_name == "slot" and (f'"{SLOT_OUTCOME}"' in data or f'"{SLOT_RATING}"' in data):
            event = json.loads(data)
            if event.get("name") == SLOT_OUTCOME and isinstance(event.get("value"), dict):
                turn.outcome = event["value"]
            elif event.get("name") == SLOT_RATING and isinstance(event.get("value"), dict):
                ratings.append(Rating(sender_id, timestamp, event["value"]))
    return turns, ratings


def _folded(text: str) -> str:
    """What two spellings of one question share: no case, accents or punctuation."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.findall(r"\w+", text))


def _grouped(texts: Iterable[str]) -> List[Dict[str, Any]]:
    """Texts grouped by their folded form, most frequent first, each shown as its commonest
    spelling."""
    groups: Dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        if text.strip():
            groups[_folded(text)][text] += 1
    rows = [{"text": spellings.most_common(1)[0][0], "count": sum(spellings.values())} for spellings in groups.values()]
    return sorted(rows, key=lambda row: (-row["count"], row["text"]))


def _job_name(job_id: str) -> str:
    sheet = STORE.get(job_id)
    return sheet.name if sheet else job_id


def _topic_label(value: str) -> str:
    """"Salaire", or with the detail asked of it: "Salaire : le salaire médian"."""
    if value == OVERVIEW:
        return OVERVIEW_LABEL
    value, _, detail_id = value.partition(DETAIL_SEPARATOR)
    topic = parse_topic(value)
    label = topic_button_title(topic) if topic else value
    detail = STORE.details.get(detail_id) if detail_id else None
    return f"{label} : {detail.name}" if detail else label


def _counted(counter: Counter, key: str, label) -> List[Dict[str, Any]]:
    return [{key: name, "label": label(name), "count": count}
            for name, count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))]


def _percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of sorted ``values``."""
    return values[max(0, math.ceil(share * len(values)) - 1)]


def _days(since: datetime, until: datetime) -> List[date]:
    last = (until - timedelta(seconds=1)).date()
    return [since.date() + timedelta(days=offset) for offset in range((last - since.date()).days + 1)]


# In the counts of facts missing: "<topic>/<detail>" for a detail asked of a topic.
DETAIL_SEPARATOR = "/"


def figures(turns: Sequence[Turn], ratings: Sequence[Rating], since: datetime, until: datetime,
            key: bytes) -> Dict[str, Any]:
    """Every figure of the report, as JSON-ready data: texts masked, senders pseudonymised."""
    per_day = {day: {"conversations": set(), "messages": 0} for day in _days(since, until)}
    categories: Counter = Counter()
    jobs: Counter = Counter()
    topics: Counter = Counter()
    unknown_jobs: List[str] = []
    missing: Dict[str, Counter] = defaultdict(Counter)
    not_understood: List[Turn] = []
    response_times: List[float] = []
    first_day_of: Dict[tuple, date] = {}
    for turn in turns:
        day = datetime.fromtimestamp(turn.at).date()
        first_day_of.setdefault(turn.conversation, day)
        if day in per_day:
            per_day[day]["messages"] += 1
        categories[turn.category] += 1
        outcome = turn.outcome or {}
        if turn.category == NOT_UNDERSTOOD:
            not_understood.append(turn)
        elif turn.category in outcomes.KINDS:
            jobs.update(outcome.get("jobs") or [])
            topics.update(outcome.get("topics") or [])
            for lacking in outcome.get("missing") or []:
                asked = lacking.get("topic", "")
                if lacking.get("detail"):
                    asked = f"{asked}{DETAIL_SEPARATOR}{lacking['detail']}"
                missing[lacking.get("job", "")][asked] += 1
            unknown_jobs += [mask_personal_data(str(name)) for name in outcome.get("unknown_jobs") or []]
        # Arrival is before recording; a later one would be some other clock's.
        arrived = turn.received_at if turn.received_at is not None and turn.received_at <= turn.at else turn.at
        if turn.last_reply_at is not None and turn.last_reply_at >= arrived:
            response_times.append(turn.last_reply_at - arrived)
    for conversation, day in first_day_of.items():
        if day in per_day:
            per_day[day]["conversations"].add(conversation)
    messages = len(turns)
    guesses = {}
    for turn in not_understood:
        guesses.setdefault(_folded(mask_personal_data(turn.text)), turn.guess)
    response_times.sort()
    return {
        "period": {"from": since.date().isoformat(), "to": (until - timedelta(seconds=1)).date().isoformat(),
                   "label": period_label(since, until)},
        "generated_at": datetime.now().isoformat(timespec="seconds"),
        "totals": {"conversations": len(first_day_of), "messages": messages,
                   "people": len({turn.sender for turn in turns})},
        "per_day": [{"day": day.isoformat(), "conversations": len(counts["conversations"]),
                     "messages": counts["messages"]} for day, counts in per_day.items()],
        "outcomes": [{"outcome": name, "label": CATEGORY_LABELS[name], "count": categories[name],
                      "share": round(categories[name] / messages, 4) if messages else 0.0} for name in CATEGORIES],
        "jobs_asked": _counted(jobs, "job", _job_name),
        "topics_asked": _counted(topics, "topic", _topic_label),
        "not_understood": [{**group, "guess": guesses.get(_folded(group["text"]), "")}
                           for group in _grouped(mask_personal_data(turn.text) for turn in not_understood)],
        "unknown_jobs": _grouped(unknown_jobs),
        "missing_facts": sorted(
            ({"job": job, "name": _job_name(job), "count": sum(asked.values()),
              "topics": _counted(asked, "topic", _topic_label)} for job, asked in missing.items()),
            key=lambda row: (-row["count"], row["name"])),
        "ratings": _ratings(ratings),
        "rated_down": [_rated_down(rating, key) for rating in ratings if rating.value.get("rating") == NOT_USEFUL],
        "response_time": {
            "messages": len(response_times),
            "median_seconds": round(statistics.median(response_times), 3),
            "p95_seconds": round(_percentile(response_times, 0.95), 3),
        } if response_times else None,
    }


def _ratings(ratings: Sequence[Rating]) -> Dict[str, Any]:
    per_topic: Dict[str, Counter] = defaultdict(Counter)
    for rating in ratings:
        for topic in rating.value.get("topics") or [OVERVIEW]:
            per_topic[topic][rating.value.get("rating")] += 1
    return {
        "useful": sum(rating.value.get("rating") == USEFUL for rating in ratings),
        "not_useful": sum(rating.value.get("rating") == NOT_USEFUL for rating in ratings),
        "per_topic": sorted(
            ({"topic": topic, "label": _topic_label(topic), "useful": counts[USEFUL],
              "not_useful": counts[NOT_USEFUL]} for topic, counts in per_topic.items()),
            key=lambda row: (-(row["useful"] + row["not_useful"]), row["label"])),
    }


def _rated_down(rating: Rating, key: bytes) -> Dict[str, Any]:
    value = rating.value
    return {
        "at": datetime.fromtimestamp(rating.at).isoformat(timespec="minutes"),
        "sender": pseudonym(rating.sender, key),
        "question": mask_personal_data(str(value.get("question") or "")),
        "answer": mask_personal_data(str(value.get("answer") or "")),
        "jobs": [_job_name(str(job)) for job in value.get("jobs") or []],
        "topics": [_topic_label(str(topic)) for topic in value.get("topics") or []] or [OVERVIEW_LABEL],
        "comment": mask_personal_data(rating.comment) if rating.comment else None,
    }


def build_report(engine: sa.engine.Engine, since: datetime, until: datetime, key: bytes) -> Dict[str, Any]:
    turns, ratings = turns_and_ratings(read_conversations(engine, since.timestamp(), until.timestamp()))
    return figures(turns, ratings, since, until, key)


def main(arguments: Optional[Sequence[str]] = None) -> int:
    options = period_parser("bot.operations.report", __doc__, DEFAULT_OUTPUT,
                            "chemin sans extension (.html et .json)").parse_args(arguments)
    try:
        since, until = period(options.start, options.end)
        report = build_report(open_store(options.endpoints), since, until, pseudonym_key())
    except ConversationStoreError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 1
    options.out.parent.mkdir(parents=True, exist_ok=True)
    page, data = options.out.with_suffix(".html"), options.out.with_suffix(".json")
    data.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    page.write_text(report_page(report), encoding="utf-8")
    conversations = report["totals"]["conversations"]
    print(f"Rapport {report['period']['label']} : {number(conversations)} conversation{'s' if conversations > 1 else ''} "
          f"→ {page} et {data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
