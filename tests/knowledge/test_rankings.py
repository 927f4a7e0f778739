"""Rankings: the figures read from each sheet, their order, and the words that ask for them."""
import pytest

import yaml

from knowledge.loader import (
    RANKINGS_FILE, KnowledgeError, load_details, load_job_names, load_rankings, load_topic_vocabulary,
)
from knowledge.rankings import Measure, Order, rank, read
from knowledge.schema import JobSheet
from knowledge.store import JOB, MENTION_KINDS, TOPIC, KnowledgeStore, default_store
from tests.expected import GESTIONNAIRE, OPERATEUR


@pytest.fixture(scope="module")
def store():
    return default_store()


def sheet_with(store, job_id, **changes):
    """A copy of a real sheet with some fields replaced (``changes`` as the YAML holds them)."""
    data = store.get(job_id).dict()
    for dotted, value in changes.items():
        *parents, last = dotted.split(".")
        target = data
        for parent in parents:
            if target.get(parent) is None:
                target[parent] = {}
            target = target[parent]
        target[last] = value
    return JobSheet.parse_obj(data)


def test_a_real_sheet_s_figures_are_read_as_printed(store):
    operateur = store.get(OPERATEUR)
    assert read(operateur, Measure.STARTING_SALARY).value == 1766
    assert read(operateur, Measure.JOB_OFFERS).value == 35
    assert (read(operateur, Measure.WOMEN_SHARE).value, read(operateur, Measure.MEN_SHARE).value) == (57, 43)
    assert read(operateur, Measure.STUDY_LEVEL).value == 2
    hiring = read(operateur, Measure.HIRING_VOLUME)
    assert hiring.value is None and hiring.not_available


def test_a_sheet_without_the_figure_is_lacking_not_zero(store):
    ranked = rank(store.jobs, Measure.STARTING_SALARY, Order.HIGHEST)
    assert [entry.sheet.id for entry in ranked.placed] == [OPERATEUR]
    assert [(sheet.id, reading.not_available) for sheet, reading in ranked.lacking] == [(GESTIONNAIRE, False)]


@pytest.mark.parametrize("level, years", [("Bac", 0), ("Bac+2", 2), ("bac + 5 (master)", 5), ("CAP", None)])
def test_the_study_level_is_the_years_after_the_baccalaureat(store, level, years):
    sheet = sheet_with(store, OPERATEUR, **{"training.study_level": level})
    assert read(sheet, Measure.STUDY_LEVEL).value == years


def test_rankings_go_both_ways_and_equal_figures_share_their_rank(store):
    sheets = [sheet_with(store, OPERATEUR, id=f"job_{pay}", **{"salary.starting_monthly_gross": pay})
              for pay in (1800, 2100, 1800, 1500)]
    highest = rank(sheets, Measure.STARTING_SALARY, Order.HIGHEST)
    assert [(entry.rank, entry.sheet.id) for entry in highest.placed] == [
        (1, "job_2100"), (2, "job_1800"), (2, "job_1800"), (4, "job_1500")]
    lowest = rank(sheets, Measure.STARTING_SALARY, Order.LOWEST)
    assert [entry.reading.value for entry in lowest.placed] == [1500, 1800, 1800, 2100]


