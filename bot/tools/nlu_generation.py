"""Generate ``data/nlu/vocabulary.yml``: lookup tables of job names, topic words
and glossary terms, which give the intent classifier a feature for each.

Every name a user may give a job (its names, aliases and the job titles its
sheet groups under it), every topic word and glossary term comes from
``knowledge/``, spelt the ways people type it: with or without accents,
"back-office", "back office" or "backoffice". The entities themselves are found
by ``bot.nlu.knowledge_entity_extractor`` from the same knowledge.

    python -m bot.tools.nlu_generation          # rewrite the file
    python -m bot.tools.nlu_generation --check  # exit 1 if the file is out of date
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Dict, List, Set

from knowledge.store import KnowledgeStore, default_store, glossary_names, surface_names
from knowledge.text import strip_accents
from knowledge.topics import Topic

ROOT = Path(__file__).resolve().parents[2]
VOCABULARY_NLU_FILE = ROOT / "data" / "nlu" / "vocabulary.yml"
HEADER = (
    "# Généré par `python -m bot.tools.nlu_generation` à partir de knowledge/ : ne pas modifier à la main.\n"
)
BACK_OFFICE_SPELLINGS = ("back-office", "back office", "backoffice")


def spellings(name: str) -> Set[str]:
    """The ways a user types ``name``: lower case, with or without accents, hyphens
    or "de", singular or plural."""
    base = name.lower().replace("’", "'")
    forms = {base}
    for spelling in BACK_OFFICE_SPELLINGS:
        if spelling in base:
            forms |= {base.replace(spelling, other) for other in BACK_OFFICE_SPELLINGS}
    forms |= {form.replace(" de back", " back") for form in forms}
    forms |= {form.replace(" back", " de back") for form in forms if " de back" not in form}
    forms |= {_plural(form) for form in forms}
    return forms | {strip_accents(form) for form in forms}


def _plural(name: str) -> str:
    """"opérateur back-office" → "opérateurs back-office" (the head noun takes the s)."""
    head, _, rest = name.partition(" ")
    plural = head if head.endswith(("s", "x")) else head + "s"
    return f"{plural} {rest}".strip()


def job_spellings(store: KnowledgeStore) -> Dict[str, List[str]]:
    """Job id → every spelling of every name of that job, sorted."""
    return {
        sheet.id: sorted(set().union(*(spellings(name) for name in surface_names(sheet))))
        for sheet in store.jobs
    }



# Lookup tables named after no entity: they feed RegexFeaturizer, not an extractor.
LOOKUP_JOB_NAMES = "job_name"
LOOKUP_TOPIC_WORDS = "topic_word"
LOOKUP_GLOSSARY_TERMS = "glossary_term"


def _word_spellings(word: str) -> Set[str]:
    base = word.lower().replace("’", "'")
    return {base, strip_accents(base)}


def lookups(store: KnowledgeStore) -> Dict[str, List[str]]:
    """Lookup table name → its spellings, longest first."""
    tables = {
        LOOKUP_JOB_NAMES: set().union(*job_spellings(store).values()),
        LOOKUP_TOPIC_WORDS: set().union(
            *(_word_spellings(word) for topic_words in map(store.topic_words, Topic) for word in topic_words)
        ),
        LOOKUP_GLOSSARY_TERMS: set().union(
            *(_word_spellings(name) for entry in store.glossary for name in glossary_names(entry))
        ),
    }
    return {name: sorted(forms, key=lambda form: (-len(form), form)) for name, forms in tables.items()}


def render(store: KnowledgeStore) -> str:
    text = HEADER + 'version: "3.1"\nnlu:\n'
    for name, forms in lookups(store).items():
        text += f"- lookup: {name}\n  examples: |\n"
        text += "".join(f"    - {form}\n" for form in forms)
    return text


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    expected = render(default_store())
    if args.check:
        if not VOCABULARY_NLU_FILE.exists() or VOCABULARY_NLU_FILE.read_text(encoding="utf-8") != expected:
            print(f"{VOCABULARY_NLU_FILE} n'est pas à jour : lancez `make nlu`.", file=sys.stderr)
            return 1
        return 0
    if not VOCABULARY_NLU_FILE.exists() or VOCABULARY_NLU_FILE.read_text(encoding="utf-8") != expected:
        VOCABULARY_NLU_FILE.write_text(expected, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
