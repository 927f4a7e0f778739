"""A Rasa NLU component that tells, for each topic a question asks, whether it asks one
precise detail of it ("le salaire médian", "les horaires", "faut-il parler anglais ?") and
which (``knowledge/details.yml``).

It learns from the questions of ``data/nlu/`` and ``data/topics/`` whose block or example
names its details in its metadata (``metadata: {topics: [salary], details: [salary_median]}``);
a question whose metadata names no detail of a topic asks that topic whole. It runs after the
topic classifier and sets ``asks`` in the parse data: ``[{"topic": …, "detail": … or None,
"alternatives": […]}]``, one per topic the topic classifier decided in each part of the
question, in order, each read in its own part; the alternatives are the readings almost as
likely, for the actions to choose among by what the sheet answers. When that classifier was
unsure of the topic, a question that holds the words of one detail ("et par an ?") asks that
detail. It also sets ``mentioned_details``: the details whose words the question holds.

The model itself is ``bot/nlu/detail_model.py``.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.names import (
    PARSE_ASKS, PARSE_DETAIL_READINGS, PARSE_MENTIONED_DETAILS, PARSE_TOPIC_ASKS, PARSE_TOPIC_CANDIDATES,
    PARSE_TOPICS, WHOLE_TOPIC,
)
from bot.nlu.clauses import question_focus, taken_up_words
from bot.nlu.question_form import VERBS, after_a_leading_job, contrary_alternative, is_yes_no, job_mentions
from bot.nlu.detail_model import DEFAULT_C, DetailModels, with_detail_markers
from bot.nlu.topic_classifier import example_labels, example_topics, focused_text, topic_examples
from bot.nlu.topic_data import topic_data_fingerprint
from bot.nlu.topic_model import mentions, question_text
from knowledge.store import JOB, TOPIC, KnowledgeStore, default_store

METADATA_DETAILS = "details"
# Readings of a topic's model this close to the likeliest one (in decision value) are given as
# alternatives: the actions take the first one the sheet answers.
ALTERNATIVE_MARGIN = 0.5
# A detail the question names in its words is read first when it is among this many likeliest.
NAMED_AMONG = 3
# A message this short may be a follow-up that leaves out its topic ("et au max ?"): its detail
# is read under every topic, for the actions to take the one of the conversation's topic.
SHORT_MESSAGE_WORDS = 8


def example_details(example: Message) -> List[str]:
    """The details a training example is labelled with."""
    return example_labels(example, METADATA_DETAILS)


# Between a part of a question and its question mark, what makes the rest another part ("le
# salaire et faut-il parler anglais ?"), not a complement ("…, le gestionnaire ?").
_ANOTHER_PART = re.compile(r"[.;:!]|\bet\b|\bpuis\b", re.IGNORECASE)
# A part that gives the reason or the case of the question, and asks nothing itself ("…, vu que
# le secteur touche aux marchés financiers ?").
_SUBORDINATE = re.compile(r"^\W*(?:vu que|parce que|parce qu|car|puisque|puisqu|comme|si|s'il|quand|lorsque|lorsqu"
                          r"|etant donne|étant donné|sachant que|sachant qu)\b", re.IGNORECASE)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class DetailClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # A change to data/topics/ retrains the component.
            "topic_data_fingerprint": topic_data_fingerprint(),
            "c": DEFAULT_C,
        }

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 store: KnowledgeStore, model: Optional[DetailModels] = None) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._store = store
        self._model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "DetailClassifier":
        return cls(config, model_storage, resource, default_store())

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "DetailClassifier":
        with model_storage.read_from(resource) as directory:
            model = DetailModels.load(directory)
        return cls(config, model_storage, resource, default_store(), model)

    def _question(self, text: str) -> str:
        found = mentions(self._store, text)
        return with_detail_markers(question_text(text, found), self._mentioned(text, found))

    def _mentioned(self, text: str, found: Sequence = ()) -> List[str]:
        """The details whose words ``text`` holds outside its job names ("technicien de
        back-office" names the job, not the detail of the titles it groups), and outside the
        longer words of another topic ("appelé à évoluer" names the trends, not the prospects of
        the mobility that "évoluer" says), and outside a last alternative that is the question's
        "no" ("… ou c'est que des jeunes ?") and the last answer's words it takes up."""
        found = found or mentions(self._store, text)
        masked = list(text)
        contrary = contrary_alternative(text)
        if contrary is not None:
            # "y a des plus de 50 ans ou c'est que des jeunes ?" asks of the over-50s only.
            masked[contrary:] = " " * (len(text) - contrary)
        for start, end in taken_up_words(text):
            # "vous dites « externalisation », ça veut dire moins de postes ?" asks of the posts.
            masked[start:end] = " " * (end - start)
        for mention in found:
            if mention.kind == JOB:
                masked[mention.start:mention.end] = " " * (mention.end - mention.start)
        details = self._store.details.mentioned("".join(masked))
        for mention in found:
            if mention.kind == TOPIC and len(text[mention.start:mention.end].split()) > 1:
                without = list(masked)
                without[mention.start:mention.end] = " " * (mention.end - mention.start)
                # Not a detail said by the topic's words themselves ("monter en grade": the
                # mobility's word, and the career prospects among the pros).
                kept = {*self._store.details.mentioned("".join(without)),
                        *self._store.details.said_by(text[mention.start:mention.end])}
                details = [detail for detail in details
                           if detail in kept or self._store.details.topic(detail).value == mention.id]
        return details

    def labelled(self, example: Message) -> List[Tuple[str, str]]:
        """(topic, detail or WHOLE_TOPIC) for each topic an example teaches; an unknown detail is
        an error that names the example."""
        details = example_details(example)
        unknown = [detail for detail in details if self._store.details.get(detail) is None]
        if unknown:
            raise InvalidConfigException(
                f"data : l'exemple « {example.get(TEXT)} » : metadata.details : détail inconnu {unknown}"
            )
        of_topic = {self._store.details.topic(detail).value: detail for detail in details}
        topics = list(dict.fromkeys([*example_topics(example), *of_topic]))
        return [(topic, of_topic.get(topic, WHOLE_TOPIC)) for topic in topics]

    def train(self, training_data: TrainingData) -> Resource:
        examples = [(self._question(focused_text(example.get(TEXT))), topic, label)
                    for example in topic_examples(training_data) for topic, label in self.labelled(example)]
        self._model = DetailModels.fit(examples, c=self._config["c"])
        with self._model_storage.write_to(self._resource) as directory:
            self._model.save(directory)
        return self._resource

    def asks(self, text: str, topic_asks: Sequence[dict], candidates: Sequence[str],
             verbs: Optional[Sequence[int]] = None) -> List[Dict[str, Any]]:
        """What a message asks: for each topic asked (in its part of the message), its detail or
        none, with the readings almost as likely; with no topic decided, the one detail its
        words say, if the unsure topics allow it."""
        asked: List[Dict[str, Any]] = []
        for topic_ask in topic_asks:
            start, end = topic_ask["start"], topic_ask["end"]
            span = text[start:end]
            reading = self._reading(self._question(span), topic_ask["topic"], self._mentioned(span))
            # Each part of a question is closed or not on its own ("on bosse avec qui et faut-il
            # parler anglais ?").
            # Where the verbs are unknown (no parse), as if there were one; "et niveau informatique
            # ?" has none: no "oui" to it.
            has_verb = True if verbs is None else any(start <= verb < end for verb in verbs)
            # … after the job it starts with too ("gestionnaire bo faut parler anglais ? et …"), and
            # with the rest of its sentence when the part does not end it ("il fait des opérations
            # sur les titres, le gestionnaire ?").
            question_mark = text.find("?", end)
            rest = text[end:question_mark] if question_mark >= 0 else "."
            sentence = span if _ANOTHER_PART.search(rest) or _SUBORDINATE.match(span) else text[start:question_mark + 1]
            reading["yes_no"] = any(is_yes_no(part, has_verb) or is_yes_no(
                after_a_leading_job(self._store, part, job_mentions(self._store, part)), has_verb)
                for part in dict.fromkeys((span, sentence)))
            if all((other["topic"], other["detail"]) != (reading["topic"], reading["detail"]) for other in asked):
                asked.append(reading)
        if asked or topic_asks:
            return asked
        start, end = question_focus(text)
        said = [detail for detail in self._mentioned(text[start:end])
                if not candidates or self._store.details.topic(detail).value in candidates]
        said_topics = {self._store.details.topic(detail) for detail in said}
        if len(said_topics) != 1:
            return []
        topic = said_topics.pop().value
        reading = self._reading(self._question(text[start:end]), topic)
        return [reading if reading["detail"] else {**reading, "detail": said[0]}]

    def readings(self, text: str) -> Dict[str, str]:
        """Under each topic, the detail its model finds more likely than the whole topic, sure of
        it (a positive decision value), if any."""
        question = self._question(text)
        found = {}
        for topic in (self._model.labels if self._model else {}):
            ranking = self._model.rank(question, topic)
            if ranking and ranking[0].topic != WHOLE_TOPIC and ranking[0].confidence > 0:
                found[topic] = ranking[0].topic
        return found

    def _reading(self, question: str, topic: str, named: Sequence[str] = ()) -> Dict[str, Any]:
        """The likeliest reading of ``question`` under ``topic``; among the few likeliest, a detail
        the question names in its words comes first ("accessible avec un bac+2 ?": access with a
        bac+2, not the level of study)."""
        ranking = self._model.rank(question, topic) if self._model else []
        if not ranking:
            return {"topic": topic, "detail": None, "alternatives": []}
        said = [score for score in ranking[:NAMED_AMONG] if score.topic in named]
        best = said[0] if said and ranking[0].topic not in named else ranking[0]
        ranking = [best, *(score for score in ranking if score is not best)]
        alternatives = [score.topic for score in ranking[1:] if score.confidence >= best.confidence - ALTERNATIVE_MARGIN]
        return {"topic": topic, "detail": None if best.topic == WHOLE_TOPIC else best.topic,
                "alternatives": alternatives}

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if message.get(PARSE_TOPICS) is None:
                continue
            text = message.get(TEXT) or ""
            doc = message.get(SPACY_DOCS[TEXT])
            verbs = [token.idx for token in doc if token.pos_ in VERBS] if doc is not None else None
            asks = self.asks(text, message.get(PARSE_TOPIC_ASKS) or [], message.get(PARSE_TOPIC_CANDIDATES) or [],
                             verbs)
            start, end = question_focus(text)
            message.set(PARSE_ASKS, asks, add_to_output=True)
            message.set(PARSE_MENTIONED_DETAILS, self._mentioned(text[start:end]), add_to_output=True)
            if len(text.split()) <= SHORT_MESSAGE_WORDS:
                message.set(PARSE_DETAIL_READINGS, self.readings(text), add_to_output=True)
        return messages
