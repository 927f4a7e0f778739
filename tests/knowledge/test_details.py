"""The details people ask (knowledge/details.yml) and what each real sheet says of them: every
link names items the sheet has, and every detail a sheet is said to say nothing about has none
of its words in the sheet, unless a reviewed reason says why (``details_not_answered``)."""
from pathlib import Path

import pytest

from actions.rendering import item_text
from knowledge.items import topic_items
from knowledge.loader import DEFAULT_JOBS_DIR, KnowledgeError, load_details, load_job_sheet
from knowledge.store import default_store
from knowledge.text import normalize
from knowledge.topics import Topic
from tests.expected import GESTIONNAIRE, OPERATEUR

STORE = default_store()
REAL_SHEETS = [STORE.get(OPERATEUR), STORE.get(GESTIONNAIRE)]


def test_the_catalogue_names_dozens_of_details_for_the_big_topics():
    catalogue = load_details()
    for topic in (Topic.SALARY, Topic.TRAINING, Topic.SKILLS, Topic.ENVIRONMENT, Topic.LABOUR_MARKET,
                  Topic.ACTIVITIES, Topic.MOBILITY, Topic.PROS, Topic.CONS):
        assert len(catalogue[topic]) >= 20, topic
    assert sum(len(details) for details in catalogue.values()) >= 300


@pytest.mark.parametrize("sheet", REAL_SHEETS, ids=lambda sheet: sheet.id)
def test_each_real_sheet_was_reviewed_against_the_catalogue(sheet):
    assert sheet.details, "a real sheet links the details it answers"
    for detail_id, answer in sheet.details.items():
        topic = STORE.details.topic(detail_id)
        reading = STORE.details.reading(sheet, detail_id)
        assert reading.answered and len(reading.items) == len(answer.items)
        assert reading.topic is topic


def _sheet_words(sheet) -> list:
    """Each item of the sheet as plain words (the description is our rewording: left out)."""
    return [f" {normalize(item_text(sheet, item))} "
            for topic in Topic if topic is not Topic.DESCRIPTION for item in topic_items(sheet, topic)]


@pytest.mark.parametrize("sheet", REAL_SHEETS, ids=lambda sheet: sheet.id)
def test_a_detail_said_absent_has_none_of_its_words_in_the_sheet_unless_a_reason_says_why(sheet):
    items = _sheet_words(sheet)
    unexplained = {}
    for detail in STORE.details.details:
        if detail.id in sheet.details or detail.id in sheet.details_not_answered:
            continue
        said = [word for word in detail.words if normalize(word) and any(f" {normalize(word)} " in item for item in items)]
        if said:
            unexplained[detail.id] = said
    assert unexplained == {}


@pytest.mark.parametrize("sheet", REAL_SHEETS, ids=lambda sheet: sheet.id)
def test_each_reason_given_is_for_a_detail_whose_words_the_sheet_uses(sheet):
    items = _sheet_words(sheet)
    for detail_id in sheet.details_not_answered:
        detail = STORE.details.get(detail_id)
        assert any(f" {normalize(word)} " in item for word in detail.words for item in items), detail_id


def broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    source = DEFAULT_JOBS_DIR / f"{OPERATEUR}.yml"
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old,new,expected", [
    ("  salary_median:\n    items:\n      - Salaire brut médian",
     "  salary_median:\n    items:\n      - Salaire médian",
     "details.salary_median.items[0] : « Salaire médian » n'est pas un élément de la fiche"),
    ("  salary_median:", "  salaire_median:", "details.salaire_median : détail inconnu de knowledge/details.yml"),
    ("  age_limit: la part", "  salary_median: la part", "details_not_answered.salary_median : ce détail est aussi"),
])
def test_a_broken_link_names_the_sheet_and_the_field(tmp_path, old, new, expected):
    sheet = load_job_sheet(broken_copy(tmp_path, old, new))
    with pytest.raises(KnowledgeError) as error:
        STORE.details.check([sheet])
    assert f"{OPERATEUR}.yml" in str(error.value) and expected in str(error.value)


def test_an_optional_reading_that_does_not_affirm_is_a_startup_error_naming_the_field(tmp_path):
    path = broken_copy(tmp_path, "    affirms: true  # Une licence pro, c'est un plus ?\n", "")
    with pytest.raises(KnowledgeError) as error:
        load_job_sheet(path)
    assert f"{OPERATEUR}.yml" in str(error.value) and "details.licence_pro_banque" in str(error.value)


