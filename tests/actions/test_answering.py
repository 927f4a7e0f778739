"""Answering questions against the real knowledge base: each topic × each job, the
no-job rule, the context ("et ses inconvénients ?", "et pour le gestionnaire ?")."""
import pytest

from actions.routing import ActionAnswer
from actions.knowledge_base import STORE
from actions.payloads import MAX_PAYLOAD_BYTES, ask_payload
from actions.names import (
    INTENT_ASK, INTENT_INFORM, PARSE_LANGUAGE, PARSE_TOPIC_CANDIDATES, PARSE_TOPICS, SLOT_ANSWERED_JOBS, SLOT_DETAILS, SLOT_JOB, SLOT_LISTED_JOBS, SLOT_OFFERED_JOBS, SLOT_OUTCOME,
    SLOT_TOPICS,
)
from knowledge.topics import Topic, sheet_holds
from tests.builders import build_tracker, run_action, texts
from tests.expected import (
    FACTS, GESTIONNAIRE, GESTIONNAIRE_NAME, GESTIONNAIRE_SOURCE, MISSING, MISSING_SENTENCE,
    OPERATEUR, OPERATEUR_NAME, OPERATEUR_SOURCE, SPOKEN_NAMES, plain,
)

NAMES = {OPERATEUR: OPERATEUR_NAME, GESTIONNAIRE: GESTIONNAIRE_NAME}
SOURCES = {OPERATEUR: OPERATEUR_SOURCE, GESTIONNAIRE: GESTIONNAIRE_SOURCE}
OTHER = {OPERATEUR: GESTIONNAIRE, GESTIONNAIRE: OPERATEUR}


def ask(*topics, jobs=(), slots=None, intent=INTENT_ASK, **entities):
    tracker = build_tracker(intent, jobs=jobs, slots=slots, topics=topics, **entities)
    return run_action(ActionAnswer(), tracker)


@pytest.mark.parametrize("job,topic", sorted(FACTS, key=lambda pair: (pair[0], pair[1].value)))
def test_named_job_gets_the_sheet_facts_with_its_source(job, topic):
    messages, slots = ask(topic, jobs=[SPOKEN_NAMES[job]])

    assert len(messages) == 1
    lines = plain(messages[0]["text"]).split("\n")
    assert lines[0].startswith(NAMES[job])
    for fact in FACTS[(job, topic)]:
        assert fact in "\n".join(lines), fact
    assert lines[-1].startswith("Source : ") and SOURCES[job] in lines[-1]
    assert slots == {
        SLOT_JOB: job, SLOT_TOPICS: [topic.value], SLOT_DETAILS: None, SLOT_OFFERED_JOBS: None,
        SLOT_ANSWERED_JOBS: [job], SLOT_OUTCOME: {"kind": "answered", "jobs": [job], "topics": [topic.value], "missing": [], "unknown_jobs": []},
    }


@pytest.mark.parametrize("job,topic", MISSING)
def test_missing_fact_is_said_missing_and_the_other_sheet_offered(job, topic):
    messages, slots = ask(topic, jobs=[SPOKEN_NAMES[job]])

    said = plain(messages[0]["text"])
    assert MISSING_SENTENCE in said and NAMES[job] in said
    other = OTHER[job]
    offers = [message for message in messages if message.get("buttons")]
    if (other, topic) in FACTS:
        assert NAMES[other] in plain(offers[0]["text"])
        assert [button["payload"] for button in offers[0]["buttons"]] == [
            f'/ask{{"job":"{other}","topic":"{topic.value}"}}'
        ]
        assert slots[SLOT_OFFERED_JOBS] == [other]
    else:
        assert offers == [] and slots[SLOT_OFFERED_JOBS] is None
    assert slots[SLOT_JOB] == job and SLOT_ANSWERED_JOBS not in slots


def test_a_missing_topic_the_sheet_speaks_of_elsewhere_gets_what_it_says_after_the_nothing():
    # "et l'opérateur, il peut évoluer vers quoi ?": no mobility on its sheet, one of its pros.
    messages, _ = ask(Topic.MOBILITY, jobs=[SPOKEN_NAMES[OPERATEUR]])
    said = [plain(text) for text in texts(messages)]
    assert MISSING_SENTENCE in said[0]
    assert said[1].startswith(f"La fiche « {OPERATEUR_NAME} » cite toutefois « Possibilités d'évolution de "
                              "carrière » (partie « Avantages »).")


