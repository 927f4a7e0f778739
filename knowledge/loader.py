"""Read job sheets from UTF-8 YAML files into validated records.

Errors are raised as :class:`KnowledgeError` with a French message naming the
file and the path of the offending field, e.g.
``knowledge/jobs/x.yml : salary.table[1].monthly_gross : nombre entier attendu``.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Sequence, Tuple, Union

import yaml
from pydantic import ValidationError

from knowledge.rankings import RankingVocabulary
from knowledge.schema import (
    Detail, DetailCatalogue, Glossary, GlossaryEntry, JobNameVocabulary, JobSheet, TopicVocabulary,
)
from knowledge.topics import Topic

KNOWLEDGE_DIR = Path(__file__).resolve().parent
DEFAULT_JOBS_DIR = KNOWLEDGE_DIR / "jobs"
TOPICS_FILE = KNOWLEDGE_DIR / "topics.yml"
GLOSSARY_FILE = KNOWLEDGE_DIR / "glossary.yml"
RANKINGS_FILE = KNOWLEDGE_DIR / "rankings.yml"
DETAILS_FILE = KNOWLEDGE_DIR / "details.yml"
NAMES_FILE = KNOWLEDGE_DIR / "names.yml"
JOBS_DIR_ENV = "BACKOFFICE_KNOWLEDGE_DIR"
SHEET_SUFFIX = ".yml"

# Pydantic v1 error types, said in French; anything else keeps pydantic's text.
FRENCH_ERRORS = {
    "value_error.missing": "champ obligatoire manquant",
    "value_error.extra": "champ inconnu (faute de frappe ?)",
    "type_error.none.not_allowed": "valeur obligatoire, vide ici",
    "type_error.integer": "nombre entier attendu",
    "type_error.str": "texte attendu",
    "type_error.bool": "booléen attendu (true ou false)",
    "type_error.list": "liste attendue",
    "type_error.dict": "ensemble de champs attendu",
    "value_error.number.not_ge": "nombre trop petit",
    "value_error.number.not_le": "nombre trop grand (100 au plus pour un pourcentage)",
    "value_error.any_str.min_length": "texte vide",
    "value_error.list.min_items": "liste vide",
    "value_error.str.regex": "format invalide",
}


class KnowledgeError(Exception):
    """A knowledge file cannot be used; the message is French and names the file."""


# libyaml's parser when PyYAML has it: ten times faster than the pure-Python one (500 sheets
# load in 0.7 s instead of 6.5 s); building the objects, and the check below, stay in Python.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):
    """Safe loader that refuses a key given twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"clé « {key} » en double",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def jobs_dir() -> Path:
    """The folder of job sheets: ``$BACKOFFICE_KNOWLEDGE_DIR`` or ``knowledge/jobs``."""
    return Path(os.environ.get(JOBS_DIR_ENV) or DEFAULT_JOBS_DIR)


def _field_path(location: Tuple[Union[str, int], ...]) -> str:
    path = ""
    for part in location:
        if part == "__root__":
            continue
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(racine)"


def _describe(errors: Iterable[dict]) -> str:
    return "; ".join(f"{_field_path(error['loc'])} : {_french(error)}" for error in errors)


def _french(error: dict) -> str:
    if error["type"] == "type_error.enum":
        permitted = ", ".join(str(getattr(value, "value", value)) for value in error["ctx"]["enum_values"])
        return f"valeur inconnue (valeurs permises : {permitted})"
    return FRENCH_ERRORS.get(error["type"], error["msg"])


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise KnowledgeError(f"{path} : le fichier n'est pas en UTF-8 ({error.reason})") from None
    except OSError as error:
        raise KnowledgeError(f"{path} : lecture impossible ({error.strerror})") from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"ligne {mark.line + 1}, colonne {mark.column + 1}" if mark else "position inconnue"
        raise KnowledgeError(f"{path} : YAML invalide ({where}) : {error.problem}") from None


def _parse(path: Path, record: type, data: Any):
    try:
        return record.parse_obj(data)
    except ValidationError as error:
        raise KnowledgeError(f"{path} : {_describe(error.errors())}") from None


def load_job_sheet(path: Path) -> JobSheet:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path} : (racine) : une fiche métier (ensemble de champs) est attendue")
    sheet = _parse(path, JobSheet, data)
    if sheet.id != path.stem:
        raise KnowledgeError(
            f"{path} : id : « {sheet.id} » doit être le nom du fichier sans extension (« {path.stem} »)"
        )
    return sheet


