from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from actions.names import INTENT_ASK, INTENT_INFORM
from bot.nlu.intent_override import override_intent


def _message(ranking):
    message = Message(data={"text": "et pour le gestionnaire ?"})
    message.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set(INTENT_RANKING_KEY, [{"name": name, "confidence": confidence} for name, confidence in ranking])
    return message


def test_the_chosen_intent_heads_a_ranking_the_fallback_does_not_find_ambiguous():
    # Read as ``ask`` at 0.95 and ``inform`` at 0.04: Rasa's FallbackClassifier compares the
    # first two confidences, and would send 1.0 against 0.95 to "reformulez".
    message = _message([(INTENT_ASK, 0.95), (INTENT_INFORM, 0.04), ("define", 0.01)])
    override_intent(message, INTENT_INFORM)
    ranking = message.get(INTENT_RANKING_KEY)
    assert message.get(INTENT)["name"] == INTENT_INFORM
    assert [entry["name"] for entry in ranking] == [INTENT_INFORM, INTENT_ASK, "define"]
    assert ranking[0]["confidence"] - ranking[1]["confidence"] > 0.5


def test_the_other_intents_share_what_the_chosen_one_leaves():
    message = _message([("out_of_scope", 0.7), (INTENT_ASK, 0.2), ("define", 0.1)])
    override_intent(message, INTENT_ASK, 0.8)
    confidences = {entry["name"]: entry["confidence"] for entry in message.get(INTENT_RANKING_KEY)}
    assert confidences[INTENT_ASK] == 0.8
    assert abs(sum(confidences.values()) - 1.0) < 1e-9
    assert confidences["out_of_scope"] > confidences["define"]
