"""The topic classifier inside the Rasa pipeline: it learns from the topics named in the
metadata of the `ask` examples and writes its decision into the parse data."""
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import INTENT, METADATA, METADATA_EXAMPLE, METADATA_INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.names import INTENT_ASK, PARSE_TOPIC_CANDIDATES, PARSE_TOPIC_RANKING, PARSE_TOPICS
from bot.nlu.topic_classifier import (
    TopicClassifier, example_topics, labelled_questions, topic_data_fingerprint, topic_examples,
)
from bot.nlu.topic_model import TopicDecision, TopicScore

EXAMPLES = {
    "salary": ["ça paie bien l'opératrice back office ?", "on touche combien par mois", "c'est assez pour vivre ?"],
    "training": ["il faut quel bac pour être gestionnaire ?", "quelle école faire ?", "on y entre avec un bts ?"],
    "cons": ["c'est quoi le pire dans ce job ?", "qu'est-ce qui est chiant ?", "c'est galère ?"],
}


def labelled(text, topics, level=METADATA_INTENT, intent=INTENT_ASK):
    return Message(data={TEXT: text, INTENT: intent, METADATA: {level: {"topics": topics}}})


def test_an_example_is_labelled_by_its_own_metadata_before_its_block():
    message = Message(data={TEXT: "x", INTENT: INTENT_ASK,
                            METADATA: {METADATA_INTENT: {"topics": ["salary"]}, METADATA_EXAMPLE: {"topics": ["cons"]}}})
    assert example_topics(message) == ["cons"]
    assert example_topics(Message(data={TEXT: "x", INTENT: INTENT_ASK})) == []


def test_data_topics_adds_its_questions_and_its_content_is_in_the_fingerprint(tmp_path):
    (tmp_path / "salary.yml").write_text(
        'version: "3.1"\nnlu:\n- intent: ask\n  metadata:\n    topics: [salary]\n  examples: |\n    - ça paie ?\n',
        encoding="utf-8",
    )
    before = topic_data_fingerprint(tmp_path)
    data = TrainingData([labelled("a", ["cons"])])
    assert sorted(example.get(TEXT) for example in topic_examples(data, tmp_path)) == ["a", "ça paie ?"]
    (tmp_path / "salary.yml").write_text((tmp_path / "salary.yml").read_text().replace("paie", "paye"))
    assert topic_data_fingerprint(tmp_path) != before


def test_only_labelled_ask_examples_train_and_an_unknown_topic_is_an_error():
    data = TrainingData([labelled("a", ["salary"]), labelled("b", ["salary"], intent="greet"),
                         Message(data={TEXT: "c", INTENT: INTENT_ASK})])
    assert [example.get(TEXT) for example in labelled_questions(data)] == ["a"]
    with pytest.raises(InvalidConfigException, match="salaire"):
        labelled_questions(TrainingData([labelled("a", ["salaire"])]))


@pytest.fixture(scope="module")
def classify(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("topic_classifier"))
    resource = Resource("topic_classifier")
    context = ExecutionContext(graph_schema=None, model_id="test")
    config = TopicClassifier.get_default_config()
    data = TrainingData([labelled(text, [topic]) for topic, texts in EXAMPLES.items() for text in texts])
    with pytest.MonkeyPatch.context() as patch:
        # Away from the project: no data/topics/ to add to the examples above.
        patch.chdir(tmp_path_factory.mktemp("elsewhere"))
        TopicClassifier.create(config, storage, resource, context).train(data)
    loaded = TopicClassifier.load(config, storage, resource, context)

    def parse(text):
        message = Message(data={TEXT: text})
        loaded.process([message])
        return message.as_dict(only_output_properties=True)

    return parse


def test_the_decision_and_the_ranking_are_in_the_parse_data(classify):
    parsed = classify("combien on touche comme gestionnaire de back office ?")
    assert parsed[PARSE_TOPICS] == ["salary"] and parsed[PARSE_TOPIC_CANDIDATES] == []
    assert parsed[PARSE_TOPIC_RANKING][0]["name"] == "salary"
    assert set(parsed[PARSE_TOPIC_RANKING][0]) == {"name", "confidence"}


def test_an_unclear_question_gets_candidates_instead_of_topics(classify):
    parsed = classify("euh bof")
    assert parsed[PARSE_TOPICS] == []
    assert parsed[PARSE_TOPIC_CANDIDATES] and set(parsed[PARSE_TOPIC_CANDIDATES]) <= set(EXAMPLES)


@pytest.mark.parametrize("text, intent, confidence, expected", [
    # "ok et côté info ?" taken for a 👎, "et en info ?" unsure: a follow-up on a sure topic.
    ("ok et côté info ?", "feedback_not_useful", 0.9, True), ("et en info ?", "inform", 0.3, True),
    # Not a comparison, nor small talk that goes on from nothing.
    ("et comparé à l'autre ?", "compare", 0.3, False), ("merci beaucoup", "thank", 0.9, False),
])
def test_a_follow_up_on_a_sure_topic_is_a_question_whatever_its_first_words_seemed(text, intent, confidence, expected):
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": confidence}})
    sure = [TopicScore("digital_skills", 0.95), TopicScore("skills", 0.05)]
    decision = TopicDecision(("digital_skills",), ())
    assert TopicClassifier._asks_a_topic_despite_the_intent(message, decision, sure, found=()) is expected
