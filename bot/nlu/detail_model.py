"""Which detail of a topic a question asks, if any: one linear model per topic.

Each topic's model tells its details (``knowledge/details.yml``) and "the whole topic" apart,
from the questions of ``data/`` that ask them (a question on two topics teaches each). The
features are those of the topic model (``bot/nlu/topic_model.py``: words and word pairs with
job names replaced, character n-grams for typos, topic keyword markers), plus one marker per
detail whose words the question holds; they are learnt once for every topic.

A linear support vector machine per topic, one class against the rest: in 3-fold
cross-validation over the labelled questions (07/12/2026) it finds the whole topic 0.937 of the
time and the exact detail 0.678 (many details are close: "le stress" under the conditions of
work and under the drawbacks), as multinomial logistic regression does within 0.01, but it
learns in one second instead of two minutes.

Kept as plain arrays (JSON and ``.npz`` without pickle): loading runs no code from the file.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import numpy as np
from sklearn.svm import LinearSVC

from actions.names import WHOLE_TOPIC  # noqa: F401 (the label of a question on the whole topic)
from bot.nlu.topic_model import TopicScore, char_vectorizer, features, idf_of, word_vectorizer

DETAIL_MARKER = "kwdetail"
MODEL_FILE = "detail_model.json"
WEIGHTS_FILE = "detail_weights.npz"
# Inverse regularisation strength, chosen in that cross-validation (0.3: 0.745 right; 1: 0.757).
DEFAULT_C = 1.0
# Words and n-grams of a single question are left out: fewer features, faster training.
MIN_QUESTIONS = 2


def with_detail_markers(question: str, details: Sequence[str]) -> str:
    """The question as the model reads it: ``question_text`` then a marker per detail named."""
    markers = " ".join(f"{DETAIL_MARKER}{detail}" for detail in details)
    return f"{question} {markers}".strip()


class DetailModels:
    def __init__(self, word_vocabulary: Dict[str, int], char_vocabulary: Dict[str, int], idf: np.ndarray,
                 labels: Dict[str, List[str]], weights: Dict[str, np.ndarray]) -> None:
        # weights[topic]: one row per label, the features' weights then the intercept.
        self._words = word_vectorizer(word_vocabulary)
        self._chars = char_vectorizer(char_vocabulary)
        self._word_vocabulary = word_vocabulary
        self._char_vocabulary = char_vocabulary
        self._idf = idf
        self.labels = labels
        self._weights = weights

    @classmethod
    def fit(cls, examples: Sequence[Tuple[str, str, str]], c: float = DEFAULT_C) -> "DetailModels":
        """Learn from ``examples``: (question as the model reads it, topic, detail or WHOLE_TOPIC)."""
        texts = [text for text, _, _ in examples]
        words, chars = word_vectorizer(min_df=MIN_QUESTIONS), char_vectorizer(min_df=MIN_QUESTIONS)
        word_counts, char_counts = words.fit_transform(texts), chars.fit_transform(texts)
        idf = np.concatenate([idf_of(word_counts), idf_of(char_counts)])
        matrix = features(word_counts, char_counts, idf)
        rows: Dict[str, List[int]] = defaultdict(list)
        for row, (_, topic, _) in enumerate(examples):
            rows[topic].append(row)
        labels, weights = {}, {}
        for topic, indices in rows.items():
            targets = [examples[index][2] for index in indices]
            classes = sorted(set(targets))
            if len(classes) < 2:
                continue
            classifier = LinearSVC(C=c)
            classifier.fit(matrix[indices], targets)
            matrix_weights = np.hstack([classifier.coef_, classifier.intercept_[:, None]])
            if len(classifier.classes_) == 2:
                # scikit-learn keeps one row for two classes: make it two opposite rows.
                matrix_weights = np.vstack([-matrix_weights / 2, matrix_weights / 2])
            labels[topic] = list(classifier.classes_)
            weights[topic] = matrix_weights
        return cls(words.vocabulary_, chars.vocabulary_, idf, labels, weights)

    def rank(self, question: str, topic: str) -> List[TopicScore]:
        """The topic's details and WHOLE_TOPIC with their score (the machine's decision value),
        likeliest first (none for a topic without details)."""
        if topic not in self._weights:
            return []
        vector = features(self._words.transform([question]), self._chars.transform([question]), self._idf)
        weights = self._weights[topic]
        scores = np.asarray(vector @ weights[:, :-1].T + weights[:, -1]).ravel()
        order = np.argsort(-scores, kind="stable")
        return [TopicScore(self.labels[topic][index], float(scores[index])) for index in order]

    def save(self, directory: Path) -> None:
        description = {
            "word_vocabulary": self._word_vocabulary,
            "char_vocabulary": self._char_vocabulary,
            "idf": self._idf.tolist(),
            "labels": self.labels,
        }
        (directory / MODEL_FILE).write_text(json.dumps(description, ensure_ascii=False), encoding="utf-8")
        np.savez(directory / WEIGHTS_FILE, **{topic: weights.astype(np.float32) for topic, weights in self._weights.items()})

    @classmethod
    def load(cls, directory: Path) -> "DetailModels":
        description = json.loads((directory / MODEL_FILE).read_text(encoding="utf-8"))
        with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as arrays:
            weights = {topic: arrays[topic].astype(np.float64) for topic in arrays.files}
        return cls(
            {term: int(index) for term, index in description["word_vocabulary"].items()},
            {term: int(index) for term, index in description["char_vocabulary"].items()},
            np.asarray(description["idf"], dtype=np.float64),
            description["labels"],
            weights,
        )