def test_no_job_and_one_sheet_holds_the_topic_the_other_says_what_it_has_of_it_elsewhere():
    # "compétences informatiques, pour les deux métiers ?"
    messages, _ = ask(Topic.DIGITAL_SKILLS)
    said = [plain(text) for text in texts(messages)]
    assert "Seule la fiche" in said[0] and GESTIONNAIRE_NAME in said[0]
    assert said[-1].startswith(f"La fiche « {OPERATEUR_NAME} » cite toutefois « Maîtrise des outils "
                               "informatiques »")


def test_hiring_volume_na_is_not_available_never_zero():
    messages, _ = ask(Topic.LABOUR_MARKET, jobs=[OPERATEUR])
    hiring = next(line for line in plain(messages[0]["text"]).split("\n") if "embauche" in line)
    assert "non disponible" in hiring and "0" not in hiring.split(":")[1].replace("NA", "")


def test_share_of_women_is_derived_from_the_share_of_men_and_says_so():
    messages, _ = ask(Topic.LABOUR_MARKET, jobs=[OPERATEUR])
    women = next(line for line in plain(messages[0]["text"]).split("\n") if "femmes" in line)
    assert "57 %" in women and "déduit de la part d'hommes" in women


def test_salary_figures_keep_their_own_labels():
    messages, _ = ask(Topic.SALARY, jobs=[OPERATEUR])
    text = plain(messages[0]["text"])
    assert "ne concordent pas exactement" in text
    assert "Salaire max : 2 917 €" in text and "jusqu'à 45 000 € par an" in text


def test_job_in_focus_answers_a_question_without_a_job():
    messages, slots = ask(Topic.SALARY, slots={SLOT_JOB: OPERATEUR})
    assert "1 766 €" in plain(messages[0]["text"]) and slots[SLOT_JOB] == OPERATEUR


def test_named_job_wins_over_job_in_focus():
    messages, slots = ask(Topic.TRAINING, jobs=["gestionnaire"], slots={SLOT_JOB: OPERATEUR})
    assert "BTS Banque" in messages[0]["text"] and slots[SLOT_JOB] == GESTIONNAIRE


def test_naming_only_a_job_re_asks_the_last_topics_for_it():
    slots = {SLOT_JOB: OPERATEUR, SLOT_TOPICS: [Topic.TRAINING.value, Topic.SKILLS.value]}
    messages, new_slots = ask(jobs=["gestionnaire"], slots=slots, intent=INTENT_INFORM)
    said = [plain(text) for text in texts(messages)]
    assert said[0].startswith(f"{GESTIONNAIRE_NAME} — Formation") and "BTS Banque" in said[0]
    assert said[1].startswith(f"{GESTIONNAIRE_NAME} — Compétences")
    assert new_slots[SLOT_JOB] == GESTIONNAIRE and new_slots[SLOT_TOPICS] == ["training", "skills"]


def test_a_question_naming_a_job_but_no_topic_presents_the_job():
    messages, _ = ask(jobs=["gestionnaire"], slots={SLOT_TOPICS: ["salary"]})
    assert plain(messages[0]["text"]).startswith(f"{GESTIONNAIRE_NAME} — Présentation")


def test_several_topics_in_one_question_are_all_answered():
    messages, slots = ask(Topic.PROS, Topic.CONS, jobs=[OPERATEUR])
    assert [text.split("\n")[0] for text in texts(messages)] == [
        f"{OPERATEUR_NAME} — Avantages", f"{OPERATEUR_NAME} — Inconvénients",
    ]
    assert slots[SLOT_TOPICS] == ["pros", "cons"]


@pytest.mark.parametrize("rank,job", [("1", GESTIONNAIRE), ("2", OPERATEUR), ("-1", OPERATEUR)])
def test_a_rank_picks_from_the_jobs_last_listed(rank, job):
    slots = {SLOT_LISTED_JOBS: [GESTIONNAIRE, OPERATEUR]}
    messages, new_slots = ask(intent=INTENT_INFORM, ranks=[rank], slots=slots)
    assert messages[0]["text"].startswith(NAMES[job]) and new_slots[SLOT_JOB] == job


