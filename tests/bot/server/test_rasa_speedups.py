"""The faster validation of action server responses accepts and refuses what Rasa's does."""
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.server import rasa_speedups

GOOD = {"events": [{"event": "slot", "name": "job", "value": "x"}], "responses": [{"text": "Bonjour"}]}
BAD = {"events": [{"name": "job"}], "responses": []}


@pytest.fixture
def action():
    rasa_speedups.install()
    return RemoteAction("action_answer", None)


def test_a_valid_response_passes(action):
    assert action._validate_action_result(GOOD) is True


def test_an_invalid_response_is_refused_with_rasa_s_message(action):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result(BAD)
