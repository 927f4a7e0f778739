"""The items of each topic of a sheet, one fact each, and the keys that name them.

A detail a sheet answers (``details`` in the sheet's file) names its items by key: a list
item by its own text ("Maîtriser l'anglais"), a salary table row by its label ("Salaire brut
médian"), a single field by its name (``cdi_share``, ``study_level``, ``annual_range``).
The replies quote the items (``actions/``); this module only says which exist.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from knowledge.schema import JobSheet
from knowledge.topics import Topic, sheet_holds

# The keys of the single fields, by topic.
DESCRIPTION = "description"
SECTOR = "sector"
FAMILY = "family"
ROME_CODE = "rome_code"
STUDY_LEVEL = "study_level"
DIGITAL_SKILLS = "digital_skills"
STARTING_MONTHLY_GROSS = "starting_monthly_gross"
ANNUAL_RANGE = "annual_range"
EXPERIENCED_MAX = "experienced_max"
CDI_SHARE = "cdi_share"
MEN_SHARE = "men_share"
# Not printed by the sheet: 100 minus the men's share, said as such.
WOMEN_SHARE = "women_share"
JOB_SEEKERS = "job_seekers"
JOB_OFFERS = "job_offers"
HIRING_VOLUME = "hiring_volume"


@dataclass(frozen=True)
class SheetItem:
    """One fact of a sheet's topic: ``key`` names it; ``group`` is the sub-list it belongs to
    ("Connaissances (savoir)", "pressures"), when the topic has several."""

    topic: Topic
    key: str
    group: Optional[str] = None


def _description(sheet: JobSheet) -> List[SheetItem]:
    return [SheetItem(Topic.DESCRIPTION, DESCRIPTION)]


def _sector(sheet: JobSheet) -> List[SheetItem]:
    items = [SheetItem(Topic.SECTOR, key) for key, value in ((SECTOR, sheet.sector), (FAMILY, sheet.family)) if value]
    employers = sheet.environment.employers if sheet.environment else []
    return items + [SheetItem(Topic.SECTOR, employer, "employers") for employer in employers]


def _environment(sheet: JobSheet) -> List[SheetItem]:
    return [
        *(SheetItem(Topic.ENVIRONMENT, item, "setting") for item in sheet.environment.setting),
        *(SheetItem(Topic.ENVIRONMENT, item, "pressures") for item in sheet.environment.pressures),
    ]


def _training(sheet: JobSheet) -> List[SheetItem]:
    level = [SheetItem(Topic.TRAINING, STUDY_LEVEL)] if sheet.training.study_level else []
    return level + [SheetItem(Topic.TRAINING, path.title, "paths") for path in sheet.training.paths]


def _skills(sheet: JobSheet) -> List[SheetItem]:
    return [SheetItem(Topic.SKILLS, item, group.title) for group in sheet.skills for item in group.items]


def _salary(sheet: JobSheet) -> List[SheetItem]:
    salary = sheet.salary
    items = []
    if salary.starting_monthly_gross is not None:
        items.append(SheetItem(Topic.SALARY, STARTING_MONTHLY_GROSS))
    if salary.annual_range:
        items.append(SheetItem(Topic.SALARY, ANNUAL_RANGE))
        if salary.annual_range.experienced_max is not None:
            items.append(SheetItem(Topic.SALARY, EXPERIENCED_MAX))
    return items + [SheetItem(Topic.SALARY, row.label, "table") for row in salary.table]


def _labour_market(sheet: JobSheet) -> List[SheetItem]:
    market = sheet.labour_market
    keys = [
        (CDI_SHARE, market.cdi_share), (MEN_SHARE, market.men_share), (WOMEN_SHARE, market.men_share),
        (JOB_SEEKERS, market.job_seekers), (JOB_OFFERS, market.job_offers), (HIRING_VOLUME, market.hiring_volume),
    ]
    return [SheetItem(Topic.LABOUR_MARKET, key) for key, figure in keys if figure is not None]


def _listed(topic: Topic, items: Callable[[JobSheet], List[str]]) -> Callable[[JobSheet], List[SheetItem]]:
    return lambda sheet: [SheetItem(topic, item) for item in items(sheet)]


_ITEMS: Dict[Topic, Callable[[JobSheet], List[SheetItem]]] = {
    Topic.DESCRIPTION: _description,
    Topic.ACTIVITIES: _listed(Topic.ACTIVITIES, lambda sheet: sheet.activities.items),
    Topic.SECTOR: _sector,
    Topic.ROME_CODE: lambda sheet: [SheetItem(Topic.ROME_CODE, ROME_CODE)],
    Topic.JOB_TITLES: _listed(Topic.JOB_TITLES, lambda sheet: sheet.job_titles.items),
    Topic.ENVIRONMENT: _environment,
    Topic.TRAINING: _training,
    Topic.SKILLS: _skills,
    Topic.DIGITAL_SKILLS: lambda sheet: [SheetItem(Topic.DIGITAL_SKILLS, DIGITAL_SKILLS)],
    Topic.SALARY: _salary,
    Topic.LABOUR_MARKET: _labour_market,
    Topic.AGE_DISTRIBUTION: _listed(Topic.AGE_DISTRIBUTION, lambda sheet: [band.label for band in sheet.age_distribution]),
    Topic.PROS: _listed(Topic.PROS, lambda sheet: sheet.pros),
    Topic.CONS: _listed(Topic.CONS, lambda sheet: sheet.cons),
    Topic.MOBILITY: _listed(Topic.MOBILITY, lambda sheet: sheet.mobility.items),
    Topic.TRENDS: _listed(Topic.TRENDS, lambda sheet: [*sheet.trends.points, *sheet.trends.ongoing_changes]),
}


def topic_items(sheet: JobSheet, topic: Topic) -> List[SheetItem]:
    """The items of ``topic`` in ``sheet``, in the sheet's order (none if it lacks the topic)."""
    if not sheet_holds(sheet, topic):
        return []
    # Two lists of a topic may repeat an item ("Capacité à travailler avec précision"): once.
    unique: Dict[str, SheetItem] = {}
    for item in _ITEMS[topic](sheet):
        unique.setdefault(item.key, item)
    return list(unique.values())


