"""Charts of the figures people would rather look at, drawn from ``knowledge/``:
each sheet's salary table and age distribution, as PNG files under ``web/charts``,
served with the chat page.

    python -m bot.charts            # (re)draw every chart
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Dict, List

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot  # noqa: E402

from actions.charts import CHART_TOPICS, chart_name, has_chart  # noqa: E402
from actions.french import euros, percent  # noqa: E402
from knowledge.schema import JobSheet  # noqa: E402
from knowledge.store import KnowledgeStore, default_store  # noqa: E402
from knowledge.topics import Topic  # noqa: E402

CHARTS_DIR = Path(__file__).resolve().parent.parent / "web" / "charts"
COLOUR = "#135afe"


def _bars(path: Path, title: str, labels: List[str], values: List[int], shown: Callable[[int], str]) -> None:
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


def _salary(sheet: JobSheet, path: Path) -> None:
    rows = sheet.salary.table
    _bars(path, f"{sheet.name}\nSalaire brut mensuel (tableau de la fiche)", [row.label for row in rows],
          [row.monthly_gross for row in rows], euros)


def _ages(sheet: JobSheet, path: Path) -> None:
    bands = sheet.age_distribution
    _bars(path, f"{sheet.name}\nRépartition par âge (fiche)", [band.label for band in bands],
          [band.percent for band in bands], percent)


DRAWERS: Dict[Topic, Callable[[JobSheet, Path], None]] = {Topic.SALARY: _salary, Topic.AGE_DISTRIBUTION: _ages}


def draw_all(store: KnowledgeStore, directory: Path = CHARTS_DIR) -> List[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    drawn = []
    for sheet in store.jobs:
        for topic in CHART_TOPICS:
            if has_chart(sheet, topic):
                path = directory / chart_name(sheet, topic)
                DRAWERS[topic](sheet, path)
                drawn.append(path)
    return drawn


if __name__ == "__main__":
    for drawn_path in draw_all(default_store()):
        print(drawn_path.relative_to(CHARTS_DIR.parent.parent))
    sys.exit(0)
