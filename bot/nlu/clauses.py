"""Where the question is in a message, and the asks it may join.

- ``question_focus``: in a message of several sentences ("J'ai été vendeuse dix ans. Je n'en
  peux plus d'être debout. Quelle formation pour devenir opératrice ?"), the sentences that
  ask something, and in them the clauses that ask ("mon fils veut devenir opérateur, c'est
  quel métier au juste ?"); the asker's own story around them is not the question.
- ``clauses``: the parts of a question that may each ask something ("quel salaire et quelles
  études ?", "les bons et les mauvais côtés", "le salaire à l'embauche, le médian et le
  maximum"), split where French joins asks; ``with_the_next_noun``: a part read with the noun
  it shares with the next ("les bons" | "les mauvais côtés").

Both give spans of the message, so that what is found in them keeps its place in the text.
"""
from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from knowledge.text import strip_accents

Span = Tuple[int, int]
# Ends of sentences; a question mark ends a question.
# An ellipsis ends a sentence before a contrast only ("ça a l'air calme… mais est-ce stressant ?"),
# not before what it leads to ("un truc sur les successions… il fait quoi avec ça ?").
_SENTENCE = re.compile(r"(?:[^.!?…\n]|…(?!\s*(?:mais|pourtant|cependant|par contre|sauf que)\b))+[.!?…\n]*",
                       re.IGNORECASE)
# Asking for something: "j'ai besoin du code ROME", "j'aurais besoin des missions".
_NEEDS = (r"(?:(?:j ai|j'ai|jai|j aurais|j'aurais|jaurais) besoin (?:du|de|des|d')"
          r"|il me (?:faut|faudrait) (?:le|la|les|l'|du|des))")
