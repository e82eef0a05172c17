"""Analyse articles: segmentation, lexicon markers, detectors, actors, quotes and roles, sentiment
toward actors, readability.

``analyze_article`` is a pure function from one :class:`~framing.types.Article` to one
:class:`~framing.types.ArticleResult`. ``analyze`` runs it over a corpus with a progress bar and
returns :class:`~framing.analysis.results.Results`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from tqdm.auto import tqdm

from framing.actors.attribution import attribute_quotes, find_roles
from framing.actors.gazetteer import Gazetteer, find_mentions, load_gazetteer
from framing.actors.portrayal import summarise_actors
from framing.analysis.provenance import build_provenance
from framing.analysis.results import Results
from framing.markers.detectors import DETECTOR_CATEGORIES, detect, quote_share
from framing.markers.lexicons import LexiconSet, load_default_lexicons
from framing.resources import lexicon_dir
from framing.sentiment import model_available, score_targets
from framing.text.quotes import find_quote_spans
from framing.text.readability import readability
from framing.text.segment import segment
from framing.types import Article, ArticleResult, Match

__all__ = ["RATE_BASE", "analyze", "analyze_article", "default_gazetteer", "default_lexicons", "default_sentiment", "iter_analyze", "marker_profile"]


#: Marker rates are per this many word tokens (tokens with a letter or digit).
RATE_BASE = 1000


def marker_profile(matches: Sequence[Match], n_words: int, categories: Iterable[str] = ()) -> dict[str, dict[str, float]]:
    """Count, weighted count and rate per 1,000 words for each ``lexicon.category``.

    Negated matches (``not a threat``) are counted separately and excluded from ``count`` and
    ``rate``. Categories listed in ``categories`` appear with zero counts when nothing matched,
    so tables have the same columns for every article. The rate of an empty text is ``None``.
    """
    out: dict[str, dict[str, float]] = {}
    for key in categories:
        out[key] = {"count": 0, "weighted": 0.0, "negated": 0}
    for m in matches:
        key = f"{m.lexicon}.{m.category}"
        slot = out.setdefault(key, {"count": 0, "weighted": 0.0, "negated": 0})
        if m.negated:
            slot["negated"] += 1
        else:
            slot["count"] += 1
            slot["weighted"] += m.weight
    for slot in out.values():
        slot["weighted"] = round(slot["weighted"], 4)
        slot["rate"] = round(RATE_BASE * slot["count"] / n_words, 3) if n_words else None  # type: ignore[assignment]
    return out


def analyze_article(
    article: Article,
    *,
    lexicons: LexiconSet | None = None,
    gazetteer: Gazetteer | None = None,
    sentiment: Any = None,
    provenance: dict[str, Any] | None = None,
) -> ArticleResult:
    """Analyse one article: segment it, match lexicons and detectors, find actors, quotes and
    roles, score sentiment toward each actor mention, measure readability.

    ``gazetteer=None`` skips actors and quotes; ``sentiment`` is a callable taking a list of
    ``(sentence, start, end)`` targets and returning objects with ``label`` and ``score`` (the
    shipped model's :func:`framing.sentiment.score_targets`), or None to skip sentiment.
    """
    doc = segment(article.text)
    found: list[Match] = list(lexicons.match(doc)) if lexicons is not None else []
    spans = find_quote_spans(doc.text)
    detected = detect(doc, spans)
    found.extend(detected)
    found.sort(key=lambda m: (m.start, -m.end, m.lexicon, m.category))
    matches = tuple(found)
    keys = (lexicons.category_keys() if lexicons is not None else []) + [f"detectors.{c}" for c in DETECTOR_CATEGORIES]
    markers = marker_profile(matches, doc.n_words, keys)
    markers["detectors.direct_quotes"]["share"] = quote_share(doc, detected)  # type: ignore[assignment]
    actors: tuple[dict[str, Any], ...] = ()
    quotes: tuple[dict[str, Any], ...] = ()
    if gazetteer is not None:
        mentions = find_mentions(doc, gazetteer, published=article.published)
        scored = _score_mentions(doc, mentions, sentiment)
        quote_objs = attribute_quotes(doc, mentions, spans)
        roles = find_roles(doc, mentions, quote_objs, spans)
        actors = tuple(summarise_actors(doc.text, doc, mentions, scored, roles))
        quotes = tuple(q.to_dict(doc.text) for q in quote_objs)
    return ArticleResult(
        article=article,
        n_sentences=len(doc.sentences),
        n_tokens=doc.n_tokens,
        n_words=doc.n_words,
        markers=markers,
        matches=matches,
        actors=actors,
        quotes=quotes,
        readability=readability(doc),
        provenance=provenance if provenance is not None else build_provenance(lexicons, gazetteer, sentiment),
    )


def _score_mentions(doc: Any, mentions: Sequence[Any], sentiment: Any) -> list[Any]:
    """Target-dependent sentiment of every mention (in its sentence), or None for each."""
    if sentiment is None or not mentions:
        return [None] * len(mentions)
    items = []
    for m in mentions:
        sent = doc.sentences[m.sentence]
        items.append((doc.text[sent.start : sent.end], m.start - sent.start, m.end - sent.start))
    return list(sentiment(items))


def default_gazetteer() -> Gazetteer | None:
    """The built-in actor gazetteer (None if it is not installed)."""
    if not (lexicon_dir() / "actors.toml").exists():
        return None
    return load_gazetteer()


def default_sentiment() -> Any:
    """The shipped target-sentiment model's batch scorer, or None when no model is installed."""
    return score_targets if model_available() else None


def default_lexicons() -> LexiconSet:
    """The built-in lexicons."""
    return load_default_lexicons()


def _progress(iterable: Iterable[Any], total: int | None, progress: bool | None, desc: str) -> Iterable[Any]:
    if progress is False:
        return iterable

    # progress=None: a bar only when someone is watching a terminal (tqdm's own rule)
    return tqdm(iterable, total=total, desc=desc, unit="article", disable=None if progress is None else False, file=sys.stderr)


def iter_analyze(
    articles: Iterable[Article],
    *,
    lexicons: LexiconSet | str | None = "default",
    gazetteer: Gazetteer | str | None = "default",
    sentiment: Any = "default",
    progress: bool | None = None,
    total: int | None = None,
) -> Iterator[ArticleResult]:
    """Analyse articles one at a time (bounded memory); see :func:`analyze`."""
    lex = default_lexicons() if lexicons == "default" else lexicons
    gz = default_gazetteer() if gazetteer == "default" else gazetteer
    sent = default_sentiment() if sentiment == "default" else sentiment
    prov = build_provenance(lex, gz, sent)  # type: ignore[arg-type]
    if total is None and hasattr(articles, "__len__"):
        total = len(articles)  # type: ignore[arg-type]
    for article in _progress(articles, total, progress, "analysing"):
        yield analyze_article(article, lexicons=lex, gazetteer=gz, sentiment=sent, provenance=prov)  # type: ignore[arg-type]


def analyze(
    corpus: Iterable[Article],
    *,
    lexicons: LexiconSet | str | None = "default",
    gazetteer: Gazetteer | str | None = "default",
    sentiment: Any = "default",
    progress: bool | None = None,
) -> Results:
    """Analyse every article of a corpus.

    Parameters
    ----------
    corpus : Corpus or iterable of Article
        What :func:`framing.load` returns, or any articles.
    lexicons : LexiconSet, None or "default"
        The lexicons to match; ``"default"`` loads the built-in ones, ``None`` skips markers.
    gazetteer : Gazetteer, None or "default"
        Actors to find (``framing.actors.gazetteer.load_gazetteer``); ``None`` skips actors and quotes.
    sentiment : callable, None or "default"
        Target-sentiment scorer for actor mentions; ``"default"`` uses the shipped model.
    progress : bool or None
        Show a progress bar; ``None`` (default) shows one only on an interactive terminal.

    Examples
    --------
    ::

        results = framing.analyze(framing.load("examples/corpus"))
        results.to_frame()[["outlet", "n_words"]]
    """
    errors = list(getattr(corpus, "errors", []))
    results = list(iter_analyze(corpus, lexicons=lexicons, gazetteer=gazetteer, sentiment=sentiment, progress=progress))
    return Results(results, errors)


