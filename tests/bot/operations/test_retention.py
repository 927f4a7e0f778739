"""Purge and forget on the real stores: conversations written by Rasa's own SQL tracker store
(SQLite, and PostgreSQL with the shipped multi-instance settings), read back by it."""
import asyncio
import os
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.operations import retention
from bot.operations.conversation_store import open_store
from bot.operations.privacy import KEY_ENV, pseudonym
from tests.databases import postgres_server
from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[3]
DAY = 86_400
NOW = time.time()
KEY = b"cle-des-tests"


def session(start: float, *questions: str) -> list:
    """The events of one conversation session starting at ``start``, as Rasa 3.6 writes them (one
    exchange a minute)."""
    events = [SlotSet("session_started_metadata", None, timestamp=start),
              ActionExecuted("action_session_start", timestamp=start), SessionStarted(timestamp=start),
              SlotSet("session_started_metadata", None, timestamp=start), ActionExecuted("action_listen", timestamp=start)]
    for minute, question in enumerate(questions, start=1):
        at = start + 60 * minute
        events += [UserUttered(question, timestamp=at), BotUttered(f"réponse à {question}", timestamp=at + 1),
                   ActionExecuted("action_listen", timestamp=at + 1)]
    return events


def conversations(now: float) -> dict:
    return {
        "ancienne": session(now - 40 * DAY, "salaire opérateur ?"),
        "recente": session(now - 2 * DAY, "formation gestionnaire ?"),
        # Came back: the first session is past the limit, the second one is not.
        "fidele": session(now - 45 * DAY, "avantages ?") + session(now - 1 * DAY, "inconvénients ?"),
        # A session that started before the limit and was still running after it.
        "a-cheval": session(now - 30 * DAY - 120, *[f"question {n}" for n in range(5)]),
    }


# Purged against NOW; the commands purge against the clock, so they get conversations of their own.
CONVERSATIONS = conversations(NOW)


def write(store: SQLTrackerStore, conversations: dict) -> None:
    for sender, events in conversations.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))


def user_texts(store: SQLTrackerStore, sender: str) -> list:
    tracker = asyncio.run(store.retrieve_full_tracker(sender))
    return [event.text for event in tracker.events if isinstance(event, UserUttered)] if tracker else []


def sqlite_store(tmp_path: Path, monkeypatch):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(yaml.safe_dump({"tracker_store": {"type": "SQL", "dialect": "sqlite",
                                                           "db": str(tmp_path / "conversations.db")}}))
    return endpoints, SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "conversations.db"))


@pytest.fixture(scope="module")
def postgres(tmp_path_factory):
    with postgres_server(tmp_path_factory.mktemp("retention-postgres")) as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path, monkeypatch):
    """(endpoints file, Rasa's store) with CONVERSATIONS written in it."""
    if request.param == "sqlite":
        endpoints, rasa_store = sqlite_store(tmp_path, monkeypatch)
    else:
        server = request.getfixturevalue("postgres")
        database = f"retention_{abs(hash(request.node.name)) % 10**8}"
        for name, value in dict(BACKOFFICE_POSTGRES_HOST=server.host, BACKOFFICE_POSTGRES_PORT=str(server.port),
                                BACKOFFICE_POSTGRES_DB=database, BACKOFFICE_POSTGRES_USER=server.user,
                                BACKOFFICE_POSTGRES_PASSWORD=server.password).items():
            monkeypatch.setenv(name, value)
        endpoints = ROOT / "deploy" / "endpoints-multi.yml"
        rasa_store = SQLTrackerStore(Domain.empty(), dialect="postgresql", host=server.host, port=server.port,
                                     db=database, username=server.user, password=server.password,
                                     login_db="postgres")
    write(rasa_store, CONVERSATIONS)
    return endpoints, rasa_store


def test_purge_erases_the_sessions_past_the_limit_and_keeps_the_rest(store):
    endpoints, rasa_store = store
    erased = retention.purge(open_store(endpoints), NOW - 30 * DAY)
    assert erased.conversations == 2
    assert user_texts(rasa_store, "ancienne") == []
    assert user_texts(rasa_store, "fidele") == ["inconvénients ?"]
    assert user_texts(rasa_store, "recente") == ["formation gestionnaire ?"]
    assert len(user_texts(rasa_store, "a-cheval")) == 5
    # Rasa still reads and continues the conversation whose first session went.
    tracker = asyncio.run(rasa_store.retrieve("fidele"))
    tracker.update(UserUttered("et le salaire ?", timestamp=NOW))
    asyncio.run(rasa_store.save(tracker))
    assert user_texts(rasa_store, "fidele") == ["inconvénients ?", "et le salaire ?"]