def test_a_rank_beyond_the_list_lists_the_jobs_again():
    messages, slots = ask(intent=INTENT_INFORM, ranks=["3"], slots={SLOT_LISTED_JOBS: [GESTIONNAIRE, OPERATEUR]})
    assert "1. " in messages[0]["text"] and len(messages[0]["buttons"]) == 2
    assert slots == {SLOT_LISTED_JOBS: [GESTIONNAIRE, OPERATEUR], SLOT_TOPICS: None}


def test_a_rank_inside_a_question_is_not_a_choice():
    messages, _ = ask(Topic.TRAINING, ranks=["1"], slots={SLOT_JOB: OPERATEUR})
    assert messages[0]["text"].startswith(OPERATEUR_NAME)


def test_no_job_and_both_sheets_hold_the_topic_answers_both_labelled():
    messages, slots = ask(Topic.TRAINING)
    said = texts(messages)
    assert "2 fiches" in plain(said[0])
    assert said[1].startswith(GESTIONNAIRE_NAME) and said[2].startswith(OPERATEUR_NAME)
    assert SLOT_JOB not in slots and slots[SLOT_TOPICS] == [Topic.TRAINING.value]
    assert slots[SLOT_ANSWERED_JOBS] == [GESTIONNAIRE, OPERATEUR]


def test_no_job_and_one_sheet_holds_the_topic_answers_from_it_and_says_which():
    messages, slots = ask(Topic.SALARY)
    said = texts(messages)
    assert "Seule la fiche" in said[0] and OPERATEUR_NAME in said[0]
    assert "1 766 €" in plain(said[1])
    assert slots[SLOT_JOB] == OPERATEUR


def test_a_term_with_a_topic_answers_that_topic():
    messages, _ = ask(terms=["monetique"], slots={SLOT_JOB: GESTIONNAIRE})
    assert plain(messages[0]["text"]).startswith(f"{GESTIONNAIRE_NAME} — Activités")


def test_nothing_to_go_on_shows_what_the_bot_can_do():
    messages, _ = ask()
    assert "Je réponds à vos questions" in messages[0]["text"] and messages[0]["buttons"]


@pytest.mark.parametrize(
    "named",
    ["boulanger", "<script>alert(1)</script>", "x" * 10_000, "'; DROP TABLE events; --", "\x00\x01"],
)
def test_unknown_or_forged_job_gets_the_list_of_known_jobs(named):
    messages, slots = ask(Topic.SALARY, jobs=[named], slots={SLOT_JOB: GESTIONNAIRE})
    said = messages[0]["text"]
    assert "Je ne connais pas ce métier" in said
    assert OPERATEUR_NAME in said and GESTIONNAIRE_NAME in said
    assert named not in said
    assert SLOT_JOB not in slots
    assert [button["title"] for button in messages[0]["buttons"]] == [GESTIONNAIRE_NAME, OPERATEUR_NAME]


def test_another_job_never_gets_a_figure_and_a_job_picked_next_gets_the_question():
    messages, slots = ask(Topic.SALARY, other_jobs=["boulanger"])
    said = plain(" ".join(texts(messages)))
    assert "Je ne connais pas ce métier" in said and "€" not in said
    picked, _ = ask(jobs=[OPERATEUR], slots=slots, intent=INTENT_INFORM)
    assert picked[0]["text"].startswith(f"{OPERATEUR_NAME} — Salaire")


def test_another_job_containing_a_known_name_is_another_job():
    entities = [{"entity": "job", "value": GESTIONNAIRE, "start": 0, "end": 12},
                {"entity": "other_job", "value": "gestionnaire de patrimoine", "start": 0, "end": 26}]
    messages, _ = ask(Topic.SALARY, entities=entities)
    assert "Je ne connais pas ce métier" in messages[0]["text"]


@pytest.mark.parametrize("forged", [{"entity": "topic", "value": {"a": 1}}, {"entity": "topic", "value": "x" * 5000},
                                    {"entity": "rank", "value": "9" * 5000}, {"entity": "term", "value": None}])
def test_forged_entity_values_are_ignored(forged):
    messages, _ = ask(jobs=[OPERATEUR], entities=[forged])
    assert messages[0]["text"].startswith(f"{OPERATEUR_NAME} — Présentation")


def test_accents_case_and_spacing_of_the_job_name_do_not_matter():
    messages, _ = ask(Topic.ROME_CODE, jobs=["OPERATRICE  BACKOFFICE"])
    assert "C1302" in messages[0]["text"]


