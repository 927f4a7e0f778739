"""A detail asked: the sheet's own items quoted first (with "Oui" only where they answer a
closed question that names the detail), or that the sheet says nothing about it, with a button,
never the topic's block in its place."""
import pytest

from actions.names import (
    PARSE_ASKS, PARSE_ASKS_EXISTENCE, PARSE_MENTIONED_DETAILS, PARSE_TOPICS, PARSE_YES_NO, SLOT_DETAILS, SLOT_JOB, SLOT_OFFERED_JOBS,
    SLOT_OUTCOME, SLOT_TOPICS,
)
from actions.routing import ActionAnswer
from tests.builders import build_tracker, run_action, texts
from tests.expected import GESTIONNAIRE, GESTIONNAIRE_NAME, OPERATEUR, OPERATEUR_NAME, plain


def asked(topic, detail, jobs=(), slots=None, yes_no=False, named=None, alternatives=(), existence=False):
    """The reply to a question the classifiers read as ``detail`` of ``topic``."""
    parse = {PARSE_TOPICS: [topic], PARSE_YES_NO: yes_no, PARSE_ASKS_EXISTENCE: existence,
             PARSE_ASKS: [{"topic": topic, "detail": detail, "alternatives": list(alternatives)}],
             PARSE_MENTIONED_DETAILS: [detail] if named is None else named}
    return run_action(ActionAnswer(), build_tracker("ask", jobs=jobs, slots=slots, parse=parse))


def test_a_detail_the_sheet_holds_is_quoted_first_with_its_source_and_no_block():
    messages, slots = asked("salary", "salary_median", jobs=[OPERATEUR])
    (said,) = [plain(text) for text in texts(messages)]
    assert said.startswith(f"La fiche « {OPERATEUR_NAME} » indique : « Salaire brut médian : 1 919 € brut mensuel, "
                           "23 k€ brut annuel ».\nSource : fiche")
    assert " — Salaire" not in said
    assert slots[SLOT_TOPICS] == ["salary"] and slots[SLOT_DETAILS] == ["salary_median"]
    assert slots[SLOT_OUTCOME]["kind"] == "answered"


def test_a_closed_question_naming_a_detail_the_sheet_affirms_gets_oui():
    messages, _ = asked("skills", "english_level", jobs=[GESTIONNAIRE], yes_no=True)
    assert plain(messages[0]["text"]).startswith(f"Oui : la fiche « {GESTIONNAIRE_NAME} » cite « Maîtriser l'anglais ».")


@pytest.mark.parametrize("topic, detail, item", [
    ("labour_market", "lm_cdi_share", "Part de CDI : 42 %"),
    ("age_distribution", "age_over_50_share", "50 ans et plus : 19 %"),
])
def test_a_share_above_zero_says_oui_to_whether_there_are_any_not_to_other_closed_questions(topic, detail, item):
    # "y a-t-il des CDI ?" / "des plus de 50 ans ?"; not "c'est surtout des CDI ?".
    messages, _ = asked(topic, detail, jobs=[OPERATEUR], yes_no=True, existence=True)
    assert plain(messages[0]["text"]).startswith(f"Oui : la fiche « {OPERATEUR_NAME} » cite « {item}")
    messages, _ = asked(topic, detail, jobs=[OPERATEUR], yes_no=True)
    assert plain(messages[0]["text"]).startswith(f"La fiche « {OPERATEUR_NAME} » indique : « {item}")


@pytest.mark.parametrize("yes_no, named, alternatives", [
    (False, None, ()),
    # Not named in its words, even read without a close second reading ("les effectifs
    # augmentent-ils ?" is read as the decline the sheet affirms).
    (True, [], ()),
    (True, [], ("key_qualities",)),
    # Named, but with another detail of the topic that the sheet lacks (said missing first).
    (True, ["english_level", "spelling"], ()),
])
def test_no_oui_unless_the_closed_question_names_its_detail_and_none_the_sheet_does_not_affirm(
        yes_no, named, alternatives):
    messages, _ = asked("skills", "english_level", jobs=[GESTIONNAIRE], yes_no=yes_no, named=named,
                        alternatives=alternatives)
    said = [plain(text) for text in texts(messages)]
    quoted = f"La fiche « {GESTIONNAIRE_NAME} » indique : « Maîtriser l'anglais »"
    assert any(text.startswith(quoted) for text in said)
    assert not any(text.startswith("Oui") for text in said)


def test_a_detail_the_sheet_lacks_is_said_missing_then_the_sheet_that_has_it_offered():
    messages, slots = asked("skills", "english_level", jobs=[OPERATEUR])
    said = [plain(text) for text in texts(messages)]
    assert said[0] == f"La fiche « {OPERATEUR_NAME} » ne dit rien sur le niveau d'anglais."
    assert said[1] == f"La fiche « {GESTIONNAIRE_NAME} », elle, en parle : voulez-vous sa réponse ?"
    assert messages[1]["buttons"][0]["payload"] == '/inform{"job":"gestionnaire_back_office"}'
    assert slots[SLOT_OFFERED_JOBS] == [GESTIONNAIRE] and slots[SLOT_OUTCOME]["kind"] == "missing_fact"
    assert slots[SLOT_OUTCOME]["missing"] == [{"job": OPERATEUR, "topic": "skills", "detail": "english_level"}]


def test_a_detail_no_sheet_has_gets_a_button_to_what_the_sheet_says_of_the_topic_not_its_block():
    messages, _ = asked("environment", "working_hours", jobs=[OPERATEUR])
    said = [plain(text) for text in texts(messages)]
    assert said == [f"La fiche « {OPERATEUR_NAME} » ne dit rien sur les horaires de travail.",
                    "Voulez-vous ce qu'elle dit des conditions de travail ?"]
    assert [button["title"] for button in messages[1]["buttons"]] == ["Conditions de travail"]
    assert messages[1]["buttons"][0]["payload"] == '/ask{"job":"operateur_back_office","topic":"environment"}'


def test_with_no_job_each_sheet_says_what_it_has_or_that_it_has_nothing():
    messages, slots = asked("salary", "salary_median")
    said = [plain(text) for text in texts(messages)]
    assert said[0] == f"La fiche « {GESTIONNAIRE_NAME} » ne dit rien sur le salaire médian."
    assert said[1].startswith(f"La fiche « {OPERATEUR_NAME} » indique : « Salaire brut médian")
    assert slots[SLOT_JOB] == OPERATEUR
    nothing, _ = asked("environment", "remote_work")
    assert [plain(text) for text in texts(nothing)] == ["Mes fiches ne disent rien sur le télétravail."]


def test_a_reading_almost_as_likely_that_the_sheet_answers_is_taken_before_one_it_lacks():
    # "c'est quel BTS ?": not the other BTS, which the sheet does not list, but the BTS Banque.
    messages, _ = asked("training", "other_bts", jobs=[GESTIONNAIRE], alternatives=["bts_banque"])
    assert "BTS Banque" in plain(messages[0]["text"]) and "ne dit rien" not in plain(messages[0]["text"])
    # Never the whole topic in place of a detail it lacks: "les horaires ?" is no question on the
    # conditions of work.
    hours, _ = asked("environment", "working_hours", jobs=[OPERATEUR], alternatives=["*", "flexible_hours"])
    assert plain(hours[0]["text"]) == f"La fiche « {OPERATEUR_NAME} » ne dit rien sur les horaires de travail."
