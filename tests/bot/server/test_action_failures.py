"""When the action server cannot answer, the user gets the domain's French apology."""
import asyncio

import pytest
from aiohttp import web
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from actions.names import ACTION_ANSWER, RESPONSE_ACTION_FAILED
from bot.server import action_failures
from tests.servers import ROOT, free_port

DOMAIN = Domain.load(ROOT / "domain.yml")
APOLOGY = DOMAIN.responses[RESPONSE_ACTION_FAILED][0]["text"]


async def run_answer(webhook: str):
    action = RemoteAction(ACTION_ANSWER, EndpointConfig(webhook))
    return await action_failures.run_or_apologise(
        action, CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(DOMAIN.responses),
        DialogueStateTracker("someone", DOMAIN.slots), DOMAIN,
    )


def test_an_action_server_that_is_down_gets_the_user_an_apology():
    [event] = asyncio.run(run_answer(f"http://127.0.0.1:{free_port()}/webhook"))
    assert isinstance(event, BotUttered)
    assert event.text == APOLOGY
    assert APOLOGY.startswith("Désolé, je ne peux pas consulter les fiches métiers")


async def respond_with(status: int, body: dict):
    async def handler(_request):
        return web.json_response(body, status=status)

    app = web.Application()
    app.router.add_post("/webhook", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        return await run_answer(f"http://127.0.0.1:{port}/webhook")
    finally:
        await runner.cleanup()


def test_an_action_server_error_gets_the_user_an_apology():
    [event] = asyncio.run(respond_with(500, {"error": "boom"}))
    assert event.text == APOLOGY


def test_a_rejection_is_left_to_rasa():
    with pytest.raises(ActionExecutionRejection):
        asyncio.run(respond_with(400, {"action_name": ACTION_ANSWER, "error": "rejected"}))
