"""The figures jobs can be ranked by ("le métier le mieux payé", "celui qui recrute le plus").

A ranking (``knowledge/rankings.yml``) names one or more measures and an order; a measure reads
one figure of a sheet, or says why the sheet has none. Only the sheets' own figures are ranked: a
sheet without the figure is named, never estimated.

A question asks a ranking with set words ("mieux payé"), or by putting together a word that
compares ("le plus", "le moins", "davantage", "record") and a word of what is compared
("salaire", "CDI", "femmes"): "la part de femmes la plus importante", "le niveau le plus bas"
(a word such as "bas" turns the order around). :class:`RankingFinder` reads the second way.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from pydantic import Field, constr

from knowledge.schema import JOB_ID_PATTERN, Figure, JobSheet, PercentFigure, Record, Text
from knowledge.topics import Topic


class Measure(str, Enum):
    STARTING_SALARY = "starting_salary"
    HIRING_VOLUME = "hiring_volume"
    JOB_OFFERS = "job_offers"
    JOB_SEEKERS = "job_seekers"
    CDI_SHARE = "cdi_share"
    WOMEN_SHARE = "women_share"
    MEN_SHARE = "men_share"
    STUDY_LEVEL = "study_level"


class Order(str, Enum):
    HIGHEST = "highest"
    LOWEST = "lowest"


class Ranking(Record):
    """One entry of ``knowledge/rankings.yml``: what is ranked, in which order, asked how."""

    measures: List[Measure] = Field(..., min_items=1)
    order: Order
    words: List[Text] = Field(..., min_items=1)


RankingId = constr(strict=True, regex=JOB_ID_PATTERN)


class Subject(Record):
    """What a question compares ("salaire", "CDI"…), and the ranking asked for either order;
    ``reversing``: words that, after a comparing word, turn the order around for this subject
    only ("le plus accessible" asks the fewest years of study)."""

    words: List[Text] = Field(..., min_items=1)
    highest: RankingId
    lowest: RankingId
    reversing: List[Text] = Field(default_factory=list)


class Cues(Record):
    """The words that compare, by the order they ask."""

    highest: List[Text] = Field(..., min_items=1)
    lowest: List[Text] = Field(..., min_items=1)


class RankingVocabulary(Record):
    """``knowledge/rankings.yml``."""

    rankings: Dict[RankingId, Ranking]
    subjects: Dict[RankingId, Subject]
    cues: Cues
    # After a comparing word, for every subject: "le plus bas", "le plus mal payé".
    reversing: List[Text] = Field(..., min_items=1)
    # A question that names one job asks a ranking only with one of these ("lequel…").
    asking_which: List[Text] = Field(..., min_items=1)
    # Words that point back at the jobs of the conversation ("lequel des deux", "parmi eux").
    pointing_back: List[Text] = Field(..., min_items=1)


def fold(text: str) -> str:
    """Lower case without accents, one character for one ("Élevé" → "eleve"), so that a span
    found in the folded text is the same span in the text; "’" is "'"."""
    return "".join(
        (unicodedata.normalize("NFD", char)[0].lower() or char)[0] for char in text.replace("’", "'")
    )


def phrase_pattern(phrases: List[str], endings: str = "") -> "re.Pattern[str]":
    """Any of ``phrases`` as whole words of a folded text (optional ``endings``: "s" for plurals)."""
    bodies = sorted((r"[\s']+".join(re.escape(word) for word in re.split(r"[\s']+", fold(phrase).strip()))
                     for phrase in phrases), key=len, reverse=True)
    return re.compile(rf"(?<![\w+-])(?:{'|'.join(bodies)}){endings}(?!\w)")


_AT_LEAST_OR_MOST = re.compile(r"\bau\s+$")
_SAYS_AT_LEAST_OR_MOST = re.compile(r"\bau\s+(?:moins|plus)\b")
# "les moins de 25 ans", "les plus de 50 ans": an age band, no comparison.
_AN_AGE_BAND = re.compile(r"\s*(?:de\s+|d\s*)?\d+\s*ans\b")
# "vous évoquiez plus haut", "comme dit plus haut": earlier in the conversation, no comparison.
_EARLIER_SAID = re.compile(r"\b(?:evoqu|mentionn|dit|dis|cit|indiqu|parl|ecri|vu|precis|note)\w*\s+$")


def says_at_least_or_most(text: str) -> bool:
    """Whether ``text`` says "au moins" or "au plus", which compare nothing."""
    return bool(_SAYS_AT_LEAST_OR_MOST.search(fold(text)))


@dataclass(frozen=True)
class FoundRanking:
    ranking: str
    start: int
    end: int


class RankingFinder:
    """Reads a ranking asked by a comparing word and a subject word, the nearest pair."""

    def __init__(self, vocabulary: RankingVocabulary) -> None:
        self._cues = [(order, phrase_pattern(words)) for order, words in
                      ((Order.HIGHEST, vocabulary.cues.highest), (Order.LOWEST, vocabulary.cues.lowest))]
        self._subjects = [(subject, phrase_pattern(subject.words, "(?:s|x|es)?"),
                           phrase_pattern([*vocabulary.reversing, *subject.reversing], "(?:s|es|e)?"))
                          for subject in vocabulary.subjects.values()]
        self._asking_which = phrase_pattern(vocabulary.asking_which)
        self._pointing_back = phrase_pattern(vocabulary.pointing_back)

    def asks_which(self, text: str) -> bool:
        return bool(self._asking_which.search(fold(text)))

    def points_back(self, text: str) -> bool:
        return bool(self._pointing_back.search(fold(text)))

    def find(self, text: str) -> Optional[FoundRanking]:
        folded = fold(text)
        # "au moins", "au plus" say "at least", "at most": no comparison ("c'est bien payé au moins ?");
        # nor "plus haut" after a verb of saying ("vous évoquiez plus haut la stabilité"), nor an age
        # band ("les moins de 25 ans").
        cues = [(order, match) for order, pattern in self._cues for match in pattern.finditer(folded)
                if not _AT_LEAST_OR_MOST.search(folded[:match.start()])
                and not (match.group().strip() == "plus haut" and _EARLIER_SAID.search(folded[:match.start()]))
                and not _AN_AGE_BAND.match(folded[match.end():])]
        pairs = []
        for subject, words, reversing in self._subjects:
            for found in words.finditer(folded):
                for order, cue in cues:
                    gap = max(cue.start() - found.end(), found.start() - cue.end(), 0)
                    pairs.append((gap, cue.start(), subject, reversing, order, cue, found))
        if not pairs:
            return None
        _, _, subject, reversing, order, cue, found = min(pairs, key=lambda pair: pair[:2])
        # "le plus bas", "le plus petit diplôme": the next two words after the comparing word.
        following = " ".join(folded[cue.end():].split()[:2])
        if reversing.search(following):
            order = Order.LOWEST if order is Order.HIGHEST else Order.HIGHEST
        ranking = subject.highest if order is Order.HIGHEST else subject.lowest
        return FoundRanking(ranking, min(cue.start(), found.start()), max(cue.end(), found.end()))


@dataclass(frozen=True)
class Reading:
    """A sheet's figure for a measure: ``value`` to rank by, or ``None`` (``not_available``: the
    sheet prints "NA"; else it says nothing of it), and where the figure comes from;
    ``from_training_paths``: a level of study read from the sheet's list of training paths."""

    value: Optional[int]
    origin: Optional[str] = None
    not_available: bool = False
    from_training_paths: bool = False


