"""The chat page in a real browser (Debian chromium driven by Playwright): the widget
from npm, Rasa's socketio channel with session persistence, the action server."""
from pathlib import Path

import pytest

from actions.charts import CHARTS_URL_ENV
from tests.servers import ROOT, VENV_BIN, action_server, free_port, rasa_server, running, server_env

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "tests" / "output"
ANSWER_TIMEOUT_MS = 30_000

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def page_url(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("web_bot")
    port = free_port()
    page = f"http://127.0.0.1:{port}"
    charts = server_env(**{CHARTS_URL_ENV: f"{page}/charts"})
    with action_server(workdir, env=charts) as webhook, rasa_server(workdir, webhook, origins=[page]) as rasa_url:
        command = [str(VENV_BIN / "python"), "-m", "bot.web", "--port", str(port), "--rasa-url", rasa_url]
        with running(command, f"{page}/", workdir / "web.log"):
            yield page


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} manque : lancez les tests avec `make test`, qui installe chromium")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


class Chat:
    """One browser tab on the chat page, with what it logged and requested."""

    def __init__(self, browser, url, **context_options):
        self.context = browser.new_context(locale="fr-FR", **context_options)
        self.page = self.context.new_page()
        self.errors, self.requests = [], []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", lambda dialog: self.errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(url)
        self.wait_for_answers(1)

    def answers(self):
        texts = self.page.locator(".rw-response .rw-message-text").all_inner_texts()
        return [text.replace("\u202f", " ").replace("\u00a0", " ") for text in texts]

    def wait_for_answers(self, count):
        """Until ``count`` bot messages are shown and the widget no longer shows "typing"."""
        self.page.wait_for_function(
            f"document.querySelectorAll('.rw-response .rw-message-text').length >= {count}"
            " && !document.querySelector('.rw-typing-indication')",
            timeout=ANSWER_TIMEOUT_MS,
        )

    def ask(self, question):
        before = len(self.answers())
        self.page.fill(".rw-new-message", question)
        self.page.keyboard.press("Enter")
        self.wait_for_answers(before + 1)
        return self.answers()[before:]

    def click_button(self, title):
        before = len(self.answers())
        self.page.locator(".rw-replies .rw-reply", has_text=title).first.click()
        self.wait_for_answers(before + 1)
        return self.answers()[before:]

    def close(self):
        self.context.close()


@pytest.fixture
def chat(browser, page_url):
    opened = []

    def open_chat(**options):
        opened.append(Chat(browser, page_url, **options))
        return opened[-1]

    yield open_chat
    for tab in opened:
        tab.close()


def test_questions_with_a_figure_a_follow_up_and_a_button(chat, page_url):
    tab = chat(viewport={"width": 1280, "height": 900})
    assert "Bonjour" in tab.answers()[0]

    salary = "\n".join(tab.ask("Combien gagne une opératrice back-office ?"))
    assert "1 766 € brut mensuel" in salary and "Source : " in salary
    chart = tab.page.locator("img[src$='operateur_back_office-salary.png']")
    chart.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert chart.evaluate("image => image.complete && image.naturalWidth > 0")

    follow_up = "\n".join(tab.ask("et ses inconvénients ?"))
    assert follow_up.startswith("Opérateur / opératrice back-office — Inconvénients")

    tab.ask("Quels métiers connais-tu ?")
    picked = "\n".join(tab.click_button("Gestionnaire de back office"))
    assert picked.startswith("Gestionnaire de back office — Présentation")
    source_link = tab.page.locator(".rw-response a[href='http://www.observatoire-metiers-banque.fr']")
    assert source_link.count() >= 1

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENSHOTS / "webchat.png"))
    assert tab.errors == []
    assert [url for url in tab.requests if not url.startswith(("http://127.0.0.1", "data:"))] == []


def test_the_conversation_survives_a_page_reload(chat):
    tab = chat()
    tab.ask("il faut quel diplome pour être gestionnaire ?")
    shown = len(tab.answers())
    tab.page.reload()
    tab.wait_for_answers(shown)
    follow_up = "\n".join(tab.ask("et pour l'opératrice ?"))
    assert follow_up.startswith("Opérateur / opératrice back-office — Formation")
    assert tab.errors == []


def test_markup_typed_by_a_user_is_shown_as_text_never_run(chat):
    tab = chat()
    markup = "<img src=x onerror=alert(1)>"
    tab.ask(markup)
    shown = tab.page.locator(".rw-client .rw-message-text").all_inner_texts()
    assert markup in shown
    assert tab.page.locator("img[src='x']").count() == 0
    assert not any(error.startswith("dialog") for error in tab.errors)


def test_the_page_fits_a_phone_screen(chat):
    tab = chat(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    answer = "\n".join(tab.ask("salaire opérateur back office"))
    assert "1 766 €" in answer
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= 375
    assert tab.page.locator(".rw-new-message").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENSHOTS / "webchat-phone.png"))