# Words that open a question ("quel", "combien", "est-ce que", "faut-il"…), accent-free; "qui"
# only at the start ("qui recrute ?"), elsewhere mostly a relative ("une PME qui a fermé"); "y
# a" not when it says when ("il y a deux ans").
_ASKING = re.compile(
    r"^\s*qui\b|\b(?:quel|quelle|quels|quelles|combien|comment|pourquoi|quoi|lequel|laquelle|cb|koi|kel|est ce|est-ce|"
    r"faut il|faut-il|peut on|peut-on|y a t il|y a-t-il|[a-z]+-t-(?:on|il|elle|ils|elles)|"
    r"(?:y a|ya)(?! (?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques|plusieurs|longtemps|peu)\b)|"
    r"c est quoi|c'est quoi|pouvez vous|pouvez-vous|pourriez vous|pourriez-vous|dites moi|dites-moi|"
    r"dis moi|dis-moi|tu peux|vous pouvez|"
    # Requests: "donnez-moi les chiffres du marché du travail", "expliquez-moi ce que fait…".
    r"donnez moi|donnez-moi|donne moi|donne-moi|expliquez moi|expliquez-moi|explique moi|explique-moi|"
    r"montrez moi|montrez-moi|montre moi|montre-moi|parlez moi|parlez-moi|parle moi|parle-moi|"
    r"detaillez|detaille moi|detaille-moi|listez|indiquez moi|indiquez-moi|"
    r"(?:je voudrais|j aimerais|j'aimerais|je veux|je souhaite|je souhaiterais|je cherche a) (?:savoir|connaitre)|"
    rf"{_NEEDS}|"
    # A request reported: "ils me demandent le code ROME du métier, c koi ?".
    r"(?:me|m|nous) (?:demande|demandent|demandait|demandaient) (?:le|la|les|l|du|des)|"
    r"(?:demande|demandee?|demandait|demandais|savoir|sais pas|sait pas) si)\b"
)
# Words that ask which, how much or whether, or ask for something, even in the asker's story ("une
# élève me demande quel métier…", "un candidat m'a demandé si le gestionnaire…", "j'ai besoin du
# code ROME").
_ASKS_WHICH = re.compile(
    r"\b(?:quel|quelle|quels|quelles|lequel|laquelle|combien|cb|"
    rf"{_NEEDS}|"
    r"(?:demande|demandee?|demandait|demandais|savoir|sais pas|sait pas) si)\b"
)
# Where French joins two asks: "et", "ainsi que", "puis", a comma, a colon, a semicolon, "?", a
# new line, a numbered item, "mais aussi"; not "aussi" alone, which after a verb adds to it ("il
# s'occupe aussi des successions ?") and after "et" or a comma is already there.
_JOINS = re.compile(r"\?|;|:|,|\n|\bet\b|\bainsi que\b|\bmais aussi\b|\bpuis\b|\s\+\s|\s/\s|\b\d\)", re.IGNORECASE)
# The asker speaking of themself or their own ("je suis", "j'ai", "mon fils", "ma fille"), SMS
# spellings too ("jveux", "jai").
_FIRST_PERSON = re.compile(
    r"(?:^|\b)(?:je|j'|j’|moi|mon|ma|mes|jsuis|chui|jai|jveux|jvoudrais|jaimerais|jcherche|jpense|jhesite|jfais)"
    r"(?:\b|(?<=['’]))"
)
# What the last answer said, that the question takes up ("vous dites « externalisation »").
_REFERS_TO_THE_ANSWER = re.compile(
    r"^\W*(?:vous|tu) (?:dites|dis|avez dit|as dit|parlez d|parles d|parliez d|mentionnez|mentionnes|citez|cites"
    r"|ecrivez|ecris|evoquez|evoques)"
)
# A sentence that adds to the question before it ("Et la répartition par âge aussi.").
_GOES_ON = re.compile(r"^\W*(?:et|ainsi que|puis|sans oublier|de meme que)\b")
# What the asker asks for, before the question ("pour un atelier de reconversion, …").
_PURPOSE = re.compile(r"^\W*(?:pour (?:un|une|mon|ma|mes|notre|nos)|dans le cadre d|afin d|en vue d)\b")
# A clause of the asker's story this long or longer is their story, not part of the question.
STORY_WORDS = 6
# A last sentence this short, after a question, says what it asks ("… ? le salaire max"), unless
# it takes leave ("Merci beaucoup.").
PRECISION_WORDS = 4
_LEAVE_TAKING = re.compile(r"\b(?:merci|cordialement|bonne (?:journee|soiree)|d'avance|a bientot|bisous|svp|stp)\b")
# A part of a sentence that opens with these and has at most that many words is a complement of
# what follows it ("avec un BTS banque, …", "après un bac pro, …").
_COMPLEMENT = re.compile(r"^\W*(?:avec|sans|apres|titulaire d|munie? d)\b")
COMPLEMENT_WORDS = 5
# A clause shorter than this (in letters) asks nothing on its own ("et", "svp").
MIN_CLAUSE_LETTERS = 4


def sentences(text: str) -> List[Span]:
    """Each sentence's span, without the spaces before it."""
    spans = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        if sentence.strip():
            spans.append((match.start() + len(sentence) - len(sentence.lstrip()), match.end()))
    return spans


def _is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?")


def _asks_something(sentence: str) -> bool:
    plain = strip_accents(sentence).lower()
    return plain.rstrip().endswith("?") or bool(_ASKING.search(plain))


def question_focus(text: str) -> Span:
    """The span from the first sentence that asks something to the end of the last one (and a
    short precision right after it), in a message of several sentences (the whole message
    otherwise, the last sentence when none asks), without the clauses of the asker's story at its
    start (``question_clauses``)."""
    return question_clauses(text, question_sentences(text))


