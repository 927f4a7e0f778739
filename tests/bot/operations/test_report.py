"""The report's figures from stored events: what each message is filed under, the ratings
with their exchange and comment, grouping, masking and response times. The whole report,
from real conversations with the bot, is tested in tests/test_single_machine.py (SQLite)
and tests/test_scale_out.py (PostgreSQL)."""
import json
from datetime import datetime

import pytest

from actions.names import ACTION_FALLBACK, RESPONSE_COMMENT_THANKS, RESPONSE_OUT_OF_SCOPE, SLOT_OUTCOME, SLOT_RATING
from bot.operations.report import NOT_UNDERSTOOD, OTHER, OUT_OF_SCOPE, figures, turns_and_ratings
from bot.server.arrival_time import RECEIVED_AT
from tests.expected import GESTIONNAIRE, OPERATEUR

KEY = b"cle"
SINCE, UNTIL = datetime(2026, 11, 1), datetime(2026, 11, 3)
DAY_ONE = datetime(2026, 11, 1, 10).timestamp()


class Events:
    """Rows of the events table as the SQL tracker store writes them, for a few senders."""

    def __init__(self):
        self.rows, self.clock = [], DAY_ONE

    def _add(self, sender, type_name, data, action_name=None, at=None):
        self.clock = at if at is not None else self.clock + 0.01
        self.rows.append((sender, type_name, action_name, self.clock, json.dumps({**data, "timestamp": self.clock})))

    def session(self, sender, at=None):
        self._add(sender, "session_started", {"event": "session_started"}, at=at)

    def user(self, sender, text, intent="ask", at=None, received_at=None):
        metadata = {RECEIVED_AT: received_at} if received_at else {}
        self._add(sender, "user", {"event": "user", "text": text, "metadata": metadata,
                                   "parse_data": {"intent": {"name": intent, "confidence": 0.9}}}, at=at)

    def action(self, sender, name):
        self._add(sender, "action", {"event": "action", "name": name}, action_name=name)

    def bot(self, sender, text="…"):
        self._add(sender, "bot", {"event": "bot", "text": text})

    def slot(self, sender, name, value):
        self._add(sender, "slot", {"event": "slot", "name": name, "value": value})

    def outcome(self, sender, kind, jobs=(), topics=(), missing=(), unknown_jobs=()):
        self.slot(sender, SLOT_OUTCOME, {"kind": kind, "jobs": list(jobs), "topics": list(topics),
                                         "missing": [{"job": job, "topic": topic, **({"detail": rest[0]} if rest else {})}
                                                     for job, topic, *rest in missing],
                                         "unknown_jobs": list(unknown_jobs)})

    def report(self):
        turns, ratings = turns_and_ratings(sorted(self.rows, key=lambda row: row[0]))
        return figures(turns, ratings, SINCE, UNTIL, KEY)


def shares(report):
    return {row["outcome"]: row["count"] for row in report["outcomes"] if row["count"]}


def test_each_message_is_filed_under_what_became_of_it():
    events = Events()
    events.session("a")
    events.user("a", "salaire opérateur ?")
    events.outcome("a", "answered", jobs=[OPERATEUR], topics=["salary"])
    events.user("a", "et ses inconvénients pour le gestionnaire ?")
    events.outcome("a", "missing_fact", jobs=[GESTIONNAIRE], topics=["cons"], missing=[(GESTIONNAIRE, "cons")])
    events.user("a", "zzz", intent="nlu_fallback")
    events.action("a", ACTION_FALLBACK)
    events.user("a", "quel temps fait-il ?", intent="out_of_scope")
    events.action("a", RESPONSE_OUT_OF_SCOPE)
    events.user("a", "bonjour", intent="greet")
    events.action("a", "utter_greet")
    events.user("a", "salaire d'un boulanger", intent="ask")
    events.outcome("a", "unknown_job", topics=["salary"], unknown_jobs=["Boulanger"])
    report = events.report()
    assert shares(report) == {"answered": 1, "missing_fact": 1, NOT_UNDERSTOOD: 1, OUT_OF_SCOPE: 1, OTHER: 1,
                              "unknown_job": 1}
    assert [row["share"] for row in report["outcomes"] if row["outcome"] == "answered"] == [round(1 / 6, 4)]
    assert report["missing_facts"] == [{"job": GESTIONNAIRE, "name": "Gestionnaire de back office", "count": 1,
                                        "topics": [{"topic": "cons", "label": "Inconvénients", "count": 1}]}]
    assert report["unknown_jobs"] == [{"text": "Boulanger", "count": 1}]
    assert {row["job"]: row["count"] for row in report["jobs_asked"]} == {OPERATEUR: 1, GESTIONNAIRE: 1}


