"""What a question asks about a job, learnt from whole sentences.

A linear model (multinomial logistic regression) over three kinds of features of
the question, all accent-free and lower-case:

- its words and word pairs, with the job names replaced by one placeholder so that
  "combien gagne un gestionnaire" and "combien gagne une opératrice" teach the same;
- its character n-grams, for typos and SMS spellings ("renumeration", "cb");
- one marker per topic that ``knowledge/topics.yml`` finds in it: the keyword
  vocabulary is a feature the model weighs, not the only way in.

The model is kept as plain arrays (JSON and ``.npy`` without pickle): loading it runs
no code from the file.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

from knowledge.store import JOB, TOPIC, KnowledgeStore, Mention
from knowledge.text import strip_accents
from knowledge.topics import Topic

JOB_PLACEHOLDER = "jobname"
KEYWORD_MARKER = "kwtopic"
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)
# Inverse regularisation strength, chosen by cross-validation (`make crossval`).
DEFAULT_C = 30.0
MODEL_FILE = "topic_model.json"
WEIGHTS_FILE = "topic_weights.npy"


@dataclass(frozen=True)
class TopicScore:
    topic: str
    confidence: float


def question_text(text: str, mentions: Sequence[Mention]) -> str:
    """The question as the model reads it: job names replaced, topic keywords marked."""
    pieces, position = [], 0
    for mention in mentions:
        if mention.kind == JOB:
            pieces.append(text[position:mention.start])
            pieces.append(f" {JOB_PLACEHOLDER} ")
            position = mention.end
    pieces.append(text[position:])
    plain = re.sub(r"\s+", " ", strip_accents("".join(pieces)).lower()).strip()
    markers = " ".join(f"{KEYWORD_MARKER}{mention.id}" for mention in mentions if mention.kind == TOPIC)
    return f"{plain} {markers}".strip()


def word_vectorizer(vocabulary: Optional[Dict[str, int]] = None, min_df: int = 1) -> CountVectorizer:
    return CountVectorizer(
        analyzer="word", ngram_range=WORD_NGRAMS, token_pattern=r"(?u)\b\w+\b", vocabulary=vocabulary,
        lowercase=False, min_df=min_df,
    )


def char_vectorizer(vocabulary: Optional[Dict[str, int]] = None, min_df: int = 1) -> CountVectorizer:
    return CountVectorizer(
        analyzer="char_wb", ngram_range=CHAR_NGRAMS, vocabulary=vocabulary, lowercase=False, min_df=min_df,
    )


def _tfidf(counts: sparse.spmatrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sub-linear term frequency times idf, each row scaled to unit length."""
    weighted = counts.astype(np.float64).tocsr()
    weighted.data = 1.0 + np.log(weighted.data)
    weighted = weighted.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ weighted


def idf_of(counts: sparse.spmatrix) -> np.ndarray:
    documents = counts.shape[0]
    # The column of each stored count: how many questions hold each feature.
    frequency = np.bincount(counts.tocsr().indices, minlength=counts.shape[1])
    return np.log((1.0 + documents) / (1.0 + frequency)) + 1.0


