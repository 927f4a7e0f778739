"""Judging the bot's replies to annotated conversations (tests/conversations_*.yml).

Each turn of a conversation lists what its reply must hold, in the order asked: a topic of a
job, a detail the sheet holds (with short extracts of the sheet, any one of which answers), a
detail the sheet lacks, a yes the sheet supports, or a job the bot does not know. A turn is
right when every expectation is met and the reply breaks none of the promises that hold for
every reply: no "oui" the sheet does not support, no "the sheet says nothing" about a fact it
holds, no figure the sheets do not print.

The judge reads the replies as a user does, from their text: headings ("<job> — <topic>"), the
sheet named in a quotation ("La fiche « <job> » indique"), the sentences that say a sheet is
silent. Annotations are written by people who saw only the sheets (tests/conversations_*.yml).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Set

from actions.rendering import NOT_AVAILABLE, TOPIC_NAMES, item_text, topic_item_texts
from knowledge.schema import JobSheet
from knowledge.store import KnowledgeStore
from knowledge.topics import Topic, sheet_holds

CATEGORIES = (
    "detail_present", "detail_absent", "follow_up", "several_asks", "long_message", "yes_no",
    "near_miss_name", "one_topic",
)
TOPIC = "topic"
PRESENT = "present"
ABSENT = "absent"
ANSWERS = (TOPIC, PRESENT, ABSENT)
UNKNOWN_JOB_SENTENCE = "je ne connais pas ce metier"
LANGUAGE_NOTE = "vous m'ecrivez"
# A heading block longer than this is the whole topic, not the answer to a detail.
MAX_DETAIL_BLOCK_LINES = 4
# The sentences that say a sheet (or every sheet) is silent, accent-free and lower-case.
SILENT_SHEET = re.compile(
    r"la fiche « ([^»]+) » ne (?:dit rien|donne aucune information|donne pas|precise pas|le dit pas)"
)
SILENT_EVERY_SHEET = re.compile(r"(?:aucune de mes fiches|mes fiches ne)")
# "La fiche « X » ne dit rien sur Y." / "… ne donne aucune information sur Y.": the sheet and Y.
SILENT_ON = re.compile(r"la fiche « ([^»]+) » ne (?:dit rien|donne aucune information) sur ([^\n]+?)\.?(?:\n|$)")
# "Seule la fiche « X » donne des informations sur Y :": every other sheet is silent on Y.
SOLE_SHEET = re.compile(r"seule la fiche « ([^»]+) » donne des informations sur ([^:\n]+?) :")
# In a comparison: "<job> :" then "la fiche ne dit rien sur …", or "pas de partie « … » dans la
# fiche, qui cite toutefois …" (what it says of it under other topics).
SILENT_IN_COMPARISON = re.compile(
    r"^([^\n:]+?) :\s*(?:\n)?(?:la fiche ne dit rien sur|pas de partie « [^»\n]+ » dans la fiche)", re.MULTILINE)
CITED_ELSEWHERE = "cite toutefois"
NUMBER = re.compile(r"\d+(?:[ .,]\d{3})*(?:[.,]\d+)?")
URL = re.compile(r"https?://\S+")


def heading_line(message: str) -> bool:
    """Whether a message starts with a topic block's heading ("<job> — <topic>")."""
    return " — " in message.split("\n", 1)[0]


