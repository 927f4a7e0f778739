"""Answering questions on jobs' topics, with the conversation's context.

What a message asks is read from its entities (``job``, ``topic``, ``term``,
``rank``, ``other_job``) and completed from the slots: a question naming no
job is about the job in focus ("et ses inconvénients ?"), a message naming only
a job re-asks the last topics for it ("et pour le gestionnaire ?").

Rule for a question that names no job while none is in focus: when one sheet
holds the topic, answer from it and say so; when several do, answer each,
labelled. A job a sheet cannot answer for gets "missing" and an offer of the
sheets that can.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import (
    browsing, comparing, feedback, glossary, help as help_action, outcomes, precision, ranking, rendering,
)
from actions.charts import chart_url
from actions.knowledge_base import STORE
from actions.languages import say_language_note
from actions.names import (
    ACTION_ANSWER, INTENT_HELP, INTENT_INFORM, SLOT_ANSWERED_JOBS, SLOT_JOB, SLOT_OFFERED_JOBS, SLOT_TOPICS,
)
from actions.payloads import ask_payload
from actions.questions import (
    Question, job_at_rank, last_topics, listed_jobs, read_question, unique,
)
from knowledge.schema import JobSheet
from knowledge.topics import Topic, sheet_holds


@dataclass
class TopicReply:
    """Which sheets an answer quoted, which lack the topic, and which it offered instead."""

    quoted: List[JobSheet] = field(default_factory=list)
    lacking: List[JobSheet] = field(default_factory=list)
    offered: List[JobSheet] = field(default_factory=list)


def say_answer(dispatcher: CollectingDispatcher, sheet: JobSheet, topic: Topic, channel: Optional[str]) -> None:
    """The sheet's facts on ``topic``, with their chart where the channel shows pictures."""
    dispatcher.utter_message(text=rendering.answer(sheet, topic))
    chart = chart_url(sheet, topic, channel)
    if chart:
        dispatcher.utter_message(image=chart)


def answer_topic(
    dispatcher: CollectingDispatcher,
    sheet: Optional[JobSheet],
    topic: Topic,
    channel: Optional[str] = None,
    question: str = "",
) -> TopicReply:
    """Say what the sheet (or, with no job, every sheet) holds on ``topic``, starting with
    the fact the ``question`` points at, if any."""
    holders = STORE.holders(topic)
    if sheet is None:
        return _answer_without_job(dispatcher, holders, topic, channel)
    if sheet_holds(sheet, topic):
        first = precision.lead(sheet, topic, question)
        if first:
            dispatcher.utter_message(text=first)
        say_answer(dispatcher, sheet, topic, channel)
        return TopicReply(quoted=[sheet])
    dispatcher.utter_message(text=rendering.missing(sheet, topic))
    others = [other for other in holders if other.id != sheet.id]
    if others:
        dispatcher.utter_message(
            text=rendering.offer(others, topic),
            buttons=[
                {"title": rendering.offer_button_title(other), "payload": ask_payload(other, topic)}
                for other in others
            ],
        )
    return TopicReply(lacking=[sheet], offered=others)


def _answer_without_job(
    dispatcher: CollectingDispatcher, holders: List[JobSheet], topic: Topic, channel: Optional[str]
) -> TopicReply:
    if not holders:
        dispatcher.utter_message(text=rendering.no_sheet_holds(topic))
        return TopicReply(lacking=list(STORE.jobs))
    if len(holders) == 1:
        dispatcher.utter_message(text=rendering.only_job_intro(holders[0], topic))
    else:
        dispatcher.utter_message(text=rendering.several_jobs_intro(topic, holders))
    for holder in holders:
        say_answer(dispatcher, holder, topic, channel)
    return TopicReply(quoted=list(holders))