NOTHING = Reading(None)
# "Bac", "Bac+2", "bac + 3": the years of study after the baccalauréat a sheet's study level states.
_BAC_PLUS = re.compile(r"\bbac\b(?:\s*\+\s*(\d+))?", re.IGNORECASE)


def _figure(figure: Optional[Figure]) -> Reading:
    if figure is None:
        return NOTHING
    return Reading(figure.value, figure.origin, not_available=figure.value is None)


def _share(share: Optional[PercentFigure], of_women: bool = False) -> Reading:
    if share is None:
        return NOTHING
    return Reading(100 - share.value if of_women else share.value, share.origin)


def _study_years(sheet: JobSheet) -> Reading:
    """The sheet's level of study; without one, the lowest its training paths start with ("Bac+1
    avec une formation en alternance…", "Bac+2 BTS Banque…": Bac+1), said as read from them."""
    if not sheet.training:
        return NOTHING
    if sheet.training.study_level:
        found = _BAC_PLUS.search(sheet.training.study_level)
        return Reading(int(found.group(1) or 0)) if found else NOTHING
    levels = [_BAC_PLUS.match(path.title) for path in sheet.training.paths]
    years = [int(level.group(1) or 0) for level in levels if level]
    return Reading(min(years), from_training_paths=True) if years else NOTHING


