"""`make bench-scale`: the bot with 2, 50 and 500 job sheets, in one run on this machine.

For each size, the real sheets and synthetic ones (``bot/tools/synthetic_sheets.py``, never
shipped) go into a temporary copy of the project, whose NLU vocabulary is generated from
them; the copy is trained from scratch and served as `make run` does. Measured: training
time, model size, Rasa and action server memory, start-up time, p50/p95 latency over
bench.py's French mix, knowledge query time, and name resolution through the whole bot:
"quel est le salaire d'un <nom> ?" for names, feminine forms, aliases, a typo and no
accents, with the confusions. In the same run, the `rasa init` floor of `make bench` is trained
from scratch too, and the 2-sheet training is split by component (from rasa's log), to say
where its time goes. Results and a plot go to docs/SCALE.md. A script, not a test.

    python -m bot.tools.scale_bench [--sizes 2 50 500] [--messages 300]
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import timeit
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from bot.tools.bench import CONVERSATIONS, ROOT, Bot, Servers, machine, make_floor, measure_latency, rss_mb, say, train
from bot.tools.nlu_generation import render
from bot.tools.synthetic_sheets import write_sheets
from knowledge.loader import JOBS_DIR_ENV
from knowledge.schema import JobSheet
from knowledge.store import KnowledgeStore
from knowledge.text import strip_accents

REPORT = ROOT / "docs" / "SCALE.md"
PLOT = ROOT / "docs" / "scale.png"
DEFAULT_SIZES = (2, 50, 500)
REAL_SHEETS = ("gestionnaire_back_office", "operateur_back_office")
# Sheets whose names are asked, at most: the real ones always among them.
ASKED_SHEETS = 120
PROJECT_FILES = ("config.yml", "domain.yml")
CHOICE = "Plusieurs fiches correspondent"


@dataclass
class Size:
    sheets: int
    figures: Dict[str, float] = field(default_factory=dict)
    outcomes: Counter = field(default_factory=Counter)
    confusions: Counter = field(default_factory=Counter)
    # Seconds of `rasa train` per component, in training order.
    components: Dict[str, float] = field(default_factory=dict)


_COMPONENT_EVENT = re.compile(
    r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) .*(Starting to train|Finished training) component '([^']+)'", re.MULTILINE
)


def component_seconds(log: str) -> Dict[str, float]:
    """Seconds each component took to train, from the timestamps of rasa's log (to the second);
    a component trained twice (two CountVectorsFeaturizer) adds up."""
    from datetime import datetime

    started: Dict[str, datetime] = {}
    seconds: Dict[str, float] = {}
    for stamp, event, name in _COMPONENT_EVENT.findall(log):
        moment = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S")
        if event.startswith("Starting"):
            started[name] = moment
        elif name in started:
            seconds[name] = seconds.get(name, 0.0) + (moment - started.pop(name)).total_seconds()
    return seconds


def prepare(workdir: Path, count: int) -> Tuple[Path, Path, KnowledgeStore]:
    """A copy of the project whose knowledge is ``count`` sheets; returns it, the sheets' folder
    and their store."""
    sheets = workdir / "fiches"
    write_sheets(sheets, count)
    store = KnowledgeStore.from_directory(sheets)
    project = workdir / "projet"
    project.mkdir()
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "data", project / "data")
    # The REST channel alone: the measures need no other.
    (project / "credentials.yml").write_text("rest:\n", encoding="utf-8")
    (project / "data" / "nlu" / "vocabulary.yml").write_text(render(store), encoding="utf-8")
    return project, sheets, store


def typo(word_form: str, chance: random.Random) -> Optional[str]:
    """``word_form`` with one letter of its longest word left out (none if too short)."""
    words = word_form.split()
    longest = max(range(len(words)), key=lambda index: len(words[index]))
    word = words[longest]
    if len(word) < 6:
        return None
    cut = chance.randint(1, len(word) - 2)
    words[longest] = word[:cut] + word[cut + 1:]
    return " ".join(words)


def asked_names(store: KnowledgeStore) -> List[Tuple[str, str, JobSheet]]:
    """(kind, words, sheet): the ways people name the sheets asked about."""
    chance = random.Random(20261129)
    others = [sheet for sheet in store.jobs if sheet.id not in REAL_SHEETS]
    chance.shuffle(others)
    names = []
    for sheet in [*(store.get(job_id) for job_id in REAL_SHEETS), *others][:ASKED_SHEETS]:
        names.append(("nom", sheet.masculine, sheet))
        if sheet.feminine:
            names.append(("féminin", sheet.feminine, sheet))
        names += [("alias", alias, sheet) for alias in sheet.aliases]
        misspelt = typo(sheet.masculine, chance)
        if misspelt:
            names.append(("faute de frappe", misspelt, sheet))
        names.append(("sans accents", strip_accents(sheet.masculine), sheet))
    return names


def sheet_answered(text: str, store: KnowledgeStore) -> Optional[JobSheet]:
    """The sheet a reply is about: the one whose name comes first in it."""
    found = [(text.find(sheet.name), -len(sheet.name), sheet.id) for sheet in store.jobs if sheet.name in text]
    return store.get(min(found)[2]) if found else None


def resolve_names(size: Size, url: str, store: KnowledgeStore) -> None:
    for number, (kind, words, sheet) in enumerate(asked_names(store)):
        replies = say(url, f"noms-{number}", f"quel est le salaire d'un {words} ?")
        text = next((reply.get("text") for reply in replies if reply.get("text")), "")
        text = text.replace("\u202f", " ").replace("\u00a0", " ")
        if text.startswith(CHOICE):
            outcome = "choix proposé, la fiche parmi eux" if sheet.name in text else "choix proposé sans elle"
        else:
            got = sheet_answered(text, store)
            if got is None:
                outcome = "aucune fiche"
            elif got.id == sheet.id:
                outcome = "bonne fiche"
            else:
                outcome = "autre fiche"
                size.confusions[(kind, words, sheet.id, got.id)] += 1
        size.outcomes[(kind, outcome)] += 1


def knowledge_query_us(store: KnowledgeStore) -> float:
    texts = [text for conversation in CONVERSATIONS for text in conversation]
    runs = timeit.repeat(lambda: [store.find_mentions(text) for text in texts], number=5, repeat=5)
    return statistics.median(runs) / 5 / len(texts) * 1e6


def measure(size: Size, workdir: Path, messages: int) -> None:
    project, sheets, store = prepare(workdir, size.sheets)
    env = {JOBS_DIR_ENV: str(sheets), "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    load = KnowledgeStore.from_directory(sheets)
    size.figures["load_s"] = time.monotonic() - started
    assert len(load.jobs) == size.sheets
    log = workdir / "train.log"
    size.figures["train_s"] = train(project, project / "models", workdir / "cache", ("data/nlu", "data/rules.yml"), env,
                                    log=log)
    size.components = component_seconds(log.read_text(encoding="utf-8"))
    model = project / "models" / "bench.tar.gz"
    size.figures["model_mb"] = model.stat().st_size / 1e6
    bot = Bot(f"{size.sheets} fiches", project, model, with_actions=True, env=env)
    with Servers(bot, workdir) as servers:
        size.figures["startup_s"] = servers.startup_s
        timings = measure_latency(servers, messages)
        size.figures["p50_ms"] = statistics.median(timings)
        size.figures["p95_ms"] = statistics.quantiles(timings, n=100)[94]
        resolve_names(size, servers.url, store)
        size.figures["rasa_mb"] = rss_mb(servers.rasa.pid)
        size.figures["actions_mb"] = rss_mb(servers.actions.pid)
    size.figures["kb_query_us"] = knowledge_query_us(store)
    right = sum(count for (_, outcome), count in size.outcomes.items()
                if outcome in ("bonne fiche", "choix proposé, la fiche parmi eux"))
    size.figures["names_accuracy"] = right / sum(size.outcomes.values())
    size.figures["names_to_a_real_sheet"] = sum(
        count for (_, _, wanted, got), count in size.confusions.items() if got in REAL_SHEETS)
    print(f"{size.sheets} fiches : {size.figures}", flush=True)


ROWS = [
    ("Entraînement `rasa train` depuis zéro (s)", "train_s", "{:.0f}"),
    ("Taille du modèle (Mo)", "model_mb", "{:.1f}"),
    ("Chargement des fiches (s)", "load_s", "{:.2f}"),
    ("Mémoire du serveur Rasa, à chaud (Mo)", "rasa_mb", "{:.0f}"),
    ("Mémoire du serveur d'actions, à chaud (Mo)", "actions_mb", "{:.0f}"),
    ("Démarrage jusqu'à la première réponse (s)", "startup_s", "{:.1f}"),
    ("Latence p50 (ms)", "p50_ms", "{:.1f}"),
    ("Latence p95 (ms)", "p95_ms", "{:.1f}"),
    ("Requête à la base de connaissances (µs par message)", "kb_query_us", "{:.0f}"),
    ("Noms résolus (bonne fiche, ou choix qui la propose)", "names_accuracy", "{:.3f}"),
    ("Noms répondus par une fiche réelle à tort", "names_to_a_real_sheet", "{:.0f}"),
]


def french(value: float, pattern: str) -> str:
    return pattern.format(value).replace(".", ",")


def targets(sizes: Sequence[Size], floor_train_s: float) -> List[str]:
    base, big = sizes[0].figures, sizes[-1].figures
    checks = [
        (f"à {sizes[0].sheets} fiches, entraînement ≤ celui du plancher `rasa init`", base["train_s"] <= floor_train_s,
         f"{french(base['train_s'], '{:.0f}')} s contre {french(floor_train_s, '{:.0f}')} s"),
        ("latence p95 ≤ 1,5 × celle à 2 fiches", big["p95_ms"] <= 1.5 * base["p95_ms"],
         f"{french(big['p95_ms'], '{:.1f}')} ms contre {french(base['p95_ms'], '{:.1f}')} ms"),
        ("mémoire de Rasa ≤ +300 Mo", big["rasa_mb"] - base["rasa_mb"] <= 300,
         f"{french(big['rasa_mb'] - base['rasa_mb'], '{:+.0f}')} Mo"),
        ("entraînement ≤ 2 × celui à 2 fiches", big["train_s"] <= 2 * base["train_s"],
         f"{french(big['train_s'], '{:.0f}')} s contre {french(base['train_s'], '{:.0f}')} s"),
        ("noms résolus ≥ 0,98", big["names_accuracy"] >= 0.98, french(big["names_accuracy"], "{:.3f}")),
        ("aucune fiche réelle répondue pour une autre", big["names_to_a_real_sheet"] == 0,
         f"{big['names_to_a_real_sheet']:.0f}"),
    ]
    return [f"| {name} | {'atteint' if met else '**manqué**'} | {said} |" for name, met, said in checks]


def plot(sizes: Sequence[Size]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    shown = [("train_s", "Entraînement (s)"), ("rasa_mb", "Mémoire Rasa (Mo)"), ("p95_ms", "Latence p95 (ms)"),
             ("names_accuracy", "Noms résolus")]
    figure, axes = pyplot.subplots(1, len(shown), figsize=(12, 3), dpi=100)
    counts = [size.sheets for size in sizes]
    for axis, (key, title) in zip(axes, shown):
        values = [size.figures[key] for size in sizes]
        axis.plot(counts, values, marker="o", color="#135afe")
        axis.set_xscale("log")
        axis.set_xticks(counts)
        axis.set_xticklabels([str(count) for count in counts])
        axis.set_title(title, fontsize=10)
        axis.set_xlabel("fiches")
        # From zero: a change of a few percent must look like one.
        axis.set_ylim(0, 1.05 if key == "names_accuracy" else max(values) * 1.15)
    figure.tight_layout()
    figure.savefig(PLOT)
    pyplot.close(figure)


def write_report(sizes: Sequence[Size], messages: int, floor_train_s: float) -> None:
    header = "| Mesure | " + " | ".join(f"{size.sheets} fiches" for size in sizes) + " |"
    rows = [f"| {label} | " + " | ".join(french(size.figures[key], pattern) for size in sizes) + " |"
            for label, key, pattern in ROWS]
    outcomes = sorted({key for size in sizes for key in size.outcomes})
    detail = [f"| {kind} — {outcome} | " + " | ".join(str(size.outcomes[(kind, outcome)]) for size in sizes) + " |"
              for kind, outcome in outcomes]
    confusions = [f"- {size.sheets} fiches, {kind} « {words} » ({wanted}) → {got}"
                  + (f" ×{count}" if count > 1 else "")
                  for size in sizes for (kind, words, wanted, got), count in size.confusions.most_common()]
    REPORT.write_text("\n".join([
        "# Le bot avec beaucoup de fiches métiers",
        "",
        f"Mesuré par `make bench-scale` le {date.today():%d/%m/%Y} sur {machine()}, en une seule fois.",
        "Les fiches au-delà des deux réelles sont synthétiques (`bot/tools/synthetic_sheets.py`, chiffres",
        "inventés, jamais livrées) ; chaque taille est une copie du projet entraînée depuis zéro et servie",
        f"comme `make run` la sert. Latence : {messages} messages du mélange de `make bench`, un à la fois.",
        f"Noms : « quel est le salaire d'un <nom> ? » par REST, pour {ASKED_SHEETS} fiches au plus (les",
        "deux réelles toujours) : nom, féminin, alias, une lettre en moins, sans accents.",
        "",
        header, "|---|" + "---|" * len(sizes), *rows,
        "",
        f"![Chaque mesure selon le nombre de fiches]({PLOT.name})",
        "",
        "## Objectifs (à 500 fiches contre 2, et à 2 fiches contre le plancher, même passage)",
        "",
        "| Objectif | Résultat | Mesure |", "|---|---|---|", *targets(sizes, floor_train_s),
        "",
        f"## Où passe l'entraînement à {sizes[0].sheets} fiches (journal de `rasa train`, à la seconde)",
        "",
        "| Composant | s |", "|---|---|",
        *(f"| {name} | {seconds:.0f} |" for name, seconds in
          sorted(sizes[0].components.items(), key=lambda item: -item[1]) if seconds >= 1),
        "",
        "Le reste du temps : lancer Python et importer Rasa, valider les données, charger spaCy.",
        "",
        "## Noms, en détail",
        "",
        header.replace("Mesure", "Forme — issue"), "|---|" + "---|" * len(sizes), *detail,
        "",
        "## Confusions (une fiche répondue pour une autre)",
        "",
        *(confusions or ["Aucune."]),
        "",
    ]), encoding="utf-8")


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--messages", type=int, default=300)
    options = parser.parse_args(argv)
    sizes = [Size(count) for count in options.sizes]
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as workdir:
        floor = make_floor(Path(workdir))
        floor_train_s = train(floor, floor / "models", Path(workdir) / "cache-floor")
        print(f"plancher rasa init : entraînement {floor_train_s:.0f} s", flush=True)
        for size in sizes:
            directory = Path(workdir) / f"n{size.sheets}"
            directory.mkdir()
            measure(size, directory, options.messages)
    plot(sizes)
    write_report(sizes, options.messages, floor_train_s)
    print(REPORT.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
