"""A Rasa NLU component that sends messages made of no known word to the fallback.

DIET always picks some intent, sometimes confidently, for keyboard mashing
("azertyuiop qsdfghjk"). A message none of whose words appears in the training
data, and in which no entity was found, cannot be understood: it gets
``nlu_fallback``, and the bot asks to rephrase.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import (
    ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from knowledge.store import strip_accents

VOCABULARY_FILE = "vocabulary.json"


def _words(message: Message) -> Set[str]:
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    return {strip_accents(token.text).lower() for token in tokens if any(char.isalpha() for char in token.text)}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UnknownWordsFallback(GraphComponent, IntentClassifier):
    def __init__(self, model_storage: ModelStorage, resource: Resource, vocabulary: Optional[Set[str]]) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self._vocabulary = vocabulary or set()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "UnknownWordsFallback":
        return cls(model_storage, resource, None)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "UnknownWordsFallback":
        with model_storage.read_from(resource) as directory:
            vocabulary = json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))
        return cls(model_storage, resource, set(vocabulary))

    def train(self, training_data: TrainingData) -> Resource:
        vocabulary = set().union(*(_words(example) for example in training_data.training_examples))
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(vocabulary)), encoding="utf-8")
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if message.get(ENTITIES) or _words(message) & self._vocabulary:
                continue
            fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, fallback, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [fallback, *message.get(INTENT_RANKING_KEY, [])], add_to_output=True)
        return messages
