"""The multi-instance set-up of deploy/endpoints-multi.yml, with real servers: two Rasa
servers share a PostgreSQL tracker store and a Redis lock store; one conversation's
messages alternate between them, or reach both at once, and its context is kept and
none of its messages is lost; the operator's report reads the shared PostgreSQL store."""
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest
import yaml

from tests.databases import postgres_server, redis_server
from tests.operator_report import added, expected_change, hold_known_conversation, report_of
from tests.servers import ROOT, action_server, rasa_server, reply_text, say, server_env

MULTI_INSTANCE = yaml.safe_load((ROOT / "deploy" / "endpoints-multi.yml").read_text(encoding="utf-8"))
DATABASE = "backoffice"


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    """The base URLs of two Rasa servers, and the PostgreSQL server they share."""
    workdir = tmp_path_factory.mktemp("scale_out")
    with ExitStack() as stack:
        postgres = stack.enter_context(postgres_server(workdir))
        redis = stack.enter_context(redis_server(workdir))
        webhook = stack.enter_context(action_server(workdir))
        env = server_env(
            BACKOFFICE_ACTIONS_URL=webhook,
            BACKOFFICE_POSTGRES_HOST=postgres.host, BACKOFFICE_POSTGRES_PORT=str(postgres.port),
            BACKOFFICE_POSTGRES_DB=DATABASE, BACKOFFICE_POSTGRES_USER=postgres.user,
            BACKOFFICE_POSTGRES_PASSWORD=postgres.password,
            BACKOFFICE_REDIS_HOST=redis.host, BACKOFFICE_REDIS_PORT=str(redis.port),
            BACKOFFICE_REDIS_PASSWORD=redis.password,
        )
        stores = {"tracker_store": MULTI_INSTANCE["tracker_store"], "lock_store": MULTI_INSTANCE["lock_store"]}
        first, second = (stack.enter_context(rasa_server(workdir, webhook, env=env, stores=stores)) for _ in range(2))
        yield first, second, postgres, env


def user_messages_stored(postgres, sender: str):
    with postgres.connect(DATABASE) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT data::json->>'text' FROM events WHERE sender_id = %s AND type_name = 'user' ORDER BY id",
            (sender,),
        )
        return [row[0] for row in cursor.fetchall()]


def test_one_conversation_alternating_between_two_servers_keeps_its_context(two_servers):
    first, second, postgres, _ = two_servers
    turns = [
        (first, "combien gagne un opérateur back-office ?", "1 766 € brut mensuel"),
        (second, "et ses inconvénients ?", "Opérateur / opératrice back-office — Inconvénients"),
        (first, "et pour le gestionnaire ?",
         "La fiche « Gestionnaire de back office » ne donne aucune information sur les inconvénients"),
        (second, "oui", "Opérateur / opératrice back-office — Inconvénients"),
        (first, "la formation du gestionnaire de back office ?", "Gestionnaire de back office — Formation"),
        (second, "D'où viennent ces chiffres ?", "Observatoire des métiers"),
        (first, "et ses compétences ?", "Gestionnaire de back office — Compétences"),
    ]
    for number, (server, question, expected) in enumerate(turns, start=1):
        assert expected in reply_text(say(server, "alternance", question)), f"tour {number} : {question}"
    assert user_messages_stored(postgres, "alternance") == [question for _, question, _ in turns]


def test_messages_reaching_both_servers_at_once_are_all_kept(two_servers):
    first, second, postgres, _ = two_servers
    questions = [f"{topic} d'un opérateur back-office ?" for topic in
                 ("la formation", "les compétences", "les missions", "le secteur", "le salaire")] * 4
    with ThreadPoolExecutor(max_workers=len(questions)) as pool:
        replies = list(pool.map(lambda pair: say(pair[0], "en-meme-temps", pair[1]),
                                zip([first, second] * len(questions), questions)))
    assert all(reply_text(reply) for reply in replies)
    assert sorted(user_messages_stored(postgres, "en-meme-temps")) == sorted(questions)


def test_the_report_reads_the_conversations_both_servers_stored_in_postgresql(two_servers, tmp_path, monkeypatch):
    first, second, _, env = two_servers
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(yaml.safe_dump({"tracker_store": MULTI_INSTANCE["tracker_store"]}))
    for name, value in env.items():
        if name.startswith("BACKOFFICE_POSTGRES_"):
            monkeypatch.setenv(name, value)
    before = report_of(endpoints)
    hold_known_conversation(lambda turn, message: say((first, second)[turn % 2], "rapport-postgres", message))
    assert added(before, report_of(endpoints)) == expected_change()
