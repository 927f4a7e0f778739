"""Replies to a closed question that compares two figures of one sheet ("y a-t-il plus de femmes
que d'hommes ?", "plus de demandeurs d'emploi que d'offres ?"), or one of its figures with one
the question gives ("ça dépasse 2 000 € par mois ?", "plus de la moitié en CDI ?"): "Oui" or
"Non" first, decided by the figures, quoted. A sheet that does not give the figures, or whose
figures do not decide it (a range across the one asked), gets no such reply: the question is
then answered as any other.
"""
from __future__ import annotations

from typing import Optional

from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.knowledge_base import STORE
from actions.reading import Ask, ComparedFigures, Threshold
from actions.replies import Reply
from knowledge.items import COUNT, MONTHLY_EUROS, PERCENT, YEARLY_EUROS, counted, figures
from knowledge.schema import JobSheet

# Euros from this figure on are a year's pay, below it a month's, when the question does not say.
YEARLY_FROM = 5000


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


def answer_threshold(
    dispatcher: CollectingDispatcher, sheet: JobSheet, ask: Ask, threshold: Threshold
) -> Optional[Reply]:
    """"Oui" or "Non" and the items of ``sheet`` that answer ``ask``, when each of them that gives
    a figure of the measure asked decides it the same way; else ``None``."""
    if not ask.detail:
        return None
    items = STORE.details.reading(sheet, ask.detail).items
    verdicts = set()
    for item in items:
        ranges = figures(sheet, item)
        measure = _measure(threshold, ranges)
        if measure is None:
            continue
        lowest, highest = ranges[measure]
        if threshold.more:
            verdicts.add(True if lowest > threshold.value else False if highest <= threshold.value else None)
        else:
            verdicts.add(True if highest < threshold.value else False if lowest >= threshold.value else None)
    if len(verdicts) != 1 or None in verdicts:
        return None
    quoted = [rendering.item_text(sheet, item) for item in items]
    dispatcher.utter_message(text=rendering.comparison_answer(sheet, quoted, verdicts.pop()))
    return Reply(quoted=[sheet])


def _measure(threshold: Threshold, ranges: dict) -> Optional[str]:
    """What the item's figure the question weighs measures, if the item gives it."""
    if threshold.measure == "percent":
        wanted = PERCENT
    elif threshold.measure == "euros" or MONTHLY_EUROS in ranges or YEARLY_EUROS in ranges:
        yearly = threshold.period == "year" or (not threshold.period and threshold.value >= YEARLY_FROM)
        wanted = YEARLY_EUROS if yearly else MONTHLY_EUROS
    else:
        wanted = COUNT if COUNT in ranges else PERCENT
    return wanted if wanted in ranges else None
