"""Queries over the loaded job sheets: loaded and indexed once, answered from memory."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from rapidfuzz import fuzz, process

from knowledge.loader import KnowledgeError, jobs_dir, load_job_sheets
from knowledge.schema import JobSheet
from knowledge.topics import Topic, sheet_holds


def strip_accents(text: str) -> str:
    """"Opératrice" → "Operatrice"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


def normalize(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form used to compare job names.

    "Opératrice de BACK-office" and "operatrice backoffice" both give
    "operatrice back office"; plurals are folded ("traitements" = "traitement").
    """
    text = strip_accents(text).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"\bbackoffice\b", "back office", text)
    words = (_singular(word) for word in text.split() if word not in _LINKING_WORDS)
    return " ".join(words)


# Dropped when comparing names: "opérateur de back-office" = "opérateur back-office".
_LINKING_WORDS = frozenset({"d", "de", "des", "du", "l", "la", "le", "les", "en", "un", "une"})


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


# A window of words at least this close (rapidfuzz ratio, 0–100) to a job name names
# that job: "gestionaire" (95.7) and "operatrise bak office" (93) do; "gestion" (73.7)
# and "opération" (73.7) do not.
FUZZY_MIN_SCORE = 85
# Longer messages are not scanned word window by word window (cost grows with length).
FUZZY_MAX_CHARS = 300
FUZZY_MIN_CHARS = 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class JobMention:
    """Where a message names a job, and how sure the match is (100 = exact)."""

    job: JobSheet
    start: int
    end: int
    score: float


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

        self._alias_keys: Tuple[str, ...] = tuple(self._aliases)
        self._max_alias_words = max(len(alias.split()) for alias in self._alias_keys)

    @classmethod
    def from_directory(cls, directory: Path) -> "KnowledgeStore":
        return cls(load_job_sheets(directory))

    @property
    def jobs(self) -> Tuple[JobSheet, ...]:
        return tuple(self._sheets.values())

    def get(self, job_id: str) -> Optional[JobSheet]:
        return self._sheets.get(job_id)

    def resolve(self, text: Optional[str]) -> Optional[JobSheet]:
        """The job a user's words name (an id, a name, an alias, or one of them
        misspelt), or ``None``."""
        if not text:
            return None
        normalized = normalize(text)
        for pattern, job_id in self._alias_patterns:
            if pattern.search(normalized):
                return self._sheets[job_id]
        mention = self.find_job(text)
        return mention.job if mention else None

    def find_job(self, text: Optional[str]) -> Optional[JobMention]:
        """The job a message names, tolerating typos ("gestionaire", "bak office").

        Every window of up to as many words as the longest name is compared with
        every name; the closest window wins, the longer one on a tie. A window never
        starts or ends on a linking word, so the span leaves out "un" or "les".
        """
        if not text or len(text) > FUZZY_MAX_CHARS:
            return None
        words = list(_WORD.finditer(text))
        best: Optional[Tuple[float, int, int, int, str]] = None
        for size in range(1, self._max_alias_words + 1):
            for first in range(len(words) - size + 1):
                edges = (words[first].group().lower(), words[first + size - 1].group().lower())
                if _LINKING_WORDS.intersection(edges):
                    continue
                start, end = words[first].start(), words[first + size - 1].end()
                window = normalize(text[start:end])
                if len(window) < FUZZY_MIN_CHARS:
                    continue
                match = process.extractOne(
                    window, self._alias_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE
                )
                if match and (best is None or (match[1], size) > best[:2]):
                    best = (match[1], size, start, end, match[0])
        if best is None:
            return None
        score, _, start, end, alias = best
        return JobMention(self._sheets[self._aliases[alias]], start, end, score)

    def holders(self, topic: Topic) -> List[JobSheet]:
        """The sheets that have something to say about ``topic``."""
        return [sheet for sheet in self._sheets.values() if sheet_holds(sheet, topic)]


@lru_cache(maxsize=1)
def default_store() -> KnowledgeStore:
    """The store of ``knowledge/jobs`` (or ``$BACKOFFICE_KNOWLEDGE_DIR``), loaded once."""
    return KnowledgeStore.from_directory(jobs_dir())
