"""Start real action and Rasa servers on free loopback ports for the tests."""
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

import requests
import yaml

from bot.tools.processes import free_port, server_env  # noqa: F401 (shared with the tests)
from bot.server.web import WIDGET_ORIGINS_ENV
from tests.expected import plain

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "backoffice.tar.gz"
STARTUP_TIMEOUT_S = 180


def wait_until(check: Callable[[], Any], process: subprocess.Popen, log: Path,
               timeout_s: float = STARTUP_TIMEOUT_S) -> None:
    """Retries ``check`` until it passes; fails, with the end of ``log``, if ``process`` stops
    or ``timeout_s`` goes by first."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server stopped with code {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            check()
            return
        except Exception:
            time.sleep(0.5)
    raise RuntimeError(f"server not up after {timeout_s} s:\n{log.read_text()[-3000:]}")


def answers_http(url: str) -> Callable[[], Any]:
    return lambda: urllib.request.urlopen(url, timeout=1)


@contextmanager
def stopped_at_exit(process: subprocess.Popen) -> Iterator[None]:
    """Terminates ``process`` at the end of the block, killing it if it lingers."""
    try:
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def running(command: List[str], health_url: str, log: Path, env: Optional[Dict[str, str]] = None) -> Iterator[None]:
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, env=env or server_env())
        with stopped_at_exit(process):
            wait_until(answers_http(health_url), process, log)
            yield


@contextmanager
def action_server(workdir: Path, env: Optional[Dict[str, str]] = None, port: Optional[int] = None) -> Iterator[str]:
    """A ``rasa run actions`` server (on ``port`` if given); yields its webhook URL."""
    port = port or free_port()
    command = [str(VENV_BIN / "rasa"), "run", "actions", "--port", str(port)]
    with running(command, f"http://127.0.0.1:{port}/health", workdir / f"actions-{port}.log", env):
        yield f"http://127.0.0.1:{port}/webhook"


@contextmanager
def rasa_server(
    workdir: Path,
    actions_webhook: str,
    origins: Iterable[str] = (),
    env: Optional[Dict[str, str]] = None,
    stores: Optional[Dict[str, Any]] = None,
) -> Iterator[str]:
    """A Rasa server started as ``make run`` does (``bot.server.rasa_run``), with the channels of
    ``credentials.yml``, the trained model, the tracker and lock ``stores`` given (endpoints.yml
    sections; in memory by default), answering browsers from the widget ``origins``;
    yields its base URL."""
    port = free_port()
    endpoints = workdir / f"endpoints-{port}.yml"
    endpoints.write_text(yaml.safe_dump({"action_endpoint": {"url": actions_webhook}, **(stores or {})}))
    environment = dict(env or server_env())
    if origins:
        environment[WIDGET_ORIGINS_ENV] = " ".join(origins)
    command = [
        str(VENV_BIN / "python"), "-m", "bot.server.rasa_run", "--port", str(port), "--model", str(MODEL),
        "--credentials", str(ROOT / "credentials.yml"), "--endpoints", str(endpoints),
    ]
    with running(command, f"http://127.0.0.1:{port}/", workdir / f"rasa-{port}.log", environment):
        yield f"http://127.0.0.1:{port}"


def say(base_url: str, sender: str, message: str) -> List[dict]:
    """Send one user message over the REST channel; the bot's replies."""
    response = requests.post(
        f"{base_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60
    )
    response.raise_for_status()
    return response.json()


def reply_text(replies: List[dict]) -> str:
    """The bot's replies as one text, non-breaking spaces folded (see ``plain``)."""
    return plain("\n".join(reply.get("text", "") for reply in replies))


def held_out_replies(base_url: str, sets: Dict[str, List[dict]], prefix: str) -> Iterator[Tuple[str, dict, List[dict]]]:
    """Each question of each held-out set sent over REST in a conversation of its own:
    the set's name, the question and the bot's replies."""
    for name, questions in sets.items():
        for number, question in enumerate(questions):
            yield name, question, say(base_url, f"{prefix}-{name}-{number}", question["text"])
