"""Article text as paragraphs of highlighted segments: the evidence behind every marker, in place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from framing.analysis.register_profile import SUPPORT, is_register_evidence

__all__ = ["highlight_segments"]


def highlight_segments(text: str, matches: Sequence[Any], categories: Mapping[str, str], profile: Mapping[str, Any] | None = None) -> list[list[dict[str, Any]]]:
    """The text as paragraphs of segments ``{"text", "cat", "title"}``; ``cat`` is None for plain text.

    ``categories`` maps the highlighted marker keys to colours in priority order (the registry's
    :meth:`~framing.markers.registry.MarkerRegistry.highlights`); overlapping matches are resolved
    by that order (earlier wins), then by length. Matches that are not the outlet's evidence are
    marked ``quoted`` (shown muted) with the reason in their title: words inside a quotation, and a
    register phrase in an article that does not read as that register (``profile``, the article's
    register profile; :func:`~framing.analysis.register_profile.is_register_evidence`).
    """
    order = {k: i for i, k in enumerate(categories)}
    cands = []
    for m in matches:
        key = f"{m.lexicon}.{m.category}"
        if key in order and not m.negated:
            source = f"; in a quotation from {m.speaker or 'an unnamed source'}: not counted as the outlet's" if m.voice == "quote" else ""
            evidence = is_register_evidence(m, profile)
            if not evidence:
                p = float(profile["proba"][m.category]) if profile else 0.0
                source += f"; the article as a whole reads as this register with probability {p:.0%} (under {SUPPORT[m.category]:.0%}): not shown as evidence of it"
            cands.append((order[key], -(m.end - m.start), m.start, m.end, key, m.term, m.lexicon_version + source, m.voice == "quote" or not evidence))
    cands.sort()
    taken: list[tuple[int, int]] = []
    chosen = []
    for _, _, s, e, key, term, version, quoted in cands:
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        chosen.append((s, e, key, term, version, quoted))
    chosen.sort()
    segs: list[dict[str, Any]] = []
    pos = 0
    for s, e, key, term, version, quoted in chosen:
        if s > pos:
            segs.append({"text": text[pos:s], "cat": None, "title": None})
        segs.append({"text": text[s:e], "cat": key, "quoted": quoted, "title": f"{key} (lexicon {key.split('.')[0]} {version}; entry: {term})"})
        pos = e
    if pos < len(text):
        segs.append({"text": text[pos:], "cat": None, "title": None})
    # split into paragraphs at blank lines, keeping segment boundaries
    paras: list[list[dict[str, Any]]] = [[]]
    for seg in segs:
        parts = seg["text"].split("\n\n")
        for i, part in enumerate(parts):
            if i:
                paras.append([])
            if part:
                paras[-1].append({**seg, "text": part})
    return [p for p in paras if p]
