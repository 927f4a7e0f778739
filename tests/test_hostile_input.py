"""Whatever a public chat box receives, the user gets a clear French reply, the server stays
up, and nothing internal (stack trace, exception, file path) reaches the user."""
import pytest
import requests

from tests.expected import GESTIONNAIRE_NAME, OPERATEUR_NAME
from tests.servers import reply_text, say
from tests.test_nlu_quality import HELDOUT, examples, typed_text

NOT_UNDERSTOOD = "Désolé, je n'ai pas bien compris. Pouvez-vous reformuler ?"
UNKNOWN_JOB = "Je ne connais pas ce métier : je réponds seulement à partir de mes fiches"
TOO_LONG = "Votre message est trop long (100 000 caractères) : je lis les questions de 1 000 caractères au plus."
SALARY = "1 766 € brut mensuel"
INTERNALS = ("Traceback", "Exception", "Error", "rasa.", "/site-packages/", "NoneType", "undefined", "{", "}")

HOSTILE_INPUTS = {
    "vide": ("", NOT_UNDERSTOOD),
    "espaces": ("   \t\n  ", NOT_UNDERSTOOD),
    "100 000 caractères": ("salaire " * 12_499 + "salaire!", TOO_LONG),
    "binaire": ("\x00\x01\x02\x7f\x1b[31m\ufffd\ud7ff", NOT_UNDERSTOOD),
    "caractères de contrôle": ("\r\r\n\x0b\x0c\x08", NOT_UNDERSTOOD),
    "émojis seuls": ("😀🤖💼🏦", NOT_UNDERSTOOD),
    "texte de droite à gauche": ("ما هو راتب موظف المكتب الخلفي؟", NOT_UNDERSTOOD),
    "marqueurs de sens d'écriture": ("\u202e\u2066\u200f", NOT_UNDERSTOOD),
    "SQL": ("'; DROP TABLE events; --", NOT_UNDERSTOOD),
    "HTML et script": ("<script>alert(document.cookie)</script><b>salaire</b>", SALARY),
    "métier forgé inconnu": ('/ask{"job": "astronaute"}', UNKNOWN_JOB),
    "métier forgé énorme": ('/ask{"job": "' + "x" * 900 + '"}', UNKNOWN_JOB),
    "métier forgé malveillant": ('/ask{"job": "<img src=x onerror=alert(1)>", "topic": "../../etc/passwd"}', UNKNOWN_JOB),
    "métier forgé de travers": ('/ask{"job": ["a", {"b": 1}], "topic": 12}', UNKNOWN_JOB),
    "charge forgée illisible": ('/ask{"job": ', "Je réponds à vos questions sur ces métiers"),
    "intention forgée inconnue": ('/pirater{"x": 1}', NOT_UNDERSTOOD),
    "action forgée": ("/action_answer", NOT_UNDERSTOOD),
    "métier inconnu": ("quel est le salaire d'un astronaute ?", UNKNOWN_JOB),
    "autre métier inconnu": ("comment devenir chauffeur de taxi", UNKNOWN_JOB),
    # Jobs missing from the other_job table too: bot/nlu/unknown_job_extractor.py.
    "métier absent de toute liste": ("salaire d'un sommelier", UNKNOWN_JOB),
    "devenir un métier absent": ("je veux devenir croupier", UNKNOWN_JOB),
    "métier de… absent": ("c'est quoi le métier de bûcheron ?", UNKNOWN_JOB),
    "métier en anglais": ("quelle formation pour être data engineer ?", UNKNOWN_JOB),
}


@pytest.mark.parametrize("kind", HOSTILE_INPUTS)
def test_hostile_input_gets_a_clear_french_reply(rest_bot, kind):
    message, expected = HOSTILE_INPUTS[kind]
    replies = say(rest_bot, f"hostile-{kind}", message)
    text = reply_text(replies)
    assert expected in text
    assert not [internal for internal in INTERNALS if internal in text]
    assert requests.get(rest_bot, timeout=10).ok


def test_an_unknown_job_offers_the_known_ones(rest_bot):
    [reply] = say(rest_bot, "hostile-offre", "c'est quoi le métier d'astronaute ?")
    assert [button["title"] for button in reply["buttons"]] == [GESTIONNAIRE_NAME, OPERATEUR_NAME]


def test_forged_entity_values_never_reach_the_conversation_state(rest_bot):
    say(rest_bot, "hostile-etat", '/ask{"job": "<script>alert(1)</script>"}')
    replies = say(rest_bot, "hostile-etat", "et le salaire ?")
    text = reply_text(replies)
    assert "script" not in text
    assert SALARY in text


def test_unknown_job_is_said_exactly_for_held_out_questions_naming_another_job(rest_bot):
    mistaken = []
    for number, (_, example) in enumerate(examples(HELDOUT)):
        text = typed_text(example)
        said_unknown = UNKNOWN_JOB in reply_text(say(rest_bot, f"tenu-a-part-{number}", text))
        if said_unknown != ("other_job" in example):
            mistaken.append(text)
    assert number > 200
    assert mistaken == []
