"""A Rasa NLU component that marks a job the bot has no sheet for, even one missing from
the ``other_job`` table.

In a question (``ask``, ``inform``) naming none of the bot's jobs, a word the bot has
never seen right after "un", "une", "devenir", "être", "comme" or "métier de"
("salaire d'un sommelier", "devenir croupier") becomes an ``other_job`` entity: the bot
then says it does not know that job, instead of answering for one of its own. A message the
intent classifier took for out of scope is a question on such a job too when the word follows
"devenir" or "métier de" ("je veux devenir croupier"): the bot says it does not know the job
rather than that it cannot help. A job that a question on mobility names as where one may go
("il peut devenir manager ?", "évoluer vers conseiller") is not the job asked about: its
``other_job`` entity is dropped. Known
words are those of the training examples (outside ``other_job`` entities) and of
``knowledge/`` (job names, topic words, glossary).
"""
from __future__ import annotations

import re
from typing import Iterable, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.names import ENTITY_JOB, ENTITY_OTHER_JOB, INTENT_ASK, INTENT_INFORM, INTENT_OUT_OF_SCOPE, PARSE_TOPICS
from bot.nlu.intent_override import override_intent
from bot.nlu.vocabulary_component import VocabularyComponent
from knowledge.store import default_store
from knowledge.text import normalize, strip_accents
from knowledge.topics import Topic

QUESTION_INTENTS = frozenset({INTENT_ASK, INTENT_INFORM})
# Words after which French names a job: "un comptable", "devenir notaire", "métier de…".
CUES = frozenset({"un", "une", "devenir", "etre", "comme", "metier"})
# The cues that name a job even in a message read as out of scope ("une histoire" does not).
JOB_CUES = frozenset({"devenir", "metier"})
# Skipped between a cue and the job: "métier de sommelier", "métier d'ébéniste".
LINKING = frozenset({"de", "d", "du", "des", "la", "le", "l"})
# "je suis une étudiante": the user speaking of themself, not of a job.
SELF_DESCRIPTION = frozenset({"suis", "sommes"})
SHORTEST_WORD = 3
# What comes before a job one may move to ("peut devenir", "évoluer vers", "passer").
MOBILITY_CUE = re.compile(
    r"\b(?:(?:peut|peux|pourrait|pourrais|peuvent|possible de|envisager de|esperer) (?:\w+ )?devenir"
    r"|evoluer (?:vers|en)|evolue (?:vers|en)|passer|vers un|vers une|vers)\s+(?:(?:un|une|le|la|l|des) ?)?$"
)
# Known words that may come before the unknown one of a job's name ("data" in "data engineer").
LEADING_KNOWN_WORDS = 1


def _word(token: Token) -> str:
    """The token as known words are kept: accent-free, lower-case, singular ("" if none)."""
    return normalize(token.text) if token.text.isalpha() else ""


def _plain(token: Token) -> str:
    """The token accent-free and lower-case, as cues are written ("d'" → "d")."""
    return strip_accents(token.text).lower().strip("'’")


def _known_words(example: Message) -> Iterable[str]:
    others = [entity for entity in example.get(ENTITIES) or [] if entity.get("entity") == ENTITY_OTHER_JOB]
    for token in example.get(TOKENS_NAMES[TEXT]) or []:
        if not any(entity["start"] <= token.start < entity["end"] for entity in others):
            yield from normalize(token.text).split()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class UnknownJobExtractor(VocabularyComponent, EntityExtractorMixin):
    def train(self, training_data: TrainingData) -> Resource:
        vocabulary = set(default_store().known_words())
        for example in training_data.training_examples:
            vocabulary.update(_known_words(example))
        for text in self.topic_data_texts():
            vocabulary.update(normalize(text).split())
        return self._save_vocabulary(vocabulary)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if intent not in QUESTION_INTENTS and intent != INTENT_OUT_OF_SCOPE:
                continue
            entities = self._without_mobility_targets(message)
            if any(entity.get("entity") in (ENTITY_JOB, ENTITY_OTHER_JOB) for entity in entities):
                continue
            cues = CUES if intent in QUESTION_INTENTS else JOB_CUES
            unknown = self._unknown_job(message.get(TOKENS_NAMES[TEXT]) or [], cues)
            if unknown:
                entity = {"entity": ENTITY_OTHER_JOB, "value": message.get(TEXT)[unknown[0].start:unknown[-1].end],
                          "start": unknown[0].start, "end": unknown[-1].end, "confidence": 1.0}
                message.set(ENTITIES, [*entities, *self.add_extractor_name([entity])], add_to_output=True)
                if intent == INTENT_OUT_OF_SCOPE:
                    override_intent(message, INTENT_ASK)
        return messages

    @staticmethod
    def _without_mobility_targets(message: Message) -> List[dict]:
        """The message's entities, less the jobs a question on mobility names as where one may go."""
        entities = message.get(ENTITIES) or []
        if Topic.MOBILITY.value not in (message.get(PARSE_TOPICS) or []):
            return entities
        text = strip_accents(message.get(TEXT) or "").lower().replace("'", " ").replace("’", " ")
        kept = [entity for entity in entities if entity.get("entity") != ENTITY_OTHER_JOB
                or not MOBILITY_CUE.search(text[:entity["start"]])]
        if len(kept) < len(entities):
            message.set(ENTITIES, kept, add_to_output=True)
        return kept

    def _unknown_job(self, tokens: List[Token], cues: frozenset) -> List[Token]:
        """The words that follow one of ``cues`` up to the end of a run of unknown ones, if any;
        a known word may lead the run ("être data engineer": "data" is a known word)."""
        for index, token in enumerate(tokens):
            if _plain(token) not in cues or (index and _plain(tokens[index - 1]) in SELF_DESCRIPTION):
                continue
            following = index + 1
            while following < len(tokens) and _plain(tokens[following]) in LINKING:
                following += 1
            run, leading = [], 0
            for candidate in tokens[following:]:
                word = _word(candidate)
                if len(word) >= SHORTEST_WORD and word not in self._vocabulary:
                    run.append(candidate)
                elif word and not run and leading < LEADING_KNOWN_WORDS:
                    leading += 1
                else:
                    break
            if run:
                return [*tokens[following:following + leading], *run]
        return []