def fold(text: str) -> str:
    """Lower-case, accent-free, spaces folded (non-breaking ones too; lines kept), typographic
    apostrophes straightened: how replies and extracts are compared."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"[^\S\n]+", " ", text)
    return re.sub(r" ?\n ?", "\n", text).strip()


def digits(text: str) -> str:
    """"1 919 €" → "1919 €": digit groups joined, so that extracts match however spaced."""
    return re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)


def quotes(message: str, extract: str) -> bool:
    """Whether ``message`` holds ``extract``; a number only as a whole number ("7" is not in
    "1 766")."""
    wanted = digits(fold(extract))
    pattern = re.escape(wanted)
    if wanted[:1].isdigit():
        pattern = r"(?<![\d])" + pattern
    if wanted[-1:].isdigit():
        pattern += r"(?![\d])"
    return re.search(pattern, digits(message)) is not None


def sheet_figures(store: KnowledgeStore) -> Set[str]:
    """Every number the sheets print, as digit strings."""
    found: Set[str] = set()
    for sheet in store.jobs:
        found.update(_numbers(json.dumps(json.loads(sheet.json()), ensure_ascii=False)))
    return found | derived_figures(store)


def derived_figures(store: KnowledgeStore) -> Set[str]:
    """Figures the bot may state that no sheet prints as such: the women's share, derived from
    the men's (100 − 43 = 57), and the total of an age distribution the sheet rounded."""
    derived = {"100"}
    for sheet in store.jobs:
        market = sheet.labour_market
        if market and market.men_share:
            derived.add(str(100 - market.men_share.value))
        if sheet.age_distribution:
            derived.add(str(sum(band.percent for band in sheet.age_distribution)))
    return derived


def _numbers(text: str) -> Set[str]:
    text = URL.sub(" ", fold(text))
    return {re.sub(r"[ .,]", "", number) for number in NUMBER.findall(digits(text))}


@dataclass
class Expectation:
    job: Optional[str] = None
    topic: Optional[Topic] = None
    answer: Optional[str] = None
    items: List[str] = field(default_factory=list)
    yes: Optional[bool] = None
    unknown_job: bool = False

    @classmethod
    def read(cls, raw: dict) -> "Expectation":
        if raw.get("unknown_job"):
            return cls(unknown_job=True)
        answer = raw.get("answer")
        if answer not in ANSWERS:
            raise ValueError(f"answer: {answer!r} is none of {ANSWERS}")
        # `yes:` unquoted is read by YAML 1.1 as the key True.
        yes = raw.get("yes", raw.get(True))
        items = [str(item) for item in raw.get("items") or []]  # "- 43": a number in YAML
        return cls(job=raw["job"], topic=Topic(raw["topic"]), answer=answer, items=items,
                   yes=yes)


@dataclass
class TurnVerdict:
    text: str
    reply: List[str]
    right: bool
    problems: List[str]


@dataclass
class ConversationVerdict:
    id: str
    category: str
    turns: List[TurnVerdict]

    @property
    def right(self) -> bool:
        return all(turn.right for turn in self.turns)


