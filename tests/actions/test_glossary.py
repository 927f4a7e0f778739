"""The glossary: terms explained in plain words, marked as not from a sheet."""
import pytest

from actions.glossary import ActionDefineTerm
from knowledge.store import default_store
from tests.builders import build_tracker, run_action, texts
from tests.expected import plain


def define(text, entities):
    return run_action(ActionDefineTerm(), build_tracker("define", text=text, entities=entities))


@pytest.mark.parametrize("entry", default_store().glossary, ids=lambda entry: entry.id)
def test_each_term_is_explained_and_marked_as_the_glossary(entry):
    messages, _ = define(entry.term, [{"entity": "term", "value": entry.id}])
    text = plain(messages[0]["text"])
    assert text.lower().startswith(f"{entry.term.lower()} : ") and "lexique de l'assistant" in text


def test_a_term_also_taken_as_a_topic_is_explained():
    # "CDI" is also a topic word (labour market): asked to define it, the bot explains it.
    text = "c'est quoi un CDI ?"
    start = text.index("CDI")
    messages, _ = define(text, [{"entity": "topic", "value": "labour_market", "start": start, "end": start + 3}])
    assert plain(messages[0]["text"]).startswith("CDI : Contrat à durée indéterminée")


def test_an_unknown_term_lists_the_terms_the_bot_can_explain():
    messages, _ = define("c'est quoi un swap ?", [])
    (text,) = texts(messages)
    assert "pas ce terme" in text and "monétique" in text and "code ROME" in text
