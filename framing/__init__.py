"""framing: comparative media-framing analysis of news articles.

The flow, each step a plain function (see docs/architecture.md)::

    corpus = framing.load("examples/corpus")      # read, clean, recover metadata, flag copies
    results = framing.analyze(corpus)              # segment, match lexicons, readability
    results.to_frame()                             # one row per article, for pandas
    comparison = framing.compare(results)          # outlets side by side, with evidence
    framing.report.html(comparison, "report.html") # or .pdf, .markdown, .write_tables

"""

from __future__ import annotations

from framing import report
from framing._version import __version__
from framing.analysis.article import analyze, analyze_article
from framing.analysis.results import Results
from framing.classroom.worksheet import make_worksheet
from framing.comparison.comparison import compare
from framing.comparison.result import Comparison
from framing.errors import FramingError, InputError, LexiconError, MissingResourceError, OptionError
from framing.inputs.corpus import Corpus
from framing.inputs.loader import iter_load, load
from framing.text.segment import segment
from framing.types import Article, ArticleResult, Debris, Doc, LoadError, Match, Sentence

__all__ = [
    "Article",
    "ArticleResult",
    "Comparison",
    "Corpus",
    "Debris",
    "Doc",
    "FramingError",
    "InputError",
    "LexiconError",
    "LoadError",
    "Match",
    "MissingResourceError",
    "OptionError",
    "Results",
    "Sentence",
    "__version__",
    "analyze",
    "analyze_article",
    "compare",
    "iter_load",
    "load",
    "make_worksheet",
    "report",
    "segment",
]

