"""Names that look like actors but are not in the gazetteer (``framing actors candidates``).

The people, organisations, places and groups the parser finds in a set of articles, counted, so a
user can add the ones that matter to their own gazetteer (``framing actors add``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import find_mentions
from framing.types import Doc

__all__ = ["find_candidates"]


def find_candidates(docs: Iterable[Doc], gazetteer: Gazetteer) -> Counter[str]:
    """Names of actors the gazetteer lacks, with how often they occur in the parsed ``docs``."""
    counts: Counter[str] = Counter()
    for doc in docs:
        for m in find_mentions(doc, gazetteer):
            if m.kind == "candidate":
                counts[m.name] += 1
    return counts
