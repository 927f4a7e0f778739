"""The single-machine set-up of `make run`, with real servers: conversations kept in SQLite
across a restart of Rasa, the HTTP API refused without its token, browsers answered only
from the widget's origin, a French apology while the action server is down, and the
operator's tools (metrics, review export, report) reading what these servers stored."""
import os
import shutil
import subprocess
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import pytest
import requests
import socketio
import yaml
from prometheus_client.parser import text_string_to_metric_families

from actions.feedback import NOT_USEFUL
from actions.names import SLOT_RATING
from actions.rendering import RATING_ASK_WHAT_WAS_MISSING
from bot.operations import report, review_export
from bot.operations.privacy import KEY_ENV, pseudonym
from bot.server.metrics import METRICS_ENV, METRICS_PATH
from bot.server.rasa_run import API_TOKEN_ENV
from bot.tools.processes import shipped_tracker_store
from tests.databases import stored_slot_values
from tests.expected import OPERATEUR, plain
from tests.operator_report import (
    COMMENT, EMAIL, PSEUDONYM_KEY, RATED_DOWN_QUESTION, added, expected_change, hold_known_conversation, report_of,
)
from tests.servers import ROOT, VENV_BIN, action_server, free_port, rasa_server, reply_text, say, server_env

OPERATEUR_SALARY = "1 766 € brut mensuel"
TOKEN = "jeton-des-tests-0123456789abcdef"
WIDGET_ORIGIN = "http://localhost:8765"
OTHER_SITE = "http://site-inconnu.example"
SCREENSHOTS = ROOT / "tests" / "output"


