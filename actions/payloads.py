"""What the bot's buttons send back: short `/intent{…}` messages, and the check that each one
a knowledge base can produce fits Telegram's limit on a button's data."""
from __future__ import annotations

import json
from typing import Dict, List, Optional, Sequence

from actions.names import ENTITY_FAMILY, ENTITY_JOB, ENTITY_PAGE, ENTITY_TOPIC, INTENT_ASK, INTENT_INFORM, INTENT_LIST_JOBS
from knowledge.loader import KnowledgeError
from knowledge.schema import JobSheet
from knowledge.store import KnowledgeStore
from knowledge.topics import Topic, sheet_holds

# Telegram refuses a message whose button carries more data than this.
MAX_PAYLOAD_BYTES = 64
# The highest page number a family's "next page" button is checked for.
MAX_CHECKED_PAGE = 99


def _compact(intent: str, entities: Dict[str, str]) -> str:
    return f"/{intent}{json.dumps(entities, ensure_ascii=False, separators=(',', ':'))}"


def ask_payload(sheet: Optional[JobSheet], topic: Optional[Topic] = None) -> str:
    """The message a button sends to ask ``topic`` (or the last topics) about ``sheet``
    (or, with no sheet, about the job in focus)."""
    entities: Dict[str, str] = {ENTITY_JOB: sheet.id} if sheet else {}
    if topic is not None:
        entities[ENTITY_TOPIC] = topic.value
    return _compact(INTENT_ASK if topic else INTENT_INFORM, entities)


def family_payload(family: str, page: int = 1) -> str:
    return _compact(INTENT_LIST_JOBS, {ENTITY_FAMILY: family, **({ENTITY_PAGE: str(page)} if page > 1 else {})})


def job_buttons(sheets: Sequence[JobSheet]) -> List[Dict[str, str]]:
    return [{"title": sheet.name, "payload": ask_payload(sheet)} for sheet in sheets]


def _too_long(payload: str) -> int:
    return max(0, len(payload.encode()) - MAX_PAYLOAD_BYTES)


def check_buttons_fit(store: KnowledgeStore, other_family: str) -> None:
    """Refuse, naming the sheet and the field, a sheet whose id or family would make a button
    too long for Telegram (the whole message would then be refused, not just the button)."""
    for sheet in store.jobs:
        longest = max((ask_payload(sheet, topic) for topic in Topic if sheet_holds(sheet, topic)), key=len,
                      default=ask_payload(sheet))
        excess = _too_long(longest)
        if excess:
            raise KnowledgeError(
                f"fiche « {sheet.id} » : id : trop long de {excess} octet(s) : "
                f"le bouton « {longest} » dépasse les {MAX_PAYLOAD_BYTES} octets que Telegram accepte"
            )
        excess = _too_long(family_payload(sheet.family or other_family, MAX_CHECKED_PAGE))
        if excess:
            raise KnowledgeError(
                f"fiche « {sheet.id} » : family : « {sheet.family} » trop long de {excess} octet(s) "
                f"pour un bouton (Telegram accepte {MAX_PAYLOAD_BYTES} octets)"
            )
