""""Quels métiers connais-tu ?": the list, with a button per job; a name several sheets
answer to ("opérateur", with many sheets): a button per sheet, never a guess."""
import json

import pytest

from actions.answering import ActionAnswer
from actions.browsing import MAX_CHOICES, ActionListJobs
from actions.comparing import ActionCompare
from actions.names import (
    ENTITY_JOB, INTENT_ASK, INTENT_INFORM, PARSE_TOPICS, SLOT_LISTED_JOBS, SLOT_OUTCOME, SLOT_TOPICS,
)
from actions.questions import ask_payload
from knowledge.store import default_store
from knowledge.topics import Topic, sheet_holds
from tests.builders import build_tracker, run_action, use_store
from tests.expected import GESTIONNAIRE, GESTIONNAIRE_NAME, MISSING_SENTENCE, OPERATEUR, OPERATEUR_NAME, plain


def test_the_jobs_are_listed_numbered_with_a_button_each():
    messages, slots = run_action(ActionListJobs(), build_tracker("list_jobs"))
    text = plain(messages[0]["text"])
    assert f"1. {GESTIONNAIRE_NAME}" in text and f"2. {OPERATEUR_NAME}" in text
    assert [button["title"] for button in messages[0]["buttons"]] == [GESTIONNAIRE_NAME, OPERATEUR_NAME]
    payload = messages[0]["buttons"][0]["payload"]
    assert payload.startswith("/inform") and json.loads(payload[len("/inform"):]) == {"job": GESTIONNAIRE}
    assert slots == {SLOT_LISTED_JOBS: [GESTIONNAIRE, OPERATEUR], SLOT_TOPICS: None}


def asked(text, typed, store_action=ActionAnswer, intent=INTENT_ASK, topics=("salary",), **tracker):
    """The action's reply to ``text``, whose job entity is the words ``typed`` in it."""
    start = text.index(typed)
    # The id the NLU gives (the sheet the name is an alias of), and where the name stands.
    entity = {"entity": ENTITY_JOB, "value": default_store().resolve(typed).id,
              "start": start, "end": start + len(typed)}
    tracker = build_tracker(intent, text=text, entities=[entity], parse={PARSE_TOPICS: list(topics)}, **tracker)
    return run_action(store_action(), tracker)


@pytest.fixture
def many_sheets(monkeypatch, synthetic_store):
    use_store(monkeypatch, synthetic_store)
    return synthetic_store


@pytest.mark.parametrize("text, typed", [
    ("salaire d'un opérateur ?", "opérateur"),
    ("combien gagne une operatrice", "operatrice"),
    ("le salaire du gestionnaire ?", "gestionnaire"),
])
def test_a_name_several_sheets_answer_to_gets_a_button_each_and_no_guess(many_sheets, text, typed):
    messages, slots = asked(text, typed)
    choices = many_sheets.sheets_named_by(typed)
    shown = choices[:MAX_CHOICES]
    (message,) = messages
    said = plain(message["text"])
    assert said.startswith(f"Plusieurs fiches correspondent à « {typed} » : laquelle voulez-vous ?")
    assert "€" not in said and all(f"{rank}. {sheet.name}" in said for rank, sheet in enumerate(shown, start=1))
    assert [button["title"] for button in message["buttons"]] == [sheet.name for sheet in shown]
    assert [button["payload"] for button in message["buttons"]] == [
        ask_payload(sheet, Topic.SALARY) for sheet in shown]
    assert slots[SLOT_LISTED_JOBS] == [sheet.id for sheet in shown] and slots[SLOT_TOPICS] == ["salary"]
    assert slots[SLOT_OUTCOME]["kind"] == "clarification"


def test_beyond_eight_sheets_the_first_eight_are_offered_and_the_rest_counted(many_sheets):
    total = len(many_sheets.sheets_named_by("gestionnaire"))
    assert total > MAX_CHOICES
    messages, _ = asked("le salaire du gestionnaire ?", "gestionnaire")
    assert len(messages[0]["buttons"]) == MAX_CHOICES
    assert f"Ce sont les {MAX_CHOICES} premières des {total} fiches qui portent ce nom" in plain(messages[0]["text"])


def test_the_sheet_chosen_then_gets_the_question_asked(many_sheets):
    _, slots = asked("et les compétences d'un opérateur, c'est quoi ?", "opérateur", topics=("skills",))
    second = many_sheets.get(slots[SLOT_LISTED_JOBS][1])
    # "le deuxième", typed rather than clicked.
    messages, _ = run_action(ActionAnswer(), build_tracker(INTENT_INFORM, ranks=["2"], slots=slots))
    expected = f"{second.name} — Compétences" if sheet_holds(second, Topic.SKILLS) else MISSING_SENTENCE
    assert expected in plain(messages[0]["text"]) and second.name in plain(messages[0]["text"])


def test_a_full_name_means_that_sheet_even_when_longer_names_begin_with_it(many_sheets):
    assert many_sheets.get("gestionnaire_back_office_credits")
    messages, _ = asked("la formation du gestionnaire de back office ?", "gestionnaire de back office",
                        topics=("training",))
    assert plain(messages[0]["text"]).startswith(f"{GESTIONNAIRE_NAME} — Formation")


def test_a_comparison_naming_only_an_ambiguous_name_asks_which_first(many_sheets):
    messages, _ = asked("compare les opérateurs", "opérateurs", store_action=ActionCompare, intent="compare",
                        topics=())
    assert plain(messages[0]["text"]).startswith("Plusieurs fiches correspondent à « opérateurs »")


@pytest.mark.parametrize("text, typed", [("salaire d'un opérateur ?", "opérateur"),
                                         ("le salaire du gestionnaire ?", "gestionnaire")])
def test_with_the_real_sheets_each_short_name_still_means_its_sheet(text, typed):
    messages, _ = asked(text, typed)
    assert "Plusieurs fiches" not in messages[0]["text"] and not messages[0]["text"].startswith("Je ne")
