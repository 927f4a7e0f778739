"""What the topic and intent classifiers share as Rasa components: a ``TopicModel``
(``bot/nlu/topic_model.py``) fitted on questions read with the knowledge base, kept in Rasa's
model storage as JSON and ``.npy`` (loading it runs no code from the file)."""
from __future__ import annotations

from typing import Any, Dict, Optional, Sequence, Text, TypeVar

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from bot.nlu.topic_model import TopicModel
from knowledge.store import KnowledgeStore, default_store

Component = TypeVar("Component", bound="LinearModelComponent")


class LinearModelComponent(GraphComponent):
    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        store: KnowledgeStore,
        model: Optional[TopicModel] = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._store = store
        self._model = model

    @classmethod
    def create(
        cls: type[Component],
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Component:
        return cls(config, model_storage, resource, default_store())

    @classmethod
    def load(
        cls: type[Component],
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> Component:
        with model_storage.read_from(resource) as directory:
            model = TopicModel.load(directory)
        return cls(config, model_storage, resource, default_store(), model)

    def _fit_and_save(self, questions: Sequence[str], labels: Sequence[Sequence[str]], **fitting: Any) -> Resource:
        """Fit the model on ``questions`` (through ``question_text``) and keep it."""
        self._model = TopicModel.fit(questions, labels, c=self._config["c"], **fitting)
        with self._model_storage.write_to(self._resource) as directory:
            self._model.save(directory)
        return self._resource
