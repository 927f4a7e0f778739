"""The detail classifier inside the Rasa pipeline: it learns the details named in the metadata
of the `ask` examples and, after the topic classifier, writes what each part of a question asks."""
import re

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import INTENT, METADATA, METADATA_INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.names import (
    INTENT_ASK, PARSE_ASKS, PARSE_DETAIL_READINGS, PARSE_MENTIONED_DETAILS, PARSE_TOPIC_ASKS, PARSE_TOPIC_CANDIDATES,
    PARSE_TOPICS,
)
from bot.nlu.detail_classifier import DetailClassifier, example_details

EXAMPLES = {
    ("salary", "salary_median"): ["le salaire median ?", "la mediane des salaires", "combien au median",
                                  "salaire du milieu ?"],
    ("salary", "salary_bonuses"): ["y a des primes ?", "des primes en plus ?", "prime de fin d'annee ?",
                                   "on touche un bonus ?"],
    ("salary", None): ["ça paie bien ?", "on gagne combien ?", "c'est bien payé ?", "combien on touche ?"],
    ("skills", "english_level"): ["faut il parler anglais ?", "l'anglais c'est obligé ?", "quel niveau d'anglais ?"],
    ("skills", None): ["quelles compétences ?", "il faut quelles qualités ?", "faut être comment ?"],
}


def labelled(text, topic, detail):
    metadata = {"topics": [topic], **({"details": [detail]} if detail else {})}
    return Message(data={TEXT: text, INTENT: INTENT_ASK, METADATA: {METADATA_INTENT: metadata}})


@pytest.fixture(scope="module")
def classifier(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("detail_classifier"))
    resource = Resource("detail_classifier")
    context = ExecutionContext(graph_schema=None, model_id="test")
    config = DetailClassifier.get_default_config()
    data = TrainingData([labelled(text, topic, detail) for (topic, detail), texts in EXAMPLES.items() for text in texts])
    with pytest.MonkeyPatch.context() as patch:
        # Away from the project: no data/topics/ to add to the examples above.
        patch.chdir(tmp_path_factory.mktemp("elsewhere"))
        DetailClassifier.create(config, storage, resource, context).train(data)
    return DetailClassifier.load(config, storage, resource, context)


def parse(classifier, text, topic_asks, candidates=()):
    """The parse data after the classifier, given what the topic classifier decided."""
    message = Message(data={TEXT: text, PARSE_TOPICS: list(dict.fromkeys(ask[0] for ask in topic_asks)),
                            PARSE_TOPIC_CANDIDATES: list(candidates),
                            PARSE_TOPIC_ASKS: [{"topic": topic, "start": start, "end": end}
                                               for topic, start, end in topic_asks]})
    classifier.process([message])
    return message.as_dict(only_output_properties=True)


def test_each_topic_asked_gets_its_detail_or_the_whole_topic(classifier):
    text = "le salaire median pour opératrice back office ?"
    asks = parse(classifier, text, [("salary", 0, len(text))])[PARSE_ASKS]
    assert [(ask["topic"], ask["detail"]) for ask in asks] == [("salary", "salary_median")]
    whole = parse(classifier, "ça paie bien opérateur ?", [("salary", 0, 24)])[PARSE_ASKS]
    assert whole[0]["detail"] is None


def test_each_part_of_a_question_is_read_on_its_own_closed_or_not(classifier):
    text = "y a des primes et faut il parler anglais ?"
    asks = parse(classifier, text, [("salary", 0, 14), ("skills", 18, len(text))])[PARSE_ASKS]
    assert [(ask["topic"], ask["detail"]) for ask in asks] == [("salary", "salary_bonuses"), ("skills", "english_level")]
    assert all(ask["yes_no"] for ask in asks)
    assert all(isinstance(ask["alternatives"], list) for ask in asks)


def test_a_part_after_the_job_it_starts_with_is_closed_on_its_own(classifier):
    text = "gestionnaire bo faut parler anglais ? et ca evolue vers quoi apres"
    asks = parse(classifier, text, [("skills", 0, 36), ("mobility", 40, len(text))])[PARSE_ASKS]
    assert [(ask["detail"], ask["yes_no"]) for ask in asks][0] == ("english_level", True)
    assert not asks[1]["yes_no"]