def rankings_file_with(tmp_path, edit):
    """knowledge/rankings.yml with ``edit`` applied to its data."""
    data = yaml.safe_load(RANKINGS_FILE.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "rankings.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_an_unknown_measure_is_refused_naming_the_file_and_the_field(tmp_path):
    path = rankings_file_with(tmp_path, lambda data: data["rankings"]["salary_highest"].update(measures=["salaire"]))
    with pytest.raises(KnowledgeError, match=r"rankings.yml : rankings.salary_highest.measures\[0\] : valeur inconnue "
                                             r"\(valeurs permises : starting_salary, "):
        load_rankings(path)


def test_a_subject_asking_an_unknown_ranking_is_refused(tmp_path):
    path = rankings_file_with(tmp_path, lambda data: data["subjects"]["salary"].update(lowest="salary_worst"))
    with pytest.raises(KnowledgeError, match="rankings.yml : subjects.salary.lowest : classement inconnu « salary_worst »"):
        load_rankings(path)


def test_a_word_given_to_two_rankings_is_refused(store, tmp_path):
    path = rankings_file_with(tmp_path, lambda data: data["rankings"]["hiring_least"]["words"].append("recrute plus"))
    with pytest.raises(KnowledgeError, match="rankings.yml : hiring_least : « recrute plus » désigne déjà « hiring_most »"):
        KnowledgeStore(store.jobs, load_topic_vocabulary(), store.glossary, load_rankings(path), load_details(),
                       load_job_names())


@pytest.mark.parametrize("message, ranking", [
    # Set words, even misspelt.
    ("quel est le métier le mieux payé ?", "salary_highest"),
    ("le metier le mieu paye", "salary_highest"),
    ("celui qui recrute le plus", "hiring_most"),
    ("quel métier est le plus accessible ?", "study_least"),
    # A comparing word and what it compares.
    ("lequel gagne le moins ?", "salary_lowest"),
    ("ou y a le + de cdi", "cdi_most"),
    ("le job avec la part de femmes la plus importante", "women_most"),
    ("dans quel métier les hommes sont-ils les plus nombreux ?", "men_most"),
    ("le moins d'hommes, c'est où ?", "women_most"),
    ("record de chômeurs : quel métier ?", "seekers_most"),
    ("entre opérateur et gestionnaire, qui a davantage d'offres ?", "hiring_most"),
    # A word after the comparing one turns the order around.
    ("quel métier a le niveau d'études le plus bas ?", "study_least"),
    ("le plus mal payé des métiers", "salary_lowest"),
    ("les embauches les plus rares, c'est pour quel job ?", "hiring_least"),
    ("où la concurrence est-elle la plus faible ?", "seekers_least"),
])
def test_a_ranking_is_found_however_it_is_asked(store, message, ranking):
    assert store.find_ranking(message).id == ranking


@pytest.mark.parametrize("message", [
    "combien gagne un opérateur ?", "c'est bien payé ?", "compare les salaires",
    # A superlative on one job is no ranking.
    "le salaire le plus haut qu'un opérateur peut espérer", "la formation la plus courte pour devenir gestionnaire",
    "il y a plus de femmes ou d'hommes chez les gestionnaires ?",
    # Nothing compared.
    "la compétence la plus importante ?", "en plus, c'est quoi le code ROME ?",
    # "au moins", "au plus": at least, at most.
    "c'est bien payé au moins ?", "il faut au moins un bac+2 ?",
    # "plus haut" after a verb of saying: earlier in the conversation.
    "Vous évoquiez plus haut la stabilité de l'emploi : dans quels secteurs précisément ?",
    # An age band.
    "elle a un bac+2 compta et a peur d'être la seule jeune, les moins de 25 ans ils représentent quelle part ?",
])
def test_no_ranking_is_found_where_none_is_asked(store, message):
    assert store.find_ranking(message) is None


def test_one_job_named_with_a_word_that_asks_which_is_a_ranking(store):
    assert store.find_ranking("l'opérateur ou un autre, lequel est le mieux payé ?").id == "salary_highest"


@pytest.mark.parametrize("message, points_back", [
    ("lequel des deux est le mieux payé ?", True),
    ("Parmi eux, qui recrute le plus ?", True),
    ("et entre elles ?", True),
    ("le métier le mieux payé", False),
    ("les deuxièmes", False),
    ("", False),
])
def test_words_that_point_back_at_the_jobs_of_the_conversation(store, message, points_back):
    assert store.points_back(message) is points_back


def test_a_ranking_s_words_leave_the_jobs_and_topics_found_as_before(store):
    found = store.find_mentions("l'opérateur est le mieux payé ?", kinds=MENTION_KINDS)
    assert [(mention.kind, mention.id) for mention in found] == [(JOB, OPERATEUR), (TOPIC, "salary")]


def test_without_a_study_level_the_lowest_level_of_the_training_paths_is_read_and_said_so(store):
    reading = read(store.get(GESTIONNAIRE), Measure.STUDY_LEVEL)
    assert reading.value == 1 and reading.from_training_paths
    ranked = rank(store.jobs, Measure.STUDY_LEVEL, Order.LOWEST)
    assert [(entry.sheet.id, entry.reading.value) for entry in ranked.placed] == [(GESTIONNAIRE, 1), (OPERATEUR, 2)]
    assert ranked.lacking == []