def test_a_missing_detail_is_counted_under_its_topic_and_named():
    events = Events()
    events.session("a")
    events.user("a", "c'est du 9h-17h opérateur ?")
    events.outcome("a", "missing_fact", jobs=[OPERATEUR], topics=["environment"],
                   missing=[(OPERATEUR, "environment", "working_hours")])
    events.user("a", "et le télétravail ?")
    events.outcome("a", "missing_fact", jobs=[OPERATEUR], topics=["environment"],
                   missing=[(OPERATEUR, "environment", "working_hours")])
    (sheet,) = events.report()["missing_facts"]
    assert sheet["topics"] == [{"topic": "environment/working_hours",
                                "label": "Conditions de travail : les horaires de travail", "count": 2}]


def test_conversations_are_sessions_counted_on_the_day_they_start():
    events = Events()
    events.session("a")
    events.user("a", "bonjour", intent="greet")
    events.session("a", at=DAY_ONE + 86400)
    events.user("a", "bonjour", intent="greet")
    events.session("b")
    events.user("b", "bonjour", intent="greet")
    report = events.report()
    assert report["totals"] == {"conversations": 3, "messages": 3, "people": 2}
    assert report["per_day"] == [{"day": "2026-11-01", "conversations": 1, "messages": 1},
                                 {"day": "2026-11-02", "conversations": 2, "messages": 2}]


def test_questions_not_understood_are_grouped_whatever_their_case_accents_or_punctuation():
    events = Events()
    for text in ("C'est quoi le télétravail ?", "c est quoi le teletravail", "c'est quoi le télétravail ?",
                 "appelez-moi au 06 12 34 56 78"):
        events.user("a", text, intent="nlu_fallback")
        events.action("a", ACTION_FALLBACK)
    # Shown as its commonest spelling (the first one on a tie), with the bot's guess.
    assert events.report()["not_understood"] == [
        {"text": "C'est quoi le télétravail ?", "count": 3, "guess": "out_of_scope (0,00)"},
        {"text": "appelez-moi au [téléphone]", "count": 1, "guess": "out_of_scope (0,00)"},
    ]


def test_a_thumbs_down_keeps_its_exchange_and_the_comment_that_followed_under_a_pseudonym():
    events = Events()
    events.user("marie@example.fr", "formation gestionnaire ?")
    events.outcome("marie@example.fr", "answered", jobs=[GESTIONNAIRE], topics=["training"])
    events.user("marie@example.fr", "/feedback_not_useful", intent="feedback_not_useful")
    events.slot("marie@example.fr", SLOT_RATING, {
        "rating": "pas utile", "question": "formation gestionnaire ?", "answer": "Bac+2",
        "jobs": [GESTIONNAIRE], "topics": ["training"]})
    events.user("marie@example.fr", "les écoles, écrivez-moi à marie@example.fr", intent="nlu_fallback")
    events.action("marie@example.fr", RESPONSE_COMMENT_THANKS)
    report = events.report()
    (rated,) = report["rated_down"]
    assert rated["comment"] == "les écoles, écrivez-moi à [adresse e-mail]"
    assert (rated["question"], rated["answer"], rated["jobs"], rated["topics"]) == (
        "formation gestionnaire ?", "Bac+2", ["Gestionnaire de back office"], ["Formation"])
    assert "marie" not in json.dumps(report)
    assert report["ratings"] == {"useful": 0, "not_useful": 1, "per_topic": [
        {"topic": "training", "label": "Formation", "useful": 0, "not_useful": 1}]}
    # The comment is thanked, not "not understood".
    assert shares(report) == {"answered": 1, OTHER: 2}


def test_response_times_run_from_the_arrival_of_the_message_to_the_last_reply():
    events = Events()
    for arrival_delay in (0.1, 0.2, 0.3, 0.4, 2.0):
        events.user("a", "salaire ?", received_at=events.clock + 0.001)
        events.clock += arrival_delay
        events.bot("a")
    timing = events.report()["response_time"]
    assert timing["messages"] == 5
    assert timing["median_seconds"] == pytest.approx(0.31, abs=0.01)
    assert timing["p95_seconds"] == pytest.approx(2.01, abs=0.01)


def test_an_empty_period_gives_zeros_not_errors():
    report = Events().report()
    assert report["totals"] == {"conversations": 0, "messages": 0, "people": 0}
    assert report["response_time"] is None and report["rated_down"] == []
    assert all(row["share"] == 0 for row in report["outcomes"])


def test_an_arrival_time_after_the_recording_is_not_trusted():
    events = Events()
    events.user("a", "salaire ?", received_at=events.clock + 60)
    events.clock += 0.5
    events.bot("a")
    assert events.report()["response_time"]["median_seconds"] == pytest.approx(0.5, abs=0.02)
