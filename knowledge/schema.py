"""Strict records for one job sheet.

Every field is typed and unknown fields are refused, so a typo in a YAML key is
an error rather than a silently missing fact. A field left out (``None``) means
the sheet does not hold that fact; the bot says so instead of inventing one.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional

from pydantic import BaseModel, Extra, Field, conint, constr, validator

Text = constr(strict=True, strip_whitespace=True, min_length=1)
Percent = conint(strict=True, ge=0, le=100)
Count = conint(strict=True, ge=0)

JOB_ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class Record(BaseModel):
    class Config:
        extra = Extra.forbid
        allow_mutation = False
        anystr_strip_whitespace = True


class Source(Record):
    """Who published the sheet and where its figures come from."""

    title: Text
    publisher: Text
    figures_origin: Optional[Text] = None
    website: Optional[Text] = None
    page_url: Optional[Text] = None
    document: Text


class Figure(Record):
    """A labour-market figure. ``value`` is ``None`` where the sheet prints "NA"."""

    value: Optional[Count] = None
    origin: Optional[Text] = None


class PercentFigure(Record):
    value: Percent
    origin: Optional[Text] = None


class LabourMarket(Record):
    cdi_share: Optional[PercentFigure] = None
    men_share: Optional[PercentFigure] = None
    job_seekers: Optional[Figure] = None
    job_offers: Optional[Figure] = None
    hiring_volume: Optional[Figure] = None


class AgeBand(Record):
    label: Text
    percent: Percent


class Environment(Record):
    """Where and with whom the job is done, and what weighs on it."""

    employers: List[Text] = Field(default_factory=list)
    setting: List[Text] = Field(default_factory=list)
    pressures: List[Text] = Field(default_factory=list)


class TrainingPath(Record):
    title: Text
    note: Optional[Text] = None


class Training(Record):
    study_level: Optional[Text] = None
    paths: List[TrainingPath] = Field(..., min_items=1)


class SkillGroup(Record):
    title: Text
    items: List[Text] = Field(..., min_items=1)


class SalaryRange(Record):
    """Annual gross salary range quoted in the sheet's prose, in euros."""

    start_min: Count
    start_max: Count
    experienced_max: Optional[Count] = None

    @validator("start_max")
    def _max_after_min(cls, start_max: int, values: dict) -> int:
        if "start_min" in values and start_max < values["start_min"]:
            raise ValueError("doit être supérieur ou égal à start_min")
        return start_max


class SalaryRow(Record):
    """One row of the sheet's salary table: monthly gross (€) and annual (k€)."""

    label: Text
    monthly_gross: Count
    annual_gross_thousands: Count


class Salary(Record):
    starting_monthly_gross: Optional[Count] = None
    annual_range: Optional[SalaryRange] = None
    table: List[SalaryRow] = Field(default_factory=list)


class ItemList(Record):
    """A list printed by the sheet; ``open_ended`` when it ends with "…"."""

    items: List[Text] = Field(..., min_items=1)
    open_ended: bool = False


class Trends(Record):
    points: List[Text] = Field(..., min_items=1)
    ongoing_changes: List[Text] = Field(default_factory=list)


class Link(Record):
    title: Text
    url: Text

    @validator("url")
    def _is_web_address(cls, url: str) -> str:
        if not re.match(r"^https?://\S+$", url):
            raise ValueError("doit être une adresse web (http:// ou https://)")
        return url


DetailId = constr(strict=True, regex=JOB_ID_PATTERN)


class DetailAnswer(Record):
    """The items of a sheet that answer one detail of ``knowledge/details.yml``, by key
    (``knowledge/items.py``); ``affirms``: they answer "oui" to the detail asked as a yes/no
    question ("faut-il parler anglais ?" → « Maîtriser l'anglais »), but for ``optional`` ones
    only when it is not asked whether the detail is required ("une licence pro, c'est un plus ?",
    not "faut-il une licence pro ?": « un atout pour évoluer »); ``denies``: they answer "non"
    ("on bouge beaucoup ?" → « Travail sédentaire »). (Not ``yes`` and ``no``: YAML 1.1 reads
    those keys as booleans.)"""

    items: List[Text] = Field(..., min_items=1)
    affirms: bool = False
    optional: bool = False
    denies: bool = False

    @validator("optional")
    def _optional_affirms(cls, optional: bool, values: dict) -> bool:
        if optional and not values.get("affirms"):
            raise ValueError("optional ne se dit que d'une réponse qui affirme (affirms: true)")
        return optional

    @validator("denies")
    def _not_both(cls, denies: bool, values: dict) -> bool:
        if denies and values.get("affirms"):
            raise ValueError("affirms et denies ne peuvent pas être vrais ensemble")
        return denies


