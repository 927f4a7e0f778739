"""Personal data in what people type: masked before any report or export shows it.

People write their e-mail address, their phone number, sometimes a bank account number to a
job bot. The operator's tools show the questions (to improve the bot) but never these: each is
replaced by a label saying what was there. Sender ids are never shown in clear either, but as a
keyed hash (a pseudonym) that the same key always gives again, so that the conversations of
one person can still be found and erased on request (``make forget``).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

KEY_ENV = "BACKOFFICE_PSEUDONYM_KEY"
DEFAULT_KEY_FILE = Path("var") / "pseudonym.key"
PSEUDONYM_LENGTH = 12

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# IBAN: two letters, two check digits, then 11 to 30 letters or digits, often in groups of four.
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b", re.IGNORECASE)
# French numbers: +33 or 0033 then 9 digits, or 0 then 9 digits; spaces, dots or dashes between.
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?!\d)")
# Any other long number (card, social security, customer or account number): 9 digits or more.
LONG_NUMBER = re.compile(r"(?<!\w)\d(?:[\s.-]?\d){8,}(?!\w)")

MASKS = (
    (EMAIL, "[adresse e-mail]"),
    (IBAN, "[IBAN]"),
    (PHONE, "[téléphone]"),
    (LONG_NUMBER, "[numéro]"),
)


def mask_personal_data(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers, IBANs and long numbers replaced by labels."""
    for pattern, label in MASKS:
        text = pattern.sub(label, text)
    return text


def pseudonym_key(key_file: Path = DEFAULT_KEY_FILE) -> bytes:
    """The key of the pseudonyms: ``BACKOFFICE_PSEUDONYM_KEY``, or a random key kept in
    ``key_file`` (created on first use, readable by its owner only)."""
    from_env = os.environ.get(KEY_ENV)
    if from_env:
        return from_env.encode("utf-8")
    if not key_file.is_file():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as written:
            written.write(secrets.token_hex(32))
    return key_file.read_text().strip().encode("utf-8")


def pseudonym(sender_id: str, key: bytes) -> str:
    """The keyed hash shown instead of ``sender_id``."""
    return hmac.new(key, sender_id.encode("utf-8"), hashlib.sha256).hexdigest()[:PSEUDONYM_LENGTH]
