"""The judge of annotated conversations: what it takes for a reply to be right, and the promises
it checks in every reply (no unsupported "oui", no false "nothing on it", no invented figure)."""
from actions import rendering
from bot.tools.conversation_judge import ABSENT, PRESENT, TOPIC, Expectation, Judge
from knowledge.store import default_store
from knowledge.topics import Topic
from tests.expected import GESTIONNAIRE, OPERATEUR

STORE = default_store()
JUDGE = Judge(STORE)
OPERATEUR_SHEET, GESTIONNAIRE_SHEET = STORE.get(OPERATEUR), STORE.get(GESTIONNAIRE)
MEDIAN = Expectation(job=OPERATEUR, topic=Topic.SALARY, answer=PRESENT, items=["1 919"])


def reply(*texts):
    return [{"text": text} for text in texts]


def problems(messages, *expectations, text="question", ordered=False):
    return JUDGE.judge_turn(text, messages, list(expectations), ordered).problems


def quote(sheet, *items, yes=False):
    return rendering.detail_answer(sheet, list(items), yes)


def test_a_detail_is_right_when_an_item_that_answers_it_is_quoted_for_that_sheet():
    assert problems(reply(quote(OPERATEUR_SHEET, "Salaire brut médian : 1 919 € brut mensuel")), MEDIAN) == []
    # The same figure inside the whole salary block is no answer to the detail.
    assert problems(reply(rendering.answer(OPERATEUR_SHEET, Topic.SALARY)), MEDIAN)[0].startswith("expectation 1 not met")
    # A number is matched whole: "7" is not in "1 766".
    seven = Expectation(job=OPERATEUR, topic=Topic.AGE_DISTRIBUTION, answer=PRESENT, items=["7"])
    assert problems(reply(quote(OPERATEUR_SHEET, "Salaire débutant : 1 766 €")), seven)[0].startswith("expectation 1")


def test_an_absent_detail_is_right_when_the_sheet_is_said_silent_and_no_block_stands_for_it():
    hours = Expectation(job=OPERATEUR, topic=Topic.ENVIRONMENT, answer=ABSENT)
    silent = rendering.detail_missing(OPERATEUR_SHEET, "les horaires de travail")
    assert problems(reply(silent), hours) == []
    block = rendering.answer(OPERATEUR_SHEET, Topic.ENVIRONMENT)
    assert problems(reply(silent, block), hours)[0].startswith("expectation 1 not met")
    assert problems(reply(block), hours)[0].startswith("expectation 1 not met")


def test_oui_is_unsupported_where_the_annotation_refuses_it_or_the_sheet_holds_nothing_asked():
    english = Expectation(job=GESTIONNAIRE, topic=Topic.SKILLS, answer=PRESENT, items=["anglais"], yes=True)
    affirmed = reply(quote(GESTIONNAIRE_SHEET, "Maîtriser l'anglais", yes=True))
    assert problems(affirmed, english) == []
    assert problems(reply(quote(GESTIONNAIRE_SHEET, "Maîtriser l'anglais")), english) == [
        "expectation 1: the sheet supports a yes, not said first"]
    refused = Expectation(job=GESTIONNAIRE, topic=Topic.SKILLS, answer=PRESENT, items=["anglais"], yes=False)
    assert "unsupported oui" in problems(affirmed, refused)
    absent = Expectation(job=GESTIONNAIRE, topic=Topic.ENVIRONMENT, answer=ABSENT)
    assert "unsupported oui" in problems(affirmed, absent)


def test_saying_a_sheet_silent_on_what_it_holds_is_a_false_nothing_on_it():
    false_silence = reply(rendering.detail_missing(OPERATEUR_SHEET, "le salaire médian"))
    assert f"false nothing on it: {OPERATEUR}" in problems(false_silence)
    # In place of an answer the annotation says the sheet holds.
    other_silence = reply(rendering.detail_missing(OPERATEUR_SHEET, "les horaires de travail"))
    assert f"false nothing on it: {OPERATEUR}" in problems(other_silence, MEDIAN)
    # Beside the answer, a true silence on another detail is no false one.
    both = reply(rendering.detail_missing(OPERATEUR_SHEET, "les horaires de travail"),
                 quote(OPERATEUR_SHEET, "Salaire brut médian : 1 919 € brut mensuel"))
    assert problems(both, MEDIAN) == []


def test_a_figure_the_sheets_do_not_print_is_flagged_unless_derived_or_asked():
    assert problems(reply(quote(OPERATEUR_SHEET, "Salaire : 2 300 €")))[-1] == "figures absent from the sheets: ['2300']"
    assert problems(reply(quote(OPERATEUR_SHEET, "Part de femmes : 57 %"))) == []
    assert problems(reply("Vous parlez de 2 300 € ?"), text="et 2300 € ?") == []


