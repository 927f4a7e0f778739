"""Telegram and Slack: a webhook payload in each platform's real format is posted to
the running Rasa server, and the reply the bot sends to the platform's API is
captured by a fake of that API on loopback (no Internet)."""
import email
import hashlib
import hmac
import json
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from actions.feedback import USEFUL
from actions.names import SLOT_RATING
from actions.rendering import RATING_NOT_USEFUL_BUTTON, RATING_THANKS, RATING_USEFUL_BUTTON
from bot.server.channels import (
    SLACK_API_URL_ENV, SLACK_SIGNING_SECRET_ENV, SLACK_TOKEN_ENV, TELEGRAM_API_URL_ENV, TELEGRAM_BOT_NAME_ENV,
    TELEGRAM_TOKEN_ENV, TELEGRAM_WEBHOOK_URL_ENV,
)
from bot.tools.processes import shipped_tracker_store
from tests.databases import stored_slot_values
from tests.expected import GESTIONNAIRE, GESTIONNAIRE_NAME, OPERATEUR_NAME, plain
from tests.servers import action_server, rasa_server, server_env

TELEGRAM_TOKEN = "123456789:AAFakeTokenForTestsOnly-abcdefghijklmn"
TELEGRAM_BOT_NAME = "backoffice_test_bot"
TELEGRAM_WEBHOOK = "https://bot.example.test/webhooks/telegram/webhook"
SLACK_SECRET = "slack-signing-secret-for-tests"
CHAT_ID = 4242
REPLY_TIMEOUT_S = 60


class FakeApi:
    """A platform's Web API on loopback: answers every method, keeps what the bot sent."""

    def __init__(self, answers):
        self.calls = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                method = self.path.rstrip("/").rsplit("/", 1)[-1]
                api.calls.append((method, _form(self.headers.get("Content-Type", ""), body)))
                reply = json.dumps(answers(method)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def sent(self, method, since=0):
        return [fields for name, fields in self.calls[since:] if name == method]

    def wait_for(self, method, since, count=1):
        """What the bot sent with ``method`` since call ``since``, once it has sent ``count``."""
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while len(self.sent(method, since)) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.sent(method, since)


def _form(content_type, body):
    """The fields of a POSTed body: JSON, URL-encoded or multipart."""
    if content_type.startswith("application/json"):
        return json.loads(body)
    if content_type.startswith("multipart/form-data"):
        message = email.message_from_bytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
        return {part.get_param("name", header="content-disposition"): part.get_payload(decode=True).decode()
                for part in message.get_payload()}
    return {key: values[0] for key, values in urllib.parse.parse_qs(body.decode()).items()}


def telegram_answers(method):
    if method == "getMe":
        return {"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "Assistant",
                                       "username": TELEGRAM_BOT_NAME}}
    if method == "sendMessage":
        return {"ok": True, "result": {"message_id": 7, "date": 0, "chat": {"id": CHAT_ID, "type": "private"}}}
    return {"ok": True, "result": True}


@pytest.fixture(scope="module")
def messaging_database(tmp_path_factory):
    return tmp_path_factory.mktemp("messaging_store") / "conversations.db"


@pytest.fixture(scope="module")
def messaging(tmp_path_factory, messaging_database):
    telegram, slack = FakeApi(telegram_answers), FakeApi(lambda method: {"ok": True, "ts": "1.0"})
    env = server_env(**{
        TELEGRAM_TOKEN_ENV: TELEGRAM_TOKEN, TELEGRAM_BOT_NAME_ENV: TELEGRAM_BOT_NAME,
        TELEGRAM_WEBHOOK_URL_ENV: TELEGRAM_WEBHOOK, TELEGRAM_API_URL_ENV: telegram.url,
        SLACK_TOKEN_ENV: "xoxb-fake-token", SLACK_SIGNING_SECRET_ENV: SLACK_SECRET, SLACK_API_URL_ENV: f"{slack.url}/api",
    })
    workdir = tmp_path_factory.mktemp("messaging")
    stores = {"tracker_store": shipped_tracker_store(messaging_database)}
    with action_server(workdir) as webhook, rasa_server(workdir, webhook, env=env, stores=stores) as base_url:
        yield base_url, telegram, slack
    telegram.server.shutdown()
    slack.server.shutdown()


def telegram_update(text=None, button=None):
    chat = {"id": CHAT_ID, "type": "private", "first_name": "Camille"}
    sender = {"id": CHAT_ID, "is_bot": False, "first_name": "Camille"}
    update = {"update_id": int(time.time() * 1000) % 2**31}
    if button is None:
        update["message"] = {"message_id": 1, "date": int(time.time()), "chat": chat, "from": sender, "text": text}
    else:
        update["callback_query"] = {"id": "cb1", "from": sender, "chat_instance": "ci", "data": button,
                                    "message": {"message_id": 2, "date": int(time.time()), "chat": chat}}
    return update


