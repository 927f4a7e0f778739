"""Every French sentence the actions send about job sheets.

Each answer is one message: a heading naming the job and the topic, the facts,
then the source on its own line. Facts come only from the sheet; a fact the
sheet lacks is said to be missing, never guessed.
"""
from __future__ import annotations

import re
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from actions.french import bullets, euros, number, percent, thousand_euros, typeset
from knowledge.rankings import Measure, Order, Placed, RankedMeasure, Reading
from knowledge.schema import Figure, GlossaryEntry, ItemList, JobSheet, PercentFigure
from knowledge import items
from knowledge.items import SheetItem, topic_items
from knowledge.topics import Topic, sheet_holds

# (heading, the topic with its article: "ne donne aucune information sur <…>")
TOPIC_NAMES: Dict[Topic, tuple] = {
    Topic.DESCRIPTION: ("Présentation", "la présentation du métier"),
    Topic.ACTIVITIES: ("Activités", "les activités du métier"),
    Topic.SECTOR: ("Secteur et employeurs", "le secteur d'activité ou les employeurs"),
    Topic.ROME_CODE: ("Code ROME", "le code ROME"),
    Topic.JOB_TITLES: ("Emplois-types regroupés", "les emplois-types regroupés sous ce métier"),
    Topic.ENVIRONMENT: ("Conditions de travail", "les conditions de travail (environnement, contraintes)"),
    Topic.TRAINING: ("Formation", "la formation"),
    Topic.SKILLS: ("Compétences", "les compétences"),
    Topic.DIGITAL_SKILLS: ("Compétences numériques", "les compétences numériques"),
    Topic.SALARY: ("Salaire", "le salaire"),
    Topic.LABOUR_MARKET: ("Marché de l'emploi", "le marché de l'emploi (CDI, demandeurs, offres, embauches)"),
    Topic.AGE_DISTRIBUTION: ("Répartition par âge", "la répartition par âge"),
    Topic.PROS: ("Avantages", "les avantages du métier"),
    Topic.CONS: ("Inconvénients", "les inconvénients du métier"),
    Topic.MOBILITY: ("Mobilité et évolutions", "la mobilité (métiers vers lesquels évoluer)"),
    Topic.TRENDS: ("Tendances d'évolution", "les tendances d'évolution du métier"),
}

OPEN_ENDED = "(liste non exhaustive)"
NOT_AVAILABLE = "non disponible (la fiche indique « NA »)"
NOT_GIVEN = "non renseigné dans la fiche"
NOTHING_PENDING = typeset("D'accord ! Quelle est votre question ?")
OFFER_DECLINED = typeset("Très bien. Vous pouvez me poser une autre question quand vous voulez.")
RATING_USEFUL_BUTTON = "👍 Utile"
RATING_NOT_USEFUL_BUTTON = "👎 Pas utile"
RATING_THANKS = typeset("Merci pour votre avis ! Avez-vous une autre question ?")
RATING_ASK_WHAT_WAS_MISSING = typeset(
    "Merci de me le dire. Qu'est-ce qui manquait ? Écrivez-le en quelques mots si vous le souhaitez, "
    "ou posez une autre question."
)
NOTHING_TO_RATE = typeset("Merci ! Posez-moi une question sur un métier, et dites-moi si la réponse vous a aidé.")


def _item_list(items: ItemList) -> str:
    text = bullets(items.items)
    return f"{text}\n{OPEN_ENDED}" if items.open_ended else text


def _description(sheet: JobSheet) -> str:
    names = sheet.masculine if not sheet.feminine else f"{sheet.masculine} (au féminin : {sheet.feminine})"
    return f"Intitulé : {names}.\n{sheet.description}"


def _activities(sheet: JobSheet) -> str:
    return _item_list(sheet.activities)


def _sector(sheet: JobSheet) -> str:
    lines = []
    if sheet.sector:
        lines.append(f"Secteur d'activité : {sheet.sector}")
    if sheet.family:
        lines.append(f"Famille de métiers : {sheet.family}")
    if sheet.environment and sheet.environment.employers:
        lines.append(f"Employeurs : {', '.join(sheet.environment.employers).capitalize()}")
    return bullets(lines)


def _rome_code(sheet: JobSheet) -> str:
    return f"Code ROME : {sheet.rome_code}"


