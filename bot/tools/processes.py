"""Helpers to run Rasa servers as child processes: free loopback ports, their environment, and
the shipped conversation store pointed at another file."""
import os
import socket
from pathlib import Path
from typing import Any, Dict

import yaml

ENDPOINTS = Path(__file__).resolve().parents[2] / "endpoints.yml"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(**extra: str) -> Dict[str, str]:
    """This process's environment, without Rasa telemetry, plus ``extra``."""
    return dict(os.environ, RASA_TELEMETRY_ENABLED="false", **extra)


def shipped_tracker_store(database: Path) -> Dict[str, Any]:
    """The ``tracker_store`` section of ``endpoints.yml``, writing to ``database`` instead."""
    shipped = yaml.safe_load(ENDPOINTS.read_text(encoding="utf-8"))["tracker_store"]
    return {**shipped, "db": str(database)}
