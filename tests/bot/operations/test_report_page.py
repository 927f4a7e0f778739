"""The report's page on its own: French, self-contained, and what people typed shown as text,
never as markup. (Opened in Chromium in tests/test_single_machine.py.)"""
import re

from bot.operations.report import figures, turns_and_ratings
from bot.operations.report_page import report_page, share
from tests.bot.operations.test_report import SINCE, UNTIL, Events

MARKUP = '<img src="http://site.example/x.png" onerror="alert(1)">'


def page_of(events: Events) -> str:
    turns, ratings = turns_and_ratings(events.rows)
    return report_page(figures(turns, ratings, SINCE, UNTIL, b"cle"))


def test_markup_typed_by_a_user_is_shown_as_text():
    events = Events()
    events.user("a", MARKUP, intent="nlu_fallback")
    events.action("a", "action_fallback")
    page = page_of(events)
    assert MARKUP not in page and "&lt;img src=&quot;http://site.example/x.png&quot;" in page


def test_the_page_forbids_any_request_and_names_no_outside_resource():
    page = page_of(Events())
    assert "default-src 'none'" in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    assert '<html lang="fr">' in page


def test_an_empty_period_says_so_in_french():
    page = page_of(Events())
    assert "Aucun message sur la période." in page and "<svg" not in page


def test_shares_are_written_the_french_way():
    assert share(0.125) == "12,5\u00a0%"
