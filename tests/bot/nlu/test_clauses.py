"""Where the question is in a long message, and the parts of a question that may each ask."""
import pytest

from bot.nlu.clauses import clauses, question_focus, question_sentences, with_the_next_noun


def focus(text):
    start, end = question_focus(text)
    return text[start:end]


def parts(text):
    return [text[start:end].strip() for start, end in clauses(text, (0, len(text)))]


def test_a_story_around_the_question_is_left_out():
    text = ("J'ai 38 ans et j'ai été vendeuse pendant 15 ans. Je n'en peux plus d'être debout. "
            "Combien gagne une opératrice back office au début ?")
    assert focus(text) == "Combien gagne une opératrice back office au début ?"


@pytest.mark.parametrize("story", [
    "J'étais assistante comptable dans une PME qui a fait un licenciement économique.",
    "Ce qui me plaisait dans mon métier c'était le contact humain.",
    "Il a eu un bac ES il y a deux ans. Il est très organisé et sérieux.",
])
def test_a_relative_qui_in_the_story_asks_nothing(story):
    assert focus(f"{story} Jusqu'où peut monter le salaire ?") == "Jusqu'où peut monter le salaire ?"


def test_the_asker_s_story_with_a_question_word_is_left_out_before_a_question():
    text = ("slt je suis en terminale stmg et jsp quoi faire l'an prochain. ma prof m'a parle d'operatrice "
            "back office. c quoi les diplomes pour faire ca ?")
    assert focus(text) == "c quoi les diplomes pour faire ca ?"


def test_a_question_reported_in_the_asker_s_story_is_part_of_the_question():
    text = ("Un de mes candidats m'a demandé si le gestionnaire traite les successions. "
            "Pourriez-vous me confirmer ce que dit la fiche ?")
    assert focus(text) == text


def test_qui_opening_a_sentence_asks():
    assert focus("J'ai un bac pro. Qui recrute des opérateurs back office") == "Qui recrute des opérateurs back office"


def test_several_questions_in_a_message_are_all_in_its_focus():
    text = "Bonjour. Quel salaire ? Et quelle formation ? Merci beaucoup."
    assert focus(text) == "Quel salaire ? Et quelle formation ?"


def test_a_sentence_that_adds_to_the_question_with_et_is_part_of_it():
    text = "Pour l'opérateur, la part de CDI c'est combien ? Et la répartition par âge aussi, s'il vous plaît."
    assert focus(text).endswith("Et la répartition par âge aussi, s'il vous plaît.")


def test_an_ellipsis_ends_a_sentence_before_a_contrast_only():
    assert focus("ça a l'air calme… mais est-ce que c'est stressant ?") == "mais est-ce que c'est stressant ?"
    text = "j'ai vu un truc sur les successions… il fait quoi avec ça ?"
    assert focus(text) == text


def test_a_purpose_before_the_question_is_left_out():
    text = ("Pour une analyse des écarts de compétences et travailler l'employabilité d'un public en "
            "reconversion : que demande-t-on à un opérateur back-office et à un gestionnaire ?")
    assert focus(text).strip() == "que demande-t-on à un opérateur back-office et à un gestionnaire"


@pytest.mark.parametrize("text, start", [
    ("j'ai lu que pour opérateur y avait une licence pro qui aide, c'est laquelle exactement ?", "j'ai lu"),
    ("ils me demandent le code rome du metier operateur back office, c koi ??", "ils me demandent"),
])
def test_a_question_asking_only_of_what_was_said_before_it_keeps_it(text, start):
    assert focus(text).strip().startswith(start)


def test_a_request_asks():
    text = "Donnez-moi les chiffres du marché du travail. Je fais un exposé pour mon cours."
    assert focus(text).startswith("Donnez-moi les chiffres du marché du travail")


def test_a_request_in_the_asker_s_story_is_part_of_the_question_that_points_back_at_it():
    text = ("Bonjour, je complète le dossier d'un demandeur d'emploi et j'ai besoin du code ROME du métier "
            "d'opérateur back-office. Pouvez-vous me l'indiquer ?")
    assert "code ROME" in focus(text) and focus(text).rstrip().endswith("indiquer")


def test_a_question_goes_on_after_its_story_in_the_parts_that_ask_nothing_themselves():
    text = "Ma fille veut être opératrice back-office : quels sont les avantages et les inconvénients ?"
    assert focus(text).strip() == "quels sont les avantages et les inconvénients"