def test_several_asks_are_right_only_in_the_order_asked():
    salary = Expectation(job=OPERATEUR, topic=Topic.SALARY, answer=TOPIC)
    training = Expectation(job=OPERATEUR, topic=Topic.TRAINING, answer=TOPIC)
    messages = reply(rendering.answer(OPERATEUR_SHEET, Topic.SALARY), rendering.answer(OPERATEUR_SHEET, Topic.TRAINING))
    assert problems(messages, salary, training, ordered=True) == []
    assert problems(messages, training, salary, ordered=True)[0].startswith("expectation 2 not met")
    # The jobs answering one ask come in any order.
    both = reply(rendering.answer(GESTIONNAIRE_SHEET, Topic.TRAINING), rendering.answer(OPERATEUR_SHEET, Topic.TRAINING))
    each = [Expectation(job=job, topic=Topic.TRAINING, answer=TOPIC) for job in (OPERATEUR, GESTIONNAIRE)]
    assert problems(both, *each, ordered=True) == []


def test_the_only_sheet_on_a_topic_says_the_others_are_silent_on_it():
    only = rendering.only_job_intro(OPERATEUR_SHEET, Topic.SALARY)
    messages = reply(only, rendering.answer(OPERATEUR_SHEET, Topic.SALARY))
    absent = Expectation(job=GESTIONNAIRE, topic=Topic.SALARY, answer=ABSENT)
    assert problems(messages, absent) == []
    # Said of a topic the other sheet holds, it is a false "nothing on it".
    wrong = reply(rendering.only_job_intro(OPERATEUR_SHEET, Topic.TRAINING))
    assert f"false nothing on it: {GESTIONNAIRE}" in problems(wrong)


def test_an_unknown_job_is_right_when_the_bot_says_it_does_not_know_it():
    unknown = Expectation(unknown_job=True)
    assert problems(reply(rendering.unknown_job(STORE.jobs)), unknown) == []
    assert problems(reply(rendering.answer(OPERATEUR_SHEET, Topic.SALARY)), unknown)[0].startswith("expectation 1")


def test_an_extract_written_as_a_bare_number_is_read_as_its_text():
    # "items: [43]" in YAML: the share of men, as printed.
    expectation = Expectation.read({"job": OPERATEUR, "topic": "labour_market", "answer": PRESENT, "items": [43]})
    assert expectation.items == ["43"]


def test_the_whole_list_asked_is_right_as_the_topic_s_block():
    # "vers quels postes peut-on évoluer ?": the mobility's block is that list.
    block = reply(rendering.answer(GESTIONNAIRE_SHEET, Topic.MOBILITY))
    posts = Expectation(job=GESTIONNAIRE, topic=Topic.MOBILITY, answer=PRESENT,
                        items=["Spécialiste des opérations bancaires", "Chargé de clientèle particuliers"])
    assert problems(block, posts) == []
    one = Expectation(job=GESTIONNAIRE, topic=Topic.MOBILITY, answer=PRESENT, items=["Chargé de clientèle particuliers"])
    assert problems(block, one)[0].startswith("expectation 1 not met")


def test_a_figure_the_sheet_marks_not_available_is_right_for_a_detail_it_lacks():
    hiring = Expectation(job=OPERATEUR, topic=Topic.LABOUR_MARKET, answer=ABSENT)
    said = quote(OPERATEUR_SHEET, f"Volume d'embauche (emplois par an) : {rendering.NOT_AVAILABLE}")
    assert problems(reply(said), hiring) == []


def test_a_comparison_citing_what_a_sheet_says_elsewhere_answers_the_detail_and_its_absence():
    comparison = rendering.comparison(STORE.jobs, Topic.DIGITAL_SKILLS, {
        sheet.id: STORE.details.said_elsewhere(sheet, Topic.DIGITAL_SKILLS) for sheet in STORE.jobs})
    tools = Expectation(job=OPERATEUR, topic=Topic.DIGITAL_SKILLS, answer=PRESENT, items=["Maîtrise des outils informatiques"])
    lacking = Expectation(job=OPERATEUR, topic=Topic.DIGITAL_SKILLS, answer=TOPIC)
    assert problems(reply(comparison), tools) == [] and problems(reply(comparison), lacking) == []
    # The other sheet's items are not this one's.
    theirs = Expectation(job=OPERATEUR, topic=Topic.DIGITAL_SKILLS, answer=PRESENT, items=["Socle de compétences"])
    assert problems(reply(comparison), theirs)[0].startswith("expectation 1 not met")