_READERS: Dict[Measure, Callable[[JobSheet], Reading]] = {
    Measure.STARTING_SALARY: lambda sheet: Reading(sheet.salary.starting_monthly_gross)
    if sheet.salary and sheet.salary.starting_monthly_gross is not None else NOTHING,
    Measure.HIRING_VOLUME: lambda sheet: _figure(sheet.labour_market and sheet.labour_market.hiring_volume),
    Measure.JOB_OFFERS: lambda sheet: _figure(sheet.labour_market and sheet.labour_market.job_offers),
    Measure.JOB_SEEKERS: lambda sheet: _figure(sheet.labour_market and sheet.labour_market.job_seekers),
    Measure.CDI_SHARE: lambda sheet: _share(sheet.labour_market and sheet.labour_market.cdi_share),
    Measure.WOMEN_SHARE: lambda sheet: _share(sheet.labour_market and sheet.labour_market.men_share, of_women=True),
    Measure.MEN_SHARE: lambda sheet: _share(sheet.labour_market and sheet.labour_market.men_share),
    Measure.STUDY_LEVEL: _study_years,
}

# The topic whose answer holds each measure: what the report counts as asked, and missing.
MEASURE_TOPIC: Dict[Measure, Topic] = {
    Measure.STARTING_SALARY: Topic.SALARY,
    Measure.HIRING_VOLUME: Topic.LABOUR_MARKET,
    Measure.JOB_OFFERS: Topic.LABOUR_MARKET,
    Measure.JOB_SEEKERS: Topic.LABOUR_MARKET,
    Measure.CDI_SHARE: Topic.LABOUR_MARKET,
    Measure.WOMEN_SHARE: Topic.LABOUR_MARKET,
    Measure.MEN_SHARE: Topic.LABOUR_MARKET,
    Measure.STUDY_LEVEL: Topic.TRAINING,
}


def read(sheet: JobSheet, measure: Measure) -> Reading:
    return _READERS[measure](sheet)


@dataclass(frozen=True)
class Placed:
    rank: int  # equal figures share one
    sheet: JobSheet
    reading: Reading


@dataclass(frozen=True)
class RankedMeasure:
    """The sheets that hold the figure, best first (equal ones in the order given), and the
    sheets that do not."""

    measure: Measure
    order: Order
    placed: List[Placed]
    lacking: List[Tuple[JobSheet, Reading]]


def rank(sheets: Sequence[JobSheet], measure: Measure, order: Order) -> RankedMeasure:
    readings = [(sheet, read(sheet, measure)) for sheet in sheets]
    held = [(sheet, reading) for sheet, reading in readings if reading.value is not None]
    held.sort(key=lambda pair: -pair[1].value if order is Order.HIGHEST else pair[1].value)
    placed: List[Placed] = []
    for position, (sheet, reading) in enumerate(held, start=1):
        tied = bool(placed) and placed[-1].reading.value == reading.value
        placed.append(Placed(placed[-1].rank if tied else position, sheet, reading))
    return RankedMeasure(measure, order, placed, [(sheet, reading) for sheet, reading in readings if reading.value is None])
