"""Articles prepared for the exercises: labels and outlet letters, flagged spans, paragraphs.

:func:`prepare` leaves out copies of another article, checks there are two to six articles left,
gives each outlet a letter (shuffled by the seed), builds the :class:`~framing.classroom.anonymise.Anonymiser`
for every outlet named anywhere in the results, and wraps each article with what the exercises
look up: its sentences, paragraphs, flagged spans and the spans of its sources' quotations.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from framing.analysis.register_profile import is_register_evidence
from framing.classroom.anonymise import Anonymiser, domain_of
from framing.classroom.excerpts import n_words, paragraphs
from framing.classroom.flags import flag_info, is_scare_quote, mark_keys, spot_keys
from framing.errors import FramingError
from framing.text.parse import parse
from framing.text.quotes import find_quote_spans
from framing.types import ArticleResult, Doc

__all__ = ["MAX_ARTICLES", "MIN_ARTICLES", "Flag", "Prepared", "PreparedArticle", "find_flags", "inside", "prepare"]

MIN_ARTICLES, MAX_ARTICLES = 2, 6


@dataclass(frozen=True)
class Flag:
    """A flagged span of an article: a match of one of the categories the worksheet shows."""

    start: int
    end: int
    key: str
    term: str

    @property
    def cls(self) -> str:
        """The css class of its mark."""
        return flag_info(self.key).css


def find_flags(result: ArticleResult, keys: Sequence[str]) -> list[Flag]:
    """Non-overlapping flagged spans of the given categories (earlier key wins, then longer), in order;
    register phrases only where the article reads as that register
    (:func:`~framing.analysis.register_profile.is_register_evidence`)."""
    order = {k: i for i, k in enumerate(keys)}
    cands = []
    for m in result.matches:
        k = f"{m.lexicon}.{m.category}"
        # a register phrase in an article that does not read as the register is not the register
        if k in order and not m.negated and is_register_evidence(m, result.register_profile):
            cands.append((order[k], -(m.end - m.start), m.start, m.end, k, m.term))
    cands.sort()
    taken: list[tuple[int, int]] = []
    out = []
    for _, _, s, e, k, term in cands:
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        out.append(Flag(s, e, k, term))
    out.sort(key=lambda f: f.start)
    return out


def inside(flags: Iterable[Flag], s: int, e: int) -> list[Flag]:
    """The flags that lie within ``s:e``."""
    return [f for f in flags if s <= f.start and f.end <= e]


# Not a value: the exercises record in ``used`` the spans they show, so that exercise 5 can avoid them.
@dataclass
class PreparedArticle:
    """An analysed article as the exercises see it."""

    result: ArticleResult
    doc: Doc
    paras: list[tuple[int, int]]
    label: str
    letter: str
    outlet_key: str
    outlet_name: str
    spot: list[Flag] = field(default_factory=list)  # exercise-2 flags
    marks: list[Flag] = field(default_factory=list)  # every flag worth marking
    quote_spans: list[tuple[int, int]] = field(default_factory=list)  # sources' quotations (not scare quotes)
    used: list[tuple[int, int]] = field(default_factory=list)  # spans shown elsewhere

    @property
    def text(self) -> str:
        return self.result.article.text

    def sentence_span(self, i: int) -> tuple[int, int]:
        s = self.doc.sentences[i]
        return s.start, s.end

    def sentence_index(self, char: int) -> int | None:
        for s in self.doc.sentences:
            if s.start <= char < s.end:
                return s.index
        return None

    def paragraph_of(self, char: int) -> tuple[int, int] | None:
        for s, e in self.paras:
            if s <= char < e:
                return s, e
        return None

    def in_source_quote(self, f: Flag) -> bool:
        return any(a <= f.start and f.end <= b for a, b in self.quote_spans)

    def windows(self, max_words: int, max_sentences: int = 8) -> Iterable[tuple[int, int, int]]:
        """Runs of whole sentences inside one paragraph: ``(start, end, words)``; single sentences always."""
        sents = self.doc.sentences
        for ps, pe in self.paras:
            within = [s for s in sents if ps <= s.start and s.end <= pe]
            for i in range(len(within)):
                for j in range(i, min(len(within), i + max_sentences)):
                    s, e = within[i].start, within[j].end
                    w = n_words(self.text[s:e])
                    if j > i and w > max_words:
                        break
                    yield s, e, w


@dataclass(frozen=True)
class Prepared:
    """The articles of a worksheet, those left out as copies, the anonymiser and each outlet's letter."""

    articles: list[PreparedArticle]
    left_out: list[dict[str, Any]]
    anonymiser: Anonymiser
    letters: dict[str, str]