def _job_titles(sheet: JobSheet) -> str:
    return f"Emplois-types regroupés sous ce métier :\n{_item_list(sheet.job_titles)}"


def _environment(sheet: JobSheet) -> str:
    parts = []
    if sheet.environment.setting:
        parts.append(bullets(sheet.environment.setting))
    if sheet.environment.pressures:
        parts.append(f"Contraintes citées par la fiche :\n{bullets(sheet.environment.pressures)}")
    return "\n".join(parts)


def _training_paths(sheet: JobSheet) -> List[str]:
    return [f"{path.title} ({path.note})" if path.note else path.title for path in sheet.training.paths]


def _training(sheet: JobSheet) -> str:
    lines = []
    if sheet.training.study_level:
        lines.append(f"Niveau d'étude : {sheet.training.study_level}")
    lines.append("Formations citées :")
    lines.append(bullets(_training_paths(sheet)))
    return "\n".join(lines)


def _skills(sheet: JobSheet) -> str:
    return "\n".join(f"{group.title} :\n{bullets(group.items)}" for group in sheet.skills)


def _digital_skills(sheet: JobSheet) -> str:
    return f"{sheet.digital_skills.title} (document de la fiche) :\n{sheet.digital_skills.url}"


def _salary_lines(sheet: JobSheet) -> List[str]:
    """The salary figures of the sheet's prose (starting pay, annual ranges)."""
    salary = sheet.salary
    lines = []
    if salary.starting_monthly_gross is not None:
        lines.append(f"Salaire débutant : {euros(salary.starting_monthly_gross)} brut mensuel")
    if salary.annual_range:
        annual = salary.annual_range
        lines.append(
            f"En début de carrière : entre {euros(annual.start_min)} et {euros(annual.start_max)} par an"
        )
        if annual.experienced_max is not None:
            lines.append(f"Avec l'expérience : jusqu'à {euros(annual.experienced_max)} par an")
    return lines


def _salary_rows(sheet: JobSheet) -> List[str]:
    """The rows of the sheet's salary table."""
    return [
        f"{row.label} : {euros(row.monthly_gross)} brut mensuel, "
        f"{thousand_euros(row.annual_gross_thousands)} brut annuel"
        for row in sheet.salary.table
    ]


def _salary(sheet: JobSheet) -> str:
    salary = sheet.salary
    lines = _salary_lines(sheet)
    parts = [bullets(lines)] if lines else []
    if salary.table:
        parts.append(f"Tableau des salaires de la fiche :\n{bullets(_salary_rows(sheet))}")
    if salary.annual_range and salary.table:
        parts.append(
            "Ces chiffres viennent de deux passages de la fiche qui ne concordent pas "
            "exactement : chacun est donné avec son propre libellé."
        )
    return "\n".join(parts)


def _figure(figure: Optional[Figure]) -> str:
    if figure is None:
        return NOT_GIVEN
    if figure.value is None:
        return NOT_AVAILABLE
    return _with_origin(number(figure.value), figure)


def _share(figure: Optional[PercentFigure]) -> str:
    return NOT_GIVEN if figure is None else _with_origin(percent(figure.value), figure)


def _with_origin(value: str, figure) -> str:
    return f"{value} (chiffre {figure.origin})" if figure.origin else value


def _labour_market_lines(sheet: JobSheet) -> List[str]:
    market = sheet.labour_market
    return [
        f"Part de CDI : {_share(market.cdi_share)}",
        f"Part d'hommes : {_share(market.men_share)}",
        *([_women_share(market.men_share)] if market.men_share else []),
        f"Demandeurs d'emploi : {_figure(market.job_seekers)}",
        f"Offres d'emploi : {_figure(market.job_offers)}",
        f"Volume d'embauche (emplois par an) : {_figure(market.hiring_volume)}",
    ]


def _labour_market(sheet: JobSheet) -> str:
    return bullets(_labour_market_lines(sheet))


def _women_share(men: PercentFigure) -> str:
    return f"Part de femmes : {percent(100 - men.value)} (déduit de la part d'hommes : 100 − {men.value})"


def _age_lines(sheet: JobSheet) -> List[str]:
    return [f"{band.label} : {percent(band.percent)}" for band in sheet.age_distribution]


