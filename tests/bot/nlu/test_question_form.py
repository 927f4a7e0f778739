"""The form of a question: closed ("oui" possible), a follow-up leaving out its topic, a job
named and nothing else, a ranking, a reference to the conversation's jobs."""
import pytest

from actions.names import (
    PARSE_ELLIPSIS, PARSE_ONLY_A_JOB, PARSE_POINTS_BACK, PARSE_RANKING, PARSE_THE_OTHER_JOB, PARSE_YES_NO,
)
from bot.nlu.question_form import (
    asks_existence, asks_for_more, asks_necessity, asks_openly, compared_figures, contrary_alternative, goes_on,
    is_ellipsis, is_negated,
    is_yes_no, offers_a_choice,
    job_mentions, names_only_a_job, read_form,
    threshold, weighs_the_last_answer,
)
from knowledge.store import default_store

STORE = default_store()


@pytest.mark.parametrize("text", [
    "faut il parler anglais pour etre gestionnaire", "y a des primes", "on peut faire du télétravail ?",
    "Est-ce que le métier est stressant", "ça recrute ?", "le gestionnaire est il en contact avec les clients",
    "on voit des clients ou pas", "Quand on est opératrice back-office, on travaille en équipe ?",
    "anglais obligatoire ?", "un métier où on reste assis toute la journée ?", "et dans l'assurance aussi ?",
    "la stabilité de l'emploi c vrai ?", "y a des gens de plus de 50 ans qui font operateur back office ?",
    "c stable comme boulot ?", "il a des contacts avec les clients ou pas du tout ?",
    "bref est-ce que c'est un taf où t'es assise toute la journée", "du coup ça recrute ?",
    "et on voit des clients quand même, ou jamais ?",
    "on bosse en equipe oui ou non",
    # The last alternative says the "no" in words of its own.
    "Il y a des gens de plus de 50 ans dans ce métier ou c'est que des jeunes ?",
    "il s'occupe des réclamations ou c'est pas lui ?",
])
def test_closed_questions_may_get_a_yes(text):
    assert is_yes_no(text)


@pytest.mark.parametrize("text", ["avec qui travaille-t-il ?", "c'est qui les employeurs ?", "qui recrute ?"])
def test_qui_asking_who_asks_no_yes(text):
    assert not is_yes_no(text)


@pytest.mark.parametrize("text", [
    "gestionnaire BO, faut il l'anglais", "opératrice back-office : faut il parler anglais",
    "et pour l'operateur ya des possibilites d'evolution aussi",
    # The question, not the asker's story and its "pas", says how it is asked.
    "Je ne suis pas toute jeune, j'ai 52 ans. Y a des gens de plus de 50 ans qui font operateur back office ?",
])
def test_a_closed_question_after_the_job_or_the_story_it_starts_with_may_get_a_yes(text):
    assert read_form(STORE, text)[PARSE_YES_NO]


@pytest.mark.parametrize("text, has_verb", [
    ("c'est quoi le salaire ?", True), ("quel diplome", True), ("combien on gagne", True),
    ("c'est pas trop stressant ?", True), ("ce n'est pas trop dur ?", True), ("bts ou dut ?", False),
    ("le salaire médian ?", False), ("et l'anglais ?", False), ("où travaille-t-on ?", True),
    # A conjunction before its subject is no inversion.
    ("mais il s'inquiète de la pression", True),
])
def test_open_negative_or_verbless_questions_never_get_a_yes(text, has_verb):
    assert not is_yes_no(text, has_verb)


@pytest.mark.parametrize("text, negated", [
    ("on bouge beaucoup, genre on est pas souvent assis ?", True), ("un boulot sans pression ?", True),
    ("on voit des clients ou pas ?", False), ("je sais pas si on peut y aller en alternance ?", False),
    ("ça paie pas mal ?", False), ("c'est possible ?", False),
    ("il s'occupe des réclamations ou c'est pas lui ?", False),
    ("il parle avec les clients parfois ? Ou il reste toujours derrière son ordinateur ?", False),
    ("ça existe aussi dans les assurances, pas seulement dans les banques ?", False),
])
def test_a_question_with_a_part_in_the_negative(text, negated):
    assert is_negated(text) is negated


@pytest.mark.parametrize("text, necessity", [
    ("faut-il un master ?", True), ("le bac+2 est obligatoire ?", True), ("un diplôme exigé ?", True),
    ("une licence pro, c'est un plus ?", False), ("un master ça sert à qqch ?", False),
])
def test_a_question_on_whether_something_is_required(text, necessity):
    assert asks_necessity(text) is necessity


