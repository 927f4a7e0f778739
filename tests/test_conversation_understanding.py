"""Conversations as people hold them, end to end over REST, on sets nobody tuned the bot on.

Fifteen sets of annotated conversations, each written on 07/12/2026 or 08/12/2026 by helpers who saw only the
job sheets, the list of topics and the categories of issue 22 (details the sheets hold or lack,
follow-ups, several asks in one message, long messages, closed questions, names close to a known
job's, one-topic questions):

- tests/conversations_heldout_13.yml (320): written before the last tuning, run once on the
  finished bot (0.8688: long messages 0.725, several asks and closed questions 0.825, one
  unsupported "oui", seven "nothing on it" of facts a sheet holds; no invented figure); the
  issue's targets are measured on it; nobody has looked at its misses;
- tests/conversations_heldout_12.yml (320): run once on the finished bot (0.875), then used for
  one error analysis;
- tests/conversations_heldout_11.yml (320): run once on the finished bot (0.8594), then used for
  one error analysis;
- tests/conversations_heldout_10.yml (320): run once on the finished bot (0.8781), then used for
  one error analysis;
- tests/conversations_heldout_9.yml (320): run once on the finished bot (0.8875), then used for
  one error analysis;
- tests/conversations_heldout_8.yml (320): run once on the finished bot (0.8938, four
  unsupported "oui"), then used for one error analysis;
- tests/conversations_heldout_7.yml (320): run once on the finished bot (0.8719), then used for
  one error analysis;
- tests/conversations_heldout_6.yml (320): run once on the finished bot (0.9281), then used for
  one error analysis;
- tests/conversations_heldout_5.yml (320): written before the last tuning, run once on the
  finished bot (0.9125), then used for one error analysis;
- tests/conversations_heldout_4.yml (320): run once on the bot (0.9219), then on the finished
  bot (0.9156), then used for one error analysis;
- tests/conversations_heldout_3.yml (320): run once (0.9125), then used for one error analysis
  (a date in the glossary);
- tests/conversations_heldout_2.yml (320): run once (0.769), then used for one error analysis;
- tests/conversations_heldout.yml (320): run once (0.916), then used for one error analysis;
- tests/conversations_dev.yml (406) and tests/conversations_dev_2.yml (400): the sets the bot was
  tuned on. Every bar but the issue's targets guards against regressions only.

Each conversation is held in a conversation of its own and judged by
bot/tools/conversation_judge.py.
"""
import json
from collections import Counter

import pytest

from bot.tools.conversation_eval import load_set, misses, rest_sender, run
from bot.tools.conversation_judge import CATEGORIES, Judge, summary
from knowledge.store import default_store
from tests.servers import ROOT
from tests.test_nlu_quality import examples, plain_text

HELD_OUT = ROOT / "tests" / "conversations_heldout_13.yml"
ANALYSED_12 = ROOT / "tests" / "conversations_heldout_12.yml"
ANALYSED_11 = ROOT / "tests" / "conversations_heldout_11.yml"
ANALYSED_10 = ROOT / "tests" / "conversations_heldout_10.yml"
ANALYSED_9 = ROOT / "tests" / "conversations_heldout_9.yml"
ANALYSED_8 = ROOT / "tests" / "conversations_heldout_8.yml"
ANALYSED_7 = ROOT / "tests" / "conversations_heldout_7.yml"
ANALYSED_6 = ROOT / "tests" / "conversations_heldout_6.yml"
ANALYSED_5 = ROOT / "tests" / "conversations_heldout_5.yml"
ANALYSED_4 = ROOT / "tests" / "conversations_heldout_4.yml"
ANALYSED_3 = ROOT / "tests" / "conversations_heldout_3.yml"
ANALYSED_2 = ROOT / "tests" / "conversations_heldout_2.yml"
ANALYSED = ROOT / "tests" / "conversations_heldout.yml"
DEVELOPMENT = ROOT / "tests" / "conversations_dev.yml"
DEVELOPMENT_2 = ROOT / "tests" / "conversations_dev_2.yml"
RESULTS = ROOT / "tests" / "output" / "conversations.json"
# Issue 22's targets, on the held-out set: not met when it was run once on the finished bot
# (08/12/2026): long messages, several asks and closed questions under 0.85, one unsupported
# "oui", seven "nothing on it" of facts a sheet holds.
TARGET_RIGHT = 0.92
TARGET_RIGHT_PER_CATEGORY = 0.85
# What each set gets today (README, 08/12/2026), less a little: a regression fails. The "oui" the
# sheet does not support and the "nothing on it" said of facts a sheet holds are known misses
# (README), not allowed more.
MIN_RIGHT = {HELD_OUT.name: 0.86, ANALYSED_12.name: 0.90, ANALYSED_11.name: 0.96, ANALYSED_10.name: 0.94,
             ANALYSED_9.name: 0.96, ANALYSED_8.name: 0.92, ANALYSED_7.name: 0.95, ANALYSED_6.name: 0.97,
             ANALYSED_5.name: 0.98, ANALYSED_4.name: 0.98, ANALYSED_3.name: 0.96, ANALYSED_2.name: 0.87,
             ANALYSED.name: 0.97, DEVELOPMENT.name: 0.96, DEVELOPMENT_2.name: 0.89}
