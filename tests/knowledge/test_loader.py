"""The real sheets load; broken files give French errors naming the file and the field."""
from pathlib import Path

import pytest

from knowledge.loader import (
    DEFAULT_JOBS_DIR, GLOSSARY_FILE, TOPICS_FILE, KnowledgeError, load_glossary, load_job_sheet, load_job_sheets,
    load_topic_vocabulary,
)
from knowledge.topics import Topic
from tests.expected import GESTIONNAIRE, OPERATEUR

REAL_SHEET = DEFAULT_JOBS_DIR / f"{OPERATEUR}.yml"


def test_the_real_sheets_load_with_every_section():
    sheets = {sheet.id: sheet for sheet in load_job_sheets(DEFAULT_JOBS_DIR)}
    assert set(sheets) == {OPERATEUR, GESTIONNAIRE}
    operateur, gestionnaire = sheets[OPERATEUR], sheets[GESTIONNAIRE]
    assert operateur.labour_market.hiring_volume.value is None
    assert [band.percent for band in operateur.age_distribution] == [7, 75, 19]
    assert len(operateur.salary.table) == 4 and len(operateur.training.paths) == 3
    assert len(gestionnaire.activities.items) == 11 and len(gestionnaire.job_titles.items) == 5
    assert [len(group.items) for group in gestionnaire.skills] == [7, 5, 3]
    assert len(gestionnaire.mobility.items) == 4 and len(gestionnaire.training.paths) == 2
    assert gestionnaire.family == "Traitements des opérations"


def broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    text = REAL_SHEET.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / REAL_SHEET.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("rome_code: C1302", "rome_code: C1302\nrome_code: C1303", "clé « rome_code » en double"),
        ("sector:", "secteur:", "secteur : champ inconnu"),
        ("monthly_gross: 2032", "monthly_gross: deux mille", "salary.table[1].monthly_gross : nombre entier attendu"),
        ("cdi_share: {value: 42", "cdi_share: {value: 142", "labour_market.cdi_share.value : nombre trop grand"),
        ("name: Opérateur / opératrice back-office\n", "", "name : champ obligatoire manquant"),
        ("id: operateur_back_office", "id: autre_metier", "id : « autre_metier » doit être le nom du fichier"),
        ("rome_code: C1302", "rome_code: C13", "rome_code : format invalide"),
        ("rome_code: C1302", "rome_code: 1302", "rome_code : texte attendu"),
        ("  - {label: moins de 25 ans, percent: 7}", "  - {label: moins de 25 ans, percent: [7", "YAML invalide (ligne"),
        ("paths:\n", "paths: []\nold_paths:\n", "training.paths : liste vide"),
    ],
)
def test_broken_sheet_error_names_the_file_and_the_field(tmp_path, old, new, expected):
    path = broken_copy(tmp_path, old, new)
    with pytest.raises(KnowledgeError) as error:
        load_job_sheet(path)
    assert str(path) in str(error.value)
    assert expected in str(error.value)


def test_a_file_not_in_utf8_is_refused(tmp_path):
    path = tmp_path / REAL_SHEET.name
    path.write_bytes(REAL_SHEET.read_text(encoding="utf-8").encode("latin-1"))
    with pytest.raises(KnowledgeError, match="n'est pas en UTF-8"):
        load_job_sheet(path)


def test_a_file_that_is_not_a_sheet_is_refused(tmp_path):
    path = tmp_path / "liste.yml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"liste\.yml : \(racine\)"):
        load_job_sheet(path)


@pytest.mark.parametrize("make_dir", [lambda tmp: tmp / "absent", lambda tmp: tmp])
def test_a_missing_or_empty_folder_is_refused(tmp_path, make_dir):
    with pytest.raises(KnowledgeError, match="dossier de fiches|aucune fiche"):
        load_job_sheets(make_dir(tmp_path))


def test_the_real_topic_words_and_glossary_load():
    words = load_topic_vocabulary()
    assert set(words) == set(Topic) and all(words.values())
    terms = {entry.id for entry in load_glossary()}
    assert {"code_rome", "cdi", "bac_plus_2", "bts_banque", "dut_gea", "monetique", "recouvrement",
            "contentieux", "succession", "back_office", "middle_office", "front_office"} <= terms


@pytest.mark.parametrize(
    "old,new,message",
    [
        ("  definition: >-\n    Contrat", "  definiton: >-\n    Contrat", "[1].definiton : champ inconnu (faute de frappe ?)"),
        ("  topic: labour_market\n", "  topic: salaires\n", "[1].topic : sujet inconnu « salaires »"),
        ("- id: cdi\n", "- id: code_rome\n", "[1].id : « code_rome » est déjà utilisé"),
        ("  term: CDI\n", "  term: 12\n", "[1].term : texte attendu"),
    ],
)
def test_a_broken_glossary_names_the_file_and_the_entry(tmp_path, old, new, message):
    path = tmp_path / "glossary.yml"
    text = GLOSSARY_FILE.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_glossary(path)
    assert str(error.value).startswith(f"{path} : ") and message in str(error.value)


@pytest.mark.parametrize(
    "old,new,message",
    [
        ("\nsalary:\n", "\nsalaire:\n", "salaire : sujet inconnu"),
        ("\ntrends:\n", "\ntrends: []\nunused:\n", "trends : liste vide"),
        ("\nsalary:\n", "\nsalary: [paie]\nsalary:\n", "YAML invalide (ligne"),
    ],
)
def test_broken_topic_words_name_the_file_and_the_topic(tmp_path, old, new, message):
    path = tmp_path / "topics.yml"
    text = TOPICS_FILE.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_topic_vocabulary(path)
    assert str(error.value).startswith(f"{path} : {message}")