@pytest.mark.parametrize("text, choice", [
    ("on bosse en équipe ou tout seul dans son coin ?", True), ("bts ou dut ?", True),
    ("on voit des clients ou pas ?", False), ("où travaille-t-on ?", False), ("c'est stressant ?", False),
    ("on travaille en agence ou on est au siège ?", True),
    # The "no" said in words of its own, examples after the question, "où" without its accent.
    ("y a des gens de plus de 50 ans ou c'est que des jeunes ?", False),
    ("il travaille en équipe ou plutôt seul dans son coin ?", False),
    ("c un emploi stable ou ca bouge tt le temps", False),
    ("ça se décroche en CDI ou c'est surtout de l'interim ?", False),
    ("il fait des opérations sur les titres ? Comme acheter ou vendre ?", False),
    ("est ce que c'est un metier ou on est sous pression ?", False), ("un boulot où on est assis ?", False),
])
def test_a_question_between_alternatives(text, choice):
    assert offers_a_choice(text) is choice


@pytest.mark.parametrize("text, expected", [
    ("et par an ?", True), ("et l'autre ?", True), ("Et au maximum ?", True),
    ("et le salaire d'un opérateur back office débutant en région parisienne ?", False), ("par an ?", False),
])
def test_a_follow_up_leaving_out_its_topic_is_short_and_starts_with_et(text, expected):
    assert is_ellipsis(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("et pour le gestionnaire ?", True), ("et chez l'opérateur ?", True), ("Et pour le gestionnaire de back office ?", True),
    ("Et celles de l'opérateur ?", True),
    ("et pr gestionnaire bo ?", True),
    ("et gestionnaire back office ?", True), ("le salaire du gestionnaire ?", False), ("et le salaire ?", False),
    ("c'est quoi un gestionnaire de back office ?", False), ("cest quoi l operateur", False),
    ("et le gestionnaire, c'est quoi ?", True), ("et pour l'autre métier ?", True), ("et l'autre ?", True),
    ("et les autres métiers possibles ?", False), ("et pour gestionnaire, vous avez ça aussi ?", True),
    ("et chez le gestionnaire, la fiche en parle aussi ?", True),
])
def test_a_message_naming_only_a_job(text, expected):
    assert names_only_a_job(STORE, text, job_mentions(STORE, text)) is expected


def test_the_form_read_holds_the_ranking_and_the_references_to_the_conversation():
    form = read_form(STORE, "lequel des deux est le mieux payé ?")
    assert form[PARSE_RANKING] == "salary_highest" and form[PARSE_POINTS_BACK]
    assert not form[PARSE_THE_OTHER_JOB] and not form[PARSE_ONLY_A_JOB] and not form[PARSE_ELLIPSIS]
    other = read_form(STORE, "et l'autre ?", has_verb=False)
    assert other[PARSE_THE_OTHER_JOB] and other[PARSE_ELLIPSIS] and other[PARSE_RANKING] == ""
    assert not other[PARSE_YES_NO]
    assert read_form(STORE, "le salaire le plus haut d'un opérateur")[PARSE_RANKING] == ""


@pytest.mark.parametrize("text", ["concretement ca veut dire moins de postes ?", "y a plus de femmes ?"])
def test_a_closed_comparison_without_its_article_on_no_job_named_asks_no_ranking(text):
    """A follow-up on the job in focus ("ça veut dire moins de postes ?" after its trends)."""
    assert read_form(STORE, text)[PARSE_RANKING] == ""
    assert read_form(STORE, "lequel a le moins de postes ?")[PARSE_RANKING] == "hiring_least"


@pytest.mark.parametrize("text, contrary", [
    ("Il y a des gens de plus de 50 ans ou c'est que des jeunes ?", "ou c'est que des jeunes ?"),
    ("il parle aux clients ? Ou il reste toujours derrière son ordinateur ?", "Ou il reste toujours derrière son ordinateur ?"),
    ("on bosse en équipe ou tout seul ?", None), ("on voit des clients ou pas ?", None),
])
def test_the_last_alternative_that_says_the_no(text, contrary):
    start = contrary_alternative(text)
    assert (text[start:] if start is not None else None) == contrary


def test_a_question_on_the_one_job_its_story_names_asks_no_ranking():
    text = ("jsuis en M1 finance. ma tutrice est operatrice back office depuis 10 ans. "
            "c cb le salaire max ?")
    assert read_form(STORE, text)[PARSE_RANKING] == ""
    assert read_form(STORE, "Jsuis en M1. Quel métier paie le mieux ?")[PARSE_RANKING] == "salary_highest"


