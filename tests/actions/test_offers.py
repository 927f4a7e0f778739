""""Oui" / "non" after the bot offered the other sheet."""
from actions import rendering
from actions.names import SLOT_ANSWERED_JOBS, SLOT_DETAILS, SLOT_JOB, SLOT_OFFERED_JOBS, SLOT_OUTCOME, SLOT_TOPICS
from actions.offers import ActionAcceptOffer, ActionDeclineOffer
from knowledge.topics import Topic
from tests.builders import build_tracker, run_action
from tests.expected import GESTIONNAIRE, OPERATEUR, OPERATEUR_NAME, plain


def test_yes_answers_the_pending_topic_from_the_offered_sheet():
    tracker = build_tracker(
        "affirm", slots={SLOT_JOB: GESTIONNAIRE, SLOT_TOPICS: ["salary"], SLOT_OFFERED_JOBS: [OPERATEUR]}
    )
    messages, slots = run_action(ActionAcceptOffer(), tracker)
    assert messages[0]["text"].startswith(OPERATEUR_NAME) and "1 766 €" in plain(messages[0]["text"])
    assert slots.pop(SLOT_OUTCOME)["kind"] == "answered"
    assert slots == {SLOT_JOB: OPERATEUR, SLOT_TOPICS: [Topic.SALARY.value], SLOT_DETAILS: None, SLOT_OFFERED_JOBS: None,
                     SLOT_ANSWERED_JOBS: [OPERATEUR]}


def test_yes_with_nothing_offered_asks_for_the_question():
    messages, slots = run_action(ActionAcceptOffer(), build_tracker("affirm", slots={SLOT_TOPICS: ["salary"]}))
    assert messages[0]["text"] == rendering.NOTHING_PENDING and slots == {SLOT_OFFERED_JOBS: None}


def test_yes_with_a_forged_topic_slot_asks_for_the_question():
    tracker = build_tracker("affirm", slots={SLOT_TOPICS: ["<b>x</b>"], SLOT_OFFERED_JOBS: [OPERATEUR]})
    messages, _ = run_action(ActionAcceptOffer(), tracker)
    assert messages[0]["text"] == rendering.NOTHING_PENDING


def test_no_drops_the_offer():
    tracker = build_tracker("deny", slots={SLOT_TOPICS: ["salary"], SLOT_OFFERED_JOBS: [OPERATEUR]})
    messages, slots = run_action(ActionDeclineOffer(), tracker)
    assert messages[0]["text"] == rendering.OFFER_DECLINED and slots == {SLOT_OFFERED_JOBS: None}