def _age_distribution(sheet: JobSheet) -> str:
    text = bullets(_age_lines(sheet))
    total = sum(band.percent for band in sheet.age_distribution)
    if total != 100:
        text += f"\n(Pourcentages arrondis de la fiche : leur total fait {percent(total)}.)"
    return text


def _pros(sheet: JobSheet) -> str:
    return bullets(sheet.pros)


def _cons(sheet: JobSheet) -> str:
    return bullets(sheet.cons)


def _mobility(sheet: JobSheet) -> str:
    return f"Métiers vers lesquels évoluer :\n{_item_list(sheet.mobility)}"


def _trends(sheet: JobSheet) -> str:
    text = bullets(sheet.trends.points)
    if sheet.trends.ongoing_changes:
        text += f"\nÉvolutions en cours :\n{bullets(sheet.trends.ongoing_changes)}"
    return text


RENDERERS: Dict[Topic, Callable[[JobSheet], str]] = {
    Topic.DESCRIPTION: _description,
    Topic.ACTIVITIES: _activities,
    Topic.SECTOR: _sector,
    Topic.ROME_CODE: _rome_code,
    Topic.JOB_TITLES: _job_titles,
    Topic.ENVIRONMENT: _environment,
    Topic.TRAINING: _training,
    Topic.SKILLS: _skills,
    Topic.DIGITAL_SKILLS: _digital_skills,
    Topic.SALARY: _salary,
    Topic.LABOUR_MARKET: _labour_market,
    Topic.AGE_DISTRIBUTION: _age_distribution,
    Topic.PROS: _pros,
    Topic.CONS: _cons,
    Topic.MOBILITY: _mobility,
    Topic.TRENDS: _trends,
}


def _training_path(sheet: JobSheet, title: str) -> str:
    return next(text for path, text in zip(sheet.training.paths, _training_paths(sheet)) if path.title == title)


def _salary_row(sheet: JobSheet, label: str) -> str:
    return next(text for row, text in zip(sheet.salary.table, _salary_rows(sheet)) if row.label == label)


# Each single field of a topic as one fact says it (knowledge/items.py names them).
_FIELD_TEXTS: Dict[str, Callable[[JobSheet], str]] = {
    items.DESCRIPTION: _description,
    items.SECTOR: lambda sheet: f"Secteur d'activité : {sheet.sector}",
    items.FAMILY: lambda sheet: f"Famille de métiers : {sheet.family}",
    items.ROME_CODE: _rome_code,
    items.STUDY_LEVEL: lambda sheet: f"Niveau d'étude : {sheet.training.study_level}",
    items.DIGITAL_SKILLS: _digital_skills,
    items.STARTING_MONTHLY_GROSS: lambda sheet: _salary_lines(sheet)[0],
    items.ANNUAL_RANGE: lambda sheet: next(line for line in _salary_lines(sheet) if line.startswith("En début")),
    items.EXPERIENCED_MAX: lambda sheet: next(line for line in _salary_lines(sheet) if line.startswith("Avec l'exp")),
    items.CDI_SHARE: lambda sheet: f"Part de CDI : {_share(sheet.labour_market.cdi_share)}",
    items.MEN_SHARE: lambda sheet: f"Part d'hommes : {_share(sheet.labour_market.men_share)}",
    items.WOMEN_SHARE: lambda sheet: _women_share(sheet.labour_market.men_share),
    items.JOB_SEEKERS: lambda sheet: f"Demandeurs d'emploi : {_figure(sheet.labour_market.job_seekers)}",
    items.JOB_OFFERS: lambda sheet: f"Offres d'emploi : {_figure(sheet.labour_market.job_offers)}",
    items.HIRING_VOLUME: lambda sheet: f"Volume d'embauche (emplois par an) : {_figure(sheet.labour_market.hiring_volume)}",
}


def item_text(sheet: JobSheet, item: SheetItem) -> str:
    """One fact of a sheet as a reply quotes it: a list item as the sheet prints it, a field or a
    table row with its label ("Salaire brut médian : 1 919 € brut mensuel, 23 k€ brut annuel")."""
    if item.key in _FIELD_TEXTS and item.group is None:
        return _FIELD_TEXTS[item.key](sheet)
    if item.topic is Topic.SALARY and item.group == "table":
        return _salary_row(sheet, item.key)
    if item.topic is Topic.TRAINING and item.group == "paths":
        return _training_path(sheet, item.key)
    if item.topic is Topic.AGE_DISTRIBUTION:
        band = next(band for band in sheet.age_distribution if band.label == item.key)
        return f"{band.label} : {percent(band.percent)}"
    if item.group == "employers":
        return f"Employeur cité : {item.key}"
    return item.key


