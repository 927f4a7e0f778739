"""Overlong messages skip the NLU pipeline (their text is emptied), others go through."""
import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.names import LONGEST_MESSAGE_CHARS
from bot.nlu.message_length_guard import MessageLengthGuard


def guarded(text: str) -> str:
    guard = MessageLengthGuard.create({}, None, None, None)
    [message] = guard.process([Message(data={TEXT: text})])
    return message.get(TEXT)


@pytest.mark.parametrize("text", ["", "salaire ?", "é" * LONGEST_MESSAGE_CHARS])
def test_a_message_up_to_the_limit_is_read(text):
    assert guarded(text) == text


@pytest.mark.parametrize("length", [LONGEST_MESSAGE_CHARS + 1, 100_000])
def test_a_longer_message_is_not_read(length):
    assert guarded("salaire " * (length // 8 + 1)) == ""
