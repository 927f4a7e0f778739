"""The review export's pieces; the whole export, from real conversations, is tested in
tests/test_single_machine.py (with `rasa data validate`)."""
import yaml
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from bot.operations import review_export
from bot.operations.review_export import NOT_UNDERSTOOD, ToReview, guess, nlu_yaml


def test_a_fallback_is_filed_under_the_intent_the_bot_leaned_to():
    parse = {"intent": {"name": "nlu_fallback", "confidence": 0.55},
             "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.55}, {"name": "ask", "confidence": 0.41}],
             "topics": ["salary"], "entities": [{"entity": "job", "value": "operateur_back_office"}]}
    assert guess(parse) == ("ask", "ask (0,41), sujets : salary, métiers : operateur_back_office")


def test_the_export_reads_as_rasa_nlu_data_and_counts_repeats():
    message = ToReview('il a dit "bof" [téléphone]', NOT_UNDERSTOOD, "out_of_scope", "out_of_scope (0,30)")
    text = nlu_yaml([message, message], "du 01/11/2026 au 30/11/2026")
    examples = RasaYAMLReader().reads(text).training_examples
    assert [(example.get("text"), example.get("intent")) for example in examples] == [
        ('il a dit "bof" [téléphone]', "out_of_scope")]
    assert "# non compris, 2 fois ; le bot a compris : out_of_scope (0,30)" in text
    assert yaml.safe_load(text)["version"] == "3.1"


def test_a_bad_date_is_said_in_french(tmp_path, capsys):
    assert review_export.main(["--endpoints", str(tmp_path / "absent.yml"), "--from", "01/11/2026"]) == 1
    assert capsys.readouterr().err == "Erreur : FROM doit être une date AAAA-MM-JJ (reçu : 01/11/2026)\n"
