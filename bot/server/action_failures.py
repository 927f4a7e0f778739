"""A French apology when the action server cannot answer, instead of silence.

Rasa 3.6 logs a failed custom action (server down, unreachable, timed out, error
status) and sends the user nothing. Here the user gets the domain's
``utter_action_failed``; Rasa's error is still logged, and the next message calls
the action server again, so the bot recovers as soon as it is back.
"""
import asyncio
import logging
from typing import Any, List

import aiohttp
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
from rasa.core.channels.channel import OutputChannel
from rasa.core.nlg import NaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from actions.names import RESPONSE_ACTION_FAILED
from bot.server import metrics

logger = logging.getLogger(__name__)

_run_remote_action = RemoteAction.run


async def run_or_apologise(
    action: RemoteAction,
    output_channel: OutputChannel,
    nlg: NaturalLanguageGenerator,
    tracker: DialogueStateTracker,
    domain: Domain,
    **kwargs: Any,
) -> List[Event]:
    """``RemoteAction.run``, answering ``utter_action_failed`` when the action server fails.
    A rejection (HTTP 400, meant for forms) is still raised: Rasa handles it."""
    try:
        return await _run_remote_action(action, output_channel, nlg, tracker, domain, **kwargs)
    except ActionExecutionRejection:
        raise
    except (RasaException, aiohttp.ClientError, asyncio.TimeoutError) as error:
        logger.error(f"Action « {action.name()} » en échec, l'utilisateur reçoit des excuses : {error}")
        metrics.ACTION_SERVER_ERRORS.labels(metrics.current_channel()).inc()
        message = await nlg.generate(RESPONSE_ACTION_FAILED, tracker, output_channel.name())
        return [create_bot_utterance(message)] if message else []


def install() -> None:
    RemoteAction.run = run_or_apologise
