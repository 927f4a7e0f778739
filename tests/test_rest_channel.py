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


def test_context_follow_ups_and_another_job_for_the_same_question(rest_bot):
    sender = uuid.uuid4().hex
    texts, _ = ask(rest_bot, "Combien ça paie, opératrice back-office ?", sender)
    assert texts[0].startswith(f"{OPERATEUR_NAME} — Salaire")
    texts, _ = ask(rest_bot, "et ses inconvénients ?", sender)
    assert texts[0].startswith(f"{OPERATEUR_NAME} — Inconvénients")
    texts, _ = ask(rest_bot, "il faut quel diplome ?", sender)
    assert texts[0].startswith(f"{OPERATEUR_NAME} — Formation")
    texts, _ = ask(rest_bot, "et pour le gestionnaire ?", sender)
    assert texts[0].startswith(f"{GESTIONNAIRE_NAME} — Formation") and "BTS Banque" in texts[0]
    texts, _ = ask(rest_bot, "D'où viennent ces chiffres ?", sender)
    assert "Observatoire des métiers" in texts[0] and "Pôle Emploi" not in texts[0]


def test_a_question_without_a_job_answers_both_sheets_then_a_short_reply_narrows_it(rest_bot):
    sender = uuid.uuid4().hex
    texts, _ = ask(rest_bot, "quelles compétences faut-il ?", sender)
    assert "2 fiches" in texts[0] and len(texts) == 3
    texts, _ = ask(rest_bot, "l'opératrice", sender)
    assert len(texts) == 1 and texts[0].startswith(f"{OPERATEUR_NAME} — Compétences")


def test_comparing_the_jobs_side_by_side(rest_bot):
    sender = uuid.uuid4().hex
    texts, _ = ask(rest_bot, "Quelle différence entre opérateur et gestionnaire de back office ?", sender)
    assert f"{OPERATEUR_NAME} : 1 766 € brut mensuel" in texts[0]
    assert f"{GESTIONNAIRE_NAME} : la fiche ne dit rien sur le salaire" in texts[0]
    texts, _ = ask(rest_bot, "compare leurs formations", sender)
    assert texts[0].startswith("Formation — comparaison") and "BTS Banque" in texts[0] and "Licence" in texts[0]


def test_listing_the_jobs_then_picking_one_by_rank(rest_bot):
    sender = uuid.uuid4().hex
    ask(rest_bot, "combien gagne un opérateur back-office ?", sender)
    texts, replies = ask(rest_bot, "Quels métiers connais-tu ?", sender)
    assert [button["title"] for button in replies[0]["buttons"]] == [GESTIONNAIRE_NAME, OPERATEUR_NAME]
    texts, _ = ask(rest_bot, "le deuxième", sender)
    assert texts[0].startswith(f"{OPERATEUR_NAME} — Présentation")
    texts, _ = ask(rest_bot, replies[0]["buttons"][0]["payload"], sender)
    assert texts[0].startswith(f"{GESTIONNAIRE_NAME} — Présentation")


@pytest.mark.parametrize(
    "message,expected",
    [
        ("salaire d'un boulanger ?", "Je ne connais pas ce métier"),
        ("quel temps fait-il demain ?", "je réponds seulement aux questions sur les métiers du back-office"),
        ("tu es un robot ?", "je suis un assistant automatique"),
        ("t'es nul", "Je fais de mon mieux"),
        ("merci", "Avec plaisir"),
        ("bonjour", "Bonjour"),
        ("au revoir", "Au revoir"),
        ("c'est quoi la monétique ?", "Monétique : Tout ce qui touche aux paiements électroniques"),
        ("c'est quoi un CDI ?", "CDI : Contrat à durée indéterminée"),
    ],
)
def test_scope_politeness_and_glossary(rest_bot, message, expected):
    texts, _ = ask(rest_bot, message)
    assert expected in texts[0]


def test_the_share_of_women_is_derived_and_labelled(rest_bot):
    texts, _ = ask(rest_bot, "quelle part de femmes chez les opérateurs back-office ?")
    assert "Part de femmes : 57 % (déduit de la part d'hommes : 100 − 43)" in texts[0]


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


def test_gibberish_gets_a_french_request_to_rephrase_with_suggestions_and_no_figure(rest_bot):
    texts, replies = ask(rest_bot, "zzkq wpx")
    assert "reformuler" in texts[0] and len(replies[0]["buttons"]) == 3
    assert not any(char.isdigit() for char in texts[0])


def test_unknown_job_in_a_forged_payload_gets_the_list_of_jobs(rest_bot):
    texts, _ = ask(rest_bot, '/ask{"job": "boulanger", "topic": "salary"}')
    assert "Je ne connais pas ce métier" in texts[0] and OPERATEUR_NAME in texts[0]


def test_help_lists_both_jobs_with_example_questions(rest_bot):
    texts, replies = ask(rest_bot, "que sais-tu faire ?")
    assert OPERATEUR_NAME in texts[0] and GESTIONNAIRE_NAME in texts[0]
    example = replies[0]["buttons"][0]["payload"]
    texts, _ = ask(rest_bot, example)
    assert "Source : " in texts[-1]


def test_a_misspelt_job_name_is_understood(rest_bot):
    texts, _ = ask(rest_bot, "il faut quelle formtion pour etre gestionaire de bak office ?")
    assert texts[0].startswith(GESTIONNAIRE_NAME) and "BTS Banque" in texts[0]
