"""Uses in context behind the report's terms, markers and actors, embedded in the HTML page so a
click on any of them shows where the words are (left / use / right, article, group).

The rows are concordance rows of :mod:`framing.explore.kwic`: a marker's uses are
:func:`~framing.explore.kwic.iter_kwic` of its category (the matches the analysis stored and the
profiles counted, with their voice); an actor's uses are its mentions as the analysis found them
(names, titles, metonyms, pronouns), and a distinctive term's are the words it was counted from
(:func:`~framing.comparison.vocabulary.term_spans`), both shown by
:func:`~framing.explore.kwic.context` exactly as a concordance shows its own. Each entry keeps at
most ``cap`` uses, taken in turn from each group, and says how many there are in all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from framing.comparison.grouping import group_of
from framing.comparison.result import Comparison
from framing.comparison.vocabulary import term_spans
from framing.explore.kwic import TermQuery, context, iter_kwic
from framing.markers.match import TokenMatcher
from framing.types import ArticleResult

__all__ = ["KWIC_CAP", "KWIC_WINDOW", "report_concordance"]

#: Uses kept per term, marker or actor in the page
KWIC_CAP = 8
#: Words each side of a use
KWIC_WINDOW = 8


class _Entries:
    """Rows of every entry, kept per group up to the cap, with the count of all uses."""

    def __init__(self, results: Sequence[ArticleResult], by: str, cap: int) -> None:
        self.results, self.by, self.cap = results, by, cap
        self.articles: list[list[Any]] = []
        self._article_of: dict[int, int] = {}
        self.rows: dict[str, dict[str, list[list[Any]]]] = {}
        self.total: dict[str, int] = {}
        self.labels: dict[str, str] = {}

    def add(self, key: str, i: int, left: str, match: str, right: str, note: str = "") -> None:
        self.total[key] = self.total.get(key, 0) + 1
        r = self.results[i]
        g = group_of(r, self.by)
        rows = self.rows.setdefault(key, {}).setdefault(g, [])
        if len(rows) >= self.cap:
            return
        if i not in self._article_of:
            self._article_of[i] = len(self.articles)
            a = r.article
            self.articles.append([a.title or a.id, g, a.published])
        rows.append([self._article_of[i], left, match, right, note])

    def data(self) -> dict[str, Any]:
        entries = {}
        for key, per_group in self.rows.items():
            queues = [list(rows) for rows in per_group.values()]
            chosen: list[list[Any]] = []
            while len(chosen) < self.cap and any(queues):  # in turn from each group
                for q in queues:
                    if q and len(chosen) < self.cap:
                        chosen.append(q.pop(0))
            entries[key] = {"label": self.labels.get(key, key.partition(":")[2]), "total": self.total[key], "rows": chosen}
        return {"cap": self.cap, "articles": self.articles, "entries": entries}


def _voice_note(row: dict[str, Any]) -> str:
    if row.get("negated"):
        return "negated"
    if row.get("voice") == "quote":
        return f"in a quotation from {row.get('speaker') or 'an unnamed source'}"
    if row.get("voice") == "reported":
        return f"reported speech of {row.get('speaker') or 'an unnamed source'}"
    return ""


def report_concordance(
    comp: Comparison,
    *,
    markers: Iterable[tuple[str, str]] = (),
    actors: Iterable[str] = (),
    terms: Iterable[str] = (),
    cap: int = KWIC_CAP,
    window: int = KWIC_WINDOW,
) -> dict[str, Any]:
    """The uses in context of the report's ``markers`` (``(key, label)``), ``actors`` (names as
    the actor table has them) and distinctive ``terms``, as plain data for the page:
    ``{"cap", "articles": [[title, group, published]], "entries": {"m:KEY" | "a:NAME" | "t:TERM":
    {"label", "total", "rows": [[article, left, match, right, note]]}}}``. Duplicates are left out,
    as in the counts."""
    results = [r for r in comp.results if not r.article.duplicate_of]
    out = _Entries(results, comp.by, cap)
    wanted = dict(markers)
    if wanted:
        has: dict[str, list[int]] = {}
        for i, r in enumerate(results):  # which articles hold each marker: kwic reads only those
            for cat in {f"{m.lexicon}.{m.category}" for m in r.matches} & wanted.keys():
                has.setdefault(cat, []).append(i)
        for key, label in wanted.items():
            out.labels[f"m:{key}"] = label
            idx = has.get(key, [])
            for pos, row in _kwic_rows([results[i] for i in idx], key, window):
                out.add(f"m:{key}", idx[pos], row["left"], row["match"], row["right"], _voice_note(row))
    names = set(actors)
    for i, r in enumerate(results):
        text = r.article.text
        for x in r.actors:
            if x.get("name") in names and not x.get("candidate"):
                for m in x.get("mentions") or ():
                    out.add(f"a:{x['name']}", i, *context(text, m["start"], m["end"], window), m.get("kind") or "")
    wanted_terms = set(terms)
    if wanted_terms:
        for i, r in enumerate(results):
            for term, s, e in term_spans(r.article.text, wanted_terms):
                out.add(f"t:{term}", i, *context(r.article.text, s, e, window))
    return out.data()


def _kwic_rows(results: list[ArticleResult], key: str, window: int) -> Iterable[tuple[int, dict[str, Any]]]:
    """(position in ``results``, concordance row) of every use of the category ``key``."""
    pos = {id(r.article): k for k, r in enumerate(results)}
    # the stored matches of the category, whatever lexicon file (built-in or the user's) it came from
    query = TermQuery(key, "category", key, TokenMatcher([]), ())
    for row in iter_kwic(results, query, window=window):
        yield pos[id(row["_article"])], row
