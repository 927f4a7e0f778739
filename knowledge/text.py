"""The plain form of what people type, in which names, topic words and details are compared."""
from __future__ import annotations

import re
import unicodedata


def strip_accents(text: str) -> str:
    """"Opératrice" → "Operatrice"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


def normalize(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form used to compare job names.

    "Opératrice de BACK-office" and "operatrice backoffice" both give
    "operatrice back office"; plurals are folded ("traitements" = "traitement").
    """
    text = strip_accents(text).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"\bbackoffice\b", "back office", text)
    words = (_singular(word) for word in text.split() if word not in LINKING_WORDS)
    return " ".join(words)


# Dropped when comparing names: "opérateur de back-office" = "opérateur back-office";
# "ce métier" is not "code métier".
LINKING_WORDS = frozenset({
    "a", "au", "aux", "ce", "ces", "cet", "cette", "d", "de", "des", "du", "en", "et", "l", "la",
    "le", "les", "ou", "sa", "ses", "son", "un", "une",
})


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word
