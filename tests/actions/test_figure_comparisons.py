"""A closed question comparing two figures of one sheet: "Oui" or "Non" first, as the two
figures decide, both quoted; a sheet without both figures is answered as any question, and a
forged comparison is ignored."""
import pytest

from actions.names import PARSE_ASKS, PARSE_COMPARED_FIGURES, PARSE_TOPICS, PARSE_YES_NO
from actions.reading import ComparedFigures, parse_compared_figures
from actions.routing import ActionAnswer
from tests.builders import build_tracker, run_action, texts
from tests.expected import GESTIONNAIRE, GESTIONNAIRE_NAME, OPERATEUR, OPERATEUR_NAME, plain


def compared(job, first, second, more=True, yes_no=True):
    parse = {PARSE_TOPICS: ["labour_market"], PARSE_ASKS: [{"topic": "labour_market", "detail": first}],
             PARSE_YES_NO: yes_no, PARSE_COMPARED_FIGURES: {"details": [first, second], "more": more}}
    messages, _ = run_action(ActionAnswer(), build_tracker("ask", jobs=[job], parse=parse))
    return [plain(text) for text in texts(messages)]


@pytest.mark.parametrize("first, second, more, answer", [
    # 57 % of women (the sheet's 43 % of men, deduced), 2 000 job seekers, 35 offers.
    ("lm_women_share", "lm_men_share", True, "Oui"), ("lm_women_share", "lm_men_share", False, "Non"),
    ("lm_men_share", "lm_women_share", True, "Non"), ("lm_job_seekers", "lm_job_offers", True, "Oui"),
])
def test_the_two_figures_decide_the_yes_or_the_no(first, second, more, answer):
    replies = compared(OPERATEUR, first, second, more)
    assert replies[0].startswith(f"{answer} : la fiche « {OPERATEUR_NAME} » indique :")
    assert "43 %" in replies[0] or "2 000" in replies[0]


def test_a_sheet_without_the_figures_says_so_and_no_yes_nor_no():
    replies = compared(GESTIONNAIRE, "lm_women_share", "lm_men_share")
    assert replies[0].startswith(f"La fiche « {GESTIONNAIRE_NAME} » ne dit rien sur ")


def test_an_open_question_gets_no_yes_nor_no():
    replies = compared(OPERATEUR, "lm_women_share", "lm_men_share", yes_no=False)
    assert not replies[0].startswith(("Oui", "Non"))


@pytest.mark.parametrize("forged", [
    {"details": ["lm_women_share"], "more": True}, {"details": ["lm_women_share", "x"], "more": True},
    {"details": ["lm_women_share", "lm_men_share"], "more": "oui"}, ["lm_women_share", "lm_men_share"], "x",
])
def test_a_forged_comparison_is_ignored(forged):
    assert parse_compared_figures(forged) is None
    assert parse_compared_figures({"details": ["lm_women_share", "lm_men_share"], "more": False}) == \
        ComparedFigures("lm_women_share", "lm_men_share", False)
