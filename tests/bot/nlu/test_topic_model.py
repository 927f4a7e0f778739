"""The topic model: what it reads of a question, how it ranks and decides, and that it
comes back identical from its files."""
import numpy as np
import pytest
from scipy import sparse

from bot.nlu.topic_model import (
    JOB_PLACEHOLDER, KEYWORD_MARKER, DecisionThresholds, TopicModel, TopicScore, decide, idf_of, joined_topics,
    mentions, question_text, signed_topics,
)
from knowledge.store import default_store

TRAINING = {
    "salary": ["ça paie bien ?", "on touche combien par mois", "c'est assez pour vivre ?", "combien je vais toucher"],
    "training": ["il faut quel bac ?", "quelle école faire ?", "on y entre avec un bts ?", "faut faire des études ?"],
    "mobility": ["je peux devenir quoi après ?", "on peut monter en grade ?", "et dans cinq ans je fais quoi ?",
                 "ça mène à quel poste ensuite ?"],
}


@pytest.fixture(scope="module")
def model():
    questions = [text for texts in TRAINING.values() for text in texts]
    labels = [[topic] for topic, texts in TRAINING.items() for _ in texts]
    return TopicModel.fit(questions, labels)


def test_job_names_are_replaced_and_topic_words_marked():
    text = "Quel salaire pour une Opératrice back-office ?"
    read = question_text(text, mentions(default_store(), text))
    assert JOB_PLACEHOLDER in read and "operatrice" not in read
    assert f"{KEYWORD_MARKER}salary" in read
    assert read.startswith("quel salaire pour une")


@pytest.mark.parametrize("question,topic", [("ça paie combien ?", "salary"), ("quel bac faut-il ?", "training"),
                                            ("après je peux devenir quoi ?", "mobility")])
def test_the_likeliest_topic_comes_first_with_probabilities_summing_to_one(model, question, topic):
    ranking = model.rank(question)
    assert ranking[0].topic == topic
    assert sum(score.confidence for score in ranking) == pytest.approx(1.0)
    assert [score.confidence for score in ranking] == sorted((score.confidence for score in ranking), reverse=True)


def test_a_saved_model_loads_with_the_same_rankings_and_no_pickle(model, tmp_path):
    model.save(tmp_path)
    assert sorted(path.suffix for path in tmp_path.iterdir()) == [".json", ".npy"]
    assert np.load(next(tmp_path.glob("*.npy")), allow_pickle=False).dtype == np.float32
    loaded = TopicModel.load(tmp_path)
    for question in ("ça paie combien ?", "faut quel diplôme", "zzz"):
        assert [(s.topic, round(s.confidence, 4)) for s in loaded.rank(question)] == [
            (s.topic, round(s.confidence, 4)) for s in model.rank(question)
        ]


def ranking(**scores):
    return [TopicScore(topic, confidence) for topic, confidence in sorted(scores.items(), key=lambda s: -s[1])]


def test_a_sure_topic_is_answered():
    assert decide(ranking(salary=0.8, training=0.1, mobility=0.1), [], DecisionThresholds()).topics == ("salary",)


def test_two_close_topics_are_offered_not_guessed():
    decision = decide(ranking(salary=0.45, training=0.43, mobility=0.12), [], DecisionThresholds())
    assert decision.topics == ()
    assert decision.candidates == ("salary", "training")


def test_a_weak_guess_offers_the_likeliest_topics():
    decision = decide(ranking(salary=0.3, training=0.25, mobility=0.2, pros=0.15, cons=0.1), [], DecisionThresholds())
    assert decision.topics == () and decision.candidates == ("salary", "training", "mobility")


def test_two_topics_named_by_their_words_are_both_answered():
    decision = decide(ranking(salary=0.5, training=0.4, mobility=0.1), ["training", "salary"], DecisionThresholds())
    assert decision.topics == ("training", "salary")


def test_a_topic_word_the_model_finds_implausible_is_not_answered():
    # "j'ai 25 ans" names the age topic's words, but the question is about salary.
    decision = decide(ranking(salary=0.9, age_distribution=0.02, training=0.08), ["age_distribution", "salary"],
                      DecisionThresholds())
    assert decision.topics == ("salary",)


@pytest.mark.parametrize("text, expected", [
    ("quels sont les avantages et les inconvénients ?", ("pros", "cons")),
    ("le salaire, la formation ?", ("salary", "training")),
    # Topic words that one ask does not join: the model decides.
    ("les avantages du salaire ?", ()),
    ("j'ai 25 ans, c'est quoi le salaire ?", ()),
])
def test_topic_words_one_ask_joins_are_each_asked(text, expected):
    assert joined_topics(text, mentions(default_store(), text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("les + et les - du taf", ("pros", "cons")), ("et les - ?", ("cons",)), ("les + et - ?", ("pros", "cons")),
    ("le pour et le contre", ("pros", "cons")),
    # Neither "pour" alone, nor "+" in a diploma.
    ("et pour le gestionnaire ?", ()), ("un bac+2 pour bosser ?", ()),
    # Nor an age band.
    ("la part des 50 ans et + ?", ()), ("les - de 25 ans c cb ?", ()),
])
def test_the_advantages_and_drawbacks_asked_by_signs(text, expected):
    assert signed_topics(text) == expected


def test_a_word_of_every_question_weighs_less_than_a_rare_one():
    # "ce métier" says nothing of the topic: its weight must not match "paie"'s.
    counts = sparse.csr_matrix([[1, 1, 0], [1, 0, 1], [1, 0, 0]])
    everywhere, rare, _ = idf_of(counts)
    assert everywhere < rare
