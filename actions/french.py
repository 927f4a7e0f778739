"""French typography: numbers, amounts, percentages and spacing before punctuation."""
from __future__ import annotations

import re
from typing import Iterable

NBSP = "\u00a0"  # espace insécable: before « : », « € », « % », inside « »
NNBSP = "\u202f"  # espace fine insécable: before « ? ! ; », between digit groups
BULLET = "•"

_URL = re.compile(r"(https?://\S+)")
_SPACE_BEFORE_HIGH_PUNCTUATION = re.compile(r"([^\s?!;])[ \u00a0\u202f]*([?!;]+)")
_SPACE_BEFORE_COLON = re.compile(r"([^\s:])[ \u00a0\u202f]*:(?=\s|$)")
_OPENING_QUOTE = re.compile(r"«[ \u00a0]*")
_CLOSING_QUOTE = re.compile(r"[ \u00a0]*»")


def number(value: int) -> str:
    """``1766`` → ``1 766`` (narrow no-break space between groups of three digits)."""
    return f"{value:,}".replace(",", NNBSP)


def euros(value: int) -> str:
    return f"{number(value)}{NBSP}€"


def thousand_euros(value: int) -> str:
    return f"{number(value)}{NBSP}k€"


def percent(value: int) -> str:
    return f"{value}{NBSP}%"


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"{BULLET} {item}" for item in items)


def typeset(text: str) -> str:
    """Put the French non-breaking spaces before ``? ! ; :`` and inside « ».

    Web addresses are left as they are (their ``?`` and ``:`` are not punctuation).
    """
    return "".join(
        part if _URL.fullmatch(part) else _typeset_prose(part) for part in _URL.split(text)
    )


def _typeset_prose(text: str) -> str:
    text = _SPACE_BEFORE_HIGH_PUNCTUATION.sub(rf"\1{NNBSP}\2", text)
    text = _SPACE_BEFORE_COLON.sub(rf"\1{NBSP}:", text)
    text = _OPENING_QUOTE.sub("«" + NBSP, text)
    return _CLOSING_QUOTE.sub(NBSP + "»", text)