def topic_item_texts(sheet: JobSheet, topic: Topic) -> List[str]:
    """The facts of ``topic`` one by one, as a precise answer quotes them."""
    return [item_text(sheet, item) for item in topic_items(sheet, topic)]


def _origin_and_address(sheet: JobSheet) -> str:
    """" ; chiffres : <origin> ; <page or site>", each part only when the sheet has it."""
    source = sheet.source
    text = f" ; chiffres : {source.figures_origin}" if source.figures_origin else ""
    if source.page_url:
        text += f" ; {source.page_url}"
    elif source.website:
        text += f" ; site : {source.website}"
    return text


def source_line(sheet: JobSheet) -> str:
    return f"Source : fiche « {sheet.source.title} », {sheet.source.publisher}{_origin_and_address(sheet)}"


def answer(sheet: JobSheet, topic: Topic) -> str:
    """The sheet's facts on ``topic`` (the sheet must hold the topic)."""
    heading = f"{sheet.name} — {TOPIC_NAMES[topic][0]}"
    return typeset(f"{heading}\n{RENDERERS[topic](sheet)}\n{source_line(sheet)}")


def missing(sheet: JobSheet, topic: Topic) -> str:
    return typeset(f"La fiche « {sheet.name} » ne donne aucune information sur {TOPIC_NAMES[topic][1]}.")


def said_elsewhere(sheet: JobSheet, items: Sequence[SheetItem]) -> str:
    """After "no information on" a topic: what the sheet says of it under other topics, each
    item with the part of the sheet it comes from, then the source."""
    quoted = _with_their_parts(sheet, items)
    said = f"cite toutefois {quoted[0]}." if len(quoted) == 1 else f"cite toutefois :\n{bullets(quoted)}"
    return typeset(f"La fiche « {sheet.name} » {said}\n{source_line(sheet)}")


def _with_their_parts(sheet: JobSheet, items: Sequence[SheetItem]) -> List[str]:
    """Each item quoted, with the part of the sheet it comes from."""
    return [f"« {item_text(sheet, item)} » (partie « {TOPIC_NAMES[item.topic][0]} »)" for item in items]


def offer(sheets: Sequence[JobSheet], topic: Topic) -> str:
    if len(sheets) == 1:
        return typeset(f"La fiche « {sheets[0].name} », elle, en parle : voulez-vous sa réponse ?")
    names = ", ".join(f"« {sheet.name} »" for sheet in sheets)
    return typeset(f"Les fiches {names} en parlent : laquelle voulez-vous ?")


def offer_button_title(sheet: JobSheet) -> str:
    return typeset(f"Voir la fiche « {sheet.name} »")


def no_sheet_holds(topic: Topic) -> str:
    return typeset(f"Aucune de mes fiches ne donne d'information sur {TOPIC_NAMES[topic][1]}.")


def unknown_job(jobs: Sequence[JobSheet]) -> str:
    return typeset(
        "Je ne connais pas ce métier : je réponds seulement à partir de mes fiches, "
        "qui portent sur ces métiers du back-office :\n" + bullets(sheet.name for sheet in jobs)
    )


def several_jobs_intro(topic: Topic, jobs: List[JobSheet]) -> str:
    return typeset(
        f"Vous ne précisez pas le métier : voici ce que disent les {len(jobs)} fiches "
        f"sur {TOPIC_NAMES[topic][1]}."
    )


def only_job_intro(sheet: JobSheet, topic: Topic) -> str:
    return typeset(
        f"Seule la fiche « {sheet.name} » donne des informations sur {TOPIC_NAMES[topic][1]} : "
        "voici sa réponse."
    )


def quoted_items(items: Sequence[str], yes: bool) -> str:
    """The facts a question points at, first: "Oui : la fiche cite « … »." for a yes/no
    question they settle, else "La fiche indique : « … »."."""
    quoted = " et ".join(f"« {item} »" for item in items)
    return typeset(f"Oui : la fiche cite {quoted}." if yes else f"La fiche indique : {quoted}.")


