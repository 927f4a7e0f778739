"""Base of the NLU components whose only learnt state is a set of words, kept in the model."""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, Optional, Set, Text, Type, TypeVar

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

VOCABULARY_FILE = "vocabulary.json"
Component = TypeVar("Component", bound="VocabularyComponent")


class VocabularyComponent(GraphComponent):
    def __init__(self, model_storage: ModelStorage, resource: Resource, vocabulary: Optional[Set[str]]) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self._vocabulary = vocabulary or set()

    @classmethod
    def create(
        cls: Type[Component],
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Component:
        return cls(model_storage, resource, None)

    @classmethod
    def load(
        cls: Type[Component],
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> Component:
        with model_storage.read_from(resource) as directory:
            vocabulary = json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))
        return cls(model_storage, resource, set(vocabulary))

    def _save_vocabulary(self, vocabulary: Iterable[str]) -> Resource:
        """Keeps ``vocabulary`` in the model: what ``train`` returns."""
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(set(vocabulary))), encoding="utf-8")
        return self._resource
