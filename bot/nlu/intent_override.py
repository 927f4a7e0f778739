"""Setting a message's intent from a component's own reading ("et pour l'opérateur ?" is a job
named again, whatever the intent classifier made of so few words).

The intent and the head of the intent ranking change together: Rasa's FallbackClassifier reads
both, and a ranking whose first two intents are close would still send the message to the
fallback: the other intents keep their order and share what the chosen one leaves.
"""
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message


def override_intent(message: Message, intent: str, confidence: float = 1.0) -> None:
    chosen = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: confidence}
    others = [entry for entry in message.get(INTENT_RANKING_KEY) or [] if entry.get(INTENT_NAME_KEY) != intent]
    total = sum(entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0 for entry in others) or 1.0
    ranking = [
        {**entry, PREDICTED_CONFIDENCE_KEY: (1.0 - confidence) * (entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0) / total}
        for entry in others
    ]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
