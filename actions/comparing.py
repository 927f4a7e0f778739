"""Comparing jobs side by side, topic by topic, saying where a sheet has no data."""
from typing import List, Optional, Sequence

from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.knowledge_base import STORE
from actions.reading import Ask, by_id, unique
from actions.replies import Reply
from knowledge.schema import JobSheet
from knowledge.topics import Topic, sheet_holds

# Compared when the user names no topic ("quelle différence entre … ?").
OVERVIEW_TOPICS = (Topic.DESCRIPTION, Topic.TRAINING, Topic.SALARY, Topic.LABOUR_MARKET, Topic.MOBILITY)


def compare(dispatcher: CollectingDispatcher, sheets: Sequence[JobSheet], topics: Sequence[Topic]) -> Reply:
    """Each topic side by side for ``sheets``; with no topic, an overview of the main ones."""
    if topics:
        for topic in topics:
            elsewhere = {sheet.id: STORE.details.said_elsewhere(sheet, topic) for sheet in sheets}
            dispatcher.utter_message(text=rendering.comparison(sheets, topic, elsewhere))
    else:
        dispatcher.utter_message(text=rendering.overview(sheets, OVERVIEW_TOPICS))
    return Reply(
        quoted=list(sheets),
        lacking=[(sheet, Ask(topic)) for topic in topics for sheet in sheets if not sheet_holds(sheet, topic)],
    )


def compared_jobs(named: Sequence[JobSheet], in_focus: Optional[JobSheet]) -> List[JobSheet]:
    """Two named jobs, or the one named and the one in focus, or every job."""
    chosen = unique([*named, *([in_focus] if in_focus else [])], key=by_id)
    return chosen if len(chosen) > 1 else list(STORE.jobs)


def asks_about_one_job(named: Sequence[JobSheet], in_focus: Optional[JobSheet]) -> bool:
    """A comparison needs a second job: the intent classifier may take questions on one job for
    comparisons ("bts ou dut, lequel choisir pour devenir gestionnaire ?", "le gestionnaire
    doit connaître le droit des prêts ?"). With one job named and no other in focus, the
    message is a question on that job ("et par rapport à l'opérateur ?" after the
    gestionnaire still compares them)."""
    return len(named) == 1 and (in_focus is None or in_focus.id == named[0].id)