OTHER_TOPIC_BUTTON = "Autre chose"


def topic_button_title(topic: Topic) -> str:
    return TOPIC_NAMES[topic][0]


def _of(topic: Topic) -> str:
    """"du salaire", "de la formation", "des compétences", "de l'environnement…"."""
    phrase = re.sub(r" \(.*\)", "", TOPIC_NAMES[topic][1])
    for article, contracted in (("les ", "des "), ("le ", "du "), ("la ", "de la "), ("l'", "de l'")):
        if phrase.startswith(article):
            return contracted + phrase[len(article):]
    return f"de {phrase}"


def clarification(sheet: Optional[JobSheet], candidates: Sequence[Topic]) -> str:
    """"I am not sure what you ask: is it about X or Y?", never a guessed answer."""
    about = f" sur « {sheet.name} »" if sheet else ""
    options = [_of(topic) for topic in candidates]
    choice = options[0] if len(options) == 1 else f"{', '.join(options[:-1])} ou {options[-1]}"
    return typeset(
        f"Je ne suis pas sûr de comprendre ce que vous voulez savoir{about}. "
        f"Voulez-vous parler {choice} ?"
    )


def which_job(name: str, shown: Sequence[JobSheet], total: int) -> str:
    """Several sheets answer to the name the user gave ("opérateur"): which one?"""
    lines = _numbered(shown)
    more = (f"\nCe sont les {len(shown)} premières des {total} fiches qui portent ce nom : pour une autre, "
            f"donnez son nom complet." if total > len(shown) else "")
    return typeset(f"Plusieurs fiches correspondent à « {name} » : laquelle voulez-vous ?\n{lines}{more}")


OTHER_FAMILY = "Autres métiers"
NEXT_PAGE_BUTTON = "Voir les suivants"


def _numbered(jobs: Sequence[JobSheet]) -> str:
    return "\n".join(f"{rank}. {sheet.name}" for rank, sheet in enumerate(jobs, start=1))


def families_intro(total: int) -> str:
    return f"Je connais {number(total)} métiers, chacun d'après sa fiche"


def unknown_job_among(total: int) -> str:
    return (f"Je ne connais pas ce métier : je réponds seulement à partir de mes fiches, "
            f"{number(total)} métiers du back-office")


def families_overview(intro: str, total: int, families: Sequence[Tuple[str, int]]) -> str:
    lines = bullets(family_button_title(family, count) for family, count in families)
    return typeset(
        f"{intro}, en {len(families)} familles :\n{lines}\n"
        "Choisissez une famille, ou cherchez par un mot, par exemple « les métiers de la paie »."
    )


def job_needed(topics: Sequence[Topic], holders: int, total: int) -> str:
    """No job named, and too many sheets hold the topic to answer them all."""
    about = " et ".join(_of(topic) for topic in topics)
    return (f"Vous ne précisez pas le métier, et {number(holders)} de mes fiches parlent {about} : "
            f"nommez le métier, ou choisissez-le parmi mes {number(total)} métiers")


def too_many_to_compare(total: int, first: JobSheet, second: JobSheet) -> str:
    return typeset(f"Je connais {number(total)} métiers : trop pour les comparer tous d'un coup. Nommez ceux à "
                   f"comparer, par exemple « {first.name} et {second.name} ».")


def family_button_title(family: str, count: int) -> str:
    return f"{family} ({number(count)})"


def family_heading(family: str, total: int) -> str:
    return f"Famille « {family} » : {number(total)} métier{'s' if total > 1 else ''}"


def found_heading(words: Sequence[str], total: int) -> str:
    said = " ".join(words)
    return (f"{number(total)} métiers correspondent à « {said} »" if total > 1
            else f"Un métier correspond à « {said} »")


def jobs_page(heading: str, shown: Sequence[JobSheet], more: int, paged: bool) -> str:
    """A heading, the jobs shown numbered, and what is left: a next page, or words to narrow."""
    if more <= 0:
        rest = ""
    elif paged:
        rest = f"\nEt {number(more)} autre{'s' if more > 1 else ''} : « {NEXT_PAGE_BUTTON} »."
    else:
        rest = f"\nEt {number(more)} autre{'s' if more > 1 else ''} : ajoutez un mot pour préciser."
    return typeset(f"{heading} :\n{_numbered(shown)}{rest}\nChoisissez-en un ou posez directement votre question.")


