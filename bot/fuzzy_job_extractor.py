"""A Rasa NLU component that finds misspelt job names ("gestionaire", "bak office").

It runs after the exact lookup extractor and only when that one found no job:
the names come from ``knowledge/`` through the store, never from a list here.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.names import ENTITY_JOB
from knowledge.store import KnowledgeStore, default_store


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class FuzzyJobExtractor(GraphComponent, EntityExtractorMixin):
    def __init__(self, store: KnowledgeStore) -> None:
        self._store = store

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "FuzzyJobExtractor":
        # Loaded here, so a broken knowledge file fails when the model loads, not mid-chat.
        return cls(default_store())

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES, [])
            if any(entity.get("entity") == ENTITY_JOB for entity in entities):
                continue
            mention = self._store.find_job(message.get(TEXT))
            if mention is None:
                continue
            found = {
                "entity": ENTITY_JOB,
                "value": mention.job.id,
                "start": mention.start,
                "end": mention.end,
                "confidence_entity": mention.score / 100,
            }
            message.set(ENTITIES, entities + self.add_extractor_name([found]), add_to_output=True)
        return messages
