"""Exercise 1: compare headlines and leads.

Each headline and first paragraph (from its first line that is not a byline, dateline or
promotion: :func:`~framing.classroom.furniture.lead_span`) side by side, with questions; the key
lists the flagged words of each headline and lead, who each headline names first, and which
actors every lead mentions or leaves out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from framing.actors.mentions import find_mentions
from framing.classroom.articles import Flag, PreparedArticle, find_flags, inside
from framing.classroom.concepts import texts
from framing.classroom.evidence import answer, flag_marks, segments
from framing.classroom.excerpts import grade, grade_ok, n_words
from framing.classroom.flags import spot_keys
from framing.classroom.furniture import lead_span
from framing.classroom.levels import Level
from framing.classroom.lookups import gazetteer, lexicons
from framing.markers.detectors import detect
from framing.text.quotes import find_quote_spans
from framing.text.segment import segment
from framing.types import Article, ArticleResult, Match

__all__ = ["headline_flags", "headlines_exercise"]


def headline_flags(title: str) -> tuple[list[Flag], list[str]]:
    """Flags and actor names (in order) in a headline, by the same lexicons and gazetteer."""
    doc = segment(title)
    matches: list[Match] = list(lexicons().match(doc)) + list(detect(doc, find_quote_spans(title)))
    fake = ArticleResult(article=Article(id="title", text=title), n_sentences=0, n_tokens=0, n_words=0, matches=tuple(matches))
    flags = find_flags(fake, spot_keys())
    actors: list[str] = []
    gz = gazetteer()
    if gz is not None:
        for m in find_mentions(doc, gz, candidates=False):
            if m.kind != "candidate" and m.name not in actors:
                actors.append(m.name)
    return flags, actors


def headlines_exercise(arts: list[PreparedArticle], level: Level, shown: Callable[[str], str]) -> dict[str, Any]:
    """Exercise 1's items (headline, lead and its grade per article), questions and answers."""
    items: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []
    lead_actors: dict[str, list[str]] = {}
    for a in arts:
        text = a.text
        ps, pe = lead_span(text, a.paras)  # the first paragraph, after any byline, dateline or promotion
        le = pe
        if level.lead_words is not None:
            sents = [s for s in a.doc.sentences if ps <= s.start and s.end <= pe]
            le = sents[0].end if sents else pe
            for s in sents[1:]:
                if n_words(text[ps : s.end]) > level.lead_words:
                    break
                le = s.end
        a.used.append((ps, le))
        lead = text[ps:le]
        g = grade(lead)
        title = a.result.article.title or ""
        items.append(
            {
                "label": a.label,
                "headline": shown(title) or "(no headline)",
                "lead": shown(lead),
                "grade": g,
                "grade_ok": grade_ok(g, level),
                "words": n_words(lead),
                "shortened": le < pe,
                "note": shown(a.result.article.meta.get("note") or ""),
            }
        )
        h_flags, h_actors = headline_flags(title) if title else ([], [])
        l_flags = inside(a.spot, ps, le)
        names = []
        for actor in a.result.actors:
            if actor.get("candidate"):
                continue
            firsts = [m["start"] for m in actor["mentions"] if ps <= m["start"] < le]
            if firsts:
                names.append((min(firsts), shown(actor["name"])))
        lead_actors[a.label] = [n for _, n in sorted(names)]
        keys.append(
            {
                "label": a.label,
                "headline": segments(title, 0, flag_marks(h_flags), shown) if title else [],
                "headline_flags": [answer(f, title, None, shown) for f in h_flags],
                "headline_actors": [shown(n) for n in h_actors],
                "lead": segments(lead, ps, flag_marks(l_flags), shown),
                "lead_flags": [answer(f, text, a, shown) for f in l_flags],
                "lead_actors": lead_actors[a.label],
            }
        )
    common = set.intersection(*(set(v) for v in lead_actors.values())) if lead_actors else set()
    for k in keys:
        k["lead_only_here"] = [n for n in k["lead_actors"] if sum(n in v for v in lead_actors.values()) == 1 and len(arts) > 1]
    questions = texts().headline_questions[: level.questions]
    answers = []
    for q in questions:
        if q.kind == "open":
            a_text = "Open question: articles about one event usually share the facts; what differs is which part of the event each headline makes the news, and with which verb."
        elif q.kind == "first":
            a_text = "; ".join(f"{k['label']}: {', '.join(k['headline_actors']) or 'no actor the gazetteer knows'}" for k in keys)
            a_text = "Actors named in each headline, in order: " + a_text + ". The actor named first, and the one doing the verb, is what the headline makes the story about."
        elif q.kind == "flags":
            parts = []
            for k in keys:
                words = [f"“{f['text']}” ({f['label']})" for f in k["headline_flags"] + k["lead_flags"]]
                parts.append(f"{k['label']}: {', '.join(words) if words else 'nothing flagged'}")
            a_text = "Flagged by the analysis: " + "; ".join(parts) + "."
        elif q.kind == "omit":
            named = ", ".join(sorted(common)) or "no actor"
            only = "; ".join(f"{k['label']}: {', '.join(k['lead_only_here'])}" for k in keys if k["lead_only_here"])
            a_text = f"Named in every lead: {named}." + (f" Named in one lead only: {only}." if only else "") + " What a lead leaves out is as much a choice as what it includes."
        else:
            a_text = "Open question: look for who is blamed (cause), which words judge (moral evaluation) and what the text says should happen (remedy)."
        answers.append({"question": q.text, "answer": a_text})
    return {
        "key": "headlines",
        "items": items,
        "questions": [q.text for q in questions],
        "answers": answers,
        "answer_items": keys,
    }
