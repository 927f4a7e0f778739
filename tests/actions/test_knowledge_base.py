"""The action server's start-up with a broken knowledge base, and with a third sheet."""
import shutil
import subprocess

import requests

from knowledge.loader import DEFAULT_JOBS_DIR, JOBS_DIR_ENV
from tests.expected import OPERATEUR, plain
from tests.knowledge.test_store import THIRD_JOB_DIR
from tests.servers import ROOT, VENV_BIN, action_server, free_port, server_env


def test_a_broken_knowledge_file_stops_the_action_server_with_a_french_message(tmp_path):
    shutil.copytree(DEFAULT_JOBS_DIR, tmp_path / "jobs")
    broken = tmp_path / "jobs" / f"{OPERATEUR}.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("monthly_gross: 2032", "monthly_gross: beaucoup"))

    result = subprocess.run(
        [str(VENV_BIN / "rasa"), "run", "actions", "--port", str(free_port())],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env=server_env(**{JOBS_DIR_ENV: str(tmp_path / "jobs")}),
    )

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Le serveur d'actions ne peut pas démarrer : base de connaissances invalide." in output
    assert f"{broken} : salary.table[1].monthly_gross : nombre entier attendu" in output
    assert "Traceback" not in output


def webhook_request(action, intent, topic, jobs=()):
    return {
        "next_action": action,
        "sender_id": "test",
        "version": "3.6.2",
        "domain": {},
        "tracker": {
            "sender_id": "test", "slots": {}, "events": [], "paused": False, "followup_action": None,
            "active_loop": {}, "latest_action_name": "action_listen",
            "latest_message": {
                "text": "", "intent": {"name": intent, "confidence": 1.0},
                "entities": [{"entity": "topic", "value": topic}, *({"entity": "job", "value": job} for job in jobs)],
            },
        },
    }


def test_a_third_sheet_answers_with_no_code_change(tmp_path):
    with action_server(tmp_path, env=server_env(**{JOBS_DIR_ENV: str(THIRD_JOB_DIR)})) as webhook:
        named = requests.post(webhook, json=webhook_request("action_answer", "ask", "salary", ["analyste crédit"]))
        unnamed = requests.post(webhook, json=webhook_request("action_answer", "ask", "salary"))
        missing = requests.post(webhook, json=webhook_request("action_answer", "ask", "cons", ["analyste"]))

    answer = plain(named.json()["responses"][0]["text"])
    assert answer.startswith("Analyste crédit (fiche de test) — Salaire")
    assert "2 500 € brut mensuel" in answer and "Source : fiche « Analyste crédit (fiche de test) »" in answer
    assert "2 fiches" in plain(unnamed.json()["responses"][0]["text"])
    assert "ne donne aucune information sur les inconvénients" in plain(missing.json()["responses"][0]["text"])
