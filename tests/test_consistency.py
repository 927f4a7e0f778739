"""The domain, the NLU data, the rules, the actions and the knowledge base agree."""
import re
from functools import lru_cache
from pathlib import Path

import yaml
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa_sdk.executor import ActionExecutor

from actions import names
from knowledge.loader import load_topic_vocabulary
from knowledge.store import default_store
from knowledge.text import normalize
from knowledge.topics import Topic
from tests.expected import says_obvious_word

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def nlu_blocks():
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        yield from yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]


def rule_steps():
    for rule in yaml.safe_load((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"))["rules"]:
        yield rule["steps"]


def registered_actions():
    executor = ActionExecutor()
    executor.register_package("actions")
    return executor.actions


def constants(prefix):
    return {value for name, value in vars(names).items() if name.startswith(prefix)}


def test_domain_intents_are_exactly_the_trained_ones_and_the_constants():
    trained = {block["intent"] for block in nlu_blocks() if "intent" in block}
    assert set(DOMAIN["intents"]) == trained == constants("INTENT_")


def test_every_intent_has_enough_examples():
    counts = {}
    for block in nlu_blocks():
        if "intent" in block:
            counts[block["intent"]] = counts.get(block["intent"], 0) + len(block["examples"].splitlines())
    assert {intent: count for intent, count in counts.items() if count < 20} == {}


def test_every_intent_has_exactly_one_rule():
    # Rules that carry on after an action (what was missing, after a 👎) are not counted here.
    ruled = [steps[0]["intent"] for steps in rule_steps() if "intent" in steps[0]]
    assert sorted(ruled) == sorted([*DOMAIN["intents"], "nlu_fallback"])


def test_domain_actions_are_the_registered_custom_actions_and_the_constants():
    assert set(DOMAIN["actions"]) == set(registered_actions()) == constants("ACTION_")


def test_slots_and_entities_match_the_constants():
    assert set(DOMAIN["slots"]) == constants("SLOT_")
    assert set(DOMAIN["entities"]) == constants("ENTITY_")


def test_other_jobs_are_not_names_of_known_jobs_or_topic_words():
    store = default_store()
    lookup = next(block for block in nlu_blocks() if block.get("lookup") == names.ENTITY_OTHER_JOB)
    others = [line.strip()[2:] for line in lookup["examples"].splitlines()]
    known = {normalize(name) for sheet in store.jobs for name in [sheet.name, *sheet.aliases]}
    words = {normalize(word) for topic_words in load_topic_vocabulary().values() for word in topic_words}
    assert [other for other in others if normalize(other) in known | words] == []


def test_domain_responses_follow_french_typography():
    for name, variants in DOMAIN["responses"].items():
        for variant in variants:
            for text in [variant["text"], *(button["title"] for button in variant.get("buttons", []))]:
                assert not re.search(r" [?!;:»]|« ", text), name
                assert not re.search(r"[^\s\u00a0\u202f][?!;:](?=\s|$)", text), name


def test_response_buttons_send_known_intents():
    for variants in DOMAIN["responses"].values():
        for variant in variants:
            for button in variant.get("buttons", []):
                assert button["payload"].lstrip("/") in DOMAIN["intents"]


@lru_cache(maxsize=1)
def ask_examples():
    """The questions on a job of data/nlu/ (the intent and topic classifiers) and of
    data/topics/ (the topic classifier, and the intent classifier at a low weight)."""
    from rasa.shared.nlu.training_data.loading import load_data

    loaded = [load_data(str(path)) for path in sorted((ROOT / "data").glob("*/*.yml"))]
    return [example for data in loaded for example in data.intent_examples
            if example.get("intent") == names.INTENT_ASK]


def test_every_question_on_our_jobs_names_its_topics_and_every_job_annotation_is_known():
    from bot.nlu.topic_classifier import example_topics, labelled_questions

    examples = ask_examples()
    labelled_questions(TrainingData(examples))  # an unknown topic id raises
    unlabelled = [example.get("text") for example in examples if not example_topics(example)
                  and not any(entity["entity"] == names.ENTITY_OTHER_JOB for entity in example.get("entities") or [])]
    assert unlabelled == []
    for example in examples:
        for entity in example.get("entities") or []:
            if entity["entity"] == names.ENTITY_JOB:
                assert default_store().resolve(entity["value"]), (entity["value"], example.get("text"))


def test_every_topic_is_learnt_from_many_phrasings_mostly_without_its_obvious_words():
    from bot.nlu.topic_classifier import example_topics

    for topic in Topic:
        texts = [example.get("text") for example in ask_examples() if example_topics(example) == [topic.value]]
        assert len(texts) >= 80, (topic, len(texts))
        without = [text for text in texts if not says_obvious_word(text, topic)]
        assert len(without) * 2 >= len(texts), (topic, len(without), len(texts))
