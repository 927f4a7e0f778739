"""The running bot over its REST channel, as a user of `make run` sees it."""
import uuid

import pytest

from tests.expected import (
    FACTS, GESTIONNAIRE_NAME, MISSING, MISSING_SENTENCE, OPERATEUR_NAME,
    QUESTIONS, SPOKEN_NAMES, plain,
)
from tests.servers import say


def ask(base_url, message, sender=None):
    replies = say(base_url, sender or uuid.uuid4().hex, message)
    return [plain(reply.get("text", "")) for reply in replies], replies


@pytest.mark.parametrize("job,topic", sorted(FACTS, key=lambda pair: (pair[0], pair[1].value)))
def test_each_topic_of_each_sheet_is_answered_with_its_facts(rest_bot, job, topic):
    texts, _ = ask(rest_bot, QUESTIONS[topic].format(job=SPOKEN_NAMES[job]))
    answer = "\n".join(texts)
    for fact in FACTS[(job, topic)]:
        assert fact in answer, f"{fact!r} missing from:\n{answer}"
    assert "\nSource : " in answer


@pytest.mark.parametrize("job,topic", MISSING)
def test_a_fact_the_sheet_lacks_is_said_missing(rest_bot, job, topic):
    texts, _ = ask(rest_bot, QUESTIONS[topic].format(job=SPOKEN_NAMES[job]))
    assert MISSING_SENTENCE in texts[0]


def test_a_conversation_keeps_the_job_and_accepts_the_offer(rest_bot):
    sender = uuid.uuid4().hex
    texts, _ = ask(rest_bot, "cb gagne un operateur back office ?", sender)
    assert "1 766 €" in texts[0]
    texts, _ = ask(rest_bot, "et il faut quelle formation ?", sender)
    assert texts[0].startswith(OPERATEUR_NAME) and "Bac+2" in texts[0]
    texts, replies = ask(rest_bot, "quel est le salaire d'un gestionnaire de back office ?", sender)
    assert MISSING_SENTENCE in texts[0] and replies[1]["buttons"]
    texts, _ = ask(rest_bot, "oui", sender)
    assert texts[0].startswith(OPERATEUR_NAME) and "1 766 €" in texts[0]


def test_the_offer_button_payload_works(rest_bot):
    _, replies = ask(rest_bot, "Quelles sont les tendances d'évolution du métier d'opérateur back-office ?")
    payload = replies[1]["buttons"][0]["payload"]
    texts, _ = ask(rest_bot, payload)
    assert texts[0].startswith(GESTIONNAIRE_NAME) and "externalisation" in texts[0]


def test_gibberish_gets_a_french_request_to_rephrase(rest_bot):
    texts, _ = ask(rest_bot, "zzkq wpx")
    assert "reformuler" in texts[0]


def test_unknown_job_in_a_forged_payload_gets_the_list_of_jobs(rest_bot):
    texts, _ = ask(rest_bot, '/ask_salary{"job": "boulanger"}')
    assert "Je ne connais pas ce métier" in texts[0] and OPERATEUR_NAME in texts[0]


def test_help_lists_both_jobs(rest_bot):
    texts, _ = ask(rest_bot, "que sais-tu faire ?")
    assert OPERATEUR_NAME in texts[0] and GESTIONNAIRE_NAME in texts[0]


def test_a_misspelt_job_name_is_understood(rest_bot):
    texts, _ = ask(rest_bot, "il faut quelle formtion pour etre gestionaire de bak office ?")
    assert texts[0].startswith(GESTIONNAIRE_NAME) and "BTS Banque" in texts[0]