def test_a_running_session_goes_once_it_is_past_the_limit(store):
    endpoints, rasa_store = store
    retention.purge(open_store(endpoints), NOW - 29 * DAY)
    assert user_texts(rasa_store, "a-cheval") == []
    assert user_texts(rasa_store, "recente") == ["formation gestionnaire ?"]


@pytest.mark.parametrize("named_by", ["id", "pseudonym"])
def test_forget_erases_one_person_only(store, named_by):
    endpoints, rasa_store = store
    sender = "fidele" if named_by == "id" else pseudonym("fidele", KEY)
    erased = retention.forget(open_store(endpoints), sender, KEY)
    assert (erased.conversations, erased.events) == (1, len(CONVERSATIONS["fidele"]))
    assert user_texts(rasa_store, "fidele") == []
    assert all(user_texts(rasa_store, other) for other in CONVERSATIONS if other != "fidele")


def test_the_commands_say_what_they_did_in_french(tmp_path, monkeypatch, capsys):
    endpoints, rasa_store = sqlite_store(tmp_path, monkeypatch)
    write(rasa_store, conversations(time.time()))
    monkeypatch.setenv(KEY_ENV, KEY.decode())
    assert retention.main(["--endpoints", str(endpoints), "purge", "--days", "30"]) == 0
    assert capsys.readouterr().out == "Conservation de 30 jours : 2 conversations effacées (16 événements).\n"
    assert retention.main(["--endpoints", str(endpoints), "forget", "--sender", pseudonym("recente", KEY)]) == 0
    assert capsys.readouterr().out == "Effacement demandé : 1 conversation effacée (8 événements).\n"
    assert retention.main(["--endpoints", str(endpoints), "forget", "--sender", "inconnu"]) == 0
    assert capsys.readouterr().out == "Effacement demandé : Aucune conversation effacée.\n"


@pytest.mark.parametrize("endpoints_text, said", [
    (None, "fichier introuvable"),
    ("tracker_store:\n  type: mongod\n  url: mongodb://localhost:27017\n", "doit être de type SQL"),
    ("tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp}/absente.db\n", "aucune conversation enregistrée"),
    ("tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: ${{BACKOFFICE_TEST_ABSENT}}\n",
     "variable d'environnement non définie : BACKOFFICE_TEST_ABSENT"),
    ("tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: 127.0.0.1\n  port: {closed_port}\n  db: rasa\n",
     "magasin de conversations injoignable"),
])
def test_a_store_that_cannot_be_read_is_said_plainly(tmp_path, capsys, endpoints_text, said):
    endpoints = tmp_path / "endpoints.yml"
    if endpoints_text:
        endpoints.write_text(endpoints_text.format(tmp=tmp_path, closed_port=free_port()))
    assert retention.main(["--endpoints", str(endpoints), "purge", "--days", "30"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("Erreur : ") and said in error and "Traceback" not in error
    assert not (tmp_path / "absente.db").exists()


def test_make_purge_and_forget_run_on_the_named_store(tmp_path, monkeypatch):
    endpoints, rasa_store = sqlite_store(tmp_path, monkeypatch)
    write(rasa_store, conversations(time.time()))

    def make(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(["make", "--no-print-directory", *arguments, f"ENDPOINTS={endpoints}"], cwd=ROOT,
                              capture_output=True, text=True, timeout=120,
                              env=dict(os.environ, **{KEY_ENV: KEY.decode()}))

    refused = make("purge", "DAYS=trente")
    assert refused.returncode != 0 and "DAYS doit être un nombre de jours" in refused.stderr
    assert make("purge").stdout.endswith("Conservation de 30 jours : 2 conversations effacées (16 événements).\n")
    assert make("forget", "SENDER=recente").stdout.endswith("Effacement demandé : 1 conversation effacée (8 événements).\n")
    assert user_texts(rasa_store, "recente") == [] and user_texts(rasa_store, "fidele") == ["inconvénients ?"]
