"""A known conversation held with the real bot, and what it must add to the operator's report
(`make report`): the report tests of the single machine (SQLite) and of the scale-out set-up
(PostgreSQL) read the figures before and after it."""
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Dict, List

from bot.operations.conversation_store import open_store, period
from bot.operations.report import build_report
from tests.expected import GESTIONNAIRE, OPERATEUR

PSEUDONYM_KEY = b"cle-des-tests-du-rapport"
EMAIL = "jean.dupont@example.fr"
RATED_DOWN_QUESTION = "la formation du gestionnaire de back office ?"
COMMENT = "trop vague à mon goût"

# Each message, and what the report must file it under.
KNOWN_CONVERSATION = [
    ("Quel est le salaire d'un opérateur back-office ?", "answered"),
    ("/feedback_useful", "other"),
    ("les inconvénients du gestionnaire de back office ?", "missing_fact"),
    (RATED_DOWN_QUESTION, "answered"),
    ("/feedback_not_useful", "other"),
    (COMMENT, "other"),
    (f"azertyuiop {EMAIL}", "not_understood"),
    ("salaire d'un boulanger ?", "unknown_job"),
    ("gestionnaire de back office, c'est comment le boulot ?", "clarification"),
    ("quel temps fait-il ?", "out_of_scope"),
]


def hold_known_conversation(say: Callable[[int, str], Any]) -> None:
    """``say(turn number, message)`` for each message of the known conversation."""
    for number, (message, _) in enumerate(KNOWN_CONVERSATION):
        say(number, message)


def report_of(endpoints: Path) -> Dict[str, Any]:
    since, until = period()
    return build_report(open_store(endpoints), since, until, PSEUDONYM_KEY)


def counts(report: Dict[str, Any]) -> Counter:
    """The report's figures, flattened to counts that can be compared before and after."""
    counted = Counter({f"totals.{name}": value for name, value in report["totals"].items()})
    counted.update({f"outcome.{row['outcome']}": row["count"] for row in report["outcomes"]})
    counted.update({f"job.{row['job']}": row["count"] for row in report["jobs_asked"]})
    counted.update({f"unknown_job.{row['text']}": row["count"] for row in report["unknown_jobs"]})
    counted.update({f"not_understood.{row['text']}": row["count"] for row in report["not_understood"]})
    counted.update({f"missing.{sheet['job']}.{row['topic']}": row["count"]
                    for sheet in report["missing_facts"] for row in sheet["topics"]})
    counted.update({"ratings.useful": report["ratings"]["useful"], "ratings.not_useful": report["ratings"]["not_useful"],
                    "per_day.messages": sum(day["messages"] for day in report["per_day"]),
                    "response_times": (report["response_time"] or {}).get("messages", 0)})
    return counted


def added(before: Dict[str, Any], after: Dict[str, Any]) -> Dict[str, int]:
    change = counts(after)
    change.subtract(counts(before))
    return {name: value for name, value in change.items() if value}


def expected_change() -> Dict[str, int]:
    messages = len(KNOWN_CONVERSATION)
    filed: List[str] = [category for _, category in KNOWN_CONVERSATION]
    return {
        "totals.conversations": 1, "totals.messages": messages, "totals.people": 1,
        **{f"outcome.{category}": count for category, count in Counter(filed).items()},
        # The sheets named by the answered, missing and clarified questions.
        f"job.{OPERATEUR}": 1, f"job.{GESTIONNAIRE}": 3,
        "unknown_job.boulanger": 1,
        "not_understood.azertyuiop [adresse e-mail]": 1,
        f"missing.{GESTIONNAIRE}.cons": 1,
        "ratings.useful": 1, "ratings.not_useful": 1,
        "per_day.messages": messages, "response_times": messages,
    }
