"""`make bench-report`: the operator's report (`make report`) over many stored conversations.

Real conversations are first held with the bot (its servers as `make run` starts them,
conversations written to SQLite); their events are then replayed under new senders, spread
over 30 days, until the store holds ``--conversations`` of them. The report is generated
from that store a few times; its time, memory and size go to docs/REPORT_PERFORMANCE.md.
A script, not a test: figures are written down, not asserted.

    python -m bot.tools.report_bench [--conversations 10000] [--repeats 3]
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

from actions.french import number
from bot.server.arrival_time import RECEIVED_AT
from bot.tools.bench import CONVERSATIONS, ROOT, Bot, Servers, machine, say
from bot.tools.processes import server_env, shipped_tracker_store

REPORT = ROOT / "docs" / "REPORT_PERFORMANCE.md"
MODEL = ROOT / "models" / "backoffice.tar.gz"
SPREAD_DAYS = 30
# Besides bench.py's mix: ratings, with and without a comment, a message with an e-mail, a
# question whose topic is unclear.
MORE = [
    ["salaire d'un opérateur back-office ?", "/feedback_useful"],
    ["formation du gestionnaire de back office ?", "pas utile", "c'était trop vague"],
    ["mon mail c'est jean.dupont@example.fr, vous recrutez ?", "les inconvénients du gestionnaire ?"],
    ["gestionnaire de back office, c'est comment le boulot ?", "Salaire"],
]


class ShippedServers(Servers):
    """The servers as `make run` starts them: Rasa through bot/server/rasa_run.py, which notes
    when each message arrives (the report's response times start there)."""

    def _spawn(self, arguments: List[str], role: str) -> subprocess.Popen:
        if role != "rasa":
            return super()._spawn(arguments, role)
        log = (self.log_dir / f"{self.bot.name}-{role}.log").open("w")
        process = subprocess.Popen([sys.executable, "-m", "bot.server.rasa_run", *arguments[1:]], cwd=ROOT,
                                   stdout=log, stderr=subprocess.STDOUT, env=server_env(**self.bot.env))
        self.processes.append(process)
        return process


def hold_conversations(log_dir: Path) -> Path:
    """The SQLite store of real conversations with the bot."""
    bot = Bot("ce bot", ROOT, MODEL, with_actions=True)
    with ShippedServers(bot, log_dir) as servers:
        for index, conversation in enumerate(CONVERSATIONS + MORE):
            for message in conversation:
                say(servers.url, f"graine-{index}", message)
    (database,) = log_dir.glob("conversations-*.db")
    return database


def replay(seed: Path, target: Path, conversations: int, end: datetime) -> int:
    """``target``: the seed's tables, its conversations copied under new senders until
    there are ``conversations``, each moved to a random moment of the last ``SPREAD_DAYS``
    days; returns the number of events written."""
    shutil.copy(seed, target)
    with sqlite3.connect(target) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(events)") if row[1] != "id"]
        rows = connection.execute(f"SELECT {', '.join(columns)} FROM events ORDER BY id").fetchall()
        connection.execute("DELETE FROM events")
        sender_at, timestamp_at = columns.index("sender_id"), columns.index("timestamp")
        by_sender: Dict[str, List[tuple]] = defaultdict(list)
        for row in rows:
            if row[sender_at].startswith("graine-"):
                by_sender[row[sender_at]].append(row)
        seeds = list(by_sender.values())
        chance = random.Random(20261129)
        written = 0
        for index in range(conversations):
            events = seeds[index % len(seeds)]
            moment = end.timestamp() - chance.uniform(60, SPREAD_DAYS * 86400)
            shift = moment - events[0][timestamp_at]
            sender = f"rejeu-{index:06d}"
            replayed = []
            for row in events:
                row = list(row)
                row[sender_at], row[timestamp_at] = sender, row[timestamp_at] + shift
                data = json.loads(row[columns.index("data")])
                data["timestamp"] = row[timestamp_at]
                if RECEIVED_AT in (data.get("metadata") or {}):
                    data["metadata"][RECEIVED_AT] += shift
                row[columns.index("data")] = json.dumps(data, ensure_ascii=False)
                replayed.append(row)
            connection.executemany(
                f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", replayed)
            written += len(replayed)
    return written


# Runs `make report`'s module, then says the process's peak memory (VmHWM, kB) on stderr.
MEASURED_RUN = (
    "import runpy, sys\n"
    "try:\n    runpy.run_module('bot.operations.report', run_name='__main__')\n"
    "finally:\n    print([line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')][0],"
    " file=sys.stderr)"
)


def generate(endpoints: Path, out: Path) -> Tuple[float, float]:
    """One `make report` run: seconds and peak memory (MB) of its process."""
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-W", "ignore", "-c", MEASURED_RUN, "--endpoints", str(endpoints),
                          "--out", str(out)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    elapsed = time.monotonic() - started
    return elapsed, int(run.stderr.strip().splitlines()[-1]) / 1024


def write_report(conversations: int, events: int, store_mb: float, seconds: List[float], peak_mb: float,
                 sizes: Dict[str, float], repeats: int) -> None:
    def comma(value: float, digits: int = 1) -> str:
        return f"{value:.{digits}f}".replace(".", ",")

    REPORT.write_text(f"""# Le rapport d'exploitation sur {number(conversations)} conversations

Mesuré par `make bench-report` le {date.today():%d/%m/%Y} sur {machine()}.

De vraies conversations avec le bot ({len(CONVERSATIONS) + len(MORE)} : questions, suites, comparaisons,
définitions, incompris, métier inconnu, hors sujet, avis 👍 et 👎 avec commentaire) sont
rejouées sous de nouveaux identifiants, réparties sur {SPREAD_DAYS} jours, jusqu'à {number(conversations)}
conversations ({number(events)} événements, base SQLite de {comma(store_mb)} Mo). Puis `make report`
sur la période par défaut (30 jours), {repeats} fois, processus complet (démarrage de Python compris).

| Mesure | Valeur |
|---|---|
| Temps de génération (médiane de {repeats}) | {comma(statistics.median(seconds))} s |
| Temps de génération (plus lent) | {comma(max(seconds))} s |
| Mémoire maximale du processus | {comma(peak_mb, 0)} Mo |
| Taille de la page HTML (autonome, graphiques compris) | {comma(sizes['html'])} Ko |
| Taille du fichier JSON | {comma(sizes['json'])} Ko |

Relancer : `make bench-report` (`CONVERSATIONS=` pour une autre taille).
""", encoding="utf-8")


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-report-") as workdir:
        work = Path(workdir)
        seed = hold_conversations(work)
        store = work / "replayed.db"
        events = replay(seed, store, options.conversations, datetime.now())
        endpoints = work / "endpoints.yml"
        endpoints.write_text(yaml.safe_dump({"tracker_store": shipped_tracker_store(store)}))
        runs = [generate(endpoints, work / "rapport") for _ in range(options.repeats)]
        sizes = {kind: (work / f"rapport.{kind}").stat().st_size / 1024 for kind in ("html", "json")}
        write_report(options.conversations, events, store.stat().st_size / 1e6, [run[0] for run in runs],
                     max(run[1] for run in runs), sizes, options.repeats)
    print(REPORT.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
