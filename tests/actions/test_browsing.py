""""Quels métiers connais-tu ?": the list, with a button per job."""
import json

from actions.browsing import ActionListJobs
from actions.names import SLOT_LISTED_JOBS, SLOT_TOPICS
from tests.builders import build_tracker, run_action
from tests.expected import GESTIONNAIRE, GESTIONNAIRE_NAME, OPERATEUR, OPERATEUR_NAME, plain


def test_the_jobs_are_listed_numbered_with_a_button_each():
    messages, slots = run_action(ActionListJobs(), build_tracker("list_jobs"))
    text = plain(messages[0]["text"])
    assert f"1. {GESTIONNAIRE_NAME}" in text and f"2. {OPERATEUR_NAME}" in text
    assert [button["title"] for button in messages[0]["buttons"]] == [GESTIONNAIRE_NAME, OPERATEUR_NAME]
    payload = messages[0]["buttons"][0]["payload"]
    assert payload.startswith("/inform") and json.loads(payload[len("/inform"):]) == {"job": GESTIONNAIRE}
    assert slots == {SLOT_LISTED_JOBS: [GESTIONNAIRE, OPERATEUR], SLOT_TOPICS: None}
