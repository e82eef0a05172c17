"""Find direct quotations in a text: spans between quotation marks, including quotes that run
over several sentences or paragraphs.

Recognised marks: curly double quotes (“…”), straight double quotes ("…"), guillemets («…») and
curly single quotes (‘…’) when the opening mark follows a space or the start of a line (so that
apostrophes are not mistaken for quotes). Copied text breaks marks in common ways, all
tolerated: a straight double mark typed for an apostrophe inside a word ("I"m") is no mark, a
paragraph opened with a straight single mark may be closed with a double one, a straight
opening mark may be closed with a curly one, and older wire copy closes a double quotation with
two apostrophes (,'' he said). The news convention for multi-paragraph quotes, where
a paragraph opens a quote without closing it and the next paragraph re-opens it, is followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quote_spans"]


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` include the marks, ``inner_start``/``inner_end`` do not."""

    start: int
    end: int
    inner_start: int
    inner_end: int

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


#: Two apostrophes after a word, closing a quotation in older wire copy ("...,'' he said", "...,’’
#: Representative Debbie Dingell said")
_TWO_APOSTROPHES = r"(?<=[^\s'’])(?:''|’’)(?![\w'’])"

# (opening mark, closing mark) as regular expressions; single curly quotes count only at word
# edges so that apostrophes (don’t, Canada’s) are never taken for quotation marks
_MARKS = [
    # copied text mixes curly and straight marks (“... ," X said): a curly opening mark may close
    # with a straight one
    (re.compile("“"), re.compile('[”"]|' + _TWO_APOSTROPHES)),
    (re.compile("«"), re.compile("»")),
    (re.compile("„"), re.compile("[“”]")),
    # a paragraph that opens with a straight single mark before a capital is a quotation, and
    # copied text may close it with a double mark ('The House has done nothing," Andrews said)
    (re.compile(r"(?:^|(?<=\n))'(?=[A-Z])"), re.compile(r"(?<=\S)['\"](?!\w)")),
    # a straight double mark between two letters is a mistyped apostrophe ("I"m", "don"t"),
    # neither opening nor closing a quotation; a straight opening mark may close with a curly one
    # ("It is surely important ...,” says ...) unless that one closes a curly quotation of its own
    # (and wire copy's two apostrophes close one: "... ability to pay for care,'' said Wendell Watson)
    (re.compile(r'(?<![A-Za-z])"|"(?![A-Za-z])'), re.compile(r'(?<![A-Za-z])"|"(?![A-Za-z])|”|' + _TWO_APOSTROPHES)),
    (re.compile(r"(?<!\w)‘(?=\S)"), re.compile(r"(?<=\S)’(?!\w)")),
]


#: Any character that can open a quotation (a text without one has none: the common case of a
#: sentence, checked in one pass before the six scans)
_ANY_OPENER = re.compile(r"[“«„\"‘]|(?:^|(?<=\n))'")

#: A curly single closing mark after a comma or full stop, with the sentence going on after it
#: (",’ Cuomo said"): where a curly double quotation left open was closed by mistake
_MISTYPED_CLOSE = re.compile(r"[,.?!]’(?= \S)")


def _scan(text: str, opener: re.Pattern[str], closer: re.Pattern[str], taken: list[tuple[int, int]]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    pos = 0
    n = len(text)
    while True:
        m = opener.search(text, pos)
        if m is None:
            return spans
        i = m.start()
        if any(a <= i < b for a, b in taken):
            pos = i + 1
            continue
        j = m.end()
        while True:
            c = closer.search(text, j)
            skipped = 0
            while c is not None and c.group() == "”" and text.count("“", j, c.start()) > skipped:
                skipped += 1  # the closing mark of a curly quotation inside (one per opening mark inside)
                c = closer.search(text, c.end())
            nl = text.find("\n", j)
            if c is not None and (nl == -1 or c.start() < nl):
                end, inner_end = c.end(), c.start()
                break
            typo = _MISTYPED_CLOSE.search(text, j, nl if nl != -1 else n) if opener.pattern == "“" else None
            if typo is not None and "‘" not in text[j : typo.start()]:
                # closed with a single mark by mistake ("“We are now working with hospitals ...,’
                # Cuomo said."): no single quotation opened inside, so that mark closes it
                end, inner_end = typo.end(), typo.start() + 1
                break
            if nl == -1:  # unclosed until the end of the text
                end = inner_end = n
                break
            rest = text[nl:].lstrip("\n")
            again = opener.match(rest)
            if again:  # the next paragraph re-opens the quote: the quote goes on
                j = n - len(rest) + again.end()
                continue
            if rest[:1].islower() and text[j:nl].rstrip()[-1:].isalnum():
                # a line broken inside a sentence ("... students with no" / "educational options
                # ...,” the lawsuit alleges): a page's line break, not the end of the quotation
                j = n - len(rest)
                continue
            end = inner_end = nl  # unclosed: it ends with its paragraph
            break
        spans.append(QuoteSpan(i, end, m.end(), inner_end))
        taken.append((i, end))
        pos = end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quotations in ``text`` in order of position.

    >>> t = 'He said “we will win” and ‘maybe’ they’ll "try".'
    >>> [s.inner(t) for s in find_quote_spans(t)]
    ['we will win', 'maybe', 'try']
    """
    if _ANY_OPENER.search(text) is None:
        return []
    taken: list[tuple[int, int]] = []
    spans: list[QuoteSpan] = []
    for opener, closer in _MARKS:
        spans.extend(_scan(text, opener, closer, taken))
    spans.sort(key=lambda s: s.start)
    return spans


# ---------------------------------------------------------------------------------------------
# Attribution: who is quoted, with which verb


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or a piece of reported speech, attributed to a speaker where possible.

    ``kind`` is ``direct`` (words in quotation marks), ``partial`` (a short quoted phrase inside
    the writer's sentence, "called the talks “very dangerous”") or ``reported`` ("X said that
    ...", "according to X"). ``verb_class`` is ``neutral`` (said, told, stated), ``evaluative``
    (claimed, insisted, admitted, boasted, warned, dissed) or ``None`` when no verb was found.
    """

    kind: str
    start: int
    end: int
    sentence: int
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    verb: str | None = None
    verb_class: str | None = None
    verb_start: int | None = None

    def to_dict(self, text: str | None = None) -> dict[str, object]:
        d: dict[str, object] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "verb": self.verb,
            "verb_class": self.verb_class,
        }
        if text is not None:
            d["text"] = text[self.start : self.end]
        return d
