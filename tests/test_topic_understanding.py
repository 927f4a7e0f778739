"""Topic understanding end to end, on questions nobody tuned the bot on.

Two held-out sets were written apart from the training data, each by someone who saw
only the job sheets and the list of topics, in everyday words: each question names its
job and asks about one topic. tests/topics_heldout.yml (28/11/2026) served one error
analysis; tests/topics_heldout_2.yml (29/11/2026) was first run once the bot was done,
and tunes nothing. Each question is sent over REST in a conversation of its own; the
reply must answer that topic for that job (or say the sheet lacks it), and nothing else.
Replies asking which topic was meant count as misses; their share is recorded.
"""
import json
import re
import uuid
from collections import Counter

import pytest
import yaml

from actions.rendering import TOPIC_NAMES, missing
from bot.tools.conversation_judge import TOPIC as TOPIC_ASKED, Expectation, Judge
from knowledge.store import default_store
from knowledge.topics import Topic, sheet_holds
from tests.expected import GESTIONNAIRE, GESTIONNAIRE_NAME, OPERATEUR_NAME, plain, says_obvious_word
from tests.servers import ROOT, held_out_replies, reply_text, say
from tests.test_nlu_quality import examples, plain_text

HELDOUT_SETS = ("topics_heldout.yml", "topics_heldout_2.yml")
RESULTS = ROOT / "tests" / "output" / "topics_heldout.json"
# The target, on both sets together (655 questions; 0.959 on 29/11/2026 with the linear intent
# classifier, 0.953 with DIET; README).
MIN_TOPIC_ACCURACY = 0.95
# Each set on its own (0.962 and 0.955 on 29/11/2026): a regression on one fails.
MIN_TOPIC_ACCURACY_PER_SET = 0.94
# Wrong answers given as if sure (the rest of the misses are offers to choose a topic).
MAX_WRONG_SHARE = 0.03
CLARIFICATION = "Je ne suis pas sûr de comprendre"
# A question about a job that says nothing of what it asks.
UNCLEAR_QUESTION = "gestionnaire de back office, c'est comment le boulot ?"
JUDGE = Judge(default_store())
QUESTIONS = {
    name: yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))["questions"] for name in HELDOUT_SETS
}


@pytest.mark.parametrize("name", HELDOUT_SETS)
def test_a_held_out_set_covers_every_topic_of_both_jobs_mostly_without_keywords(name):
    questions = QUESTIONS[name]
    assert len(questions) >= 300
    pairs = Counter((question["job"], Topic(question["topic"])) for question in questions)
    assert set(pairs) == {(sheet.id, topic) for sheet in default_store().jobs for topic in Topic}
    for topic in Topic:
        asked = [question["text"] for question in questions if question["topic"] == topic.value]
        without = [text for text in asked if not says_obvious_word(text, topic)]
        assert len(without) * 2 >= len(asked), (topic, len(without), len(asked))


@pytest.mark.parametrize("name", HELDOUT_SETS)
def test_no_held_out_question_is_a_training_example(name):
    trained = {plain_text(text) for path in (ROOT / "data").glob("*/*.yml") for _, text in examples(path)}
    assert [question["text"] for question in QUESTIONS[name] if question["text"].lower() in trained] == []


def verdict(replies, job_id: str, topic: Topic) -> str:
    """"right" when the reply starts with the answer on ``topic`` for the job — the topic's block,
    the facts of it the question points at, or that the sheet says nothing of the detail of it
    asked — and gives no other topic's or job's block; "clarification" when it asks which topic
    was meant; "wrong" otherwise."""
    reply = reply_text(replies)
    if CLARIFICATION in reply:
        return "clarification"
    sheet = default_store().get(job_id)
    headings = re.findall(r"^(.+) — (.+)$", reply, flags=re.MULTILINE)
    others = [heading for heading in headings if heading != (sheet.name, TOPIC_NAMES[topic][0])]
    answered = JUDGE.first_answers(Expectation(job=job_id, topic=topic, answer=TOPIC_ASKED), replies)
    return "right" if answered and not others else "wrong"


def shares(results) -> dict:
    counts = Counter(result["verdict"] for result in results)
    return {
        "questions": len(results),
        "topic_accuracy": round(counts["right"] / len(results), 4),
        "clarification_share": round(counts["clarification"] / len(results), 4),
        "wrong_share": round(counts["wrong"] / len(results), 4),
    }


