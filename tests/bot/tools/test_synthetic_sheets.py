"""Synthetic job sheets for scale measures: valid, distinct, marked as invented, never written into knowledge/."""
import pytest

from bot.tools.synthetic_sheets import (
    FIGURE_ORIGIN, PUBLISHER, generate_sheets, main, real_sheet_paths, write_sheets,
)
from knowledge.loader import DEFAULT_JOBS_DIR, KNOWLEDGE_DIR
from knowledge.schema import JobSheet
from knowledge.store import KnowledgeStore, surface_names
from knowledge.text import normalize
from knowledge.topics import Topic, sheet_holds

COUNT = 50


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    directory = tmp_path_factory.mktemp("fiches") / "cinquante"
    write_sheets(directory, COUNT)
    return directory


@pytest.fixture(scope="module")
def store(folder):
    return KnowledgeStore.from_directory(folder)


@pytest.fixture(scope="module")
def synthetic(store):
    return [sheet for sheet in store.jobs if sheet.source.publisher == PUBLISHER]


def test_fifty_sheets_load_with_the_real_store_two_of_them_real(folder, store, synthetic):
    assert len(list(folder.glob("*.yml"))) == len(store.jobs) == COUNT
    assert len(real_sheet_paths()) == 2
    assert len(synthetic) == COUNT - 2


@pytest.mark.parametrize("count", [COUNT, 500])
def test_ids_names_and_aliases_are_unique_once_normalized_real_sheets_included(store, count):
    sheets = [*(store.get(path.stem) for path in real_sheet_paths()),
              *(JobSheet.parse_obj(sheet) for sheet in generate_sheets(count))]
    assert len({sheet.id for sheet in sheets}) == len(sheets)
    keys = [key for sheet in sheets for key in {normalize(name) for name in [sheet.id, *surface_names(sheet)]}]
    assert len(keys) == len(set(keys))


def test_the_same_seed_gives_the_same_sheets_and_fewer_sheets_are_the_first_of_more():
    assert generate_sheets(30, seed=7) == generate_sheets(30, seed=7)
    assert generate_sheets(10, seed=7) == generate_sheets(30, seed=7)[:10]
    assert generate_sheets(30, seed=7) != generate_sheets(30, seed=8)


def test_every_synthetic_sheet_says_it_is_generated_and_points_to_no_website(folder, synthetic):
    for sheet in synthetic:
        assert "synthétique" in sheet.source.title and "jamais publiée" in sheet.source.document
        assert (folder / f"{sheet.id}.yml").read_text(encoding="utf-8").startswith("# Fiche synthétique")
        assert sheet.source.website is sheet.source.page_url is sheet.digital_skills is None
        market = sheet.labour_market
        figures = [getattr(market, field) for field in market.__fields__] if market else []
        assert all(figure.origin == FIGURE_ORIGIN for figure in figures if figure and figure.value is not None)


def test_figures_are_plausible_and_ages_add_up_to_one_hundred(synthetic):
    for sheet in synthetic:
        if sheet.salary and sheet.salary.starting_monthly_gross:
            assert 1700 <= sheet.salary.starting_monthly_gross <= 3200
        if sheet.age_distribution:
            assert sum(band.percent for band in sheet.age_distribution) == 100
        assert 1 <= len(sheet.aliases) <= 3 and sheet.family


@pytest.mark.parametrize("topic", sorted(set(Topic) - {Topic.DESCRIPTION, Topic.SECTOR, Topic.DIGITAL_SKILLS}))
def test_some_synthetic_sheets_hold_a_topic_and_others_lack_it(synthetic, topic):
    assert {sheet_holds(sheet, topic) for sheet in synthetic} == {True, False}


@pytest.mark.parametrize("real", real_sheet_paths(), ids=lambda path: path.name)
def test_the_real_sheets_are_copied_unchanged(folder, real):
    assert (folder / real.name).read_bytes() == real.read_bytes()


def test_the_store_resolves_every_name_feminine_form_and_alias_to_its_own_sheet(store, synthetic):
    said = [(text, sheet.id) for sheet in synthetic for text in [sheet.name, sheet.feminine, *sheet.aliases] if text]
    assert len(said) > 2 * len(synthetic)
    assert [(text, job) for text, job in said if getattr(store.resolve(text), "id", None) != job] == []


@pytest.mark.parametrize("target", [DEFAULT_JOBS_DIR, KNOWLEDGE_DIR, DEFAULT_JOBS_DIR / "mesure"])
def test_refuses_to_write_into_the_project_knowledge(target):
    before = sorted(DEFAULT_JOBS_DIR.iterdir())
    with pytest.raises(ValueError, match="refus d'écrire"):
        write_sheets(target, 5)
    assert sorted(DEFAULT_JOBS_DIR.iterdir()) == before


def test_refuses_a_link_to_the_project_sheets_and_says_why_on_the_command_line(tmp_path, capsys):
    link = tmp_path / "lien"
    link.symlink_to(DEFAULT_JOBS_DIR, target_is_directory=True)
    assert main(["--count", "5", "--out", str(link)]) == 1
    assert "refus d'écrire" in capsys.readouterr().err


def test_the_command_writes_the_requested_number_of_sheets_into_an_empty_folder_only(tmp_path):
    assert main(["--count", "5", "--out", str(tmp_path / "cinq")]) == 0
    assert len(list((tmp_path / "cinq").glob("*.yml"))) == 5
    with pytest.raises(ValueError, match="déjà des fiches"):
        write_sheets(tmp_path / "cinq", 5)


def test_running_out_of_combinations_is_an_error_not_duplicates():
    with pytest.raises(ValueError, match="s'épuisent"):
        generate_sheets(10_000)