def counted(sheet: JobSheet, item: SheetItem) -> Optional[float]:
    """The share or the count ``item`` gives (a share of women, a band of age, a number of
    offers), or ``None`` when it gives none."""
    market = sheet.labour_market
    figures = {CDI_SHARE: market.cdi_share, MEN_SHARE: market.men_share, JOB_SEEKERS: market.job_seekers,
               JOB_OFFERS: market.job_offers} if market else {}
    if item.key == WOMEN_SHARE and market and market.men_share and market.men_share.value is not None:
        return 100 - market.men_share.value
    if item.topic is Topic.AGE_DISTRIBUTION:
        return next((band.percent for band in sheet.age_distribution if band.label == item.key), None)
    figure = figures.get(item.key)
    return figure.value if figure is not None else None


# What a figure measures, to compare it with one a question gives ("ça dépasse 2 000 € par
# mois ?", "plus de la moitié en CDI ?").
PERCENT = "percent"
COUNT = "count"
MONTHLY_EUROS = "monthly_euros"
YEARLY_EUROS = "yearly_euros"
_SHARES = frozenset({CDI_SHARE, MEN_SHARE, WOMEN_SHARE})


def figures(sheet: JobSheet, item: SheetItem) -> Dict[str, Tuple[float, float]]:
    """The figures ``item`` gives, by what they measure, each as the range it prints (lowest,
    highest): « Salaire brut moyen : 2 032 € / 24 k€ » gives 2 032 a month and 24 000 a year;
    « entre 24 000 € et 30 000 € par an », 24 000 to 30 000 a year."""
    value = counted(sheet, item)
    if value is not None:
        measure = PERCENT if item.key in _SHARES or item.topic is Topic.AGE_DISTRIBUTION else COUNT
        return {measure: (value, value)}
    salary = sheet.salary
    if item.topic is not Topic.SALARY or salary is None:
        return {}
    if item.key == STARTING_MONTHLY_GROSS and salary.starting_monthly_gross is not None:
        return {MONTHLY_EUROS: (salary.starting_monthly_gross,) * 2}
    if item.key == ANNUAL_RANGE and salary.annual_range:
        return {YEARLY_EUROS: (salary.annual_range.start_min, salary.annual_range.start_max)}
    if item.key == EXPERIENCED_MAX and salary.annual_range and salary.annual_range.experienced_max is not None:
        return {YEARLY_EUROS: (salary.annual_range.experienced_max,) * 2}
    row = next((row for row in salary.table if row.label == item.key), None)
    if row is None:
        return {}
    return {MONTHLY_EUROS: (row.monthly_gross,) * 2, YEARLY_EUROS: (row.annual_gross_thousands * 1000,) * 2}


def counts_some(sheet: JobSheet, item: SheetItem) -> bool:
    """Whether ``item`` is a share or a count above zero: it says there are some ("y a-t-il des
    CDI ?": 42 %; "des plus de 50 ans ?": 19 %), though not that they are many."""
    value = counted(sheet, item)
    return value is not None and value > 0


def find_item(sheet: JobSheet, key: str, topic: Optional[Topic] = None) -> Optional[SheetItem]:
    """The item ``key`` names, in ``topic`` first, then in any topic of the sheet."""
    topics = ([topic] if topic else []) + [other for other in Topic if other is not topic]
    for candidate in topics:
        for item in topic_items(sheet, candidate):
            if item.key == key:
                return item
    return None
