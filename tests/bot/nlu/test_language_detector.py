"""Messages in another language are noticed; informal or misspelt French is not taken for one."""
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.names import FRENCH, PARSE_LANGUAGE, PARSE_TOPICS
from bot.nlu.language_detector import LanguageDetector

TRAINING = ["on bosse en équipe ou seul ?", "c'est quoi le salaire ?", "il faut quel diplôme", "ça recrute en open space ?"]


@pytest.fixture(scope="module")
def parse(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("language_detector"))
    resource = Resource("language_detector")
    context = ExecutionContext(graph_schema=None, model_id="test")
    LanguageDetector.create({}, storage, resource, context).train(
        TrainingData([Message(data={TEXT: text, INTENT: "ask"}) for text in TRAINING])
    )
    loaded = LanguageDetector.load({}, storage, resource, context)

    def run(text, intent="ask", topics=("salary",), entities=({"entity": "term", "value": "back_office"},)):
        message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.9}, PARSE_TOPICS: list(topics),
                                ENTITIES: list(entities)})
        loaded.process([message])
        return message.get(PARSE_LANGUAGE), message.get(INTENT)["name"]

    return run


@pytest.mark.parametrize("text,language", [
    ("What is the salary of a back office operator?", "en"),
    ("¿Cuánto gana un operador de back office?", "es"),
    ("Wie viel verdient ein Sachbearbeiter im Backoffice?", "de"),
])
def test_a_question_in_another_language_is_named(parse, text, language):
    assert parse(text) == (language, "ask")


@pytest.mark.parametrize("text", [
    "on bosse en open space ?", "c koi le salaire d'un gestionaire bo", "quel est le job d'un back office manager ?",
    "ok", "hello", "merci beaucoup",
])
def test_french_sms_style_and_short_messages_stay_french(parse, text):
    assert parse(text)[0] == FRENCH


def test_a_foreign_message_the_bot_did_not_understand_goes_to_the_fallback(parse):
    assert parse("Hello, how are you doing today?", intent="greet") == ("en", "nlu_fallback")
    assert parse("What is the salary of a back office operator?", topics=()) == ("en", "nlu_fallback")
    # A topic guessed from foreign words, with nothing of the knowledge base recognised.
    assert parse("¿Dónde está la estación de tren?", entities=()) == ("es", "nlu_fallback")
    assert parse("Bonjour, comment allez-vous aujourd'hui ?", intent="greet") == (FRENCH, "greet")


def test_a_foreign_comparison_is_answered_only_when_it_names_something_to_compare(parse):
    assert parse("Hello, how are you doing today?", intent="compare", entities=()) == ("en", "nlu_fallback")
    assert parse("Which one is the best paid, operator or back office manager?", intent="compare") == ("en", "compare")