@pytest.mark.parametrize("text", ["quel salaire pour un opérateur ?", "Je suis en terminale. J'aime les chiffres."])
def test_a_message_of_one_sentence_or_without_a_question_keeps_what_it_says(text):
    assert focus(text) in text and focus(text).strip()


def test_a_question_without_a_question_mark_is_found_by_its_question_words():
    text = "Je suis caissier depuis 6 ans. c'est quoi la formation pour y arriver"
    assert focus(text) == "c'est quoi la formation pour y arriver"


@pytest.mark.parametrize("text, expected", [
    ("quel salaire et quelles études pour être opérateur back office ?",
     ["quel salaire", "quelles études pour être opérateur back office"]),
    ("les bons et les mauvais côtés du métier", ["les bons", "les mauvais côtés du métier"]),
    ("le salaire à l'embauche, le médian et le maximum", ["le salaire à l'embauche", "le médian", "le maximum"]),
    ("ça paie bien ?", ["ça paie bien"]),
    ("pour mon dossier j'ai besoin du code rome et du niveau d'étude",
     ["pour mon dossier j'ai besoin du code rome", "du niveau d'étude"]),
    # "aussi" after a verb adds to it; "mais aussi" joins.
    ("il s'occupe aussi des successions des clients ?", ["il s'occupe aussi des successions des clients"]),
    ("le salaire débutant mais aussi le max", ["le salaire débutant", "le max"]),
    # The last answer's words taken up are the ground of the question, not an ask.
    ("Vous dites « externalisation », ça veut dire moins de postes dans la banque ?",
     ["ça veut dire moins de postes dans la banque"]),
    ("vous avez dit Bac+2, mais en quoi ?", ["vous avez dit Bac+2", "mais en quoi"]),
])
def test_a_question_is_cut_where_french_joins_asks(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("text", [
    "Avec un BTS Banque, on peut devenir gestionnaire de back office ?",
    "sans le bac, on peut bosser comme operateur ?",
])
def test_a_short_complement_before_a_comma_is_part_of_the_question(text):
    assert parts(text) == [text.rstrip(" ?")]


@pytest.mark.parametrize("text, expected", [
    ("je veux faire opératrice back office, il faut quel bac ?", ["il faut quel bac"]),
    ("jveux faire operatrice back office, il faut quel bac ?", ["il faut quel bac"]),
])
def test_the_asker_speaking_of_themself_asks_nothing_even_in_sms_spelling(text, expected):
    assert [text[first:last].strip() for first, last in clauses(text, question_focus(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("jusqu'où peut monter une opératrice ? le salaire maximum", "jusqu'où peut monter une opératrice ? le salaire maximum"),
    # A thank-you or a longer sentence after the question is no precision of it.
    ("quel salaire pour un opérateur ? merci beaucoup pour votre aide", "quel salaire pour un opérateur ?"),
])
def test_a_short_precision_after_the_question_is_part_of_it(text, expected):
    assert focus(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Quels sont les bons et les mauvais côtés du métier ?",
     ["Quels sont les bons côtés du métier", "les mauvais côtés du métier"]),
    ("les avantages et les inconvénients", ["les avantages", "les inconvénients"]),
    ("quel salaire et quelles études ?", ["quel salaire", "quelles études"]),
])
def test_an_adjective_is_read_with_the_noun_it_shares_with_the_next_part(text, expected):
    spans = clauses(text, (0, len(text)))
    read = [with_the_next_noun(text[start:end], text, spans[position + 1:])
            for position, (start, end) in enumerate(spans)]
    assert [part.strip() for part in read] == expected


@pytest.mark.parametrize("text, expected", [
    # The story's clauses stay in the sentences that ask, where a ranking may be said.
    ("Si je veux maximiser ma paie dès le début, je choisis quel métier ?",
     "Si je veux maximiser ma paie dès le début, je choisis quel métier ?"),
    # A sentence of the story that asks which is part of the question.
    ("Je suis conseillère et une élève me demande quel métier paie le mieux. Tu peux m'aider ?",
     "Je suis conseillère et une élève me demande quel métier paie le mieux. Tu peux m'aider ?"),
    ("J'ai mal au dos et je ne peux plus porter de charges. Dans quel environnement travaille-t-il ?",
     "Dans quel environnement travaille-t-il ?"),
])
def test_the_sentences_that_ask_keep_their_story_clauses(text, expected):
    start, end = question_sentences(text)
    assert text[start:end] == expected
