"""The one fact a question points at, said before the rest of the topic.

"le salaire médian", "les moins de 25 ans", "faut-il parler anglais ?": the question
shares a rare word with one item of the sheet's topic (``rendering.ITEMS``). That item
is quoted first, with a plain "Oui" when the question is a yes/no one and the item
states it. Never a "non": a sheet that does not say something in the question's words
may say it in others, and the whole topic follows anyway.
"""
from __future__ import annotations

import re
from math import log
from typing import Dict, List, Optional, Set

from spacy.lang.fr.stop_words import STOP_WORDS

from actions import rendering
from knowledge.schema import JobSheet
from knowledge.store import normalize, strip_accents
from knowledge.topics import Topic

# Topics whose items are what the job is or brings: a yes/no question one of them
# answers gets "Oui". Options (training), figures and lists of names are quoted only.
YES_TOPICS = frozenset({Topic.ACTIVITIES, Topic.ENVIRONMENT, Topic.SKILLS, Topic.PROS, Topic.CONS, Topic.MOBILITY,
                        Topic.TRENDS})
# Words that ask for information rather than a yes or a no.
QUESTION_WORDS = frozenset({"quel", "quelle", "quels", "quelles", "combien", "comment", "pourquoi", "quoi", "qui",
                            "lequel", "laquelle", "lesquels", "lesquelles", "cb", "koi", "kel", "kelle"})
STEM_LENGTH = 5
# spaCy's French stop words, but for those that tell facts apart ("moins de 25 ans").
_STOP = frozenset(normalize(word) for word in STOP_WORDS) - {"moin", "plu"}
# More items equally pointed at than this, and the question points at none in particular.
MAX_QUOTED = 3


def _stems(text: str) -> Set[str]:
    """Content words, accent-free, cut to their first letters ("anglais" → "angla");
    numbers kept whole ("25")."""
    return {
        word if word.isdigit() else word[:STEM_LENGTH]
        for word in normalize(text).split()
        if word.isdigit() or (len(word) >= 3 and word not in _STOP)
    }


def is_yes_no(question: str) -> bool:
    words = set(re.findall(r"\w+", strip_accents(question).lower()))
    return question.rstrip().endswith("?") and not words & QUESTION_WORDS


def pointed_items(items: List[str], question: str, ignored: Set[str]) -> List[str]:
    """The items sharing the rarest words with the question ("chargé de clientèle":
    both "Chargé de clientèle …" items), if a few stand out.

    A word found in more than half the items ("salaire" in the salary lines) points at none."""
    asked = _stems(question) - ignored
    item_stems = [_stems(item) for item in items]
    frequency: Dict[str, int] = {}
    for stems in item_stems:
        for stem in stems:
            frequency[stem] = frequency.get(stem, 0) + 1
    rare = {stem for stem in asked if 0 < frequency.get(stem, 0) <= len(items) / 2}
    scores = [sum(log(len(items) / frequency[stem]) + 1 for stem in stems & rare) for stems in item_stems]
    best = max(scores, default=0)
    if best == 0 or scores.count(best) > MAX_QUOTED:
        return []
    return [item for item, score in zip(items, scores) if score == best]


def lead(sheet: JobSheet, topic: Topic, question: str) -> Optional[str]:
    """What to say before the topic's full answer, or ``None``."""
    if topic not in rendering.ITEMS or not question:
        return None
    # The job's own name points at nothing ("gestionnaire" in "Gestionnaire flux"), nor
    # do the words that name the topic ("métier" in "tendances d'évolution du métier").
    names = (sheet.name, sheet.masculine, sheet.feminine or "", *rendering.TOPIC_NAMES[topic])
    ignored = set().union(*(_stems(name) for name in names))
    items = pointed_items(rendering.ITEMS[topic](sheet), question, ignored)
    if not items:
        return None
    return rendering.quoted_items(items, yes=is_yes_no(question) and topic in YES_TOPICS)