class Judge:
    def __init__(self, store: KnowledgeStore) -> None:
        self._store = store
        self._figures = sheet_figures(store)
        self._by_name = {fold(sheet.name): sheet for sheet in store.jobs}

    def prints(self, sheet: JobSheet, extract: str) -> bool:
        """Whether ``extract`` is in what the sheet prints (accents, case and digit spacing aside),
        or a figure the bot may derive from it."""
        printed = digits(fold(json.dumps(json.loads(sheet.json()), ensure_ascii=False)))
        wanted = digits(fold(extract))
        return wanted in printed or wanted in derived_figures(self._store)

    def sheet(self, job_id: str) -> JobSheet:
        sheet = self._store.get(job_id)
        if sheet is None:
            raise ValueError(f"job: unknown job {job_id!r}")
        return sheet

    # What one message says ------------------------------------------------------------------

    def _heading(self, message: str) -> Optional[tuple]:
        """(sheet, topic) of a message that starts with a topic block's heading."""
        first = message.split("\n", 1)[0]
        for sheet in self._store.jobs:
            for topic in Topic:
                if first == fold(f"{sheet.name} — {TOPIC_NAMES[topic][0]}"):
                    return sheet, topic
        return None

    def _silent_sheets(self, message: str) -> List[JobSheet]:
        """The sheets a message says are silent (every sheet, for "aucune de mes fiches")."""
        named = [self._by_name.get(name.strip()) for name in SILENT_SHEET.findall(message)]
        named += [self._by_name.get(name.strip()) for name in SILENT_IN_COMPARISON.findall(message)]
        silent = [sheet for sheet in named if sheet is not None]
        silent.extend(sheet for sheet, _ in self._sole_sheet_silences(message))
        if SILENT_EVERY_SHEET.search(message):
            silent.extend(self._store.jobs)
        return silent

    def _names(self, message: str, sheet: JobSheet) -> bool:
        return fold(sheet.name) in message

    def _is_comparison_of(self, message: str, topic: Topic) -> bool:
        heading = fold(TOPIC_NAMES[topic][0])
        return message.startswith(f"{heading} — comparaison") or (
            message.startswith("comparaison de") and f"\n{heading}\n" in f"\n{message}\n"
        )

    # Expectations ----------------------------------------------------------------------------

    def _meets(self, expectation: Expectation, message: str, reply: Sequence[str]) -> bool:
        if expectation.unknown_job:
            return UNKNOWN_JOB_SENTENCE in message
        sheet = self.sheet(expectation.job)
        heading = self._heading(message)
        silent = sheet in self._silent_sheets(message)
        if expectation.answer == TOPIC and not silent and self._quotes_topic(message, sheet, expectation.topic):
            return True
        if expectation.answer == ABSENT and self._names(message, sheet) and fold(NOT_AVAILABLE) in message:
            # "Volume d'embauche : non disponible (la fiche indique « NA »)" says the figure is
            # not there, as a user reads it.
            return True
        if expectation.answer == ABSENT or (expectation.answer == TOPIC and not sheet_holds(sheet, expectation.topic)):
            return silent and not any(self._heading(other) == (sheet, expectation.topic) for other in reply)
        if silent:
            # A sheet without the topic that says what it holds of it elsewhere answers a detail
            # with it ("pas de partie « Compétences numériques » dans la fiche, qui cite toutefois
            # « Maîtrise des outils informatiques »").
            if expectation.answer == PRESENT:
                said = self._part_on(message, sheet)
                return CITED_ELSEWHERE in said and any(quotes(said, item) for item in expectation.items)
            # A question on a topic may ask a detail of it that the sheet lacks ("c'est du 9h-17h
            # ?" under the conditions of work): saying so answers it.
            return expectation.answer == TOPIC and self._silent_on_a_detail_of(message, sheet, expectation.topic)
        if expectation.answer == TOPIC:
            return heading == (sheet, expectation.topic) or (
                self._is_comparison_of(message, expectation.topic) and self._names(message, sheet))
        # A detail the sheet holds: an extract of it, in a message naming the sheet that is not a
        # whole topic block (a short block is the detail itself: the code ROME).
        if heading is not None and message.count("\n") > MAX_DETAIL_BLOCK_LINES \
                and not self._asks_the_list(expectation, *heading):
            return False
        if not self._names(message, sheet) and not (heading and heading[0].id == sheet.id):
            return False
        return any(quotes(message, item) for item in expectation.items)

    def _asks_the_list(self, expectation: Expectation, sheet: JobSheet, topic: Topic) -> bool:
        """Whether the extracts expected are at least half of the items of the topic's block: the
        question asks for the list itself ("vers quels postes peut-on évoluer ?"), which the
        block of a one-list topic is."""
        if topic is not expectation.topic:
            return False
        items = {fold(text) for text in topic_item_texts(sheet, topic)}
        asked = {fold(extract) for extract in expectation.items}
        return bool(items) and 2 * len(items & asked) >= len(items)

    def _part_on(self, message: str, sheet: JobSheet) -> str:
        """The lines of a comparison under ``sheet``'s name, or the whole message."""
        start = message.find(f"{fold(sheet.name)} :")
        if start < 0:
            return message
        ends = [message.find(f"\n{fold(other.name)} :", start + 1) for other in self._store.jobs if other.id != sheet.id]
        return message[start:min([end for end in ends if end > 0], default=len(message))]

    def first_answers(self, expectation: Expectation, messages: Sequence[dict]) -> bool:
        """Whether the reply starts with what ``expectation`` asks (its first message but a note
        on the language)."""
        reply = [fold(message.get("text") or "") for message in messages if message.get("text")]
        reply = [message for message in reply if not message.startswith(LANGUAGE_NOTE)]
        return bool(reply) and self._meets(expectation, reply[0], reply)

    def _silent_on_a_detail_of(self, message: str, sheet: JobSheet, topic: Topic) -> bool:
        """The message says the sheet is silent on a detail of ``topic`` it indeed does not answer."""
        for silent, subject in self._silences(message):
            detail = self._detail_named(subject)
            if silent.id == sheet.id and detail is not None and self._store.details.topic(detail.id) is topic:
                return not self._store.details.reading(sheet, detail.id).answered
        return False

    def _detail_named(self, subject: str):
        subject = subject.strip().rstrip(".")
        return next((detail for detail in self._store.details.details if fold(detail.name) == subject), None)

    def _quotes_topic(self, message: str, sheet: JobSheet, topic: Topic) -> bool:
        """A precise answer within the topic asked: the sheet named, and one of the topic's
        items quoted, or one of the items that answer a detail of the topic (a whole-topic
        question answered by its most relevant items; "faut-il être bon en informatique ?",
        asked of the digital skills, answered by « Maîtrise des outils informatiques »)."""
        if not self._names(message, sheet) or heading_line(message):
            return False
        linked = [item for detail in self._store.details.of_topic(topic)
                  for item in self._store.details.reading(sheet, detail.id).items]
        texts = [*topic_item_texts(sheet, topic), *(item_text(sheet, item) for item in linked)]
        return any(fold(text) in message for text in texts)

    # A turn ------------------------------------------------------------------------------------

    def judge_turn(self, text: str, messages: Sequence[dict], expectations: Sequence[Expectation],
                   ordered: bool) -> TurnVerdict:
        reply = [fold(message.get("text") or "") for message in messages if message.get("text")]
        reply = [message for message in reply if not message.startswith(LANGUAGE_NOTE)]
        problems: List[str] = []
        unmet: List[Expectation] = []
        # Asks are answered in the order asked; the jobs answering one ask, in any order.
        position = asked_from = 0
        for number, expectation in enumerate(expectations):
            if number and expectation.topic != expectations[number - 1].topic:
                asked_from = position
            start = asked_from if ordered else 0
            found = next((index for index in range(start, len(reply))
                          if self._meets(expectation, reply[index], reply)), None)
            if found is None:
                problems.append(f"expectation {number + 1} not met: {_describe(expectation)}")
                unmet.append(expectation)
                continue
            if expectation.answer == PRESENT and expectation.yes and not reply[found].startswith("oui"):
                problems.append(f"expectation {number + 1}: the sheet supports a yes, not said first")
            position = found
        problems.extend(self._broken_promises(text, reply, expectations, unmet))
        return TurnVerdict(text=text, reply=reply, right=not problems, problems=problems)

    def _broken_promises(self, text: str, reply: Sequence[str], expectations: Sequence[Expectation],
                         unmet: Sequence[Expectation]) -> List[str]:
        problems = []
        # "Oui" is unsupported where the annotation says the sheet does not say yes, or that
        # nothing the sheet holds answers the question.
        refused = any(expectation.yes is False for expectation in expectations) or not any(
            expectation.answer == PRESENT for expectation in expectations)
        if refused and not any(expectation.yes for expectation in expectations) \
                and any(message.startswith("oui") for message in reply):
            problems.append("unsupported oui")
        # "Nothing on it" is false where it says so of a fact the sheet holds, or where it stands
        # in place of an answer the sheet holds (an expectation on that sheet left unmet).
        missed = {expectation.job for expectation in unmet if expectation.job and (
            expectation.answer == PRESENT
            or (expectation.answer == TOPIC and sheet_holds(self.sheet(expectation.job), expectation.topic)))}
        for message in reply:
            for sheet, subject in self._silences(message):
                if sheet.id in missed or self._holds(sheet, subject):
                    problems.append(f"false nothing on it: {sheet.id}")
        allowed = self._figures | _numbers(text)
        foreign = sorted({number for message in reply for number in _numbers(message)} - allowed)
        if foreign:
            problems.append(f"figures absent from the sheets: {foreign}")
        return problems

    def _silences(self, message: str) -> List[tuple]:
        """(sheet, what it is said to be silent on) for each such sentence of ``message``."""
        found = [(self._by_name.get(name.strip()), subject) for name, subject in SILENT_ON.findall(message)]
        found += [(self._by_name.get(name.strip()), "") for name in SILENT_IN_COMPARISON.findall(message)]
        found += self._sole_sheet_silences(message)
        if SILENT_EVERY_SHEET.search(message):
            found += [(sheet, "") for sheet in self._store.jobs]
        return [(sheet, subject) for sheet, subject in found if sheet is not None]

    def _sole_sheet_silences(self, message: str) -> List[tuple]:
        """(sheet, subject) for every sheet but the one a message says is the only one on it."""
        found = []
        for name, subject in SOLE_SHEET.findall(message):
            sole = self._by_name.get(name.strip())
            found += [(sheet, subject) for sheet in self._store.jobs if sole is not None and sheet.id != sole.id]
        return found

    def _holds(self, sheet: JobSheet, subject: str) -> bool:
        """Whether the sheet holds the detail or topic ``subject`` names (as the bot names them)."""
        detail = self._detail_named(subject)
        if detail is not None:
            return self._store.details.reading(sheet, detail.id).answered
        subject = subject.strip().rstrip(".")
        for topic in Topic:
            if fold(TOPIC_NAMES[topic][1]) == subject:
                return sheet_holds(sheet, topic)
        return False


