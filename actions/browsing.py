"""Listing the jobs the bot knows, so a user can pick one ("le premier") or a button.

A few sheets are listed at once, as they always were. Many are shown by family, a family a
page at a time with a button for the next page; words typed with the request ("les métiers
de la paie") search the sheets' names, aliases and families.
"""
import math
from typing import List, Optional, Sequence

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import outcomes, rendering
from actions.knowledge_base import STORE
from actions.names import PAGE_SIZE, SLOT_LISTED_JOBS, SLOT_TOPICS
from actions.payloads import family_payload, job_buttons
from knowledge.schema import JobSheet
from knowledge.topics import Topic


def family_of(sheet: JobSheet) -> str:
    return sheet.family or rendering.OTHER_FAMILY


def _families_overview(dispatcher: CollectingDispatcher, intro: str) -> None:
    """The families and how many sheets each holds, a button each."""
    families = [(family_of(sheets[0]), len(sheets)) for _, sheets in STORE.families()]
    dispatcher.utter_message(
        text=rendering.families_overview(intro, len(STORE.jobs), families),
        buttons=[{"title": rendering.family_button_title(family, count), "payload": family_payload(family)}
                 for family, count in families],
    )


def _page(dispatcher: CollectingDispatcher, heading: str, jobs: Sequence[JobSheet], page: int,
          family: Optional[str] = None) -> List[EventType]:
    """One page of ``jobs``, numbered from 1 so "le premier" picks on it; the next page has a
    button when the list is a family's."""
    pages = max(1, math.ceil(len(jobs) / PAGE_SIZE))
    page = min(max(page, 1), pages)
    shown = list(jobs[(page - 1) * PAGE_SIZE:page * PAGE_SIZE])
    more = len(jobs) - page * PAGE_SIZE
    buttons = job_buttons(shown)
    if family and more > 0:
        buttons.append({"title": rendering.NEXT_PAGE_BUTTON, "payload": family_payload(family, page + 1)})
    dispatcher.utter_message(text=rendering.jobs_page(heading, shown, more, paged=bool(family)), buttons=buttons)
    return [SlotSet(SLOT_LISTED_JOBS, [sheet.id for sheet in shown])]


def list_jobs(dispatcher: CollectingDispatcher, typed: str = "") -> List[EventType]:
    """The jobs: all of them when they are few, else those the ``typed`` words search for,
    else the families. Picking one then presents it."""
    words, found = STORE.search(typed)
    reset_topics = SlotSet(SLOT_TOPICS, None)
    if found and len(found) < len(STORE.jobs):
        return [*_page(dispatcher, rendering.found_heading(words, len(found)), found, 1), reset_topics]
    if len(STORE.jobs) > PAGE_SIZE:
        _families_overview(dispatcher, rendering.families_intro(len(STORE.jobs)))
        return [SlotSet(SLOT_LISTED_JOBS, None), reset_topics]
    dispatcher.utter_message(text=rendering.job_list(STORE.jobs), buttons=job_buttons(STORE.jobs))
    return [SlotSet(SLOT_LISTED_JOBS, [sheet.id for sheet in STORE.jobs]), reset_topics]


def list_family(dispatcher: CollectingDispatcher, family: str, page: int) -> List[EventType]:
    """A page of one family's jobs (a question pending before it, if any, stays pending)."""
    members = [sheet for sheet in STORE.jobs if family_of(sheet) == family]
    if not members:
        return list_jobs(dispatcher)
    return _page(dispatcher, rendering.family_heading(family, len(members)), members, page, family)


def say_unknown_job(
    dispatcher: CollectingDispatcher, names: Sequence[str], topics: Sequence[Topic] = ()
) -> List[EventType]:
    """A job the sheets do not cover (``names``, as typed: "boulanger"): say so and list the
    ones they do (by family when they are many); picking one then answers the question asked
    ("salaire d'un boulanger ?")."""
    listed: Optional[List[str]] = None
    if len(STORE.jobs) > PAGE_SIZE:
        _families_overview(dispatcher, rendering.unknown_job_among(len(STORE.jobs)))
    else:
        dispatcher.utter_message(text=rendering.unknown_job(STORE.jobs), buttons=job_buttons(STORE.jobs))
        listed = [sheet.id for sheet in STORE.jobs]
    return [
        outcomes.outcome(outcomes.UNKNOWN_JOB, topics=topics, unknown_jobs=names),
        SlotSet(SLOT_LISTED_JOBS, listed),
        SlotSet(SLOT_TOPICS, [topic.value for topic in topics] or None),
    ]


def ask_for_the_job(dispatcher: CollectingDispatcher, topics: Sequence[Topic], holders: int) -> List[EventType]:
    """A question with no job, on a topic too many sheets hold to answer them all: the user
    names the job or picks it by family; the question waits for it."""
    _families_overview(dispatcher, rendering.job_needed(topics, holders, len(STORE.jobs)))
    return [
        outcomes.outcome(outcomes.CLARIFICATION, topics=topics),
        SlotSet(SLOT_LISTED_JOBS, None),
        SlotSet(SLOT_TOPICS, [topic.value for topic in topics]),
    ]


def ask_which_job(
    dispatcher: CollectingDispatcher, name: str, choices: Sequence[JobSheet], topics: Sequence[Topic] = ()
) -> List[EventType]:
    """A name several sheets answer to ("opérateur"): the user chooses, never a guess. Each
    button names its sheet, and the question's topics, kept, are then answered for it (a
    short payload: Telegram takes 64 bytes)."""
    shown = list(choices[:PAGE_SIZE])
    dispatcher.utter_message(text=rendering.which_job(name, shown, len(choices)), buttons=job_buttons(shown))
    return [
        outcomes.outcome(outcomes.CLARIFICATION, topics=topics),
        SlotSet(SLOT_LISTED_JOBS, [sheet.id for sheet in shown]),
        SlotSet(SLOT_TOPICS, [topic.value for topic in topics] or None),
    ]
