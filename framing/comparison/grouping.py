"""How articles are put into groups: one definition, used by every table, finding and report.

``by`` is an article attribute (``outlet``, ``published``, ``syndicated_from`` ...) or a metadata
field (a CSV/JSONL column or a sidecar key, kept in ``Article.meta``). Dates group **by month**
(``published`` = ``2026-03``) everywhere; a missing value is the group ``(unknown)``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import fields

from framing.errors import UnknownFieldError
from framing.inputs.outlet_registry import GROUP_FIELDS
from framing.types import Article, ArticleResult

__all__ = ["UNKNOWN", "check_by", "group_of", "groupable_fields", "unknown_groups_message"]

#: The group of an article that has no value for the field.
UNKNOWN = "(unknown)"
_NOT_GROUPABLE = frozenset({"id", "text", "debris", "meta", "source_path", "duplicate_similarity"})


def group_of(result: ArticleResult, by: str) -> str:
    """The group of one analysed article (``published``: its month)."""
    a = result.article
    v = getattr(a, by) if by in _ARTICLE_FIELDS else a.meta.get(by)
    if by == "published" and v:
        v = str(v)[:7]
    return str(v) if v not in (None, "") else UNKNOWN


def groupable_fields(results: Iterable[ArticleResult]) -> list[str]:
    """The fields articles can be grouped by: article attributes (the usual ones first: outlet,
    published, syndicated_from, republished_by, author), the outlet registry's facts (country,
    ownership, wire, language, registry_outlet), then every metadata key seen."""
    meta: dict[str, None] = {}
    for r in results:
        meta.update(dict.fromkeys(k for k in r.article.meta if isinstance(k, str)))
    return list(_GROUPABLE) + list(GROUP_FIELDS) + sorted(k for k in meta if k not in _ARTICLE_FIELDS and k not in GROUP_FIELDS)


def check_by(results: Iterable[ArticleResult], by: str) -> None:
    """Raise :class:`~framing.errors.UnknownFieldError` (an ``OptionError``) when no article has
    the field ``by``, naming those that exist and the closest one."""
    rs = list(results)
    if by in _GROUPABLE or by in GROUP_FIELDS:  # an outlet fact: articles of unknown outlets are "(unknown)"
        return
    if any(by in r.article.meta for r in rs):
        return
    raise UnknownFieldError(by, groupable_fields(rs))


#: At most this many groups are listed in a message
_LIST_GROUPS = 60


def unknown_groups_message(sizes: dict[str, int], by: str, unknown: Sequence[str]) -> str:
    """The message for group names that are not groups (``sizes``: articles per group): the near
    misses, then the groups there are, largest first."""
    ranked = sorted(sizes, key=lambda g: (-sizes[g], g))
    listed = ", ".join(f"{g!r} ({sizes[g]})" for g in ranked[:_LIST_GROUPS])
    if len(ranked) > _LIST_GROUPS:
        listed += f", and {len(ranked) - _LIST_GROUPS} more (every group is in tables/profiles.csv of --format csv)"
    if not unknown:
        return f"groups: name at least one group; the groups by {by} (articles) are {listed}"
    near = {g: difflib.get_close_matches(g, list(sizes), n=2, cutoff=0.6) for g in unknown}
    said = "; ".join(f"{g!r}" + (f" (did you mean {' or '.join(repr(m) for m in near[g])}?)" if near[g] else "") for g in unknown)
    return f"groups: no group named {said}; names are exact, and the groups by {by} (articles) are {listed}"


_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_USUAL = ("outlet", "published", "syndicated_from", "republished_by", "author")
_GROUPABLE = _USUAL + tuple(f for f in _ARTICLE_FIELDS if f not in _NOT_GROUPABLE and f not in _USUAL)
