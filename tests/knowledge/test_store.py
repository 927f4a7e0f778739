"""Finding the job a user means, and which sheets hold a topic."""
from pathlib import Path

import pytest

from knowledge.loader import (
    DEFAULT_JOBS_DIR, KnowledgeError, load_details, load_glossary, load_job_names, load_job_sheets, load_rankings,
    load_topic_vocabulary,
)
from knowledge.store import JOB, OTHER_JOB, KnowledgeStore, default_store, surface_names
from knowledge.text import normalize
from knowledge.topics import Topic
from tests.expected import GESTIONNAIRE, OPERATEUR

THIRD_JOB_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "third_job"


@pytest.fixture(scope="module")
def store():
    return KnowledgeStore.from_directory(DEFAULT_JOBS_DIR)


@pytest.mark.parametrize(
    "said,job",
    [
        ("opérateur back-office", OPERATEUR),
        ("operatrice backoffice", OPERATEUR),
        ("OPÉRATEUR DE BACK OFFICE", OPERATEUR),
        ("les opérateurs back-office", OPERATEUR),
        ("opératrice", OPERATEUR),
        ("gestionnaire de back office", GESTIONNAIRE),
        ("gestionnaire back-office", GESTIONNAIRE),
        ("les gestionnaires", GESTIONNAIRE),
        ("technicien de back-office", GESTIONNAIRE),
        ("gestionnaire flux", GESTIONNAIRE),
        ("chargée de recouvrement", GESTIONNAIRE),
        ("opérateur de traitements bancaires", GESTIONNAIRE),
        ("operateur de traitement bancaire", GESTIONNAIRE),
        ("operateur_back_office", OPERATEUR),
    ],
)
def test_resolve_finds_the_job_however_it_is_typed(store, said, job):
    assert store.resolve(said).id == job


@pytest.mark.parametrize("said", ["boulanger", "", "back office", "<script>", "x" * 100_000])
def test_resolve_finds_nothing_for_other_words(store, said):
    assert store.resolve(said) is None


def test_normalize_folds_accents_case_hyphens_and_linking_words():
    assert normalize("Opératrice de BACK-office") == normalize("operatrice backoffice") == "operatrice back office"


def test_holders_lists_the_sheets_that_hold_a_topic(store):
    assert [sheet.id for sheet in store.holders(Topic.SALARY)] == [OPERATEUR]
    assert [sheet.id for sheet in store.holders(Topic.MOBILITY)] == [GESTIONNAIRE]
    assert {sheet.id for sheet in store.holders(Topic.TRAINING)} == {OPERATEUR, GESTIONNAIRE}


def test_a_third_sheet_is_just_another_file():
    store = KnowledgeStore.from_directory(THIRD_JOB_DIR)
    assert store.resolve("analyste crédit").id == "analyste_credit"
    assert [sheet.id for sheet in store.holders(Topic.SALARY)] == ["analyste_credit", OPERATEUR]


def test_a_name_given_to_two_jobs_is_refused():
    sheets = load_job_sheets(DEFAULT_JOBS_DIR)
    clash = sheets[0].copy(
        update={"id": "doublon", "name": "Doublon", "masculine": "doublon", "job_titles": None,
                "aliases": ["opératrice"]}
    )
    with pytest.raises(KnowledgeError, match="« opératrice » désigne déjà"):
        KnowledgeStore([*sheets, clash], load_topic_vocabulary(), load_glossary(), load_rankings(), load_details(),
                       load_job_names())


@pytest.mark.parametrize(
    "message,job,span",
    [
        ("cb gagne un gestionaire ?", GESTIONNAIRE, "gestionaire"),
        ("c'est quoi une operatrise bak office", OPERATEUR, "operatrise bak office"),
        ("formtion pour etre technicen de back ofice", GESTIONNAIRE, "technicen de back ofice"),
        ("les operateurs back office", OPERATEUR, "operateurs back office"),
        ("Opératrise back-office ?", OPERATEUR, "Opératrise back-office"),
        # Not the next word, that a typo-tolerant window would take in.
        ("operatrice backoffice y a des cdi", OPERATEUR, "operatrice backoffice"),
    ],
)
def test_find_job_tolerates_typos_and_gives_the_span(store, message, job, span):
    mention = store.find_job(message)
    assert mention.job.id == job and message[mention.start:mention.end] == span


