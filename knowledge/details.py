"""The details people ask under each topic (``knowledge/details.yml``) and what each sheet
says of them.

A sheet's ``details`` section links each detail it answers to its items; the catalogue's other
details are ones the sheet says nothing about. A sheet without that section was not reviewed
against the catalogue: the items of the detail's topic that hold one of its words answer it,
and none means the sheet's topic does not mention it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from knowledge.items import SheetItem, counts_some, find_item, topic_items
from knowledge.loader import KnowledgeError
from knowledge.schema import Detail, JobSheet
from knowledge.text import LINKING_WORDS, normalize, strip_accents
from knowledge.topics import Topic


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DetailReading:
    """What a sheet says of a detail: its items (none: nothing), and whether they answer
    "oui" (``yes``; not when asked whether it is required, if ``optional``) or "non" (``no``) to it
    asked as a yes/no question; ``reviewed``: read from the sheet's own links."""

    detail: Detail
    topic: Topic
    items: Tuple[SheetItem, ...]
    yes: bool = False
    optional: bool = False
    no: bool = False
    reviewed: bool = True
    # Every item is a share or a count above zero: "oui" to "y a-t-il des … ?" (see counts_some).
    counts_some: bool = False

    @property
    def answered(self) -> bool:
        return bool(self.items)


