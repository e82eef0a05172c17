"""Exercise 6: rewrite a loaded sentence neutrally.

Per article the sentence with the most loaded-language matches; the key marks the flagged words and
gives a hint only where a simple rule justifies one (:attr:`framing.classroom.flags.FlagInfo.rewrite`):
an evaluative verb of saying becomes "said"; a booster can be dropped; scare quotes can be removed
or attributed; a lexicon note names the neutral term.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from framing.classroom.articles import Flag, PreparedArticle, inside
from framing.classroom.evidence import answer, flag_marks, segments
from framing.classroom.excerpts import grade, grade_ok, n_words
from framing.classroom.flags import flag_info, loaded_key, say_stems
from framing.classroom.levels import Level
from framing.classroom.lookups import entry_note

__all__ = ["hints", "neutral_say", "rewrite_exercise"]

_NOTE_ALTERNATIVE = re.compile(r"(?:neutral style is|wire copy says) '([^']+)'(?: or '([^']+)')?", re.IGNORECASE)


def neutral_say(word: str) -> str | None:
    """The form of "say" that replaces an evaluative verb of saying word for word (None if no rule applies)."""
    w = word.lower()
    if " " in w or not any(w.startswith(st) for st in say_stems()):
        return None
    if w.endswith("ing"):
        return "saying"
    if w.endswith("ed"):
        return "said"
    if w.endswith("s"):
        return "says"
    return "say"


def hints(flags: list[Flag], a: PreparedArticle) -> list[str]:
    """Suggestions for a neutral version, one per flagged word that a rule covers, without repeats."""
    out: list[str] = []
    for f in flags:
        word = a.text[f.start : f.end]
        rule = flag_info(f.key).rewrite
        if rule == "said":
            alt = neutral_say(word)
            if alt:
                out.append(f"Replace “{word}” with “{alt}”: a neutral verb of saying reports the words without judging them (Bell 1991).")
        elif rule == "drop":
            out.append(f"Leave out “{word}”: the sentence states the same fact without it.")
        elif rule == "unquote":
            inner = word.strip("“”\"'‘’ .,;:")
            out.append(f"Remove the quotation marks around “{inner}”, or say who used the word.")
        elif rule == "note":
            note = entry_note(f.key, f.term) or ""
            m = _NOTE_ALTERNATIVE.search(note)
            if m:
                alts = " or ".join(f"“{x}”" for x in m.groups() if x)
                out.append(f"Replace “{word}” with {alts} (the lexicon's note on this word: {note})")
    return list(dict.fromkeys(out))


def rewrite_exercise(arts: list[PreparedArticle], level: Level, shown: Callable[[str], str]) -> dict[str, Any]:
    """Exercise 6's sentences (the most loaded of each article) and the key's marks, reasons and hints."""
    loaded = loaded_key()
    picks = []
    for a in arts:
        best = None
        for sent in a.doc.sentences:
            flags = inside(a.marks, sent.start, sent.end)
            own = [f for f in flags if not a.in_source_quote(f)]
            loaded_own = sum(1 for f in own if f.key == loaded)
            loaded_all = sum(1 for f in flags if f.key == loaded)
            if not flags:
                continue
            text = a.text[sent.start : sent.end]
            g = grade(text)
            key = (loaded_own, loaded_all, len(own), grade_ok(g, level), -n_words(text))
            if best is None or key > best[0]:
                best = (key, sent, flags, g)
        if best is not None:
            picks.append((a, *best))
    picks = sorted(picks, key=lambda p: p[1][:3], reverse=True)[: level.max_articles]
    picks.sort(key=lambda p: arts.index(p[0]))
    items, keys = [], []
    for a, key, sent, flags, g in picks:
        text = a.text[sent.start : sent.end]
        a.used.append((sent.start, sent.end))
        items.append({"label": a.label, "text": shown(text), "grade": g, "grade_ok": grade_ok(g, level)})
        loaded_own, loaded_all = key[0], key[1]
        found = hints([f for f in flags if not a.in_source_quote(f)], a)
        if loaded_own == 0 and loaded_all > 0:
            why = "The loaded words here are inside a quotation: they are a source's words. A neutral report keeps the quotation, attributes it with “said”, and does not repeat the words in its own voice."
        elif loaded_all == 0:
            why = "No loaded word in this article; this sentence has the most other judging markers."
        else:
            why = f"The sentence of this article with the most loaded words ({loaded_own})."
        keys.append(
            {
                "label": a.label,
                "segments": segments(text, sent.start, flag_marks(flags), shown),
                "answers": [answer(f, a.text, a, shown) for f in flags],
                "why": why,
                "hints": found or ["No simple rule gives a neutral version here: ask students to state what happened without the judging words, and compare their versions."],
                "grade": g,
            }
        )
    skipped = [a.label for a in arts if a not in [p[0] for p in picks]]
    return {"key": "rewrite", "items": items, "answer_items": keys, "skipped": skipped}
