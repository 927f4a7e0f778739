"""A job the bot has never heard of, named after "un", "devenir", "métier de"…, is marked
`other_job`; known words, the bot's own jobs and users describing themselves are not."""
import re

import pytest
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.names import ENTITY_JOB, ENTITY_OTHER_JOB, INTENT_ASK, INTENT_GREET, INTENT_OUT_OF_SCOPE, PARSE_TOPICS
from bot.nlu.unknown_job_extractor import UnknownJobExtractor

KNOWN = {"salaire", "quel", "formation", "pour", "quelle", "metier", "c", "est", "quoi", "je", "veux", "debutant",
         "combien", "gagne", "etudiant", "operateur", "back", "office"}


def processed(text, intent=INTENT_ASK, entities=(), topics=()):
    tokens = [Token(match.group(), match.start()) for match in re.finditer(r"\w+'?|[^\w\s]", text)]
    message = Message(data={TEXT: text, TOKENS_NAMES[TEXT]: tokens, INTENT: {"name": intent},
                            ENTITIES: list(entities), PARSE_TOPICS: list(topics)})
    [message] = UnknownJobExtractor(None, None, KNOWN).process([message])
    return message


def extract(text, intent=INTENT_ASK, entities=()):
    return [(entity["entity"], entity["value"]) for entity in processed(text, intent, entities).get(ENTITIES)
            if entity.get("extractor") == "UnknownJobExtractor"]


@pytest.mark.parametrize("text,job", [
    ("quel salaire pour un sommelier ?", "sommelier"),
    ("je veux devenir croupier", "croupier"),
    ("c'est quoi le métier de bûcheron ?", "bûcheron"),
    ("c'est quoi le métier d'ébéniste", "ébéniste"),
    ("quelle formation pour être data engineer ?", "data engineer"),
])
def test_an_unknown_word_where_a_job_is_named_is_an_unknown_job(text, job):
    assert extract(text) == [(ENTITY_OTHER_JOB, job)]


@pytest.mark.parametrize("text", [
    "combien gagne un débutant ?",
    "quelle formation pour un opérateur back office ?",
    "je suis un étudiant, quelle formation ?",
])
def test_known_words_and_users_speaking_of_themselves_are_not_jobs(text):
    assert extract(text) == []


def test_a_message_naming_one_of_the_bots_jobs_is_left_alone():
    job = {"entity": ENTITY_JOB, "value": "operateur_back_office", "start": 0, "end": 3}
    assert extract("ope ou devenir sommelier ?", entities=[job]) == []


def test_only_questions_are_read():
    assert extract("salut, je veux devenir sommelier", intent=INTENT_GREET) == []


def test_a_job_after_devenir_in_a_message_read_as_out_of_scope_makes_it_a_question():
    message = processed("je veux devenir croupier", intent=INTENT_OUT_OF_SCOPE)
    assert message.get(INTENT)["name"] == INTENT_ASK
    assert [(entity["entity"], entity["value"]) for entity in message.get(ENTITIES)] == [(ENTITY_OTHER_JOB, "croupier")]
    # "une histoire" after "une": no job named, still out of scope.
    assert extract("raconte moi une histoire", intent=INTENT_OUT_OF_SCOPE) == []


@pytest.mark.parametrize("text, kept", [
    ("il peut devenir manager ?", False),
    ("on peut évoluer vers conseiller ?", False),
    # The job asked about, not where one may go.
    ("quelle mobilité pour un manager ?", True),
])
def test_a_job_one_may_move_to_is_not_the_job_asked_about(text, kept):
    start = text.index("manager" if "manager" in text else "conseiller")
    word = text[start:].split()[0]
    other = {"entity": ENTITY_OTHER_JOB, "value": word, "start": start, "end": start + len(word)}
    entities = processed(text, entities=[other], topics=["mobility"]).get(ENTITIES)
    assert (other in entities) is kept
    # Not a question on mobility: the job is asked about.
    assert other in processed(text, entities=[other], topics=["salary"]).get(ENTITIES)
