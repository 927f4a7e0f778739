"""The intent classifier inside the Rasa pipeline: it learns the intents of the training data
(and the everyday questions of data/topics/ as ``ask``) and sets Rasa's intent and ranking."""
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.names import INTENT_ASK
from bot.nlu.intent_classifier import LinearIntentClassifier

EXAMPLES = {
    "greet": ["bonjour", "salut", "coucou", "bonsoir", "hello", "yo"],
    "thank": ["merci", "merci beaucoup", "super merci", "c'est gentil", "top merci", "merci bien"],
    INTENT_ASK: ["combien gagne un gestionnaire ?", "quel salaire pour un opérateur ?",
                 "il faut quel diplôme ?", "quelles études faire ?", "ça recrute ?", "les débouchés ?"],
}
# Only in data/topics/: learnt as ``ask`` when that data weighs enough.
EVERYDAY_QUESTION = "on vit bien avec ce taf ?"


def _context():
    return ExecutionContext(graph_schema=None, model_id="test")


def _train(directory, config, examples):
    storage, resource = LocalModelStorage(directory), Resource("intent_classifier")
    LinearIntentClassifier.create(config, storage, resource, _context()).train(TrainingData(examples))
    loaded = LinearIntentClassifier.load(config, storage, resource, _context())

    def parse(text):
        message = Message(data={TEXT: text})
        loaded.process([message])
        return message.as_dict(only_output_properties=True)

    return parse


def _examples():
    return [Message(data={TEXT: text, INTENT: intent}) for intent, texts in EXAMPLES.items() for text in texts]


@pytest.fixture(scope="module")
def classify(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        # Away from the project, with a data/topics/ of its own.
        elsewhere = tmp_path_factory.mktemp("elsewhere")
        (elsewhere / "data" / "topics").mkdir(parents=True)
        (elsewhere / "data" / "topics" / "salary.yml").write_text(
            'version: "3.1"\nnlu:\n- intent: ask\n  metadata:\n    topics: [salary]\n  examples: |\n'
            f"    - {EVERYDAY_QUESTION}\n", encoding="utf-8",
        )
        patch.chdir(elsewhere)
        config = {**LinearIntentClassifier.get_default_config(), "topic_data_total_weight": 1.0}
        yield _train(tmp_path_factory.mktemp("intent_classifier"), config, _examples())


@pytest.mark.parametrize("text, intent", [
    ("bonjour !", "greet"),
    ("merciii", "thank"),
    ("cb gagne un gestionaire", INTENT_ASK),
    (EVERYDAY_QUESTION, INTENT_ASK),
])
def test_the_intent_and_its_ranking_are_in_the_parse_data(classify, text, intent):
    parsed = classify(text)
    assert parsed[INTENT][INTENT_NAME_KEY] == intent
    ranking = parsed[INTENT_RANKING_KEY]
    assert ranking[0] == parsed[INTENT] and {entry[INTENT_NAME_KEY] for entry in ranking} == set(EXAMPLES)
    assert sum(entry[PREDICTED_CONFIDENCE_KEY] for entry in ranking) == pytest.approx(1.0)


def test_an_empty_message_has_no_intent_and_goes_to_the_fallback(classify):
    parsed = classify("")
    assert parsed[INTENT] == {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}
    assert parsed[INTENT_RANKING_KEY] == []


def test_training_data_with_a_single_intent_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvalidConfigException, match="deux intentions"):
        _train(tmp_path, LinearIntentClassifier.get_default_config(),
               [Message(data={TEXT: text, INTENT: "greet"}) for text in EXAMPLES["greet"]])