class JobSheet(Record):
    id: constr(strict=True, regex=JOB_ID_PATTERN)
    name: Text
    masculine: Text
    feminine: Optional[Text] = None
    aliases: List[Text] = Field(default_factory=list)
    source: Source

    description: Text
    family: Optional[Text] = None
    sector: Optional[Text] = None
    rome_code: Optional[constr(strict=True, regex=r"^[A-N][0-9]{4}$")] = None
    activities: Optional[ItemList] = None
    job_titles: Optional[ItemList] = None
    environment: Optional[Environment] = None
    training: Optional[Training] = None
    skills: List[SkillGroup] = Field(default_factory=list)
    digital_skills: Optional[Link] = None
    labour_market: Optional[LabourMarket] = None
    age_distribution: List[AgeBand] = Field(default_factory=list)
    salary: Optional[Salary] = None
    pros: List[Text] = Field(default_factory=list)
    cons: List[Text] = Field(default_factory=list)
    mobility: Optional[ItemList] = None
    trends: Optional[Trends] = None
    # The details of knowledge/details.yml this sheet answers, each with its items; every other
    # detail of the catalogue is one the sheet says nothing about. A sheet without this section
    # was not reviewed against the catalogue: its items are searched by the detail's words.
    details: Optional[Dict[DetailId, DetailAnswer]] = None
    # Details whose words the sheet uses without answering them, each with why (a test checks
    # that every other detail the sheet does not answer has none of its words in the sheet).
    details_not_answered: Dict[DetailId, Text] = Field(default_factory=dict)


class GlossaryEntry(Record):
    """A term the sheets use, explained in plain words (``knowledge/glossary.yml``)."""

    id: constr(strict=True, regex=JOB_ID_PATTERN)
    term: Text
    aliases: List[Text] = Field(default_factory=list)
    # The sheet topic a question on the term is about ("faut-il un BTS ?" → training).
    topic: Optional[constr(strict=True, regex=JOB_ID_PATTERN)] = None
    definition: Text


class Glossary(Record):
    __root__: List[GlossaryEntry] = Field(..., min_items=1)


class Detail(Record):
    """One precise thing people ask under a topic ("le salaire médian", "les horaires"):
    ``name`` completes « La fiche ne dit rien sur … »; ``words`` say it in a question;
    ``stands_for``: the topics a question in its words may name, that it answers for a sheet
    lacking them ("l'informatique": the mastery of IT tools, for a sheet without digital skills);
    ``stands_for_closed``: the same, for a closed question only, as it says whether, not which
    ("y a des possibilités d'évoluer ?", not "vers quels postes ?"); ``instead``: the details of
    its topic whose answer answers it too, for a sheet lacking it ("faut-il un master ?": the
    level of study), in that order; no other stands for it."""

    id: DetailId
    name: Text
    words: List[Text] = Field(..., min_items=1)
    stands_for: List[constr(strict=True, regex=JOB_ID_PATTERN)] = Field(default_factory=list)
    stands_for_closed: List[constr(strict=True, regex=JOB_ID_PATTERN)] = Field(default_factory=list)
    instead: List[DetailId] = Field(default_factory=list)


class DetailCatalogue(Record):
    """Topic id → its details (``knowledge/details.yml``)."""

    __root__: Dict[constr(strict=True, regex=JOB_ID_PATTERN), List[Detail]]


class TopicVocabulary(Record):
    """Topic id → the words users ask it with (``knowledge/topics.yml``)."""

    __root__: Dict[constr(strict=True, regex=JOB_ID_PATTERN), List[Text]]


class JobNameVocabulary(Record):
    """``knowledge/names.yml``: after a one-word job name and "de", the words that keep that
    job ("gestionnaire de BO"), any other naming another job ("gestionnaire de paie"); the words
    that name another job right after it ("gestionnaire RH"); and the words that mean the job
    other than the one in focus ("et l'autre ?")."""

    same_job_after_de: List[Text] = Field(..., min_items=1)
    another_job_right_after: List[Text] = Field(..., min_items=1)
    the_other_job: List[Text] = Field(..., min_items=1)
