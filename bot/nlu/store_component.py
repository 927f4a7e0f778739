"""The base of the pipeline's components that read messages against ``knowledge/`` and learn
nothing: the store is loaded when the model loads, so a broken knowledge file fails then, not
mid-chat."""
from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from knowledge.store import KnowledgeStore, default_store


class StoreComponent(GraphComponent):
    def __init__(self, store: KnowledgeStore) -> None:
        self._store = store

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls(default_store())
