"""A closed question comparing two figures of one sheet, or one of them with a figure it gives:
"Oui" or "Non" first, as the figures decide, quoted; a sheet without the figures, or whose
figures do not decide, is answered as any question, and a forged comparison is ignored."""
import pytest

from actions.names import PARSE_ASKS, PARSE_COMPARED_FIGURES, PARSE_THRESHOLD, PARSE_TOPICS, PARSE_YES_NO
from actions.reading import ComparedFigures, Threshold, parse_compared_figures, parse_threshold
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


def weighed(job, topic, detail, more, value, measure="", period=""):
    parse = {PARSE_TOPICS: [topic], PARSE_ASKS: [{"topic": topic, "detail": detail}], PARSE_YES_NO: True,
             PARSE_THRESHOLD: {"more": more, "value": value, "measure": measure, "period": period}}
    messages, _ = run_action(ActionAnswer(), build_tracker("ask", jobs=[job], parse=parse))
    return [plain(text) for text in texts(messages)]


@pytest.mark.parametrize("topic, detail, more, value, measure, period, answer, quoted", [
    # "peut-il dépasser 40 000 par an avec l'expérience ?": jusqu'à 45 000 €.
    ("salary", "salary_experienced", True, 40000, "", "year", "Oui", "45 000"),
    ("salary", "salary_experienced", True, 50000, "euros", "", "Non", "45 000"),
    # "le salaire moyen dépasse 2 000 € par mois ?": 2 032 €; "moins de 1 800 € au départ ?".
    ("salary", "salary_mean", True, 2000, "euros", "month", "Oui", "2 032"),
    ("salary", "salary_starting", False, 1800, "euros", "", "Oui", "1 766"),
    # "plus de la moitié en CDI ?": 42 %.
    ("labour_market", "lm_cdi_share", True, 50, "percent", "", "Non", "42 %"),
])
def test_a_figure_of_the_sheet_weighed_against_the_question_s_decides_it(
        topic, detail, more, value, measure, period, answer, quoted):
    replies = weighed(OPERATEUR, topic, detail, more, value, measure, period)
    assert replies[0].startswith(f"{answer} : la fiche « {OPERATEUR_NAME} » indique :") and quoted in replies[0]


def test_figures_that_do_not_decide_get_no_yes_nor_no():
    # "au début on dépasse 25 000 par an ?": between 24 000 and 30 000 €.
    replies = weighed(OPERATEUR, "salary", "salary_starting", True, 25000, "euros", "year")
    assert not replies[0].startswith(("Oui", "Non")) and "24 000" in replies[0]


@pytest.mark.parametrize("forged", [
    {"more": "oui", "value": 2000}, {"more": True, "value": "2000"}, {"more": True, "value": float("nan")},
    {"more": True, "value": 2000, "measure": "kilos"}, {"more": True, "value": True}, [True, 2000],
])
def test_a_forged_threshold_is_ignored(forged):
    assert parse_threshold(forged) is None
    assert parse_threshold({"more": True, "value": 2000, "measure": "euros"}) == Threshold(True, 2000.0, "euros")


def test_a_threshold_over_several_asks_is_weighed_on_the_first_its_figures_decide():
    # "au max, ça dépasse les 2 500 brut par mois ?": the maximum, 2 917 € a month.
    parse = {PARSE_TOPICS: ["salary"], PARSE_YES_NO: True,
             PARSE_ASKS: [{"topic": "salary", "detail": "salary_max"}, {"topic": "salary", "detail": "salary_starting"}],
             PARSE_THRESHOLD: {"more": True, "value": 2500, "measure": "euros", "period": "month"}}
    messages, _ = run_action(ActionAnswer(), build_tracker("ask", jobs=[OPERATEUR], parse=parse))
    replies = [plain(text) for text in texts(messages)]
    assert replies[0].startswith(f"Oui : la fiche « {OPERATEUR_NAME} » indique :") and "2 917" in replies[0]
    assert len([reply for reply in replies if reply.startswith(("Oui", "Non", "La fiche"))]) == 1
