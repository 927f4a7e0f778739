""""D'où viennent ces chiffres ?" names the source of the last answer."""
from actions.names import SLOT_ANSWERED_JOBS
from actions.sources import ActionShowSource
from tests.builders import build_tracker, run_action
from tests.expected import GESTIONNAIRE, GESTIONNAIRE_SOURCE, OPERATEUR, plain


def test_the_source_of_the_last_answer_is_named_with_its_figures_origin():
    messages, _ = run_action(ActionShowSource(), build_tracker("ask_source", slots={SLOT_ANSWERED_JOBS: [OPERATEUR]}))
    text = plain(messages[0]["text"])
    assert "Ma dernière réponse vient de" in text and "Pôle Emploi" in text
    assert "Opérateur / opératrice back-office" in text and GESTIONNAIRE_SOURCE not in text


def test_before_any_answer_every_source_is_named():
    messages, _ = run_action(ActionShowSource(), build_tracker("ask_source"))
    text = plain(messages[0]["text"])
    assert "aucune fiche" in text and "Pôle Emploi" in text and GESTIONNAIRE_SOURCE in text


def test_a_forged_slot_is_ignored():
    slots = {SLOT_ANSWERED_JOBS: ["<script>", GESTIONNAIRE]}
    messages, _ = run_action(ActionShowSource(), build_tracker("ask_source", slots=slots))
    assert "<script>" not in messages[0]["text"] and GESTIONNAIRE_SOURCE in plain(messages[0]["text"])
