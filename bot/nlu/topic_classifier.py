"""A Rasa NLU component that tells which topic(s) of a job sheet a question asks about.

It learns from the ``ask`` examples of ``data/nlu/`` and of ``data/topics/``, each
block of which names its topics in its metadata (``metadata: {topics: [salary]}``).
``data/topics/`` holds the many everyday phrasings the topic is learnt from; Rasa is not
given them (the Makefile trains on ``data/nlu/`` and ``data/rules.yml``): this component and
the intent classifier (at a low weight, so that they do not drown the small intents) read
them themselves.
Their content is part of this component's fingerprint (its default config), so a
change to them retrains it.

It reads the question of a message (``bot/nlu/clauses.py``: the sentences that ask, not the
asker's story around them), and each part of it that joins asks ("quel salaire et quelles
études ?"). It adds four keys to the parse data the actions read:

- ``topics``: the topics to answer (empty when the question is unclear);
- ``topic_asks``: where each is asked in the message (a topic asked in two parts twice);
- ``topic_candidates``: when it is unclear, the likeliest topics, which the bot offers;
- ``topic_ranking``: the likeliest topics with their probability (for the record).

Messages sent by buttons (``/ask{"topic": …}``) skip the pipeline's output and carry
none of these keys: their ``topic`` entities say what they ask.

The model itself is ``bot/nlu/topic_model.py``; the thresholds come from ``config.yml``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List, Sequence, Text, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import (
    INTENT, INTENT_NAME_KEY, METADATA, METADATA_EXAMPLE, METADATA_INTENT, PREDICTED_CONFIDENCE_KEY, TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.names import (
    INTENT_AFFIRM, INTENT_ASK, INTENT_COMPARE, INTENT_DENY, INTENT_FEEDBACK_NOT_USEFUL, INTENT_FEEDBACK_USEFUL,
    INTENT_GREET, INTENT_OUT_OF_SCOPE, INTENT_THANK, PARSE_TOPIC_ASKS, PARSE_TOPIC_CANDIDATES, PARSE_TOPIC_RANKING,
    PARSE_TOPICS,
)
from bot.nlu.clauses import MIN_CLAUSE_LETTERS, Span, clauses, question_focus, with_the_next_noun
from bot.nlu.question_form import contrary_alternative, goes_on, is_yes_no
from bot.nlu.intent_override import override_intent
from bot.nlu.topic_data import TOPIC_DATA, topic_data, topic_data_fingerprint
from bot.nlu.linear_model_component import LinearModelComponent
from bot.nlu.topic_model import (
    DEFAULT_C, DecisionThresholds, TopicDecision, TopicScore, decide, joined_topics, mentions, question_text,
    signed_topics,
)
from knowledge.store import JOB, TOPIC
from knowledge.text import strip_accents
from knowledge.topics import Topic, parse_topic

METADATA_TOPICS = "topics"
RANKING_LENGTH = 5
# The topic probability from which an "out of scope" message is taken for a question.
SURE_ENOUGH_AGAINST_THE_INTENT = 0.8
# An intent below this confidence is unsure (the fallback classifier's threshold is 0.3).
UNSURE_INTENT = 0.4
# Intents a follow-up may be taken for by its first words ("ok et…", "merci, et…").
SMALL_TALK = frozenset({
    INTENT_FEEDBACK_USEFUL, INTENT_FEEDBACK_NOT_USEFUL, INTENT_THANK, INTENT_AFFIRM, INTENT_DENY, INTENT_GREET,
    INTENT_OUT_OF_SCOPE,
})
# "c'est quoi", "c koi", "qu'est-ce que", "kesako": asking what something is.
WHAT_IS = re.compile(r"\b(?:c ?est quoi|c'est quoi|c quoi|c koi|qu ?est ce que|qu'est-ce que|kesako|ca consiste)\b")
# "c'est quoi exactement ?" after a job named apart ("Gestionnaire de back office : c'est quoi
# exactement, et …"): what the job is, asked with no other word.
WHAT_IS_ALONE = re.compile(
    r"^\W*(?:c ?est quoi|c'est quoi|c quoi|c koi|qu'est-ce que c'est|qu ?est ce que c ?est|kesako|ca consiste en quoi)"
    r"(?:\s+(?:exactement|concretement|en gros|en fait|au juste|ce metier|ce poste|ce job|ce taf|ce boulot|le metier"
    r"|le poste|le job|le taf|le boulot|comme metier|comme job|comme taf|comme boulot))?\W*$"
)


def focused_text(text: str) -> str:
    """The question of a message, without the asker's story around it (``question_focus``)."""
    start, end = question_focus(text)
    return text[start:end]


