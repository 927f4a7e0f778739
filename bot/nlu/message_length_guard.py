"""A Rasa NLU component, first in the pipeline, that keeps overlong messages from the
rest of it: their text is emptied, so they cost nothing and end in the fallback, where
``action_fallback`` tells the user their message is too long (the tracker keeps the
text as sent).

Without it, 100 000 characters hold the server's only event loop for 15 seconds,
and every other conversation with it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.names import LONGEST_MESSAGE_CHARS


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class MessageLengthGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MessageLengthGuard:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if len(message.get(TEXT) or "") > LONGEST_MESSAGE_CHARS:
                message.set(TEXT, "")
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
