"""A Rasa NLU component that notices a message written in another language than French.

py3langid (offline, its model ships in the package) names the language; on short or
informal French ("on bosse en open space ?") it is sometimes sure of the wrong one,
so a message counts as foreign only when, besides, most of its words are unknown to
the French training data. The parse data's ``language`` key then holds the language
code ("en"); the actions answer in French and say that they do. A foreign message
the bot did not understand anyway ("Hello, how are you?", or a question whose topic
the French-trained classifier is unsure of) goes to the fallback: the bot says it
answers in French and asks for the question again.
"""
from __future__ import annotations

from typing import List, Optional, Set

import py3langid.langid as langid
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.names import (
    FRENCH, INTENT_ASK, INTENT_COMPARE, INTENT_DEFINE, INTENT_HELP, INTENT_LIST_JOBS, PARSE_LANGUAGE, PARSE_TOPICS,
)
from bot.nlu.unknown_words_fallback import send_to_fallback
from bot.nlu.vocabulary_component import VocabularyComponent
from knowledge.store import default_store
from knowledge.text import normalize

# The languages told apart: French and those a user of a French site may write in.
LANGUAGES = (FRENCH, "en", "es", "de", "it", "pt", "nl", "ar", "tr", "pl", "ro", "ru", "zh")
# Below this many words, "ok" or "hello" says too little to tell a language.
MIN_WORDS = 3
MIN_PROBABILITY = 0.9
# A foreign message shares at most this fraction of its words with the French data.
MAX_KNOWN_SHARE = 0.5
# Foreign messages read as these intents are answered (with the note), questions on a job
# only when understood (see _understood); others fall back.
ANSWERED_ANYWAY = frozenset({INTENT_ASK, INTENT_COMPARE, INTENT_DEFINE, INTENT_HELP, INTENT_LIST_JOBS})


def _words(text: str) -> List[str]:
    return normalize(text).split()


def _understood(message: Message) -> bool:
    """An intent the bot answers; for a question on a job, a clear topic and some word of
    the knowledge base (a job, a topic word, a term) recognised in it; for a comparison, some
    such word ("Hello, how are you doing today?" compares nothing)."""
    intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
    if intent == INTENT_ASK:
        return bool(message.get(PARSE_TOPICS)) and bool(message.get(ENTITIES))
    if intent == INTENT_COMPARE:
        return bool(message.get(ENTITIES))
    return intent in ANSWERED_ANYWAY


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LanguageDetector(VocabularyComponent):
    def __init__(self, model_storage: ModelStorage, resource: Resource, vocabulary: Optional[Set[str]]) -> None:
        super().__init__(model_storage, resource, vocabulary)
        self._identifier = langid.LanguageIdentifier.from_pickled_model(langid.MODEL_FILE, norm_probs=True)
        self._identifier.set_languages(list(LANGUAGES))

    def train(self, training_data: TrainingData) -> Resource:
        vocabulary = set(default_store().known_words())
        for text in [example.get(TEXT) or "" for example in training_data.training_examples] + self.topic_data_texts():
            vocabulary.update(_words(text))
        return self._save_vocabulary(vocabulary)

    def language(self, text: str) -> str:
        """The language code of ``text``: French unless clearly another language."""
        words = _words(text)
        if len(words) < MIN_WORDS:
            return FRENCH
        code, probability = self._identifier.classify(text)
        known = sum(word in self._vocabulary for word in words) / len(words)
        if code != FRENCH and probability >= MIN_PROBABILITY and known <= MAX_KNOWN_SHARE:
            return code
        return FRENCH

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            language = self.language(message.get(TEXT) or "")
            message.set(PARSE_LANGUAGE, language, add_to_output=True)
            if language != FRENCH and not _understood(message):
                send_to_fallback(message)
        return messages
