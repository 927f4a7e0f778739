"""Write N synthetic but valid job sheets into a folder, to measure how the bot scales.

From 2 sheets to 50 and 500. Benchmark tooling only: the sheets are written to a
folder of your choice, never into ``knowledge/`` (refused), and every one says in
its source that it was generated and that its figures are invented.

Names are built by combining a head noun ("gestionnaire", "opérateur / opératrice",
"chargé / chargée"…) with a back or middle office domain ("de paie", "back-office
titres", "KYC"…), so the set holds near neighbours on purpose: of the real jobs
("gestionnaire de back office crédits") and of each other ("gestionnaire de paie",
"gestionnaire de paiements"). Every id, name and alias is unique once normalised
(:func:`knowledge.store.normalize`), real sheets included, or the store could not
tell the jobs apart. Which optional topics a sheet holds varies, so that the bot
has to say when a sheet lacks a fact. Sheets never carry a URL.

Convention: ``--count`` is the number of sheets in the folder, the real sheets of
``knowledge/jobs`` (copied unchanged) included: ``--count 50`` gives the 2 real
sheets and 48 synthetic ones. The same seed gives the same sheets, and a smaller
count gives the first sheets of a larger one (the 50 are among the 500).
Point the bot at the folder with ``BACKOFFICE_KNOWLEDGE_DIR``.

    python -m bot.tools.synthetic_sheets --count 50 --out /tmp/fiches-50 [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Optional, Tuple

import yaml

from knowledge.loader import DEFAULT_JOBS_DIR, KNOWLEDGE_DIR, SHEET_SUFFIX, load_job_sheets
from knowledge.schema import JobSheet
from knowledge.store import surface_names
from knowledge.text import normalize, strip_accents

DEFAULT_SEED = 1
PUBLISHER = "Générateur de fiches synthétiques (mesure de montée en charge)"
NOT_PUBLISHED = "fiche synthétique — chiffres inventés, jamais publiée"
FIGURE_ORIGIN = "synthétique, inventé"
# A sheet's buttons carry its id, and Telegram takes 64 bytes of button data: the longest,
# `/ask{"job":"…","topic":"age_distribution"}`, leaves 23 characters (actions/payloads.py).
MAX_ID_LENGTH = 23
ID_LINKING_WORDS = frozenset({"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les"})
FILE_HEADER = (
    "# Fiche synthétique générée par `python -m bot.tools.synthetic_sheets` (graine {seed}) :\n"
    "# chiffres inventés pour mesurer la montée en charge du bot, jamais publiée.\n"
)

OPERATIONS = "Traitements des opérations"  # as the real gestionnaire sheet spells it
CREDITS = "Crédits"
PAYMENTS = "Paiements"
COMPLIANCE = "Conformité et risques"
MARKETS = "Titres et marchés"
INSURANCE = "Assurance"
ACCOUNTING = "Comptabilité"
PAYROLL = "Ressources humaines"
COLLECTION = "Recouvrement et contentieux"
CUSTOMERS = "Relation client"


@dataclass(frozen=True)
class Family:
    where: str
    employers: Tuple[str, ...]
    sector: str
    rome_code: str


FAMILIES: Dict[str, Family] = {
    OPERATIONS: Family("une banque ou un établissement financier",
                       ("Banques de détail", "Établissements de crédit", "Centres de traitement mutualisés"),
                       "Banque de détail", "C1401"),
    CREDITS: Family("une banque ou un organisme de crédit",
                    ("Banques", "Organismes de crédit", "Sociétés de financement"), "Banque et financement",
                    "C1401"),
    PAYMENTS: Family("une banque ou un établissement de paiement",
                     ("Banques", "Établissements de paiement", "Prestataires monétiques"), "Moyens de paiement",
                     "C1401"),
    COMPLIANCE: Family("une banque, une assurance ou une société de gestion",
                       ("Banques", "Compagnies d'assurance", "Sociétés de gestion", "Cabinets de conseil"),
                       "Conformité bancaire et financière", "M1202"),
    MARKETS: Family("une banque d'investissement, un dépositaire ou une société de gestion",
                    ("Banques de financement et d'investissement", "Dépositaires et teneurs de comptes",
                     "Sociétés de gestion"), "Gestion back et middle-office marchés financiers", "C1302"),
    INSURANCE: Family("une compagnie d'assurance, une mutuelle ou un cabinet de courtage",
                      ("Compagnies d'assurance", "Mutuelles", "Cabinets de courtage", "Bancassureurs"), "Assurance",
                      "C1109"),
    ACCOUNTING: Family("une banque, une assurance ou le service comptable d'une entreprise",
                       ("Banques", "Compagnies d'assurance", "Cabinets d'expertise comptable"),
                       "Comptabilité et finance", "M1203"),
    PAYROLL: Family("le service des ressources humaines d'une banque, d'une assurance ou d'un cabinet spécialisé",
                    ("Banques", "Compagnies d'assurance", "Cabinets d'externalisation de la paie"),
                    "Ressources humaines", "M1501"),
    COLLECTION: Family("une banque, un organisme de crédit ou une société de recouvrement",
                       ("Banques", "Organismes de crédit", "Sociétés de recouvrement"), "Banque et financement",
                       "C1401"),
    CUSTOMERS: Family("une banque ou une assurance, au sein d'un centre de relation client",
                      ("Banques", "Compagnies d'assurance", "Centres de relation client"), "Relation client bancaire",
                      "C1401"),
}


@dataclass(frozen=True)
class Head:
    """The head noun of a job name, and what it says of the job."""

    masculine: str
    feminine: Optional[str]  # None: one word for both ("gestionnaire", as in the real sheet)
    level: int  # 0 execution … 3 management: drives salary and study level
    duty: str  # completes "il ou elle …", with {obj} for the domain's object
    task: str
    # Families where the name is plausible; None: all ("rédacteur" is an insurance word).
    families: Optional[FrozenSet[str]] = None

    def fits(self, family: str) -> bool:
        return self.families is None or family in self.families


def _except(*excluded: str) -> FrozenSet[str]:
    return frozenset(FAMILIES) - set(excluded)


HEADS: Tuple[Head, ...] = (
    Head("gestionnaire", None, 1, "prend en charge {obj}",
         "Traiter les dossiers de bout en bout et en assurer le suivi administratif"),
    Head("opérateur", "opératrice", 0, "saisit et traite {obj}",
         "Saisir les opérations dans les applicatifs de gestion", _except(COMPLIANCE)),
    Head("chargé", "chargée", 1, "suit {obj}", "Suivre un portefeuille de dossiers et relancer les interlocuteurs"),
    Head("assistant", "assistante", 0, "appuie l'équipe qui traite {obj}",
         "Préparer les dossiers et tenir à jour les tableaux de suivi"),
    Head("technicien", "technicienne", 1, "traite et vérifie {obj} selon les procédures",
         "Paramétrer et vérifier les opérations dans les outils métier", _except(CUSTOMERS)),
    Head("analyste", None, 2, "analyse {obj} et signale les anomalies",
         "Analyser les données et rédiger des notes de synthèse", _except(CUSTOMERS)),
    Head("contrôleur", "contrôleuse", 2, "vérifie {obj} et la qualité des traitements",
         "Réaliser des contrôles et formaliser les plans d'action"),
    Head("responsable", None, 3, "organise {obj} et encadre l'équipe qui s'en charge",
         "Encadrer l'équipe et répartir la charge de travail"),
    Head("conseiller", "conseillère", 1, "renseigne les clients et les collègues sur {obj}",
         "Répondre aux demandes des clients par téléphone et par écrit", _except(ACCOUNTING, OPERATIONS)),
    Head("agent", "agente", 0, "réalise les traitements courants qui concernent {obj}",
         "Classer, numériser et archiver les pièces justificatives", _except(COMPLIANCE, MARKETS)),
    Head("coordinateur", "coordinatrice", 2, "coordonne {obj} entre les équipes",
         "Animer les points d'équipe et coordonner les interlocuteurs"),
    Head("rédacteur", "rédactrice", 1, "instruit les dossiers et rédige les actes qui concernent {obj}",
         "Rédiger les courriers et les actes de gestion", frozenset({INSURANCE, COLLECTION})),
    Head("spécialiste", None, 2, "apporte son expertise sur {obj}",
         "Traiter les dossiers complexes et appuyer les équipes"),
    Head("superviseur", "superviseuse", 3, "supervise {obj} et pilote les indicateurs de production",
         "Suivre les indicateurs de production et de qualité"),
    Head("employé", "employée", 0, "réalise les opérations courantes qui concernent {obj}",
         "Traiter le courrier et les demandes entrantes",
         frozenset({OPERATIONS, PAYMENTS, ACCOUNTING, CUSTOMERS, INSURANCE})),
    Head("expert", "experte", 3, "traite les dossiers les plus complexes qui touchent {obj}",
         "Expertiser les dossiers sensibles et former les équipes", _except(CUSTOMERS)),
)


@dataclass(frozen=True)
class Domain:
    """What the job deals with: ``complement`` follows the head noun in the name,
    each of ``variants`` gives an alias ("gestionnaire" + "de paye")."""

    complement: str
    label: str
    variants: Tuple[str, ...]
    family: str
    obj: str  # object of the description and activities, with its article


DOMAINS: Tuple[Domain, ...] = (
    Domain("de back office", "back office", ("BO", "back office bancaire"), OPERATIONS,
           "les opérations administratives qui découlent de l'activité commerciale"),
    Domain("de back office crédits", "back office crédits", ("BO crédits", "back office prêts"), CREDITS,
           "les dossiers de crédit, de l'accord au déblocage des fonds"),
    Domain("back-office titres", "back-office titres", ("BO titres", "back office valeurs mobilières"), MARKETS,
           "les opérations sur titres et leur suivi administratif"),
    Domain("back-office assurance", "back-office assurance", ("BO assurance", "back office contrats"), INSURANCE,
           "les actes de gestion des contrats d'assurance"),
    Domain("middle office", "middle office", ("MO", "middle office marchés"), MARKETS,
           "le suivi des opérations de marché entre le front office et le back office"),
    Domain("middle office titres", "middle office titres", ("MO titres",), MARKETS,
           "le contrôle des opérations sur titres avant leur dénouement"),
    Domain("de paie", "paie", ("de paye", "paie RH", "payroll"), PAYROLL,
           "la paie et les déclarations sociales"),
    Domain("de flux", "flux", ("flux bancaires", "des échanges interbancaires"), PAYMENTS,
           "les flux bancaires : virements, prélèvements et échanges interbancaires"),
    Domain("de paiements", "paiements", ("des virements", "paiements SEPA"), PAYMENTS,
           "les paiements et les virements de la clientèle"),
    Domain("des moyens de paiement", "moyens de paiement", ("MDP", "moyens de paiement cartes et chèques"),
           PAYMENTS, "les moyens de paiement : cartes, chèques et virements"),
    Domain("de monétique", "monétique", ("cartes bancaires", "monétique porteurs"), PAYMENTS,
           "les cartes bancaires, leurs oppositions et leurs litiges"),
    Domain("des chèques", "chèques", ("traitement des chèques", "chèques et effets"), PAYMENTS,
           "les remises et les incidents de chèques"),
    Domain("de virements internationaux", "virements internationaux", ("SWIFT", "paiements internationaux"),
           PAYMENTS, "les virements vers l'étranger et leurs contrôles"),
    Domain("de titres", "titres", ("valeurs mobilières", "OST", "opérations sur titres"), MARKETS,
           "les opérations sur titres : achats, ventes et opérations sur capital"),
    Domain("des opérations de marché", "opérations de marché", ("post-marché", "opérations financières"),
           MARKETS,
           "la confirmation et le suivi des opérations de marché"),
    Domain("de règlement-livraison", "règlement-livraison", ("settlement", "dénouement titres"), MARKETS,
           "le règlement et la livraison des titres échangés"),
    Domain("de change", "change", ("opérations de change", "devises"), MARKETS,
           "les opérations de change et leurs confirmations"),
    Domain("de produits dérivés", "produits dérivés", ("dérivés", "dérivés OTC"), MARKETS,
           "la vie des contrats dérivés : confirmations, échéances et valorisations"),
    Domain("de collatéral", "collatéral", ("appels de marge", "garanties financières"), MARKETS,
           "les appels de marge et les garanties échangées avec les contreparties"),
    Domain("de fonds", "fonds", ("OPC", "OPCVM"), MARKETS,
           "l'administration des fonds : souscriptions, rachats et valeurs liquidatives"),
    Domain("d'épargne salariale", "épargne salariale", ("épargne entreprise", "PEE"), MARKETS,
           "les comptes d'épargne salariale des salariés"),
    Domain("de crédits", "crédits", ("de prêts", "engagements de crédit"), CREDITS,
           "les dossiers de prêt et leurs échéanciers"),
    Domain("de crédits immobiliers", "crédits immobiliers", ("de prêts immobiliers", "crédit habitat"), CREDITS,
           "les prêts immobiliers, de l'offre au déblocage des fonds"),
    Domain("de crédits à la consommation", "crédits à la consommation", ("crédit conso", "crédit renouvelable"),
           CREDITS, "les crédits à la consommation et leurs remboursements"),
    Domain("de crédit-bail", "crédit-bail", ("leasing", "location financière"), CREDITS,
           "les contrats de crédit-bail et leurs loyers"),
    Domain("d'affacturage", "affacturage", ("factoring", "financement de créances"), CREDITS,
           "les créances cédées par les entreprises clientes"),
    Domain("des garanties", "garanties", ("sûretés", "cautions bancaires"), CREDITS,
           "les garanties et les sûretés attachées aux prêts"),
    Domain("des engagements", "engagements", ("engagements bancaires", "risques de crédit"), CREDITS,
           "le suivi des engagements de la banque envers ses clients"),
    Domain("de recouvrement", "recouvrement", ("recouvrement amiable", "impayés"), COLLECTION,
           "les impayés, les relances et les plans de remboursement"),
    Domain("de contentieux", "contentieux", ("litiges bancaires", "recouvrement judiciaire"), COLLECTION,
           "les dossiers transmis en procédure judiciaire"),
    Domain("de précontentieux", "précontentieux", ("précontentieux bancaire", "relances clients"), COLLECTION,
           "les dossiers en retard de paiement avant leur passage au contentieux"),
    Domain("de surendettement", "surendettement", ("dossiers de surendettement", "commission de surendettement"),
           COLLECTION, "les dossiers de surendettement des clients"),
    Domain("de successions", "successions", ("des dossiers de succession", "successions et décès"), OPERATIONS,
           "les dossiers de succession des clients décédés"),
    Domain("des opérations bancaires", "opérations bancaires", ("traitements bancaires", "opérations clientèle"),
           OPERATIONS, "les opérations bancaires de la clientèle"),
    Domain("du référentiel clients", "référentiel clients", ("données de référence", "référentiel tiers"),
           OPERATIONS, "les données de référence des clients et leur qualité"),
    Domain("de tenue de compte", "tenue de compte", ("ouverture de comptes", "comptes de dépôt"), OPERATIONS,
           "l'ouverture, la tenue et la clôture des comptes"),
    Domain("des saisies et oppositions", "saisies et oppositions", ("saisies sur comptes", "avis à tiers détenteur"),
           OPERATIONS, "les saisies et les oppositions reçues sur les comptes"),
    Domain("de conformité", "conformité", ("compliance", "conformité bancaire"), COMPLIANCE,
           "le respect des règles et des procédures réglementaires"),
    Domain("KYC", "KYC", ("connaissance client", "KYC onboarding"), COMPLIANCE,
           "les dossiers de connaissance client (KYC)"),
    Domain("LCB-FT", "LCB-FT", ("lutte anti-blanchiment", "AML"), COMPLIANCE,
           "la lutte contre le blanchiment et le financement du terrorisme"),
    Domain("de la fraude", "fraude", ("anti-fraude", "fraude monétique"), COMPLIANCE,
           "la détection et le traitement des fraudes"),
    Domain("des risques opérationnels", "risques opérationnels", ("risques opé", "contrôle des risques"),
           COMPLIANCE,
           "les incidents et les risques opérationnels"),
    Domain("de contrôle permanent", "contrôle permanent", ("contrôle interne", "contrôle de niveau 1"), COMPLIANCE,
           "les contrôles permanents des traitements"),
    Domain("de reporting réglementaire", "reporting réglementaire", ("reporting", "déclarations réglementaires"),
           COMPLIANCE, "les déclarations remises aux autorités de contrôle"),
    Domain("de sinistres", "sinistres", ("indemnisation", "sinistres IARD"), INSURANCE,
           "les déclarations de sinistre et leur indemnisation"),
    Domain("de sinistres automobile", "sinistres automobile", ("sinistres auto", "indemnisation auto"), INSURANCE,
           "les sinistres automobile, de la déclaration au règlement"),
    Domain("de contrats d'assurance vie", "assurance vie", ("assurance vie", "épargne assurance"), INSURANCE,
           "les contrats d'assurance vie : versements, rachats et arbitrages"),
    Domain("de prévoyance", "prévoyance", ("prévoyance collective", "santé prévoyance"), INSURANCE,
           "les contrats de prévoyance et leurs prestations"),
    Domain("de cotisations", "cotisations", ("encaissement des cotisations", "appels de cotisations"), INSURANCE,
           "l'appel et l'encaissement des cotisations"),
    Domain("de production assurance", "production assurance", ("souscription", "production IARD"), INSURANCE,
           "la souscription et la mise en place des contrats"),
    Domain("de trésorerie", "trésorerie", ("cash management", "trésorerie entreprise"), ACCOUNTING,
           "la trésorerie : prévisions, placements et rapprochements"),
    Domain("de comptabilité clients", "comptabilité clients", ("comptes clients", "credit management"), ACCOUNTING,
           "les comptes clients, les encaissements et les relances"),
    Domain("de comptabilité fournisseurs", "comptabilité fournisseurs",
           ("comptes fournisseurs", "factures fournisseurs"),
           ACCOUNTING, "les factures fournisseurs et leurs règlements"),
    Domain("de rapprochements bancaires", "rapprochements bancaires", ("réconciliation bancaire", "lettrage"),
           ACCOUNTING, "les rapprochements entre les comptes et les relevés bancaires"),
    Domain("de comptabilité bancaire", "comptabilité bancaire", ("comptabilité banque", "arrêtés comptables"),
           ACCOUNTING, "les écritures et les arrêtés comptables de la banque"),
    Domain("de réclamations", "réclamations", ("réclamations clients", "service réclamations"), CUSTOMERS,
           "les réclamations des clients, de leur réception à leur réponse"),
    Domain("d'après-vente bancaire", "après-vente bancaire", ("SAV bancaire", "service après-vente"), CUSTOMERS,
           "les demandes d'après-vente des clients sur leurs comptes et leurs contrats"),
    Domain("de la relation client à distance", "relation client à distance", ("centre de relation client", "CRC"),
           CUSTOMERS, "les demandes des clients reçues par téléphone, courriel ou messagerie"),
)

# Taken first, whatever the seed, so that even 50 sheets hold neighbours of the real
# jobs and of each other. "Gestionnaire de flux" is not among them: it is one of
# the job titles of the real "gestionnaire de back office" sheet.
NEAR_NEIGHBOURS: Tuple[Tuple[str, str], ...] = (
    ("gestionnaire", "back office crédits"),
    ("opérateur", "back-office titres"),
    ("gestionnaire", "back-office titres"),
    ("assistant", "back office"),
    ("gestionnaire", "middle office"),
    ("gestionnaire", "paie"),
    ("gestionnaire", "paiements"),
    ("gestionnaire", "moyens de paiement"),
    ("opérateur", "flux"),
    ("chargé", "flux"),
)

SETTINGS = (
    "Travail en équipe au sein d'un centre de traitement",
    "Travail de bureau, sur écran, avec des applicatifs métier",
    "Contacts réguliers avec les agences et les services internes",
    "Télétravail possible une à deux journées par semaine",
    "Horaires de bureau, avec des pics d'activité en fin de mois",
    "Contact avec la clientèle par téléphone et par courriel",
)
PRESSURES = (
    "Délais de traitement courts",
    "Volume de dossiers important",
    "Pics d'activité en fin de mois et en fin d'année",
    "Travail sédentaire",
    "Réglementation qui change souvent",
    "Contrôles fréquents de la qualité des traitements",
)
TRAINING_PATHS: Tuple[Tuple[int, str], ...] = (  # (lowest head level it suits, title)
    (0, "Bac professionnel gestion-administration"),
    (0, "Formation interne de l'établissement en alternance"),
    (0, "BTS Banque, conseiller de clientèle"),
    (0, "BTS Comptabilité et gestion"),
    (1, "BUT Gestion des entreprises et des administrations (GEA)"),
    (1, "Licence professionnelle métiers de la banque"),
    (1, "Licence professionnelle assurance, banque, finance"),
    (2, "Master monnaie, banque, finance, assurance"),
    (2, "Master comptabilité, contrôle, audit"),
    (2, "Diplôme d'école de commerce, spécialité finance"),
)
STUDY_LEVELS = (("Bac", "Bac+2"), ("Bac+2", "Bac+3"), ("Bac+3", "Bac+5"), ("Bac+5",))
PATH_NOTES = (None, "généralement requis pour accéder au poste", "un atout pour évoluer", "possible en alternance")
KNOWLEDGE_ITEMS = (
    "Connaître les produits et les services bancaires",
    "Connaître les procédures administratives et comptables",
    "Connaître la réglementation bancaire et financière",
    "Maîtriser les applicatifs de gestion",
    "Maîtriser l'anglais écrit",
    "Connaître les bases du droit des contrats",
)
BEHAVIOUR_ITEMS = (
    "Rigueur et précision",
    "Sens de l'organisation",
    "Capacité à travailler en équipe",
    "Discrétion et sens de la confidentialité",
    "Capacité d'adaptation",
    "Qualités relationnelles",
)
KNOW_HOW_ITEMS = (
    "Savoir détecter les anomalies",
    "Respecter les règles et les procédures",
    "Savoir gérer les situations d'urgence",
    "Savoir rédiger une réponse claire",
    "Savoir prioriser les dossiers",
    "Maîtriser un tableur",
)
ACTIVITY_TEMPLATES = (
    "Contrôler {obj} et signaler les anomalies",
    "Tenir à jour les dossiers qui concernent {obj}",
    "Répondre aux questions des agences sur {obj}",
    "Produire les tableaux de suivi sur {obj}",
)
GENERIC_ACTIVITIES = (
    "Traiter les réclamations liées à son périmètre",
    "Participer aux projets d'automatisation des traitements",
    "Archiver et numériser les pièces justificatives",
)
PROS = (
    "Métier stable, dans des secteurs qui recrutent",
    "Tâches variées",
    "Travail en équipe",
    "Possibilités d'évolution vers l'encadrement",
    "Horaires réguliers",
    "Formation continue proposée par l'employeur",
    "Télétravail possible",
)
CONS = (
    "Travail répétitif par moments",
    "Pression des délais",
    "Travail sédentaire, sur écran",
    "Pics d'activité en fin de mois",
    "Réglementation à suivre en permanence",
    "Effectifs en baisse du fait de l'automatisation",
)
OTHER_MOVES = (
    "Chargé / chargée de clientèle particuliers",
    "Auditeur / auditrice interne",
    "Chef / cheffe de projet organisation",
    "Conseiller / conseillère en gestion de patrimoine",
)
MOVE_HEADS = ("responsable", "spécialiste", "coordinateur", "superviseur")
TREND_POINTS = (
    "Métier transformé par l'automatisation des traitements",
    "Besoins stables, recrutements surtout pour remplacer les départs en retraite",
    "Montée en compétence attendue sur la réglementation",
    "Regroupement des équipes dans des centres de traitement",
    "Contrôles plus nombreux, exigés par les régulateurs",
)
ONGOING_CHANGES = (
    "La dématérialisation des dossiers",
    "Le recours à des robots logiciels pour les tâches répétitives",
    "L'externalisation d'une partie des traitements",
    "Le travail hybride, en partie à distance",
)
# Share of the sheets holding each optional topic: the bot must say when a sheet lacks a fact.
TOPIC_SHARE = {
    "sector": 0.5, "rome_code": 0.5, "activities": 0.9, "job_titles": 0.3, "environment": 0.8, "training": 0.85,
    "skills": 0.85, "labour_market": 0.7, "age_distribution": 0.6, "salary": 0.75, "pros": 0.7, "cons": 0.7,
    "mobility": 0.6, "trends": 0.6,
}
# Starting monthly gross (€) by head level: execution jobs start lower than management ones.
STARTING_PAY = ((1700, 2100), (1850, 2500), (2200, 2900), (2600, 3200))


def _title(text: str) -> str:
    return text[0].upper() + text[1:]


def _forms(head: Head, domain: Domain) -> Tuple[str, str, Optional[str]]:
    """(name, masculine, feminine), as in the real sheets: "Opérateur / opératrice de flux"."""
    masculine = f"{head.masculine} {domain.complement}"
    if head.feminine is None:
        return _title(masculine), masculine, None
    feminine = f"{head.feminine} {domain.complement}"
    return f"{_title(head.masculine)} / {feminine}", masculine, feminine


def _slug(head: Head, domain: Domain) -> str:
    """"gestionnaire_moyens_de_paiement": the words of the name, as the real ids are."""
    return re.sub(r"[^a-z0-9]+", "_", strip_accents(f"{head.masculine} {domain.label}").lower()).strip("_")


def _job_id(slug: str) -> str:
    """The slug without its linking words, its longest words cut until it fits MAX_ID_LENGTH
    ("assistant_credits_a_la_consommation" → "assista_credits_consomm")."""
    words = [word for word in slug.split("_") if word not in ID_LINKING_WORDS]
    while len("_".join(words)) > MAX_ID_LENGTH:
        longest = max(range(len(words)), key=lambda index: len(words[index]))
        words[longest] = words[longest][:-1]
    return "_".join(words)


def _pick(rng: random.Random, pool: Iterable, low: int, high: int) -> list:
    items = list(pool)
    return rng.sample(items, rng.randint(low, min(high, len(items))))


def _figure(rng: random.Random, low: int, high: int) -> dict:
    return {"value": rng.randint(low, high), "origin": FIGURE_ORIGIN}


def _salary(rng: random.Random, level: int) -> dict:
    start = rng.randint(*STARTING_PAY[level])
    mean = round(start * rng.uniform(1.10, 1.30))
    median = rng.randint(start, mean)
    top = round(start * rng.uniform(1.5, 2.0))
    start_min = round(start * 12, -3)
    annual = {"start_min": start_min, "start_max": start_min + 1000 * rng.randint(2, 8)}
    if rng.random() < 0.7:
        annual["experienced_max"] = max(round(top * 13, -3), annual["start_max"])
    rows = [("Salaire brut à l'embauche", start), ("Salaire brut moyen", mean), ("Salaire brut médian", median),
            ("Salaire max", top)]
    table = [{"label": label, "monthly_gross": pay, "annual_gross_thousands": round(pay * 12 / 1000)}
             for label, pay in rows]
    # Sheets quote pay in different ways; some give only part of it.
    shape = rng.choice(("full", "full", "starting", "table"))
    if shape == "starting":
        return {"starting_monthly_gross": start}
    if shape == "table":
        return {"table": table}
    return {"starting_monthly_gross": start, "annual_range": annual, "table": table}


def _labour_market(rng: random.Random) -> dict:
    market = {
        "cdi_share": _figure(rng, 35, 95),
        "men_share": _figure(rng, 15, 65),
        "job_seekers": _figure(rng, 300, 25000),
        "job_offers": _figure(rng, 10, 4000),
        "hiring_volume": _figure(rng, 100, 15000),
    }
    if rng.random() < 0.25:
        market["hiring_volume"] = {"value": None}  # the sheet prints "NA": not available, not zero
    return market


def _age_distribution(rng: random.Random) -> List[dict]:
    young, old = rng.randint(3, 20), rng.randint(10, 35)
    return [{"label": "moins de 25 ans", "percent": young},
            {"label": "25 à 49 ans", "percent": 100 - young - old},
            {"label": "50 ans et plus", "percent": old}]


def _training(rng: random.Random, level: int) -> dict:
    paths = _pick(rng, (title for lowest, title in TRAINING_PATHS if lowest <= level), 1, 3)
    training: dict = {}
    if rng.random() < 0.8:
        training["study_level"] = rng.choice(STUDY_LEVELS[level])
    training["paths"] = [{"title": title, **({"note": note} if note else {})}
                         for title, note in ((title, rng.choice(PATH_NOTES)) for title in paths)]
    return training


def _skills(rng: random.Random, domain: Domain) -> List[dict]:
    groups = [
        ("Connaissances (savoir)",
         [f"Connaître les règles propres à son domaine ({domain.label})", *_pick(rng, KNOWLEDGE_ITEMS, 2, 4)]),
        ("Compétences comportementales (savoir-être)", _pick(rng, BEHAVIOUR_ITEMS, 2, 4)),
        ("Compétences opérationnelles (savoir-faire)", _pick(rng, KNOW_HOW_ITEMS, 2, 4)),
    ]
    return [{"title": title, "items": items} for title, items in _pick(rng, groups, 1, 3)]


def _mobility(rng: random.Random, head: Head, domain: Domain) -> dict:
    closer = [_forms(other, domain)[0] for other in HEADS
              if other.masculine in MOVE_HEADS and other is not head and other.fits(domain.family)]
    return {"items": _pick(rng, closer, 1, 2) + _pick(rng, OTHER_MOVES, 1, 2), "open_ended": rng.random() < 0.5}


def _trends(rng: random.Random) -> dict:
    trends: dict = {"points": _pick(rng, TREND_POINTS, 1, 3)}
    if rng.random() < 0.5:
        trends["ongoing_changes"] = _pick(rng, ONGOING_CHANGES, 1, 3)
    return trends


def _sheet(head: Head, domain: Domain, job_id: str, aliases: List[str], seed: int, rng: random.Random) -> dict:
    name, masculine, feminine = _forms(head, domain)
    family = FAMILIES[domain.family]
    holds = {topic for topic, share in TOPIC_SHARE.items() if rng.random() < share}
    sheet: dict = {"id": job_id, "name": name, "masculine": masculine}
    if feminine:
        sheet["feminine"] = feminine
    sheet["aliases"] = aliases
    sheet["source"] = {
        "title": f"{name} ({NOT_PUBLISHED})",
        "publisher": PUBLISHER,
        "figures_origin": f"chiffres synthétiques tirés au hasard (graine {seed}), à ne jamais citer",
        "document": f"{NOT_PUBLISHED} (bot/tools/synthetic_sheets.py, graine {seed})",
    }
    sheet["description"] = f"Dans {family.where}, il ou elle {head.duty.format(obj=domain.obj)}."
    sheet["family"] = domain.family
    if "sector" in holds:
        sheet["sector"] = family.sector
    if "rome_code" in holds:
        sheet["rome_code"] = family.rome_code
    if "activities" in holds:
        about = [template.format(obj=domain.obj) for template in _pick(rng, ACTIVITY_TEMPLATES, 1, 3)]
        sheet["activities"] = {"items": [head.task, *about, *_pick(rng, GENERIC_ACTIVITIES, 0, 2)]}
    if "job_titles" in holds:
        # The titles a sheet groups are names of the job too: its own aliases, so none is new to the store.
        sheet["job_titles"] = {"items": [_title(alias) for alias in aliases], "open_ended": True}
    if "environment" in holds:
        sheet["environment"] = {"employers": _pick(rng, family.employers, 1, 3),
                                "setting": _pick(rng, SETTINGS, 1, 3),
                                "pressures": _pick(rng, PRESSURES, 0, 3)}
    if "training" in holds:
        sheet["training"] = _training(rng, head.level)
    if "skills" in holds:
        sheet["skills"] = _skills(rng, domain)
    if "labour_market" in holds:
        sheet["labour_market"] = _labour_market(rng)
    if "age_distribution" in holds:
        sheet["age_distribution"] = _age_distribution(rng)
    if "salary" in holds:
        sheet["salary"] = _salary(rng, head.level)
    if "pros" in holds:
        sheet["pros"] = _pick(rng, PROS, 2, 5)
    if "cons" in holds:
        sheet["cons"] = _pick(rng, CONS, 2, 5)
    if "mobility" in holds:
        sheet["mobility"] = _mobility(rng, head, domain)
    if "trends" in holds:
        sheet["trends"] = _trends(rng)
    return sheet


def _keys(sheet: JobSheet) -> Dict[str, str]:
    """Normalised name → the original words, for every name the store indexes for ``sheet``."""
    return {normalize(name): name for name in [sheet.id, *surface_names(sheet)]}


def real_sheet_paths() -> List[Path]:
    # The project's folder, not $BACKOFFICE_KNOWLEDGE_DIR, which may point at synthetic sheets.
    return sorted(DEFAULT_JOBS_DIR.glob(f"*{SHEET_SUFFIX}"))


def _combinations(seed: int) -> List[Tuple[Head, Domain]]:
    """Every plausible head × domain, near neighbours first, then in an order set by ``seed``."""
    combinations = [(head, domain) for domain in DOMAINS for head in HEADS if head.fits(domain.family)]
    first = [(head, domain) for head, domain in combinations if (head.masculine, domain.label) in NEAR_NEIGHBOURS]
    rest = [combination for combination in combinations if combination not in first]
    random.Random(seed).shuffle(rest)
    return first + rest


def generate_sheets(count: int, seed: int = DEFAULT_SEED) -> List[dict]:
    """``count`` synthetic sheets, as dicts that :meth:`JobSheet.parse_obj` accepts.

    A head × domain whose name another sheet (real or generated) already holds is
    skipped, and so is an alias already taken; :class:`ValueError` if the
    combinations run out before ``count``.
    """
    if count < 0:
        raise ValueError(f"nombre de fiches négatif : {count}")
    real = load_job_sheets(DEFAULT_JOBS_DIR)
    owners = {key: sheet.id for sheet in real for key in _keys(sheet)}
    sheets: List[dict] = []
    parsed: List[JobSheet] = []
    for head, domain in _combinations(seed):
        if len(sheets) == count:
            break
        name, masculine, feminine = _forms(head, domain)
        slug = _slug(head, domain)
        job_id = _job_id(slug)
        own = {normalize(text) for text in (job_id, name, masculine, feminine) if text}
        if own & owners.keys():
            continue
        candidates = {}
        for variant in domain.variants:
            for noun in filter(None, (head.masculine, head.feminine)):
                candidates.setdefault(normalize(f"{noun} {variant}"), f"{noun} {variant}")
        free = [alias for key, alias in candidates.items() if key not in owners and key not in own]
        if not free:
            continue
        # One generator per sheet, seeded by its name: a sheet is the same in a set of 50 and of 500.
        rng = random.Random(f"{seed}/{slug}")
        sheet = _sheet(head, domain, job_id, _pick(rng, free, 1, 3), seed, rng)
        parsed.append(JobSheet.parse_obj(sheet))
        owners.update(dict.fromkeys(_keys(parsed[-1]), job_id))
        sheets.append(sheet)
    if len(sheets) < count:
        raise ValueError(
            f"impossible de générer {count} fiches synthétiques distinctes : les combinaisons de métiers "
            f"s'épuisent à {len(sheets)} (ajoutez des intitulés ou des domaines dans bot/tools/synthetic_sheets.py)"
        )
    _check_distinct([*real, *parsed])
    return sheets


def _check_distinct(sheets: List[JobSheet]) -> None:
    """Each id, name and alias names one sheet only once normalised, as the store requires."""
    owners: Dict[str, str] = {}
    for sheet in sheets:
        for key, name in _keys(sheet).items():
            owner = owners.setdefault(key, sheet.id)
            if owner != sheet.id:
                raise AssertionError(f"fiche « {sheet.id} » : « {name} » désigne déjà la fiche « {owner} »")


def _refuse_knowledge(directory: Path) -> None:
    target = directory.resolve()
    if target == KNOWLEDGE_DIR or KNOWLEDGE_DIR in target.parents:
        raise ValueError(
            f"{directory} : refus d'écrire dans {KNOWLEDGE_DIR} : les fiches synthétiques ne servent qu'aux "
            "mesures et ne doivent jamais rejoindre les vraies fiches ; choisissez un autre dossier"
        )


def write_sheets(directory: Path, count: int, seed: int = DEFAULT_SEED, with_real: bool = True) -> List[Path]:
    """Write ``count`` sheets into ``directory``, one ``<id>.yml`` each, and return their paths.

    With ``with_real``, ``count`` includes the real sheets of ``knowledge/jobs``, copied
    unchanged: ``count=50`` writes them and 48 synthetic sheets. The folder must
    hold no sheet yet, so that it ends up with exactly ``count``.
    """
    _refuse_knowledge(directory)
    if any(directory.glob(f"*{SHEET_SUFFIX}")):
        raise ValueError(f"{directory} : le dossier contient déjà des fiches ; choisissez un dossier vide")
    real = real_sheet_paths() if with_real else []
    if count < len(real):
        raise ValueError(f"{count} fiches demandées, mais les {len(real)} vraies fiches en font déjà partie")
    sheets = generate_sheets(count - len(real), seed)
    directory.mkdir(parents=True, exist_ok=True)
    written = [Path(shutil.copyfile(path, directory / path.name)) for path in real]
    header = FILE_HEADER.format(seed=seed)
    for sheet in sheets:
        path = directory / f"{sheet['id']}{SHEET_SUFFIX}"
        path.write_text(header + yaml.safe_dump(sheet, allow_unicode=True, sort_keys=False), encoding="utf-8")
        written.append(path)
    return written


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="fiches dans le dossier, vraies fiches comprises")
    parser.add_argument("--out", type=Path, required=True, help="dossier à créer (jamais knowledge/)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    try:
        paths = write_sheets(args.out, args.count, args.seed)
    except ValueError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 1
    real = len(real_sheet_paths())
    print(f"{len(paths)} fiches écrites dans {args.out} ({real} vraies, {len(paths) - real} synthétiques, "
          f"graine {args.seed}). Pour s'en servir : BACKOFFICE_KNOWLEDGE_DIR={args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
