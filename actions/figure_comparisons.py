"""Replies to a closed question that compares two figures of one sheet ("y a-t-il plus de femmes
que d'hommes ?", "plus de demandeurs d'emploi que d'offres ?"): "Oui" or "Non" first, decided by
the two figures, both quoted. A sheet that does not give both figures gets no such reply: the
question is then answered as any other.
"""
from __future__ import annotations

from typing import Optional

from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.knowledge_base import STORE
from actions.reading import ComparedFigures
from actions.replies import Reply
from knowledge.items import counted
from knowledge.schema import JobSheet


def answer_comparison(
    dispatcher: CollectingDispatcher, sheet: JobSheet, compared: ComparedFigures
) -> Optional[Reply]:
    """"Oui" or "Non" and the two figures of ``sheet``, or ``None`` if it lacks one of them."""
    readings = [STORE.details.reading(sheet, detail) for detail in (compared.first, compared.second)]
    if any(len(reading.items) != 1 for reading in readings):
        return None
    first, second = (counted(sheet, reading.items[0]) for reading in readings)
    if first is None or second is None:
        return None
    holds = first > second if compared.more else first < second
    quoted = [rendering.item_text(sheet, reading.items[0]) for reading in readings]
    dispatcher.utter_message(text=rendering.comparison_answer(sheet, quoted, holds))
    return Reply(quoted=[sheet])