def features(word_counts: sparse.spmatrix, char_counts: sparse.spmatrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Words and characters weighted each on its own scale, so that the many character
    n-grams of a sentence do not drown its few words (+0.009 of first topics right in
    cross-validation, 29/11/2026)."""
    split = word_counts.shape[1]
    return sparse.hstack([_tfidf(word_counts, idf[:split]), _tfidf(char_counts, idf[split:])]).tocsr()


class TopicModel:
    """Topic probabilities for a question; ``fit`` on labelled questions, or ``load``."""

    def __init__(
        self,
        topics: Sequence[str],
        word_vocabulary: Dict[str, int],
        char_vocabulary: Dict[str, int],
        idf: np.ndarray,
        weights: np.ndarray,
    ) -> None:
        # weights: one row per topic, the features' weights then the intercept.
        self.topics = list(topics)
        self._words = word_vectorizer(word_vocabulary)
        self._chars = char_vectorizer(char_vocabulary)
        self._word_vocabulary = word_vocabulary
        self._char_vocabulary = char_vocabulary
        self._idf = idf
        self._weights = weights

    @classmethod
    def fit(cls, questions: Sequence[str], labels: Sequence[Sequence[str]], c: float = DEFAULT_C,
            question_weights: Optional[Sequence[float]] = None, min_questions: int = 1) -> "TopicModel":
        """Learn from ``questions`` (already through ``question_text``) and their topics.

        A question about two topics counts once for each, so its probability is shared.
        ``question_weights``: how much each question counts (1 by default). ``min_questions``: a word
        or n-gram found in fewer questions is left out.
        """
        texts = [question for question, topics in zip(questions, labels) for _ in topics]
        targets = [topic for topics in labels for topic in topics]
        sample_weight = None if question_weights is None else [
            weight for weight, topics in zip(question_weights, labels) for _ in topics
        ]
        words, chars = word_vectorizer(min_df=min_questions), char_vectorizer(min_df=min_questions)
        word_counts, char_counts = words.fit_transform(texts), chars.fit_transform(texts)
        idf = np.concatenate([idf_of(word_counts), idf_of(char_counts)])
        classifier = LogisticRegression(C=c, max_iter=2000)
        classifier.fit(features(word_counts, char_counts, idf), targets, sample_weight=sample_weight)
        weights = np.hstack([classifier.coef_, classifier.intercept_[:, None]])
        if len(classifier.classes_) == 2:
            # scikit-learn keeps one row for two classes: make it the softmax's two rows.
            weights = np.vstack([-weights / 2, weights / 2])
        return cls(list(classifier.classes_), words.vocabulary_, chars.vocabulary_, idf, weights)

    def rank(self, question: str) -> List[TopicScore]:
        """Every topic with its probability, likeliest first."""
        vector = features(self._words.transform([question]), self._chars.transform([question]), self._idf)
        scores = vector @ self._weights[:, :-1].T + self._weights[:, -1]
        scores = np.asarray(scores).ravel()
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        order = np.argsort(-probabilities, kind="stable")
        return [TopicScore(self.topics[index], float(probabilities[index])) for index in order]

    def save(self, directory: Path) -> None:
        description = {
            "topics": self.topics,
            "word_vocabulary": self._word_vocabulary,
            "char_vocabulary": self._char_vocabulary,
            "idf": self._idf.tolist(),
        }
        (directory / MODEL_FILE).write_text(json.dumps(description, ensure_ascii=False), encoding="utf-8")
        np.save(directory / WEIGHTS_FILE, self._weights.astype(np.float32), allow_pickle=False)

    @classmethod
    def load(cls, directory: Path) -> "TopicModel":
        description = json.loads((directory / MODEL_FILE).read_text(encoding="utf-8"))
        weights = np.load(directory / WEIGHTS_FILE, allow_pickle=False).astype(np.float64)
        return cls(
            description["topics"],
            {term: int(index) for term, index in description["word_vocabulary"].items()},
            {term: int(index) for term, index in description["char_vocabulary"].items()},
            np.asarray(description["idf"], dtype=np.float64),
            weights,
        )


@lru_cache(maxsize=8192)
def mentions(store: KnowledgeStore, text: str) -> Tuple[Mention, ...]:
    """The jobs and topic keywords the model reads in ``text``. Kept for the next call: the
    intent and topic classifiers read the same messages, in training and in service."""
    return tuple(store.find_mentions(text, kinds=(JOB, TOPIC)))


# What may stand between two topic words that one ask joins ("les avantages et les
# inconvénients", "salaire, formation", "les atouts ainsi que les difficultés").
_JOINING = frozenset({"et", "ou", "ainsi", "que", "puis", "aussi", "mais"})
_BEFORE_A_NOUN = frozenset({
    "le", "la", "l", "les", "des", "du", "de", "d", "ses", "son", "sa", "leur", "leurs", "ces", "quel", "quels",
    "quelle", "quelles", "sont",
})
# "les +", "les -", "points +", "le pour et le contre": the advantages, the drawbacks.
# Not an age band: "les - de 25 ans", "les 50 ans et +".
_SIGNS = re.compile(
    r"(?:(?:^|\s)(?:les|des|points?|le|du)\s*|(?<!ans )(?<!\d )\b(?:et|ou)\s+)(\+|-|pour\b|contre\b)"
    r"(?=\s|$|[?!.,;:/&])(?!\s*(?:de\b|d'|\d))"
)
_SIGNED = {"+": Topic.PROS.value, "pour": Topic.PROS.value, "-": Topic.CONS.value, "contre": Topic.CONS.value}


def signed_topics(text: str) -> Tuple[str, ...]:
    """The advantages and drawbacks asked by signs, in the order typed ("les + et les - du
    métier", "et les - ?", "les pour et les contre"), which no topic word says. "Pour" and
    "contre" only both together ("le pour et le contre"), otherwise mere prepositions."""
    signs = [found.group(1) for found in _SIGNS.finditer(strip_accents(text).lower())]
    if any(sign in ("pour", "contre") for sign in signs) and not {"pour", "contre"} <= set(signs):
        signs = [sign for sign in signs if sign not in ("pour", "contre")]
    return tuple(dict.fromkeys(_SIGNED[sign] for sign in signs))


def joined_topics(text: str, mentions: Sequence[Mention]) -> Tuple[str, ...]:
    """The topics whose words one ask joins, in the order typed: two topic words with only a
    conjunction, a comma and articles between them ("quels sont les avantages et les
    inconvénients ?"). The words say what is asked even where the model, which learnt each topic
    apart, finds one of them unlikely."""
    topics = [mention for mention in mentions if mention.kind == TOPIC]
    joined: List[str] = []
    for first, second in zip(topics, topics[1:]):
        between = strip_accents(text[first.end:second.start]).lower()
        words = re.findall(r"\w+|[+&,/]", between)
        linked = any(word in _JOINING or word in "+&,/" for word in words)
        if linked and all(word in _JOINING or word in _BEFORE_A_NOUN or word in "+&,/" for word in words) \
                and first.id != second.id:
            joined.extend((first.id, second.id))
    return tuple(dict.fromkeys(joined))


@dataclass(frozen=True)
class TopicDecision:
    """The topics to answer, or (none to answer) the candidates to offer."""

    topics: Tuple[str, ...]
    candidates: Tuple[str, ...]


@dataclass(frozen=True)
class DecisionThresholds:
    # The likeliest topic is answered from this probability… (chosen by cross-validation:
    # `make crossval`, results/topic_crossval.md)
    answer: float = 0.4
    # …when the next one is at least this far behind; otherwise both are offered.
    margin: float = 0.1
    # Two or more topics named by their words are all answered when each has this probability.
    named: float = 0.35
    # Offered topics: those within this ratio of the likeliest, at most ``offered`` of them.
    offer_ratio: float = 0.3
    offered: int = 3
    # A question that joins asks ("les bons et les mauvais côtés") asks its two likeliest topics
    # when each has this probability.
    paired: float = 0.3
    # A part of a question that joins asks ("quel salaire et quelles études ?") asks a topic of
    # its own from this probability, this far ahead of the next.
    clause: float = 0.5
    clause_margin: float = 0.2
    # …and the whole question finds that topic among its likeliest few, with this probability.
    clause_among: int = 3
    clause_support: float = 0.0


def decide(
    ranking: Sequence[TopicScore], keyword_topics: Sequence[str], thresholds: DecisionThresholds,
    joined: bool = False,
) -> TopicDecision:
    """Answer the topics the question asks, or offer the likeliest when it is unclear.

    "salaire et formation" names two topics the model finds plausible: both are
    answered; so are the two likeliest of a question that joins asks when each is plausible
    ("les bons et les mauvais côtés", ``joined``). Otherwise the likeliest topic is answered
    when the model is sure enough, and the close candidates are offered when it is not:
    never a silent default.
    """
    if not ranking:
        return TopicDecision((), ())
    probability = {score.topic: score.confidence for score in ranking}
    named = [topic for topic in dict.fromkeys(keyword_topics) if probability.get(topic, 0.0) >= thresholds.named]
    if len(named) >= 2:
        return TopicDecision(tuple(named), ())
    best, *rest = ranking
    runner_up = rest[0].confidence if rest else 0.0
    if joined and runner_up >= thresholds.paired:
        return TopicDecision((best.topic, rest[0].topic), ())
    if best.confidence >= thresholds.answer and best.confidence - runner_up >= thresholds.margin:
        return TopicDecision((best.topic,), ())
    offered = [
        score.topic for score in ranking[: thresholds.offered]
        if score.confidence >= thresholds.offer_ratio * best.confidence
    ]
    return TopicDecision((), tuple(offered))
