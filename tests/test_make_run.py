"""`make run` in a copy of the project that has no model yet: it trains one instead of
failing, creates the data folder, starts the bot, and the bot answers; its action server
listens on this machine only. Stopped as a service manager does (SIGTERM to `make`) or
as a person does (Ctrl+C), it leaves no server behind: the next start finds its ports free."""
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.servers import ROOT, answers_http, free_port, say, server_env, wait_until

RASA_PORT, ACTIONS_PORT = 5005, 5055
# Training from scratch takes about 12 min on 2 cores; this only guards against a hang.
TRAIN_AND_START_TIMEOUT_S = 1800
# What the issue asks of a stop: every server gone, its port free.
STOP_TIMEOUT_S = 10
SHELL_PROMPT = "Your input ->"
# Log lines and Python warnings that a person testing conversations need not read.
NOISE = re.compile(r"Warning|warnings\.warn|\bINFO\b|\bDEBUG\b|tensorflow|declare_namespace")


def port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def other_address_of_this_machine():
    """An address of this machine other than loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))  # no packet is sent: only picks the outgoing interface
            address = sock.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def copy_of_the_project(target: Path) -> Path:
    """The project's files as a fresh clone has them (times kept, so nothing looks changed),
    with the installed venv and widget; no model."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, check=True, text=True).stdout.split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")
    for built in ("web/vendor", "web/charts"):
        shutil.copytree(ROOT / built, target / built)
    return target


def ports_freed(ports, deadline_s: float) -> list:
    """The ports still taken once they are all free or ``deadline_s`` has gone by."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline and any(port_in_use(port) for port in ports):
        time.sleep(0.2)
    return [port for port in ports if port_in_use(port)]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    busy = [port for port in (RASA_PORT, ACTIONS_PORT) if port_in_use(port)]
    if busy:
        pytest.skip(f"port(s) {busy} déjà pris (un bot tourne-t-il ?) : `make run` en a besoin")
    return copy_of_the_project(tmp_path_factory.mktemp("make_run") / "projet")


def start_make_run(project: Path, log: Path):
    web_port = free_port()
    with log.open("w") as output:
        make = subprocess.Popen(["make", "run"], cwd=project, stdout=output, stderr=subprocess.STDOUT,
                                env=server_env(BACKOFFICE_WEB_PORT=str(web_port)), start_new_session=True)
    return make, web_port


def stop(make: subprocess.Popen, signal_number: int, whole_group: bool) -> None:
    if whole_group:
        os.killpg(make.pid, signal_number)  # what a terminal does on Ctrl+C
    else:
        os.kill(make.pid, signal_number)  # `kill PID`, as a service manager does
    make.wait(timeout=STOP_TIMEOUT_S)


def test_make_run_without_a_model_trains_one_then_answers_and_sigterm_stops_every_server(project, tmp_path):
    assert not (project / "models").exists()
    log = tmp_path / "make-run.log"
    make, web_port = start_make_run(project, log)
    try:
        wait_until(answers_http(f"http://127.0.0.1:{RASA_PORT}/"), make, log, TRAIN_AND_START_TIMEOUT_S)
        replies = say(f"http://127.0.0.1:{RASA_PORT}", "make-run", "salaire d'un opérateur back-office ?")
        # Typography included: the raw text, spaces not folded.
        assert "1\u202f766\u00a0€ brut mensuel" in "\n".join(reply.get("text", "") for reply in replies)
        assert "rasa train" in log.read_text()
        assert (project / "models" / "backoffice.tar.gz").exists()
        assert (project / "var" / "conversations.db").exists()
        # The action server answers Rasa on this machine, and no one from elsewhere.
        assert port_in_use(ACTIONS_PORT)
        address = other_address_of_this_machine()
        if address:
            with socket.socket() as sock:
                assert sock.connect_ex((address, ACTIONS_PORT)) != 0
        stop(make, signal.SIGTERM, whole_group=False)
        assert ports_freed((RASA_PORT, ACTIONS_PORT, web_port), STOP_TIMEOUT_S) == []
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)


def test_ctrl_c_stops_every_server(project, tmp_path):
    log = tmp_path / "make-run.log"
    make, web_port = start_make_run(project, log)
    try:
        wait_until(answers_http(f"http://127.0.0.1:{RASA_PORT}/"), make, log, TRAIN_AND_START_TIMEOUT_S)
        assert "rasa train" not in log.read_text()
        stop(make, signal.SIGINT, whole_group=True)
        assert ports_freed((RASA_PORT, ACTIONS_PORT, web_port), STOP_TIMEOUT_S) == []
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)


def test_make_shell_shows_a_few_french_lines_then_the_conversation(project):
    pexpect = pytest.importorskip("pexpect")
    shell = pexpect.spawn("make", ["shell"], cwd=str(project), env=server_env(), encoding="utf-8",
                          timeout=TRAIN_AND_START_TIMEOUT_S, dimensions=(50, 200))
    try:
        shell.expect(SHELL_PROMPT)
        before_the_conversation = shell.before
        shell.sendline("cb gagne une operatrice back office ?")
        shell.expect("Opérateur / opératrice back-office — Salaire")
        shell.expect(SHELL_PROMPT)
        shell.sendline("/stop")
        shell.expect(pexpect.EOF)
    finally:
        shell.close(force=True)
    assert "Chargement du modèle" in before_the_conversation
    noise = [line for line in before_the_conversation.splitlines() if NOISE.search(line)]
    assert noise == []