def _describe(expectation: Expectation) -> str:
    if expectation.unknown_job:
        return "unknown job"
    items = f" {expectation.items}" if expectation.items else ""
    return f"{expectation.job} {expectation.topic.value} {expectation.answer}{items}"


def read_conversations(raw: dict) -> List[dict]:
    """The conversations of a set, each turn's expectations read (an error names the id)."""
    conversations = raw["conversations"]
    for conversation in conversations:
        if conversation["category"] not in CATEGORIES:
            raise ValueError(f"{conversation['id']}: category {conversation['category']!r}")
        for turn in conversation["turns"]:
            try:
                turn["expectations"] = [Expectation.read(entry) for entry in turn["expect"]]
            except (KeyError, ValueError) as error:
                raise ValueError(f"{conversation['id']}: {error}") from None
    return conversations


def summary(verdicts: Iterable[ConversationVerdict]) -> Dict[str, object]:
    verdicts = list(verdicts)
    by_category: Dict[str, List[ConversationVerdict]] = {}
    for verdict in verdicts:
        by_category.setdefault(verdict.category, []).append(verdict)
    problems = Counter(
        re.sub(r":.*", "", problem) if not problem.startswith("expectation") else "expectation not met"
        for verdict in verdicts for turn in verdict.turns for problem in turn.problems
    )
    return {
        "conversations": len(verdicts),
        "right": round(sum(verdict.right for verdict in verdicts) / max(1, len(verdicts)), 4),
        "by_category": {
            category: round(sum(verdict.right for verdict in found) / len(found), 4)
            for category, found in sorted(by_category.items())
        },
        "unsupported_oui": problems["unsupported oui"],
        "false_nothing": problems["false nothing on it"],
        "foreign_figures": problems["figures absent from the sheets"],
    }
