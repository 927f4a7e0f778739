"""What a user must read for each job × topic, copied by hand from the job sheets
in ../shared/seeds/ (not from knowledge/), and the questions that ask for it.

Spacing is compared after folding non-breaking spaces (see :func:`plain`); the
typography itself is checked separately.
"""
import re
import unicodedata
from typing import Dict, List, Tuple

from knowledge.topics import Topic

OPERATEUR = "operateur_back_office"
GESTIONNAIRE = "gestionnaire_back_office"

OPERATEUR_NAME = "Opérateur / opératrice back-office"
GESTIONNAIRE_NAME = "Gestionnaire de back office"
OPERATEUR_SOURCE = "chiffres : Pôle Emploi"
GESTIONNAIRE_SOURCE = "Observatoire des métiers, des qualifications et de l'égalité professionnelle"

MISSING_SENTENCE = "ne donne aucune information sur"

FACTS: Dict[Tuple[str, Topic], List[str]] = {
    (OPERATEUR, Topic.DESCRIPTION): ["opératrice back-office", "banque", "assurance"],
    (OPERATEUR, Topic.ACTIVITIES): ["Traitement des transactions", "Gestion des données",
                                    "Suivi des commandes", "Soutien à la clientèle"],
    (OPERATEUR, Topic.SECTOR): ["Gestion back et middle-office marchés financiers",
                                "Banque, assurance, services financiers"],
    (OPERATEUR, Topic.ROME_CODE): ["C1302"],
    (OPERATEUR, Topic.ENVIRONMENT): ["Charge de travail élevée", "Travail sédentaire"],
    (OPERATEUR, Topic.TRAINING): ["Bac+2", "Bac+2 en gestion, comptabilité ou finance",
                                  "Licence professionnelle métiers de la banque",
                                  "Master en finance ou comptabilité"],
    (OPERATEUR, Topic.SKILLS): ["Maîtrise des outils informatiques", "Connaissances en gestion de données",
                                "Capacité à travailler avec précision",
                                "Connaissances en finance et comptabilité", "Sens de l'organisation",
                                "Capacité d'adaptation", "Rigueur et précision",
                                "Capacité à travailler en équipe"],
    (OPERATEUR, Topic.SALARY): ["1 766 € brut mensuel", "entre 24 000 € et 30 000 € par an",
                                "jusqu'à 45 000 € par an",
                                "Salaire brut à l'embauche : 1 766 € brut mensuel, 21 k€ brut annuel",
                                "Salaire brut moyen : 2 032 € brut mensuel, 24 k€ brut annuel",
                                "Salaire brut médian : 1 919 € brut mensuel, 23 k€ brut annuel",
                                "Salaire max : 2 917 € brut mensuel, 35 k€ brut annuel"],
    (OPERATEUR, Topic.LABOUR_MARKET): ["Part de CDI : 42 %", "Part d'hommes : 43 %",
                                       "Demandeurs d'emploi : 2 000", "Offres d'emploi : 35",
                                       "Volume d'embauche (emplois par an) : non disponible"],
    (OPERATEUR, Topic.AGE_DISTRIBUTION): ["moins de 25 ans : 7 %", "25 à 49 ans : 75 %",
                                          "50 ans et plus : 19 %"],
    (OPERATEUR, Topic.PROS): ["Diversité des tâches", "Travail en équipe",
                              "Possibilités d'évolution de carrière",
                              "Stabilité de l'emploi dans les secteurs de la banque et de l'assurance"],
    (OPERATEUR, Topic.CONS): ["Charge de travail élevée", "Pression et stress liés aux délais",
                              "Travail sédentaire", "Nécessité de constante mise à jour des connaissances"],
    (GESTIONNAIRE, Topic.DESCRIPTION): ["gestionnaire de back office", "agence"],
    (GESTIONNAIRE, Topic.ACTIVITIES): [
        "Assurer le traitement des opérations bancaires et comptables",
        "Effectuer le suivi administratif et comptable lié à l'activité",
        "Exercer une fonction de contrôle et d'alerte sur les incidents",
        "Gérer les outils monétiques", "Informer la clientèle du traitement des opérations",
        "Initier les procédures de recouvrement et de contentieux",
        "Veiller au bon fonctionnement des applicatifs informatiques nécessaires à l'activité",
        "Traiter les réclamations des clients", "Suivre et gérer les dossiers de succession des clients",
        "Effectuer des opérations d'achat et ou de vente de titres",
        "Assurer la gestion de documents numérisés"],
    (GESTIONNAIRE, Topic.SECTOR): ["Traitements des opérations"],
    (GESTIONNAIRE, Topic.JOB_TITLES): ["Opérateur de traitements bancaires", "Technicien de back-office",
                                       "Gestionnaire flux", "Chargé de service après-vente",
                                       "Chargé de recouvrement ou de précontentieux",
                                       "liste non exhaustive"],
    (GESTIONNAIRE, Topic.ENVIRONMENT): ["unités de production", "circulation des données",
                                        "après-vente"],
    (GESTIONNAIRE, Topic.TRAINING): ["Bac+1 avec une formation en alternance ou continue interne de la banque",
                                     "Bac+2 BTS Banque / DUT GEA (Gestion des Entreprises et des Administrations)"],
    (GESTIONNAIRE, Topic.SKILLS): [
        "Connaître la stratégie, le fonctionnement et l'organisation de l'établissement bancaire",
        "Maîtriser l'anglais", "Faire preuve de méthode et de rigueur",
        "Savoir communiquer à l'écrit et à l'oral", "Savoir détecter les dysfonctionnements",
        "Respecter les règles et les procédures", "Savoir gérer les situations d'urgence"],
    (GESTIONNAIRE, Topic.DIGITAL_SKILLS): [
        "Socle de compétences minimales en numérique commun à tous les métiers-repères",
        "http://www.observatoire-metiers-banque.fr/mediaServe/Socle_competences_minimales_numeriques_commun_TO.pdf?ixh=3192818464198754428"],
    (GESTIONNAIRE, Topic.MOBILITY): ["Spécialiste des opérations bancaires",
                                     "Responsable / animateur d'unité ou d'activité de traitements bancaires",
                                     "Chargé de clientèle particuliers", "Chargé de clientèle professionnels"],
    (GESTIONNAIRE, Topic.TRENDS): ["forte reconfiguration", "baisse des effectifs",
                                   "externalisation", "automatisation", "niveau d'expertise élevé"],
}