def test_telegram_registers_its_webhook_and_answers_through_the_bot_api(messaging):
    base_url, telegram, _ = messaging
    assert {"url": TELEGRAM_WEBHOOK} in [
        {"url": fields.get("url")} for fields in telegram.sent("setWebhook")
    ]

    since = len(telegram.calls)
    answer = requests.post(f"{base_url}/webhooks/telegram/webhook",
                           json=telegram_update("Combien gagne un opérateur back-office ?"), timeout=60)
    assert answer.status_code == 200
    (sent,) = telegram.wait_for("sendMessage", since)
    assert int(sent["chat_id"]) == CHAT_ID
    assert plain(sent["text"]).startswith(f"{OPERATEUR_NAME} — Salaire") and "1 766 € brut mensuel" in plain(sent["text"])
    assert telegram.sent("sendPhoto", since) == []  # a text channel: no chart

    buttons = inline_buttons(telegram_reply(messaging, telegram_update("Quels métiers connais-tu ?")))
    assert set(buttons) == {GESTIONNAIRE_NAME, OPERATEUR_NAME}
    picked = telegram_reply(messaging, telegram_update(button=buttons[GESTIONNAIRE_NAME]))
    assert plain(picked["text"]).startswith(f"{GESTIONNAIRE_NAME} — Présentation")


def telegram_reply(messaging, update):
    """Post ``update`` to the Telegram webhook: the one message the bot sends back."""
    base_url, telegram, _ = messaging
    since = len(telegram.calls)
    requests.post(f"{base_url}/webhooks/telegram/webhook", json=update, timeout=60)
    (sent,) = telegram.wait_for("sendMessage", since)
    return sent


def inline_buttons(sent):
    """The inline keyboard of a sent message: title → callback data."""
    keyboard = json.loads(sent["reply_markup"])["inline_keyboard"]
    return {button["text"]: button["callback_data"] for row in keyboard for button in row}


def test_a_telegram_user_rates_an_answer_with_its_inline_keyboard(messaging, messaging_database):
    answer = telegram_reply(messaging, telegram_update("Quelle formation pour devenir gestionnaire de back office ?"))
    buttons = inline_buttons(answer)
    assert set(buttons) == {RATING_USEFUL_BUTTON, RATING_NOT_USEFUL_BUTTON}
    assert telegram_reply(messaging, telegram_update(button=buttons[RATING_USEFUL_BUTTON]))["text"] == RATING_THANKS
    rating = stored_slot_values(messaging_database, SLOT_RATING)[-1]
    assert rating["rating"] == USEFUL and rating["jobs"] == [GESTIONNAIRE] and rating["topics"] == ["training"]
    assert rating["question"] == "Quelle formation pour devenir gestionnaire de back office ?"
    assert plain(rating["answer"]) == plain(answer["text"])


def slack_post(base_url, payload, secret=SLACK_SECRET):
    body = json.dumps(payload).encode()
    timestamp = str(int(time.time()))
    signature = "v0=" + hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": timestamp,
               "X-Slack-Signature": signature}
    return requests.post(f"{base_url}/webhooks/slack/webhook", data=body, headers=headers, timeout=60)


def slack_event(text):
    return {
        "token": "unused", "team_id": "T0001", "api_app_id": "A0001", "type": "event_callback",
        "event_id": f"Ev{uuid.uuid4().hex[:8]}", "event_time": int(time.time()), "authed_users": ["UBOT"],
        "event": {"type": "message", "channel": "D0042", "channel_type": "im", "user": "U0042",
                  "text": text, "ts": f"{time.time():.6f}"},
    }


def test_slack_answers_a_signed_event_through_the_web_api(messaging):
    base_url, _, slack = messaging
    since = len(slack.calls)
    assert slack_post(base_url, slack_event("quelle formation pour devenir gestionnaire de back office ?")).ok
    (sent,) = slack.wait_for("chat.postMessage", since)
    assert sent["channel"] == "D0042"
    assert plain(sent["text"]).startswith(f"{GESTIONNAIRE_NAME} — Formation") and "BTS Banque" in sent["text"]


def test_slack_refuses_an_unsigned_event(messaging):
    base_url, _, slack = messaging
    since = len(slack.calls)
    answer = slack_post(base_url, slack_event("bonjour"), secret="wrong-secret")
    assert answer.status_code == 400 and slack.sent("chat.postMessage", since) == []
