"""Framing markers that are not word lists: scare quotes, rhetorical questions, direct quotes.

Each detector returns :class:`~framing.types.Match` objects under the pseudo-lexicon
``detectors`` so that its evidence is handled exactly like a lexicon match (spans, counts, rates,
highlighting).

* ``scare_quotes``: a short quotation (1-4 words) that no speaker is given for: no quoting verb
  ("said", "called", "claimed", "warned", ...) in the six tokens before it in its sentence, nor in
  the four after it. "Washington is tightening control over “its” hemisphere" is one; "Trump called
  the talks “very dangerous”" is not (it is attributed). Concept: Predelli (2003), "Scare quotes
  and their relation to other semantic issues", Linguistics and Philosophy 26.
* ``rhetorical_questions``: a question in the writer's own voice (a sentence ending in "?" outside
  any quotation). Concept: Ilie (1994), "What Else Can I Tell You?".
* ``direct_quotes``: quotations of five words or more; ``share`` in the marker profile is the
  share of the article's words inside them (how much of the text is given to sources' own words).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from framing.text.quotes import QuoteSpan, find_quote_spans
from framing.types import Doc, Match

__all__ = ["DETECTOR_CATEGORIES", "DETECTOR_VERSION", "QUOTING_VERBS", "detect", "quote_share"]

DETECTOR_VERSION = "1.0.0"
DETECTOR_CATEGORIES = ("scare_quotes", "rhetorical_questions", "direct_quotes")

#: Verbs and phrases that attribute quoted words to a speaker.
QUOTING_VERBS = frozenset(
    ["say", "says", "said", "saying", "tell", "tells", "told", "telling", "call", "calls", "called", "calling", "claim", "claims", "claimed", "claiming", "warn", "warns", "warned", "warning", "write", "writes", "wrote", "written", "writing", "post", "posts", "posted", "describe", "describes", "described", "dub", "dubs", "dubbed", "term", "termed", "label", "labels", "labelled", "labeled", "brand", "branded", "declare", "declares", "declared", "insist", "insists", "insisted", "vow", "vowed", "urge", "urged", "urges", "ask", "asks", "asked", "reply", "replied", "replies", "add", "adds", "added", "state", "states", "stated", "according", "accuse", "accused", "denounce", "denounced", "praise", "praised", "slam", "slammed", "blast", "blasted", "tweet", "tweeted", "announce", "announced", "argue", "argued", "argues", "assert", "asserted", "promise", "promised", "threaten", "threatened", "demand", "demanded", "remark", "remarked", "note", "noted", "explain", "explained", "suggest", "suggested", "admit", "admitted", "concede", "conceded", "boast", "boasted", "quip", "quipped", "joke", "joked", "shout", "shouted", "quote", "quoted", "quoting", "cite", "cited", "calling", "characterised", "characterized", "referred", "refers"]
)
_WINDOW_BEFORE = 6
_WINDOW_AFTER = 4
_MAX_SCARE_WORDS = 4
_MIN_DIRECT_WORDS = 5
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Indices of the first token at/after ``start`` and one past the last token before ``end``."""
    return bisect_left(doc.starts, start), bisect_left(doc.starts, end)


def _attributed(doc: Doc, span: QuoteSpan) -> bool:
    first, last = _token_range(doc, span.start, span.end)
    if first >= doc.n_tokens:
        return False
    sent = doc.sentence_of_token(min(first, doc.n_tokens - 1))
    before = doc.tokens[max(sent.token_start, first - _WINDOW_BEFORE) : first]
    after_sent_end = sent.token_end
    if last > 0 and last - 1 < doc.n_tokens:
        after_sent_end = max(after_sent_end, doc.sentence_of_token(last - 1).token_end)
    after = doc.tokens[last : min(after_sent_end, last + _WINDOW_AFTER)]
    return any(t.lower() in QUOTING_VERBS for t in (*before, *after)) or (bool(before) and before[-1] == ":")


def detect(doc: Doc, spans: list[QuoteSpan] | None = None) -> list[Match]:
    """All detector matches in a segmented text, in text order."""
    text = doc.text
    spans = find_quote_spans(text) if spans is None else spans
    out: list[Match] = []

    def add(category: str, start: int, end: int, term: str) -> None:
        first, _ = _token_range(doc, start, end)
        sentence = doc.sentence_of_token(min(first, doc.n_tokens - 1)).index if doc.n_tokens else 0
        out.append(Match("detectors", DETECTOR_VERSION, category, term, start, end, sentence))

    for span in spans:
        words = _WORD.findall(span.inner(text))
        if not words:
            continue
        if len(words) <= _MAX_SCARE_WORDS and not _attributed(doc, span):
            add("scare_quotes", span.start, span.end, "unattributed short quotation")
        elif len(words) >= _MIN_DIRECT_WORDS:
            add("direct_quotes", span.start, span.end, "direct quotation")

    inside = [(s.start, s.end) for s in spans]
    for sent in doc.sentences:
        s_text = text[sent.start : sent.end].rstrip("”’\"') ")
        if not s_text.endswith("?"):
            continue
        qpos = sent.start + len(s_text) - 1
        if any(a <= qpos < b for a, b in inside):
            continue  # a question asked by a quoted source, not by the writer
        add("rhetorical_questions", sent.start, sent.end, "question in the writer's voice")
    out.sort(key=lambda m: (m.start, m.category))
    return out


def quote_share(doc: Doc, matches: list[Match]) -> float | None:
    """Share of the article's words that lie inside direct quotations (``None`` for no words)."""
    total = doc.n_words
    if not total:
        return None
    quoted = sum(len(_WORD.findall(doc.text[m.start : m.end])) for m in matches if m.category == "direct_quotes")
    return round(quoted / total, 4)