class DetailCatalogue:
    def __init__(self, by_topic: Dict[Topic, List[Detail]]) -> None:
        self._details: Dict[str, Detail] = {}
        self._topics: Dict[str, Topic] = {}
        self._by_topic = {topic: list(details) for topic, details in by_topic.items()}
        # Each detail's words, normalised → the details they say (one per topic at most).
        self._words: Dict[str, List[str]] = {}
        for topic, details in by_topic.items():
            for detail in details:
                self._details[detail.id] = detail
                self._topics[detail.id] = topic
                for word in detail.words:
                    said = self._words.setdefault(normalize(word), [])
                    if detail.id not in said:
                        said.append(detail.id)
        self._words.pop("", None)
        self._vocabulary = frozenset(word for phrase in self._words for word in phrase.split())
        # In words as typed, linking ones included: "ça embauche de plus en plus" is six long.
        self._longest = max((len(_WORD.findall(word)) for details in by_topic.values() for detail in details
                             for word in detail.words), default=0)

    @property
    def details(self) -> Tuple[Detail, ...]:
        return tuple(self._details.values())

    def get(self, detail_id: str) -> Optional[Detail]:
        return self._details.get(detail_id)

    def topic(self, detail_id: str) -> Topic:
        return self._topics[detail_id]

    def stands_for(self, detail_id: str, topic: Topic, closed: bool = False) -> bool:
        """Whether ``detail_id`` answers, for a sheet lacking ``topic``, a question naming it
        (``closed``: a closed one)."""
        detail = self._details[detail_id]
        return topic.value in detail.stands_for or (closed and topic.value in detail.stands_for_closed)

    def of_topic(self, topic: Topic) -> List[Detail]:
        return list(self._by_topic.get(topic, []))

    def said_elsewhere(self, sheet: JobSheet, topic: Topic) -> List[SheetItem]:
        """What ``sheet``, lacking ``topic``, says of it under other topics: the items answering
        the details that stand for it, open or closed questions alike (the opérateur's sheet has
        no mobility, but cites « Possibilités d'évolution de carrière » among its pros)."""
        found: List[SheetItem] = []
        for detail in self._details.values():
            if self._topics[detail.id] != topic and topic.value in (*detail.stands_for, *detail.stands_for_closed):
                found.extend(item for item in self.reading(sheet, detail.id).items if item not in found)
        return found

    def citing(self, sheet: JobSheet, topic: Topic, name: str) -> Optional[str]:
        """The detail of ``topic`` that ``sheet`` answers with one item worded as ``name``: each of
        its words begins one of the item's ("chargé de clientèle pro": « Chargé de clientèle
        professionnels »)."""
        for detail in self.of_topic(topic):
            reading = self.reading(sheet, detail.id)
            if len(reading.items) == 1 and _worded_as(name, reading.items[0].key):
                return detail.id
        return None

    @staticmethod
    def item_worded_as(sheet: JobSheet, topic: Topic, name: str) -> Optional[SheetItem]:
        """The item of ``sheet``'s ``topic`` worded as ``name``, as ``citing`` reads it
        ("technicien de back office": « Technicien de back-office » among the job titles)."""
        return next((item for item in topic_items(sheet, topic) if _worded_as(name, item.key)), None)

    def mentioned(self, text: Optional[str]) -> List[str]:
        """The details whose words a message holds ("par an", "médiane", "télétravail"), in
        reading order, each once. Words inside longer words of another detail of their topic do not
        count: "vendre des titres" names the trading of securities, not the sales part of the job;
        "assis toute la journée" names the sedentary work among the drawbacks, and "assis" that
        of the conditions of work."""
        words = list(_WORD.finditer(text or ""))
        folded = [strip_accents(word.group()).lower() for word in words]
        found: List[Tuple[int, int, str]] = []
        for size in range(1, self._longest + 1):
            for first in range(len(words) - size + 1):
                if folded[first] in LINKING_WORDS or folded[first + size - 1] in LINKING_WORDS:
                    continue
                window = text[words[first].start():words[first + size - 1].end()]
                key = normalize(window)
                said = self._words.get(key) or self._words.get(self._masculine(key), [])
                found.extend((first, first + size, detail) for detail in said)
        kept = [
            (first, detail) for first, last, detail in found
            if not any(other != detail and start <= first and last <= end and end - start > last - first
                       and self._topics[other] == self._topics[detail] for start, end, other in found)
        ]
        return list(dict.fromkeys(detail for _, detail in sorted(kept)))

    def say_alike(self, detail_id: str, other_id: str) -> bool:
        """Whether two details share a word ("possibilités d'évolution": the prospects of the
        mobility, and the career prospects among the pros)."""
        words = {normalize(word) for word in self._details[detail_id].words}
        return detail_id == other_id or bool(words & {normalize(word) for word in self._details[other_id].words})

    def said_by(self, phrase: str) -> List[str]:
        """The details one of whose words is ``phrase`` as a whole."""
        return list(self._words.get(normalize(phrase), []))

    def _masculine(self, key: str) -> str:
        """A window's normalised words (``key``), each one ending in "e" that is without it a word
        of the details read as that word: "chargée de clientèle" says "chargé de clientèle"
        ("clientèle" stays: no detail says "clientel"). Tried only where the words as typed say
        no detail ("faute" is no "faut" where a detail says "faute")."""
        return " ".join(self._masculine_word(word) for word in key.split())

    def _masculine_word(self, word: str) -> str:
        stem = normalize(word[:-1]) if len(word) > 4 and word.endswith("e") else word
        return stem if stem in self._vocabulary else word

    def check(self, sheets: Iterable[JobSheet]) -> None:
        """Refuse, naming the sheet and the field, a link to an unknown detail or item, or a
        detail said both answered and not answered."""
        for sheet in sheets:
            for detail_id in sheet.details_not_answered:
                where = f"{sheet.source.document} ({sheet.id}.yml) : details_not_answered.{detail_id}"
                if detail_id not in self._details:
                    raise KnowledgeError(f"{where} : détail inconnu de knowledge/details.yml")
                if detail_id in (sheet.details or {}):
                    raise KnowledgeError(f"{where} : ce détail est aussi dans details, où la fiche y répond")
            for detail_id, answer in (sheet.details or {}).items():
                where = f"{sheet.source.document} ({sheet.id}.yml) : details.{detail_id}"
                if detail_id not in self._details:
                    raise KnowledgeError(f"{where} : détail inconnu de knowledge/details.yml")
                topic = self._topics[detail_id]
                for index, key in enumerate(answer.items):
                    if find_item(sheet, key, topic) is None:
                        known = ", ".join(f"« {item.key} »" for item in topic_items(sheet, topic))
                        raise KnowledgeError(
                            f"{where}.items[{index}] : « {key} » n'est pas un élément de la fiche "
                            f"(éléments du sujet {topic.value} : {known or 'aucun'})"
                        )

    def reading(self, sheet: JobSheet, detail_id: str) -> DetailReading:
        detail = self._details[detail_id]
        topic = self._topics[detail_id]
        if sheet.details is None:
            items = tuple(_items_saying(sheet, topic, detail.words))
            return DetailReading(detail, topic, items, reviewed=False, counts_some=_count_some(sheet, items))
        answer = sheet.details.get(detail_id)
        if answer is None:
            return DetailReading(detail, topic, ())
        items = tuple(find_item(sheet, key, topic) for key in answer.items)
        return DetailReading(detail, topic, items, yes=answer.affirms, optional=answer.optional, no=answer.denies,
                             counts_some=_count_some(sheet, items))


def _folded_words(text: str) -> List[str]:
    return _WORD.findall(strip_accents(text).lower())


def _worded_as(name: str, item: str) -> bool:
    """Each word of ``name`` but the linking ones begins a word of ``item``."""
    words = [word for word in _folded_words(name) if word not in LINKING_WORDS]
    item_words = _folded_words(item)
    return bool(words) and all(any(other.startswith(word) for other in item_words) for word in words)


def _items_saying(sheet: JobSheet, topic: Topic, words: Sequence[str]) -> List[SheetItem]:
    """The items of ``topic`` that hold one of ``words`` (a list item's own text only)."""
    phrases = [f" {normalize(word)} " for word in words if normalize(word)]
    return [item for item in topic_items(sheet, topic)
            if any(phrase in f" {normalize(item.key)} " for phrase in phrases)]


def _count_some(sheet: JobSheet, items: Sequence[SheetItem]) -> bool:
    return bool(items) and all(counts_some(sheet, item) for item in items)
