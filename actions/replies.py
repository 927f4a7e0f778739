"""What a reply to a question on the sheets did, as the router needs it to remember the
conversation and record the question's outcome: the sheets it quoted, the (sheet, ask) pairs
they lack, the sheets it offered instead."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Tuple

from actions.reading import Ask
from knowledge.schema import JobSheet


@dataclass
class Reply:
    quoted: List[JobSheet] = field(default_factory=list)
    lacking: List[Tuple[JobSheet, Ask]] = field(default_factory=list)
    offered: List[JobSheet] = field(default_factory=list)

    def add(self, other: "Reply") -> "Reply":
        self.quoted.extend(other.quoted)
        self.lacking.extend(other.lacking)
        self.offered.extend(other.offered)
        return self
