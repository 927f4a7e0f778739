"""Charts are drawn from knowledge/ for every sheet that has the figures, and said in words."""
import json

from bot.tools.charts import DESCRIPTIONS_FILE, draw_all
from knowledge.store import KnowledgeStore, default_store
from tests.expected import OPERATEUR, plain
from tests.knowledge.test_store import THIRD_JOB_DIR

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_each_sheet_with_a_salary_table_or_ages_gets_its_png(tmp_path):
    drawn = draw_all(default_store(), tmp_path)
    assert sorted(path.name for path in drawn) == [
        f"{OPERATEUR}-age_distribution.png", f"{OPERATEUR}-salary.png",
    ]
    assert all(path.read_bytes().startswith(PNG_SIGNATURE) for path in drawn)


def test_a_sheet_with_a_starting_salary_but_no_table_gets_no_chart(tmp_path):
    drawn = draw_all(KnowledgeStore.from_directory(THIRD_JOB_DIR), tmp_path)
    assert not any(path.name.startswith("analyste_credit") for path in drawn) and len(drawn) == 2


def test_each_chart_is_said_in_words_for_screen_readers(tmp_path):
    drawn = draw_all(default_store(), tmp_path)
    descriptions = json.loads((tmp_path / DESCRIPTIONS_FILE).read_text(encoding="utf-8"))
    assert sorted(descriptions) == sorted(path.name for path in drawn)
    salary = plain(descriptions[f"{OPERATEUR}-salary.png"])
    assert salary.startswith("Graphique. Opérateur / opératrice back-office — Salaire brut mensuel")
    assert "Salaire brut à l'embauche : 1 766 €" in salary and "Salaire max : 2 917 €" in salary
    assert "moins de 25 ans : 7 %" in plain(descriptions[f"{OPERATEUR}-age_distribution.png"])
