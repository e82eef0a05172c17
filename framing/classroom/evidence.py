"""The answer key's evidence: text as marked segments, and each flagged word with its explanation.

Article text stays plain text here (anonymised where asked); the templates and the PDF writer
escape it when they render the segments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from framing.classroom.articles import Flag, PreparedArticle
from framing.classroom.flags import flag_info
from framing.classroom.lookups import entry_note

__all__ = ["Mark", "answer", "flag_marks", "no_overlap", "segments"]

#: A mark on an article: absolute ``(start, end, css class, title)``.
Mark = tuple[int, int, str, str]


def segments(text: str, base: int, marks: Sequence[Mark], shown: Callable[[str], str]) -> list[dict[str, Any]]:
    """``text`` (which starts at offset ``base`` of its article) as segments ``{"text", "cls", "title"}``,
    marks given as absolute ``(start, end, css class, title)``; ``shown`` anonymises each piece.

    If anonymising piece by piece would differ from anonymising the whole (a name split by a
    mark), the text is returned whole and unmarked.
    """
    segs: list[dict[str, Any]] = []
    pos = 0
    for s, e, cls, title in sorted(marks):
        s, e = s - base, e - base
        if s < pos or s < 0 or e > len(text) or e <= s:
            continue
        if s > pos:
            segs.append({"text": text[pos:s], "cls": None, "title": None})
        segs.append({"text": text[s:e], "cls": cls, "title": title})
        pos = e
    if pos < len(text):
        segs.append({"text": text[pos:], "cls": None, "title": None})
    out = [{**g, "text": shown(g["text"])} for g in segs]
    if "".join(g["text"] for g in out) != shown(text):
        return [{"text": shown(text), "cls": None, "title": None}]
    return out


def flag_marks(flags: Iterable[Flag]) -> list[Mark]:
    """Marks for flags: their css class, titled with the flag's short label."""
    return [(f.start, f.end, f.cls, flag_info(f.key).label) for f in flags]


def no_overlap(marks: list[Mark]) -> list[Mark]:
    """The marks without those overlapping an earlier one (earlier start, then longer, wins)."""
    out: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if any(m[0] < o[1] and o[0] < m[1] for o in out):
            continue
        out.append(m)
    return out


def answer(flag: Flag, text: str, art: PreparedArticle | None, shown: Callable[[str], str]) -> dict[str, Any]:
    """A flagged word for the key: its text, label, explanation, lexicon note and, in an article, its sentence."""
    info = flag_info(flag.key)
    out: dict[str, Any] = {
        "text": shown(text[flag.start : flag.end]),
        "raw": text[flag.start : flag.end],
        "key": flag.key,
        "cls": info.css,
        "label": info.label,
        "explanation": info.explanation,
        "note": entry_note(flag.key, flag.term),
        "start": flag.start,
        "end": flag.end,
        "id": art.result.article.id if art else None,
        "in_quote": bool(art and art.in_source_quote(flag)),
        "context": None,
    }
    if art is not None:
        i = art.sentence_index(flag.start)
        if i is not None:
            s, e = art.sentence_span(i)
            out["context"] = segments(text[s:e], s, [(flag.start, flag.end, info.css, info.label)], shown)
    return out
