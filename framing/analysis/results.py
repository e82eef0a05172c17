"""Per-article results as a collection: pandas tables for notebooks, ``articles.jsonl`` on disk.
"""

from __future__ import annotations

import json
import os
from collections.abc import Container, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from framing.analysis.predictions import prediction_columns
from framing.analysis.register_profile import profile_columns
from framing.errors import InputError
from framing.types import ArticleResult, LoadError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd



__all__ = ["Results", "iter_results", "results_path", "to_row"]


def to_row(result: ArticleResult) -> dict[str, Any]:
    """One article's flat table row: metadata, counts, ``<marker>.count/.rate``, readability, predictions."""
    row = result.article.metadata()
    row.pop("meta", None)
    row.update(n_sentences=result.n_sentences, n_tokens=result.n_tokens, n_words=result.n_words)
    for key, slot in result.markers.items():
        row[f"{key}.count"] = slot["count"]
        row[f"{key}.rate"] = slot["rate"]
    for key, value in result.readability.items():
        row[f"readability.{key}"] = value
    if result.register_profile:  # register_profile (the label), register_profile.p_/low_/high_<register>
        row.update(profile_columns(result.register_profile))
    if result.predictions:  # classifier predictions: pred_<model>, pred_<model>.p_<class> (framing.ml.predict)
        row.update(prediction_columns(result.predictions))
    return row


def results_path(path: str | os.PathLike[str]) -> Path:
    """The ``articles.jsonl`` of a results folder (or the file itself); a clear error when absent."""
    path = Path(path)
    if path.is_dir():
        path = path / "articles.jsonl"
    if not path.is_file():
        raise InputError(f"{path}: no results here (expected the articles.jsonl written by 'framing analyze')")
    return path


def iter_results(path: str | os.PathLike[str], *, records: Container[int] | None = None) -> Iterator[ArticleResult]:
    """The results in an ``articles.jsonl`` (or its folder) one at a time, so memory stays bounded
    on a large run; ``records`` as in :meth:`Results.from_jsonl`."""
    path = results_path(path)
    index = -1
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            index += 1
            if records is not None and index not in records:
                continue
            try:
                yield ArticleResult.from_dict(json.loads(line))
            except (json.JSONDecodeError, TypeError, KeyError) as exc:
                raise InputError(f"{path}, line {n}: not a result written by framing ({exc})") from exc


class Results(Sequence[ArticleResult]):
    """Per-article analysis results with the inputs that failed; tables for pandas, JSONL on disk."""

    def __init__(self, results: Iterable[ArticleResult] = (), errors: Iterable[LoadError] = ()) -> None:
        self.results: list[ArticleResult] = list(results)
        self.errors: list[LoadError] = list(errors)

    def __len__(self) -> int:
        return len(self.results)

    @overload
    def __getitem__(self, i: int) -> ArticleResult: ...

    @overload
    def __getitem__(self, i: slice) -> list[ArticleResult]: ...

    def __getitem__(self, i: int | slice) -> ArticleResult | list[ArticleResult]:
        return self.results[i]

    def __iter__(self) -> Iterator[ArticleResult]:
        return iter(self.results)

    def to_frame(self) -> pd.DataFrame:
        """One row per article: metadata, counts, ``<lexicon>.<category>.count/.rate``, readability,
        and ``pred_<model>`` (label) with ``pred_<model>.p_<class>`` when classifiers were applied."""
        import pandas as pd

        return pd.DataFrame([to_row(r) for r in self.results])

    def register_scores(self) -> pd.DataFrame:
        """One row per article and register: matches in the outlet's own words, the register score
        and its 90% interval per 1,000 words, the reference rate of ordinary news, and the verdict
        (``"clear"``, ``"none"``, ``"not enough evidence"``; :mod:`framing.analysis.registers`).

        Example::

            results.register_scores().query("verdict == 'clear'").groupby(["outlet", "register"]).size()
        """
        import pandas as pd

        from framing.analysis.registers import article_register_scores

        rows = []
        for r in self.results:
            for score in article_register_scores(r).values():
                rows.append({"id": r.article.id, "outlet": r.article.outlet, **score.as_dict()})
        return pd.DataFrame(rows)

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

    def kwic(self, term: str, *, window: int = 5, by: str | None = None, limit: int | None = None, case_sensitive: bool = False, lexicons: Any = None) -> pd.DataFrame:
        """Every use of ``term`` in context, with its voice (a concordance, quanteda's ``kwic``):
        one row per use with the article (id, outlet, published), ``left`` / ``match`` /
        ``right`` (``window`` words each side), character offsets, ``voice`` (``outlet``,
        ``quote`` or ``reported``) and ``speaker``. ``term`` is a word, phrase, glob
        (``imperialis*``) or lexicon category (``registers:marxist``); ``by`` an article field
        the rows are sorted by. See :func:`framing.explore.kwic.kwic`.

        Example::

            results.kwic("sanction*", window=8, by="outlet").query("voice == 'outlet'")
        """
        from framing.explore.kwic import kwic

        return kwic(self.results, term, window=window, by=by, limit=limit, case_sensitive=case_sensitive, lexicons=lexicons)

    def dtm(self, *, features: str = "forms", voice: str = "outlet", categories: bool = False, min_df: int = 1, pipeline: Any = None, progress: bool | None = None) -> Any:
        """The document-term matrix of these articles (a
        :class:`~framing.explore.dtm.DocumentTermMatrix`: sparse counts, vocabulary, documents),
        for scikit-learn, gensim or quanteda. ``features``: ``"forms"`` (lower-cased words),
        ``"lemmas"`` (one parse per article) or ``"none"``; ``voice="outlet"`` leaves out the words
        inside quotations; ``categories=True`` adds a column per lexicon category; ``min_df``: in at
        least this many documents. See :func:`framing.explore.dtm.document_term_matrix`.

        Example::

            m = results.dtm(features="lemmas", min_df=2)
            m.write("out/dtm")   # dtm.mtx, vocabulary.csv, documents.csv
        """
        from framing.explore.dtm import document_term_matrix

        return document_term_matrix(self.results, features=features, voice=voice, categories=categories, min_df=min_df, pipeline=pipeline, progress=progress)

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike[str], *, records: Container[int] | None = None) -> Results:
        """Read back what ``to_jsonl`` or ``framing analyze`` wrote (with ``errors.jsonl`` beside it).

        ``records``: only these records (0-based, in file order; blank lines do not count), for
        example a sample chosen by :func:`framing.run.engine.stratified_sample`; the others are skipped
        without being parsed."""
        path = results_path(path)
        results = list(iter_results(path, records=records))
        errors = []
        err_path = path.with_name("errors.jsonl")
        if err_path.is_file():
            for line in err_path.read_text(encoding="utf-8").split("\n"):  # not splitlines: U+2028 may be inside a line
                if line.strip():
                    e = json.loads(line)
                    errors.append(LoadError(e.get("path", "?"), e.get("reason", "?"), e.get("record")))
        return cls(results, errors)

    def to_jsonl(self, path: str | os.PathLike[str], *, evidence: bool = True) -> Path:
        """Write one JSON object per article (the format documented in docs/output.md)."""
        path = Path(path)
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r.to_dict(evidence=evidence), ensure_ascii=False, allow_nan=False) + "\n" for r in self.results)
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
