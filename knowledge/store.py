"""Queries over the loaded job sheets: loaded and indexed once, answered from memory."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from rapidfuzz import fuzz, process

from knowledge.details import DetailCatalogue
from knowledge.loader import (
    KnowledgeError, jobs_dir, load_details, load_glossary, load_job_names, load_job_sheets, load_rankings,
    load_topic_vocabulary,
)
from knowledge.rankings import Ranking, RankingFinder, RankingVocabulary, fold, phrase_pattern, says_at_least_or_most
from knowledge.schema import Detail, GlossaryEntry, JobNameVocabulary, JobSheet
from knowledge.text import LINKING_WORDS, normalize, strip_accents
from knowledge.topics import Topic, sheet_holds


# A window of words at least this close (rapidfuzz ratio, 0–100) to a known phrase
# names it: "gestionaire" (95.7), "operatrise bak office" (93), "formtion" (94.1)
# and "aventage" (87.5) do; "salarie" (85.7), "gestion" (73.7) and "opération"
# (73.7) do not. A typo is taken never to
# change the first letter, so "information" (90) is not "formation".
FUZZY_MIN_SCORE = 86
# Longer messages are not scanned word window by word window (cost grows with length);
# beyond MAX_SCANNED_CHARS nothing is read at all.
FUZZY_MAX_CHARS = 300
FUZZY_MIN_CHARS = 5
MAX_SCANNED_CHARS = 2000
# A longer window is worth this much per extra word (linking words not counted), so
# "operatrice bak office" (93, three words) beats the exact "operatrice" (100).
WORD_BONUS = 5
_WORD = re.compile(r"\w+")

# What a message can name. A job name ("gestionnaire de back office") wins over the
# term inside it ("back office"); a topic word and a term on one span give the topic.
JOB, TOPIC, TERM = "job", "topic", "term"
MENTION_KINDS = (JOB, TOPIC, TERM)
# Found apart, in a pass of its own: a ranking's words ("le mieux payé") hold topic words.
RANKING = "ranking"
# A one-word job name made another job by its complement ("gestionnaire de paie"): found
# with the jobs, its ``id`` the words typed.
OTHER_JOB = "other_job"
# "gestionnaire de paie", "opérateur d'exploitation": the complement after a one-word name.
# What follows a one-word job name: "de" or "en" and a word, or a word alone; then maybe "de"
# and a word of its own ("opérateur en centre d'appels").
_COMPLEMENT = re.compile(
    r"(?:\s+(?P<de>de|du|des)\s+|\s+(?P<elided>d'|d’)\s*|\s+(?P<en>en)\s+|\s+)(?P<word>\w[\w-]*)"
    r"(?:\s+(?:de|du|des)\s+(?!(?:la|le|les|l)\b)\w[\w-]*|\s+(?:d'|d’)\s*\w[\w-]*)?",
    re.IGNORECASE,
)
_NEXT_WORDS = re.compile(r"\s+(\w[\w-]*)")
# What a ranking's words say to compare or rank ("le plus", "le mieu", "top", "classement").
_RANKS = re.compile(r"\bplus\b|\bmoins\b|mieu|\bpire|\bmax|\bmin|\btop\b|meilleur|record|flop|davantage|class"
                    r"|\+|(?:^|\s)-(?:\s|$)")
# "télé" in "téléopérateur": what a word must have before a job's one-word name to be another job.
MIN_PREFIX = 3


@dataclass(frozen=True)
class Mention:
    """A job, topic or glossary term named in a message; ``score`` 100 is exact."""

    kind: str
    id: str
    start: int
    end: int
    score: float


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


def glossary_names(entry: GlossaryEntry) -> List[str]:
    return [entry.term, *entry.aliases]


class KnowledgeStore:
    def __init__(
        self,
        sheets: Iterable[JobSheet],
        topic_words: Dict[Topic, List[str]],
        glossary: Iterable[GlossaryEntry],
        ranking_vocabulary: RankingVocabulary,
        details: Dict[Topic, List[Detail]],
        names: JobNameVocabulary,
    ) -> None:
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
        # What each sheet is called in full: such a name means that sheet alone, and a shorter
        # word that begins several of them ("opérateur") may mean any of them.
        self._full_names: Dict[str, str] = {
            normalize(name): sheet.id for sheet in self._sheets.values()
            for name in (sheet.name, sheet.masculine, sheet.feminine) if name
        }
        # Each word of a sheet's names, aliases and family, for a search by word ("paie").
        self._words: Dict[str, List[str]] = {}
        for sheet in self._sheets.values():
            for name in (sheet.name, sheet.masculine, sheet.feminine, *sheet.aliases, sheet.family):
                for word in normalize(name or "").split():
                    holders = self._words.setdefault(word, [])
                    if sheet.id not in holders:
                        holders.append(sheet.id)
        self._word_keys = tuple(self._words)
        # Longest names first, so "opérateur de traitements bancaires" wins over "opérateur".
        self._alias_patterns: Tuple[Tuple[re.Pattern, str], ...] = tuple(
            (re.compile(rf"(?:^| ){re.escape(alias)}(?: |$)"), job_id)
            for alias, job_id in sorted(self._aliases.items(), key=lambda item: -len(item[0]))
        )
        self._topic_words = {topic: list(words) for topic, words in topic_words.items()}
        rankings = ranking_vocabulary.rankings
        self._glossary: Dict[str, GlossaryEntry] = {entry.id: entry for entry in glossary}
        self._phrases: Dict[str, Dict[str, str]] = {
            JOB: dict(self._aliases),
            TOPIC: _index(
                "topics.yml", ((topic.value, word) for topic, words in topic_words.items() for word in words)
            ),
            TERM: _index(
                "glossary.yml",
                ((entry.id, name) for entry in self._glossary.values() for name in glossary_names(entry)),
            ),
            RANKING: _index(
                "rankings.yml", ((ranking_id, word) for ranking_id, ranking in rankings.items() for word in ranking.words)
            ),
        }
        self._rankings = dict(rankings)
        self.details = DetailCatalogue(details)
        self.details.check(self._sheets.values())
        # One-word job names ("gestionnaire"), and the words after "de" that keep their job.
        self._head_words = frozenset(key for key in self._aliases if " " not in key)
        self._same_job_after_de = frozenset(normalize(word) for word in names.same_job_after_de)
        self._known_words = frozenset(
            word for phrases in self._phrases.values() for phrase in phrases for word in phrase.split()
        )
        self._another_job_right_after = frozenset(normalize(word) for word in names.another_job_right_after)
        self._the_other_job = phrase_pattern(names.the_other_job)
        self._ranking_finder = RankingFinder(ranking_vocabulary)
        self._phrase_keys = {kind: tuple(phrases) for kind, phrases in self._phrases.items()}
        # The longest window (in words as typed) each kind is looked up in, approximately and
        # exactly: jobs, topics and terms as long as their longest phrase once normalised; a job
        # name longer than that as typed ("assistante de crédits à la consommation", 6 words for
        # 3) exactly, whole; rankings as long as their longest words as typed.
        longest = max(len(phrase.split()) for kind in MENTION_KINDS for phrase in self._phrases[kind])
        longest_job = max(len(_WORD.findall(name)) for sheet in self._sheets.values() for name in surface_names(sheet))
        longest_ranking = max(
            (len(_WORD.findall(word)) for ranking in rankings.values() for word in ranking.words), default=0
        )
        self._windows: Dict[str, Tuple[int, int]] = {
            JOB: (longest, max(longest, longest_job)), TOPIC: (longest, longest), TERM: (longest, longest),
            RANKING: (longest_ranking, longest_ranking),
        }

    @classmethod
    def from_directory(cls, directory: Path) -> "KnowledgeStore":
        """The sheets of ``directory`` with the topic words, glossary, rankings and details of
        ``knowledge/``."""
        return cls(load_job_sheets(directory), load_topic_vocabulary(), load_glossary(), load_rankings(), load_details(),
                   load_job_names())

    @property
    def jobs(self) -> Tuple[JobSheet, ...]:
        return tuple(self._sheets.values())

    @property
    def glossary(self) -> Tuple[GlossaryEntry, ...]:
        return tuple(self._glossary.values())

    def topic_words(self, topic: Topic) -> List[str]:
        return self._topic_words[topic]

    def keeps_the_job(self, word: str) -> bool:
        """Whether ``word`` after a one-word job name keeps its job ("opératrice backoffice")."""
        return normalize(word) in self._same_job_after_de

    def known_words(self) -> FrozenSet[str]:
        """Every word (normalized) of the job names and aliases, topic words and glossary terms."""
        return self._known_words

    def get(self, job_id: str) -> Optional[JobSheet]:
        return self._sheets.get(job_id)

    def term(self, term_id: str) -> Optional[GlossaryEntry]:
        return self._glossary.get(term_id)

    def ranking(self, ranking_id: str) -> Optional[Ranking]:
        return self._rankings.get(ranking_id)

    def find_ranking(self, text: Optional[str]) -> Optional[Mention]:
        """The ranking a question asks ("le métier le mieux payé", "la part de femmes la plus
        forte"), or ``None``; never for a question on one job alone ("le salaire le plus haut
        d'un opérateur"), unless it asks which ("lequel…")."""
        if not text:
            return None
        text = text[:MAX_SCANNED_CHARS]
        named = [mention for mention in self.find_mentions(text, kinds=(JOB,)) if mention.kind == JOB]
        if len(named) == 1 and not self.asks_which(text):
            return None
        # A comparing word with what it compares first: it reads "les embauches les plus rares"
        # the right way round; then the set words, which tolerate typos ("le mieu paye").
        found = self._ranking_finder.find(text)
        if found:
            return Mention(RANKING, found.ranking, found.start, found.end, 100.0)
        # A set word found with typos still compares or ranks: "pour un demandeur d'emploi" is not
        # "le plus de demandeurs d'emploi".
        said = [mention for mention in self.find_mentions(text, kinds=(RANKING,))
                if not says_at_least_or_most(text[mention.start:mention.end])
                and _RANKS.search(strip_accents(text[mention.start:mention.end]).lower())]
        return said[0] if said else None

    def asks_which(self, text: Optional[str]) -> bool:
        """Whether a question asks which job ("lequel…", "quel métier…")."""
        return bool(text) and self._ranking_finder.asks_which(text[:MAX_SCANNED_CHARS])

    def points_at_the_other_job(self, text: Optional[str]) -> bool:
        """Whether a message means the job other than the one in focus ("et l'autre ?")."""
        return bool(self.the_other_job_spans(text))

    def the_other_job_spans(self, text: Optional[str]) -> List[Tuple[int, int]]:
        """Where a message says "l'autre", "l'autre métier"…, as (start, end)."""
        if not text:
            return []
        return [found.span() for found in self._the_other_job.finditer(fold(text[:MAX_SCANNED_CHARS]))]

    def points_back(self, text: Optional[str]) -> bool:
        """Whether a question points back at the jobs of the conversation ("lequel des deux ?")."""
        return bool(text) and self._ranking_finder.points_back(text[:MAX_SCANNED_CHARS])

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

    def sheets_named_by(self, words: Optional[str]) -> List[JobSheet]:
        """Every sheet that ``words`` may mean: the one whose full name they are, else the one
        they are an alias of and every sheet whose full name begins with them ("opérateur" →
        the opérateur back-office, the opérateur de flux…), in the store's order. Several
        sheets: the user must choose."""
        key = normalize(words or "")
        named = self._named_by(key)
        # Misspelt ("gestionaire"): each word read as the closest word of the sheets' names.
        return named or self._named_by(" ".join(self._closest_word(word) for word in key.split()))

    def _named_by(self, key: str) -> List[JobSheet]:
        if not key:
            return []
        if key in self._full_names:
            return [self._sheets[self._full_names[key]]]
        prefix = key + " "
        named = [self._aliases[key]] if key in self._aliases else []
        named += [job_id for name, job_id in self._full_names.items() if name.startswith(prefix)]
        return [sheet for sheet in self._sheets.values() if sheet.id in named]

    def _closest_word(self, word: str) -> str:
        if word in self._words or len(word) < FUZZY_MIN_CHARS:
            return word
        match = process.extractOne(word, self._word_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        return match[0] if match and match[0][0] == word[0] else word

    def search(self, text: Optional[str]) -> Tuple[List[str], List[JobSheet]]:
        """The words of ``text`` (as typed) found in the sheets' names, aliases or families, and
        the sheets with all of them (else with any, most words first), in the store's order."""
        typed = {normalize(token.group()): token.group() for token in _WORD.finditer(text or "")}
        words = [word for word in typed if word in self._words]
        if not words:
            return [], []
        matched = {job_id: sum(job_id in self._words[word] for word in words) for job_id in self._sheets}
        best = max(matched.values())
        found = sorted((job_id for job_id, count in matched.items() if count), key=lambda job_id: -matched[job_id])
        if best == len(words):
            found = [job_id for job_id in found if matched[job_id] == best]
        return [typed[word] for word in words], [self._sheets[job_id] for job_id in found]

    def families(self) -> List[Tuple[Optional[str], List[JobSheet]]]:
        """The sheets by family, families in alphabetical order, sheets without one last."""
        grouped: Dict[Optional[str], List[JobSheet]] = {}
        for sheet in self._sheets.values():
            grouped.setdefault(sheet.family, []).append(sheet)
        return sorted(grouped.items(), key=lambda item: (item[0] is None, strip_accents(item[0] or "").lower()))

    def resolve_term(self, text: Optional[str]) -> Optional[GlossaryEntry]:
        """The glossary entry that words such as "CDI" or "la monetique" name, or ``None``."""
        if not text:
            return None
        term_id = self._phrases[TERM].get(normalize(text))
        if term_id is None:
            found = [mention for mention in self.find_mentions(text, kinds=(TERM,))]
            term_id = found[0].id if found else None
        return self._glossary.get(term_id) if term_id else None

    def find_job(self, text: Optional[str]) -> Optional[JobMention]:
        """The job a message names first, tolerating typos ("gestionaire", "bak office")."""
        jobs = [mention for mention in self.find_mentions(text, kinds=(JOB,)) if mention.kind == JOB]
        if not jobs:
            return None
        return JobMention(self._sheets[jobs[0].id], jobs[0].start, jobs[0].end, jobs[0].score)

    def find_mentions(self, text: Optional[str], kinds: Sequence[str] = MENTION_KINDS) -> List[Mention]:
        """Every job, topic and glossary term a message names, in reading order.

        Each window of up to as many words as the longest phrase is compared
        with the phrases, exactly once normalised, then (in short messages)
        approximately; longer windows, up to the longest job name as typed, with
        the job names exactly. Rankings are found the same way, when asked for
        alone. A window never starts or ends on a linking word, so a span
        leaves out "un" or "les". Overlaps are settled in favour of jobs, then of
        the closer match counting a bonus per word ("bac+2" the term over "bac" the
        topic word), then of the longer window, then of topics over terms.
        """
        if not text:
            return []
        text = text[:MAX_SCANNED_CHARS]
        fuzzy = len(text) <= FUZZY_MAX_CHARS
        words = list(_WORD.finditer(text))
        # Each word folded once, not once per window it starts or ends.
        folded = [strip_accents(word.group()).lower() for word in words]
        candidates: List[Tuple[int, float, int, Mention]] = []
        for size in range(1, max(self._windows[kind][1] for kind in kinds) + 1):
            looked_up = [kind for kind in kinds if size <= self._windows[kind][1]]
            for first in range(len(words) - size + 1):
                if folded[first] in LINKING_WORDS or folded[first + size - 1] in LINKING_WORDS:
                    continue
                start, end = words[first].start(), words[first + size - 1].end()
                window = normalize(text[start:end])
                if not window:
                    continue
                for kind in looked_up:
                    found = self._match(kind, window, fuzzy and size <= self._windows[kind][0])
                    if found:
                        phrase, score = found
                        mention = Mention(kind, self._phrases[kind][phrase], start, end, score)
                        if kind == JOB and window in self._head_words:
                            mention = self._other_job(text, mention)
                        # A bonus per word matched: not for the words a window holds beyond its
                        # phrase ("operatrice backoffice y" is no closer than "operatrice backoffice").
                        worth = score + WORD_BONUS * (min(len(window.split()), len(phrase.split())) - 1)
                        candidates.append((kind != JOB, -worth, -size, (*MENTION_KINDS, RANKING).index(kind), mention))
        if JOB in kinds:
            candidates.extend((False, -100.0, -1, 0, mention) for mention in self._compound_other_jobs(words, folded))
        chosen: List[Mention] = []
        for *_, mention in sorted(candidates, key=lambda candidate: candidate[:4]):
            if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
                chosen.append(mention)
        return sorted(chosen, key=lambda mention: mention.start)

    def _compound_other_jobs(self, words: Sequence[re.Match], folded: Sequence[str]) -> List[Mention]:
        """The words that end with a one-word job name and are longer ("téléopérateur",
        "téléopératrice"): other jobs."""
        return [Mention(OTHER_JOB, word.group(), word.start(), word.end(), 100.0)
                for word, plain in zip(words, folded)
                if any(plain.endswith(head) and len(plain) >= len(head) + MIN_PREFIX and plain[:-len(head)].isalpha()
                       for head in self._head_words)]

    def _other_job(self, text: str, mention: Mention) -> Mention:
        """``mention`` of a one-word job name, or the other job its complement makes of it
        ("gestionnaire de paie", "gestionnaire RH", "opérateur en centre d'appels")."""
        complement = _COMPLEMENT.match(text, mention.end)
        if complement is None:
            return mention
        word = normalize(complement.group("word"))
        if complement.group("de") or complement.group("elided"):
            another = word not in self._same_job_after_de
        else:
            # Right after, or after "en": only the listed words ("gestionnaire en région" is no job).
            another = word in self._another_job_right_after
        if not another:
            return mention
        end = complement.end()
        # "opérateur call center": the listed words that follow belong to the name.
        for following in _NEXT_WORDS.finditer(text, end):
            if following.start() != end or normalize(following.group(1)) not in self._another_job_right_after:
                break
            end = following.end()
        return Mention(OTHER_JOB, text[mention.start:end], mention.start, end, mention.score)

    def _match(self, kind: str, window: str, fuzzy: bool) -> Optional[Tuple[str, float]]:
        if window in self._phrases[kind]:
            return window, 100.0
        if not fuzzy or len(window) < FUZZY_MIN_CHARS:
            return None
        match = process.extractOne(
            window, self._phrase_keys[kind], scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE
        )
        if match is None or match[0][0] != window[0]:
            return None
        return match[0], match[1]

    def holders(self, topic: Topic) -> List[JobSheet]:
        """The sheets that have something to say about ``topic``."""
        return [sheet for sheet in self._sheets.values() if sheet_holds(sheet, topic)]


def _index(file_name: str, pairs: Iterable[Tuple[str, str]]) -> Dict[str, str]:
    """Normalised phrase → id; one phrase naming two ids is an error in ``file_name``."""
    index: Dict[str, str] = {}
    for owner_id, phrase in pairs:
        key = normalize(phrase)
        owner = index.setdefault(key, owner_id)
        if owner != owner_id:
            raise KnowledgeError(f"{file_name} : {owner_id} : « {phrase} » désigne déjà « {owner} »")
    return index


@lru_cache(maxsize=1)
def default_store() -> KnowledgeStore:
    """The store of ``knowledge/jobs`` (or ``$BACKOFFICE_KNOWLEDGE_DIR``), loaded once."""
    return KnowledgeStore.from_directory(jobs_dir())
