"""`make run` in a copy of the project that has no model yet: it trains one instead of
failing, creates the data folder, starts the bot, and the bot answers; its action server
listens on this machine only."""
import os
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import pytest

from tests.servers import ROOT, answers_http, free_port, say, server_env, wait_until

RASA_PORT, ACTIONS_PORT = 5005, 5055
# Training from scratch takes about 12 min on 2 cores; this only guards against a hang.
TRAIN_AND_START_TIMEOUT_S = 1800


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


def test_make_run_without_a_model_trains_one_then_answers(tmp_path):
    busy = [port for port in (RASA_PORT, ACTIONS_PORT) if port_in_use(port)]
    if busy:
        pytest.skip(f"port(s) {busy} déjà pris (un bot tourne-t-il ?) : `make run` en a besoin")
    project = copy_of_the_project(tmp_path / "projet")
    assert not (project / "models").exists()
    env = server_env(BACKOFFICE_WEB_PORT=str(free_port()))
    log = tmp_path / "make-run.log"
    with log.open("w") as output:
        make = subprocess.Popen(["make", "run"], cwd=project, stdout=output, stderr=subprocess.STDOUT,
                                env=env, start_new_session=True)
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
    finally:
        os.killpg(make.pid, signal.SIGTERM)
        make.wait(timeout=60)