# Topics a sheet does not hold: the bot says so (and offers the other sheet when it can).
MISSING = sorted(
    {(job, topic) for job in (OPERATEUR, GESTIONNAIRE) for topic in Topic} - set(FACTS),
    key=lambda pair: (pair[0], pair[1].value),
)

# One way a person asks each topic; "{job}" is replaced by a job name.
QUESTIONS: Dict[Topic, str] = {
    Topic.DESCRIPTION: "C'est quoi le métier de {job} ?",
    Topic.ACTIVITIES: "Quelles sont les missions d'un {job} ?",
    Topic.SECTOR: "Dans quel secteur travaille un {job} ?",
    Topic.ROME_CODE: "Quel est le code ROME de {job} ?",
    Topic.JOB_TITLES: "Quels emplois-types sont regroupés sous {job} ?",
    Topic.ENVIRONMENT: "Quelles sont les conditions de travail d'un {job} ?",
    Topic.TRAINING: "Quelle formation pour devenir {job} ?",
    Topic.SKILLS: "Quelles compétences faut-il pour être {job} ?",
    Topic.DIGITAL_SKILLS: "Quelles compétences numériques pour un {job} ?",
    Topic.SALARY: "Combien gagne un {job} ?",
    Topic.LABOUR_MARKET: "Quel est le marché de l'emploi pour {job} ?",
    Topic.AGE_DISTRIBUTION: "Quelle est la répartition par âge des {job} ?",
    Topic.PROS: "Quels sont les avantages du métier de {job} ?",
    Topic.CONS: "Quels sont les inconvénients du métier de {job} ?",
    Topic.MOBILITY: "Vers quels métiers peut évoluer un {job} ?",
    Topic.TRENDS: "Quelles sont les tendances d'évolution du métier de {job} ?",
}

# How users name each job in those questions.
SPOKEN_NAMES = {OPERATEUR: "opérateur back-office", GESTIONNAIRE: "gestionnaire de back office"}


def plain(text: str) -> str:
    """Fold French non-breaking spaces into plain spaces for comparisons."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


# The words that name each topic outright (as whole words, accents aside): at least half
# the held-out questions and training examples of a topic do without them, so that the
# topic is learnt and measured from how people talk, not from keywords.
OBVIOUS_WORDS: Dict[Topic, List[str]] = {
    Topic.DESCRIPTION: ["presentation", "presenter", "description", "decrire", "definition"],
    Topic.ACTIVITIES: ["activites", "missions", "taches", "quotidien"],
    Topic.SECTOR: ["secteur", "employeurs", "entreprises"],
    Topic.ROME_CODE: ["code rome"],
    Topic.JOB_TITLES: ["intitules", "emplois-types", "appellations", "noms"],
    Topic.ENVIRONMENT: ["environnement", "conditions de travail"],
    Topic.TRAINING: ["formation", "diplome", "etudes"],
    Topic.SKILLS: ["competences", "qualites"],
    Topic.DIGITAL_SKILLS: ["numerique", "informatique", "digital"],
    Topic.SALARY: ["salaire", "remuneration", "paye", "gagner"],
    Topic.LABOUR_MARKET: ["marche de l'emploi", "embauche", "recrutement", "offres", "cdi"],
    Topic.AGE_DISTRIBUTION: ["age", "ages"],
    Topic.PROS: ["avantages", "points positifs"],
    Topic.CONS: ["inconvenients", "points negatifs"],
    Topic.MOBILITY: ["evolution", "mobilite", "carriere"],
    Topic.TRENDS: ["tendances", "avenir", "futur", "evolution du metier"],
}


def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def says_obvious_word(question: str, topic: Topic) -> bool:
    return any(re.search(rf"\b{re.escape(word)}\b", folded(question)) for word in OBVIOUS_WORDS[topic])
