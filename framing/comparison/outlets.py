"""Outlet facts in a comparison: each article gets its outlet's facts from the registry
(:mod:`framing.inputs.outlet_registry`), reports group by them (``by="ownership"``), and the
blindspot table shows, per story, which kinds of outlets covered it and which never did.

The facts go into each article's metadata under :data:`~framing.inputs.outlet_registry.GROUP_FIELDS`
(``country``, ``ownership``, ``wire``, ``language``, ``registry_outlet``), so every table groups by
them as by any metadata column; a field the article's own metadata already has (a CSV column
``country``) is kept, never overwritten. An article whose outlet the registry does not know has
none of them (its group is ``(unknown)``), and its outlet is listed in :func:`outlet_table`.

Example::

    results = framing.analyze(framing.load("articles.jsonl"))
    comparison = framing.compare(results, by="ownership")
    comparison.outlets            # every outlet compared, with its facts or "not in the registry"
    comparison.blindspots         # one row per story: outlets of each ownership type that covered it
    framing.blindspots(results, by="country")   # the same table, by another field
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from framing.comparison.grouping import UNKNOWN, group_of
from framing.errors import check_option
from framing.inputs.outlet_registry import GROUP_FIELDS, OutletRegistry, load_outlets
from framing.types import ArticleResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Outlets", "blindspot_table", "blindspots", "outlet_table", "registry_of", "with_outlet_facts"]

#: What ``outlets=`` accepts: a loaded registry, or user registry files extending the built-in one
Outlets = OutletRegistry | str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None


def registry_of(outlets: Outlets) -> OutletRegistry:
    """The registry for ``outlets``: itself if loaded, else the built-in one extended by the files given."""
    if isinstance(outlets, OutletRegistry):
        return outlets
    if outlets is None:
        return load_outlets()
    if isinstance(outlets, (str, os.PathLike)):
        return load_outlets(extra=[outlets])
    return load_outlets(extra=list(outlets))


def with_outlet_facts(results: Iterable[ArticleResult], registry: OutletRegistry) -> list[ArticleResult]:
    """The results, each article's metadata extended by its outlet's facts (metadata it already
    has wins); the given results are not changed."""
    out = []
    for r in results:
        a = r.article
        outlet = registry.match(a.outlet, a.url)
        if outlet is None:
            out.append(r)
            continue
        facts = {k: v for k, v in outlet.facts().items() if v is not None and k not in a.meta}
        out.append(replace(r, article=replace(a, meta={**a.meta, **facts})) if facts else r)
    return out


def outlet_table(results: Iterable[ArticleResult], registry: OutletRegistry) -> pd.DataFrame:
    """One row per outlet of the articles: ``outlet`` (as in the data), ``articles``,
    ``registry_outlet`` (the registry's entry, empty when unknown), ``matched_by`` (``name`` or
    ``url``: the domain of the articles' address), the facts, ``source`` and ``note``. Unknown
    outlets come first, most articles first, so they are seen; then the known ones by name."""
    import pandas as pd

    rows: dict[str, dict[str, Any]] = {}
    for r in results:
        a = r.article
        if a.duplicate_of:
            continue
        name = a.outlet or UNKNOWN
        outlet, how = registry.match_how(a.outlet, a.url)
        row = rows.setdefault(name, {"outlet": name, "articles": 0, "registry_outlet": None, "matched_by": None, **dict.fromkeys(("country", "ownership", "wire", "language")), "source": None, "note": None})
        row["articles"] += 1
        if outlet is not None and row["registry_outlet"] is None:  # the first article that matches speaks for the outlet
            row.update({k: v for k, v in outlet.facts().items() if k != "registry_outlet"}, registry_outlet=outlet.name, matched_by=how,
                       source=" ".join(sorted(set(outlet.sources.values()))) or None, note=outlet.note)
    ordered = sorted(rows.values(), key=lambda x: (x["registry_outlet"] is not None, -x["articles"] if x["registry_outlet"] is None else 0, x["outlet"].casefold()))
    return pd.DataFrame(ordered, columns=["outlet", "articles", "registry_outlet", "matched_by", "country", "ownership", "wire", "language", "source", "note"])


def blindspot_table(results: Sequence[ArticleResult], story_ids: Sequence[int], *, by: str = "ownership", min_outlets: int = 2) -> pd.DataFrame:
    """Per story covered by at least ``min_outlets`` outlets: how many outlets of each value of
    ``by`` covered it (a column per value seen in the corpus, ``(unknown)`` included), and which
    values covered it and which never did.

    ``results`` must carry the outlet facts (:func:`with_outlet_facts`); ``story_ids`` gives each
    result's story (:func:`~framing.comparison.stories.same_story_groups`). Copies are left out.
    Columns: ``story``, ``title`` (of its first article), ``published`` (earliest date),
    ``articles``, ``outlets``, ``covered_by``, ``never_covered_by`` and one per value. Stories
    with the most outlets come first.
    """
    import pandas as pd

    check_option("by", by, GROUP_FIELDS)
    kept = [(r, s) for r, s in zip(results, story_ids, strict=True) if not r.article.duplicate_of]
    values = sorted({group_of(r, by) for r, _ in kept}, key=lambda v: (v == UNKNOWN, v))
    stories: dict[int, list[ArticleResult]] = {}
    for r, s in kept:
        stories.setdefault(s, []).append(r)
    rows: list[dict[str, Any]] = []
    for sid, members in stories.items():
        outlets: dict[str, str] = {}
        for r in members:
            outlets.setdefault(r.article.outlet or UNKNOWN, group_of(r, by))
        if len(outlets) < min_outlets:
            continue
        per_value = {v: sum(1 for g in outlets.values() if g == v) for v in values}
        dates = sorted(r.article.published[:10] for r in members if r.article.published)
        rows.append({
            "story": sid,
            "title": next((r.article.title for r in members if r.article.title), members[0].article.id),
            "published": dates[0] if dates else None,
            "articles": len(members),
            "outlets": len(outlets),
            "covered_by": ", ".join(v for v in values if per_value[v]),
            "never_covered_by": ", ".join(v for v in values if not per_value[v] and v != UNKNOWN),
            **per_value,
        })
    rows.sort(key=lambda x: (-int(x["outlets"]), -int(x["articles"]), int(x["story"])))
    return pd.DataFrame(rows, columns=["story", "title", "published", "articles", "outlets", "covered_by", "never_covered_by", *values])


def blindspots(results: Iterable[ArticleResult], *, by: str = "ownership", outlets: Outlets = None, min_outlets: int = 2, story_threshold: float | None = None) -> pd.DataFrame:
    """The blindspot table of analysed articles (:func:`blindspot_table`): stories found as
    :func:`~framing.compare` finds them, outlets' facts from the registry (``outlets``: user
    registry files extending the built-in one, or a loaded registry)."""
    from framing.comparison.stories import same_story_groups

    check_option("by", by, GROUP_FIELDS)
    rs = [r for r in with_outlet_facts(results, registry_of(outlets)) if not r.article.duplicate_of]
    return blindspot_table(rs, same_story_groups(rs, threshold=story_threshold), by=by, min_outlets=min_outlets)
