"""The conversation store that ``endpoints.yml`` names, opened for the operator's tools.

Rasa's SQL tracker store keeps every event of every conversation in one ``events`` table
(``sender_id``, ``type_name``, ``timestamp``, ``data``…), in SQLite by default or in
PostgreSQL with several servers (``deploy/endpoints-multi.yml``). The connection is built
from the same section, ``${VARIABLES}`` expanded as Rasa does, by Rasa's own code, so the
tools read exactly the store the bot writes.
"""
from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml

DEFAULT_ENDPOINTS = Path("endpoints.yml")
EVENTS_TABLE = "events"


class ConversationStoreError(Exception):
    """The store named by the endpoints file cannot be opened (message in French)."""


def _expanded(value: Any, endpoints: Path) -> Any:
    """``value`` with its ``${VARIABLES}`` replaced, as Rasa does; a missing one is named."""
    if not isinstance(value, str):
        return value
    expanded = os.path.expandvars(value)
    missing = re.findall(r"\$\{?(\w+)", expanded)
    if missing:
        raise ConversationStoreError(f"{endpoints} : variable d'environnement non définie : {', '.join(missing)}")
    return expanded


def store_url(endpoints: Path = DEFAULT_ENDPOINTS):
    """The SQLAlchemy URL of the ``tracker_store`` section of ``endpoints`` (the other sections,
    and the variables they need, are not read)."""
    from rasa.core.tracker_store import SQLTrackerStore

    if not endpoints.is_file():
        raise ConversationStoreError(f"{endpoints} : fichier introuvable")
    section = (yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}).get("tracker_store") or {}
    options = {name: _expanded(value, endpoints) for name, value in section.items()}
    if str(options.get("type", "")).lower() != "sql":
        raise ConversationStoreError(
            f"{endpoints} : tracker_store doit être de type SQL (SQLite ou PostgreSQL) ; "
            "les outils d'exploitation ne lisent que celui-là"
        )
    with warnings.catch_warnings():
        # Rasa 3.6 builds the URL with a constructor SQLAlchemy 1.4 calls deprecated.
        warnings.simplefilter("ignore", sa.exc.SADeprecationWarning)
        return SQLTrackerStore.get_db_url(
            dialect=options.get("dialect", "sqlite"),
            host=options.get("url"),
            port=options.get("port"),
            db=options.get("db", "rasa.db"),
            username=options.get("username"),
            password=options.get("password"),
            query=options.get("query"),
        )


def open_store(endpoints: Path = DEFAULT_ENDPOINTS) -> sa.engine.Engine:
    """An engine on the conversation store; fails in French if it holds no conversation table."""
    url = sa.engine.make_url(store_url(endpoints))
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        # Opening it would create an empty file.
        raise ConversationStoreError(f"{url.database} : aucune conversation enregistrée (fichier absent)")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            found = sa.inspect(connection).has_table(EVENTS_TABLE)
    except sa.exc.OperationalError as error:
        raise ConversationStoreError(f"magasin de conversations injoignable : {error.orig}") from error
    if not found:
        raise ConversationStoreError(
            f"{endpoints} : le magasin de conversations n'a pas encore de table {EVENTS_TABLE} "
            "(aucune conversation enregistrée)"
        )
    return engine
