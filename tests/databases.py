"""Real PostgreSQL and Redis servers (Debian packages) started on loopback for a test.

Each context manager skips the test, saying why, when its server is not installed
(`make test` installs both where it can: see the Makefile).
"""
import glob
import json
import os
import pwd
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List

import psycopg2
import pytest
import redis

from tests.servers import free_port, stopped_at_exit, wait_until

POSTGRES_USER = "postgres"


@dataclass
class Postgres:
    port: int
    user: str = POSTGRES_USER
    password: str = "mot-de-passe-postgres"
    host: str = "127.0.0.1"

    def connect(self, database: str = "postgres"):
        return psycopg2.connect(host=self.host, port=self.port, user=self.user, password=self.password,
                                dbname=database, connect_timeout=5)


@dataclass
class Redis:
    port: int
    password: str = "mot-de-passe-redis"
    host: str = "127.0.0.1"


def _postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    if not found:
        pytest.skip("PostgreSQL n'est pas installé (paquet Debian postgresql : `make test` l'installe en root)")
    return Path(found[-1]).parent


def _as_postgres_user(command: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root: run by its own system user then."""
    if os.geteuid() != 0:
        return command
    try:
        pwd.getpwnam(POSTGRES_USER)
    except KeyError:
        pytest.skip(f"PostgreSQL ne tourne pas en root et l'utilisateur système {POSTGRES_USER} n'existe pas")
    return ["runuser", "-u", POSTGRES_USER, "--", *command]


@contextmanager
def postgres_server(log_dir: Path) -> Iterator[Postgres]:
    """A fresh PostgreSQL cluster on a free loopback port, password authentication only."""
    bin_dir = _postgres_bin()
    server = Postgres(port=free_port())
    # Outside pytest's temporary folders, which only root can enter.
    cluster = Path(tempfile.mkdtemp(prefix="backoffice-postgres-"))
    try:
        password_file = cluster / "password"
        password_file.write_text(server.password)
        if os.geteuid() == 0:
            shutil.chown(cluster, POSTGRES_USER)
            shutil.chown(password_file, POSTGRES_USER)
        subprocess.run(
            _as_postgres_user([str(bin_dir / "initdb"), "-D", str(cluster / "data"), "-U", server.user,
                               f"--pwfile={password_file}", "--auth=scram-sha-256", "--encoding=UTF8",
                               "--locale=C.UTF-8"]),
            check=True, capture_output=True,
        )
        log = log_dir / f"postgres-{server.port}.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                _as_postgres_user([str(bin_dir / "postgres"), "-D", str(cluster / "data"), "-p", str(server.port),
                                   "-h", server.host, "-k", str(cluster)]),
                stdout=output, stderr=subprocess.STDOUT,
            )
        with stopped_at_exit(process):
            wait_until(lambda: server.connect().close(), process, log)
            yield server
    finally:
        shutil.rmtree(cluster, ignore_errors=True)


@contextmanager
def redis_server(log_dir: Path) -> Iterator[Redis]:
    """A Redis server on a free loopback port, with a password and no persistence."""
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("Redis n'est pas installé (paquet Debian redis-server : `make test` l'installe en root)")
    server = Redis(port=free_port())
    log = log_dir / f"redis-{server.port}.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [executable, "--port", str(server.port), "--bind", server.host, "--requirepass", server.password,
             "--save", "", "--appendonly", "no"],
            stdout=output, stderr=subprocess.STDOUT,
        )
    with stopped_at_exit(process):
        client = redis.Redis(host=server.host, port=server.port, password=server.password, socket_timeout=2)
        wait_until(client.ping, process, log)
        yield server


def stored_slot_values(database: Path, slot: str) -> list:
    """The values set to ``slot``, oldest first, in a SQLite conversation store written by Rasa."""
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute("SELECT data FROM events WHERE type_name = 'slot' ORDER BY id").fetchall()
    events = [json.loads(data) for (data,) in rows]
    return [event["value"] for event in events if event.get("name") == slot]
