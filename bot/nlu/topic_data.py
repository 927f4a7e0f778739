"""``data/topics/``: the everyday phrasings of questions on each topic of a sheet.

Rasa does not train on them (the Makefile gives `rasa train` ``data/nlu`` and
``data/rules.yml``, so that DIET's small intents are not drowned); the NLU components of
the project that learn from them read them here, and put their fingerprint in their
default config, so that a change to them retrains those components.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import List

from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData

# Relative to the project, where `rasa train` runs.
TOPIC_DATA = Path("data") / "topics"


def topic_data_files(directory: Path = TOPIC_DATA) -> List[Path]:
    return sorted(directory.glob("*.yml"))


def topic_data(directory: Path = TOPIC_DATA) -> TrainingData:
    return TrainingData().merge(*(load_data(str(path)) for path in topic_data_files(directory)))


def topic_data_fingerprint(directory: Path = TOPIC_DATA) -> str:
    digest = hashlib.sha256()
    for path in topic_data_files(directory):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
