"""Each message keeps the moment it reached the server, whatever a client sent."""
import asyncio
import time
from types import SimpleNamespace

import pytest

from bot.server.arrival_time import RECEIVED_AT, _stamping


@pytest.mark.parametrize("sent", [None, {"language": "fr"}, {"language": "fr", RECEIVED_AT: 0}, "pas un objet"])
def test_the_arrival_time_is_set_by_the_server_and_other_metadata_kept(sent):
    seen = {}

    async def handle_message(processor, message):
        seen.update(message.metadata)

    before = time.time()
    asyncio.run(_stamping(handle_message)(None, SimpleNamespace(metadata=sent)))
    assert before <= seen.pop(RECEIVED_AT) <= time.time()
    assert seen == (sent if isinstance(sent, dict) and RECEIVED_AT not in sent else
                    {"language": "fr"} if isinstance(sent, dict) else {})