def answer_topics(
    dispatcher: CollectingDispatcher,
    sheet: Optional[JobSheet],
    topics: Sequence[Topic],
    channel: Optional[str] = None,
    question: str = "",
) -> List[EventType]:
    """Answer each topic, then remember the job in focus, the topics and the sheets quoted.

    The ``question`` typed, if any, lets a single topic's answer start with the fact it
    points at ("le salaire médian")."""
    pointed = question if len(topics) == 1 else ""
    replies = [answer_topic(dispatcher, sheet, topic, channel, pointed) for topic in topics]
    quoted = unique([holder.id for reply in replies for holder in reply.quoted])
    # With no job named, a single sheet answering becomes the job in focus.
    focus = sheet.id if sheet else (quoted[0] if len(quoted) == 1 else None)
    offered = [other.id for other in replies[0].offered] if len(replies) == 1 else []
    missing = [(lacking, topic) for reply, topic in zip(replies, topics) for lacking in reply.lacking]
    events: List[EventType] = [
        SlotSet(SLOT_TOPICS, [topic.value for topic in topics]),
        SlotSet(SLOT_OFFERED_JOBS, offered or None),
        outcomes.outcome(
            outcomes.ANSWERED if quoted else outcomes.MISSING_FACT,
            jobs=[STORE.get(job_id) for job_id in quoted] or ([sheet] if sheet else []),
            topics=topics, missing=missing,
        ),
    ]
    if focus:
        events.append(SlotSet(SLOT_JOB, focus))
    if quoted:
        events.append(SlotSet(SLOT_ANSWERED_JOBS, quoted))
        feedback.offer_rating(dispatcher, channel)
    return events


def clarify(
    dispatcher: CollectingDispatcher, sheet: Optional[JobSheet], candidates: Sequence[Topic]
) -> List[EventType]:
    """Ask which of the likeliest topics the question is about, rather than guess."""
    buttons = [
        {"title": rendering.topic_button_title(topic), "payload": ask_payload(sheet, topic)} for topic in candidates
    ]
    buttons.append({"title": rendering.OTHER_TOPIC_BUTTON, "payload": f"/{INTENT_HELP}"})
    dispatcher.utter_message(text=rendering.clarification(sheet, candidates), buttons=buttons)
    asked = outcomes.outcome(outcomes.CLARIFICATION, jobs=[sheet] if sheet else [], topics=candidates)
    return [asked, SlotSet(SLOT_JOB, sheet.id)] if sheet else [asked]


class ActionAnswer(Action):
    """Answers ``ask`` (a question on topics of a job) and ``inform`` (naming or
    picking a job: "et pour le gestionnaire ?", "le premier")."""

    def name(self) -> Text:
        return ACTION_ANSWER

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        say_language_note(dispatcher, tracker)
        return answer_question(dispatcher, tracker, read_question(tracker))


def answer_question(dispatcher: CollectingDispatcher, tracker: Tracker, question: Question) -> List[EventType]:
    """The reply to a question on a job (named, picked from a list or in focus)."""
    if question.only_unknown_jobs:
        return browsing.say_unknown_job(dispatcher, question.unknown_jobs, question.topics)
    if question.choices and not question.jobs:
        return browsing.ask_which_job(dispatcher, question.ambiguous_name, question.choices, question.topics)
    if question.ranking:
        return ranking.rank_jobs(dispatcher, tracker, question)
    if len(question.jobs) > 1:
        return comparing.compare(dispatcher, question.jobs, question.topics, tracker.get_latest_input_channel())
    informing = (tracker.latest_message.get("intent") or {}).get("name") == INTENT_INFORM
    # Ranks only pick from a list: "un bac+1" in a question is no choice.
    ranks = question.ranks if informing else []
    picked = [job_at_rank(listed_jobs(tracker), rank) for rank in ranks]
    sheet = next(iter(question.jobs + [job for job in picked if job]), None)
    if ranks and sheet is None:
        # "le troisième" when only two jobs were listed: list them again.
        return browsing.list_jobs(dispatcher)
    topics = question.topics or [Topic(term.topic) for term in question.terms if term.topic]
    if not topics and informing:
        # "et pour le gestionnaire ?": the last question, for this job.
        topics = last_topics(tracker)
    sheet = sheet or STORE.get(tracker.get_slot(SLOT_JOB) or "")
    if not topics and question.topic_candidates:
        return clarify(dispatcher, sheet, question.topic_candidates)
    if not topics and sheet is None:
        if question.terms:
            return glossary.define(dispatcher, question.terms)
        return help_action.show_help(dispatcher)
    topics = unique(topics) or [Topic.DESCRIPTION]
    if sheet is None:
        holders = max(len(STORE.holders(topic)) for topic in topics)
        if holders > browsing.PAGE_SIZE:
            return browsing.ask_for_the_job(dispatcher, topics, holders)
    channel = tracker.get_latest_input_channel()
    typed = tracker.latest_message.get("text") or ""
    # A button's payload ("/ask{…}") is no question to point at a fact.
    asked = "" if typed.startswith("/") else typed
    return answer_topics(dispatcher, sheet, topics, channel, asked)