def question_sentences(text: str) -> Span:
    """``question_focus`` before the clauses of the asker's story are cut: whole sentences ("Si je
    veux maximiser ma paie dès le début, je choisis quel métier ?")."""
    spans = sentences(text)
    if len(spans) < 2:
        return 0, len(text)
    asking = [span for span in spans if _asks_something(text[span[0]:span[1]])]
    if any(_is_question(text[start:end]) for start, end in asking):
        # "jsp quoi faire l'an prochain." is the asker's story when a question follows; not "une
        # élève me demande quel métier paie le mieux."
        asking = [span for span in asking if _is_question(text[span[0]:span[1]])
                  or not _speaks_of_themself(text[span[0]:span[1]])
                  or _ASKS_WHICH.search(strip_accents(text[span[0]:span[1]]).lower())]
    if not asking:
        return spans[-1]
    end = asking[-1][1]
    if text[asking[-1][0]:end].rstrip().endswith(":"):
        # "j'aimerais savoir :" then a list of what is asked.
        end = len(text)
    if _is_precision(text, spans, asking[-1]):
        # "jusqu'où peut-on monter ? le salaire max": the question, said more precisely.
        end = spans[-1][1]
    for start, last in spans[spans.index(asking[-1]) + 1:]:
        # "… c'est combien ? Et la répartition par âge aussi, s'il vous plaît.": asked too.
        if not _GOES_ON.match(strip_accents(text[start:last]).lower()) or _speaks_of_themself(text[start:last]):
            break
        end = last
    return asking[0][0], end


def clauses(text: str, span: Span) -> List[Span]:
    """The parts of ``text[span]`` between the words that join asks that may ask something: with
    some letters, and not the asker speaking of themself ("je suis opératrice depuis 5 ans", "mon
    fils veut devenir…") unless they ask in it too, nor the last answer's words taken up
    (``taken_up_words``)."""
    taken_up = taken_up_words(text)
    return [(first, last) for first, last in _parts(text, span)
            if sum(char.isalpha() for char in text[first:last]) >= MIN_CLAUSE_LETTERS
            and (_asks_something(text[first:last]) or not _speaks_of_themself(text[first:last]))
            and not any(first < end and start < last for start, end in taken_up)]


def taken_up_words(text: str) -> List[Span]:
    """The parts of ``text`` that take up the last answer's words as the ground of a question
    that says what it asks in words of its own ("vous dites « externalisation », ça veut dire
    moins de postes dans la banque ?"); not of one that asks about them ("vous avez dit Bac+2,
    mais en quoi ?")."""
    parts = _parts(text, (0, len(text)))
    taken_up = [part for part in parts if _REFERS_TO_THE_ANSWER.search(strip_accents(text[part[0]:part[1]]).lower())]
    rest = sum(len(text[part[0]:part[1]].split()) for part in parts if part not in taken_up)
    return taken_up if rest >= STORY_WORDS else []


def question_clauses(text: str, span: Span) -> Span:
    """The part of ``text[span]`` from the first clause that asks to the last one, when others
    only tell the asker's story ("mon fils veut devenir opérateur, c'est quel genre de métier ?");
    ``span`` otherwise, or when the story is short enough to be part of the question ("j'ai un
    bac+1, je peux postuler ?")."""
    parts = _parts(text, span)
    asking = [part for part in parts if _asks_something(text[part[0]:part[1]])]
    told = [part for part in parts if _tells(text[part[0]:part[1]])
            and not _asks_something(text[part[0]:part[1]]) and len(text[part[0]:part[1]].split()) >= STORY_WORDS]
    if not asking or not told:
        return span
    # The question goes on in the parts after its last asking one that tell no story ("quels sont
    # les avantages" | "et les inconvénients ?").
    end = asking[-1][1]
    for part in parts[parts.index(asking[-1]) + 1:]:
        if part in told:
            break
        end = part[1]
    # …and in the things it asks about, named before it ("le salaire du milieu, le médian comme on
    # dit, il est de combien ?").
    start = asking[0][0]
    before = parts[:parts.index(asking[0])]
    if before and _ASKS_OF_WHAT_WAS_SAID.match(strip_accents(text[asking[0][0]:asking[0][1]]).lower()):
        # "… y avait une licence pro qui aide, c'est laquelle exactement ?": of that licence.
        start = before[-1][0]
    for part in reversed(parts[:parts.index(asking[0])]):
        if part in told or not _NAMED_BEFORE.match(text[part[0]:part[1]]):
            break
        start = part[0]
    return start, end


