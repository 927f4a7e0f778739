"""What the bot can do, with example questions as buttons."""
import json

from actions.help import ActionShowHelp
from tests.builders import build_tracker, run_action, use_store
from tests.expected import GESTIONNAIRE_NAME, OPERATEUR_NAME, plain


def test_help_lists_the_known_jobs_with_example_questions_as_buttons():
    messages, _ = run_action(ActionShowHelp(), build_tracker("help"))
    help_message = messages[0]
    assert OPERATEUR_NAME in help_message["text"] and GESTIONNAIRE_NAME in help_message["text"]
    payloads = [button["payload"] for button in help_message["buttons"]]
    questions = [json.loads(payload[len("/ask"):]) for payload in payloads if payload.startswith("/ask{")]
    assert len(questions) == 3 and all({"job", "topic"} == set(question) for question in questions)
    assert "/compare" in payloads


def test_with_many_sheets_help_counts_the_jobs_instead_of_naming_each(monkeypatch, synthetic_store):
    use_store(monkeypatch, synthetic_store)
    messages, _ = run_action(ActionShowHelp(), build_tracker("help"))
    said = plain(messages[0]["text"])
    assert said.startswith("Je réponds à vos questions sur 50 métiers du back-office") and OPERATEUR_NAME not in said
