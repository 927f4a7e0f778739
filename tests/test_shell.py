"""`rasa shell`, as a developer uses it, driven by scripted keyboard input."""
import pytest

from tests.servers import MODEL, ROOT, VENV_BIN, action_server, free_port, server_env

pexpect = pytest.importorskip("pexpect")
PROMPT = "Your input ->"


def test_rasa_shell_answers_a_question_and_a_follow_up(tmp_path):
    with action_server(tmp_path) as webhook:
        endpoints = tmp_path / "endpoints.yml"
        endpoints.write_text(f'action_endpoint:\n  url: "{webhook}"\n')
        shell = pexpect.spawn(
            str(VENV_BIN / "rasa"),
            ["shell", "--model", str(MODEL), "--endpoints", str(endpoints), "--port", str(free_port())],
            cwd=str(ROOT), env=server_env(), encoding="utf-8", timeout=180, dimensions=(50, 200),
        )
        try:
            shell.expect(PROMPT)
            shell.sendline("cb gagne une operatrice back office ?")
            # The answer, with the French spaces of "1 766 €" (narrow and plain no-break spaces).
            shell.expect("Opérateur / opératrice back-office — Salaire")
            shell.expect("Salaire débutant\u00a0: 1\u202f766\u00a0€ brut mensuel")
            shell.expect(PROMPT)
            shell.sendline("et ses inconvénients ?")
            shell.expect("Opérateur / opératrice back-office — Inconvénients")
            shell.expect("Travail sédentaire")
            shell.expect(PROMPT)
            shell.sendline("/stop")
            shell.expect(pexpect.EOF)
        finally:
            shell.close(force=True)
