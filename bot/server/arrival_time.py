"""When each message reached the server, kept with it for the operator's report.

Rasa records a user message once the model has read it, so the timestamps of its events
miss the reading time. Each message gets, in its metadata (stored with the user event),
the moment it arrived: ``make report`` measures response times from there to the last
reply. Set by the server, always: a value sent by a client is overwritten.
"""
from __future__ import annotations

import functools
import time
from typing import Any, Callable, Optional

RECEIVED_AT = "received_at"


def _stamping(handle_message: Callable) -> Callable:
    @functools.wraps(handle_message)
    async def handle(self: Any, message: Any) -> Optional[Any]:
        message.metadata = {**(message.metadata if isinstance(message.metadata, dict) else {}),
                            RECEIVED_AT: time.time()}
        return await handle_message(self, message)

    return handle


def install() -> None:
    from rasa.core.processor import MessageProcessor

    MessageProcessor.handle_message = _stamping(MessageProcessor.handle_message)