@pytest.mark.parametrize(
    "message",
    ["la gestion des données c'est important ?", "les opérations bancaires", "salaire d'un boulanger",
     "bonjour", "", "x " * 1000 + "gestionnaire"],
)
def test_find_job_does_not_see_jobs_in_other_words_or_beyond_the_scanned_length(store, message):
    assert store.find_job(message) is None


def test_resolve_falls_back_on_typo_tolerant_matching(store):
    assert store.resolve("gestionaire").id == GESTIONNAIRE


@pytest.mark.parametrize(
    "message,found",
    [
        ("Combien ça paie ?", [("topic", "salary", "paie")]),
        ("c bien payé ?", [("topic", "salary", "payé")]),
        ("quelle formtion pour etre operatrice bak office",
         [("topic", "training", "formtion"), ("job", OPERATEUR, "operatrice bak office")]),
        ("et ses inconvenients ?", [("topic", "cons", "inconvenients")]),
        ("les aventages du poste", [("topic", "pros", "aventages")]),
        ("comment évolue le métier", [("topic", "trends", "évolue")]),
        ("les évolutions de carrière", [("topic", "mobility", "évolutions de carrière")]),
        ("c'est quoi un bac+2 ?", [("term", "bac_plus_2", "bac+2")]),
        ("c'est quoi le back office ?", [("term", "back_office", "back office")]),
        ("avantages et inconvénients du gestionnaire de back office",
         [("topic", "pros", "avantages"), ("topic", "cons", "inconvénients"),
          ("job", GESTIONNAIRE, "gestionnaire de back office")]),
        ("des informations sur le métier", []),
        ("ça recrute en ce moment ?", [("topic", "labour_market", "recrute")]),
        ("c'est quoi une succession à la banque ?", [("term", "succession", "succession")]),
    ],
)
def test_find_mentions_gives_jobs_topics_and_terms_with_their_spans(store, message, found):
    mentions = store.find_mentions(message)
    assert [(mention.kind, mention.id, message[mention.start:mention.end]) for mention in mentions] == found


def test_resolve_term_finds_a_glossary_entry_by_any_of_its_names(store):
    assert store.resolve_term("CDI").id == "cdi"
    assert store.resolve_term("la monetique").id == "monetique"
    assert store.resolve_term("précontentieux").id == "contentieux"
    assert store.resolve_term("boulangerie") is None


def test_a_word_given_to_two_topics_is_refused():
    words = load_topic_vocabulary()
    words[Topic.CONS] = [*words[Topic.CONS], "salaire"]
    with pytest.raises(KnowledgeError, match="topics.yml : cons : « salaire » désigne déjà « salary »"):
        KnowledgeStore(load_job_sheets(DEFAULT_JOBS_DIR), words, load_glossary(), load_rankings(), load_details(),
                       load_job_names())


def test_with_the_real_sheets_every_name_means_one_sheet_at_most(store):
    for sheet in store.jobs:
        for name in (sheet.name, sheet.masculine, sheet.feminine, *sheet.aliases):
            if name:
                assert [named.id for named in store.sheets_named_by(name)] == [sheet.id], name


@pytest.mark.parametrize("said, includes", [
    ("opérateur", [OPERATEUR, "operateur_flux", "opera_back_offic_titres"]),
    ("operatrices", [OPERATEUR, "operateur_flux"]),
    ("gestionnaire", [GESTIONNAIRE, "gestionnaire_paie", "gesti_back_offic_credit"]),
    ("gestionaire", [GESTIONNAIRE, "gestionnaire_paie", "gesti_back_offic_credit"]),
    ("operatrise", [OPERATEUR, "operateur_flux"]),
])
def test_a_short_name_means_every_sheet_whose_full_name_begins_with_it(synthetic_store, said, includes):
    named = [sheet.id for sheet in synthetic_store.sheets_named_by(said)]
    assert set(includes) <= set(named) and len(named) == len(set(named))


@pytest.mark.parametrize("said, job", [
    ("gestionnaire de back office", GESTIONNAIRE),
    ("Opératrice back-office", OPERATEUR),
    ("gestionnaire de paie", "gestionnaire_paie"),
    ("gestionaire de paie", "gestionnaire_paie"),
])
def test_a_full_name_means_its_sheet_alone(synthetic_store, said, job):
    assert [sheet.id for sheet in synthetic_store.sheets_named_by(said)] == [job]


