"""A question that points at one fact of a sheet gets that fact first, quoted; a yes/no
question gets "Oui" only when the quoted fact says it, and never a "non"."""
import pytest

from actions.answering import ActionAnswer
from actions.names import INTENT_ASK, PARSE_TOPICS
from actions.precision import is_yes_no, lead
from knowledge.store import default_store
from knowledge.topics import Topic
from tests.builders import build_tracker, run_action, texts
from tests.expected import GESTIONNAIRE, OPERATEUR, OPERATEUR_NAME, plain

SHEETS = {job: default_store().get(job) for job in (OPERATEUR, GESTIONNAIRE)}


@pytest.mark.parametrize("job,topic,question,first", [
    (OPERATEUR, Topic.SALARY, "quel est le salaire médian ?",
     "La fiche indique : « Salaire brut médian : 1 919 € brut mensuel, 23 k€ brut annuel »."),
    (OPERATEUR, Topic.SALARY, "et le salaire max ?",
     "La fiche indique : « Salaire max : 2 917 € brut mensuel, 35 k€ brut annuel »."),
    (OPERATEUR, Topic.AGE_DISTRIBUTION, "y a beaucoup de moins de 25 ans ?", "La fiche indique : « moins de 25 ans : 7 % »."),
    (GESTIONNAIRE, Topic.SKILLS, "faut-il parler anglais ?", "Oui : la fiche cite « Maîtriser l'anglais »."),
    (OPERATEUR, Topic.ENVIRONMENT, "on travaille en équipe ?",
     "Oui : la fiche cite « Travail en équipe, qui favorise les échanges et l'entraide »."),
    (OPERATEUR, Topic.CONS, "c'est stressant ?", "Oui : la fiche cite « Pression et stress liés aux délais »."),
    (GESTIONNAIRE, Topic.MOBILITY, "je peux devenir chargé de clientèle ?",
     "Oui : la fiche cite « Chargé de clientèle particuliers » et « Chargé de clientèle professionnels »."),
    # A training the sheet calls an asset is quoted, not turned into a "yes, it is required".
    (OPERATEUR, Topic.TRAINING, "faut-il un master ?",
     "La fiche indique : « Master en finance ou comptabilité (un atout pour évoluer) »."),
])
def test_the_fact_pointed_at_comes_first(job, topic, question, first):
    assert plain(lead(SHEETS[job], topic, question)) == first


@pytest.mark.parametrize("job,topic,question", [
    (OPERATEUR, Topic.SKILLS, "faut-il parler anglais ?"),  # the sheet does not say: no "non" either
    (OPERATEUR, Topic.SALARY, "combien gagne un opérateur ?"),  # the whole topic is asked
    (GESTIONNAIRE, Topic.TRENDS, "quelles sont les tendances d'évolution du métier ?"),
    (OPERATEUR, Topic.DESCRIPTION, "c'est quoi le rôle ?"),  # a topic of one piece
])
def test_a_question_on_the_whole_topic_gets_no_lead(job, topic, question):
    assert lead(SHEETS[job], topic, question) is None


@pytest.mark.parametrize("question,yes_no", [("faut-il parler anglais ?", True), ("on bosse en équipe ?", True),
                                             ("quel salaire ?", False), ("c koi le salaire ?", False),
                                             ("le salaire médian", False)])
def test_yes_no_questions_are_told_apart(question, yes_no):
    assert is_yes_no(question) is yes_no


def test_the_answer_starts_with_the_fact_then_gives_the_whole_topic():
    tracker = build_tracker(INTENT_ASK, jobs=["opérateur back-office"], text="le salaire médian d'un opérateur ?",
                            parse={PARSE_TOPICS: ["salary"]})
    messages, _ = run_action(ActionAnswer(), tracker)
    first, answer = map(plain, texts(messages)[:2])
    assert first.startswith("La fiche indique : « Salaire brut médian")
    assert answer.startswith(f"{OPERATEUR_NAME} — Salaire") and "Salaire max" in answer


def test_a_button_payload_gets_no_lead():
    tracker = build_tracker(INTENT_ASK, jobs=[OPERATEUR], topics=["salary"], text='/ask{"job":"x","topic":"salary"}')
    messages, _ = run_action(ActionAnswer(), tracker)
    assert plain(texts(messages)[0]).startswith(OPERATEUR_NAME)