class SingleMachine:
    """An action server and a Rasa server as `make run` starts them, each stoppable."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.actions_port = free_port()
        self.webhook = f"http://127.0.0.1:{self.actions_port}/webhook"
        self.database = workdir / "var" / "conversations.db"
        self.database.parent.mkdir()
        self.actions = ExitStack()
        self.rasa = ExitStack()
        self.url = ""

    def start_actions(self) -> None:
        self.actions.enter_context(action_server(self.workdir, port=self.actions_port))

    def stop_actions(self) -> None:
        self.actions.close()

    def start_rasa(self) -> None:
        stores = {"tracker_store": shipped_tracker_store(self.database)}
        self.url = self.rasa.enter_context(rasa_server(
            self.workdir, self.webhook, origins=[WIDGET_ORIGIN],
            env=server_env(**{API_TOKEN_ENV: TOKEN, METRICS_ENV: "1"}), stores=stores,
        ))

    def stop_rasa(self) -> None:
        self.rasa.close()


@pytest.fixture(scope="module")
def machine(tmp_path_factory):
    machine = SingleMachine(tmp_path_factory.mktemp("single_machine"))
    try:
        machine.start_actions()
        machine.start_rasa()
        yield machine
    finally:
        machine.stop_rasa()
        machine.stop_actions()


def test_conversations_are_kept_in_sqlite_under_the_data_folder_by_default():
    shipped = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))["tracker_store"]
    assert shipped == {"type": "SQL", "dialect": "sqlite", "db": "var/conversations.db"}


def test_a_restart_of_rasa_keeps_each_users_context(machine):
    assert OPERATEUR_SALARY in reply_text(say(machine.url, "avant-redemarrage", "salaire d'un opérateur back-office ?"))
    say(machine.url, "autre-personne", "la formation du gestionnaire de back office ?")
    machine.stop_rasa()
    machine.start_rasa()
    follow_up = reply_text(say(machine.url, "avant-redemarrage", "et ses inconvénients ?"))
    assert "Opérateur / opératrice back-office — Inconvénients" in follow_up
    other = reply_text(say(machine.url, "autre-personne", "et les compétences ?"))
    assert "Gestionnaire de back office — Compétences" in other


API_CALLS = [
    ("GET", "/conversations/avant-redemarrage/tracker", None),
    ("GET", "/status", None),
    ("POST", "/model/parse", {"text": "salaire"}),
]


@pytest.mark.parametrize("method,path,body", API_CALLS)
def test_the_http_api_refuses_calls_without_the_token(machine, method, path, body):
    def call(**params):
        return requests.request(method, machine.url + path, params=params, json=body, timeout=30).status_code

    assert call() == 401
    assert call(token="mauvais-jeton-0123456789") == 401
    assert call(token=TOKEN) == 200


# Each would load a model from elsewhere (code run on load), train one, or unload the running one.
MODEL_CHANGES = [
    ("PUT", "/model", {}, {"model_file": "/tmp/modele-venu-d-ailleurs.tar.gz"}),
    ("PUT", "/model", {}, {"model_server": {"url": "http://127.0.0.1:9/modele.tar.gz"}}),
    ("POST", "/model/train", {}, {"nlu": "version: '3.1'\nnlu: []"}),
    ("POST", "/model/test/intents", {"model": "/tmp/modele-venu-d-ailleurs.tar.gz"}, {"nlu": []}),
    ("POST", "/model/test/stories", {}, {"stories": []}),
    ("DELETE", "/model", {}, None),
    ("DELETE", "/mode%6c", {}, None),
]


@pytest.mark.parametrize("method,path,params,body", MODEL_CHANGES)
def test_no_route_loads_trains_or_unloads_a_model_even_with_the_token(machine, method, path, params, body):
    refused = requests.request(
        method, machine.url + path, params={"token": TOKEN, **params}, json=body, timeout=60,
    )
    assert refused.status_code == 403
    assert "ne charge, n'entraîne ni ne décharge aucun modèle" in refused.json()["message"]
    # The model that was loaded still answers.
    assert OPERATEUR_SALARY in reply_text(say(machine.url, f"apres-{method}", "salaire d'un opérateur back-office ?"))


def test_the_http_api_is_off_without_a_secret(rest_bot):
    assert requests.get(rest_bot + "/conversations/quelqu-un/tracker", timeout=30).status_code == 404
    assert requests.post(rest_bot + "/model/parse", json={"text": "salaire"}, timeout=30).status_code == 404


def allowed_origin(url: str, origin: str):
    preflight = requests.options(
        url + "/webhooks/rest/webhook",
        headers={"Origin": origin, "Access-Control-Request-Method": "POST"}, timeout=30,
    )
    return preflight.headers.get("Access-Control-Allow-Origin")


def test_browsers_may_call_the_rest_channel_only_from_the_widget_origin(machine):
    assert allowed_origin(machine.url, WIDGET_ORIGIN) == WIDGET_ORIGIN
    assert allowed_origin(machine.url, OTHER_SITE) is None


def socketio_connects(url: str, origin: str) -> bool:
    client = socketio.Client()
    try:
        client.connect(url, headers={"Origin": origin}, wait_timeout=10)
    except socketio.exceptions.ConnectionError:
        return False
    client.disconnect()
    return True


def test_the_chat_widget_channel_accepts_only_pages_from_the_widget_origin(machine):
    assert socketio_connects(machine.url, WIDGET_ORIGIN)
    assert not socketio_connects(machine.url, OTHER_SITE)


def test_a_rating_typed_over_rest_is_kept_and_a_thumbs_down_asks_what_was_missing(machine):
    say(machine.url, "avis-rest", "salaire d'un opérateur back-office ?")
    assert reply_text(say(machine.url, "avis-rest", "pas utile")) == plain(RATING_ASK_WHAT_WAS_MISSING)
    assert reply_text(say(machine.url, "avis-rest", "trop vague à mon goût")) == (
        "Merci, c'est noté : cela aidera à compléter les fiches et les réponses.")
    rating = stored_slot_values(machine.database, SLOT_RATING)[-1]
    assert (rating["rating"], rating["jobs"], rating["topics"]) == (NOT_USEFUL, [OPERATEUR], ["salary"])
    assert rating["question"] == "salaire d'un opérateur back-office ?" and OPERATEUR_SALARY in plain(rating["answer"])


def metrics(url: str) -> dict:
    """The samples of ``GET /metrics`` on the channel REST, by name: value."""
    page = requests.get(f"{url}{METRICS_PATH}", timeout=10)
    page.raise_for_status()
    return {sample.name: sample.value for family in text_string_to_metric_families(page.text)
            for sample in family.samples if sample.labels.get("channel") == "rest" and "le" not in sample.labels}


def test_the_metrics_count_a_known_sequence_of_messages_without_their_text(machine):
    before = metrics(machine.url)
    questions = ["Quel est le salaire d'un opérateur back-office ?", "azertyuiop qsdfghjk",
                 "gestionnaire de back office, c'est comment le boulot ?"]
    replies = sum(len(say(machine.url, "compte-rendu", question)) for question in questions)
    after = metrics(machine.url)
    change = {name: after[name] - before.get(name, 0) for name in after}
    assert change["backoffice_messages_received_total"] == 3
    assert change["backoffice_replies_sent_total"] == replies
    assert change["backoffice_response_seconds_count"] == 3 and change["backoffice_response_seconds_sum"] > 0
    assert change["backoffice_fallbacks_total"] == 1
    assert change["backoffice_clarifications_total"] == 1
    page = requests.get(f"{machine.url}{METRICS_PATH}", timeout=10).text
    assert not any(word in page for word in ("azertyuiop", "gestionnaire", "compte-rendu"))


def test_there_are_no_metrics_unless_switched_on(rest_bot):
    assert requests.get(f"{rest_bot}{METRICS_PATH}", timeout=10).status_code == 404


def test_while_the_action_server_is_down_the_user_gets_an_apology_then_answers_again(machine):
    errors_before = metrics(machine.url).get("backoffice_action_server_errors_total", 0)
    machine.stop_actions()
    try:
        apology = say(machine.url, "pendant-la-panne", "salaire d'un opérateur back-office ?")
        assert reply_text(apology) == (
            "Désolé, je ne peux pas consulter les fiches métiers pour le moment. "
            "Reposez votre question dans quelques instants."
        )
    finally:
        machine.start_actions()
    answer = say(machine.url, "pendant-la-panne", "salaire d'un opérateur back-office ?")
    assert OPERATEUR_SALARY in reply_text(answer)
    assert metrics(machine.url)["backoffice_action_server_errors_total"] == errors_before + 1


def test_requests_over_a_megabyte_are_refused_and_the_server_stays_up(machine):
    oversized = {"sender": "trop-gros", "message": "a" * 2_000_000}
    assert requests.post(machine.url + "/webhooks/rest/webhook", json=oversized, timeout=60).status_code == 413
    assert OPERATEUR_SALARY in reply_text(say(machine.url, "trop-gros", "salaire d'un opérateur back-office ?"))


def test_the_review_export_holds_what_was_not_understood_and_rated_down_as_rasa_nlu_data(machine, tmp_path):
    say(machine.url, "a-revoir", "azertyuiop jean.dupont@example.fr")
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(yaml.safe_dump({"tracker_store": shipped_tracker_store(machine.database)}))
    export = tmp_path / "revue.yml"
    assert review_export.main(["--endpoints", str(endpoints), "--out", str(export)]) == 0
    text = export.read_text(encoding="utf-8")
    assert "azertyuiop [adresse e-mail]" in text and "jean.dupont" not in text
    # The question rated 👎 over REST, under the intent the bot read, with its guess.
    assert "# réponse notée 👎 ; le bot a compris : ask" in text
    assert "salaire d'un opérateur back-office ?" in text
    # Loads as Rasa NLU data next to the training data.
    project = tmp_path / "projet"
    shutil.copytree(ROOT / "data", project / "data")
    for name in ("config.yml", "domain.yml"):
        shutil.copy(ROOT / name, project / name)
    shutil.copy(export, project / "data" / "nlu" / "revue.yml")
    validated = subprocess.run([str(VENV_BIN / "rasa"), "data", "validate", "--data", "data/nlu", "data/rules.yml"],
                               cwd=project, capture_output=True, text=True, timeout=300,
                               env=server_env(PYTHONPATH=str(ROOT)))
    assert validated.returncode == 0, validated.stdout[-2000:] + validated.stderr[-2000:]


def test_the_report_counts_a_known_conversation_and_opens_in_a_browser_with_nothing_fetched(
        machine, tmp_path, browser):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(yaml.safe_dump({"tracker_store": shipped_tracker_store(machine.database)}))
    before = report_of(endpoints)
    hold_known_conversation(lambda _, message: say(machine.url, "rapport-connu", message))
    after = report_of(endpoints)
    assert added(before, after) == expected_change()
    # The 👎 with its exchange and the comment that followed; the sender under a pseudonym.
    (rated,) = [rating for rating in after["rated_down"] if rating not in before["rated_down"]]
    assert (rated["question"], rated["comment"]) == (RATED_DOWN_QUESTION, COMMENT)
    assert "BTS Banque" in rated["answer"]
    assert rated["sender"] == pseudonym("rapport-connu", PSEUDONYM_KEY)

    out = tmp_path / "rapport"
    with mock.patch.dict(os.environ, {KEY_ENV: PSEUDONYM_KEY.decode()}):
        assert report.main(["--endpoints", str(endpoints), "--out", str(out)]) == 0
    page_text = out.with_suffix(".html").read_text(encoding="utf-8")
    data_text = out.with_suffix(".json").read_text(encoding="utf-8")
    for written in (page_text, data_text):
        assert EMAIL not in written and "rapport-connu" not in written
        assert "azertyuiop [adresse e-mail]" in written

    tab = browser.new_page(viewport={"width": 1100, "height": 900})
    requests_made, errors = [], []
    tab.on("request", lambda request: requests_made.append(request.url))
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.goto(out.with_suffix(".html").as_uri())
    assert requests_made == [out.with_suffix(".html").as_uri()] and errors == []
    charts = tab.locator("svg[role=img]")
    assert charts.count() == 4
    assert all(charts.nth(index).bounding_box()["height"] > 100 for index in range(4))
    assert tab.locator("h2", has_text="Questions non comprises").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "rapport.png"), full_page=True)
    tab.close()
