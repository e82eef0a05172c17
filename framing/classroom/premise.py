"""Does the worksheet's premise hold: are its articles about the same event?

A worksheet compares how outlets tell one event; given articles about different events, students
compare different news, not different framing, and every exercise still looks plausible. So the
worksheet checks, and warns the teacher (on stderr and at the top of the answer key) when:

* the articles were published more than :data:`MAX_SPREAD_DAYS` days apart (earliest to latest);
* the same-story grouping of the comparison
  (:func:`framing.comparison.stories.same_story_groups`: shared words, dates close together)
  puts them in different stories (said once: not again when the dates alone split them and the
  first warning already says so).

A warning, not an error: a teacher may compare an event with its anniversary coverage on purpose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from framing.comparison.stories import same_story_groups
from framing.types import ArticleResult

__all__ = ["MAX_SPREAD_DAYS", "premise_warnings"]

#: Articles published further apart than this (earliest to latest) may not report the same event.
#: Outlets cover an event within a day or two, and opinion pieces and weekly analyses follow within
#: about a week (the same-story grouping links articles up to 7 days apart); two weeks leaves room
#: for that follow-up while catching what a teacher should know: articles on a story's later stage,
#: with facts that have moved on, or on a different event altogether.
MAX_SPREAD_DAYS = 14


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _name(label: str, result: ArticleResult) -> str:
    title = result.article.title or result.article.id
    return f"{label} (“{title if len(title) <= 60 else title[:57].rstrip() + '...'}”)"


def premise_warnings(articles: Sequence[tuple[str, ArticleResult]]) -> list[str]:
    """Warnings for the teacher when the articles (``(label, result)`` as the worksheet shows them)
    may not be about the same event; empty when nothing suggests so."""
    out = []
    dated = sorted(((d, label, r) for label, r in articles if (d := _date(r.article.published))), key=lambda x: x[0])
    if len(dated) >= 2 and (dated[-1][0] - dated[0][0]).days > MAX_SPREAD_DAYS:
        (first, first_label, first_r), (last, last_label, last_r) = dated[0], dated[-1]
        out.append(
            f"These articles may not be about the same event: they were published {(last - first).days} days apart "
            f"({_name(first_label, first_r)} on {first.isoformat()}, {_name(last_label, last_r)} on {last.isoformat()}), "
            f"more than the {MAX_SPREAD_DAYS} days within which outlets cover one event. Check that they report the same facts: "
            "otherwise the class compares different news, not different framing."
        )
    results = [r for _, r in articles]
    stories = same_story_groups(results)
    if len(set(stories)) > 1 and out:  # dates already warned about: is it only the dates that split them?
        undated = [replace(r, article=replace(r.article, published=None)) for r in results]  # undated articles match any date
        if len(set(same_story_groups(undated))) == 1:
            stories = [0] * len(results)
    if len(set(stories)) > 1:
        groups: dict[int, list[str]] = {}
        for (label, r), story in zip(articles, stories):
            groups.setdefault(story, []).append(_name(label, r))
        listed = "; ".join(" and ".join(names) for names in groups.values())
        out.append(
            f"These articles may not be about the same event: by their words and dates they tell {len(groups)} different stories "
            f"({listed}). Check that they report the same event: otherwise the class compares different news, not different framing."
        )
    return out
