"""French typography of everything the actions send."""
import re

import pytest

from actions import rendering
from actions.french import NBSP, NNBSP, euros, number, percent, thousand_euros, typeset
from actions.comparing import OVERVIEW_TOPICS
from actions.knowledge_base import STORE
from knowledge.rankings import rank
from knowledge.topics import Topic, sheet_holds


@pytest.mark.parametrize(
    "value,expected",
    [(35, "35"), (1766, f"1{NNBSP}766"), (2000, f"2{NNBSP}000"), (45000, f"45{NNBSP}000")],
)
def test_numbers_are_grouped_by_three_with_a_narrow_no_break_space(value, expected):
    assert number(value) == expected


def test_units_are_glued_with_a_no_break_space():
    assert euros(1766) == f"1{NNBSP}766{NBSP}€"
    assert percent(42) == f"42{NBSP}%"
    assert thousand_euros(21) == f"21{NBSP}k€"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Ça va ?", f"Ça va{NNBSP}?"),
        ("Oui !", f"Oui{NNBSP}!"),
        ("Source : X", f"Source{NBSP}: X"),
        ("Note: X", f"Note{NBSP}: X"),
        ("« Bac+2 »", f"«{NBSP}Bac+2{NBSP}»"),
        ("a ; b", f"a{NNBSP}; b"),
        ("http://x.fr/a.pdf?ixh=1", "http://x.fr/a.pdf?ixh=1"),
        ("10:30", "10:30"),
    ],
)
def test_typeset_puts_french_spaces_and_leaves_addresses_alone(raw, expected):
    assert typeset(raw) == expected


def all_rendered_texts():
    for sheet in STORE.jobs:
        for topic in Topic:
            yield rendering.answer(sheet, topic) if sheet_holds(sheet, topic) else rendering.missing(sheet, topic)
    yield rendering.help_text(STORE.jobs, listed_at_once=8)
    # With many sheets (numbers as with 1 234 sheets, names of the real ones).
    yield rendering.help_text(STORE.jobs, listed_at_once=1)
    families = [("Paiements", 1234), (rendering.OTHER_FAMILY, 1)]
    yield rendering.families_overview(rendering.families_intro(1235), 1235, families)
    yield rendering.families_overview(rendering.unknown_job_among(1235), 1235, families)
    yield rendering.jobs_page(rendering.family_heading("Paiements", 1234), STORE.jobs, 1232, paged=True)
    yield rendering.jobs_page(rendering.found_heading(["paie"], 1234), STORE.jobs, 1232, paged=False)
    yield rendering.jobs_page(rendering.found_heading(["paie"], 1), STORE.jobs[:1], 0, paged=False)
    yield rendering.which_job("opérateur", STORE.jobs, 1234)
    yield rendering.too_many_to_compare(1235, *STORE.jobs[:2])
    yield rendering.families_overview(rendering.job_needed([Topic.SALARY, Topic.TRAINING], 1234, 1235), 1235, families)
    yield rendering.unknown_job(STORE.jobs)
    yield rendering.job_list(STORE.jobs)
    yield rendering.overview(STORE.jobs, OVERVIEW_TOPICS)
    for topic in Topic:
        yield rendering.comparison(STORE.jobs, topic)
    for entry in STORE.glossary:
        yield rendering.definition(entry)
    yield rendering.unknown_term(STORE.glossary)
    yield rendering.sources(STORE.jobs[:1], STORE.jobs)
    yield rendering.sources([], STORE.jobs)
    for ranking_id in ("salary_highest", "hiring_most", "women_most", "study_least"):
        ranking = STORE.ranking(ranking_id)
        ranked = [rank(STORE.jobs, measure, ranking.order) for measure in ranking.measures]
        yield rendering.ranking(rendering.every_job_scope(1234), ranking.order, ranked, STORE.jobs, shown=8)
        yield rendering.ranking(rendering.named_jobs_scope(2), ranking.order, ranked, STORE.jobs, shown=1)


# An ASCII space before ? ! ; : », none at all, or an ASCII space after «.
BAD_SPACING = re.compile(r"( [?!;:»]|[^\s\u00a0\u202f?!][?!;:»](?=\s|$)|« )")


@pytest.mark.parametrize("text", list(all_rendered_texts()))
def test_rendered_answers_follow_french_typography(text):
    prose = re.sub(r"https?://\S+", "", text)
    assert not BAD_SPACING.search(prose), BAD_SPACING.search(prose)
    assert not re.search(r"\d \d", prose), "digit groups need a narrow no-break space"
