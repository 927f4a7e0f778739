"""👍 / 👎 on answers: the buttons, and the rating kept with what it rates."""
import pytest

from actions import rendering
from actions.routing import ActionAnswer
from actions.feedback import (
    NOT_USEFUL, RATING_BUTTONS, USEFUL, ActionRateNotUseful, ActionRateUseful,
)
from actions.names import (
    INTENT_FEEDBACK_NOT_USEFUL, INTENT_FEEDBACK_USEFUL, PARSE_TOPIC_CANDIDATES, PARSE_TOPICS, SLOT_ANSWERED_JOBS, SLOT_JOB, SLOT_RATING, SLOT_TOPICS,
)
from knowledge.topics import Topic
from tests.builders import build_tracker, run_action, said
from tests.expected import GESTIONNAIRE, OPERATEUR

SALARY_QUESTION = said("salaire opérateur ?", ["L'opérateur gagne 1 766 € brut par mois.", "(graphique)"],
                       **{SLOT_ANSWERED_JOBS: [OPERATEUR], SLOT_TOPICS: ["salary"]})


def rating_buttons(messages):
    return [message.get("buttons") for message in messages if message.get("buttons") == list(RATING_BUTTONS)]


def test_an_answer_from_a_sheet_carries_one_pair_of_rating_buttons_on_its_last_text():
    messages, _ = run_action(ActionAnswer(), build_tracker("ask", jobs=[OPERATEUR], topics=[Topic.SALARY]))
    texts = [message for message in messages if message.get("text")]
    assert len(rating_buttons(messages)) == 1 and texts[-1]["buttons"] == list(RATING_BUTTONS)


@pytest.mark.parametrize("tracker", [
    # A fact the sheet lacks: the offer of the other sheet keeps its own buttons.
    build_tracker("ask", jobs=[GESTIONNAIRE], topics=[Topic.SALARY]),
    # A question whose topic is unclear: the bot asks, nothing to rate.
    build_tracker("ask", jobs=[OPERATEUR], parse={PARSE_TOPICS: [], PARSE_TOPIC_CANDIDATES: ["salary", "training"]}),
])
def test_no_rating_buttons_where_the_bot_did_not_answer_from_a_sheet(tracker):
    messages, _ = run_action(ActionAnswer(), tracker)
    assert rating_buttons(messages) == []


def test_rasa_shell_gets_no_rating_menu():
    tracker = build_tracker("ask", jobs=[OPERATEUR], topics=[Topic.SALARY], channel="cmdline")
    messages, _ = run_action(ActionAnswer(), tracker)
    assert rating_buttons(messages) == []


@pytest.mark.parametrize("action, intent, rating, reply", [
    (ActionRateUseful(), INTENT_FEEDBACK_USEFUL, USEFUL, rendering.RATING_THANKS),
    (ActionRateNotUseful(), INTENT_FEEDBACK_NOT_USEFUL, NOT_USEFUL, rendering.RATING_ASK_WHAT_WAS_MISSING),
])
def test_a_rating_is_kept_with_the_question_and_answer_it_rates(action, intent, rating, reply):
    tracker = build_tracker(intent, text="/" + intent, history=SALARY_QUESTION,
                            slots={SLOT_ANSWERED_JOBS: [OPERATEUR], SLOT_TOPICS: ["salary"], SLOT_JOB: OPERATEUR})
    messages, slots = run_action(action, tracker)
    assert [message["text"] for message in messages] == [reply]
    assert slots[SLOT_RATING] == {
        "rating": rating, "question": "salaire opérateur ?",
        "answer": "L'opérateur gagne 1 766 € brut par mois.\n(graphique)", "jobs": [OPERATEUR], "topics": ["salary"],
    }


def test_a_rating_after_small_talk_rates_nothing():
    tracker = build_tracker(INTENT_FEEDBACK_USEFUL, text="utile", history=[
        *SALARY_QUESTION, *said("bonjour", ["Bonjour !"], intent="greet")],
        slots={SLOT_ANSWERED_JOBS: [OPERATEUR]})
    messages, slots = run_action(ActionRateUseful(), tracker)
    assert [message["text"] for message in messages] == [rendering.NOTHING_TO_RATE] and slots == {}

