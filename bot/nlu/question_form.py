"""A Rasa NLU component that reads the form of a question, for the actions:

- ``only_a_job``: whether it names a job and asks nothing else ("et pour le gestionnaire ?",
  "l'opératrice"): such a message is the intent ``inform``, whatever the intent classifier read;
- ``ellipsis``: a short follow-up that leaves out what the conversation says ("et par an ?");
- ``asks_for_more``: a follow-up that asks for the rest of the last answer ("c'est tout ?",
  "quoi d'autre ?"): such a message is the intent ``ask``, whatever the intent classifier read;
  so is a short one that names a detail of the catalogue ("tout seul ?") if the classifier is
  unsure of it;
- ``compared_figures``: the two details of one topic whose figures a question compares, each
  named alone on its side of "que" ("y a-t-il plus de femmes que d'hommes ?"), and whether it
  asks if the first is the larger;
- ``threshold``: a figure a closed question weighs one of the sheet's against ("ça dépasse
  2 000 € par mois ?", "plus de la moitié en CDI ?"), and which way;
- ``weighs_the_last_answer``: a follow-up that asks what to make of the last answer ("c'est
  beaucoup ?"), which the sheets do not weigh: the intent ``ask``, for the last answer again;
- ``yes_no``: a closed question ("faut-il parler anglais ?", "on peut travailler à temps
  partiel", "y a des primes ?") that a quoted item may answer "oui" to; not an open one
  ("quel diplôme ?"), a choice ("bts ou dut ?") or a negative one ("c'est pas trop stressant
  ?"), where "oui" would be ambiguous;
- ``asks_openly``: an open question, with a question word ("et vers quoi ?"), which a follow-up
  of a closed one does not turn closed;
- ``asks_existence``: a closed question on whether there are any ("y a-t-il des CDI ?", "ya
  des femmes ?"), which a share or a count above zero answers "oui";
- ``ranking``: the ranking it asks ("le métier le mieux payé"), from ``knowledge/rankings.yml``;
- ``points_back``: whether it points back at the jobs of the last answer ("lequel des deux ?");
- ``the_other_job``: whether it means the job other than the one in focus ("et l'autre ?").

A button's payload skips the pipeline: it carries none of these.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.names import (
    INTENT_ASK, INTENT_INFORM, PARSE_ASKS_EXISTENCE, PARSE_ASKS_FOR_MORE, PARSE_ASKS_OPENLY, PARSE_COMPARED_FIGURES,
    PARSE_ASKS_NECESSITY, PARSE_ELLIPSIS, PARSE_GOES_ON, PARSE_MENTIONED_DETAILS, PARSE_NEGATED, PARSE_OFFERS_A_CHOICE,
    PARSE_ONLY_A_JOB,
    PARSE_POINTS_BACK, PARSE_RANKING, PARSE_THE_OTHER_JOB,
    PARSE_THRESHOLD, PARSE_WEIGHS_THE_LAST_ANSWER, PARSE_YES_NO,
)
from bot.nlu.clauses import question_clauses, question_sentences, sentences
from bot.nlu.intent_override import override_intent
from bot.nlu.store_component import StoreComponent
from knowledge.store import JOB, KnowledgeStore, Mention
from knowledge.text import strip_accents

# Words that ask for information rather than a yes or a no (accent-free, with SMS spellings).
# "où" and "quand" are left out: they join clauses as often as they ask ("un métier où on reste
# assis ?", "quand on est opératrice, on travaille en équipe ?"); "où" first asks.
QUESTION_WORDS = frozenset({
    "quel", "quelle", "quels", "quelles", "combien", "comment", "pourquoi", "quoi", "lequel", "laquelle",
    "lesquels", "lesquelles", "cb", "koi", "kel", "kelle", "kels", "kelles", "cmb",
})
# "qui" asks first, after a preposition or after "c'est" ("avec qui travaille-t-il ?"); after a
# noun it is a relative ("y a des gens qui font ça à 50 ans ?").
ASKING_QUI = re.compile(r"(?:^|\b(?:avec|pour|de|a|chez|par|sur|aupres de|c est|cest|c|est|sont) )qui\b")
# How closed questions start when they have no question mark ("faut il un bac+2 pour…").
CLOSED_OPENINGS = (
    "est-ce", "faut-il", "il faut", "faut", "y a", "ya", "y'a", "y en a", "yen a", "il y a", "peut-on", "on peut", "je peux", "peut",
    "doit-on", "on doit", "c'est", "cest", "c", "ca", "est-il", "est-elle", "a-t-on", "on a", "on est", "on fait",
    "il est", "elle est", "avez-vous", "as-tu", "sont-ils", "recrute",
)
# The first word of an open question that the question words above leave out ("où travaille-t-on ?").
OPEN_OPENINGS = frozenset({"ou"})
# A verb and its subject inverted, as closed questions put them ("est-il", "peut-on", "a-t-il"); not
# a conjunction before its subject ("mais il s'inquiète", "quand on débute").
INVERSION = re.compile(
    r"\b(?!(?:mais|et|si|quand|que|qu|comme|ou|donc|car|puis|alors|lorsque|parce|dont|sinon|pourtant|ensuite)\b)"
    r"\w+[ -](?:t[ -])?(?:il|elle|on|ils|elles)\b(?!\s*(?:y a|faut))"
)
# What a verbless closed question says of its subject ("anglais obligatoire ?").
PREDICATES = frozenset({
    "obligatoire", "possible", "necessaire", "indispensable", "requis", "exige", "demande", "utile", "accessible",
    "envisageable", "faisable", "autorise", "stressant", "difficile", "facile", "dur", "fatigant", "penible",
    "bien", "recommande", "conseille", "suffisant", "ok", "important", "importante", "essentiel", "essentielle",
    "primordial", "primordiale", "demandee", "exigee", "requise", "vrai", "oblige", "obligee", "obligatoires",
    # "et dans l'assurance aussi ?": the last question, closed, on something else.
    "aussi", "egalement", "pareil", "idem",
})
_OPENINGS = tuple(" ".join(opening.replace("-", " ").replace("'", " ").split()) for opening in CLOSED_OPENINGS)
# A negative question ("ce n'est pas stressant ?"): "oui" would be ambiguous; "sans" too: "un
# boulot sans pression ?" asks the contrary of the pressure the sheet cites.
NEGATIONS = re.compile(r"\b(?:pas|jamais|aucun|aucune|ni|plus rien|n['’]|ne|sans)\b")
_WORD = re.compile(r"[a-z0-9+]+")
# Words that ask nothing by themselves around a job's name in a follow-up.
FILLERS = frozenset({
    "et", "pour", "pr", "chez", "cote", "niveau", "alors", "aussi", "pareil", "idem", "quid", "sinon", "ca", "donne",
    "quoi", "concernant", "qu", "en", "est", "il", "elle", "lui", "eux", "meme", "sur", "ou", "le", "la", "les", "l",
    "un", "une", "des", "du", "de", "d", "au", "aux", "c", "ce", "cette", "metier", "poste", "job", "dans", "cas",
    "question", "pareille", "mm", "stp", "svp", "merci", "ok", "daccord", "accord", "bon", "autre", "maintenant",
    # "et celles de l'opérateur ?": what the last answer gave, for that job.
    "celle", "celles", "celui", "ceux",
    # "et pour le gestionnaire, vous avez ça aussi ?": the same, if the sheet has it.
    "vous", "avez", "tu", "as", "on", "a", "sait", "info", "infos", "chiffre", "chiffres",
    # "et chez le gestionnaire, la fiche en parle aussi ?"
    "fiche", "parle", "dit", "mentionne",
})
# How a question about what a job is starts ("c'est quoi un gestionnaire ?"): the same words after
# the job ("et le gestionnaire, c'est quoi ?") ask the last question again.
WHAT_IS_OPENINGS = ("c est quoi", "cest quoi", "c quoi", "qu est ce qu", "quest ce qu", "kesako", "quoi")
# How a question on whether there are any starts ("y a-t-il des", "est-ce qu'on trouve des").
EXISTENCE = re.compile(
    r"^(?:et |alors |mais )?(?:est ce qu (?:il )?|est ce que (?:l )?on )?(?:il )?(?:y a t il|y a|ya|yen a|y en a|existe t il|il existe"
    r"|on (?:trouve|croise|voit|rencontre)|trouve t on|croise t on)(?: quand meme| aussi| encore)? (?:des|du|de la|de l|d)\b"
)
# A follow-up that leaves out what the conversation says is a few words long.
MAX_ELLIPSIS_WORDS = 7
# "c'est beaucoup ?", "ça fait peu ?", "c'est la majorité du coup ?", "c'est correct comme salaire ?"
WEIGHING = re.compile(
    r"^(?:et |ok |ah |bon |mais |donc |du coup )?(?:c est|c|cest|ca fait|ca reste|c est quand meme)"
    r" (?:beaucoup|peu|bien|pas mal|correct|normal|eleve|bas|faible|haut|enorme|la majorite|la plupart|assez|trop)"
    r"(?: (?:du coup|alors|non|quand meme|ca|en fait|comme salaire|comme chiffre))?$"
)
# What negates nothing in a question: "ou pas", "ou jamais", "n'est-ce pas", "je sais pas si",
# "pas mal" (a lot), "pas seulement" (as well).
_NOT_NEGATING = re.compile(
    r"\b(?:ou (?:pas|jamais|non)(?: du tout)?|n est ce pas|(?:ne )?(?:sais|sait|savais) pas|pas mal"
    r"|pas (?:seulement|que|uniquement))\b"
)
# Asking whether something is required: "faut-il un master ?", "c'est obligatoire ?".
NECESSITY = re.compile(
    r"\b(?:faut|faudrait|faudra|obligatoire|obligatoirement|oblige|obligee|exige|exigee|exiges|exigees|necessaire"
    r"|indispensable|imperatif|requis|requise|doit on|doit avoir|doit etre|dois avoir)\b"
)
# "plus de femmes que d'hommes", "moins d'offres que de demandeurs": what is compared, each side.
COMPARING = re.compile(r"\b(plus|moins) (?:de |d')(.+?) qu(?:e |')(?:de |d')?(.+)$")
# "ça dépasse 2 000 € par mois ?", "plus de la moitié en CDI ?", "moins de 1 500 balles ?": a
# figure the question weighs one of the sheet's against; not an age ("plus de 50 ans").
THRESHOLD = re.compile(
    r"\b(?:(?P<more>plus de|plus que|au dessus de|depasse|depasser|depassent|superieur a|superieure a|atteindre"
    r"|atteint)|(?P<less>moins de|moins que|en dessous de|au dessous de|sous les|inferieur a|inferieure a)) "
    r"(?:(?:les |la barre des )?(?P<number>\d{1,3}(?: \d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d.,])"
    r" ?(?P<thousands>k|mille)?(?: ?(?P<unit>%|pour cent|€|euros?|e|balles|brut|net))?"
    r"|(?P<share>la moitie|un tiers|un quart|les trois quarts|la majorite))(?! ?ans?\b)"
)
MOST = re.compile(r"\b(?:la plupart|la majorite|majoritairement|en majorite|majoritaires?)\b")
SHARES = {"la moitie": 50.0, "un tiers": 100 / 3, "un quart": 25.0, "les trois quarts": 75.0, "la majorite": 50.0}
YEARLY = re.compile(r"\b(?:par an|l an|annuel|annuels|a l annee|sur un an|sur l annee)\b")
MONTHLY = re.compile(r"\b(?:par mois|mensuel|mensuels|le mois|au mois)\b")
LEADING_PUNCTUATION = " ,;:-–—"
# Below it, the intent classifier's reading of a short message naming a detail gives way.
SURE_INTENT = 0.5
# Short enough to be read as a question on the detail it names ("opérateur back-office, faut
# bosser le week-end ?").
SHORT_QUESTION_WORDS = 10
# "c'est tout ?", "c tout", "y a rien d'autre ?", "quoi d'autre ?", "autre chose ?": the whole of the
# last topic, of which the last answer may have given a detail.
ASKS_FOR_MORE = re.compile(
    r"^(?:et |ok |ah |bon |mais )?(?:c est tout|c tout|cest tout|c est tout ce qu il y a|rien d autre|y a rien d autre"
    r"|ya rien d autre|il y a rien d autre|quoi d autre|autre chose|c est tout ce que dit la fiche|y a que ca|ya que ca"
    r"|il n y a que ca)(?: (?!merci)[a-z]+)?$"
)
# spaCy's parts of speech of a verb ("a" in "y a", "faut", "recrute").
VERBS = frozenset({"VERB", "AUX"})
# Words that open a sentence and say nothing of how it asks ("bref", "du coup", "en fait").
# Words that take the last answer in before a follow-up ("ok et par an ?", "merci, et l'autre ?").
ACKNOWLEDGEMENTS = frozenset({"ok", "okay", "oki", "d", "accord", "daccord", "merci", "top", "super", "parfait", "cool",
                              "nickel", "ah", "ha", "bon", "bien", "genial"})
SENTENCE_OPENERS = frozenset({"bref", "enfin", "donc", "bon", "ok", "sinon", "voila", "alors", "mais", "ben", "bah"})
# A comparison without its article ("moins de postes"), unlike a superlative ("le moins de postes").
BARE_COMPARATIVE = re.compile(r"(?:plus|moins) d(?:e )?")
# The endings that offer the yes and the no ("… ou pas ?", "… oui ou non ?").
_EITHER_TAILS = (["ou", "pas", "du", "tout"], ["ou", "pas", "trop"], ["oui", "ou", "non"], ["ou", "pas"], ["ou", "non"],
                 ["ou", "jamais"])


# A last alternative that is the question's "no" in words of its own: "… ou c'est que des
# jeunes ?", "… ou c'est pas lui ?", "… ou il reste toujours derrière son ordinateur ?".
_CONTRARY_OPENERS = frozenset({"c", "ce", "ca", "il", "elle", "on", "ils", "elles", "y", "ya", "tout", "faut",
                               "plutot"})
_OR = re.compile(r"\bou\b", re.IGNORECASE)
_CONTRARY = re.compile(
    r"\b(?:pas|jamais|toujours|seulement|uniquement|rien|aucun|aucune|personne|toute sa vie|meme poste|plutot"
    r"|surtout|tout le temps|tt le temps)\b"
    r"|\b(?:c est|y a|ya|n y a|il y a) que\b"
)


def _either_tail(words: Sequence[str]) -> int:
    """How many of the last ``words`` offer the yes and the no ("… ou pas du tout", "… ou c'est
    que des jeunes"), if any."""
    fixed = next((len(tail) for tail in _EITHER_TAILS if len(words) > len(tail) and list(words[-len(tail):]) == tail),
                 0)
    if fixed:
        return fixed
    last_or = max((index for index, word in enumerate(words) if word == "ou" and index > 1), default=0)
    return len(words) - last_or if last_or and _says_the_no(words[last_or + 1:]) else 0


def contrary_alternative(text: str) -> Optional[int]:
    """Where the last alternative of a closed question starts when it is the question's "no" in
    words of its own ("… ou c'est que des jeunes ?"): what it names is not asked."""
    found = list(_OR.finditer(text))
    if not found or len(_plain(text[:found[-1].start()]).split()) < 2:
        return None
    return found[-1].start() if _says_the_no(_plain(text[found[-1].end():]).split()) else None


def _says_the_no(alternative: Sequence[str]) -> bool:
    """Whether the words of an alternative after "ou" say the question's "no" ("c est que des jeunes")."""
    return bool(alternative) and alternative[0] in _CONTRARY_OPENERS and bool(_CONTRARY.search(" ".join(alternative)))


def is_yes_no(text: str, has_verb: bool = True) -> bool:
    """A closed question, affirmative and with no alternative ("x ou y ?"): one that starts as
    closed questions do, or ends with "?" with a verb or a predicate ("anglais obligatoire ?");
    "le salaire médian ?" or "et l'anglais ?" ask for a fact, not for a yes or a no."""
    plain = strip_accents(text).lower().strip()
    words = _WORD.findall(plain.replace("'", " ").replace("’", " ").replace("-", " "))
    either = _either_tail(words)
    if either:
        # "on voit des clients ou pas (du tout) ?" is closed, and not negative.
        words = words[:-either]
        plain = " ".join(words)
    while len(words) > 2 and (words[0] in SENTENCE_OPENERS or words[:2] == ["du", "coup"]):
        # "bref est-ce que c'est stressant", "du coup ça recrute ?".
        words = words[2:] if words[0] == "du" else words[1:]
    flat = f"{' '.join(words)} "
    if not words or words[0] in OPEN_OPENINGS or _has_a_question_word(words) or NEGATIONS.search(plain):
        return False
    if either or any(flat.startswith(f"{opening} ") for opening in _OPENINGS) or INVERSION.search(plain):
        return True
    return plain.endswith("?") and (has_verb or bool(set(words) & PREDICATES))


def _plain(text: str) -> str:
    """The words of ``text``, accent-free and lower-case, one space apart ("y a-t-il" → "y a t il")."""
    return " ".join(_WORD.findall(strip_accents(text).lower().replace("'", " ").replace("-", " ")))


def job_mentions(store: KnowledgeStore, text: str) -> List[Mention]:
    """The job names of ``text``, and the names that make another job of one ("gestionnaire RH")."""
    return store.find_mentions(text, kinds=(JOB,))


def asks_openly(text: str) -> bool:
    """An open question ("et ensuite elle pourrait évoluer vers quoi ?"), with a question word."""
    words = _WORD.findall(strip_accents(text).lower().replace("'", " ").replace("’", " ").replace("-", " "))
    first = next((word for word in words if word not in ("et", "mais", "alors")), "")
    return first in OPEN_OPENINGS or _has_a_question_word(words)


def _has_a_question_word(words: Sequence[str]) -> bool:
    return bool(set(words) & QUESTION_WORDS) or bool(ASKING_QUI.search(" ".join(words)))


def asks_existence(text: str, has_verb: bool = True) -> bool:
    """A closed question on whether there are any ("y a-t-il des plus de 50 ans ?")."""
    plain = _plain(text)
    return is_yes_no(text, has_verb) and bool(EXISTENCE.search(plain))


def names_only_a_job(store: KnowledgeStore, text: str, jobs: Sequence[Mention]) -> bool:
    """A message that names a job, or the other one, and asks nothing else ("et pour le
    gestionnaire ?", "et chez l'opérateur alors ?", "et pour l'autre métier ?"): it asks the last
    question again, for that job. "l'autre métier" is then no topic word ("autres métiers")."""
    spans = [(mention.start, mention.end) for mention in jobs if mention.kind == JOB] + store.the_other_job_spans(text)
    if not spans:
        return False
    before = " ".join(_WORD.findall(strip_accents(text[:min(spans)[0]]).lower().replace("'", " ")))
    if any(f"{before} ".startswith(f"{opening} ") for opening in WHAT_IS_OPENINGS):
        return False
    rest = list(text)
    for start, end in spans:
        rest[start:end] = " " * (end - start)
    words = _WORD.findall(strip_accents("".join(rest)).lower())
    # "et pr gestionnaire bo ?": the name's complement, when the name found is its first word.
    return all(word in FILLERS or store.keeps_the_job(word) for word in words)


# A sentence that gives examples of what the last one asks ("Comme acheter ou vendre ?").
_EXAMPLES = re.compile(r"^(?:comme|genre|style|par exemple|notamment|c est a dire|type)\b")
# "où" without its accent ("un métier ou on est sous pression"): no alternative.
_WHERE = re.compile(r"\b(metier|boulot|poste|job|travail|endroit|secteur|service|entreprise|moment|banque) ou "
                    r"(?=(?:on|il|elle|ils|elles|tu|vous|je|j|l|c|y)\b)")


def offers_a_choice(text: str) -> bool:
    """A question between alternatives ("on bosse en équipe ou tout seul ?"), not "… ou pas ?",
    nor examples given after it ("… les titres ? Comme acheter ou vendre ?"), nor "où"."""
    for sentence in re.split(r"[?.!]", text.replace("où", "là").replace("Où", "Là")):
        words = _WHERE.sub(r"\1 la ", _plain(sentence)).split()
        if not _EXAMPLES.match(" ".join(words)) and "ou" in words[1:len(words) - _either_tail(words)]:
            return True
    return False


def asks_necessity(text: str) -> bool:
    """A question on whether something is required ("faut-il un master ?"), not whether it helps
    ("un master, c'est un plus ?")."""
    return bool(NECESSITY.search(_plain(text)))


def is_negated(text: str) -> bool:
    """A question with a part in the negative ("on bouge beaucoup, genre on est pas souvent assis
    ?"): its closed part alone may be affirmative, a "oui" to the whole would still be ambiguous;
    not its last alternative, when it is the "no" ("… ou c'est pas lui ?")."""
    words = _plain(text).split()
    words = words[:len(words) - _either_tail(words)]
    return bool(NEGATIONS.search(_NOT_NEGATING.sub(" ", " ".join(words))))


def is_ellipsis(text: str) -> bool:
    """A short follow-up that starts with "et" ("et par an ?", "et pour l'autre ?")."""
    return goes_on(text) and len(_WORD.findall(strip_accents(text).lower())) <= MAX_ELLIPSIS_WORDS


def goes_on(text: str) -> bool:
    """A question that opens with "et", after a word that takes the last answer in ("ok et côté
    info ?"): it goes on from the last one, whatever its length."""
    words = _WORD.findall(strip_accents(text).lower())
    while len(words) > 1 and words[0] in ACKNOWLEDGEMENTS:
        words = words[1:]
    return bool(words) and words[0] == "et"


def weighs_the_last_answer(text: str) -> bool:
    """A follow-up that asks what to make of the last answer ("c'est beaucoup ?", "c'est la
    majorité ?"): the sheets weigh nothing, the bot gives the last answer again."""
    plain = _plain(text)
    return bool(WEIGHING.match(plain))


def asks_for_more(text: str) -> bool:
    """A follow-up that asks for the rest of the last answer ("c'est tout ?", "quoi d'autre ?")."""
    plain = _plain(text)
    return bool(ASKS_FOR_MORE.match(plain))


def names_a_detail_briefly(message: Message) -> bool:
    """A short message that names a detail of the catalogue ("tout seul ?", "et au siège ?"),
    which the intent classifier, unsure, did not read as a question: a question on that detail,
    that the actions read against the conversation. Not one it is sure is out of scope ("quel
    temps fait-il à Paris ?")."""
    unsure = ((message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY) or 0.0) < SURE_INTENT
    words = _WORD.findall(strip_accents(message.get(TEXT) or "").lower())
    return unsure and 0 < len(words) <= SHORT_QUESTION_WORDS and bool(message.get(PARSE_MENTIONED_DETAILS))


def compared_figures(store: KnowledgeStore, text: str, jobs: Sequence[Mention]) -> Dict[str, Any]:
    """The two details of one topic a question compares, each the only one named on its side of
    "que" (job names aside), and whether it asks if the first is the larger; {} if none."""
    masked = list(text)
    for mention in jobs:
        masked[mention.start:mention.end] = " " * (mention.end - mention.start)
    found = COMPARING.search(strip_accents("".join(masked)).lower().replace("’", "'"))
    if not found:
        return {}
    sides = [store.details.mentioned(found.group(2)), store.details.mentioned(found.group(3))]
    if any(len(side) != 1 for side in sides) or sides[0] == sides[1] or \
            store.details.topic(sides[0][0]) != store.details.topic(sides[1][0]):
        return {}
    return {"details": [sides[0][0], sides[1][0]], "more": found.group(1) == "plus"}


def threshold(text: str) -> Dict[str, Any]:
    """A figure a closed question weighs the sheet's against, and how: {"more": whether it asks
    if the sheet's is larger, "value", "measure": "percent", "euros" or "" (unsaid), "period":
    "month", "year" or ""}; {} if none ("ça peut dépasser 40 000 par an ?")."""
    plain = strip_accents(text).lower().replace("'", " ").replace("’", " ").replace("-", " ")
    plain = re.sub(r"[^\w%€+ .,]", " ", plain)
    plain = re.sub(r"\s+", " ", plain)
    found = THRESHOLD.search(plain)
    if not found:
        # "la plupart ont entre 25 et 49 ans ?": more than half.
        return {"more": True, "value": 50.0, "measure": "percent", "period": ""} if MOST.search(plain) else {}
    if found.group("share"):
        value, measure = SHARES[found.group("share")], "percent"
    else:
        value = float(found.group("number").replace(" ", "").replace(",", "."))
        if found.group("thousands"):
            value *= 1000
        unit = found.group("unit") or ""
        measure = "percent" if unit in ("%", "pour cent") else "euros" if unit and unit not in ("brut", "net") else ""
        if unit in ("brut", "net") or found.group("thousands"):
            measure = "euros"
    period = "year" if YEARLY.search(plain) else "month" if MONTHLY.search(plain) else ""
    return {"more": bool(found.group("more")), "value": value, "measure": measure, "period": period}


# What may come before the job a follow-up starts with: "et pour l'", "et chez les", "et côté".
_LEADING_ET = re.compile(r"^\W*et\s+(?:pour|chez|cote|côté|niveau)?\s*(?:l['’]|les?\s+|la\s+|un\s+|une\s+)?\s*$",
                         re.IGNORECASE)


def after_a_leading_job(store: KnowledgeStore, text: str, jobs: Sequence[Mention]) -> str:
    """What a message asks after the job it starts with ("opératrice back office, y a des CDI"
    → "y a des CDI"; "et pour l'opérateur, y a des primes" → "y a des primes"), or the message;
    ``jobs``: its job names (``job_mentions``)."""
    jobs = [mention for mention in jobs if mention.kind == JOB]
    if not jobs or _LEADING_ET.sub("", text[:jobs[0].start]).strip(LEADING_PUNCTUATION):
        return text
    rest = text[jobs[0].end:].lstrip(LEADING_PUNCTUATION).split(" ")
    while rest and store.keeps_the_job(rest[0]):
        # "opératrice backoffice": the one-word name's complement.
        rest = rest[1:]
    return " ".join(rest).lstrip(LEADING_PUNCTUATION)


def read_form(store: KnowledgeStore, text: str, has_verb: bool = True) -> Dict[str, Any]:
    """The parse data this component adds for ``text``."""
    # The asker's story says nothing compared ("je ne peux plus porter de charges").
    # The sentences that ask, then the question in them without the story's clauses (as
    # ``question_focus``, its sentences found once).
    first, last = question_sentences(text)
    start, end = question_clauses(text, (first, last))
    question = text[start:end]
    # Found once, for each reading that sets job names aside.
    jobs = job_mentions(store, text)
    # In the sentences that ask, story clauses and all ("si je veux maximiser ma paie, je choisis
    # quel métier ?"); not in the story before them ("je ne peux plus porter de charges").
    ranking = store.find_ranking(text[first:last])
    if ranking and sum(mention.kind == JOB for mention in jobs) == 1 and not store.asks_which(text[first:last]):
        # "ma tutrice est opératrice back office (…). c cb le salaire max ?": of that job.
        ranking = None
    if ranking and not any(mention.kind == JOB for mention in jobs) and is_yes_no(question, has_verb) \
            and BARE_COMPARATIVE.match(_plain(text[ranking.start:ranking.end])) \
            and not (store.asks_which(text) or store.points_back(text)):
        # "ça veut dire moins de postes ?" after the trends of a job: a closed question on it,
        # not the job with the fewest posts.
        ranking = None
    asked = after_a_leading_job(store, text, jobs)
    return {
        PARSE_YES_NO: is_yes_no(question, has_verb) or is_yes_no(asked, has_verb),
        # "… je me demande si on prend encore des gens de mon âge. Y en a des plus de 50 ans ?"
        PARSE_ASKS_EXISTENCE: any(asks_existence(sentence, has_verb) for sentence in (
            asked, *(question[first:last] for first, last in sentences(question)))),
        PARSE_ASKS_OPENLY: asks_openly(question),
        PARSE_ELLIPSIS: is_ellipsis(text),
        PARSE_GOES_ON: goes_on(text),
        PARSE_ASKS_FOR_MORE: asks_for_more(text),
        PARSE_WEIGHS_THE_LAST_ANSWER: weighs_the_last_answer(text),
        PARSE_COMPARED_FIGURES: compared_figures(store, text, jobs),
        PARSE_THRESHOLD: threshold(question),
        PARSE_ONLY_A_JOB: names_only_a_job(store, text, jobs),
        PARSE_NEGATED: is_negated(question),
        PARSE_ASKS_NECESSITY: asks_necessity(question),
        PARSE_OFFERS_A_CHOICE: offers_a_choice(question),
        PARSE_RANKING: ranking.id if ranking else "",
        PARSE_POINTS_BACK: store.points_back(text),
        PARSE_THE_OTHER_JOB: store.points_at_the_other_job(text),
    }


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class QuestionForm(StoreComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            doc = message.get(SPACY_DOCS[TEXT])
            has_verb = doc is None or any(token.pos_ in VERBS for token in doc)
            form = read_form(self._store, message.get(TEXT) or "", has_verb)
            for key, value in form.items():
                message.set(key, value, add_to_output=True)
            if form[PARSE_ONLY_A_JOB]:
                # "et pr opérateur ?", "l'opératrice": the last question for that job, whatever
                # the intent classifier made of so few words.
                override_intent(message, INTENT_INFORM)
            elif form[PARSE_ASKS_FOR_MORE] or form[PARSE_WEIGHS_THE_LAST_ANSWER] or names_a_detail_briefly(message):
                override_intent(message, INTENT_ASK)
        return messages