def prepare(results: list[ArticleResult], *, seed: int, anonymise: bool) -> Prepared:
    """The articles ready for the exercises (copies left out); FramingError unless two to six remain."""
    kept = [r for r in results if not r.article.duplicate_of]
    left_out = [
        {"id": r.article.id, "title": r.article.title, "copy_of": r.article.duplicate_of, "similarity": r.article.duplicate_similarity}
        for r in results
        if r.article.duplicate_of
    ]
    if len(kept) < MIN_ARTICLES:
        extra = f" ({len(left_out)} more left out as copies of another article)" if left_out else ""
        raise FramingError(f"a worksheet compares articles: give {MIN_ARTICLES} to {MAX_ARTICLES}; got {len(kept)}{extra}")
    if len(kept) > MAX_ARTICLES:
        raise FramingError(f"a worksheet compares {MIN_ARTICLES} to {MAX_ARTICLES} articles; got {len(kept)}: choose the ones the class should compare")
    keys = []
    for r in kept:
        keys.append(r.article.outlet or f"(unknown outlet: {r.article.id})")
    outlets = list(dict.fromkeys(keys))
    shuffled = outlets[:]
    random.Random(seed).shuffle(shuffled)
    letters = {o: "ABCDEF"[i] for i, o in enumerate(shuffled)}
    # every outlet-like name anywhere in the results is anonymised
    names: dict[str, str] = {}
    domains: dict[str, set[str]] = {}
    for r, k in zip(kept, keys):
        if r.article.outlet:
            names[r.article.outlet] = f"Outlet {letters[k]}"
        d = domain_of(r.article.url)
        if d and r.article.outlet:
            domains.setdefault(r.article.outlet, set()).add(d)
    for r in results:
        for other in (r.article.outlet, r.article.syndicated_from, r.article.republished_by):
            if other and other not in names:
                names[other] = "another outlet"
        d = domain_of(r.article.url)
        if d and r.article.outlet:
            domains.setdefault(r.article.outlet, set()).add(d)
    anon = Anonymiser(names, domains)
    per_outlet = Counter(keys)
    seen: Counter[str] = Counter()
    arts = []
    for r, k in zip(kept, keys):
        seen[k] += 1
        base = f"Outlet {letters[k]}" if anonymise else (r.article.outlet or f"Unknown outlet ({r.article.id})")
        label = base + (f" ({seen[k]})" if per_outlet[k] > 1 else "")
        spans = find_quote_spans(r.article.text)
        scare = {(m.start, m.end) for m in r.matches if is_scare_quote(f"{m.lexicon}.{m.category}")}
        arts.append(
            PreparedArticle(
                result=r,
                doc=parse(r.article.text),  # the analysis's own sentences: its indices point into them
                paras=paragraphs(r.article.text),
                label=label,
                letter=letters[k],
                outlet_key=k,
                outlet_name=r.article.outlet or "(unknown outlet)",
                spot=find_flags(r, spot_keys()),
                marks=find_flags(r, mark_keys()),
                quote_spans=[(s.start, s.end) for s in spans if (s.start, s.end) not in scare],
            )
        )
    if anonymise:
        arts.sort(key=lambda a: (a.letter, a.label))
    return Prepared(arts, left_out, anon, letters)
