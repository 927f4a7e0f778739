"""Rasa's own checks: the training data validates, the conversation tests pass."""
import json
import subprocess
import sys
from pathlib import Path

from tests.servers import MODEL, ROOT, server_env

RASA = str(Path(sys.executable).parent / "rasa")


def test_training_data_validates_without_warnings():
    result = subprocess.run(
        [RASA, "data", "validate", "--fail-on-warnings"], cwd=ROOT, capture_output=True, text=True, env=server_env()
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_conversation_tests_pass_end_to_end(tmp_path):
    """Every turn of tests/conversations: intent and job predicted from the text, then the action."""
    result = subprocess.run(
        [RASA, "test", "core", "--e2e", "--stories", "tests/conversations", "--model", str(MODEL),
         "--out", str(tmp_path), "--no-plot"],
        cwd=ROOT, capture_output=True, text=True, env=server_env(),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads((tmp_path / "story_report.json").read_text())
    failed = (tmp_path / "failed_test_stories.yml").read_text(encoding="utf-8")
    assert report["conversation_accuracy"]["accuracy"] == 1.0, failed