@pytest.fixture(scope="module")
def outcomes(rest_bot):
    results = {name: [] for name in QUESTIONS}
    for name, question, replies in held_out_replies(rest_bot, QUESTIONS, "heldout-topic"):
        verdict_ = verdict(replies, question["job"], Topic(question["topic"]))
        results[name].append({**question, "verdict": verdict_, "reply": reply_text(replies).split("\n")[0]})
    summary = {
        "both_sets": shares([result for found in results.values() for result in found]),
        **{name: shares(found) for name, found in results.items()},
        "misses": [result for found in results.values() for result in found if result["verdict"] != "right"],
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary


def test_held_out_questions_get_the_right_topic_for_the_right_job(outcomes):
    misses = json.dumps(outcomes["misses"][:40], ensure_ascii=False, indent=1)
    assert outcomes["both_sets"]["topic_accuracy"] >= MIN_TOPIC_ACCURACY, misses
    assert outcomes["both_sets"]["wrong_share"] <= MAX_WRONG_SHARE, misses
    for name in HELDOUT_SETS:
        assert outcomes[name]["topic_accuracy"] >= MIN_TOPIC_ACCURACY_PER_SET, (name, misses)


def texts_of(base_url, message, sender=None):
    replies = say(base_url, sender or uuid.uuid4().hex, message)
    return [plain(reply.get("text", "")) for reply in replies], replies


def test_a_question_pointing_at_one_figure_gets_it_and_not_the_whole_topic(rest_bot):
    texts, _ = texts_of(rest_bot, "quel est le salaire médian d'un opérateur back-office ?")
    assert texts[0].startswith(f"La fiche « {OPERATEUR_NAME} » indique : « Salaire brut médian : 1 919 € brut "
                               "mensuel, 23 k€ brut annuel ».\nSource : fiche")
    assert not any(" — Salaire" in text for text in texts)


def test_a_yes_no_question_the_sheet_settles_gets_oui_with_the_item_that_settles_it(rest_bot):
    texts, _ = texts_of(rest_bot, "faut-il parler anglais pour être gestionnaire de back office ?")
    assert texts[0].startswith(f"Oui : la fiche « {GESTIONNAIRE_NAME} » cite « Maîtriser l'anglais ».")


def test_a_yes_no_question_on_what_a_sheet_lacks_gets_no_oui_nor_non_but_that_it_says_nothing(rest_bot):
    texts, _ = texts_of(rest_bot, "faut-il parler anglais pour être opérateur back-office ?")
    assert texts[0] == f"La fiche « {OPERATEUR_NAME} » ne dit rien sur le niveau d'anglais."
    assert not any(text.startswith(("Oui", "Non")) for text in texts)


def test_an_unclear_question_offers_topics_and_a_button_answers_it(rest_bot):
    sender = uuid.uuid4().hex
    texts, replies = texts_of(rest_bot, UNCLEAR_QUESTION, sender)
    assert texts[0].startswith(f"{CLARIFICATION} ce que vous voulez savoir sur « {GESTIONNAIRE_NAME} »")
    buttons = replies[0]["buttons"]
    assert 2 <= len(buttons) <= 4 and buttons[-1]["title"] == "Autre chose"
    titles = {TOPIC_NAMES[topic][0]: topic for topic in Topic}
    first = titles[buttons[0]["title"]]
    texts, _ = texts_of(rest_bot, buttons[0]["payload"], sender)
    sheet = default_store().get(GESTIONNAIRE)
    answered = f"{GESTIONNAIRE_NAME} — {TOPIC_NAMES[first][0]}" if sheet_holds(sheet, first) \
        else plain(missing(sheet, first))
    assert texts[0].startswith(answered)


def test_parle_moi_du_gestionnaire_still_presents_the_job(rest_bot):
    texts, _ = texts_of(rest_bot, "Parle-moi du gestionnaire")
    assert texts[0].startswith(f"{GESTIONNAIRE_NAME} — Présentation")


@pytest.mark.parametrize("message,language", [("Hello, how are you doing today?", "en anglais"),
                                              ("¿Dónde está la estación de tren?", "en espagnol"),
                                              ("Wie viel verdient man im Backoffice einer Bank?", "en allemand")])
def test_a_foreign_message_not_understood_gets_the_note_and_a_request_to_rephrase(rest_bot, message, language):
    texts, _ = texts_of(rest_bot, message)
    assert texts[0].startswith(f"Vous m'écrivez {language} : je réponds seulement en français")
    assert "reformuler" in texts[1]


@pytest.mark.parametrize("message", [
    "le métier de back office ça recrute ?",
    "c'est quoi le métier de back office ?",
    "ce métier paie bien ?",
    "les métiers de la banque ça recrute encore ?",
    "je cherche un métier dans la finance, le back office c'est bien ?",
    "le métier de gestionnaire de back office va disparaître ?",
])
def test_general_phrases_are_never_an_unknown_job(rest_bot, message):
    texts, _ = texts_of(rest_bot, message)
    assert not any("Je ne connais pas ce métier" in text for text in texts)


def test_everyday_follow_ups_without_topic_words_get_their_topic_for_the_job_in_focus(rest_bot):
    sender = uuid.uuid4().hex
    texts_of(rest_bot, "c'est quoi un gestionnaire de back office ?", sender)
    texts, _ = texts_of(rest_bot, "Ça ouvre des portes pour la suite de ma carrière ?", sender)
    assert texts[0].startswith(f"{GESTIONNAIRE_NAME} — Mobilité")
    _, replies = texts_of(rest_bot, "On bosse dans un open space ou seul dans son coin ?", sender)
    # The conditions of work, or a detail of them (the sheet says nothing of open spaces).
    assert JUDGE.first_answers(Expectation(job=GESTIONNAIRE, topic=Topic.ENVIRONMENT, answer=TOPIC_ASKED), replies)
