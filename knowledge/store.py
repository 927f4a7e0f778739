"""Queries over the loaded job sheets: loaded and indexed once, answered from memory."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from knowledge.loader import KnowledgeError, jobs_dir, load_job_sheets
from knowledge.schema import JobSheet
from knowledge.topics import Topic, sheet_holds


def normalize(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form used to compare job names.

    "Opératrice de BACK-office" and "operatrice backoffice" both give
    "operatrice back office"; plurals are folded ("traitements" = "traitement").
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"\bbackoffice\b", "back office", text)
    words = (_singular(word) for word in text.split() if word not in _LINKING_WORDS)
    return " ".join(words)


# Dropped when comparing names: "opérateur de back-office" = "opérateur back-office".
_LINKING_WORDS = frozenset({"d", "de", "des", "du", "l", "la", "le", "les", "en", "un", "une"})


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def surface_names(sheet: JobSheet) -> List[str]:
    """Every name a user may give the job: names, aliases, grouped job titles."""
    names = [sheet.name, sheet.masculine, *([sheet.feminine] if sheet.feminine else []), *sheet.aliases]
    if sheet.job_titles:
        names.extend(sheet.job_titles.items)
    return list(dict.fromkeys(names))


class KnowledgeStore:
    def __init__(self, sheets: Iterable[JobSheet]) -> None:
        self._sheets: Dict[str, JobSheet] = {}
        self._aliases: Dict[str, str] = {}
        for sheet in sheets:
            if sheet.id in self._sheets:
                raise KnowledgeError(f"{sheet.source.document} : id : « {sheet.id} » est déjà utilisé")
            self._sheets[sheet.id] = sheet
            for name in [sheet.id, *surface_names(sheet)]:
                key = normalize(name)
                owner = self._aliases.setdefault(key, sheet.id)
                if owner != sheet.id:
                    raise KnowledgeError(
                        f"fiche « {sheet.id} » : aliases : « {name} » désigne déjà la fiche « {owner} »"
                    )
        # Longest names first, so "opérateur de traitements bancaires" wins over "opérateur".
        self._alias_patterns: Tuple[Tuple[re.Pattern, str], ...] = tuple(
            (re.compile(rf"(?:^| ){re.escape(alias)}(?: |$)"), job_id)
            for alias, job_id in sorted(self._aliases.items(), key=lambda item: -len(item[0]))
        )

    @classmethod
    def from_directory(cls, directory: Path) -> "KnowledgeStore":
        return cls(load_job_sheets(directory))

    @property
    def jobs(self) -> Tuple[JobSheet, ...]:
        return tuple(self._sheets.values())

    def get(self, job_id: str) -> Optional[JobSheet]:
        return self._sheets.get(job_id)

    def resolve(self, text: Optional[str]) -> Optional[JobSheet]:
        """The job a user's words name (an id, a name, an alias), or ``None``."""
        if not text:
            return None
        normalized = normalize(text)
        for pattern, job_id in self._alias_patterns:
            if pattern.search(normalized):
                return self._sheets[job_id]
        return None

    def holders(self, topic: Topic) -> List[JobSheet]:
        """The sheets that have something to say about ``topic``."""
        return [sheet for sheet in self._sheets.values() if sheet_holds(sheet, topic)]


@lru_cache(maxsize=1)
def default_store() -> KnowledgeStore:
    """The store of ``knowledge/jobs`` (or ``$BACKOFFICE_KNOWLEDGE_DIR``), loaded once."""
    return KnowledgeStore.from_directory(jobs_dir())
