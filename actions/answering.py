"""Answering a question on one topic: which job is meant, and what the sheets say.

Rule for a question that names no job (and none is in focus): when one sheet
holds the topic, answer from it and say so; when several do, answer each,
labelled. A job a sheet cannot answer for gets "missing" and an offer of the
sheets that can.
"""
from __future__ import annotations

import json
from abc import ABC, abstractmethod
from typing import Any, ClassVar, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.knowledge_base import STORE
from actions.names import ENTITY_JOB, SLOT_JOB, SLOT_OFFERED_JOBS, SLOT_TOPIC
from knowledge.schema import JobSheet
from knowledge.topics import Topic, sheet_holds


def ask_payload(topic: Topic, sheet: JobSheet) -> str:
    """The message a button sends to ask ``topic`` about ``sheet``."""
    return f"/{topic.intent}{json.dumps({ENTITY_JOB: sheet.id})}"


def answer_topic(
    dispatcher: CollectingDispatcher, sheet: Optional[JobSheet], topic: Topic
) -> List[EventType]:
    """Say what the sheet (or, with no job, every sheet) holds on ``topic``."""
    holders = STORE.holders(topic)
    if sheet is None:
        return _answer_without_job(dispatcher, holders, topic)
    if sheet_holds(sheet, topic):
        dispatcher.utter_message(text=rendering.answer(sheet, topic))
        return _focus(sheet, topic)
    dispatcher.utter_message(text=rendering.missing(sheet, topic))
    others = [other for other in holders if other.id != sheet.id]
    if not others:
        return _focus(sheet, topic)
    dispatcher.utter_message(
        text=rendering.offer(others, topic),
        buttons=[
            {"title": rendering.offer_button_title(other), "payload": ask_payload(topic, other)}
            for other in others
        ],
    )
    return _focus(sheet, topic, offered=[other.id for other in others])


def _answer_without_job(
    dispatcher: CollectingDispatcher, holders: List[JobSheet], topic: Topic
) -> List[EventType]:
    if not holders:
        dispatcher.utter_message(text=rendering.no_sheet_holds(topic))
        return [SlotSet(SLOT_TOPIC, topic.value)]
    if len(holders) == 1:
        dispatcher.utter_message(text=rendering.only_job_intro(holders[0], topic))
        dispatcher.utter_message(text=rendering.answer(holders[0], topic))
        return _focus(holders[0], topic)
    dispatcher.utter_message(text=rendering.several_jobs_intro(topic, holders))
    for holder in holders:
        dispatcher.utter_message(text=rendering.answer(holder, topic))
    return [SlotSet(SLOT_TOPIC, topic.value), SlotSet(SLOT_OFFERED_JOBS, None)]


def _focus(sheet: JobSheet, topic: Topic, offered: Optional[List[str]] = None) -> List[EventType]:
    return [
        SlotSet(SLOT_JOB, sheet.id),
        SlotSet(SLOT_TOPIC, topic.value),
        SlotSet(SLOT_OFFERED_JOBS, offered),
    ]


class TopicAnswerAction(Action, ABC):
    """Answers the ``ask_<topic>`` intents of the topics it is in charge of."""

    topics: ClassVar[Tuple[Topic, ...]] = ()

    @abstractmethod
    def name(self) -> Text:
        """The action's name in the domain."""

    def topic_asked(self, tracker: Tracker) -> Optional[Topic]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        return next((topic for topic in self.topics if topic.intent == intent), None)

    def job_asked(self, tracker: Tracker) -> Tuple[Optional[JobSheet], bool]:
        """The job the question is about and whether the user named one.

        A job named in the message wins over the job in focus.
        """
        named = [str(value) for value in tracker.get_latest_entity_values(ENTITY_JOB)]
        if named:
            return next(filter(None, map(STORE.resolve, named)), None), True
        return STORE.get(tracker.get_slot(SLOT_JOB) or ""), False

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        topic = self.topic_asked(tracker)
        if topic is None:
            dispatcher.utter_message(response="utter_default")
            return []
        sheet, named = self.job_asked(tracker)
        if named and sheet is None:
            dispatcher.utter_message(text=rendering.unknown_job(STORE.jobs))
            return [SlotSet(SLOT_TOPIC, topic.value)]
        return answer_topic(dispatcher, sheet, topic)
