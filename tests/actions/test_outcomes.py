"""What became of each question, kept in the ``outcome`` slot for the operator's report."""
import pytest

from actions.routing import ActionAnswer
from actions.routing import ActionCompare
from actions.glossary import ActionDefineTerm
from actions.names import INTENT_ASK, PARSE_ASKS, PARSE_TOPIC_CANDIDATES, PARSE_TOPICS, SLOT_JOB, SLOT_OUTCOME
from actions.outcomes import ANSWERED, CLARIFICATION, MISSING_FACT, UNKNOWN_JOB
from knowledge.topics import Topic
from tests.builders import build_tracker, run_action
from tests.expected import GESTIONNAIRE, OPERATEUR


def outcome_of(action, intent=INTENT_ASK, **tracker):
    _, slots = run_action(action, build_tracker(intent, **tracker))
    return slots.get(SLOT_OUTCOME)


def test_an_answer_names_the_sheet_quoted_and_the_topic():
    assert outcome_of(ActionAnswer(), jobs=["opérateur"], topics=[Topic.SALARY]) == {
        "kind": ANSWERED, "jobs": [OPERATEUR], "topics": ["salary"], "missing": [], "unknown_jobs": []}


def test_a_fact_the_sheet_lacks_is_a_missing_fact_of_that_sheet():
    assert outcome_of(ActionAnswer(), jobs=["gestionnaire"], topics=[Topic.SALARY]) == {
        "kind": MISSING_FACT, "jobs": [GESTIONNAIRE], "topics": ["salary"],
        "missing": [{"job": GESTIONNAIRE, "topic": "salary"}], "unknown_jobs": []}


def test_a_question_answered_in_part_is_answered_and_keeps_the_missing_part():
    outcome = outcome_of(ActionAnswer(), jobs=["gestionnaire"], topics=[Topic.TRAINING, Topic.SALARY])
    assert outcome["kind"] == ANSWERED
    assert outcome["missing"] == [{"job": GESTIONNAIRE, "topic": "salary"}]


def test_without_a_job_the_sheets_answering_are_the_jobs_asked():
    outcome = outcome_of(ActionAnswer(), topics=[Topic.SALARY])
    assert (outcome["kind"], outcome["jobs"], outcome["missing"]) == (ANSWERED, [OPERATEUR], [])


def test_an_unclear_topic_is_a_clarification():
    outcome = outcome_of(ActionAnswer(), parse={PARSE_TOPICS: [], PARSE_TOPIC_CANDIDATES: ["salary", "pros"]},
                         slots={SLOT_JOB: OPERATEUR})
    assert (outcome["kind"], outcome["jobs"], outcome["topics"]) == (CLARIFICATION, [OPERATEUR], ["salary", "pros"])


@pytest.mark.parametrize("action", [ActionAnswer(), ActionCompare()])
def test_an_unknown_job_is_kept_as_typed(action):
    outcome = outcome_of(action, other_jobs=["boulanger"], topics=[Topic.SALARY])
    assert (outcome["kind"], outcome["unknown_jobs"], outcome["jobs"]) == (UNKNOWN_JOB, ["boulanger"], [])


def test_a_comparison_names_both_sheets_and_what_one_lacks():
    outcome = outcome_of(ActionCompare(), intent="compare", jobs=["opérateur", "gestionnaire"], topics=[Topic.SALARY])
    assert outcome == {"kind": ANSWERED, "jobs": [OPERATEUR, GESTIONNAIRE], "topics": ["salary"],
                       "missing": [{"job": GESTIONNAIRE, "topic": "salary"}], "unknown_jobs": []}


def test_small_talk_and_definitions_set_no_outcome():
    assert outcome_of(ActionDefineTerm(), intent="define", terms=["CDI"]) is None


def test_a_detail_the_sheet_lacks_is_recorded_with_its_topic():
    parse = {PARSE_TOPICS: ["environment"], PARSE_ASKS: [{"topic": "environment", "detail": "working_hours"}]}
    outcome = outcome_of(ActionAnswer(), jobs=[OPERATEUR], parse=parse)
    assert outcome["kind"] == MISSING_FACT
    assert outcome["missing"] == [{"job": OPERATEUR, "topic": "environment", "detail": "working_hours"}]
