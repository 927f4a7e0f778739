"""Messages the bot cannot read: "too long" says how long and what to do; others ask to rephrase."""
from actions.fallback import ActionFallback
from actions.names import RESPONSE_MESSAGE_TOO_LONG, RESPONSE_NOT_UNDERSTOOD
from tests.builders import build_tracker, run_action


def test_a_message_over_the_limit_is_said_too_long_with_french_numbers():
    [message], _ = run_action(ActionFallback(), build_tracker("nlu_fallback", text="a" * 100_000))
    assert message["response"] == RESPONSE_MESSAGE_TOO_LONG
    assert (message["length"], message["limit"]) == ("100\u202f000", "1\u202f000")


def test_an_unclear_message_is_asked_again():
    [message], _ = run_action(ActionFallback(), build_tracker("nlu_fallback", text="azertyuiop"))
    assert message["response"] == RESPONSE_NOT_UNDERSTOOD
