"""The interactive term plot: every word and two-word phrase of two groups (or one group against
the rest), placed by how often each group uses it and coloured by how distinctive it is, with a
search box, hover details and a click-through to the term's uses in context.

The statistics are those of the report's "Distinctive terms" table
(:mod:`framing.comparison.vocabulary`): the same tokens, the same pooled prior over every group,
the same log-odds with an informative Dirichlet prior and its z-score (Monroe, Colaresi & Quinn
2008) from :func:`~framing.comparison.stats.log_odds_arrays`. Against the rest, a term's z here is
the table's z.

>>> import framing
>>> page = framing.report.term_plot(framing.load(framing.examples_path("corpus")), group="The Red Ledger")
>>> page.count('class="termplot"')
1

The page is self-contained: its data sits in a ``<script type="application/json">`` element
(:func:`~framing.safe_output.script_json`), drawn by a few kilobytes of our own JavaScript on a
canvas; every text from the articles reaches the screen as text, never as markup.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from framing.comparison.grouping import check_by, group_of, unknown_groups_message
from framing.comparison.result import Comparison
from framing.comparison.stats import log_odds_arrays
from framing.comparison.vocabulary import TermCounts, term_spans
from framing.errors import OptionError
from framing.explore.kwic import context
from framing.report.html import explore_assets, jinja_env
from framing.safe_output import script_json
from framing.types import Article, ArticleResult

__all__ = ["REST", "render_term_plot", "term_plot", "term_plot_data"]

#: The name of the reference side when one group is plotted against all the others
REST = "the rest"


def _as_results(source: Any) -> tuple[list[ArticleResult], str | None]:
    """The analysed (or loaded) articles of ``source`` and the grouping a Comparison was made with."""
    if isinstance(source, Comparison):
        return list(source.results), source.by
    out = []
    for item in source:
        if isinstance(item, ArticleResult):
            out.append(item)
        elif isinstance(item, Article):  # a loaded corpus: the term plot needs only the texts
            out.append(ArticleResult(article=item, n_sentences=0, n_tokens=0, n_words=0))
        else:
            raise OptionError(f"term_plot takes a Comparison, Results, a Corpus or articles; got an item of type {type(item).__name__}")
    return out, None


def term_plot_data(
    source: Any,
    *,
    groups: Sequence[str] | None = None,
    group: str | None = None,
    by: str | None = None,
    max_terms: int = 2500,
    min_count: int = 3,
    contexts: int = 5,
    window: int = 8,
    include_duplicates: bool = False,
) -> dict[str, Any]:
    """The term plot as plain data: terms with their counts and statistics, and their uses in context.

    Parameters
    ----------
    source : Comparison, Results, Corpus or iterable of Article / ArticleResult
    groups : two group names
        Plot the first group (up) against the second (right). Exactly one of ``groups`` and ``group``.
    group : str
        Plot this group against all the other articles pooled.
    by : str
        The field that defines the groups (default: the Comparison's, else ``"outlet"``).
    max_terms : int
        The most frequent terms of the two sides are plotted, this many at most; the 100 most
        distinctive of each side are always among them.
    min_count : int
        A term used fewer times by the two sides together is left out.
    contexts : int
        Uses in context kept per term and side (the first in each article, at most one per article);
        the page says how many of how many it shows.
    window : int
        Words of context on each side of a use (as :func:`framing.explore.kwic.kwic` shows them).
    """
    rs, comp_by = _as_results(source)
    by = by or comp_by or "outlet"
    if (groups is None) == (group is None):
        raise OptionError("term plot: give either groups=(A, B), two groups to set against each other, or group=A, one group against the rest")
    for name, value in (("max_terms", max_terms), ("min_count", min_count), ("contexts", contexts), ("window", window)):
        if isinstance(value, bool) or not isinstance(value, int) or value < (0 if name in ("contexts", "window") else 1):
            raise OptionError(f"term plot: {name} must be a whole number of at least {0 if name in ('contexts', 'window') else 1}; got {value!r}")
    check_by(rs, by)
    rs = [r for r in rs if include_duplicates or not r.article.duplicate_of]
    groups_of = [group_of(r, by) for r in rs]
    sizes: dict[str, int] = {}
    for g in groups_of:
        sizes[g] = sizes.get(g, 0) + 1
    wanted = [str(g) for g in groups] if groups is not None else [str(group)]
    if groups is not None and (len(wanted) != 2 or wanted[0] == wanted[1]):
        raise OptionError(f"term plot: groups must be two different group names; got {list(wanted)!r}")
    unknown = [g for g in wanted if g not in sizes]
    if unknown:
        raise OptionError(unknown_groups_message(sizes, by, unknown))
    a = wanted[0]
    b_groups = [wanted[1]] if groups is not None else [g for g in sizes if g != a]
    if not b_groups:
        raise OptionError(f"term plot: every article is in {a!r}; there is no rest to set it against (group by another field than {by!r}?)")
    b = wanted[1] if groups is not None else REST

    tc = TermCounts((r.article.text for r in rs), groups_of, list(sizes))
    ya, yb = tc.dense([a]), tc.dense(b_groups)
    n_a, n_b = float(ya.sum()), float(yb.sum())
    cand = np.flatnonzero(ya + yb >= min_count)
    delta, z = log_odds_arrays(ya[cand], yb[cand], tc.prior[cand], a0=tc.prior_total, n_t=n_a, n_r=n_b) if len(cand) else (np.zeros(0), np.zeros(0))
    keep = set(cand[np.argsort(-(ya[cand] + yb[cand]), kind="stable")[:max_terms]].tolist())
    by_z = np.argsort(-z, kind="stable")
    for j in list(cand[by_z[:100]]) + list(cand[by_z[::-1][:100]]):  # the most distinctive of each side
        keep.add(int(j))
    pos = {int(j): i for i, j in enumerate(cand)}
    chosen = sorted(keep, key=lambda j: (-(ya[j] + yb[j]), tc.words[j]))
    term_of = {str(tc.words[j]): k for k, j in enumerate(chosen)}

    side_of = dict.fromkeys(b_groups, 1)
    side_of[a] = 0
    uses: list[list[list[list[Any]]]] = [[[], []] for _ in chosen]
    articles: list[list[Any]] = []
    article_index: dict[int, int] = {}
    if contexts:
        for i, (r, g) in enumerate(zip(rs, groups_of)):
            side = side_of.get(g)
            if side is None:
                continue
            text = r.article.text
            seen: set[str] = set()
            for term, s, e in term_spans(text, term_of):
                rows = uses[term_of[term]][side]
                if term in seen or len(rows) >= contexts:
                    continue
                seen.add(term)
                if i not in article_index:
                    article_index[i] = len(articles)
                    art = r.article
                    articles.append([art.title or art.id, g, art.published])
                rows.append([article_index[i], *context(text, s, e, window)])
    terms = []
    zs = []
    for k, j in enumerate(chosen):
        i = pos[j]
        terms.append([str(tc.words[j]), int(ya[j]), int(yb[j]), round(float(delta[i]), 4), round(float(z[i]), 3), uses[k][0], uses[k][1]])
        zs.append(float(z[i]))
    ranked = sorted(range(len(terms)), key=lambda k: -zs[k])
    return {
        "by": by,
        "a": a,
        "b": b,
        "vs_rest": groups is None,
        "b_groups": len(b_groups),
        "n_articles": [sizes[a], sum(sizes[g] for g in b_groups)],
        "n_terms_counted": [int(n_a), int(n_b)],
        "n_candidates": len(cand),
        "min_count": min_count,
        "contexts": contexts,
        "terms": terms,
        "articles": articles,
        # the 20 most distinctive terms of each side (z beyond 1.96), as indices into terms
        "top_a": [k for k in ranked if zs[k] >= 1.96][:20],
        "top_b": [k for k in ranked[::-1] if zs[k] <= -1.96][:20],
    }


def term_plot(source: Any, path: str | Path | None = None, *, title: str | None = None, **options: Any) -> str:
    """The term plot as one self-contained HTML page (no network, works offline); written to ``path`` if given.

    ``options`` are those of :func:`term_plot_data`: ``groups=("A", "B")`` or ``group="A"`` (against
    the rest), ``by``, ``max_terms``, ``min_count``, ``contexts``, ``window``. An unknown group raises
    :class:`~framing.errors.OptionError` listing the groups.

    Example::

        results = framing.analyze(framing.load("examples/corpus"))
        framing.report.term_plot(results, "terms.html", groups=("The Red Ledger", "Harmony Daily"))
    """
    data = term_plot_data(source, **options)
    page = render_term_plot(data, title=title or f"Terms of {data['a']} and {data['b']}")
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page


def render_term_plot(data: dict[str, Any], *, title: str) -> str:
    """The page of :func:`term_plot` from its data."""
    return jinja_env().get_template("termplot.html.j2").render(
        title=title,
        tp=data,
        tp_json=script_json(data),
        assets=explore_assets(),
        generated=_dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )

