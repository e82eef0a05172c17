"""Provenance of a result: which framing, lexicons (name, version, hash), gazetteer, detectors and
models produced it, so any number in a report can be traced back and reproduced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.markers.detectors import DETECTOR_VERSION
from framing.resources import package_versions

if TYPE_CHECKING:  # pragma: no cover

    from framing.actors.gazetteer import Gazetteer
    from framing.markers.lexicons import LexiconSet


__all__ = ["build_provenance"]


def build_provenance(lexicons: LexiconSet | None, gazetteer: Gazetteer | None = None, sentiment: Any = None) -> dict[str, Any]:
    versions = package_versions()
    models: dict[str, str] = {}
    if sentiment is not None:
        try:
            from framing.sentiment import model_version

            models["target_sentiment"] = model_version()
        except ImportError:
            pass
    return {
        "framing": versions.get("framing"),
        "lexicons": lexicons.provenance() if lexicons is not None else {},
        "gazetteer": gazetteer.provenance() if gazetteer is not None else None,
        "detectors": DETECTOR_VERSION,
        "models": models,
    }