def job_list(jobs: Sequence[JobSheet]) -> str:
    lines = _numbered(jobs)
    return typeset(
        f"Je connais {len(jobs)} métiers, chacun d'après sa fiche :\n{lines}\n"
        "Choisissez-en un (par exemple « le premier ») ou posez directement votre question."
    )


# One line per job and topic in an overview; a topic absent here is given in full.
BRIEF: Dict[Topic, Callable[[JobSheet], str]] = {
    Topic.DESCRIPTION: lambda sheet: sheet.description,
    Topic.TRAINING: lambda sheet: sheet.training.study_level
    or "; ".join(path.title for path in sheet.training.paths),
    Topic.SALARY: lambda sheet: (
        f"{euros(sheet.salary.starting_monthly_gross)} brut mensuel en début de carrière"
        if sheet.salary.starting_monthly_gross is not None
        else _salary(sheet).split("\n")[0]
    ),
    Topic.LABOUR_MARKET: lambda sheet: (
        f"CDI : {_share(sheet.labour_market.cdi_share)} ; demandeurs d'emploi : "
        f"{_figure(sheet.labour_market.job_seekers)} ; offres : {_figure(sheet.labour_market.job_offers)}"
    ),
    Topic.MOBILITY: lambda sheet: ", ".join(sheet.mobility.items),
}


def _nothing_on(topic: Topic) -> str:
    return f"la fiche ne dit rien sur {TOPIC_NAMES[topic][1]}"


def _sources(sheets: Sequence[JobSheet]) -> str:
    return "\n".join(source_line(sheet) for sheet in sheets)


def overview(sheets: Sequence[JobSheet], topics: Sequence[Topic]) -> str:
    """The jobs side by side, one short line per job for each topic."""
    names = " et ".join(f"« {sheet.name} »" for sheet in sheets)
    parts = [f"Comparaison de {names} :"]
    for topic in topics:
        lines = (
            f"{sheet.name} : {BRIEF[topic](sheet) if sheet_holds(sheet, topic) else _nothing_on(topic)}"
            for sheet in sheets
        )
        parts.append(f"{TOPIC_NAMES[topic][0]}\n{bullets(lines)}")
    parts.append(_sources(sheets))
    return typeset("\n".join(parts))


def comparison(sheets: Sequence[JobSheet], topic: Topic,
               elsewhere: Optional[Dict[str, Sequence[SheetItem]]] = None) -> str:
    """Every job's full answer on one topic, one after the other, labelled; for a sheet lacking
    it, what it says of it under other topics (``elsewhere``, by job id), else "nothing on it"."""
    parts = [f"{TOPIC_NAMES[topic][0]} — comparaison"]
    for sheet in sheets:
        cited = (elsewhere or {}).get(sheet.id)
        if sheet_holds(sheet, topic):
            body = RENDERERS[topic](sheet)
        elif cited:
            quoted = _with_their_parts(sheet, cited)
            lack = f"pas de partie « {TOPIC_NAMES[topic][0]} » dans la fiche, qui cite toutefois"
            body = f"{lack} {quoted[0]}." if len(quoted) == 1 else f"{lack} :\n{bullets(quoted)}"
        else:
            body = _nothing_on(topic) + "."
        parts.append(f"{sheet.name} :\n{body}")
    parts.append(_sources(sheets))
    return typeset("\n".join(parts))


def definition(entry: GlossaryEntry) -> str:
    term = entry.term[0].upper() + entry.term[1:]
    return typeset(f"{term} : {entry.definition}\n(Définition du lexique de l'assistant, pas d'une fiche.)")


def unknown_term(glossary: Sequence[GlossaryEntry]) -> str:
    return typeset(
        "Je n'ai pas ce terme dans mon lexique. Je peux expliquer : "
        + ", ".join(entry.term for entry in glossary)
        + "."
    )


