""""Quels métiers connais-tu ?": the list, with a button per job; with many sheets, by
family a page at a time, or searched by word; a name several sheets answer to
("opérateur"): a button per sheet, never a guess."""
import json

import pytest

from actions.routing import ActionAnswer
from actions.names import PAGE_SIZE
from actions.routing import ActionListJobs
from actions.routing import ActionCompare
from actions.names import (
    ENTITY_JOB, INTENT_ASK, INTENT_INFORM, INTENT_LIST_JOBS, PARSE_TOPICS, SLOT_LISTED_JOBS, SLOT_OUTCOME, SLOT_TOPICS,
)
from actions.payloads import MAX_PAYLOAD_BYTES, ask_payload, family_payload
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
    ("le salaire du gestionaire ?", "gestionaire"),
])
def test_a_name_several_sheets_answer_to_gets_a_button_each_and_no_guess(many_sheets, text, typed):
    messages, slots = asked(text, typed)
    choices = many_sheets.sheets_named_by(typed)
    shown = choices[:PAGE_SIZE]
    (message,) = messages
    said = plain(message["text"])
    assert said.startswith(f"Plusieurs fiches correspondent à « {typed} » : laquelle voulez-vous ?")
    assert "€" not in said and all(f"{rank}. {sheet.name}" in said for rank, sheet in enumerate(shown, start=1))
    assert [button["title"] for button in message["buttons"]] == [sheet.name for sheet in shown]
    assert [button["payload"] for button in message["buttons"]] == [ask_payload(sheet) for sheet in shown]
    assert max(len(ask_payload(sheet).encode()) for sheet in many_sheets.jobs) <= MAX_PAYLOAD_BYTES
    assert slots[SLOT_LISTED_JOBS] == [sheet.id for sheet in shown] and slots[SLOT_TOPICS] == ["salary"]
    assert slots[SLOT_OUTCOME]["kind"] == "clarification"


def test_beyond_eight_sheets_the_first_eight_are_offered_and_the_rest_counted(many_sheets):
    total = len(many_sheets.sheets_named_by("gestionnaire"))
    assert total > PAGE_SIZE
    messages, _ = asked("le salaire du gestionnaire ?", "gestionnaire")
    assert len(messages[0]["buttons"]) == PAGE_SIZE
    assert f"Ce sont les {PAGE_SIZE} premières des {total} fiches qui portent ce nom" in plain(messages[0]["text"])


def test_the_sheet_chosen_then_gets_the_question_asked(many_sheets):
    _, slots = asked("et les compétences d'un opérateur, c'est quoi ?", "opérateur", topics=("skills",))
    second = many_sheets.get(slots[SLOT_LISTED_JOBS][1])
    # "le deuxième", typed rather than clicked.
    messages, _ = run_action(ActionAnswer(), build_tracker(INTENT_INFORM, ranks=["2"], slots=slots))
    expected = f"{second.name} — Compétences" if sheet_holds(second, Topic.SKILLS) else MISSING_SENTENCE
    assert expected in plain(messages[0]["text"]) and second.name in plain(messages[0]["text"])


def test_a_full_name_means_that_sheet_even_when_longer_names_begin_with_it(many_sheets):
    assert many_sheets.get("gesti_back_offic_credit")
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


def listed(text="quels métiers connais-tu ?", **entities):
    tracker = build_tracker(INTENT_LIST_JOBS, text=text, entities=[
        {"entity": name, "value": value} for name, value in entities.items()])
    return run_action(ActionListJobs(), tracker)


def test_many_sheets_are_listed_by_family_with_a_button_each(many_sheets):
    messages, slots = listed()
    families = [(family or "Autres métiers", len(sheets)) for family, sheets in many_sheets.families()]
    said = plain(messages[0]["text"])
    assert said.startswith(f"Je connais 50 métiers, chacun d'après sa fiche, en {len(families)} familles :")
    assert [button["title"] for button in messages[0]["buttons"]] == [f"{family} ({count})" for family, count in families]
    assert messages[0]["buttons"][0]["payload"] == family_payload(families[0][0])
    assert sum(count for _, count in families) == 50 and slots == {SLOT_LISTED_JOBS: None, SLOT_TOPICS: None}


