"""Helpers to run Rasa servers as child processes: free loopback ports and their environment."""
import os
import socket
from typing import Dict


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(**extra: str) -> Dict[str, str]:
    """This process's environment, without Rasa telemetry, plus ``extra``."""
    return dict(os.environ, RASA_TELEMETRY_ENABLED="false", **extra)
