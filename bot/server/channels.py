"""Channels of ``credentials.yml`` that Rasa's own need adjusting for.

The chat page's socket.io channel only accepts pages from the widget's origins
(``BACKOFFICE_WIDGET_ORIGINS``, see ``bot.server.web.widget_origins``): Rasa's own
accepts any web site. Programs that send no ``Origin`` header are not browsers and
are let in, as by the REST channel. It also awaits ``enter_room``, a coroutine since
python-socketio 5.10, which Rasa 3.6 calls without ``await``: without this, a widget
with ``session_persistence`` never joined its session's room and got no reply.

Messaging apps, switched on from the environment: Telegram and Slack.

``credentials.yml`` lists these two channels without any secret. Each reads its
settings from environment variables and stays off (no webhook route) while its
token is unset, so the server starts the same with or without them:

- Telegram: ``TELEGRAM_ACCESS_TOKEN``, ``TELEGRAM_BOT_NAME`` (the bot's user name,
  checked on each update), ``TELEGRAM_WEBHOOK_URL`` (public address of
  ``/webhooks/telegram/webhook``, registered with Telegram at start-up);
- Slack: ``SLACK_BOT_TOKEN``, ``SLACK_SIGNING_SECRET``, optionally ``SLACK_CHANNEL``.

``TELEGRAM_API_URL`` and ``SLACK_API_URL`` send the bot's calls to another API
server than the platforms' own: the tests run fakes on loopback.
"""
from __future__ import annotations

import asyncio
import logging
import os
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from aiogram import Bot
from aiogram.bot.api import TELEGRAM_PRODUCTION, TelegramAPIServer
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput as RasaSlackInput
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.channels.telegram import TelegramInput as RasaTelegramInput, TelegramOutput
from rasa.shared.exceptions import RasaException
from sanic import Blueprint
from slack_sdk.web.async_client import AsyncWebClient

from bot.server.web import widget_origins

logger = logging.getLogger(__name__)

TELEGRAM_TOKEN_ENV = "TELEGRAM_ACCESS_TOKEN"
TELEGRAM_BOT_NAME_ENV = "TELEGRAM_BOT_NAME"
TELEGRAM_WEBHOOK_URL_ENV = "TELEGRAM_WEBHOOK_URL"
TELEGRAM_API_URL_ENV = "TELEGRAM_API_URL"
SLACK_TOKEN_ENV = "SLACK_BOT_TOKEN"
SLACK_SIGNING_SECRET_ENV = "SLACK_SIGNING_SECRET"
SLACK_CHANNEL_ENV = "SLACK_CHANNEL"
SLACK_API_URL_ENV = "SLACK_API_URL"


def _switched_off(name: str, variable: str) -> Blueprint:
    logger.info(f"Canal {name} désactivé : la variable d'environnement {variable} n'est pas définie.")
    return Blueprint(f"{name}_webhook", __name__)


class SocketIOInput(RasaSocketIOInput):
    """Rasa's socket.io channel, refusing browsers on other web sites than the widget's,
    with the session rooms of python-socketio ≥ 5.10."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        # Rasa turns python-engineio's origin check off, and a browser lets any page open a
        # WebSocket: checked here at connection. (Turning engineio's check back on would also
        # make it send CORS headers, twice with Sanic-CORS's, which browsers reject.)
        namespace = self.namespace or "/"
        rasa_connect = self.sio.handlers[namespace]["connect"]
        allowed = set(widget_origins(os.environ))

        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if origin and origin not in allowed:
                logger.warning(f"Connexion socket.io refusée depuis l'origine {origin!r}.")
                return False
            return await rasa_connect(sid, environ, auth)

        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            session_id = data.get("session_id") if isinstance(data, dict) else None
            if not isinstance(session_id, str) or not session_id:
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                # Replies go to the session's room (Rasa's handle_message): the tab must be in it.
                await self.sio.enter_room(sid, session_id, namespace=namespace)
            await self.sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        self.sio.on("connect", connect, namespace=namespace)
        self.sio.on("session_request", session_request, namespace=namespace)
        return blueprint


class _TelegramOutput(TelegramOutput):
    def __init__(self, access_token: Text, server: TelegramAPIServer) -> None:
        Bot.__init__(self, access_token, server=server)


class TelegramInput(RasaTelegramInput):
    """Rasa's Telegram channel, configured from the environment."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls(
            os.environ.get(TELEGRAM_TOKEN_ENV),
            os.environ.get(TELEGRAM_BOT_NAME_ENV),
            os.environ.get(TELEGRAM_WEBHOOK_URL_ENV),
            debug_mode=False,
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        if not self.access_token:
            return _switched_off(self.name(), TELEGRAM_TOKEN_ENV)
        return super().blueprint(on_new_message)

    def get_output_channel(self) -> TelegramOutput:
        api_url = os.environ.get(TELEGRAM_API_URL_ENV)
        server = TelegramAPIServer.from_base(api_url) if api_url else TELEGRAM_PRODUCTION
        channel = _TelegramOutput(self.access_token, server)
        try:
            asyncio.run(_register_webhook(channel, self.webhook_url))
        except TelegramAPIError as error:
            raise RasaException(f"Telegram a refusé l'adresse du webhook : {error}") from error
        return channel


async def _register_webhook(channel: TelegramOutput, url: Optional[Text]) -> None:
    try:
        await channel.set_webhook(url=url)
    finally:
        # Its HTTP session belongs to this short-lived event loop, not the server's: closed
        # here, a new one is opened on first use (Rasa 3.6's own channel fails there).
        await channel.close()


class _SlackBot(SlackBot):
    def __init__(self, token: Text, channel: Optional[Text], thread_id: Optional[Text],
                 proxy: Optional[Text], api_url: Optional[Text]) -> None:
        super().__init__(token, channel, thread_id, proxy)
        if api_url:
            self.client = AsyncWebClient(token, proxy=proxy, base_url=api_url.rstrip("/") + "/")


class SlackInput(RasaSlackInput):
    """Rasa's Slack channel, configured from the environment."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        token = os.environ.get(SLACK_TOKEN_ENV)
        # Rasa refuses a Slack channel without a signing secret; switched off, it has no route.
        secret = os.environ.get(SLACK_SIGNING_SECRET_ENV) or ("" if token else "désactivé")
        return cls(
            token,
            os.environ.get(SLACK_CHANNEL_ENV),
            slack_retry_reason_header="x-slack-retry-reason",
            slack_retry_number_header="x-slack-retry-num",
            slack_signing_secret=secret,
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        if not self.slack_token:
            return _switched_off(self.name(), SLACK_TOKEN_ENV)
        return super().blueprint(on_new_message)

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> OutputChannel:
        return _SlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy,
                         os.environ.get(SLACK_API_URL_ENV))
