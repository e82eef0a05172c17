"""Per-article analysis: ``analyze_article`` (one article), ``analyze`` (a corpus), ``Results``."""

from framing.analysis.article import analyze, analyze_article, iter_analyze, marker_profile
from framing.analysis.provenance import build_provenance
from framing.analysis.results import Results, to_row

__all__ = ["Results", "analyze", "analyze_article", "build_provenance", "iter_analyze", "marker_profile", "to_row"]
