"""The NLU component that turns job names, topic words and glossary terms into entities."""
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.knowledge_entity_extractor import KnowledgeEntityExtractor
from knowledge.store import default_store
from tests.expected import GESTIONNAIRE


def extract(text, entities=()):
    message = Message(data={TEXT: text, ENTITIES: list(entities)})
    KnowledgeEntityExtractor(default_store()).process([message])
    return message.get(ENTITIES)


def test_a_misspelt_job_and_a_topic_word_become_entities_with_their_spans():
    text = "cb gagne un gestionaire ?"
    topic, job = extract(text)
    assert (topic["entity"], topic["value"], text[topic["start"]:topic["end"]]) == ("topic", "salary", "gagne")
    assert (job["entity"], job["value"], text[job["start"]:job["end"]]) == ("job", GESTIONNAIRE, "gestionaire")
    assert job["extractor"] == "KnowledgeEntityExtractor" and 0.9 < job["confidence_entity"] < 1


def test_entities_of_other_extractors_are_kept():
    rank = {"entity": "rank", "value": "1", "start": 3, "end": 10, "extractor": "RegexEntityExtractor"}
    assert extract("le premier", [rank]) == [rank]


def test_a_glossary_term_becomes_a_term_entity():
    (term,) = extract("c'est quoi la monétique ?")
    assert (term["entity"], term["value"]) == ("term", "monetique")


def test_no_knowledge_no_entity():
    assert extract("la gestion des données c'est important ?") == []
