"""Cross-validation of the ways to tell a question's topic (`make crossval`).

On the ``ask`` examples of ``data/nlu/`` and ``data/topics/`` labelled with their topics, five folds
compare: the keyword vocabulary alone (the bot before the topic classifier: the topic
words found, else the presentation), the classifier on words and characters only, and
the classifier that also reads the keyword markers (the one in ``config.yml``) at
several regularisation strengths. Writes ``results/topic_crossval.md`` and ``.json``.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Dict, List, Sequence

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.model_selection import StratifiedKFold

from bot.nlu.topic_classifier import example_topics, topic_examples
from bot.nlu.topic_model import DEFAULT_C, DecisionThresholds, TopicModel, TopicScore, decide, mentions, question_text
from knowledge.store import JOB, TOPIC, default_store
from knowledge.topics import Topic

FOLDS = 5
SEED = 42
C_VALUES = (1.0, 3.0, 10.0, 30.0)
# (answer, margin, named): see DecisionThresholds.
THRESHOLDS = ((0.3, 0.1, 0.35), (0.4, 0.1, 0.1), (0.4, 0.1, 0.25), (0.4, 0.1, 0.35), (0.5, 0.2, 0.35), (0.6, 0.3, 0.35))
RESULTS = Path("results")


@dataclass
class Scores:
    design: str
    # The first topic given is one the question asks.
    top1: float
    # With the decision rule: answered with exactly the topics asked / asked which topic / wrong.
    answered_right: float
    clarified: float
    wrong: float


def _score(
    design: str, labels: Sequence[List[str]], predictions: Sequence[tuple], thresholds: DecisionThresholds
) -> Scores:
    counts: Counter = Counter()
    for asked, (ranking, keywords) in zip(labels, predictions):
        counts["top1"] += ranking[0].topic in asked
        decided = decide(ranking, keywords, thresholds).topics
        if decided:
            counts["right" if set(decided) == set(asked) else "wrong"] += 1
        else:
            counts["clarified"] += 1
    total = len(labels)
    return Scores(design, *(round(counts[key] / total, 3) for key in ("top1", "right", "clarified", "wrong")))


def keywords_only(found: Sequence[list]) -> List[tuple]:
    """The bot before the classifier: the topic words found, else the presentation."""
    predictions = []
    for mentioned in found:
        topics = list(dict.fromkeys(mention.id for mention in mentioned if mention.kind == TOPIC))
        topics = topics or [Topic.DESCRIPTION.value]
        # Every topic found is answered, as if each were certain.
        predictions.append(([TopicScore(topic, 1.0) for topic in topics], topics))
    return predictions


def classifier(c: float, with_keywords: bool) -> Callable:
    def predict(train: Dict, test: Dict) -> List[tuple]:
        model = TopicModel.fit(train["questions" if with_keywords else "plain"], train["labels"], c=c)
        predictions = []
        for question, plain, mentioned in zip(test["questions"], test["plain"], test["found"]):
            ranking = model.rank(question if with_keywords else plain)
            keywords = [mention.id for mention in mentioned if mention.kind == TOPIC] if with_keywords else []
            predictions.append((ranking, keywords))
        return predictions

    return predict


def main() -> None:
    store = default_store()
    examples = topic_examples(load_data("data/nlu"))
    texts = [example.get(TEXT) for example in examples]
    found = [mentions(store, text) for text in texts]
    data = {
        "questions": [question_text(text, mentioned) for text, mentioned in zip(texts, found)],
        "plain": [question_text(text, [m for m in mentioned if m.kind == JOB]) for text, mentioned in zip(texts, found)],
        "labels": [example_topics(example) for example in examples],
        "found": found,
    }
    strata = [labels[0] for labels in data["labels"]]
    designs: Dict[str, Callable] = {"classifieur, mots et caractères seuls (C = 10)": classifier(10.0, False)}
    designs.update({f"classifieur + mots-clés de knowledge/ (C = {c:g})": classifier(c, True) for c in C_VALUES})
    predictions: Dict[str, List] = {"mots-clés seuls (avant)": [None] * len(texts), **{name: [None] * len(texts) for name in designs}}
    for train_index, test_index in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(texts, strata):
        fold = lambda indices: {key: [values[i] for i in indices] for key, values in data.items()}  # noqa: E731
        train, test = fold(train_index), fold(test_index)
        for position, prediction in zip(test_index, keywords_only(test["found"])):
            predictions["mots-clés seuls (avant)"][position] = prediction
        for name, predict in designs.items():
            for position, prediction in zip(test_index, predict(train, test)):
                predictions[name][position] = prediction
    chosen = DecisionThresholds()
    scores = [_score(name, data["labels"], predicted, chosen) for name, predicted in predictions.items()]
    # The thresholds of the decision (answer or ask which topic), on the chosen design.
    for answer, margin, named in THRESHOLDS:
        scores.append(_score(
            f"choisi (C = {DEFAULT_C:g}), réponse dès {answer:g} avec {margin:g} d'écart, "
            f"sujets nommés dès {named:g}",
            data["labels"], predictions[f"classifieur + mots-clés de knowledge/ (C = {DEFAULT_C:g})"],
            DecisionThresholds(answer=answer, margin=margin, named=named),
        ))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "topic_crossval.json").write_text(
        json.dumps({"examples": len(texts), "folds": FOLDS, "scores": [asdict(score) for score in scores]},
                   ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    lines = [
        f"Sujets : validation croisée {FOLDS} plis sur {len(texts)} questions étiquetées (data/nlu/, data/topics/)",
        "",
        "| méthode | 1er sujet juste | répond juste | demande de préciser | se trompe |",
        "| --- | --- | --- | --- | --- |",
        *(f"| {s.design} | {s.top1:.3f} | {s.answered_right:.3f} | {s.clarified:.3f} | {s.wrong:.3f} |" for s in scores),
    ]
    (RESULTS / "topic_crossval.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
