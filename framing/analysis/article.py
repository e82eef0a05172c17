"""Score articles: segmentation, lexicon markers, readability, provenance; and the results table.

``analyze_article`` is a pure function from one :class:`~framing.types.Article` to one
:class:`~framing.types.ArticleResult`. ``analyze`` runs it over a corpus with a progress bar and
returns :class:`Results`, which gives pandas tables and writes ``articles.jsonl``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Container, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.markers.detectors import DETECTOR_CATEGORIES, DETECTOR_VERSION, detect, quote_share
from framing.resources import package_versions
from framing.text.quotes import find_quote_spans
from framing.text.readability import readability
from framing.text.segment import segment
from framing.types import Article, ArticleResult, LoadError, Match

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from framing.actors.gazetteer import Gazetteer
    from framing.markers.lexicons import LexiconSet

__all__ = ["Results", "analyze", "analyze_article", "marker_profile"]

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


def _provenance(lexicons: LexiconSet | None, gazetteer: Gazetteer | None = None, sentiment: Any = None) -> dict[str, Any]:
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
        from framing.actors.attribution import attribute_quotes, find_roles
        from framing.actors.gazetteer import find_mentions
        from framing.actors.portrayal import summarise_actors

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
        provenance=provenance if provenance is not None else _provenance(lexicons, gazetteer, sentiment),
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
    from framing.actors.gazetteer import load_gazetteer
    from framing.resources import lexicon_dir

    if not (lexicon_dir() / "actors.toml").exists():
        return None
    return load_gazetteer()


def default_sentiment() -> Any:
    """The shipped target-sentiment model's batch scorer, or None when no model is installed."""
    try:
        from framing.sentiment import model_available, score_targets
    except ImportError:
        return None
    return score_targets if model_available() else None


def _default_lexicons() -> LexiconSet | None:
    try:
        from framing.markers.lexicons import load_default_lexicons
    except ImportError:  # the lexicon engine is optional at this layer
        return None
    return load_default_lexicons()


def _progress(iterable: Iterable[Any], total: int | None, progress: bool | None, desc: str) -> Iterable[Any]:
    if progress is False:
        return iterable
    from tqdm.auto import tqdm

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
    lex = _default_lexicons() if lexicons == "default" else lexicons
    gz = default_gazetteer() if gazetteer == "default" else gazetteer
    sent = default_sentiment() if sentiment == "default" else sentiment
    prov = _provenance(lex, gz, sent)  # type: ignore[arg-type]
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


def _flatten(result: ArticleResult) -> dict[str, Any]:
    row = result.article.metadata()
    row.pop("meta", None)
    row.update(n_sentences=result.n_sentences, n_tokens=result.n_tokens, n_words=result.n_words)
    for key, slot in result.markers.items():
        row[f"{key}.count"] = slot["count"]
        row[f"{key}.rate"] = slot["rate"]
    for key, value in result.readability.items():
        row[f"readability.{key}"] = value
    if result.predictions:  # classifier predictions: pred_<model>, pred_<model>.p_<class> (framing.ml.predict)
        from framing.ml.predict import prediction_columns

        row.update(prediction_columns(result.predictions))
    return row


class Results(Sequence[ArticleResult]):
    """Per-article analysis results with the inputs that failed; tables for pandas, JSONL on disk."""

    def __init__(self, results: Iterable[ArticleResult] = (), errors: Iterable[LoadError] = ()) -> None:
        self.results: list[ArticleResult] = list(results)
        self.errors: list[LoadError] = list(errors)

    def __len__(self) -> int:
        return len(self.results)

    def __getitem__(self, i: int) -> ArticleResult:  # type: ignore[override]
        return self.results[i]

    def __iter__(self) -> Iterator[ArticleResult]:
        return iter(self.results)

    def to_frame(self) -> pd.DataFrame:
        """One row per article: metadata, counts, ``<lexicon>.<category>.count/.rate``, readability,
        and ``pred_<model>`` (label) with ``pred_<model>.p_<class>`` when classifiers were applied."""
        import pandas as pd

        return pd.DataFrame([_flatten(r) for r in self.results])

    def matches_frame(self) -> pd.DataFrame:
        """One row per lexicon match, with the matched words: the evidence behind every marker."""
        import pandas as pd

        rows = []
        for r in self.results:
            text = r.article.text
            for m in r.matches:
                d = m.to_dict()
                d["id"] = r.article.id
                d["outlet"] = r.article.outlet
                d["text"] = text[m.start : m.end]
                rows.append(d)
        return pd.DataFrame(rows)

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike[str], *, records: Container[int] | None = None) -> Results:
        """Read back what ``to_jsonl`` or ``framing analyze`` wrote (with ``errors.jsonl`` beside it).

        ``records``: only these records (0-based, in file order; blank lines do not count), for
        example a sample chosen by :func:`framing.run.engine.stratified_sample`; the others are skipped
        without being parsed."""
        from framing.errors import InputError

        path = Path(path)
        if path.is_dir():
            path = path / "articles.jsonl"
        if not path.is_file():
            raise InputError(f"{path}: no results here (expected the articles.jsonl written by 'framing analyze')")
        results = []
        index = -1
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                index += 1
                if records is not None and index not in records:
                    continue
                try:
                    results.append(ArticleResult.from_dict(json.loads(line)))
                except (json.JSONDecodeError, TypeError, KeyError) as exc:
                    raise InputError(f"{path}, line {n}: not a result written by framing ({exc})") from exc
        errors = []
        err_path = path.with_name("errors.jsonl")
        if err_path.is_file():
            for line in err_path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    e = json.loads(line)
                    errors.append(LoadError(e.get("path", "?"), e.get("reason", "?"), e.get("record")))
        return cls(results, errors)

    def to_jsonl(self, path: str | os.PathLike[str], *, evidence: bool = True) -> Path:
        """Write one JSON object per article (the format documented in docs/output.md)."""
        path = Path(path)
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r.to_dict(evidence=evidence), ensure_ascii=False) + "\n" for r in self.results)
        return path

    def __repr__(self) -> str:
        return f"Results({len(self.results)} articles, {len(self.errors)} errors)"

    def _repr_html_(self) -> str:
        from html import escape

        frame = self.to_frame()
        if frame.empty:
            return f"<p>{escape(repr(self))}</p>"
        cols = [c for c in frame.columns if c in ("id", "outlet", "title", "n_words") or c.endswith(".rate")]
        return f"<p>{escape(repr(self))}</p>" + frame[cols].to_html(index=False, escape=True, max_cols=16)
