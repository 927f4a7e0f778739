"""Messages to review, back to training: ``make review-export`` (``FROM=``/``TO=``, default the
last 30 days).

Writes, in Rasa's NLU format, the messages the bot did not understand and the questions whose
answer was rated 👎, personal data masked, each under the intent the bot guessed and with its
guess as a comment: correct the intent, drop what must not be learnt, move them into
``data/nlu/``, then ``make test``.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Sequence, Tuple

import sqlalchemy as sa

from actions.feedback import NOT_USEFUL
from actions.names import ACTION_FALLBACK, PARSE_TOPICS, SLOT_RATING
from bot.operations.conversation_store import (
    EVENTS_TABLE, ConversationStoreError, open_store, period, period_label, period_parser,
)
from bot.operations.privacy import mask_personal_data

DEFAULT_OUTPUT = Path("results") / "revue.yml"
FALLBACK_INTENT = "nlu_fallback"
NOT_UNDERSTOOD = "non compris"
RATED_DOWN = "réponse notée 👎"


@dataclass(frozen=True)
class ToReview:
    text: str
    reason: str
    intent: str
    guess: str


def guess(parse_data: Dict[str, Any]) -> Tuple[str, str]:
    """The intent the bot would have chosen (never the fallback) and its guess, said."""
    ranking = [entry for entry in parse_data.get("intent_ranking") or [] if entry.get("name") != FALLBACK_INTENT]
    intent = parse_data.get("intent") or {}
    best = intent if intent.get("name") not in (None, FALLBACK_INTENT) else (ranking[0] if ranking else {})
    name = best.get("name") or "out_of_scope"
    said = f"{name} ({best.get('confidence', 0):.2f})".replace(".", ",")
    topics = parse_data.get(PARSE_TOPICS) or []
    jobs = [entity.get("value") for entity in parse_data.get("entities") or [] if entity.get("entity") == "job"]
    if topics:
        said += f", sujets : {', '.join(topics)}"
    if jobs:
        said += f", métiers : {', '.join(map(str, jobs))}"
    return name, said


def to_review(engine: sa.engine.Engine, start: float, end: float) -> Iterator[ToReview]:
    """Not understood messages and 👎-rated questions stored between ``start`` and ``end``."""
    query = sa.text(f"SELECT sender_id, type_name, action_name, data FROM {EVENTS_TABLE} "
                    "WHERE timestamp >= :start AND timestamp < :end ORDER BY sender_id, id")
    with engine.connect() as connection:
        rows = connection.execute(query, {"start": start, "end": end}).fetchall()
    sender, last_user, asked = None, None, {}
    for sender_id, type_name, action_name, data in rows:
        if sender_id != sender:
            sender, last_user, asked = sender_id, None, {}
        event = json.loads(data)
        if type_name == "user":
            last_user = event
            asked[event.get("text") or ""] = event
        elif type_name == "action" and action_name == ACTION_FALLBACK and last_user:
            yield _reviewed(last_user, NOT_UNDERSTOOD)
        elif type_name == "slot" and event.get("name") == SLOT_RATING:
            rating = event.get("value") or {}
            question = asked.get(rating.get("question") or "")
            if rating.get("rating") == NOT_USEFUL and question:
                yield _reviewed(question, RATED_DOWN)


def _reviewed(user_event: Dict[str, Any], reason: str) -> ToReview:
    intent, said = guess(user_event.get("parse_data") or {})
    return ToReview(mask_personal_data(user_event.get("text") or ""), reason, intent, said)


def nlu_yaml(messages: Sequence[ToReview], period: str) -> str:
    """Rasa NLU YAML, one block per guessed intent, a comment above each example."""
    counted = Counter(messages)
    lines = [
        'version: "3.1"',
        f"# Revue {period} (make review-export) : messages non compris et questions dont la réponse",
        "# a été notée 👎, données personnelles masquées. Pour chaque exemple : corriger l'intention",
        "# (et les entités), retirer ce qui ne doit pas être appris, puis déplacer dans data/nlu/ et",
        "# lancer `make test`.",
        "nlu:",
    ]
    for intent in sorted({message.intent for message in counted}):
        lines += [f"- intent: {intent}", "  examples:"]
        for message, times in counted.items():
            if message.intent == intent and message.text.strip():
                repeated = f", {times} fois" if times > 1 else ""
                lines += [f"  # {message.reason}{repeated} ; le bot a compris : {message.guess}",
                          f"  - text: {json.dumps(message.text, ensure_ascii=False)}"]
    return "\n".join(lines) + "\n"


def main(arguments: Optional[Sequence[str]] = None) -> int:
    options = period_parser("bot.operations.review_export", __doc__, DEFAULT_OUTPUT).parse_args(arguments)
    try:
        start, end = period(options.start, options.end)
        messages = list(to_review(open_store(options.endpoints), start.timestamp(), end.timestamp()))
    except ConversationStoreError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 1
    label = period_label(start, end)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(nlu_yaml(messages, label), encoding="utf-8")
    distinct = len(set(messages))
    print(f"{distinct} message{'s' if distinct > 1 else ''} à revoir {label} : {options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
