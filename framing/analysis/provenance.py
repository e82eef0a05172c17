"""Provenance of a result: which framing, lexicons (name, version, hash), gazetteer, detectors and
models produced it, so any number in a report can be traced back and reproduced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.markers.detectors import DETECTOR_VERSION
from framing.resources import package_versions
from framing.sentiment.model import model_version
from framing.text.parse import pipeline_info

if TYPE_CHECKING:  # pragma: no cover

    from framing.actors.gazetteer import Gazetteer
    from framing.markers.lexicons import LexiconSet


__all__ = ["build_provenance"]


def build_provenance(lexicons: LexiconSet | None, gazetteer: Gazetteer | None = None, sentiment: Any = None, *, pipeline: Any = None) -> dict[str, Any]:
    """Which framing, lexicons (version and hash), gazetteer, detectors, parser and models made a result.

    ``pipeline`` is the spaCy pipeline's name or folder as given to the analysis (None: the default).
    """
    versions = package_versions()
    models: dict[str, str] = {}
    if sentiment is not None:
        models["target_sentiment"] = model_version()
        if getattr(sentiment, "__name__", "") == "score_targets_accurate":
            from framing.sentiment.accurate import accurate_version

            models["target_sentiment"] = accurate_version()
    if lexicons is not None:
        from framing.analysis.register_profile import profile_version

        models["register_profile"] = profile_version()
    parser = pipeline_info(pipeline if isinstance(pipeline, str) or pipeline is None else None)
    return {
        "framing": versions.get("framing"),
        "lexicons": lexicons.provenance() if lexicons is not None else {},
        "gazetteer": gazetteer.provenance() if gazetteer is not None else None,
        "detectors": DETECTOR_VERSION,
        "parser": f"{parser['name']} {parser['version']} sha256:{parser['sha256'][:12]}",
        "models": models,
    }