def test_a_family_is_listed_a_page_at_a_time_and_picked_from_by_rank(many_sheets):
    family, members = max(many_sheets.families(), key=lambda item: len(item[1]))
    assert len(members) > PAGE_SIZE
    first, _ = listed(text=family_payload(family), family=family)
    assert [button["title"] for button in first[0]["buttons"]] == [
        *(sheet.name for sheet in members[:PAGE_SIZE]), "Voir les suivants"]
    assert first[0]["buttons"][-1]["payload"] == family_payload(family, 2)
    second, slots = listed(text=family_payload(family, 2), family=family, page="2")
    assert [button["title"] for button in second[0]["buttons"]] == [sheet.name for sheet in members[PAGE_SIZE:]]
    assert plain(second[0]["text"]).startswith(f"Famille « {family} » : {len(members)} métiers :\n1. ")
    # "le premier" now means the first of this page.
    picked, _ = run_action(ActionAnswer(), build_tracker(INTENT_INFORM, ranks=["1"], slots=slots))
    assert members[PAGE_SIZE].name in plain(picked[0]["text"])


@pytest.mark.parametrize("text, word", [("les métiers de la paie", "paie"),
                                        ("tu connais des metiers de conformite ?", "conformite")])
def test_words_typed_with_the_request_search_the_names_and_families(many_sheets, text, word):
    messages, _ = listed(text=text)
    _, found = many_sheets.search(text)
    assert 0 < len(found) < 50
    assert plain(messages[0]["text"]).startswith(
        f"{len(found)} métiers correspondent à « {word} » :" if len(found) > 1 else f"Un métier correspond à « {word} »")
    assert [button["title"] for button in messages[0]["buttons"]] == [sheet.name for sheet in found[:PAGE_SIZE]]


def test_an_unknown_job_among_many_sheets_offers_the_families_and_keeps_the_question(many_sheets):
    messages, slots = run_action(ActionAnswer(), build_tracker(INTENT_ASK, other_jobs=["boulanger"],
                                                               parse={PARSE_TOPICS: ["salary"]}))
    assert plain(messages[0]["text"]).startswith("Je ne connais pas ce métier")
    assert len(messages[0]["buttons"]) == len(many_sheets.families())
    family, members = many_sheets.families()[0]
    # Browsing a family keeps the question; the job picked then gets it.
    _, page_slots = listed(text=family_payload(family), family=family)
    picked, _ = run_action(ActionAnswer(), build_tracker(INTENT_INFORM, ranks=["1"], slots={**slots, **page_slots}))
    assert members[0].name in plain(picked[0]["text"]) and SLOT_TOPICS not in page_slots
    assert "Salaire" in plain(picked[0]["text"]) or MISSING_SENTENCE in plain(picked[0]["text"])


@pytest.mark.parametrize("entities", [{"family": "Famille inventée"}, {"family": "Crédits", "page": "999"},
                                      {"family": "Crédits", "page": "-1"}, {"family": "Crédits", "page": "x" * 500}])
def test_forged_listing_buttons_still_get_a_list(many_sheets, entities):
    messages, _ = listed(text="/list_jobs", **entities)
    assert messages[0]["buttons"] and "métier" in messages[0]["text"]


def test_every_family_button_fits_telegram(synthetic_store):
    for family, _ in synthetic_store.families():
        assert len(family_payload(family or "Autres métiers", 99).encode()) <= MAX_PAYLOAD_BYTES


def test_a_question_without_a_job_that_many_sheets_answer_asks_for_the_job_and_waits(many_sheets):
    holders = len(many_sheets.holders(Topic.SALARY))
    assert holders > PAGE_SIZE
    messages, slots = run_action(ActionAnswer(), build_tracker(INTENT_ASK, text="quel est le salaire ?",
                                                               parse={PARSE_TOPICS: ["salary"]}))
    (message,) = messages
    assert plain(message["text"]).startswith(
        f"Vous ne précisez pas le métier, et {holders} de mes fiches parlent du salaire : nommez le métier, "
        "ou choisissez-le parmi mes 50 métiers, en ")
    assert "€" not in message["text"] and len(message["buttons"]) == len(many_sheets.families())
    assert slots[SLOT_TOPICS] == ["salary"] and slots[SLOT_OUTCOME]["kind"] == "clarification"
    # The job then named gets the question.
    named, _ = run_action(ActionAnswer(), build_tracker(INTENT_INFORM, jobs=["gestionnaire de paie"], slots=slots))
    assert plain(named[0]["text"]).startswith("Gestionnaire de paie")


def test_comparing_every_job_when_there_are_many_asks_which_to_compare(many_sheets):
    messages, slots = run_action(ActionCompare(), build_tracker("compare", text="compare les métiers"))
    assert plain(messages[0]["text"]).startswith("Je connais 50 métiers : trop pour les comparer tous d'un coup.")
    assert slots[SLOT_OUTCOME]["kind"] == "clarification"
    three = ["gestionnaire de paie", "opérateur de flux", "gestionnaire de back office"]
    compared, _ = run_action(ActionCompare(), build_tracker("compare", jobs=three, topics=[Topic.SALARY]))
    said = plain(compared[0]["text"])
    assert all(many_sheets.resolve(name).name in said for name in three)
