"""The per-topic detail models: learnt from labelled questions, kept without pickle."""
import numpy as np

from actions.names import WHOLE_TOPIC
from bot.nlu.detail_model import DetailModels, with_detail_markers

EXAMPLES = [
    *(("combien on gagne au median", "salary", "salary_median") for _ in range(3)),
    ("la mediane des salaires", "salary", "salary_median"),
    ("le salaire median c'est combien", "salary", "salary_median"),
    ("y a des primes en fin d'annee", "salary", "salary_bonuses"),
    ("des primes en plus du fixe", "salary", "salary_bonuses"),
    ("les primes c'est combien", "salary", "salary_bonuses"),
    ("ca paie bien", "salary", WHOLE_TOPIC),
    ("on gagne bien sa vie", "salary", WHOLE_TOPIC),
    ("c'est bien paye", "salary", WHOLE_TOPIC),
    ("il faut quel diplome", "training", WHOLE_TOPIC),
]


def test_each_topic_s_model_tells_its_details_and_the_whole_topic_apart():
    models = DetailModels.fit(EXAMPLES)
    assert models.rank("et les primes alors", "salary")[0].topic == "salary_bonuses"
    assert models.rank("la mediane", "salary")[0].topic == "salary_median"
    assert models.rank("ca paie bien comme boulot", "salary")[0].topic == WHOLE_TOPIC
    # A topic with one label has no model: the whole topic.
    assert models.rank("il faut quel diplome", "training") == []


def test_saved_models_load_without_pickle_and_rank_alike(tmp_path):
    models = DetailModels.fit(EXAMPLES)
    models.save(tmp_path)
    loaded = DetailModels.load(tmp_path)
    question = "combien de primes"
    assert [score.topic for score in loaded.rank(question, "salary")] == [score.topic for score in models.rank(question, "salary")]
    assert np.isclose(loaded.rank(question, "salary")[0].confidence, models.rank(question, "salary")[0].confidence,
                      atol=1e-5)
    with np.load(tmp_path / "detail_weights.npz", allow_pickle=False) as arrays:
        assert arrays.files == ["salary"]


def test_the_details_a_question_names_are_markers_of_their_own():
    assert with_detail_markers("et par an", ["salary_annual_gross"]) == "et par an kwdetailsalary_annual_gross"
    assert with_detail_markers("ca paie", []) == "ca paie"
