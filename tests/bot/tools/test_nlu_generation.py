"""Job names, topic words and glossary terms in the NLU data come from knowledge/."""
import re
import subprocess
import sys

import yaml

from bot.tools.nlu_generation import (
    LOOKUP_GLOSSARY_TERMS, LOOKUP_JOB_NAMES, LOOKUP_TOPIC_WORDS, ROOT, VOCABULARY_NLU_FILE, lookups, render, spellings,
)
from knowledge.store import KnowledgeStore, default_store, surface_names
from tests.knowledge.test_store import THIRD_JOB_DIR

ANNOTATED_JOB = re.compile(r"\[([^\]]+)\]\(job\)")


def test_the_generated_file_is_up_to_date():
    result = subprocess.run(
        [sys.executable, "-m", "bot.tools.nlu_generation", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def generated_lookups():
    document = yaml.safe_load(VOCABULARY_NLU_FILE.read_text(encoding="utf-8"))
    return {block["lookup"]: set(re.findall(r"^- (.+)$", block["examples"], re.M)) for block in document["nlu"]}


def test_every_name_topic_word_and_term_is_in_its_lookup_with_and_without_accents():
    tables = generated_lookups()
    store = default_store()
    assert set(tables) == {LOOKUP_JOB_NAMES, LOOKUP_TOPIC_WORDS, LOOKUP_GLOSSARY_TERMS}
    for sheet in store.jobs:
        for name in surface_names(sheet):
            assert name.lower() in tables[LOOKUP_JOB_NAMES]
    assert {"rémunération", "remuneration", "inconvénients", "inconvenients"} <= tables[LOOKUP_TOPIC_WORDS]
    assert {"monétique", "monetique", "code rome"} <= tables[LOOKUP_GLOSSARY_TERMS]


def test_spellings_cover_accents_hyphens_and_de():
    forms = spellings("Opérateur back-office")
    assert {"opérateur back-office", "operateur back office", "operateur backoffice",
            "opérateur de back-office"} <= forms


def test_every_job_annotated_in_the_training_data_is_a_job_of_the_knowledge_base():
    store = default_store()
    annotated = [
        (path.name, text)
        for path in (ROOT / "data" / "nlu").glob("*.yml")
        for text in ANNOTATED_JOB.findall(path.read_text(encoding="utf-8"))
    ]
    assert len(annotated) > 100
    unknown = [(name, text) for name, text in annotated if store.resolve(text) is None]
    assert unknown == []


def test_a_third_sheet_adds_its_names_to_the_generated_file():
    store = KnowledgeStore.from_directory(THIRD_JOB_DIR)
    assert "analyste credit" in lookups(store)[LOOKUP_JOB_NAMES]
    assert "    - analyste crédit\n" in render(store)