def load_job_sheets(directory: Path) -> List[JobSheet]:
    """Every ``*.yml`` sheet of ``directory``, in file-name order."""
    if not directory.is_dir():
        raise KnowledgeError(f"{directory} : dossier de fiches métiers introuvable")
    paths: Sequence[Path] = sorted(directory.glob(f"*{SHEET_SUFFIX}"))
    if not paths:
        raise KnowledgeError(f"{directory} : aucune fiche métier (*{SHEET_SUFFIX}) dans ce dossier")
    return [load_job_sheet(path) for path in paths]


def load_topic_vocabulary(path: Path = TOPICS_FILE) -> Dict[Topic, List[str]]:
    """Topic → the words users ask it with; every topic must have its words."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path} : (racine) : un sujet par clé, avec sa liste de mots, est attendu")
    vocabulary = _parse(path, TopicVocabulary, data)
    known = {topic.value for topic in Topic}
    for key, words in vocabulary.__root__.items():
        if key not in known:
            raise KnowledgeError(f"{path} : {key} : sujet inconnu (sujets : {', '.join(sorted(known))})")
        if not words:
            raise KnowledgeError(f"{path} : {key} : liste vide")
    absent = sorted(known - set(vocabulary.__root__))
    if absent:
        raise KnowledgeError(f"{path} : {', '.join(absent)} : sujet sans mots pour le reconnaître")
    return {Topic(key): words for key, words in vocabulary.__root__.items()}


def load_glossary(path: Path = GLOSSARY_FILE) -> List[GlossaryEntry]:
    """The glossary's entries; a ``topic`` must name a known topic, an id be unique."""
    data = read_yaml(path)
    if not isinstance(data, list):
        raise KnowledgeError(f"{path} : (racine) : une liste de termes est attendue")
    entries = _parse(path, Glossary, data).__root__
    seen = set()
    for index, entry in enumerate(entries):
        if entry.topic is not None and entry.topic not in {topic.value for topic in Topic}:
            raise KnowledgeError(f"{path} : [{index}].topic : sujet inconnu « {entry.topic} »")
        if entry.id in seen:
            raise KnowledgeError(f"{path} : [{index}].id : « {entry.id} » est déjà utilisé")
        seen.add(entry.id)
    return entries


def load_rankings(path: Path = RANKINGS_FILE) -> RankingVocabulary:
    """The rankings (what is ranked, in which order) and the words that ask for them."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path} : (racine) : rankings, subjects, cues, reversing, asking_which et pointing_back sont attendus")
    vocabulary = _parse(path, RankingVocabulary, data)
    for name, subject in vocabulary.subjects.items():
        for order in ("highest", "lowest"):
            if getattr(subject, order) not in vocabulary.rankings:
                raise KnowledgeError(
                    f"{path} : subjects.{name}.{order} : classement inconnu « {getattr(subject, order)} »"
                )
    return vocabulary


def load_details(path: Path = DETAILS_FILE) -> Dict[Topic, List[Detail]]:
    """The details asked under each topic; an id is used once across every topic."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path} : (racine) : un sujet par clé, avec la liste de ses détails, est attendu")
    catalogue = _parse(path, DetailCatalogue, data).__root__
    known = {topic.value for topic in Topic}
    seen: Dict[str, str] = {}
    for key, details in catalogue.items():
        if key not in known:
            raise KnowledgeError(f"{path} : {key} : sujet inconnu (sujets : {', '.join(sorted(known))})")
        for index, detail in enumerate(details):
            if detail.id in seen:
                raise KnowledgeError(f"{path} : {key}[{index}].id : « {detail.id} » est déjà un détail de {seen[detail.id]}")
            seen[detail.id] = key
            for field, stood_for in (("stands_for", detail.stands_for), ("stands_for_closed", detail.stands_for_closed)):
                for stood in stood_for:
                    if stood not in known or stood == key:
                        raise KnowledgeError(
                            f"{path} : {key}[{index}].{field} : « {stood} » n'est pas un autre sujet")
    for key, details in catalogue.items():
        for index, detail in enumerate(details):
            for other in detail.instead:
                if seen.get(other) != key or other == detail.id:
                    raise KnowledgeError(f"{path} : {key}[{index}].instead : « {other} » n'est pas un autre détail de {key}")
    return {Topic(key): details for key, details in catalogue.items()}


def load_job_names(path: Path = NAMES_FILE) -> JobNameVocabulary:
    """The words that, after a one-word job name and "de", keep that job (``knowledge/names.yml``)."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path} : (racine) : same_job_after_de, another_job_right_after et the_other_job sont attendus")
    return _parse(path, JobNameVocabulary, data)
