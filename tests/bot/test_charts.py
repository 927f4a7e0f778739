"""Charts are drawn from knowledge/ for every sheet that has the figures."""
from bot.charts import draw_all
from knowledge.store import KnowledgeStore, default_store
from tests.expected import OPERATEUR
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
