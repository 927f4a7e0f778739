"""Where the question is in a message, and the asks it may join.

- ``question_focus``: in a message of several sentences ("J'ai été vendeuse dix ans. Je n'en
  peux plus d'être debout. Quelle formation pour devenir opératrice ?"), the sentences that
  ask something; the asker's own story around them is not the question.
- ``clauses``: the parts of a question that may each ask something ("quel salaire et quelles
  études ?", "les bons et les mauvais côtés", "le salaire à l'embauche, le médian et le
  maximum"), split where French joins asks.

Both give spans of the message, so that what is found in them keeps its place in the text.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from knowledge.text import strip_accents

Span = Tuple[int, int]
# Ends of sentences; a question mark ends a question.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
# Words that open a question ("quel", "combien", "est-ce que", "faut-il"…), accent-free.
_ASKING = re.compile(
    r"\b(?:quel|quelle|quels|quelles|combien|comment|pourquoi|quoi|qui|lequel|laquelle|cb|koi|kel|est ce|est-ce|"
    r"faut il|faut-il|peut on|peut-on|y a t il|y a-t-il|y a|ya|c est quoi|c'est quoi|je voudrais savoir|"
    r"j aimerais savoir|j'aimerais savoir|pouvez vous|pouvez-vous|pourriez vous|pourriez-vous|dites moi|dites-moi|"
    r"dis moi|dis-moi|tu peux|vous pouvez)\b"
)
# Where French joins two asks: "et", "ainsi que", "puis", "aussi", a comma, a semicolon, "?".
_JOINS = re.compile(r"\?|;|,|\bet\b|\bainsi que\b|\bpuis\b|\baussi\b|\s\+\s|\s/\s", re.IGNORECASE)
# A clause shorter than this (in letters) asks nothing on its own ("et", "svp").
MIN_CLAUSE_LETTERS = 4


def _sentences(text: str) -> List[Span]:
    return [(match.start(), match.end()) for match in _SENTENCE.finditer(text) if match.group().strip()]


def _asks_something(sentence: str) -> bool:
    plain = strip_accents(sentence).lower()
    return plain.rstrip().endswith("?") or bool(_ASKING.search(plain))


def question_focus(text: str) -> Span:
    """The span from the first sentence that asks something to the end of the last one, in a
    message of several sentences; the whole message otherwise, or when no sentence asks."""
    sentences = _sentences(text)
    if len(sentences) < 2:
        return 0, len(text)
    asking = [span for span in sentences if _asks_something(text[span[0]:span[1]])]
    if not asking:
        return sentences[-1]
    return asking[0][0], asking[-1][1]


def clauses(text: str, span: Span) -> List[Span]:
    """The parts of ``text[span]`` between the words that join asks, each with some letters."""
    start, end = span
    parts, position = [], start
    for join in _JOINS.finditer(text, start, end):
        parts.append((position, join.start()))
        position = join.end()
    parts.append((position, end))
    return [(first, last) for first, last in parts
            if sum(char.isalpha() for char in text[first:last]) >= MIN_CLAUSE_LETTERS]