# A question that asks only of what the part before it said ("c'est laquelle exactement ?").
_ASKS_OF_WHAT_WAS_SAID = re.compile(
    r"^\W*(?:c ?est|c'est|c|cest|ce serait|ca serait)\s+"
    r"(?:laquelle|lequel|lesquelles|lesquels|quoi|koi|quel|quelle)"
    r"(?:\s+(?:exactement|au juste|alors|du coup|donc|en fait))?\W*$"
)
# A noun group set before the question that asks about it: "le salaire, il est de combien ?".
_NAMED_BEFORE = re.compile(r"^\W*(?:le|la|les|l['’]|son|sa|ses|leurs?|ce|cette|ces)\b", re.IGNORECASE)


def _parts(text: str, span: Span) -> List[Span]:
    start, end = span
    parts, position = [], start
    for join in _JOINS.finditer(text, start, end):
        if join.group() == "," and _is_a_complement(text[position:join.start()]):
            # "avec un BTS banque, on peut devenir gestionnaire ?": one question.
            continue
        parts.append((position, join.start()))
        position = join.end()
    parts.append((position, end))
    return [part for part in parts if text[part[0]:part[1]].strip()]


def _is_a_complement(part: str) -> bool:
    """A few words that say with what or after what the rest of the sentence is asked."""
    said = strip_accents(part).lower()
    return bool(_COMPLEMENT.match(said)) and len(said.split()) <= COMPLEMENT_WORDS


def _is_precision(text: str, sentences: List[Span], last_asking: Span) -> bool:
    """Whether the last sentence, right after the last one that asks, is a few words that say
    more precisely what it asks."""
    last = sentences[-1]
    said = strip_accents(text[last[0]:last[1]]).lower()
    return len(sentences) > 1 and sentences[-2] == last_asking and len(said.split()) <= PRECISION_WORDS \
        and not _speaks_of_themself(said) and not _LEAVE_TAKING.search(said)


def _tells(clause: str) -> bool:
    """The asker's story, or what they ask for ("pour une analyse des écarts de compétences d'un
    public en reconversion : …")."""
    return _speaks_of_themself(clause) or bool(_PURPOSE.match(strip_accents(clause).lower()))


def _speaks_of_themself(clause: str) -> bool:
    return bool(_FIRST_PERSON.search(strip_accents(clause).lower()))


# A part of a question that ends in a determiner and one word ("quels sont les bons"), and a next
# part that starts so ("les mauvais côtés du métier"): adjectives sharing the noun after them.
_DETERMINERS = r"(?:(?:les|des|le|la|ses|son|sa|leurs?|ces)\s+|l['’]\s*)"
_ENDS_IN_AN_ADJECTIVE = re.compile(rf"(?:^|\s){_DETERMINERS}\w+\W*$", re.IGNORECASE)
_OPENS_WITH_AN_ADJECTIVE = re.compile(rf"^\W*{_DETERMINERS}\w+\s+(?=\w)", re.IGNORECASE)


def with_the_next_noun(clause: str, text: str, following: Sequence[Span]) -> str:
    """A part that ends in an adjective whose noun the next part says ("quels sont les bons" |
    "les mauvais côtés du métier"), with the rest of that part: "quels sont les bons côtés du
    métier"."""
    if not following or not _ENDS_IN_AN_ADJECTIVE.search(clause):
        return clause
    after = text[following[0][0]:following[0][1]]
    adjective = _OPENS_WITH_AN_ADJECTIVE.match(after)
    return f"{clause.rstrip()} {after[adjective.end():]}" if adjective else clause
