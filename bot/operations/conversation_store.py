"""The conversation store that ``endpoints.yml`` names, opened for the operator's tools.

Rasa's SQL tracker store keeps every event of every conversation in one ``events`` table
(``sender_id``, ``type_name``, ``timestamp``, ``data``…), in SQLite by default or in
PostgreSQL with several servers (``deploy/endpoints-multi.yml``). The connection is built
from the same section, ``${VARIABLES}`` expanded as Rasa does, by Rasa's own code, so the
tools read exactly the store the bot writes.
"""
from __future__ import annotations

import argparse
import os
import re
import warnings
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Optional, Tuple

import sqlalchemy as sa
import yaml

DEFAULT_ENDPOINTS = Path("endpoints.yml")
EVENTS_TABLE = "events"
# The period the operator's reports cover unless FROM= / TO= say otherwise.
DEFAULT_DAYS = 30


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


def _day(text: str, option: str) -> datetime:
    try:
        return datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise ConversationStoreError(f"{option} doit être une date AAAA-MM-JJ (reçu : {text})") from None


def period(start: str = "", end: str = "", now: Optional[datetime] = None) -> Tuple[datetime, datetime]:
    """The period ``FROM=`` / ``TO=`` name (days ``AAAA-MM-JJ``, ``TO`` included, local time);
    by default the last ``DEFAULT_DAYS`` days until ``now``."""
    until = _day(end, "TO") + timedelta(days=1) if end else (now or datetime.now())
    since = _day(start, "FROM") if start else until - timedelta(days=DEFAULT_DAYS)
    if since >= until:
        raise ConversationStoreError(f"FROM doit précéder TO (reçu : {start} et {end})")
    return since, until


def period_label(since: datetime, until: datetime) -> str:
    """« du 01/11/2026 au 30/11/2026 »."""
    return f"du {since:%d/%m/%Y} au {(until - timedelta(seconds=1)):%d/%m/%Y}"


def period_parser(module: str, description: str, out: Path, out_help: str = "") -> argparse.ArgumentParser:
    """The options of an operator's tool: ``--endpoints``, ``--from`` / ``--to`` (the period)
    and ``--out``."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoints", type=Path, default=DEFAULT_ENDPOINTS)
    parser.add_argument("--from", dest="start", default="", help="premier jour, AAAA-MM-JJ")
    parser.add_argument("--to", dest="end", default="", help="dernier jour, AAAA-MM-JJ")
    parser.add_argument("--out", type=Path, default=out, help=out_help or None)
    return parser
