"""Side-by-side comparisons, saying where a sheet has no data."""
from actions.routing import ActionCompare
from actions.names import SLOT_ANSWERED_JOBS, SLOT_JOB, SLOT_TOPICS
from knowledge.topics import Topic
from tests.builders import build_tracker, run_action, texts
from tests.expected import GESTIONNAIRE, GESTIONNAIRE_NAME, OPERATEUR, OPERATEUR_NAME, plain


def compare(topics=(), jobs=(), slots=None, parse=None, **entities):
    tracker = build_tracker("compare", jobs=jobs, topics=topics, slots=slots, parse=parse, **entities)
    return run_action(ActionCompare(), tracker)


def test_an_overview_compares_both_jobs_topic_by_topic():
    messages, slots = compare(jobs=["opérateur", "gestionnaire"])
    (text,) = [plain(text) for text in texts(messages)]
    for heading in ("Présentation", "Formation", "Salaire", "Marché de l'emploi", "Mobilité et évolutions"):
        assert f"\n{heading}\n" in text
    assert f"{OPERATEUR_NAME} : 1 766 € brut mensuel" in text
    assert f"{GESTIONNAIRE_NAME} : la fiche ne dit rien sur le salaire" in text
    assert f"{OPERATEUR_NAME} : Bac+2" in text
    assert text.count("Source : ") == 2
    assert slots[SLOT_ANSWERED_JOBS] == [OPERATEUR, GESTIONNAIRE]


def test_a_topic_compares_full_answers_and_names_what_is_missing():
    messages, slots = compare(topics=[Topic.TRAINING, Topic.SALARY])
    training, salary = [plain(text) for text in texts(messages)]
    assert training.startswith("Formation — comparaison")
    assert "BTS Banque" in training and "Licence professionnelle" in training
    assert "Salaire brut médian : 1 919 €" in salary and "la fiche ne dit rien sur le salaire" in salary
    assert slots[SLOT_TOPICS] == ["training", "salary"]


def test_a_sheet_without_the_topic_says_what_it_cites_of_it_elsewhere():
    # "les compétences en informatique pour les deux ?": the opérateur's sheet has no digital
    # skills, but lists « Maîtrise des outils informatiques » among its skills.
    messages, _ = compare(topics=[Topic.DIGITAL_SKILLS])
    (text,) = [plain(text) for text in texts(messages)]
    assert (f"{OPERATEUR_NAME} :\npas de partie « Compétences numériques » dans la fiche, qui cite toutefois "
            "« Maîtrise des outils informatiques » (partie « Compétences »).") in text
    assert "ne dit rien sur les compétences numériques" not in text


def test_with_no_job_named_every_job_is_compared():
    messages, _ = compare(topics=[Topic.PROS])
    assert OPERATEUR_NAME in messages[0]["text"] and GESTIONNAIRE_NAME in messages[0]["text"]


def test_one_job_named_is_compared_with_the_job_in_focus():
    messages, _ = compare(jobs=["gestionnaire"], slots={SLOT_JOB: OPERATEUR}, topics=[Topic.CONS])
    text = plain(messages[0]["text"])
    assert text.index(GESTIONNAIRE_NAME) < text.index(OPERATEUR_NAME)


def test_another_job_is_not_compared():
    messages, _ = compare(other_jobs=["boulanger"])
    assert "Je ne connais pas ce métier" in messages[0]["text"]


def test_a_question_on_one_job_taken_for_a_comparison_answers_that_job():
    # "bts ou dut, lequel choisir pour devenir gestionnaire ?": no second job to compare.
    messages, slots = compare(jobs=["gestionnaire"], topics=[Topic.TRAINING], parse={"topics": ["training"]})
    assert plain(messages[0]["text"]).startswith(f"{GESTIONNAIRE_NAME} — Formation")
    assert slots[SLOT_JOB] == GESTIONNAIRE


def test_the_topic_of_a_question_on_one_job_is_the_one_the_classifier_read():
    # "le gestionnaire doit connaître le droit des prêts ?" says no topic word.
    messages, _ = compare(jobs=["gestionnaire"], slots={SLOT_JOB: GESTIONNAIRE}, parse={"topics": ["skills"]})
    assert plain(messages[0]["text"]).startswith(f"{GESTIONNAIRE_NAME} — Compétences")
