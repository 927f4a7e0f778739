"""Base of the NLU components whose only learnt state is a set of words, kept in the model.

Their words include those of ``data/topics/`` (the everyday questions Rasa itself does
not train on): "open space" is a known word, not an unknown job."""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Optional, Set, Text, Type, TypeVar

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT

from bot.nlu.topic_data import topic_data, topic_data_fingerprint

VOCABULARY_FILE = "vocabulary.json"
Component = TypeVar("Component", bound="VocabularyComponent")


class VocabularyComponent(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"topic_data_fingerprint": topic_data_fingerprint()}

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

    @staticmethod
    def topic_data_texts() -> List[str]:
        """The questions of ``data/topics/``, whose words the component knows too."""
        return [example.get(TEXT) for example in topic_data().training_examples]

    def _save_vocabulary(self, vocabulary: Iterable[str]) -> Resource:
        """Keeps ``vocabulary`` in the model: what ``train`` returns."""
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(set(vocabulary))), encoding="utf-8")
        return self._resource
