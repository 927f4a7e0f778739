"""The topics a user can ask about, and which sheet fields answer each one.

A user names a topic with the words of ``knowledge/topics.yml``; the NLU
pipeline turns them into a ``topic`` entity whose value is the topic's id.
"""
from __future__ import annotations

from enum import Enum
from typing import Callable, Dict, Optional

from knowledge.schema import JobSheet


class Topic(str, Enum):
    DESCRIPTION = "description"
    ACTIVITIES = "activities"
    SECTOR = "sector"
    ROME_CODE = "rome_code"
    JOB_TITLES = "job_titles"
    ENVIRONMENT = "environment"
    TRAINING = "training"
    SKILLS = "skills"
    DIGITAL_SKILLS = "digital_skills"
    SALARY = "salary"
    LABOUR_MARKET = "labour_market"
    AGE_DISTRIBUTION = "age_distribution"
    PROS = "pros"
    CONS = "cons"
    MOBILITY = "mobility"
    TRENDS = "trends"


_HOLDS: Dict[Topic, Callable[[JobSheet], bool]] = {
    Topic.DESCRIPTION: lambda sheet: True,
    Topic.ACTIVITIES: lambda sheet: sheet.activities is not None,
    Topic.SECTOR: lambda sheet: bool(
        sheet.sector or sheet.family or (sheet.environment and sheet.environment.employers)
    ),
    Topic.ROME_CODE: lambda sheet: sheet.rome_code is not None,
    Topic.JOB_TITLES: lambda sheet: sheet.job_titles is not None,
    Topic.ENVIRONMENT: lambda sheet: bool(
        sheet.environment and (sheet.environment.setting or sheet.environment.pressures)
    ),
    Topic.TRAINING: lambda sheet: sheet.training is not None,
    Topic.SKILLS: lambda sheet: bool(sheet.skills),
    Topic.DIGITAL_SKILLS: lambda sheet: sheet.digital_skills is not None,
    Topic.SALARY: lambda sheet: sheet.salary is not None,
    Topic.LABOUR_MARKET: lambda sheet: sheet.labour_market is not None,
    Topic.AGE_DISTRIBUTION: lambda sheet: bool(sheet.age_distribution),
    Topic.PROS: lambda sheet: bool(sheet.pros),
    Topic.CONS: lambda sheet: bool(sheet.cons),
    Topic.MOBILITY: lambda sheet: sheet.mobility is not None,
    Topic.TRENDS: lambda sheet: sheet.trends is not None,
}


def sheet_holds(sheet: JobSheet, topic: Topic) -> bool:
    """Whether ``sheet`` has anything to say about ``topic``."""
    return _HOLDS[topic](sheet)


def parse_topic(value: object) -> Optional[Topic]:
    """The topic whose id is ``value`` ("salary"), or ``None`` for anything else."""
    try:
        return Topic(value)
    except ValueError:
        return None