def test_grouped_job_title_resolves_to_the_banking_sheet():
    messages, _ = ask(Topic.ACTIVITIES, jobs=["opérateur de traitements bancaires"])
    assert messages[0]["text"].startswith(GESTIONNAIRE_NAME)


def test_every_button_payload_fits_telegram_s_64_bytes():
    # Buttons ask a sheet only what it holds (offers, examples) or name it (lists).
    payloads = [ask_payload(sheet, topic) for sheet in STORE.jobs for topic in Topic if sheet_holds(sheet, topic)]
    payloads += [ask_payload(sheet) for sheet in STORE.jobs]
    assert max(len(payload.encode()) for payload in payloads) <= MAX_PAYLOAD_BYTES


# The topic classifier's output (bot/nlu/topic_classifier.py), as the parse data carries it.
def classified(topics=(), candidates=(), jobs=(), slots=None, language="fr"):
    tracker = build_tracker(INTENT_ASK, jobs=jobs, slots=slots, parse={
        PARSE_TOPICS: list(topics), PARSE_TOPIC_CANDIDATES: list(candidates), PARSE_LANGUAGE: language,
    })
    return run_action(ActionAnswer(), tracker)


def test_the_classified_topic_is_answered_whatever_the_topic_words():
    messages, slots = classified(topics=["mobility"], jobs=[SPOKEN_NAMES[GESTIONNAIRE]])
    assert plain(messages[0]["text"]).startswith(f"{GESTIONNAIRE_NAME} — Mobilité")
    assert slots[SLOT_TOPICS] == ["mobility"]


def test_an_unclear_topic_is_asked_with_buttons_of_the_likeliest_topics_never_guessed():
    messages, slots = classified(candidates=["salary", "training", "environment"], jobs=[SPOKEN_NAMES[GESTIONNAIRE]])
    assert len(messages) == 1
    text = plain(messages[0]["text"])
    assert text == (f"Je ne suis pas sûr de comprendre ce que vous voulez savoir sur « {GESTIONNAIRE_NAME} ». "
                    "Voulez-vous parler du salaire, de la formation ou des conditions de travail ?")
    buttons = messages[0]["buttons"]
    assert [button["title"] for button in buttons] == ["Salaire", "Formation", "Conditions de travail", "Autre chose"]
    assert buttons[0]["payload"] == ask_payload(STORE.get(GESTIONNAIRE), Topic.SALARY)
    assert buttons[-1]["payload"] == "/help"
    # The job stays in focus, so the next question can leave it out.
    assert slots == {SLOT_JOB: GESTIONNAIRE, SLOT_OUTCOME: {
        "kind": "clarification", "jobs": [GESTIONNAIRE], "topics": ["salary", "training", "environment"],
        "missing": [], "unknown_jobs": []}}


def test_two_close_topics_without_a_job_are_offered_for_the_job_in_focus():
    messages, _ = classified(candidates=["mobility", "trends"], slots={SLOT_JOB: OPERATEUR})
    assert plain(messages[0]["text"]).endswith("Voulez-vous parler de la mobilité ou des tendances d'évolution du métier ?")
    assert OPERATEUR in messages[0]["buttons"][0]["payload"]


def test_without_any_job_the_topic_buttons_ask_for_every_sheet():
    messages, _ = classified(candidates=["salary", "pros"])
    assert "sur «" not in messages[0]["text"]
    assert messages[0]["buttons"][0]["payload"] == '/ask{"topic":"salary"}'


def test_a_message_in_another_language_is_answered_in_french_saying_so():
    messages, _ = classified(topics=["salary"], jobs=[SPOKEN_NAMES[OPERATEUR]], language="en")
    assert plain(messages[0]["text"]) == (
        "Vous m'écrivez en anglais : je réponds seulement en français, à partir de fiches métiers en français."
    )
    assert plain(messages[1]["text"]).startswith(f"{OPERATEUR_NAME} — Salaire")


def test_a_button_payload_keeps_its_topic_entity():
    # Buttons skip the classifier: their parse data has no "topics" key.
    messages, _ = ask(Topic.SALARY, jobs=[GESTIONNAIRE])
    assert MISSING_SENTENCE in plain(messages[0]["text"])