def test_a_reading_both_affirming_and_denying_is_a_startup_error_naming_the_field(tmp_path):
    path = broken_copy(tmp_path, "    denies: true  # Bouge-t-on beaucoup ?", "    denies: true\n    affirms: true")
    with pytest.raises(KnowledgeError) as error:
        load_job_sheet(path)
    assert f"{OPERATEUR}.yml" in str(error.value) and "details.moving_around" in str(error.value)


def test_a_detail_standing_for_a_topic_that_is_not_one_is_a_startup_error(tmp_path):
    path = tmp_path / "details.yml"
    path.write_text("skills:\n- id: it_tools_mastery\n  name: x\n  words: [informatique]\n  stands_for: [numerique]\n",
                    encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_details(path)
    assert "details.yml : skills[0].stands_for" in str(error.value)


@pytest.mark.parametrize("instead", ["study_level", "master_finance", "inconnu"])
def test_a_detail_answered_instead_by_one_of_another_topic_or_itself_is_a_startup_error(tmp_path, instead):
    path = tmp_path / "details.yml"
    path.write_text("training:\n- id: master_finance\n  name: x\n  words: [master]\n  instead: [" + instead + "]\n"
                    "salary:\n- id: study_level\n  name: y\n  words: [niveau]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_details(path)
    assert "details.yml : training[0].instead" in str(error.value)


def test_what_answers_a_detail_instead_is_in_its_topic_and_answered_by_a_sheet_lacking_it():
    store = default_store()
    for detail in store.details.details:
        for other in detail.instead:
            assert store.details.topic(other) is store.details.topic(detail.id)
            assert any(store.details.reading(sheet, other).answered and not store.details.reading(sheet, detail.id).answered
                       for sheet in store.jobs), (detail.id, other)


def test_an_answered_detail_quotes_the_sheet_s_own_words():
    median = STORE.details.reading(STORE.get(OPERATEUR), "salary_median")
    assert [item_text(STORE.get(OPERATEUR), item) for item in median.items] == [
        "Salaire brut médian : 1\u202f919\u00a0€ brut mensuel, 23\u00a0k€ brut annuel"]
    english = STORE.details.reading(STORE.get(GESTIONNAIRE), "english_level")
    assert [item.key for item in english.items] == ["Maîtriser l'anglais"] and english.yes
    assert not STORE.details.reading(STORE.get(OPERATEUR), "english_level").answered


def test_a_sheet_not_reviewed_is_answered_by_the_items_that_hold_the_detail_s_words():
    unreviewed = STORE.get(GESTIONNAIRE).copy(update={"details": None})
    english = STORE.details.reading(unreviewed, "english_level")
    assert not english.reviewed and [item.key for item in english.items] == ["Maîtriser l'anglais"]
    assert not english.yes, "no yes without a reviewed link"
    assert not STORE.details.reading(unreviewed, "remote_work").answered


@pytest.mark.parametrize("text, expected", [
    ("le salaire médian par an ?", ["salary_median", "salary_annual_gross"]),
    # "vendre" alone is the sales part of the job; in "vendre des titres", securities trading.
    ("s'occupe-t-il d'acheter et de vendre des titres ?", ["securities_trading"]),
    ("faut-il vendre des produits ?", ["sales_part"]),
    # A detail's words match their feminine in a message, not the other way round ("faut" is
    # no "faute" of spelling).
    ("on est assise toute la journée ?", ["pro_not_physical", "sedentary_work"]),
    ("faut-il écrire sans fautes ?", ["spelling"]),
    # A feminine of the message's words: "chargée de clientèle" (not "clientel").
    ("elle pourrait devenir chargée de clientèle ?",
     ["advisor_difference", "mob_retail_advisor", "customer_contact"]),
    # "dans quel cadre" is no executive status.
    ("dans quel cadre ?", []),
    ("faut-il beaucoup écrire ?", []),
])
def test_a_message_names_the_details_of_its_longest_words(text, expected):
    assert STORE.details.mentioned(text) == expected


def test_a_name_whose_words_begin_a_sheet_s_one_item_names_that_detail():
    gestionnaire = STORE.get(GESTIONNAIRE)
    assert STORE.details.citing(gestionnaire, Topic.MOBILITY, "chargé de clientèle pro") == "mob_business_advisor"
    assert STORE.details.citing(gestionnaire, Topic.MOBILITY, "conseiller en gestion de patrimoine") is None
