"""The chat page in a real browser (Debian chromium driven by Playwright): the widget
from npm, Rasa's socketio channel with session persistence, the action server."""
import pytest

from actions.charts import CHARTS_URL_ENV
from actions.feedback import NOT_USEFUL, USEFUL
from actions.names import SLOT_RATING
from actions.rendering import (
    RATING_ASK_WHAT_WAS_MISSING, RATING_NOT_USEFUL_BUTTON, RATING_THANKS, RATING_USEFUL_BUTTON,
)
from bot.tools.processes import shipped_tracker_store
from tests.databases import stored_slot_values
from tests.expected import OPERATEUR
from tests.servers import ROOT, VENV_BIN, action_server, free_port, rasa_server, running, server_env

# axe-core from npm (the Makefile installs it): the accessibility audit run inside the page.
AXE = ROOT / ".make" / "axe" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
SCREENSHOTS = ROOT / "tests" / "output"
ANSWER_TIMEOUT_MS = 30_000

pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def web_database(tmp_path_factory):
    return tmp_path_factory.mktemp("web_store") / "conversations.db"


@pytest.fixture(scope="module")
def page_url(tmp_path_factory, web_database):
    workdir = tmp_path_factory.mktemp("web_bot")
    port = free_port()
    page = f"http://127.0.0.1:{port}"
    charts = server_env(**{CHARTS_URL_ENV: f"{page}/charts"})
    stores = {"tracker_store": shipped_tracker_store(web_database)}
    with action_server(workdir, env=charts) as webhook, \
            rasa_server(workdir, webhook, origins=[page], stores=stores) as rasa_url:
        command = [str(VENV_BIN / "python"), "-m", "bot.server.web", "--port", str(port), "--rasa-url", rasa_url]
        with running(command, f"{page}/", workdir / "web.log"):
            yield page


class Chat:
    """One browser tab on the chat page, with what it logged and requested."""

    def __init__(self, browser, url, context=None, **context_options):
        # A tab of its own browser profile, or another tab of ``context``'s (same storage).
        self.owns_context = context is None
        self.context = context or browser.new_context(locale="fr-FR", **context_options)
        self.url = url
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

    def another_tab(self, browser):
        return Chat(browser, self.url, context=self.context)

    def close(self):
        if self.owns_context:
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


def test_thumbs_up_and_down_rate_the_answer_they_sit_under(chat, web_database):
    tab = chat()
    tab.ask("Quelle formation pour être opérateur back-office ?")
    thanks = tab.click_button(RATING_USEFUL_BUTTON)
    assert thanks == [RATING_THANKS.replace("\u202f", " ").replace("\u00a0", " ")]
    tab.ask("et ses inconvénients ?")
    missing = tab.click_button(RATING_NOT_USEFUL_BUTTON)
    assert missing == [RATING_ASK_WHAT_WAS_MISSING.replace("\u202f", " ").replace("\u00a0", " ")]
    # One pair of buttons at a time, on the last answer only.
    assert tab.page.locator(".rw-reply", has_text=RATING_USEFUL_BUTTON).count() == 0
    ratings = stored_slot_values(web_database, SLOT_RATING)[-2:]
    assert [(rating["rating"], rating["topics"], rating["jobs"]) for rating in ratings] == [
        (USEFUL, ["training"], [OPERATEUR]), (NOT_USEFUL, ["cons"], [OPERATEUR])]
    assert ratings[1]["question"] == "et ses inconvénients ?"
    assert tab.errors == []


def test_the_conversation_survives_a_page_reload(chat):
    tab = chat()
    tab.ask("il faut quel diplome pour être gestionnaire ?")
    shown = len(tab.answers())
    tab.page.reload()
    tab.wait_for_answers(shown)
    follow_up = "\n".join(tab.ask("et pour l'opératrice ?"))
    assert follow_up.startswith("Opérateur / opératrice back-office — Formation")
    assert tab.errors == []


def test_two_tabs_of_one_browser_carry_on_one_conversation(chat, browser):
    first = chat()
    assert "Bonjour" in first.answers()[0]
    salary = "\n".join(first.ask("Combien gagne une opératrice back-office ?"))
    assert "1 766 € brut mensuel" in salary
    second = first.another_tab(browser)
    follow_up = "\n".join(second.ask("et ses inconvénients ?"))
    assert follow_up.startswith("Opérateur / opératrice back-office — Inconvénients")
    assert first.errors == [] and second.errors == []


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


def accessibility_violations(page):
    """What axe-core finds on the page as it is, worst first: rule, impact, elements."""
    if not AXE.exists():
        pytest.fail(f"{AXE} manque : lancez les tests avec `make test`, qui installe axe-core")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => (await axe.run(document)).violations.map(
            (v) => ({rule: v.id, impact: v.impact, elements: v.nodes.map((n) => n.target.join(" "))}))"""
    )


def test_the_page_after_an_answer_with_a_chart_passes_an_accessibility_audit(chat):
    tab = chat(viewport={"width": 1280, "height": 900})
    tab.ask("Combien gagne une opératrice back-office ?")
    tab.page.locator("img[src$='operateur_back_office-salary.png']").wait_for(timeout=ANSWER_TIMEOUT_MS)
    tab.ask("Quels métiers connais-tu ?")
    violations = accessibility_violations(tab.page)
    assert [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS] == [], violations


def tab_to(page, selector, presses=40):
    """Presses Tab until an element matching ``selector`` has the focus; True if one did."""
    for _ in range(presses):
        if page.evaluate(f"!!document.activeElement && document.activeElement.matches({selector!r})"):
            return True
        page.keyboard.press("Tab")
    return False


def focus_is_visible(page):
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle !== 'none'")


def test_the_keyboard_alone_asks_picks_a_button_and_sees_where_it_is(chat):
    tab = chat()
    page = tab.page
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert tab_to(page, ".rw-new-message") and focus_is_visible(page)
    before = len(tab.answers())
    page.keyboard.type("Quels métiers connais-tu ?")
    page.keyboard.press("Enter")
    tab.wait_for_answers(before + 1)
    assert tab_to(page, ".rw-reply") and focus_is_visible(page)
    shown = len(tab.answers())
    page.keyboard.press("Enter")
    tab.wait_for_answers(shown + 1)
    assert "— Présentation" in "\n".join(tab.answers()[shown:])
    # The message list scrolls with the keyboard, and new messages are read out politely.
    assert tab_to(page, "#rw-messages") and focus_is_visible(page)
    live = page.locator("#rw-messages")
    assert (live.get_attribute("role"), live.get_attribute("aria-live")) == ("log", "polite")


def test_a_chart_says_its_figures_to_screen_readers(chat):
    tab = chat()
    tab.ask("Combien gagne une opératrice back-office ?")
    chart = tab.page.locator("img[src$='operateur_back_office-salary.png']")
    chart.wait_for(timeout=ANSWER_TIMEOUT_MS)
    tab.page.wait_for_function(
        "document.querySelector(\"img[src$='operateur_back_office-salary.png']\").alt.includes('766')",
        timeout=ANSWER_TIMEOUT_MS,
    )
    alternative = chart.get_attribute("alt").replace("\u202f", " ").replace("\u00a0", " ")
    assert "Salaire brut à l'embauche : 1 766 €" in alternative
