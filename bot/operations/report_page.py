"""The report's page: one HTML file that needs nothing else (styles and SVG charts inline, a
content security policy that forbids any request), readable without the charts: each chart
has its figures in a table beside it and a text alternative."""
from __future__ import annotations

import io
import warnings
from collections import Counter
from datetime import date, datetime
from html import escape
from typing import Any, Callable, Dict, List, Sequence

with warnings.catch_warnings():
    # matplotlib 3.5 (within Rasa's range) calls pyparsing functions that pyparsing 3
    # deprecates: a screenful of notices on the operator's terminal, of no use to them.
    warnings.simplefilter("ignore")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

from actions.french import NBSP, number, typeset  # noqa: E402
from bot.tools.charts import COLOUR  # noqa: E402

SECOND_COLOUR = "#d9480f"
# Longest lists shown in the page (the JSON file holds them all).
SHOWN_ROWS = 100


def share(value: float) -> str:
    """``0.125`` → ``12,5 %``."""
    return f"{value * 100:.1f}".replace(".", ",") + f"{NBSP}%"


def seconds(value: float) -> str:
    return f"{value:.2f}".replace(".", ",") + f"{NBSP}s"


def _svg(figure, name: str, description: str) -> str:
    """The figure as inline SVG (text drawn as paths: no font to fetch), its ids made unique to
    the chart so that several charts share one page."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": name, "svg.fonttype": "path"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    pyplot.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(description)}" ', 1)


def _axes(height: float):
    figure, axes = pyplot.subplots(figsize=(7.2, height), dpi=100)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return figure, axes


def _horizontal_bars(name: str, labels: Sequence[str], values: Sequence[float], shown: Callable[[float], str],
                     description: str) -> str:
    figure, axes = _axes(0.45 * len(labels) + 0.8)
    bars = axes.barh(list(labels)[::-1], list(values)[::-1], color=COLOUR)
    axes.bar_label(bars, labels=[shown(value) for value in list(values)[::-1]], padding=4)
    axes.set_xticks([])
    axes.spines["bottom"].set_visible(False)
    axes.set_xlim(0, (max(values) or 1) * 1.25)
    figure.tight_layout()
    return _svg(figure, name, description)


def per_day_chart(days: List[Dict[str, Any]]) -> str:
    figure, axes = _axes(3.2)
    labels = [date.fromisoformat(day["day"]).strftime("%d/%m") for day in days]
    axes.bar(labels, [day["messages"] for day in days], color=COLOUR, label="Messages")
    axes.plot(labels, [day["conversations"] for day in days], color=SECOND_COLOUR, marker="o", label="Conversations")
    axes.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1), ncol=2)
    step = max(1, len(labels) // 10)
    axes.set_xticks(range(0, len(labels), step))
    axes.set_xticklabels(labels[::step])
    axes.yaxis.get_major_locator().set_params(integer=True)
    figure.tight_layout()
    total = sum(day["messages"] for day in days)
    return _svg(figure, "par-jour", f"Graphique : messages et conversations par jour, {number(total)} messages en tout.")


def ratings_chart(rows: List[Dict[str, Any]]) -> str:
    figure, axes = _axes(0.45 * len(rows) + 1.0)
    labels = [row["label"] for row in rows][::-1]
    useful = [row["useful"] for row in rows][::-1]
    not_useful = [row["not_useful"] for row in rows][::-1]
    axes.barh(labels, useful, color=COLOUR, label="Utile")
    axes.barh(labels, not_useful, left=useful, color=SECOND_COLOUR, label="Pas utile")
    axes.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1), ncol=2)
    axes.xaxis.get_major_locator().set_params(integer=True)
    figure.tight_layout()
    said = " ; ".join(f"{row['label']} : {row['useful']} utile, {row['not_useful']} pas utile" for row in rows)
    return _svg(figure, "avis", typeset(f"Graphique des avis par sujet : {said}."))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    head = "".join(f'<th scope="col"{" class=num" if index in numeric else ""}>{escape(title)}</th>'
                   for index, title in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td{" class=num" if index in numeric else ""}>{escape(str(cell))}</td>'
                         for index, cell in enumerate(row)) + "</tr>"
        for row in rows[:SHOWN_ROWS]
    )
    more = (f'<p class="note">Et {number(len(rows) - SHOWN_ROWS)} autres lignes : voir le fichier JSON.</p>'
            if len(rows) > SHOWN_ROWS else "")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _none(what: str) -> str:
    return f'<p class="empty">{escape(what)}</p>'


def _section(title: str, body: str, anchor: str) -> str:
    return f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{escape(title)}</h2>{body}</section>'


def _summary(report: Dict[str, Any]) -> str:
    totals = report["totals"]
    answered = next(row for row in report["outcomes"] if row["outcome"] == "answered")
    timing = report["response_time"]
    cards = [
        ("Conversations", number(totals["conversations"])),
        ("Messages", number(totals["messages"])),
        ("Personnes", number(totals["people"])),
        ("Répondus depuis une fiche", share(answered["share"])),
        ("Avis utiles / pas utiles", f"{number(report['ratings']['useful'])} / {number(report['ratings']['not_useful'])}"),
        ("Temps de réponse médian", seconds(timing["median_seconds"]) if timing else "—"),
    ]
    return '<ul class="cards">' + "".join(
        f'<li><span class="figure">{escape(value)}</span><span class="what">{escape(label)}</span></li>'
        for label, value in cards) + "</ul>"


def _per_day(report: Dict[str, Any]) -> str:
    days = report["per_day"]
    if not any(day["messages"] for day in days):
        return _none("Aucun message sur la période.")
    rows = [(date.fromisoformat(day["day"]).strftime("%d/%m/%Y"), number(day["conversations"]), number(day["messages"]))
            for day in days if day["messages"]]
    return (f'<figure>{per_day_chart(days)}</figure><details><summary>Les chiffres, jour par jour</summary>'
            f'{_table(["Jour", "Conversations", "Messages"], rows, numeric=(1, 2))}</details>')


def _outcomes(report: Dict[str, Any]) -> str:
    rows = report["outcomes"]
    if not report["totals"]["messages"]:
        return _none("Aucun message sur la période.")
    said = " ; ".join(f"{row['label']} : {share(row['share'])}" for row in rows)
    chart = _horizontal_bars("issues", [row["label"].split(" (")[0] for row in rows], [row["share"] for row in rows],
                             share, typeset(f"Graphique de ce que sont devenus les messages : {said}."))
    return (f"<figure>{chart}</figure>"
            + _table(["Issue", "Messages", "Part"], [(row["label"], number(row["count"]), share(row["share"]))
                                                     for row in rows], numeric=(1, 2)))


def _asked(report: Dict[str, Any]) -> str:
    jobs, topics = report["jobs_asked"], report["topics_asked"]
    if not jobs and not topics:
        return _none("Aucune question sur une fiche sur la période.")
    shown = topics[:12]
    said = " ; ".join(f"{row['label']} : {row['count']}" for row in shown)
    chart = _horizontal_bars("sujets", [row["label"] for row in shown], [row["count"] for row in shown],
                             lambda value: number(int(value)), typeset(f"Graphique des sujets demandés : {said}."))
    return ("<h3>Métiers</h3>" + _table(["Métier", "Questions"], [(row["label"], number(row["count"])) for row in jobs],
                                       numeric=(1,))
            + f"<h3>Sujets</h3><figure>{chart}</figure>"
            + _table(["Sujet", "Questions"], [(row["label"], number(row["count"])) for row in topics], numeric=(1,)))


def _not_understood(report: Dict[str, Any]) -> str:
    rows = report["not_understood"]
    if not rows:
        return _none("Aucun message incompris sur la période.")
    return ('<p class="note">Regroupés à la casse, aux accents et à la ponctuation près ; la lecture du bot aide '
            "à choisir l'intention (<code>make review-export</code> les écrit au format d'entraînement).</p>"
            + _table(["Message", "Fois", "Lecture du bot"], [(row["text"], number(row["count"]), row["guess"])
                                                            for row in rows], numeric=(1,)))


def _unknown_jobs(report: Dict[str, Any]) -> str:
    rows = report["unknown_jobs"]
    if not rows:
        return _none("Aucun métier inconnu demandé sur la période.")
    return _table(["Métier demandé", "Fois"], [(row["text"], number(row["count"])) for row in rows], numeric=(1,))


def _missing_facts(report: Dict[str, Any]) -> str:
    sheets = report["missing_facts"]
    if not sheets:
        return _none("Aucun fait absent demandé sur la période.")
    return "".join(
        f"<h3>{escape(sheet['name'])} ({number(sheet['count'])})</h3>"
        + _table(["Sujet absent de la fiche", "Questions"],
                 [(row["label"], number(row["count"])) for row in sheet["topics"]], numeric=(1,))
        for sheet in sheets)


def _ratings(report: Dict[str, Any]) -> str:
    rows = report["ratings"]["per_topic"]
    if not rows:
        return _none("Aucun avis sur la période.")
    return (f"<figure>{ratings_chart(rows)}</figure>"
            + _table(["Sujet", "Utile", "Pas utile"],
                     [(row["label"], number(row["useful"]), number(row["not_useful"])) for row in rows],
                     numeric=(1, 2)))


def _rated_down(report: Dict[str, Any]) -> str:
    """Each exchange rated « pas utile », the same question and answer shown once with how many
    times, when last, by how many people, and every comment left."""
    rated = report["rated_down"]
    if not rated:
        return _none("Aucune réponse notée « pas utile » sur la période.")
    exchanges: Dict[tuple, List[Dict[str, Any]]] = {}
    for rating in sorted(rated, key=lambda rating: rating["at"], reverse=True):
        exchanges.setdefault((rating["question"], rating["answer"]), []).append(rating)
    items = []
    for (question, answer), ratings in list(exchanges.items())[:SHOWN_ROWS]:
        latest = datetime.fromisoformat(ratings[0]["at"]).strftime("%d/%m/%Y à %H:%M")
        people = len({rating["sender"] for rating in ratings})
        times = (f"{number(len(ratings))} fois par {number(people)} personne{'s' if people > 1 else ''}, "
                 f"la dernière le {latest}" if len(ratings) > 1 else f"le {latest} par {ratings[0]['sender']}")
        comments = Counter(rating["comment"] for rating in ratings if rating["comment"])
        said = "".join(f"<li>{escape(comment)}{f' ({number(count)} fois)' if count > 1 else ''}</li>"
                       for comment, count in comments.most_common())
        items.append(
            f"<article><p class=\"meta\">{escape(', '.join(ratings[0]['jobs']))} · "
            f"{escape(', '.join(ratings[0]['topics']))} · {escape(times)}</p><dl>"
            f"<dt>Question</dt><dd>{escape(question)}</dd>"
            f"<dt>Réponse du bot</dt><dd class=\"answer\">{escape(answer)}</dd>"
            f"<dt>Ce qui manquait</dt><dd>{f'<ul>{said}</ul>' if said else '<em>pas de commentaire</em>'}</dd>"
            "</dl></article>")
    return "".join(items)


def _timing(report: Dict[str, Any]) -> str:
    timing = report["response_time"]
    if not timing:
        return _none("Aucune réponse sur la période.")
    return (f"<p>Sur {number(timing['messages'])} messages : médiane {seconds(timing['median_seconds'])}, "
            f"95ᵉ centile {seconds(timing['p95_seconds'])}.</p>"
            '<p class="note">Entre l\'arrivée du message au serveur et la dernière réponse du bot, lecture du '
            "message et réponses des fiches comprises ; le réseau jusqu'à la personne n'y est pas.</p>")


STYLE = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:62rem;padding:1rem 1.5rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #135afe;padding-bottom:.2rem;margin-top:2.2rem}
.period{color:#444;margin-top:0}.cards{display:flex;flex-wrap:wrap;gap:.8rem;list-style:none;padding:0}
.cards li{border:1px solid #c8d3f5;border-radius:.5rem;padding:.6rem 1rem;min-width:9rem}
.figure{display:block;font-size:1.5rem;font-weight:700}.what{color:#444;font-size:.9rem}
table{border-collapse:collapse;margin:.6rem 0;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;
text-align:left;vertical-align:top}.num{text-align:right;white-space:nowrap}thead th{background:#eef2fd}
figure{margin:.6rem 0}svg{max-width:100%;height:auto}.note,.empty{color:#444;font-size:.92rem}
article{border-left:4px solid #d9480f;padding:.2rem 1rem;margin:1rem 0;background:#fdf6f2}.meta{color:#444;margin:.3rem 0}
dt{font-weight:700}dd{margin:0 0 .4rem 0}.answer{white-space:pre-line}footer{margin-top:2.5rem;color:#444;font-size:.9rem}
"""


