"""Charts of the figures people would rather look at, drawn from ``knowledge/``:
each sheet's salary table and age distribution, as PNG files under ``web/charts``,
served with the chat page. ``descriptions.json`` beside them says each chart's figures
in words: the page gives them to the images as text alternatives, for screen readers.

    python -m bot.tools.charts            # (re)draw every chart
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, Dict, List

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot  # noqa: E402

from actions.charts import CHART_TOPICS, chart_name, has_chart  # noqa: E402
from actions.french import euros, percent, typeset  # noqa: E402
from knowledge.schema import JobSheet  # noqa: E402
from knowledge.store import KnowledgeStore, default_store  # noqa: E402
from knowledge.topics import Topic  # noqa: E402

CHARTS_DIR = Path(__file__).resolve().parents[2] / "web" / "charts"
DESCRIPTIONS_FILE = "descriptions.json"
COLOUR = "#135afe"


def _bars(path: Path, title: str, labels: List[str], values: List[int], shown: Callable[[int], str]) -> str:
    """Draws the chart at ``path``; returns what it shows, in words."""
    figure, axes = pyplot.subplots(figsize=(6.4, 3.6), dpi=100)
    bars = axes.barh(labels[::-1], values[::-1], color=COLOUR)
    axes.bar_label(bars, labels=[shown(value) for value in values[::-1]], padding=4)
    figure.suptitle(title, x=0.02, ha="left", fontsize=11)
    axes.set_xticks([])
    axes.set_xlim(0, max(values) * 1.3)
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    figure.savefig(path)
    pyplot.close(figure)
    figures = " ; ".join(f"{label} : {shown(value)}" for label, value in zip(labels, values))
    return typeset(f"Graphique. {title.replace(chr(10), ' — ')} : {figures}.")


def _salary(sheet: JobSheet, path: Path) -> str:
    rows = sheet.salary.table
    return _bars(path, f"{sheet.name}\nSalaire brut mensuel (tableau de la fiche)", [row.label for row in rows],
          [row.monthly_gross for row in rows], euros)


def _ages(sheet: JobSheet, path: Path) -> str:
    bands = sheet.age_distribution
    return _bars(path, f"{sheet.name}\nRépartition par âge (fiche)", [band.label for band in bands],
          [band.percent for band in bands], percent)


DRAWERS: Dict[Topic, Callable[[JobSheet, Path], str]] = {Topic.SALARY: _salary, Topic.AGE_DISTRIBUTION: _ages}


def draw_all(store: KnowledgeStore, directory: Path = CHARTS_DIR) -> List[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    drawn, descriptions = [], {}
    for sheet in store.jobs:
        for topic in CHART_TOPICS:
            if has_chart(sheet, topic):
                path = directory / chart_name(sheet, topic)
                descriptions[path.name] = DRAWERS[topic](sheet, path)
                drawn.append(path)
    (directory / DESCRIPTIONS_FILE).write_text(json.dumps(descriptions, ensure_ascii=False, indent=1), encoding="utf-8")
    return drawn


if __name__ == "__main__":
    for drawn_path in [*draw_all(default_store()), CHARTS_DIR / DESCRIPTIONS_FILE]:
        print(drawn_path.relative_to(CHARTS_DIR.parent.parent))
    sys.exit(0)
