"""Generate ``data/nlu/jobs.yml``: the ``job`` entity's synonyms and lookup table.

Every name a user may give a job (its names, aliases and the job titles its
sheet groups under it) comes from ``knowledge/``, spelt the ways people type
it: with or without accents, "back-office", "back office" or "backoffice".

    python -m bot.nlu_generation          # rewrite the file
    python -m bot.nlu_generation --check  # exit 1 if the file is out of date
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Dict, List, Set

from actions.names import ENTITY_JOB
from knowledge.store import KnowledgeStore, default_store, strip_accents, surface_names

ROOT = Path(__file__).resolve().parent.parent
JOBS_NLU_FILE = ROOT / "data" / "nlu" / "jobs.yml"
HEADER = (
    "# Généré par `python -m bot.nlu_generation` à partir de knowledge/ : ne pas modifier à la main.\n"
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



def render(store: KnowledgeStore) -> str:
    by_job = job_spellings(store)
    text = HEADER + 'version: "3.1"\nnlu:\n'
    for job_id, forms in by_job.items():
        text += f"- synonym: {job_id}\n  examples: |\n"
        text += "".join(f"    - {form}\n" for form in forms)
    # Longest first: the extractor's pattern tries them in this order, so
    # "opérateur de traitements bancaires" is found whole rather than as "opérateur".
    every_form = sorted((form for forms in by_job.values() for form in forms), key=lambda form: (-len(form), form))
    text += f"- lookup: {ENTITY_JOB}\n  examples: |\n"
    text += "".join(f"    - {form}\n" for form in every_form)
    return text


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    expected = render(default_store())
    if args.check:
        if not JOBS_NLU_FILE.exists() or JOBS_NLU_FILE.read_text(encoding="utf-8") != expected:
            print(f"{JOBS_NLU_FILE} n'est pas à jour : lancez `make nlu`.", file=sys.stderr)
            return 1
        return 0
    if not JOBS_NLU_FILE.exists() or JOBS_NLU_FILE.read_text(encoding="utf-8") != expected:
        JOBS_NLU_FILE.write_text(expected, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