def test_a_part_without_a_verb_is_not_closed(classifier):
    # "et niveau informatique ?": the level asked, no "oui" to it.
    text = "et niveau informatique ?"
    asks = classifier.asks(text, [{"topic": "digital_skills", "start": 0, "end": len(text)}], [], verbs=[])
    assert not asks[0]["yes_no"]
    # A predicate closes it all the same: "et l'anglais c obligé ?".
    text = "et l'anglais c obligé ?"
    asks = classifier.asks(text, [{"topic": "skills", "start": 0, "end": len(text)}], [], verbs=[])
    assert asks[0]["yes_no"]


def test_a_follow_up_with_no_topic_decided_asks_the_one_detail_its_words_say(classifier):
    parsed = parse(classifier, "et la médiane ?", [], candidates=["salary", "skills"])
    assert [(ask["topic"], ask["detail"]) for ask in parsed[PARSE_ASKS]] == [("salary", "salary_median")]
    assert parsed[PARSE_MENTIONED_DETAILS] == ["salary_median"]
    assert parsed[PARSE_DETAIL_READINGS].get("salary") in (None, "salary_median")


def test_a_job_s_name_is_not_the_detail_of_the_titles_it_is_grouped_under(classifier):
    # "opérateur de traitements bancaires" names the gestionnaire de back office.
    parsed = parse(classifier, "opérateur de traitements bancaires, le salaire ?", [("salary", 0, 50)])
    assert parsed[PARSE_MENTIONED_DETAILS] == []


def test_a_detail_s_word_inside_a_longer_word_of_another_topic_is_that_topic_s(classifier):
    # "appelé à évoluer" says the trends; "évoluer" alone, the prospects of the mobility.
    parsed = parse(classifier, "et le métier, comment est-il appelé à évoluer ?", [("trends", 0, 47)])
    assert "mob_prospects" not in parsed[PARSE_MENTIONED_DETAILS]
    # "monter en grade" is the mobility's word and the career prospects' among the pros.
    parsed = parse(classifier, "et on peut monter en grade ?", [("mobility", 0, 28)])
    assert "pro_career_prospects" in parsed[PARSE_MENTIONED_DETAILS]


def test_an_unknown_detail_in_the_data_is_an_error_that_names_the_example(classifier):
    assert example_details(labelled("x", "salary", "salary_median")) == ["salary_median"]
    with pytest.raises(InvalidConfigException, match=re.escape("« le salaire moyen ? »")):
        classifier.labelled(labelled("le salaire moyen ?", "salary", "salaire_moyen"))


def test_a_part_ending_before_the_rest_of_its_closed_sentence_is_closed_with_it(classifier):
    # "il fait des opérations sur les titres, le gestionnaire ?": closed, the job said after.
    text = "il fait des opérations sur les titres, le gestionnaire de back office ?"
    asks = parse(classifier, text, [("activities", 0, 37)])[PARSE_ASKS]
    assert asks[0]["yes_no"]
    # Not a part giving the reason of the question: "…, vu que le secteur touche aux marchés ?".
    text = "la certification AMF est-elle exigée, vu que le secteur touche aux marchés financiers ?"
    asks = parse(classifier, text, [("training", 0, 36), ("sector", 37, len(text) - 2)])[PARSE_ASKS]
    assert [ask["yes_no"] for ask in asks] == [True, False]


def test_the_last_alternative_saying_the_no_and_the_words_taken_up_from_the_last_answer_name_nothing(classifier):
    parsed = parse(classifier, "y a des plus de 50 ans ou c'est que des jeunes ?", [("age_distribution", 0, 22)])
    assert "age_over_50_share" in parsed[PARSE_MENTIONED_DETAILS]
    assert "age_under_25_share" not in parsed[PARSE_MENTIONED_DETAILS]
    text = "vous dites « externalisation », ça veut dire moins de postes dans la banque ?"
    parsed = parse(classifier, text, [("trends", 31, len(text) - 2)])
    assert "trend_outsourcing" not in parsed[PARSE_MENTIONED_DETAILS]
    assert "trend_headcount_decline" in parsed[PARSE_MENTIONED_DETAILS]