def sources(quoted: Sequence[JobSheet], every_sheet: Sequence[JobSheet]) -> str:
    """Where the last answer's facts come from (or, before any answer, all sources)."""
    if quoted:
        intro = "Ma dernière réponse vient de :" if len(quoted) == 1 else "Ma dernière réponse vient de ces fiches :"
        return typeset(f"{intro}\n" + bullets(_source_detail(sheet) for sheet in quoted))
    return typeset(
        "Je n'ai encore cité aucune fiche. Toutes mes réponses viennent de :\n"
        + bullets(_source_detail(sheet) for sheet in every_sheet)
    )


def _source_detail(sheet: JobSheet) -> str:
    return f"la fiche « {sheet.source.title} » (éditeur : {sheet.source.publisher}){_origin_and_address(sheet)}"


COMPARE_BUTTON = "Comparer les métiers"


def help_text(jobs: Sequence[JobSheet], listed_at_once: int) -> str:
    """What the bot does; the jobs named when they are few, counted when they are many."""
    known = (
        "Je réponds à vos questions sur ces métiers, à partir de leurs fiches :\n" + bullets(sheet.name for sheet in jobs)
        if len(jobs) <= listed_at_once else
        f"Je réponds à vos questions sur {number(len(jobs))} métiers du back-office, à partir de leurs "
        "fiches (« quels métiers connais-tu ? » les montre par famille)."
    )
    return typeset(
        known
        + "\nDemandez-moi par exemple leur présentation, leurs activités, la formation, "
        "les compétences, le salaire, le marché de l'emploi, les avantages et inconvénients, "
        "la mobilité ou les tendances du métier. Je compare aussi les métiers et j'explique "
        "les termes des fiches (CDI, code ROME, monétique…). Je cite toujours ma source."
    )


def sample_question(topic: Topic, sheet: JobSheet) -> str:
    return typeset(f"{TOPIC_NAMES[topic][0]} : {sheet.name}")


# (what is ranked, with its article; how one value reads)
MEASURE_NAMES: Dict[Measure, Tuple[str, Callable[[int], str]]] = {
    Measure.STARTING_SALARY: ("le salaire brut mensuel en début de carrière", lambda value: f"{euros(value)} brut par mois"),
    Measure.HIRING_VOLUME: ("le volume d'embauche", lambda value: f"{number(value)} emplois par an"),
    Measure.JOB_OFFERS: ("le nombre d'offres d'emploi", lambda value: f"{number(value)} offres"),
    Measure.JOB_SEEKERS: ("le nombre de demandeurs d'emploi", lambda value: f"{number(value)} demandeurs d'emploi"),
    Measure.CDI_SHARE: ("la part de CDI", lambda value: f"{percent(value)} de CDI"),
    Measure.WOMEN_SHARE: ("la part de femmes", lambda value: f"{percent(value)} de femmes"),
    Measure.MEN_SHARE: ("la part d'hommes", lambda value: f"{percent(value)} d'hommes"),
    Measure.STUDY_LEVEL: ("le niveau d'étude", lambda value: f"Bac+{value}" if value else "Bac"),
}
ORDER_NAMES = {Order.HIGHEST: "du plus élevé au plus bas", Order.LOWEST: "du plus bas au plus élevé"}
# Said of the women's share, which a sheet gives as its men's share.
FROM_MEN_SHARE = "d'après la part d'hommes de la fiche"
# Said of a level of study read from the training paths a sheet lists.
FROM_TRAINING_PATHS = "le plus bas des niveaux de ses formations d'accès"


def _placed_value(measure: Measure, reading: Reading) -> str:
    value = MEASURE_NAMES[measure][1](reading.value)
    notes = [note for note in (reading.origin and f"chiffre {reading.origin}",
                               measure is Measure.WOMEN_SHARE and FROM_MEN_SHARE,
                               reading.from_training_paths and FROM_TRAINING_PATHS) if note]
    return f"{value} ({', '.join(notes)})" if notes else value


def _placed_line(measure: Measure, placed: Placed, tied: bool) -> str:
    return f"{placed.rank}. {placed.sheet.name} : {_placed_value(measure, placed.reading)}{' (ex aequo)' if tied else ''}"


def _named(sheets: Sequence[JobSheet], shown: int) -> str:
    more = len(sheets) - shown
    said = ", ".join(sheet.name for sheet in sheets[:shown])
    return said + (f" et {number(more)} autre{'s' if more > 1 else ''}" if more > 0 else "")


