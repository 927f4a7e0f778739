"""Live metrics for Prometheus on the Rasa server (``GET /metrics``), off unless
``BACKOFFICE_METRICS=1``.

Per channel (rest, socketio, telegram, slack…): messages received, replies sent, the time
to answer a message (histogram), messages not understood (fallbacks), questions whose
topic the bot asked to make clear, and action server failures. Counts and durations only:
no message text, no sender id. Rasa 3.6 has no hook for this: its message processor and
output channel are wrapped, and the route is added to the app Rasa builds, with or without
its HTTP API.
"""
from __future__ import annotations

import functools
import time
from contextvars import ContextVar
from typing import Any, Callable, Dict, Mapping, Optional

import rasa.core.run
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.names import ACTION_FALLBACK, PARSE_TOPIC_CANDIDATES, PARSE_TOPICS

METRICS_ENV = "BACKOFFICE_METRICS"
METRICS_PATH = "/metrics"
UNKNOWN_CHANNEL = "inconnu"
FALLBACK_ACTIONS = frozenset({ACTION_FALLBACK, "action_default_fallback"})

REGISTRY = CollectorRegistry()
MESSAGES = Counter("backoffice_messages_received", "Messages reçus", ["channel"], registry=REGISTRY)
REPLIES = Counter("backoffice_replies_sent", "Réponses envoyées", ["channel"], registry=REGISTRY)
RESPONSE_TIME = Histogram("backoffice_response_seconds", "Temps de réponse à un message, en secondes", ["channel"],
                          buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30), registry=REGISTRY)
FALLBACKS = Counter("backoffice_fallbacks", "Messages non compris", ["channel"], registry=REGISTRY)
CLARIFICATIONS = Counter("backoffice_clarifications", "Questions dont le bot demande de préciser le sujet",
                         ["channel"], registry=REGISTRY)
ACTION_SERVER_ERRORS = Counter("backoffice_action_server_errors", "Échecs du serveur d'actions", ["channel"],
                               registry=REGISTRY)

_channel: ContextVar[str] = ContextVar("channel", default=UNKNOWN_CHANNEL)


def current_channel() -> str:
    """The channel of the message being handled."""
    return _channel.get()


def switched_on(environ: Mapping[str, str]) -> bool:
    return environ.get(METRICS_ENV, "").strip().lower() in {"1", "true", "oui", "yes"}


async def metrics_page(_request: Request) -> HTTPResponse:
    return response.raw(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)


def _counting_messages(handle_message: Callable) -> Callable:
    @functools.wraps(handle_message)
    async def handle(self: MessageProcessor, message: UserMessage) -> Optional[Any]:
        channel = message.input_channel or UNKNOWN_CHANNEL
        token = _channel.set(channel)
        MESSAGES.labels(channel).inc()
        started = time.perf_counter()
        try:
            return await handle_message(self, message)
        finally:
            RESPONSE_TIME.labels(channel).observe(time.perf_counter() - started)
            _channel.reset(token)
    return handle


def _counting_clarifications(parse_message: Callable) -> Callable:
    @functools.wraps(parse_message)
    async def parse(self: MessageProcessor, message: UserMessage, *args: Any, **kwargs: Any) -> Dict[str, Any]:
        parsed = await parse_message(self, message, *args, **kwargs)
        understood = (parsed.get("intent") or {}).get("name") != DEFAULT_NLU_FALLBACK_INTENT_NAME
        if understood and parsed.get(PARSE_TOPIC_CANDIDATES) and not parsed.get(PARSE_TOPICS):
            CLARIFICATIONS.labels(current_channel()).inc()
        return parsed
    return parse


def _counting_fallbacks(run_action: Callable) -> Callable:
    @functools.wraps(run_action)
    async def run(self: MessageProcessor, action: Any, *args: Any, **kwargs: Any) -> bool:
        if action.name() in FALLBACK_ACTIONS:
            FALLBACKS.labels(current_channel()).inc()
        return await run_action(self, action, *args, **kwargs)
    return run


def _counting_replies(send_response: Callable) -> Callable:
    @functools.wraps(send_response)
    async def send(self: OutputChannel, recipient_id: str, message: Dict[str, Any]) -> None:
        REPLIES.labels(current_channel()).inc()
        await send_response(self, recipient_id, message)
    return send


def _with_metrics_route(configure_app: Callable[..., Sanic]) -> Callable[..., Sanic]:
    @functools.wraps(configure_app)
    def configure(*args: Any, **kwargs: Any) -> Sanic:
        app = configure_app(*args, **kwargs)
        app.add_route(metrics_page, METRICS_PATH, methods=["GET"], name="backoffice_metrics")
        return app
    configure.serves_metrics = True
    return configure


def install() -> None:
    """Counts from now on, and serves ``/metrics`` on the app Rasa builds next."""
    if getattr(rasa.core.run.configure_app, "serves_metrics", False):
        return
    rasa.core.run.configure_app = _with_metrics_route(rasa.core.run.configure_app)
    MessageProcessor.handle_message = _counting_messages(MessageProcessor.handle_message)
    MessageProcessor.parse_message = _counting_clarifications(MessageProcessor.parse_message)
    MessageProcessor._run_action = _counting_fallbacks(MessageProcessor._run_action)
    OutputChannel.send_response = _counting_replies(OutputChannel.send_response)