def test_words_that_name_no_sheet_mean_none(synthetic_store):
    assert synthetic_store.sheets_named_by("boulanger") == [] and synthetic_store.sheets_named_by("") == []



@pytest.mark.parametrize("said, job", [
    ("quel salaire pour une assistante de crédits à la consommation ?", "assista_credits_consomm"),
    ("la formation de contrôleuse des opérations de marché", "control_operatio_marche"),
    ("c'est quoi un gestionnaire de back office crédits ?", "gesti_back_offic_credit"),
    ("et un agent de contrats d'assurance vie ?", "agent_assurance_vie"),
])
def test_a_long_name_with_linking_words_is_found_whole(synthetic_store, said, job):
    mention = synthetic_store.find_job(said)
    assert mention.job.id == job and mention.score == 100


def test_a_grouped_job_title_is_found_whole_however_many_words_it_has(store):
    message = "le quotidien d'un chargé de service après-vente en banque ?"
    mention = store.find_job(message)
    assert (mention.job.id, message[mention.start:mention.end]) == (GESTIONNAIRE, "chargé de service après-vente")


@pytest.mark.parametrize("text, other", [
    ("gestionnaire de paie ça paie bien ?", "gestionnaire de paie"),
    ("opérateur de saisie, ça recrute ?", "opérateur de saisie"),
    ("un gestionnaire de patrimoine gagne combien", "gestionnaire de patrimoine"),
    ("opératrice d'exploitation", "opératrice d'exploitation"),
    ("gestionnaire RH ça paye ?", "gestionnaire RH"),
    ("un opérateur logistique fait quoi", "opérateur logistique"),
    ("operateur call center c'est dur ?", "operateur call center"),
    ("opérateur en centre d'appels, les avantages", "opérateur en centre d'appels"),
    ("gestionnaire de contrats d'assurance", "gestionnaire de contrats d'assurance"),
    ("gestionnaire de paie de la banque", "gestionnaire de paie"),
    ("téléopérateur, c'est stressant ?", "téléopérateur"),
])
def test_a_one_word_job_name_made_another_job_by_its_complement_names_no_sheet(text, other):
    found = default_store().find_mentions(text)
    assert [(mention.kind, mention.id) for mention in found if mention.kind in (JOB, OTHER_JOB)] == [(OTHER_JOB, other)]
    assert default_store().find_job(text) is None


@pytest.mark.parametrize("text, job", [
    ("gestionnaire BO salaire ?", "gestionnaire_back_office"),
    ("gestionnaire de BO", "gestionnaire_back_office"),
    ("opératrice back office", "operateur_back_office"),
    ("opératrice de banque", "operateur_back_office"),
    ("gestionnaire de flux", "gestionnaire_back_office"),
    ("gestionnaire de back-office", "gestionnaire_back_office"),
    ("un gestionnaire il gagne combien", "gestionnaire_back_office"),
    ("gestionnaire en banque, le salaire ?", "gestionnaire_back_office"),
    ("opératrice en CDI c'est possible ?", "operateur_back_office"),
    ("opératrice en Île-de-France, ça recrute ?", "operateur_back_office"),
    ("gestionnaire en agence ou au siège ?", "gestionnaire_back_office"),
    ("le gestionnaire paie bien ?", "gestionnaire_back_office"),
    ("opérateur marché de l'emploi", "operateur_back_office"),
])
def test_a_one_word_name_with_a_complement_of_its_own_job_keeps_it(text, job):
    assert default_store().find_job(text).job.id == job


def test_every_name_of_a_real_sheet_names_it():
    store = default_store()
    for sheet in store.jobs:
        for name in surface_names(sheet):
            assert store.find_job(name).job.id == sheet.id, name


def test_a_ranking_s_words_found_with_typos_still_compare():
    """"pour un demandeur d'emploi" is close to "le plus de demandeurs d'emploi" but ranks nothing."""
    store = default_store()
    assert store.find_ranking("je compare deux pistes pour un demandeur d'emploi : quelles formations ?") is None
    assert store.find_ranking("lequel a le plus de demandeurs d'emploi ?").id == "seekers_most"
