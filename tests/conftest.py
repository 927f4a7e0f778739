import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def rest_bot(tmp_path_factory):
    """One action server and one Rasa server (REST channel) for the whole session."""
    from tests.servers import MODEL, action_server, rasa_server

    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run the tests with `make test`, which trains it first")
    workdir = tmp_path_factory.mktemp("rest_bot")
    with action_server(workdir) as webhook, rasa_server(workdir, webhook) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (which never downloads a browser)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} manque : lancez les tests avec `make test`, qui installe chromium")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory):
    """A store of 50 sheets: the 2 real ones and synthetic ones with near-neighbour names
    ("opérateur de flux", "gestionnaire de paie"…; bot/tools/synthetic_sheets.py)."""
    from bot.tools.synthetic_sheets import write_sheets
    from knowledge.store import KnowledgeStore

    directory = tmp_path_factory.mktemp("fiches") / "synthetiques"
    write_sheets(directory, 50)
    return KnowledgeStore.from_directory(directory)
