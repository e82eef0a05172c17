"""framing: comparative media-framing analysis of news articles.

The flow, each step a plain function (see docs/architecture.md)::

    corpus = framing.load("examples/corpus")      # read, clean, recover metadata, flag copies
    results = framing.analyze(corpus)              # segment, match lexicons, readability
    results.to_frame()                             # one row per article, for pandas
    comparison = framing.compare(results)          # outlets side by side, with evidence
    framing.report.html(comparison, "report.html") # or .pdf, .markdown, .write_tables

``framing.examples_path("corpus")`` is the invented example corpus, installed with the package.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from framing._version import __version__
from framing.errors import FramingError, InputError, LexiconError, MissingInputError, MissingResourceError, OptionError, UnknownFieldError, check_inputs
from framing.resources import examples_path
from framing.types import Article, ArticleResult, Debris, Doc, LoadError, Match, Sentence

if TYPE_CHECKING:  # the names below are imported on first use (see __getattr__)
    from framing import report
    from framing.analysis.article import analyze, analyze_article
    from framing.analysis.results import Results
    from framing.classroom.worksheet import make_worksheet
    from framing.comparison.comparison import compare
    from framing.comparison.outlets import blindspots
    from framing.comparison.over_time import over_time
    from framing.comparison.result import Comparison
    from framing.inputs.corpus import Corpus
    from framing.inputs.loader import iter_load
    from framing.inputs.outlet_registry import load_outlets
    from framing.text.segment import segment

#: Public names imported on first use, so that ``import framing`` (and every worker process of a
#: run, which imports the package) does not load matplotlib, pandas and the report machinery it
#: may never need.
_LAZY = {
    "analyze": "framing.analysis.article",
    "analyze_article": "framing.analysis.article",
    "Results": "framing.analysis.results",
    "make_worksheet": "framing.classroom.worksheet",
    "compare": "framing.comparison.comparison",
    "Comparison": "framing.comparison.result",
    "Corpus": "framing.inputs.corpus",
    "iter_load": "framing.inputs.loader",
    "segment": "framing.text.segment",
    "blindspots": "framing.comparison.outlets",
    "over_time": "framing.comparison.over_time",
    "load_outlets": "framing.inputs.outlet_registry",
}


Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def load(paths: Paths, **options: Any) -> Corpus:
    """Load articles from files, folders or globs into a :class:`~framing.inputs.corpus.Corpus`
    (:func:`framing.inputs.loader.load`, which has the options and formats).

    A path that does not exist, or a glob pattern that matches no file, raises
    :class:`~framing.errors.MissingInputError` naming it before anything is read: a mistyped path
    would otherwise leave its articles out without a word (or give an empty corpus). A file that
    exists but cannot be read is listed in ``corpus.errors`` and the others are loaded.
    (:func:`iter_load`, a stream, yields a :class:`~framing.types.LoadError` for a missing path
    like any other bad input.)

    Example::

        corpus = framing.load("examples/corpus")
        corpus[0].outlet, corpus[0].title
    """
    from framing.inputs.loader import load as load_inputs

    paths = _given(paths)
    check_inputs(paths)
    return load_inputs(paths, **options)


def _given(paths: Paths) -> Paths:
    """``paths`` as a list when it is an iterator, so that checking it does not use it up."""
    return paths if isinstance(paths, (str, os.PathLike)) else list(paths)


def __getattr__(name: str) -> Any:
    if name == "report":
        return import_module("framing.report")
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


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
    "MissingInputError",
    "MissingResourceError",
    "OptionError",
    "Results",
    "Sentence",
    "UnknownFieldError",
    "__version__",
    "analyze",
    "analyze_article",
    "blindspots",
    "compare",
    "examples_path",
    "iter_load",
    "load",
    "load_outlets",
    "make_worksheet",
    "over_time",
    "report",
    "segment",
]