def example_labels(example: Message, key: str) -> List[str]:
    """The labels ``key`` of a training example (its own metadata, else its block's)."""
    metadata = example.get(METADATA) or {}
    for level in (METADATA_EXAMPLE, METADATA_INTENT):
        labelled = (metadata.get(level) or {}).get(key) if isinstance(metadata.get(level), dict) else None
        if labelled:
            return list(labelled)
    return []


def example_topics(example: Message) -> List[str]:
    """The topics a training example is labelled with."""
    return example_labels(example, METADATA_TOPICS)


def labelled_questions(training_data: TrainingData) -> List[Message]:
    """The ``ask`` examples that name their topics; an unknown topic id is an error."""
    labelled = []
    for example in training_data.intent_examples:
        topics = example_topics(example)
        if example.get(INTENT) != INTENT_ASK or not topics:
            continue
        unknown = [topic for topic in topics if parse_topic(topic) is None]
        if unknown:
            raise InvalidConfigException(
                f"data/nlu : l'exemple « {example.get(TEXT)} » : metadata.topics : sujet inconnu {unknown}"
            )
        labelled.append(example)
    return labelled


def topic_examples(training_data: TrainingData, directory: Path = TOPIC_DATA) -> List[Message]:
    """The labelled questions of Rasa's training data and of ``data/topics/``. Not merged
    into one ``TrainingData``: merging deep-copies every example with its spaCy document."""
    return labelled_questions(training_data) + labelled_questions(topic_data(directory))