MAX_FALSE_NOTHING = {HELD_OUT.name: 7, ANALYSED_12.name: 4, ANALYSED_11.name: 2, ANALYSED_10.name: 3,
                     ANALYSED_9.name: 1, ANALYSED_8.name: 3, ANALYSED_7.name: 0, ANALYSED_6.name: 1, ANALYSED_5.name: 0,
                     ANALYSED_4.name: 0, ANALYSED_3.name: 1, ANALYSED_2.name: 1, ANALYSED.name: 0, DEVELOPMENT.name: 0,
                     DEVELOPMENT_2.name: 2}
MAX_UNSUPPORTED_OUI = {name: 0 for name in MIN_RIGHT} | {HELD_OUT.name: 1, ANALYSED_8.name: 1}
HELD_OUT_SETS = (HELD_OUT, ANALYSED_12, ANALYSED_11, ANALYSED_10, ANALYSED_9, ANALYSED_8, ANALYSED_7, ANALYSED_6,
                 ANALYSED_5, ANALYSED_4, ANALYSED_3, ANALYSED_2, ANALYSED)
SETS = {path.name: load_set(path) for path in (*HELD_OUT_SETS, DEVELOPMENT, DEVELOPMENT_2)}


def test_the_held_out_set_has_every_category_and_enough_conversations():
    conversations = SETS[HELD_OUT.name]
    assert len(conversations) >= 250
    counts = Counter(conversation["category"] for conversation in conversations)
    assert set(counts) == set(CATEGORIES) and min(counts.values()) >= 30
    assert len({conversation["id"] for conversation in conversations}) == len(conversations)


@pytest.mark.parametrize("name", [path.name for path in HELD_OUT_SETS])
def test_no_message_of_a_held_out_set_is_a_training_example(name):
    trained = {plain_text(text) for path in (ROOT / "data").glob("*/*.yml") for _, text in examples(path)}
    said = [turn["text"] for conversation in SETS[name] for turn in conversation["turns"]]
    assert [text for text in said if text.strip().lower() in trained] == []


@pytest.mark.parametrize("name", SETS)
def test_every_annotation_expects_an_extract_its_sheet_prints(name):
    """An annotation none of whose extracts the sheet prints would fail a right bot."""
    judge = Judge(default_store())
    for conversation in SETS[name]:
        for turn in conversation["turns"]:
            for expectation in turn["expectations"]:
                if expectation.items:
                    sheet = judge.sheet(expectation.job)
                    assert any(judge.prints(sheet, extract) for extract in expectation.items), (
                        conversation["id"], expectation.items)


@pytest.fixture(scope="module")
def outcomes(rest_bot):
    judge = Judge(default_store())
    send = rest_sender(rest_bot)
    verdicts = {name: run(conversations, send, judge, name.split(".")[0]) for name, conversations in SETS.items()}
    report = {name: summary(found) for name, found in verdicts.items()}
    report["misses"] = {name: misses(found) for name, found in verdicts.items()}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return report


@pytest.mark.xfail(reason="issue 22 is open: three categories under 0.85, one unsupported oui and seven "
                          "'nothing on it' on the "
                          "held-out set (README, « Qualité »)", strict=False)
def test_held_out_conversations_meet_the_issue_targets(outcomes):
    held_out = outcomes[HELD_OUT.name]
    shown = json.dumps(outcomes["misses"][HELD_OUT.name][:30], ensure_ascii=False, indent=1)
    assert held_out["right"] >= TARGET_RIGHT, shown
    for category, right in held_out["by_category"].items():
        assert right >= TARGET_RIGHT_PER_CATEGORY, (category, shown)
    assert (held_out["false_nothing"], held_out["unsupported_oui"]) == (0, 0), shown


@pytest.mark.parametrize("name", SETS)
def test_conversations_keep_their_level(outcomes, name):
    shown = json.dumps(outcomes["misses"][name][:30], ensure_ascii=False, indent=1)
    assert outcomes[name]["right"] >= MIN_RIGHT[name], shown


@pytest.mark.parametrize("name", SETS)
def test_no_reply_invents_a_figure_nor_says_more_unsupported_ouis_or_false_nothings(outcomes, name):
    found = outcomes[name]
    shown = json.dumps(outcomes["misses"][name][:30], ensure_ascii=False, indent=1)
    assert found["foreign_figures"] == 0, shown
    assert found["unsupported_oui"] <= MAX_UNSUPPORTED_OUI[name], shown
    assert found["false_nothing"] <= MAX_FALSE_NOTHING[name], shown
