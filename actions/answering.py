"""Replies to a whole topic of a sheet ("le salaire de l'opérateur", "ses inconvénients").

A sheet that holds the topic gives its block (heading, facts, source) and its chart where the
channel shows pictures; one that lacks it says so, quotes what it says of it under other topics
(``DetailCatalogue.said_elsewhere``) and offers the sheets that hold it. With no job (none named,
none in focus): when one sheet holds the topic, it answers and says so, and the others quote what
they say of it elsewhere; when several do, each answers, labelled. When the topic itself is
unclear, the likeliest topics are offered, never guessed.
"""
from __future__ import annotations

from typing import List, Optional, Sequence

from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.charts import chart_url
from actions.knowledge_base import STORE
from actions.names import INTENT_HELP, PAGE_SIZE
from actions.payloads import ask_payload
from actions.reading import Ask
from actions.replies import Reply
from knowledge.schema import JobSheet
from knowledge.topics import Topic, sheet_holds


def say_answer(dispatcher: CollectingDispatcher, sheet: JobSheet, topic: Topic, channel: Optional[str]) -> None:
    """The sheet's facts on ``topic``, with their chart where the channel shows pictures."""
    dispatcher.utter_message(text=rendering.answer(sheet, topic))
    chart = chart_url(sheet, topic, channel)
    if chart:
        dispatcher.utter_message(image=chart)


def answer_topic(
    dispatcher: CollectingDispatcher, sheet: Optional[JobSheet], topic: Topic, channel: Optional[str] = None,
) -> Reply:
    """Say what the sheet (or, with no job, every sheet) holds on ``topic``."""
    holders = STORE.holders(topic)
    if sheet is None:
        return _answer_without_job(dispatcher, holders, topic, channel)
    if sheet_holds(sheet, topic):
        say_answer(dispatcher, sheet, topic, channel)
        return Reply(quoted=[sheet])
    dispatcher.utter_message(text=rendering.missing(sheet, topic))
    elsewhere = STORE.details.said_elsewhere(sheet, topic)
    if elsewhere:
        dispatcher.utter_message(text=rendering.said_elsewhere(sheet, elsewhere))
    others = [other for other in holders if other.id != sheet.id][:PAGE_SIZE]
    if others:
        dispatcher.utter_message(
            text=rendering.offer(others, topic),
            buttons=[
                {"title": rendering.offer_button_title(other), "payload": ask_payload(other, topic)}
                for other in others
            ],
        )
    return Reply(lacking=[(sheet, Ask(topic))], offered=others)


def _answer_without_job(
    dispatcher: CollectingDispatcher, holders: List[JobSheet], topic: Topic, channel: Optional[str]
) -> Reply:
    if not holders:
        dispatcher.utter_message(text=rendering.no_sheet_holds(topic))
        return Reply(lacking=[(sheet, Ask(topic)) for sheet in STORE.jobs])
    if len(holders) == 1:
        dispatcher.utter_message(text=rendering.only_job_intro(holders[0], topic))
    else:
        dispatcher.utter_message(text=rendering.several_jobs_intro(topic, holders))
    for holder in holders:
        say_answer(dispatcher, holder, topic, channel)
    for other in [sheet for sheet in STORE.jobs if sheet not in holders]:
        elsewhere = STORE.details.said_elsewhere(other, topic)
        if elsewhere:
            dispatcher.utter_message(text=rendering.said_elsewhere(other, elsewhere))
    return Reply(quoted=list(holders))


def clarify(dispatcher: CollectingDispatcher, sheet: Optional[JobSheet], candidates: Sequence[Topic]) -> None:
    """Ask which of the likeliest topics the question is about, rather than guess."""
    buttons = [
        {"title": rendering.topic_button_title(topic), "payload": ask_payload(sheet, topic)} for topic in candidates
    ]
    buttons.append({"title": rendering.OTHER_TOPIC_BUTTON, "payload": f"/{INTENT_HELP}"})
    dispatcher.utter_message(text=rendering.clarification(sheet, candidates), buttons=buttons)