def _beyond_job_names(clause: str, found: Sequence[Any]) -> str:
    """``clause`` with the job names among ``found`` (its mentions) blanked out, in place."""
    rest = list(clause)
    for mention in found:
        if mention.kind == JOB:
            rest[mention.start:mention.end] = " " * (mention.end - mention.start)
    return "".join(rest)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TopicClassifier(LinearModelComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        defaults = DecisionThresholds()
        return {
            "topic_data_fingerprint": topic_data_fingerprint(),
            "c": DEFAULT_C,
            "answer_threshold": defaults.answer,
            "ambiguity_margin": defaults.margin,
            "named_threshold": defaults.named,
        }

    def __init__(self, config: Dict[Text, Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self._thresholds = DecisionThresholds(
            answer=config["answer_threshold"], margin=config["ambiguity_margin"], named=config["named_threshold"]
        )

    def train(self, training_data: TrainingData) -> Resource:
        examples = topic_examples(training_data)
        if not examples:
            raise InvalidConfigException("data/nlu : aucun exemple « ask » ne donne ses sujets (metadata.topics)")
        texts = [self._question(focused_text(example.get(TEXT))) for example in examples]
        return self._fit_and_save(texts, [example_topics(example) for example in examples])

    def _question(self, text: str) -> str:
        return question_text(text, mentions(self._store, text))

    def _rank(self, text: str, span: Span) -> List[TopicScore]:
        return self._model.rank(self._question(text[span[0]:span[1]]))

    def _asks_beyond_job_names(self, clause: str) -> bool:
        rest = _beyond_job_names(clause, mentions(self._store, clause))
        return sum(char.isalpha() for char in rest) >= MIN_CLAUSE_LETTERS

    def _in_the_order_asked(self, text: str, parts: Sequence[Span], topics: Sequence[str]) -> Tuple[str, ...]:
        """``topics`` in the order of the parts of the question each is likeliest in ("les bons
        et les mauvais côtés": the advantages, then the drawbacks)."""
        likeliest = {}
        for position, span in enumerate(parts):
            for score in self._rank(text, span):
                if score.topic in topics and score.confidence > likeliest.get(score.topic, (-1, 0.0))[1]:
                    likeliest[score.topic] = (position, score.confidence)
        return tuple(sorted(topics, key=lambda topic: likeliest.get(topic, (len(parts), 0.0))[0]))

    def _names_what_it_asks(self, clause: str) -> bool:
        """Whether a part of a question says what it asks in words of ``knowledge/``: a topic's
        ("salaire", "missions") or a detail's ("la part de femmes", "les moins de 25 ans"), or
        asks what a job it names is ("c'est quoi un opérateur back office"), or what the job is
        in no other word ("c'est quoi exactement")."""
        found = mentions(self._store, clause)
        return any(mention.kind == TOPIC for mention in found) or bool(self._store.details.mentioned(clause)) or (
            any(mention.kind == JOB for mention in found) and bool(WHAT_IS.search(strip_accents(clause).lower()))
        ) or bool(WHAT_IS_ALONE.search(strip_accents(clause).lower()))

    def _clause_asks(self, text: str, focus: Span, whole: Sequence[TopicScore]) -> List[Tuple[str, Span]]:
        """The topic each part of a question asks on its own, when two parts or more do, each a
        topic the whole question makes plausible (``whole``: its ranking): in "gestionnaire dans 10
        ans, ça ressemblera à quoi ?", "ça ressemblera à quoi" alone sounds like the presentation,
        but the question is on the trends; unless the part names its topic in a word of knowledge/.
        Several parts asking, several topics; one, a topic to ask beside the whole question's."""
        plausible = {score.topic for score in whole[:self._thresholds.clause_among]
                     if score.confidence >= self._thresholds.clause_support}
        asked = []
        # Not the last alternative that says the "no" ("… ou il reste toujours derrière son
        # ordinateur ?"): it asks nothing of its own.
        contrary = contrary_alternative(text)
        parts = [part for part in clauses(text, focus) if contrary is None or text[part[0]:contrary].strip()]
        for position, span in enumerate(parts):
            clause = text[span[0]:span[1]]
            if WHAT_IS_ALONE.search(strip_accents(clause).lower()) and any(
                    mention.kind == TOPIC for mention in mentions(self._store, text[focus[0]:span[0]])):
                # "ils me demandent le code ROME du métier, c koi ?": what the thing named before is.
                continue
            if not self._names_what_it_asks(clause):
                # "les bons et les mauvais côtés": "les bons" says its noun with the next part's.
                clause = with_the_next_noun(clause, text, parts[position + 1:])
            if not self._names_what_it_asks(clause):
                # "gestionnaire BO, quelle langue faut-il ?": the job named asks nothing itself;
                # "niveau outils info, on attend quoi ?": the second part only asks about the first.
                continue
            ranking = self._model.rank(self._question(clause))
            runner_up = ranking[1].confidence if len(ranking) > 1 else 0.0
            # A part that names its topic in a word of knowledge/ (a topic's, a detail's, or none
            # but what the job is) needs no support from the whole ("il fait quoi au quotidien et
            # c'est quoi son secteur d'activité ?", "opérateur : c koi exactement, et ça embauche ?").
            found = mentions(self._store, clause)
            named = {mention.id for mention in found if mention.kind == TOPIC}
            # Not the detail a job's name says ("opératrice": the feminine title).
            details = {self._store.details.topic(detail).value
                       for detail in self._store.details.mentioned(_beyond_job_names(clause, found))}
            topic_words = set(named)
            named |= details
            what_is = bool(WHAT_IS_ALONE.search(strip_accents(clause).lower()))
            if what_is:
                named.add(Topic.DESCRIPTION.value)
            if ranking[0].confidence >= self._thresholds.clause and \
                    (ranking[0].topic in plausible or ranking[0].topic in named) and \
                    ranking[0].confidence - runner_up >= self._thresholds.clause_margin:
                asked.append((ranking[0].topic, span))
            elif what_is or (details and (is_yes_no(clause) or not topic_words)):
                # Unsure between likely topics, the likeliest its words name, if it asks what the
                # job is ("c koi exactement") or a detail, closed or in a detail's words only
                # ("est-ce qu'on reste assis toute la journée": the conditions of work; "ça dure
                # combien de temps": the training's length).
                said = named if what_is else details
                likely = [score.topic for score in ranking[:self._thresholds.clause_among] if score.topic in said]
                if likely:
                    asked.append((likely[0], span))
        return asked

    @staticmethod
    def _asks_a_topic_despite_the_intent(message: Message, decision, ranking, found) -> bool:
        """The intent classifier learns ``ask`` mostly from fewer, plainer questions than this
        component: it may take everyday ones ("Ça ouvre des portes pour la suite de ma
        carrière ?") for out of scope, be unsure of a follow-up of three words ("et en info ?") or
        take one for small talk ("ok et côté info ?" for a 👎). A second opinion: such a message is
        a question on a job when this component is sure of its topic and a job or topic word of
        the knowledge base is in it, or, the intent unsure or small talk, it goes on from the last
        question ("et …")."""
        intent = message.get(INTENT) or {}
        name = intent.get(INTENT_NAME_KEY)
        unsure = (intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0) < UNSURE_INTENT
        return bool(decision.topics) and ranking[0].confidence >= SURE_ENOUGH_AGAINST_THE_INTENT and (
            (name == INTENT_OUT_OF_SCOPE and bool(found))
            or ((unsure or name in SMALL_TALK) and name != INTENT_COMPARE and goes_on(message.get(TEXT) or ""))
        )

    def process(self, messages: List[Message]) -> List[Message]:
        if self._model is None:
            return messages
        for message in messages:
            text = message.get(TEXT) or ""
            focus = question_focus(text)
            found = mentions(self._store, text[focus[0]:focus[1]])
            ranking = self._rank(text, focus)
            clause_asks = self._clause_asks(text, focus, ranking)
            asking = [span for span in clauses(text, focus) if self._asks_beyond_job_names(text[span[0]:span[1]])]
            decision = decide(ranking, [mention.id for mention in found if mention.kind == TOPIC], self._thresholds,
                              joined=len(asking) > 1)
            if len(clause_asks) == 1 and len(asking) > 1 and decision.topics \
                    and clause_asks[0][0] not in decision.topics:
                # "les perspectives d'évolution du métier ainsi que les compétences numériques":
                # the one part sure of its topic asks it beside what the whole question asks.
                decision = TopicDecision((*decision.topics, clause_asks[0][0]), ())
            if len(clause_asks) < 2:
                clause_asks = []
            joined = joined_topics(text[focus[0]:focus[1]], found)
            signed = signed_topics(text[focus[0]:focus[1]])
            if signed:
                # "les + et les - du taf", "et les - ?": what the signs say, whatever the model.
                decision, clause_asks = TopicDecision(signed, ()), []
            elif not clause_asks and len(joined) > 1 and len(decision.topics) < 2:
                # "quels sont les avantages et les inconvénients ?": both, whatever the model.
                decision = TopicDecision((*joined, *(topic for topic in decision.topics if topic not in joined)), ())
            if len(decision.topics) > 1 and len(asking) > 1:
                decision = TopicDecision(self._in_the_order_asked(text, asking, decision.topics), ())
            if clause_asks:
                decision = TopicDecision(tuple(dict.fromkeys(topic for topic, _ in clause_asks)), ())
            elif WHAT_IS_ALONE.search(strip_accents(_beyond_job_names(text[focus[0]:focus[1]], found)).lower()):
                # "j'ai vu une annonce pour opérateur backoffice, c koi ce job ?", "opérateur back
                # office c quoi comme métier ?": what the job is.
                decision = TopicDecision((Topic.DESCRIPTION.value,), ())
            if self._asks_a_topic_despite_the_intent(message, decision, ranking, found):
                override_intent(message, INTENT_ASK, ranking[0].confidence)
            asked = clause_asks or [(topic, focus) for topic in decision.topics]
            message.set(PARSE_TOPICS, list(decision.topics), add_to_output=True)
            message.set(PARSE_TOPIC_ASKS, [{"topic": topic, "start": start, "end": end} for topic, (start, end) in asked],
                        add_to_output=True)
            message.set(PARSE_TOPIC_CANDIDATES, list(decision.candidates), add_to_output=True)
            message.set(
                PARSE_TOPIC_RANKING,
                [{"name": score.topic, "confidence": round(score.confidence, 4)} for score in ranking[:RANKING_LENGTH]],
                add_to_output=True,
            )
        return messages
