"""Messages made of no known word go to the fallback, whatever the intent classifier guessed."""
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.unknown_words_fallback import UnknownWordsFallback

TRAINING = ["bonjour", "quel est le salaire ?", "merci beaucoup"]


@pytest.fixture
def component(tmp_path):
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    storage = LocalModelStorage(tmp_path)
    resource = Resource("unknown_words_fallback")
    context = ExecutionContext(graph_schema=None, model_id="test")
    trainer = UnknownWordsFallback.create({}, storage, resource, context)
    data = TrainingData([Message(data={TEXT: text, INTENT: "any"}) for text in TRAINING])
    tokenizer.process_training_data(data)
    trainer.train(data)
    loaded = UnknownWordsFallback.load({}, storage, resource, context)

    def classify(text, entities=()):
        message = Message(data={TEXT: text, INTENT: {"name": "insult", "confidence": 0.9}, ENTITIES: list(entities)})
        tokenizer.process([message])
        loaded.process([message])
        return message.get(INTENT)["name"]

    return classify


@pytest.mark.parametrize("text", ["azertyuiop qsdfghjk", "🙂🙂", "12345", "ßø"])
def test_no_known_word_is_a_fallback(component, text):
    assert component(text) == "nlu_fallback"


@pytest.mark.parametrize("text", ["Bonjour !", "salaire ??", "MERCI xyz"])
def test_a_known_word_keeps_the_intent(component, text):
    assert component(text) == "insult"


def test_an_entity_keeps_the_intent(component):
    assert component("gestionaire", [{"entity": "job", "value": "x"}]) == "insult"
