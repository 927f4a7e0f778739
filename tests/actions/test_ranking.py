"""Rankings over every job, the jobs named or those just compared, naming the sheets that lack
the figure."""
import pytest

from actions import routing
from actions.names import SLOT_ANSWERED_JOBS, SLOT_LISTED_JOBS, SLOT_OUTCOME, SLOT_TOPICS
from actions.routing import ActionAnswer, ActionCompare, ActionListJobs
from bot.nlu.question_form import read_form
from tests.builders import build_tracker, run_action, texts, use_store
from tests.expected import GESTIONNAIRE_NAME, OPERATEUR, OPERATEUR_NAME, plain


def ranked(text, action=ActionCompare, intent="compare", **tracker):
    """The reply to ``text``, with the ranking and references the NLU pipeline reads in it."""
    form = read_form(routing.STORE, text) if not text.startswith("/") else {}
    return run_action(action(), build_tracker(intent, text=text, parse=form, **tracker))


@pytest.mark.parametrize("action, intent", [(ActionCompare, "compare"), (ActionAnswer, "ask"), (ActionListJobs, "list_jobs")])
def test_with_the_real_sheets_the_only_salary_is_given_and_the_other_sheet_named(action, intent):
    messages, slots = ranked("quel est le métier le mieux payé ?", action, intent)
    (text,) = [plain(text) for text in texts(messages)]
    assert text.startswith("Classement du plus élevé au plus bas parmi les 2 métiers que je connais, d'après leurs "
                           "fiches :")
    assert ("Une seule de ces fiches donne le salaire brut mensuel en début de carrière, je ne peux donc rien "
            f"classer :\n{OPERATEUR_NAME} : 1 766 € brut par mois") in text
    assert f"Fiche qui ne donne pas ce chiffre : {GESTIONNAIRE_NAME}." in text
    assert text.count("Source : ") == 1 and "Source : fiche « Opérateur" in text
    assert slots[SLOT_TOPICS] == ["salary"] and slots[SLOT_ANSWERED_JOBS] == [OPERATEUR]
    assert slots[SLOT_OUTCOME]["missing"] == [{"job": "gestionnaire_back_office", "topic": "salary"}]


def test_recruiting_ranks_hiring_and_offers_and_tells_na_from_silence():
    messages, _ = ranked("celui qui recrute le plus")
    text = plain(messages[0]["text"])
    assert "Aucune de ces fiches ne donne le volume d'embauche." in text
    assert f"Fiche où ce chiffre est « NA » (non disponible) : {OPERATEUR_NAME}." in text
    assert f"{OPERATEUR_NAME} : 35 offres (chiffre Pôle Emploi)" in text
    assert text.count(f"Fiche qui ne donne pas ce chiffre : {GESTIONNAIRE_NAME}.") == 2


def test_a_button_s_payload_ranks_nothing():
    messages, _ = ranked("/compare", jobs=["opérateur", "gestionnaire"])
    assert plain(messages[0]["text"]).startswith("Comparaison de")


@pytest.fixture
def many_sheets(monkeypatch, synthetic_store):
    use_store(monkeypatch, synthetic_store)
    return synthetic_store


def salaries(text):
    return [int(line.split(" : ")[1].split(" €")[0].replace("\u202f", "").replace(" ", ""))
            for line in text.split("\n") if line[:1].isdigit() and "€ brut par mois" in line]


def test_with_many_sheets_the_best_paid_come_first_a_page_at_a_time_and_the_rest_are_counted(many_sheets):
    messages, slots = ranked("le métier le mieux payé")
    text = plain(messages[0]["text"])
    holders = [sheet for sheet in many_sheets.jobs if sheet.salary and sheet.salary.starting_monthly_gross]
    best = sorted(sheet.salary.starting_monthly_gross for sheet in holders)[::-1][:8]
    assert text.startswith(f"Classement du plus élevé au plus bas parmi les {len(many_sheets.jobs)} métiers que je "
                           "connais")
    assert salaries(text) == best
    assert f"Et {len(holders) - 8} autres plus loin." in text
    lacking = [sheet.name for sheet in many_sheets.jobs if sheet not in holders]
    assert f"Fiches qui ne donnent pas ce chiffre : {', '.join(lacking[:8])} et {len(lacking) - 8} autres." in text
    assert len(slots[SLOT_LISTED_JOBS]) == 8 and text.count("Source : ") == 8


def test_three_named_jobs_are_ranked_among_themselves(many_sheets):
    named = ["gestionnaire de paie", "responsable de conformité", "expert de flux"]
    messages, slots = ranked("lequel de ces trois est le moins payé ?", jobs=named)
    text = plain(messages[0]["text"])
    assert text.startswith("Classement du plus bas au plus élevé parmi les 3 métiers cités")
    figures = salaries(text)
    assert figures == sorted(figures) and len(figures) + text.count("Fiche qui ne donne pas") >= 1
    shown = {many_sheets.resolve(name).id for name in named}
    assert set(slots[SLOT_ANSWERED_JOBS]) <= shown


def test_a_question_that_points_back_ranks_the_jobs_just_answered(many_sheets):
    answered = [sheet.id for sheet in many_sheets.jobs
                if sheet.salary and sheet.salary.starting_monthly_gross][:3]
    back, _ = ranked("et lequel des trois paie le mieux ?", slots={SLOT_ANSWERED_JOBS: answered})
    assert "parmi les 3 métiers cités" in plain(back[0]["text"])
    assert len(salaries(plain(back[0]["text"]))) == 3
    every, _ = ranked("le métier le mieux payé", slots={SLOT_ANSWERED_JOBS: answered})
    assert f"parmi les {len(many_sheets.jobs)} métiers que je connais" in plain(every[0]["text"])
