"""A Rasa NLU component that sends messages made of no known word to the fallback.

The intent classifier always picks some intent, sometimes confidently, for keyboard mashing
("azertyuiop qsdfghjk"). A message none of whose words appears in the training
data, and in which no entity was found, cannot be understood: it gets
``nlu_fallback``, and the bot asks to rephrase.
"""
from __future__ import annotations

import re
from typing import List, Set

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import (
    ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.vocabulary_component import VocabularyComponent
from knowledge.text import strip_accents

def send_to_fallback(message: Message) -> None:
    """Make ``nlu_fallback`` the message's intent: the bot asks to rephrase."""
    fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, PREDICTED_CONFIDENCE_KEY: 1.0}
    message.set(INTENT, fallback, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [fallback, *message.get(INTENT_RANKING_KEY, [])], add_to_output=True)


def _words(message: Message) -> Set[str]:
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    return {strip_accents(token.text).lower() for token in tokens if any(char.isalpha() for char in token.text)}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UnknownWordsFallback(VocabularyComponent, IntentClassifier):
    def train(self, training_data: TrainingData) -> Resource:
        vocabulary = set().union(*(_words(example) for example in training_data.training_examples))
        vocabulary.update(strip_accents(word).lower() for text in self.topic_data_texts() for word in re.findall(r"\w+", text))
        return self._save_vocabulary(vocabulary)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not (message.get(ENTITIES) or _words(message) & self._vocabulary):
                send_to_fallback(message)
        return messages
