"""``data/topics/``: the everyday phrasings of questions on each topic of a sheet.

Rasa is not given them (the Makefile gives `rasa train` ``data/nlu`` and
``data/rules.yml``); the NLU components of the project that learn from them (the topic
classifier, and the intent classifier at a low weight) read them here, and put their fingerprint in their
default config, so that a change to them retrains those components.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import List

from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData

# Relative to the project, where `rasa train` runs.
TOPIC_DATA = Path("data") / "topics"


def topic_data_files(directory: Path = TOPIC_DATA) -> List[Path]:
    return sorted(directory.glob("*.yml"))


def topic_data(directory: Path = TOPIC_DATA) -> TrainingData:
    """The questions of ``directory``, read once for as long as its files stay the same: five
    components of a training read them (1.5 s each). They only read it."""
    return _read_topic_data(directory.resolve(), topic_data_fingerprint(directory))


@lru_cache(maxsize=4)
def _read_topic_data(directory: Path, fingerprint: str) -> TrainingData:
    return TrainingData().merge(*(load_data(str(path)) for path in topic_data_files(directory)))


def topic_data_fingerprint(directory: Path = TOPIC_DATA) -> str:
    digest = hashlib.sha256()
    for path in topic_data_files(directory):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
