"""The NLU component that adds misspelt job names as `job` entities."""
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.fuzzy_job_extractor import FuzzyJobExtractor
from knowledge.store import default_store
from tests.expected import GESTIONNAIRE, OPERATEUR


def extract(text, entities=()):
    message = Message(data={TEXT: text, ENTITIES: list(entities)})
    FuzzyJobExtractor(default_store()).process([message])
    return message.get(ENTITIES)


def test_a_misspelt_job_becomes_a_job_entity_with_its_span():
    (entity,) = extract("cb gagne un gestionaire ?")
    assert entity["entity"] == "job" and entity["value"] == GESTIONNAIRE
    assert "cb gagne un gestionaire ?"[entity["start"]:entity["end"]] == "gestionaire"
    assert entity["extractor"] == "FuzzyJobExtractor"


def test_a_job_already_found_is_left_alone():
    exact = {"entity": "job", "value": OPERATEUR, "start": 0, "end": 9, "extractor": "RegexEntityExtractor"}
    assert extract("opérateur ou gestionaire ?", [exact]) == [exact]


def test_no_job_no_entity():
    assert extract("la gestion des données c'est important ?") == []
