"""What became of a question, kept in the conversation for the operator's report.

The actions that answer from the sheets set the ``outcome`` slot once per question: answered
(some sheet quoted), missing fact (the sheets asked lack the topic), clarification asked
(topic unclear), or unknown job (a job no sheet covers). ``make report`` counts them
(bot/operations/report.py); "not understood" and "out of scope" need no slot, the bot's
own actions say them.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Sequence

from rasa_sdk.events import SlotSet

from actions.names import SLOT_OUTCOME
from knowledge.schema import JobSheet
from knowledge.topics import Topic

ANSWERED = "answered"
MISSING_FACT = "missing_fact"
CLARIFICATION = "clarification"
UNKNOWN_JOB = "unknown_job"
KINDS = (ANSWERED, MISSING_FACT, CLARIFICATION, UNKNOWN_JOB)


def outcome(
    kind: str,
    jobs: Iterable[JobSheet] = (),
    topics: Iterable[Topic] = (),
    missing: Sequence[tuple] = (),
    unknown_jobs: Sequence[str] = (),
) -> SlotSet:
    """The ``outcome`` slot for one question: its kind, the sheets and topics it was about,
    each (sheet, topic) or (sheet, topic, detail) the sheets lack, and the job names no sheet
    covers, as typed."""
    lacking: List[Dict[str, str]] = [
        {"job": sheet.id, "topic": topic.value, **({"detail": rest[0]} if rest and rest[0] else {})}
        for sheet, topic, *rest in missing
    ]
    return SlotSet(SLOT_OUTCOME, {
        "kind": kind,
        "jobs": list(dict.fromkeys(sheet.id for sheet in jobs)),
        "topics": list(dict.fromkeys(topic.value for topic in topics)),
        "missing": lacking,
        "unknown_jobs": list(unknown_jobs),
    })
