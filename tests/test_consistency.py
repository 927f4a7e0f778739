"""The domain, the NLU data, the rules, the actions and the knowledge topics agree."""
import re
from pathlib import Path

import yaml
from rasa_sdk.executor import ActionExecutor

from actions import names
from actions.answering import TopicAnswerAction
from knowledge.topics import Topic

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


def test_domain_intents_are_exactly_the_trained_ones():
    trained = {block["intent"] for block in nlu_blocks() if "intent" in block}
    assert set(DOMAIN["intents"]) == trained


def test_every_topic_has_its_intent_with_enough_examples():
    examples = {block["intent"]: block["examples"].count("\n- ") + 1 for block in nlu_blocks() if "intent" in block}
    for topic in Topic:
        assert examples.get(topic.intent, 0) >= 12, topic.intent
    assert set(names.TOPIC_INTENTS) <= set(DOMAIN["intents"])


def test_domain_actions_are_the_registered_custom_actions():
    assert set(DOMAIN["actions"]) == set(registered_actions())


def test_each_topic_intent_has_one_rule_to_the_action_in_charge_of_it():
    actions = registered_actions()
    for steps in rule_steps():
        intent, action = steps[0].get("intent"), steps[1].get("action")
        if intent in names.TOPIC_INTENTS:
            answering = actions[action].__self__  # the executor keeps bound run methods
            assert isinstance(answering, TopicAnswerAction) and intent in {t.intent for t in answering.topics}
    ruled = [steps[0].get("intent") for steps in rule_steps()]
    assert sorted(i for i in ruled if i in names.TOPIC_INTENTS) == sorted(names.TOPIC_INTENTS)


def test_slots_and_entity_names_match_the_constants():
    assert set(DOMAIN["slots"]) == {names.SLOT_JOB, names.SLOT_TOPIC, names.SLOT_OFFERED_JOBS}
    assert DOMAIN["entities"] == [names.ENTITY_JOB]


def test_domain_responses_follow_french_typography():
    for name, variants in DOMAIN["responses"].items():
        for variant in variants:
            text = variant["text"]
            assert not re.search(r" [?!;:»]|« ", text), name
            assert not re.search(r"[^\s\u00a0\u202f][?!;:](?=\s|$)", text), name