def report_page(report: Dict[str, Any]) -> str:
    period = report["period"]["label"]
    sections = [
        ("Conversations et messages par jour", _per_day, "par-jour"),
        ("Ce que sont devenus les messages", _outcomes, "issues"),
        ("Métiers et sujets demandés", _asked, "demandes"),
        ("Questions non comprises", _not_understood, "incomprises"),
        ("Métiers inconnus demandés (fiches à créer ?)", _unknown_jobs, "metiers-inconnus"),
        ("Faits demandés absents des fiches (fiches à compléter ?)", _missing_facts, "faits-absents"),
        ("Avis sur les réponses", _ratings, "avis"),
        ("Réponses notées « pas utile »", _rated_down, "notees"),
        ("Temps de réponse", _timing, "temps"),
    ]
    body = "".join(_section(typeset(title), render(report), anchor) for title, render, anchor in sections)
    generated = datetime.fromisoformat(report["generated_at"]).strftime("%d/%m/%Y à %H:%M")
    page = f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport de l'assistant métiers du back-office, {escape(period)}</title>
<style>{STYLE}</style>
</head>
<body>
<header><h1>Rapport de l'assistant métiers du back-office</h1>
<p class="period">Conversations {escape(period)} · produit le {escape(generated)}</p></header>
<main>{_summary(report)}{body}</main>
<footer><p>{escape(typeset("Données personnelles : adresses e-mail, numéros de téléphone, IBAN et longs numéros "
                           "masqués ; personnes désignées par un pseudonyme (empreinte à clé), que "))}<code>make forget
SENDER=…</code> accepte pour effacer leurs conversations.</p></footer>
</body>
</html>
"""
    return page
