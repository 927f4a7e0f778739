"""How long conversations are kept, and erasing one person's conversations on request.

    python -m bot.operations.retention purge --days 30   # `make purge DAYS=30`
    python -m bot.operations.retention forget --sender ID # `make forget SENDER=ID`

Purging removes whole conversation sessions (Rasa starts a new one after an hour of silence:
``session_config`` in ``domain.yml``): every session that started before the session
running at the limit, and a conversation whose last message is older than the limit. A session
still running at the limit is kept until it ends, so that a server holding it never writes
back events that were erased under it. Forgetting takes the sender id in clear (a Telegram
user id…) or its pseudonym as the report shows it.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

import sqlalchemy as sa

from actions.french import number
from bot.operations.conversation_store import (
    DEFAULT_ENDPOINTS,
    EVENTS_TABLE,
    ConversationStoreError,
    open_store,
)
from bot.operations.privacy import pseudonym, pseudonym_key

SECONDS_PER_DAY = 86_400
SESSION_STARTED = "session_started"
SESSION_START_ACTION = "action_session_start"
# Rasa 3.6 opens a session with this slot, then the action, then session_started.
SESSION_METADATA_SLOT = "session_started_metadata"


@dataclass(frozen=True)
class Erased:
    conversations: int
    events: int


def _senders(connection: sa.engine.Connection) -> List[str]:
    return list(connection.execute(sa.text(f"SELECT DISTINCT sender_id FROM {EVENTS_TABLE}")).scalars())


def purge(engine: sa.engine.Engine, older_than: float) -> Erased:
    """Erases what is older than the timestamp ``older_than`` (whole sessions, see above)."""
    conversations = events = 0
    with engine.begin() as connection:
        for sender in _senders(connection):
            # The SQL store keeps a slot's name in action_name.
            first_recent_session = connection.execute(
                sa.text(f"SELECT MIN(id) FROM {EVENTS_TABLE} WHERE sender_id = :sender AND timestamp >= :limit "
                        "AND (type_name = :started OR (type_name = 'action' AND action_name = :start_action) "
                        "OR (type_name = 'slot' AND action_name = :metadata))"),
                {"sender": sender, "started": SESSION_STARTED, "start_action": SESSION_START_ACTION,
                 "metadata": SESSION_METADATA_SLOT, "limit": older_than},
            ).scalar()
            if first_recent_session is not None:
                erased = connection.execute(
                    sa.text(f"DELETE FROM {EVENTS_TABLE} WHERE sender_id = :sender AND id < :first"),
                    {"sender": sender, "first": first_recent_session},
                ).rowcount
            else:
                last = connection.execute(
                    sa.text(f"SELECT MAX(timestamp) FROM {EVENTS_TABLE} WHERE sender_id = :sender"),
                    {"sender": sender},
                ).scalar()
                erased = 0
                if last is not None and last < older_than:
                    erased = connection.execute(
                        sa.text(f"DELETE FROM {EVENTS_TABLE} WHERE sender_id = :sender"), {"sender": sender}
                    ).rowcount
            conversations += erased > 0
            events += erased
    return Erased(conversations, events)


def forget(engine: sa.engine.Engine, sender: str, key: bytes) -> Erased:
    """Erases every event of the conversations of ``sender`` (an id in clear or its pseudonym)."""
    with engine.begin() as connection:
        matching = [known for known in _senders(connection) if sender in (known, pseudonym(known, key))]
        events = sum(
            connection.execute(
                sa.text(f"DELETE FROM {EVENTS_TABLE} WHERE sender_id = :sender"), {"sender": known}
            ).rowcount
            for known in matching
        )
    return Erased(len(matching), events)


def _said(erased: Erased) -> str:
    if not erased.conversations:
        return "Aucune conversation effacée."
    plural = "s" if erased.conversations > 1 else ""
    return (f"{number(erased.conversations)} conversation{plural} effacée{plural} "
            f"({number(erased.events)} événement{'s' if erased.events > 1 else ''}).")


def main(arguments: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.operations.retention", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoints", type=Path, default=DEFAULT_ENDPOINTS)
    commands = parser.add_subparsers(dest="command", required=True)
    purge_command = commands.add_parser("purge", help="efface ce qui a plus de N jours")
    purge_command.add_argument("--days", type=int, required=True)
    forget_command = commands.add_parser("forget", help="efface les conversations d'une personne")
    forget_command.add_argument("--sender", required=True)
    options = parser.parse_args(arguments)
    try:
        if options.command == "purge" and options.days < 0:
            raise ConversationStoreError("DAYS doit être un nombre de jours positif ou nul")
        if options.command == "forget" and not options.sender.strip():
            raise ConversationStoreError("SENDER est vide : donnez l'identifiant ou le pseudonyme")
        engine = open_store(options.endpoints)
        if options.command == "purge":
            erased = purge(engine, time.time() - options.days * SECONDS_PER_DAY)
            print(f"Conservation de {options.days} jours : {_said(erased)}")
        else:
            erased = forget(engine, options.sender.strip(), pseudonym_key())
            print(f"Effacement demandé : {_said(erased)}")
    except ConversationStoreError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
