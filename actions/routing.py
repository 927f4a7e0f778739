"""The one router: a question read once (``actions/reading.py``) is sent to the reply it needs,
and the conversation remembered once from what that reply did.

Replies are leaves that never call one another: a job the sheets lack or a name several
sheets share (``browsing``), a ranking (``ranking``), a comparison (``comparing``), a detail
(``detail_replies``), a whole topic or a clarification (``answering``), a term (``glossary``),
what the bot can do (``help``).

Context: a question naming no job is about the job in focus ("et ses inconvénients ?"); a
message naming only a job re-asks the last question for it ("et pour le gestionnaire ?"), as
does "et l'autre ?" for the job other than the one in focus.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import (
    answering, browsing, comparing, detail_replies, feedback, figure_comparisons, glossary, help as help_action, outcomes,
    ranking, rendering,
)
from actions.knowledge_base import STORE
from actions.languages import say_language_note
from actions.names import (
    ACTION_ANSWER, ACTION_COMPARE, ACTION_LIST_JOBS, ENTITY_FAMILY, ENTITY_PAGE, INTENT_COMPARE, INTENT_INFORM,
    INTENT_LIST_JOBS,
    PAGE_SIZE, SLOT_ANSWERED_JOBS, SLOT_DETAILS, SLOT_JOB, SLOT_OFFERED_JOBS, SLOT_TOPICS, WHOLE_TOPIC,
)
from actions.reading import Ask, Question, by_id, job_at_rank, read_question, unique
from actions.replies import Reply
from knowledge.items import SheetItem
from knowledge.schema import JobSheet
from knowledge.topics import Topic, sheet_holds


# How likely the conversation's topic must be, relative to the likeliest, for a question going
# on from the last one to stay on it.
CLOSE_BEHIND = 0.5


def route(dispatcher: CollectingDispatcher, question: Question, channel: Optional[str]) -> List[EventType]:
    """The reply to a question on the jobs (``ask``, ``inform``, ``compare``, ``list_jobs``)."""
    if question.only_unknown_jobs:
        named = _an_item_of_the_last_topics(question)
        if named is None:
            return browsing.say_unknown_job(dispatcher, question.unknown_jobs, _topics(_asks(question)))
        # "chargé de clientèle pro, c'est possible ?" after the mobility: that item of the sheet.
        question = replace(question, unknown_jobs=[], asks=[named], said_topics=[], classified=True)
    titled = _a_title_of_the_last_topics(question)
    if titled is not None:
        # "technicien de back office, ça en fait partie ?" after the gestionnaire's job titles.
        sheet, item = titled
        return remember(dispatcher, [Ask(Topic.JOB_TITLES)], sheet, detail_replies.confirm_item(dispatcher, sheet, item),
                        channel)
    if question.choices and not question.jobs:
        return browsing.ask_which_job(dispatcher, question.ambiguous_name, question.choices, _topics(_asks(question)))
    if question.ranking:
        return ranking.rank_jobs(dispatcher, question, channel)
    if question.intent == INTENT_LIST_JOBS:
        return browsing.list_jobs(dispatcher, question.text)
    if question.intent == INTENT_COMPARE and not comparing.asks_about_one_job(question.jobs, question.in_focus) \
            and not _a_detail_of_the_last_topics(question):
        # Not "et le plus haut ?" after the mean salary: a detail of the job in focus.
        return _compare(dispatcher, question, channel)
    return answer(dispatcher, question, channel)


def _compare(dispatcher: CollectingDispatcher, question: Question, channel: Optional[str]) -> List[EventType]:
    compared = comparing.compared_jobs(question.jobs, question.in_focus)
    if len(compared) > PAGE_SIZE:
        # Every job, when there are many, is no comparison anyone could read.
        dispatcher.utter_message(text=rendering.too_many_to_compare(len(compared), *compared[:2]))
        return [outcomes.outcome(outcomes.CLARIFICATION, topics=question.said_topics)]
    asks = [Ask(topic) for topic in question.said_topics]
    reply = comparing.compare(dispatcher, compared, question.said_topics)
    return remember(dispatcher, asks, None, reply, channel)


def answer(dispatcher: CollectingDispatcher, question: Question, channel: Optional[str]) -> List[EventType]:
    """The reply to a question on one job (named, picked from a list, in focus, or "the other
    one"), on several jobs named, or on every sheet when none is."""
    # Ranks only pick from a list ("le deuxième" after the list): "un bac+1" in a question is no
    # choice.
    picking = question.informing or (question.listed and not question.jobs and not question.said_topics)
    ranks = question.ranks if picking else []
    picked = [job_at_rank(question.listed or list(STORE.jobs), rank) for rank in ranks]
    jobs = question.jobs or [job for job in picked if job][:1]
    if ranks and not jobs:
        # "le troisième" when only two jobs were listed: list them again.
        return browsing.list_jobs(dispatcher)
    if ranks:
        # "le deuxième": that job, for the question pending, if any.
        question = replace(question, intent=INTENT_INFORM, asks=[], topic_candidates=[])
    asks = _asks(question)
    if not jobs and question.the_other_job:
        others = _the_other_jobs(question)
        if len(others) > 1:
            return browsing.ask_which_job(dispatcher, question.ambiguous_name, others, _topics(asks))
        jobs = others
    if question.weighs_the_last_answer or not asks and (question.informing or question.the_other_job):
        # "et pour le gestionnaire ?", "et l'autre ?": the last question, for this job; "c'est
        # beaucoup ?": the last answer again.
        asks = question.last_asks
    if question.goes_on and question.jobs:
        asks = _on_the_last_topic(question, asks)
    sheets = jobs or ([question.in_focus] if question.in_focus else [])
    follows_up = question.ellipsis or question.asks_for_more or _a_detail_of_the_last_topics(question)
    if follows_up and not question.jobs and not question.only_a_job:
        asks = _in_the_last_topics(question, asks)
    asks = [_instead_of_a_topic_they_lack(ask, question, sheets) for ask in asks]
    asks = _distinct([_settled(ask, sheets or list(STORE.jobs), question.mentioned_details,
                               closed=question.yes_no if ask.yes_no is None else ask.yes_no) for ask in asks],
                     sheets or list(STORE.jobs))
    asks = _with_what_the_sheets_lack(asks, question, sheets or list(STORE.jobs))
    if len(sheets) > 1 and not asks:
        # "opérateur et gestionnaire ?": the jobs side by side, on their main topics.
        return remember(dispatcher, [], None, comparing.compare(dispatcher, sheets, []), channel)
    if not asks and question.topic_candidates:
        asks = _settled_by_the_details_named(question, sheets or list(STORE.jobs)) or _settled_by_the_last_topic(question)
    if not asks and question.topic_candidates:
        sheet = sheets[0] if sheets else None
        answering.clarify(dispatcher, sheet, question.topic_candidates)
        asked = outcomes.outcome(outcomes.CLARIFICATION, jobs=[sheet] if sheet else [], topics=question.topic_candidates)
        return [asked, SlotSet(SLOT_JOB, sheet.id)] if sheet else [asked]
    if not asks and not sheets:
        if question.terms:
            return glossary.define(dispatcher, question.terms)
        return help_action.show_help(dispatcher)
    if not sheets:
        holders = max(len(STORE.holders(ask.topic)) for ask in asks)
        if holders > PAGE_SIZE:
            return browsing.ask_for_the_job(dispatcher, _topics(asks), holders)
    reply = Reply()
    asks = asks or [Ask(Topic.DESCRIPTION)]
    if len(sheets) > 1:
        for ask in asks:
            reply.add(detail_replies.answer_detail(dispatcher, sheets, ask, _closed(question, ask, sheets)) if ask.detail
                      else comparing.compare(dispatcher, sheets, [ask.topic]))
        return remember(dispatcher, asks, None, reply, channel)
    sheet = sheets[0] if sheets else None
    if sheet and question.yes_no and question.compared_figures:
        compared = figure_comparisons.answer_comparison(dispatcher, sheet, question.compared_figures)
        if compared:
            figures = question.compared_figures
            return remember(dispatcher, [Ask(STORE.details.topic(figures.first), figures.first)], sheet, compared,
                            channel)
    if sheet and question.yes_no and question.threshold:
        # "au max, ça dépasse les 2 500 brut par mois ?": one question, on the first ask its
        # figures decide.
        for ask in asks:
            weighed = figure_comparisons.answer_threshold(dispatcher, sheet, ask, question.threshold)
            if weighed:
                return remember(dispatcher, [ask], sheet, weighed, channel)
    targets = [sheet] if sheet else list(STORE.jobs)
    for ask in asks:
        if ask.detail:
            reply.add(detail_replies.answer_detail(dispatcher, targets, ask, _closed(question, ask, targets),
                                                   offer_others=len(asks) == 1))
        else:
            reply.add(answering.answer_topic(dispatcher, sheet, ask.topic, channel))
    return remember(dispatcher, asks, sheet, reply, channel)


def _closed(question: Question, ask: Ask, sheets: Sequence[JobSheet]) -> detail_replies.Closed:
    """Whether "oui" or "non" may answer the ask: "non" where a closed question names a detail of
    its topic that the sheets answer "non" to ("on bouge beaucoup ?": « Travail sédentaire »);
    "oui" where a closed question names the detail in its words,
    and no other detail of its topic that the sheets do not affirm ("va-t-il disparaître avec l'automatisation ?" names the automation
    the sheet affirms, and its disappearance, which it does not); and whether it asks
    if there are any ("y a-t-il des CDI ?"). A question asked again ("et pour le gestionnaire ?")
    keeps the form of the last one. Another detail named that an item the answer quotes answers
    too decides nothing more ("augmente-t-il avec l'expérience ?": the salary with experience is in
    the progression quoted; "un bac+2 en comptabilité, ça suffit ?": the field is in « Bac+2 en
    gestion, comptabilité ou finance »). A figure or a code the question quotes must be the sheet's:
    "le code ROME c'est C1303 ?" gets no "oui"."""
    if question.weighs_the_last_answer:
        # "c'est beaucoup ?": no sheet weighs its figures.
        return detail_replies.Closed(False)
    asked_again = ask in question.last_asks and ask not in question.asks
    named = question.last_mentioned_details if asked_again else question.mentioned_details
    if asked_again:
        # "et pour le gestionnaire, on attend quoi ?" after "faut être bon en info ?": asked openly.
        closed = question.last_yes_no and not question.asks_openly
        existence = question.last_asks_existence
    else:
        # A question of one ask closed on its own part ("c stable comme boulot ?"), whichever
        # detail the conversation then settles.
        alone = question.asks[0].yes_no if len(question.asks) == 1 else None
        closed = ask.yes_no if ask.yes_no is not None else alone if alone is not None else question.yes_no
        existence = question.asks_existence
        # "et chef d'équipe ?" after "chargé de clientèle pro, c'est possible ?": asked the same way.
        closed = closed or (question.ellipsis and question.last_yes_no and not question.asks_openly)
    if closed and not (question.negated or question.offers_a_choice) and any(
            STORE.details.topic(detail) == ask.topic and _denied(detail, sheets)
            and (detail == ask.detail or _quoted_in_part(detail, ask.detail, sheets)) for detail in named):
        # "c'est tranquille niveau stress ?": « Pression et stress liés aux délais », which the
        # stress quoted holds, says "non" (not to "en équipe ou tout seul ?", a choice).
        return detail_replies.Closed(denied=True)
    # The detail named in the question's own words: a classifier sure of its reading still reads
    # "les effectifs augmentent-ils ?" as the decline the sheet affirms.
    sure = ask.detail in named
    yes_no = closed and sure and not question.negated and not any(
        other != ask.detail and STORE.details.topic(other) == ask.topic and not _affirmed(other, sheets)
        and not _quoted_in_part(other, ask.detail, sheets) for other in named
    ) and _values(question.text) <= _values(" ".join(
        rendering.item_text(sheet, item)
        for sheet in sheets for item in STORE.details.reading(sheet, ask.detail).items))
    return detail_replies.Closed(yes_no, existence=yes_no and existence, necessity=question.asks_necessity)


# A figure of three digits or more ("40 000", "2000") or a code ROME ("C1302"): the asker's age,
# years of experience ("j'ai 52 ans") or year of study ("en L2") are not what they ask to be
# confirmed, nor a year of their story ("une RQTH depuis 2019").
_VALUE = re.compile(r"\b[a-z]?\d{1,3}(?:[ \u00a0\u202f]?\d{3})+\b|\b[a-z]?\d{3,}\b", re.IGNORECASE)
_A_YEAR = re.compile(r"\b(?:depuis|en|de|dès|des|année|annee|jusqu'en|avant|après|apres)\s+(?:19|20)\d\d\b", re.IGNORECASE)


def _values(text: str) -> set:
    return {re.sub(r"\s", "", value).lower() for value in _VALUE.findall(_A_YEAR.sub(" ", text or ""))}


def _distinct(asks: Sequence[Ask], sheets: Sequence[JobSheet]) -> List[Ask]:
    """The asks, each once, and a detail once its answer is given: in "bts ou dut, lequel choisir
    ?", the BTS and the field of study are both answered by « Bac+2 BTS Banque / DUT GEA »; and
    not a whole topic beside a detail of it ("le 13e mois, c'est combien ?" asks the 13th month)."""
    kept: List[Ask] = []
    given = set()
    detailed = {ask.topic for ask in asks if ask.detail}
    for ask in unique([ask for ask in asks if ask.detail or ask.topic not in detailed],
                      key=lambda ask: (ask.topic, ask.detail)):
        quoted = {(sheet.id, item) for sheet in sheets if ask.detail
                  for item in STORE.details.reading(sheet, ask.detail).items}
        if quoted and quoted <= given:
            continue
        given |= quoted
        kept.append(ask)
    return kept


def _asks(question: Question) -> List[Ask]:
    """What the question asks: what the classifiers read in a typed question; a button's topic
    words; else the topic of a glossary term it names ("la monétique")."""
    if question.only_a_job or (question.ellipsis and question.the_other_job and not question.said_topics
                               and not question.mentioned_details):
        # "et pour le gestionnaire ?", "et l'autre ?": the last question, asked again.
        return []
    if question.classified:
        asks = list(question.asks)
    else:
        asks = [Ask(topic) for topic in question.said_topics]
    if question.informing and question.classified:
        # "et pour le gestionnaire ?" names no topic: only its topic words, or a detail it asks.
        asks = [ask for ask in question.asks if ask.detail] or [Ask(topic) for topic in question.said_topics]
    return asks or [Ask(Topic(term.topic)) for term in question.terms if term.topic]


def _in_the_last_topics(question: Question, asks: List[Ask]) -> List[Ask]:
    """A follow-up that leaves out its topic ("et par an ?", "et l'anglais ?", "et au max ?")
    asks a detail of the last question's topics when it names one, or when that topic's model
    reads one in it; else what it asks ("et les inconvénients ?")."""
    last = unique(ask.topic for ask in question.last_asks)
    if question.asks_for_more and last:
        # "c'est tout ?" after a detail: the whole topic.
        return [Ask(topic) for topic in last]
    new = [topic for topic in question.said_topics if topic not in last]
    read = [(topic, question.detail_readings[topic]) for topic in last if topic in question.detail_readings]
    focus = question.in_focus
    if new and focus and read and not any(sheet_holds(focus, topic) for topic in new) \
            and STORE.details.reading(focus, read[0][1]).answered:
        # "et pour évoluer ?" after the training of a sheet without mobility: the training that
        # helps to progress, which it cites, rather than the mobility it lacks.
        return [Ask(*read[0])]
    named_in_last = [detail for detail in question.mentioned_details if STORE.details.topic(detail) in last]
    if new:
        # "et la formation ?", "et le salaire de départ ?" name their topic: the whole topic, or a
        # detail of it they name in its words; but a detail of the topic in focus comes first:
        # "et à l'embauche ?" after the salary asks the starting salary, not the hiring.
        named = [detail for detail in question.mentioned_details if STORE.details.topic(detail) in new]
        # Not one the sheet lacks, for a topic it has: "et on commence avec quel diplôme ?" after
        # the mobility asks the training, not the diplomas that help to progress.
        if named_in_last and (focus is None or STORE.details.reading(focus, named_in_last[0]).answered
                              or not any(sheet_holds(focus, topic) for topic in new)):
            return [Ask(STORE.details.topic(named_in_last[0]), named_in_last[0])]
        return [Ask(STORE.details.topic(detail), detail) for detail in named[:1]] or [Ask(topic) for topic in new]
    if named_in_last and focus and not STORE.details.reading(focus, named_in_last[0]).answered:
        # "il a quand même des possibilités d'évolution ?" after the mobility the opérateur's
        # sheet lacks: the pro it cites in the same words, rather than "nothing on it" (not
        # another detail of that topic: "elle dure combien de temps, cette alternance ?").
        cited = [detail for detail in question.mentioned_details if STORE.details.topic(detail) not in last
                 and STORE.details.reading(focus, detail).answered]
        named_in_last = cited[:1] or named_in_last
    if named_in_last:
        return [Ask(STORE.details.topic(named_in_last[0]), named_in_last[0])]
    if any(ask.topic in last for ask in asks):
        return asks
    return [Ask(*read[0])] if read else asks


def _an_item_of_the_last_topics(question: Question) -> Optional[Ask]:
    """The detail of the last question's topics whose one item the sheet in focus words as a job
    the question names and the bot has no sheet for ("chargé de clientèle pro" after the
    mobility: « Chargé de clientèle professionnels »), each word of the name beginning one of the
    item's; or that the question names in its words and the sheet answers."""
    focus = question.in_focus
    if focus is None:
        return None
    for topic in unique(ask.topic for ask in question.last_asks):
        for name in question.unknown_jobs:
            detail = STORE.details.citing(focus, topic, name)
            if detail:
                return Ask(topic, detail)
        # Or in words of a detail of that topic the sheet answers ("devenir conseiller clientèle
        # c'est possible ?": « Chargé de clientèle particuliers »).
        named = [detail for detail in question.mentioned_details if STORE.details.topic(detail) == topic
                 and STORE.details.reading(focus, detail).answered]
        if named:
            return Ask(topic, named[0])
    return None


def _a_title_of_the_last_topics(question: Question) -> Optional[Tuple[JobSheet, SheetItem]]:
    """The job title of the sheet in focus that a closed question names, right after that sheet's
    job titles ("chargé de recouvrement, ça en fait partie ?": « Chargé de recouvrement ou de
    précontentieux »), the name being one the bot reads as that very job."""
    focus = question.in_focus
    if focus is None or not question.yes_no or [sheet.id for sheet in question.jobs] != [focus.id] \
            or Topic.JOB_TITLES not in {ask.topic for ask in question.last_asks}:
        return None
    for name in question.typed_job_names:
        item = STORE.details.item_worded_as(focus, Topic.JOB_TITLES, name)
        if item is not None:
            return focus, item
    return None


def _a_detail_of_the_last_topics(question: Question) -> bool:
    """A follow-up without "et" that names a detail of the last question's topics and no job ("au
    bout de quelques années ?" after the salary, "il touche à la bourse ?" after the activities,
    whatever topic "touche" may say)."""
    last = {ask.topic for ask in question.last_asks}
    return bool(question.in_focus) and not question.jobs and any(
        STORE.details.topic(detail) in last for detail in question.mentioned_details)


def _instead_of_a_topic_they_lack(ask: Ask, question: Question, sheets: Sequence[JobSheet]) -> Ask:
    """A whole topic the sheets lack, asked in words that name a detail of another topic standing
    for it, that they answer: that detail ("faut-il être à l'aise en informatique ?", "et l'ordi ?"
    to a sheet without digital skills that cites « Maîtrise des outils informatiques »), rather
    than "nothing on it"; a closed question, also in words that name a detail of that topic ("y a
    des possibilités d'évoluer ?" to a sheet without mobility that cites « Possibilités
    d'évolution de carrière » among its pros)."""
    if not sheets or any(sheet_holds(sheet, ask.topic) for sheet in sheets):
        return ask
    # Not with an open question beside it: "on peut monter en grade ? vers quels postes".
    closed = (question.yes_no if ask.yes_no is None else ask.yes_no) and not question.asks_openly
    if ask.detail and not closed:
        return ask
    # Closed, in words of a detail of that topic too ("possibilités d'évoluer", not only "monter en
    # grade", which the pros say and the mobility may not).
    closed = closed and any(STORE.details.topic(detail) == ask.topic for detail in question.mentioned_details)
    for detail in question.mentioned_details:
        # Not for a detail of the topic that it does not say in its own words ("peut-il évoluer
        # vers chargé de clientèle ?": « Possibilités d'évolution de carrière » says nothing of it).
        if ask.detail and not STORE.details.say_alike(ask.detail, detail):
            continue
        if STORE.details.stands_for(detail, ask.topic, closed) and _answered(detail, sheets):
            return Ask(STORE.details.topic(detail), detail, yes_no=ask.yes_no)
    return ask


def _with_what_the_sheets_lack(asks: Sequence[Ask], question: Question, sheets: Sequence[JobSheet]) -> List[Ask]:
    """One ask of a detail the sheets answer, its question naming another detail of its topic
    that they do not: that one said missing first ("la formation interne, elle dure combien de
    temps ?": nothing on its length, then « Bac+1 avec une formation … interne de la banque »;
    "le salaire net à l'embauche ?": nothing on the net salary, then the gross)."""
    if len(asks) != 1 or not asks[0].detail or not _answered(asks[0].detail, sheets):
        return list(asks)
    ask = asks[0]
    # Not one the catalogue says the detail answered answers too ("un master ?": the levels of study).
    lacking = [detail for detail in question.mentioned_details if detail != ask.detail
               and STORE.details.topic(detail) == ask.topic and not _answered(detail, sheets)
               and ask.detail not in STORE.details.get(detail).instead]
    return [Ask(ask.topic, lacking[0]), ask] if lacking else list(asks)


def _settled(ask: Ask, sheets: Sequence[JobSheet], mentioned: Sequence[str] = (), closed: bool = False) -> Ask:
    """The reading of ``ask`` to answer: its detail if a sheet answers it, else the first detail
    almost as likely that a sheet answers ("quel BTS ?": not "les autres BTS" but "le BTS Banque";
    when the question's words name its detail, one of those the catalogue says answer it too),
    or, when the question's words do not name its detail, of its topic that they name and a sheet
    answers ("travaille seul dans son coin ?": not the autonomy but the work alone, which the
    sheet's teamwork answers); else the detail, said to be missing (never the whole topic in its
    place). A closed question takes the detail of the topic its words name, answered, over
    the whole topic or a detail they do not name ("c bien payé ?", "avec un BTS compta ?"): a
    "oui" may only answer what it says."""
    named = [detail for detail in mentioned if STORE.details.topic(detail) == ask.topic and _answered(detail, sheets)] \
        if ask.detail not in mentioned else []
    if closed and named:
        return replace(ask, detail=named[0], alternatives=())
    if closed and ask.detail in mentioned and _answered(ask.detail, sheets) and not _affirmed(ask.detail, sheets):
        # "peut-elle exercer en dehors de la banque, dans l'assurance par exemple ?": not the list
        # of employers but the insurance the sheet affirms.
        affirmed = [detail for detail in mentioned if detail != ask.detail
                    and STORE.details.topic(detail) == ask.topic and _affirmed(detail, sheets)]
        if affirmed:
            return replace(ask, detail=affirmed[0], alternatives=())
    if ask.detail is None or _answered(ask.detail, sheets):
        return ask
    unanswered = [detail for detail in mentioned if STORE.details.topic(detail) == ask.topic]
    if ask.detail not in mentioned and not named and unanswered:
        # "cb de semaines de congés ?" read as the size of the teams, which no sheet gives either:
        # the leave its words name.
        ask = replace(ask, detail=unanswered[0], alternatives=())
    # A detail the words name is traded only for those whose answer answers it too ("un master
    # ?": the level of study; "les horaires" is not « Soutien à la clientèle »).
    alternatives = STORE.details.get(ask.detail).instead if ask.detail in mentioned else ask.alternatives
    for other in [*alternatives, *named]:
        if other != WHOLE_TOPIC and _answered(other, sheets):
            return replace(ask, detail=other, alternatives=())
    return ask


def _settled_by_the_details_named(question: Question, sheets: Sequence[JobSheet]) -> List[Ask]:
    """A question between topics ("ya du stress ?" between the conditions of work and the
    drawbacks) settled by the details its words name in them, if of one topic only
    ("accessible en contrat de professionnalisation ?" names a detail of the pros, answered, and
    one of the training: no); or, when the sheets answer none, or all with the same items, by
    the first of the likeliest topic ("adapté aux travailleurs handicapés ?": nothing to choose
    between)."""
    named = [detail for detail in question.mentioned_details
             if STORE.details.topic(detail) in question.topic_candidates]
    if len({STORE.details.topic(detail) for detail in named}) == 1:
        return [_settled(Ask(STORE.details.topic(named[0]), named[0]), sheets)]
    likeliest = sorted(named, key=lambda detail: question.topic_candidates.index(STORE.details.topic(detail)))
    if named and not any(_answered(detail, sheets) for detail in named):
        return [Ask(STORE.details.topic(likeliest[0]), likeliest[0])]
    if named and len({_quotes(detail, sheets) for detail in named}) == 1:
        # "ya du stress ?": « Pression et stress liés aux délais », a condition and a drawback.
        return [Ask(STORE.details.topic(likeliest[0]), likeliest[0])]
    return []


def _on_the_last_topic(question: Question, asks: List[Ask]) -> List[Ask]:
    """A question that goes on from the last one with another job ("et l'opérateur, il lui faut
    quel niveau ?" after the gestionnaire's training) stays on the conversation's topic when its
    words make that topic nearly as likely as the one read (the digital skills at 0.40, the
    training at 0.29)."""
    last = unique(ask.topic for ask in question.last_asks)
    if len(asks) > 1 or len(last) != 1 or any(
            ask.topic == last[0] or ask.detail in question.mentioned_details for ask in asks):
        # Not a detail its words name ("et l'opérateur, faut-il être bon en informatique ?").
        return asks
    likeliest = max(question.topic_likelihoods.values(), default=0.0)
    if question.topic_likelihoods.get(last[0], 0.0) >= CLOSE_BEHIND * likeliest > 0:
        return [Ask(last[0])]
    return asks


def _settled_by_the_last_topic(question: Question) -> List[Ask]:
    """A question between topics one of which the conversation was on: that one ("et
    l'opérateur, dans quel cadre exerce-t-il ?" after the gestionnaire's conditions of work,
    between them and the sector)."""
    last = [ask.topic for ask in question.last_asks if ask.topic in question.topic_candidates]
    return [Ask(last[0])] if last else []


def _quotes(detail: str, sheets: Sequence[JobSheet]) -> frozenset:
    """The texts of the items of ``sheets`` that answer ``detail``."""
    return frozenset(rendering.item_text(sheet, item) for sheet in sheets
                     for item in STORE.details.reading(sheet, detail).items)


def _quoted_in_part(detail: str, other: str, sheets: Sequence[JobSheet]) -> bool:
    """Whether each sheet answers ``other`` with an item that also answers ``detail``."""
    return all(set(STORE.details.reading(sheet, other).items) & set(STORE.details.reading(sheet, detail).items)
               for sheet in sheets)


def _answered(detail: str, sheets: Sequence[JobSheet]) -> bool:
    return any(STORE.details.reading(sheet, detail).answered for sheet in sheets)


def _affirmed(detail: str, sheets: Sequence[JobSheet]) -> bool:
    return all(STORE.details.reading(sheet, detail).yes for sheet in sheets)


def _denied(detail: str, sheets: Sequence[JobSheet]) -> bool:
    return bool(sheets) and all(STORE.details.reading(sheet, detail).no for sheet in sheets)


def _the_other_jobs(question: Question) -> List[JobSheet]:
    """The jobs "l'autre" may mean: the sheets other than the one in focus, among those last
    quoted when there were several, else among every sheet."""
    focus = question.in_focus.id if question.in_focus else None
    pool = question.answered if len(question.answered) > 1 else list(STORE.jobs)
    return [sheet for sheet in pool if sheet.id != focus][:PAGE_SIZE]


def _topics(asks: Sequence[Ask]) -> List[Topic]:
    return unique(ask.topic for ask in asks)


def remember(
    dispatcher: CollectingDispatcher, asks: Sequence[Ask], sheet: Optional[JobSheet], reply: Reply,
    channel: Optional[str],
) -> List[EventType]:
    """The conversation after a reply: the job in focus (the one asked, or the only sheet that
    answered), the question's topics and details, the sheets quoted and offered, the outcome;
    the rating buttons when a sheet was quoted."""
    quoted = unique(reply.quoted, key=by_id)
    focus = sheet or (quoted[0] if len(quoted) == 1 else None)
    offered = unique(reply.offered, key=by_id) if len(asks) == 1 else []
    lacking = unique([(lacking, ask.topic, ask.detail) for lacking, ask in reply.lacking],
                     key=lambda missing: (missing[0].id, missing[1], missing[2]))
    events: List[EventType] = [
        SlotSet(SLOT_TOPICS, [topic.value for topic in _topics(asks)] or None),
        SlotSet(SLOT_DETAILS, [ask.detail for ask in asks if ask.detail] or None),
        SlotSet(SLOT_OFFERED_JOBS, [other.id for other in offered] or None),
        outcomes.outcome(
            outcomes.ANSWERED if quoted else outcomes.MISSING_FACT,
            jobs=quoted or ([sheet] if sheet else []), topics=_topics(asks), missing=lacking,
        ),
    ]
    if focus:
        events.append(SlotSet(SLOT_JOB, focus.id))
    if quoted:
        events.append(SlotSet(SLOT_ANSWERED_JOBS, [job.id for job in quoted]))
        feedback.offer_rating(dispatcher, channel)
    return events


class QuestionAction:
    """What the actions that answer a question on the jobs do: read it, then route it. (Not an
    ``Action`` itself, so that rasa-sdk registers only the three below.)"""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        say_language_note(dispatcher, tracker)
        return route(dispatcher, read_question(tracker), tracker.get_latest_input_channel())


class ActionAnswer(QuestionAction, Action):
    """``ask`` (a question on a job) and ``inform`` (naming or picking a job: "et pour le
    gestionnaire ?", "le premier")."""

    def name(self) -> Text:
        return ACTION_ANSWER


class ActionCompare(QuestionAction, Action):
    def name(self) -> Text:
        return ACTION_COMPARE


class ActionListJobs(QuestionAction, Action):
    """"Quels métiers connais-tu ?", or a family's button: a page of its jobs."""

    def name(self) -> Text:
        return ACTION_LIST_JOBS

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        family = next(tracker.get_latest_entity_values(ENTITY_FAMILY), None)
        if isinstance(family, str) and family:
            say_language_note(dispatcher, tracker)
            page = str(next(tracker.get_latest_entity_values(ENTITY_PAGE), "1"))
            return browsing.list_family(dispatcher, family, int(page) if page.isdigit() and len(page) < 4 else 1)
        return await super().run(dispatcher, tracker, domain)


def answer_offered(dispatcher: CollectingDispatcher, question: Question, sheet: JobSheet,
                   channel: Optional[str]) -> List[EventType]:
    """"Oui" to an offer of another sheet: the last question, for that sheet."""
    return answer(dispatcher, replace(question, jobs=[sheet], asks=question.last_asks, said_topics=[], intent="",
                                      classified=True, topic_candidates=[], the_other_job=False), channel)
