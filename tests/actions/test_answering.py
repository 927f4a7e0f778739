"""Every answering action against the real knowledge base: each topic × each job."""
import pytest

from actions.career import ActionAnswerCareer
from actions.labour_market import ActionAnswerLabourMarket
from actions.names import SLOT_JOB, SLOT_OFFERED_JOBS, SLOT_TOPIC
from actions.presentation import ActionAnswerPresentation
from actions.salary import ActionAnswerSalary
from actions.skills import ActionAnswerSkills
from actions.training import ActionAnswerTraining
from knowledge.topics import Topic
from tests.builders import build_tracker, run_action, texts
from tests.expected import (
    FACTS, GESTIONNAIRE, GESTIONNAIRE_NAME, GESTIONNAIRE_SOURCE, MISSING, MISSING_SENTENCE,
    OPERATEUR, OPERATEUR_NAME, OPERATEUR_SOURCE, SPOKEN_NAMES, plain,
)

ANSWERING_ACTIONS = [
    ActionAnswerPresentation(), ActionAnswerTraining(), ActionAnswerSkills(),
    ActionAnswerSalary(), ActionAnswerLabourMarket(), ActionAnswerCareer(),
]
NAMES = {OPERATEUR: OPERATEUR_NAME, GESTIONNAIRE: GESTIONNAIRE_NAME}
SOURCES = {OPERATEUR: OPERATEUR_SOURCE, GESTIONNAIRE: GESTIONNAIRE_SOURCE}
OTHER = {OPERATEUR: GESTIONNAIRE, GESTIONNAIRE: OPERATEUR}


def action_for(topic: Topic):
    return next(action for action in ANSWERING_ACTIONS if topic in action.topics)


def ask(topic: Topic, jobs=(), slots=None):
    return run_action(action_for(topic), build_tracker(topic.intent, jobs=jobs, slots=slots))


def test_each_topic_is_answered_by_exactly_one_action():
    handled = [topic for action in ANSWERING_ACTIONS for topic in action.topics]
    assert sorted(handled) == sorted(Topic)


@pytest.mark.parametrize("job,topic", sorted(FACTS, key=lambda pair: (pair[0], pair[1].value)))
def test_named_job_gets_the_sheet_facts_with_its_source(job, topic):
    messages, slots = ask(topic, jobs=[SPOKEN_NAMES[job]])

    assert len(messages) == 1
    lines = plain(messages[0]["text"]).split("\n")
    assert lines[0].startswith(NAMES[job])
    for fact in FACTS[(job, topic)]:
        assert fact in "\n".join(lines), fact
    assert lines[-1].startswith("Source : ") and SOURCES[job] in lines[-1]
    assert slots == {SLOT_JOB: job, SLOT_TOPIC: topic.value, SLOT_OFFERED_JOBS: None}


@pytest.mark.parametrize("job,topic", MISSING)
def test_missing_fact_is_said_missing_and_the_other_sheet_offered(job, topic):
    messages, slots = ask(topic, jobs=[SPOKEN_NAMES[job]])

    said = plain(messages[0]["text"])
    assert MISSING_SENTENCE in said and NAMES[job] in said
    other = OTHER[job]
    if (other, topic) in FACTS:
        offer = messages[1]
        assert NAMES[other] in plain(offer["text"])
        assert [button["payload"] for button in offer["buttons"]] == [
            f'/{topic.intent}{{"job": "{other}"}}'
        ]
        assert slots[SLOT_OFFERED_JOBS] == [other]
    else:
        assert len(messages) == 1 and slots[SLOT_OFFERED_JOBS] is None


def test_hiring_volume_na_is_not_available_never_zero():
    messages, _ = ask(Topic.LABOUR_MARKET, jobs=[OPERATEUR])
    hiring = next(line for line in plain(messages[0]["text"]).split("\n") if "embauche" in line)
    assert "non disponible" in hiring and "0" not in hiring.split(":")[1].replace("NA", "")


def test_salary_figures_keep_their_own_labels():
    messages, _ = ask(Topic.SALARY, jobs=[OPERATEUR])
    text = plain(messages[0]["text"])
    assert "ne concordent pas exactement" in text
    assert "Salaire max : 2 917 €" in text and "jusqu'à 45 000 € par an" in text


def test_job_in_focus_answers_a_question_without_a_job():
    messages, slots = ask(Topic.SALARY, slots={SLOT_JOB: OPERATEUR})
    assert "1 766 €" in plain(messages[0]["text"]) and slots[SLOT_JOB] == OPERATEUR


def test_named_job_wins_over_job_in_focus():
    messages, slots = ask(Topic.TRAINING, jobs=["gestionnaire"], slots={SLOT_JOB: OPERATEUR})
    assert "BTS Banque" in messages[0]["text"] and slots[SLOT_JOB] == GESTIONNAIRE


def test_no_job_and_both_sheets_hold_the_topic_answers_both_labelled():
    messages, slots = ask(Topic.TRAINING)
    said = texts(messages)
    assert "2 fiches" in plain(said[0])
    assert said[1].startswith(GESTIONNAIRE_NAME) and said[2].startswith(OPERATEUR_NAME)
    assert SLOT_JOB not in slots and slots[SLOT_TOPIC] == Topic.TRAINING.value


def test_no_job_and_one_sheet_holds_the_topic_answers_from_it_and_says_which():
    messages, slots = ask(Topic.SALARY)
    said = texts(messages)
    assert "Seule la fiche" in said[0] and OPERATEUR_NAME in said[0]
    assert "1 766 €" in plain(said[1])
    assert slots[SLOT_JOB] == OPERATEUR


@pytest.mark.parametrize(
    "named",
    ["boulanger", "<script>alert(1)</script>", "x" * 10_000, "'; DROP TABLE events; --", "\x00\x01"],
)
def test_unknown_or_forged_job_gets_the_list_of_known_jobs(named):
    messages, slots = ask(Topic.SALARY, jobs=[named], slots={SLOT_JOB: GESTIONNAIRE})
    said = messages[0]["text"]
    assert "Je ne connais pas ce métier" in said
    assert OPERATEUR_NAME in said and GESTIONNAIRE_NAME in said
    assert named not in said
    assert SLOT_JOB not in slots


def test_an_intent_the_action_does_not_handle_gets_the_default_reply():
    messages, slots = run_action(ActionAnswerSalary(), build_tracker("ask_training", jobs=[OPERATEUR]))
    assert messages[0]["response"] == "utter_default" and slots == {}


def test_accents_case_and_spacing_of_the_job_name_do_not_matter():
    messages, _ = ask(Topic.ROME_CODE, jobs=["OPERATRICE  BACKOFFICE"])
    assert "C1302" in messages[0]["text"]


def test_grouped_job_title_resolves_to_the_banking_sheet():
    messages, _ = ask(Topic.ACTIVITIES, jobs=["opérateur de traitements bancaires"])
    assert messages[0]["text"].startswith(GESTIONNAIRE_NAME)
