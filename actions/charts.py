"""Which answers come with a chart, and where the chart is served.

The charts themselves are drawn from ``knowledge/`` by ``bot/tools/charts.py`` and served
with the chat page; only channels that show pictures get them, others keep the text.
"""
import os
from typing import Optional

from knowledge.schema import JobSheet
from knowledge.topics import Topic

CHARTS_URL_ENV = "BACKOFFICE_CHARTS_URL"
DEFAULT_CHARTS_URL = "http://localhost:8080/charts"
# Input channels whose users see pictures (the chat page); the others get text only.
PICTURE_CHANNELS = frozenset({"socketio"})
CHART_TOPICS = (Topic.SALARY, Topic.AGE_DISTRIBUTION)


def chart_name(sheet: JobSheet, topic: Topic) -> str:
    return f"{sheet.id}-{topic.value}.png"


def has_chart(sheet: JobSheet, topic: Topic) -> bool:
    if topic is Topic.SALARY:
        return bool(sheet.salary and sheet.salary.table)
    if topic is Topic.AGE_DISTRIBUTION:
        return bool(sheet.age_distribution)
    return False


def chart_url(sheet: JobSheet, topic: Topic, channel: Optional[str]) -> Optional[str]:
    """The chart to show with ``topic``'s answer on ``channel``, if any."""
    if channel not in PICTURE_CHANNELS or not has_chart(sheet, topic):
        return None
    base = (os.environ.get(CHARTS_URL_ENV) or DEFAULT_CHARTS_URL).rstrip("/")
    return f"{base}/{chart_name(sheet, topic)}"
