"""A Rasa NLU component that finds the jobs, topics and glossary terms a message
names, tolerating missing accents, plurals and typos ("gestionaire", "formtion"), and the
jobs a one-word name's complement makes another ("gestionnaire de paie": ``other_job``).

The phrases come from ``knowledge/`` through the store, never from a list here;
each entity's value is the id the actions use (``gestionnaire_back_office``,
``salary``, ``cdi``).
"""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.names import ENTITY_JOB, ENTITY_OTHER_JOB, ENTITY_TERM, ENTITY_TOPIC
from bot.nlu.store_component import StoreComponent
from bot.server import action_failures, rasa_speedups
from knowledge.store import JOB, OTHER_JOB, TERM, TOPIC

# `rasa run` and `rasa shell` import this module with the model (config.yml): the moment to
# install the server speed-up that docs/PERFORMANCE.md measures, and the apology sent when
# the action server fails.
rasa_speedups.install()
action_failures.install()

# A one-word job name made another job ("gestionnaire de paie") is a job the bot lacks.
ENTITY_OF_KIND = {JOB: ENTITY_JOB, OTHER_JOB: ENTITY_OTHER_JOB, TOPIC: ENTITY_TOPIC, TERM: ENTITY_TERM}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class KnowledgeEntityExtractor(StoreComponent, EntityExtractorMixin):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = [
                {
                    "entity": ENTITY_OF_KIND[mention.kind],
                    "value": mention.id,
                    "start": mention.start,
                    "end": mention.end,
                    "confidence_entity": mention.score / 100,
                }
                for mention in self._store.find_mentions(message.get(TEXT))
            ]
            if found:
                entities = message.get(ENTITIES, [])
                message.set(ENTITIES, entities + self.add_extractor_name(found), add_to_output=True)
        return messages