def test_the_asker_s_story_asks_no_ranking():
    text = ("J'ai une hernie discale et je ne peux plus porter les patients. "
            "Dans quel environnement travaille un gestionnaire de back office ?")
    assert read_form(STORE, text)[PARSE_RANKING] == ""


@pytest.mark.parametrize("text, expected", [
    ("y a des CDI en operateur BO ?", True), ("Y a-t-il des personnes de plus de 50 ans ?", True),
    ("est-ce qu'il y a des offres ?", True), ("on trouve des jeunes dans ce métier ?", True),
    ("Y en a des plus de 50 ans qui font ce métier ?", True),
    # "Oui" would say there are many, or answer an open question.
    ("il y a beaucoup de femmes ?", False), ("y a combien de demandeurs ?", False),
    ("c'est surtout des CDI ?", False), ("y a pas de CDI ?", False),
])
def test_a_question_on_whether_there_are_any(text, expected):
    assert asks_existence(text) is expected



@pytest.mark.parametrize("text, more", [
    ("c'est tout ?", True), ("c tout", True), ("y a rien d'autre ?", True), ("quoi d'autre ?", True),
    ("ok c'est tout ?", True), ("c'est tout ce que dit la fiche ?", True),
    ("c'est tout pour moi merci beaucoup", False), ("c'est tout merci", False), ("et le salaire ?", False),
])
def test_asking_for_the_rest_of_the_last_answer(text, more):
    assert asks_for_more(text) is more


@pytest.mark.parametrize("text, weighs", [
    ("c'est beaucoup ?", True), ("c beaucoup ?", True), ("c'est la majorité du coup ?", True),
    ("ça fait peu non ?", True), ("c'est bien ?", True), ("c'est bien payé ?", False),
    ("c'est beaucoup de stress ?", False), ("c'est quoi ?", False),
])
def test_asking_what_to_make_of_the_last_answer(text, weighs):
    assert weighs_the_last_answer(text) is weighs


@pytest.mark.parametrize("text, expected", [
    ("y a plus de femmes que d'hommes chez les opérateurs back office ?",
     {"details": ["lm_women_share", "lm_men_share"], "more": True}),
    ("Y a-t-il moins d'offres que de demandeurs d'emploi pour l'opératrice ?",
     {"details": ["lm_job_offers", "lm_job_seekers"], "more": False}),
    # A side that names no detail, or two: nothing compared.
    ("y a plus de 50 ans et + que de moins de 25 ans ?", {}), ("plus de femmes ou d'hommes ?", {}),
])
def test_two_figures_compared(text, expected):
    assert compared_figures(STORE, text, job_mentions(STORE, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("le salaire peut depasser 40 000 par an avec l'experience ?",
     {"more": True, "value": 40000.0, "measure": "", "period": "year"}),
    ("ça dépasse 2000 € par mois ?", {"more": True, "value": 2000.0, "measure": "euros", "period": "month"}),
    ("plus de 30k ?", {"more": True, "value": 30000.0, "measure": "euros", "period": ""}),
    ("moins de la moitié en CDI ?", {"more": False, "value": 50.0, "measure": "percent", "period": ""}),
    ("la plupart des opérateurs ont entre 25 et 49 ans ?", {"more": True, "value": 50.0, "measure": "percent", "period": ""}),
    # Ages and compared figures are no threshold.
    ("y a des gens de plus de 50 ans ?", {}), ("des moins de 25 ans ?", {}), ("plus de femmes que d'hommes ?", {}),
])
def test_a_figure_the_question_weighs_the_sheet_s_against(text, expected):
    assert threshold(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Et ensuite elle pourrait évoluer vers quoi ?", True), ("et où ?", True), ("et avec qui ?", True),
    ("et chef d'équipe ?", False), ("et en alternance c'est possible ?", False),
])
def test_an_open_question_has_a_question_word(text, expected):
    assert asks_openly(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("et l'operateur back office il lui faut quel niveau", True), ("Et l'opérateur, dans quel cadre exerce-t-il ?", True),
    ("quel salaire pour un opérateur et un gestionnaire ?", False),
    # After a word that takes the last answer in.
    ("ok et côté info ?", True), ("d'accord, et pour l'autre ?", True), ("ok", False),
])
def test_a_question_opening_with_et_goes_on_from_the_last_one_however_long(text, expected):
    assert goes_on(text) is expected


def test_an_ellipsis_counts_its_words_whatever_their_accents_and_case():
    assert is_ellipsis("Et pour l'opératrice ?")
    assert not is_ellipsis("Et pour l'opératrice BO, c'est combien ?")
