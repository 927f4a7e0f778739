"""The scale bench's own reading of the bot's replies and of the names it asks (the bench
itself, which trains and serves three bots, runs by `make bench-scale`, not here)."""
import random

from bot.tools.scale_bench import REAL_SHEETS, asked_names, component_seconds, sheet_answered, typo


def test_the_sheet_a_reply_is_about_is_the_one_named_first_longest_name_winning(synthetic_store):
    longer = synthetic_store.get("gesti_back_offic_credit")
    reply = f"{longer.name} — Salaire\nGestionnaire de back office : rien sur le salaire."
    assert sheet_answered(reply, synthetic_store).id == longer.id
    assert sheet_answered("Désolé, je n'ai pas bien compris.", synthetic_store) is None


def test_the_names_asked_start_with_the_real_sheets_and_cover_every_form(synthetic_store):
    names = asked_names(synthetic_store)
    assert [sheet.id for _, _, sheet in names[:2]] == [REAL_SHEETS[0]] * 2
    assert {kind for kind, _, _ in names} == {"nom", "féminin", "alias", "faute de frappe", "sans accents"}
    assert REAL_SHEETS[1] in {sheet.id for _, _, sheet in names}


def test_a_typo_leaves_out_one_inner_letter_of_the_longest_word():
    assert typo("gestionnaire de paie", random.Random(1)) in {
        "gestionnaire de paie"[:cut] + "gestionnaire de paie"[cut + 1:] for cut in range(1, 11)}
    assert typo("agent KYC", random.Random(1)) is None


def test_training_time_is_split_by_component_from_rasa_s_log():
    log = "\n".join([
        "2026-11-29 11:27:31 INFO     rasa.engine.training.hooks  - Starting to train component 'CountVectorsFeaturizer'.",
        "2026-11-29 11:27:33 INFO     rasa.engine.training.hooks  - Finished training component 'CountVectorsFeaturizer'.",
        "2026-11-29 11:27:33 INFO     rasa.engine.training.hooks  - Starting to train component 'CountVectorsFeaturizer'.",
        "Epochs: 100%|██████████| 200/200",
        "2026-11-29 11:27:34 INFO     rasa.engine.training.hooks  - Finished training component 'CountVectorsFeaturizer'.",
        "2026-11-29 11:27:38 INFO     rasa.engine.training.hooks  - Starting to train component 'DIETClassifier'.",
        "2026-11-29 11:30:08 INFO     rasa.engine.training.hooks  - Finished training component 'DIETClassifier'.",
    ])
    assert component_seconds(log) == {"CountVectorsFeaturizer": 3.0, "DIETClassifier": 150.0}