def _lacking(lacking: Sequence[Tuple[JobSheet, Reading]], shown: int) -> List[str]:
    """The sheets without the figure: those that say nothing of it, those that print "NA"."""
    silent = [sheet for sheet, reading in lacking if not reading.not_available]
    unavailable = [sheet for sheet, reading in lacking if reading.not_available]
    lines = []
    if silent:
        lines.append(("Fiches qui ne donnent pas ce chiffre : " if len(silent) > 1 else
                      "Fiche qui ne donne pas ce chiffre : ") + f"{_named(silent, shown)}.")
    if unavailable:
        lines.append(("Fiches où ce chiffre est « NA » (non disponible) : " if len(unavailable) > 1 else
                      "Fiche où ce chiffre est « NA » (non disponible) : ") + f"{_named(unavailable, shown)}.")
    return lines


def ranked_measure(ranked: RankedMeasure, shown: int) -> str:
    """One measure's ranking: the sheets that give the figure, best first (``shown`` of them),
    then every sheet without it named (``shown`` of them, the rest counted)."""
    name = MEASURE_NAMES[ranked.measure][0]
    placed = ranked.placed
    if not placed:
        lines = [f"Aucune de ces fiches ne donne {name}."]
    elif len(placed) == 1:
        lines = [f"Une seule de ces fiches donne {name}, je ne peux donc rien classer :",
                 f"{placed[0].sheet.name} : {_placed_value(ranked.measure, placed[0].reading)}"]
    else:
        values = [entry.reading.value for entry in placed]
        lines = [f"{name[0].upper()}{name[1:]} :"]
        lines += [_placed_line(ranked.measure, entry, values.count(entry.reading.value) > 1) for entry in placed[:shown]]
        more = len(placed) - shown
        if more > 0:
            lines.append(f"Et {number(more)} autre{'s' if more > 1 else ''} plus loin.")
    lines += _lacking(ranked.lacking, shown)
    return "\n".join(lines)


def ranking(scope: str, order: Order, ranked: Sequence[RankedMeasure], quoted: Sequence[JobSheet], shown: int) -> str:
    """Every measure of a ranking over ``scope`` ("les 2 métiers que je connais"), then the
    sources of the sheets quoted."""
    parts = [f"Classement {ORDER_NAMES[order]} parmi {scope}, d'après leurs fiches :"]
    parts += [ranked_measure(measure, shown) for measure in ranked]
    parts.append(_sources(quoted))
    return typeset("\n\n".join(part for part in parts if part))


def every_job_scope(total: int) -> str:
    return f"les {number(total)} métiers que je connais"


def named_jobs_scope(total: int) -> str:
    return f"les {number(total)} métiers cités"


def detail_answer(sheet: JobSheet, quoted: Sequence[str], yes: bool, no: bool = False) -> str:
    """The items of a sheet that answer a detail, quoted first, then the source: "Oui" or "Non"
    first when they answer a closed question that way."""
    decided = yes or no
    if len(quoted) == 1:
        said = f"cite « {quoted[0]} »." if decided else f"indique : « {quoted[0]} »."
        first = f"La fiche « {sheet.name} » {said}"
    else:
        first = f"La fiche « {sheet.name} » {'cite' if decided else 'indique'} :\n{bullets(quoted)}"
    if decided:
        first = f"{'Oui' if yes else 'Non'} : l" + first[1:]
    return typeset(f"{first}\n{source_line(sheet)}")


def comparison_answer(sheet: JobSheet, quoted: Sequence[str], holds: bool) -> str:
    """Figures of a sheet that decide a closed question comparing them, with one another or with
    a figure it gives: "Oui" or "Non" first, the figures, then the source."""
    return typeset(f"{'Oui' if holds else 'Non'} : la fiche « {sheet.name} » indique :\n{bullets(quoted)}\n"
                   f"{source_line(sheet)}")


def detail_missing(sheet: JobSheet, detail_name: str) -> str:
    return typeset(f"La fiche « {sheet.name} » ne dit rien sur {detail_name}.")


def detail_missing_everywhere(detail_name: str) -> str:
    return typeset(f"Mes fiches ne disent rien sur {detail_name}.")


def topic_pointer(sheet: JobSheet, topic: Topic) -> str:
    """After a detail a sheet lacks: what it says of the detail's topic is a button away."""
    return typeset(f"Voulez-vous ce qu'elle dit {_of(topic)} ?")
