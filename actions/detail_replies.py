"""Replies to one detail of a topic ("le salaire médian", "les horaires", "faut-il parler
anglais ?"): the items of each sheet that answer it, quoted first ("Oui" or "Non" first when
they answer a closed question that way), or that the sheet says nothing about it, with a button to what it
says of the topic, or an offer of the sheets that do answer it. Never the topic's whole block in
place of the detail.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence

from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.knowledge_base import STORE
from actions.names import PAGE_SIZE
from actions.payloads import ask_payload
from actions.reading import Ask
from actions.replies import Reply
from knowledge.details import DetailReading
from knowledge.items import SheetItem
from knowledge.schema import JobSheet
from knowledge.topics import sheet_holds


@dataclass(frozen=True)
class Closed:
    """The form of a question a "oui" or a "non" may answer: ``yes_no``, a closed one sure of its
    detail, answered "oui" where the sheet's reviewed items affirm it; ``existence``, one on
    whether there are any, answered "oui" too by a share or a count above zero; ``necessity``, one
    on whether something is required, which an asset the sheet cites does not answer "oui";
    ``denied``, a
    closed one naming a detail the sheets' items answer "non" to ("on bouge beaucoup ?" →
    « Travail sédentaire »)."""

    yes_no: bool = False
    existence: bool = False
    necessity: bool = False
    denied: bool = False

    def says_yes(self, reading: DetailReading) -> bool:
        affirmed = reading.yes and not (self.necessity and reading.optional)
        return self.yes_no and (affirmed or (self.existence and reading.counts_some))


OPEN = Closed()


def answer_detail(
    dispatcher: CollectingDispatcher, sheets: Sequence[JobSheet], ask: Ask, closed: Closed = OPEN,
    offer_others: bool = True,
) -> Reply:
    """What each of ``sheets`` says of ``ask``'s detail, "oui" first where ``closed`` allows;
    ``offer_others``: a sheet silent on it offers the sheets that answer it, or what it says of
    the topic (not when the question asks other things too)."""
    readings = [STORE.details.reading(sheet, ask.detail) for sheet in sheets]
    detail = readings[0].detail
    if len(sheets) > 1 and not any(reading.answered for reading in readings):
        dispatcher.utter_message(text=rendering.detail_missing_everywhere(detail.name))
        return Reply(lacking=[(sheet, ask) for sheet in sheets])
    reply = Reply()
    for sheet, reading in zip(sheets, readings):
        if reading.answered:
            _quote(dispatcher, sheet, reading, closed.says_yes(reading), closed.denied)
            reply.quoted.append(sheet)
        else:
            reply.lacking.append((sheet, ask))
            reply.offered.extend(_say_missing(dispatcher, sheet, reading, offer_others and len(sheets) == 1,
                                              pointer=offer_others))
    return reply


def confirm_item(dispatcher: CollectingDispatcher, sheet: JobSheet, item: SheetItem) -> Reply:
    """"Oui" and the item of the sheet a closed question names ("technicien de back office, ça en
    fait partie ?" after the job titles: « Technicien de back-office »)."""
    dispatcher.utter_message(text=rendering.detail_answer(sheet, [rendering.item_text(sheet, item)], yes=True))
    return Reply(quoted=[sheet])


def _quote(dispatcher: CollectingDispatcher, sheet: JobSheet, reading: DetailReading, yes: bool, no: bool) -> None:
    quoted = [rendering.item_text(sheet, item) for item in reading.items]
    dispatcher.utter_message(text=rendering.detail_answer(sheet, quoted, yes=yes, no=no))


def _say_missing(
    dispatcher: CollectingDispatcher, sheet: JobSheet, reading: DetailReading, offer_others: bool, pointer: bool
) -> List[JobSheet]:
    """"La fiche ne dit rien sur …", then the sheets that answer the detail, or a button to what
    the sheet says of the topic; the sheets offered."""
    dispatcher.utter_message(text=rendering.detail_missing(sheet, reading.detail.name))
    if not pointer:
        return []
    others = [other for other in STORE.jobs if other.id != sheet.id
              and STORE.details.reading(other, reading.detail.id).answered][:PAGE_SIZE] if offer_others else []
    if others:
        dispatcher.utter_message(
            text=rendering.offer(others, reading.topic),
            buttons=[{"title": rendering.offer_button_title(other), "payload": ask_payload(other)} for other in others],
        )
        return others
    pointer = _topic_pointer(sheet, reading)
    if pointer:
        dispatcher.utter_message(**pointer)
    return []


def _topic_pointer(sheet: JobSheet, reading: DetailReading) -> Optional[dict]:
    if not sheet_holds(sheet, reading.topic):
        return None
    return {
        "text": rendering.topic_pointer(sheet, reading.topic),
        "buttons": [{"title": rendering.topic_button_title(reading.topic), "payload": ask_payload(sheet, reading.topic)}],
    }
