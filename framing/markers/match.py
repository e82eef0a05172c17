"""Single-pass matching of many lexicons against the tokens of a text.

All entries of all lexicons are compiled into one token trie (a case-folded trie and, for
case-sensitive entries, an exact one). Walking the text once, each token position follows the
trie as far as the next tokens allow; glob tokens (``imperialis*``) are edges tested by
:class:`Glob` matchers indexed by their literal prefix, so the cost per token stays near a
dictionary look-up whatever the number of entries. A glob is matched without regular expressions
or backtracking, in time linear in the token, so no lexicon entry can stall the analysis on a long
word. Matching is on tokens, never substrings: ``war`` does not match
``software``.

Overlaps inside one lexicon follow ``overlap`` (leftmost-longest by default); negation is marked
for categories declared ``negatable`` when a negator occurs in the few tokens before the match,
in the same clause (the window follows VADER: Hutto & Gilbert 2014).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from framing.text.segment import normalise_token
from framing.types import Doc, Match

__all__ = ["NEGATORS", "Glob", "TokenMatcher"]

#: Tokens that negate an evaluative term a few tokens later ("not a threat", "never hostile").
NEGATORS = frozenset(
    ["not", "no", "never", "neither", "nor", "nobody", "none", "nothing", "nowhere", "without", "hardly", "barely", "scarcely", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt", "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "aint"]
)
_CLAUSE_BREAK = frozenset({",", ";", ":", ".", "!", "?", "but", "however", "—", "–", "(", ")"})
_PREFIX = 3  # glob edges are indexed by up to this many literal leading characters
_FIRST_CACHE = 20_000  # distinct tokens whose first trie step is remembered (per matcher and case mode)


class Glob:
    """A one-token glob whose ``*`` stands for any run of characters (``imperialis*``,
    ``*lateral``, ``inter*ist``), matched without backtracking.

    The part before the first ``*`` must begin the token and the part after the last must end
    it; each part in between is found at its leftmost place after the one before. Taking the
    leftmost place never loses a match when ``*`` is the only wildcard, so this gives exactly the
    answer of the regular expression ``part.*part.*part`` while reading the token once per part:
    a glob such as ``aaa*a*a*a*z`` that makes a backtracking regex take hours on a long word
    takes microseconds.

    >>> Glob("inter*ist").fullmatch("internationalist"), Glob("inter*ist").fullmatch("interest")
    (True, False)
    """

    __slots__ = ("_first", "_last", "_middle", "pattern")

    def __init__(self, pattern: str) -> None:
        parts = pattern.split("*")
        if len(parts) < 2:
            raise ValueError(f"a glob needs a '*'; got {pattern!r}")
        self.pattern = pattern
        self._first, self._middle, self._last = parts[0], tuple(p for p in parts[1:-1] if p), parts[-1]

    def fullmatch(self, token: str) -> bool:
        """Whether the whole of ``token`` matches the glob."""
        first, last = self._first, self._last
        end = len(token) - len(last)
        if end < len(first) or not token.startswith(first) or not token.endswith(last):
            return False
        pos = len(first)
        for part in self._middle:
            found = token.find(part, pos, end)
            if found < 0:
                return False
            pos = found + len(part)
        return True

    def __repr__(self) -> str:
        return f"Glob({self.pattern!r})"


T = TypeVar("T")


class GlobTable(Generic[T]):
    """Globs with a value each, indexed by the literal characters they start with (up to
    ``_PREFIX``; globs with fewer, such as ``*ism``, apart): a token is tried only against the
    globs that can match it.

    >>> table = GlobTable[int]()
    >>> table.add("thug*", 1), table.add("*ish", 2), table.add("thu*ish", 3)
    (1, 2, 3)
    >>> list(table.matches("thuggish")), table.first("thuggish"), table.first("reddish"), table.first("table")
    ([1, 3, 2], 1, 2, None)
    """

    __slots__ = ("_anywhere", "_by_prefix", "_n")

    def __init__(self) -> None:
        self._by_prefix: dict[str, list[tuple[int, Glob, T]]] = {}
        self._anywhere: list[tuple[int, Glob, T]] = []
        self._n = 0

    def _bucket(self, pattern: str) -> list[tuple[int, Glob, T]]:
        prefix = pattern.split("*", 1)[0][:_PREFIX]
        return self._anywhere if len(prefix) < _PREFIX else self._by_prefix.setdefault(prefix, [])

    def add(self, pattern: str, value: T) -> T:
        """Add a glob with its value; a pattern already there keeps its first value (returned)."""
        bucket = self._bucket(pattern)
        for _, glob, old in bucket:
            if glob.pattern == pattern:
                return old
        bucket.append((self._n, Glob(pattern), value))
        self._n += 1
        return value

    def matches(self, token: str) -> Iterator[T]:
        """The values of every glob matching the whole token (those indexed by its first
        characters first)."""
        for _, glob, value in self._by_prefix.get(token[:_PREFIX], ()):
            if glob.fullmatch(token):
                yield value
        for _, glob, value in self._anywhere:
            if glob.fullmatch(token):
                yield value

    def first(self, token: str) -> T | None:
        """The value of the first glob added that matches the whole token, or None."""
        best: tuple[int, T] | None = None
        for i, glob, value in self._by_prefix.get(token[:_PREFIX], ()):
            if glob.fullmatch(token):
                best = (i, value)
                break
        for i, glob, value in self._anywhere:
            if best is not None and i > best[0]:
                break
            if glob.fullmatch(token):
                best = (i, value)
                break
        return best[1] if best is not None else None

    def __len__(self) -> int:
        return self._n


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    globs: GlobTable[_Node] | None = None
    payload: list[tuple[int, int]] = field(default_factory=list)  # (lexicon index, entry index)

    def child(self, token: str) -> _Node:
        if "*" not in token:
            node = self.children.get(token)
            if node is None:
                node = self.children[token] = _Node()
            return node
        if self.globs is None:
            self.globs = GlobTable()
        return self.globs.add(token, _Node())

    def step(self, token: str) -> list[_Node]:
        node = self.children.get(token)
        if self.globs is None:
            return [node] if node is not None else _EMPTY
        out = [node] if node is not None else []
        out.extend(self.globs.matches(token))
        return out


_EMPTY: list[_Node] = []


def _form(token: str) -> str:
    return normalise_token(token)


def _exclusion(phrase: Sequence[str], term: Sequence[str]) -> tuple[int, list[Glob | str]]:
    """An exclusion phrase (as tokens) compiled: where the term's tokens start in it, and a matcher
    per token (a literal lower-cased form, or a :class:`Glob`; a lone ``*`` is any one token)."""
    toks = [t.lower() for t in phrase]
    low = [t.lower() for t in term]
    offset = next(i for i in range(len(toks) - len(low) + 1) if toks[i : i + len(low)] == low)
    return offset, [Glob(t) if "*" in t else _form(t) for t in toks]


class TokenMatcher:
    """Compiled matcher for a list of lexicons; ``match(doc)`` returns :class:`Match` objects.

    ``lexicons`` are :class:`~framing.markers.lexicons.Lexicon` objects (typed ``Any``: that module
    imports this one, so this one cannot import it back).
    """

    def __init__(self, lexicons: Sequence[Any], *, overlap: str = "longest", negation_window: int = 3) -> None:
        self.lexicons = list(lexicons)
        self.overlap = overlap
        self.negation_window = negation_window
        self._folded = _Node()
        self._exact = _Node()
        self._has_exact = False
        self._folded_first: dict[str, list[_Node]] = {}
        self._exact_first: dict[str, list[_Node]] = {}
        self._negatable = [
            {name for name, c in lx.categories.items() if c.negatable} for lx in self.lexicons
        ]
        # (lexicon, entry) -> [(offset of the term in the phrase, one matcher per phrase token)]
        self._exclusions: dict[tuple[int, int], list[tuple[int, list[Glob | str]]]] = {}
        for li, lx in enumerate(self.lexicons):
            for ei, entry in enumerate(lx.entries):
                if getattr(entry, "exclude", ()):
                    self._exclusions[(li, ei)] = [_exclusion(p, entry.tokens) for p in entry.exclude_tokens]
                root = self._exact if entry.case_sensitive else self._folded
                self._has_exact |= entry.case_sensitive
                node = root
                for tok in entry.tokens:
                    tok = _form(tok)
                    node = node.child(tok if entry.case_sensitive else tok.lower())
                node.payload.append((li, ei))

    def _first_steps(self, root: _Node, cache: dict[str, list[_Node]], token: str) -> list[_Node]:
        """``root.step(token)``, memoised per token: most tokens start no entry, and the glob
        edges at the root would otherwise be tested against every token of every text."""
        frontier = cache.get(token)
        if frontier is None:
            if len(cache) >= _FIRST_CACHE:
                cache.clear()  # bounded memory on huge vocabularies
            frontier = cache[token] = root.step(token)
        return frontier

    def _walk(self, frontier: list[_Node], forms: Sequence[str], start: int, stop: int, found: list[tuple[int, int, int, int]]) -> None:
        """Follow the trie from the nodes reached by ``forms[start]``, recording every payload."""
        i = start + 1
        while frontier:
            for node in frontier:
                for li, ei in node.payload:
                    found.append((start, i, li, ei))
            if i >= stop:
                return
            tok = forms[i]
            if len(frontier) == 1:
                frontier = frontier[0].step(tok)
            else:
                nxt: list[_Node] = []
                for node in frontier:
                    nxt.extend(node.step(tok))
                frontier = nxt
            i += 1

    def _negated(self, lower: Sequence[str], start: int, sent_start: int) -> bool:
        j = start - 1
        lo = max(sent_start, start - self.negation_window)
        while j >= lo:
            t = lower[j]
            if t in _CLAUSE_BREAK:
                return False
            if t in NEGATORS or t.endswith("n't") or t.replace("'", "") in NEGATORS:
                return True
            j -= 1
        return False

    def match(self, doc: Doc) -> list[Match]:
        exact_forms = doc.forms or tuple(_form(t) for t in doc.tokens)
        lower = doc.lower or tuple(t.lower() for t in exact_forms)
        raw: list[tuple[int, int, int, int]] = []  # (token start, token end, lexicon, entry)
        folded, fcache = self._folded, self._folded_first
        exact = self._exact if self._has_exact else None
        ecache = self._exact_first  # read only when there is an exact trie
        first = self._first_steps
        for sent in doc.sentences:
            stop = sent.token_end
            for i in range(sent.token_start, stop):
                tok = lower[i]
                frontier = fcache.get(tok)
                if frontier is None:
                    frontier = first(folded, fcache, tok)
                if frontier:
                    self._walk(frontier, lower, i, stop, raw)
                if exact is not None:
                    tok = exact_forms[i]
                    frontier = ecache.get(tok)
                    if frontier is None:
                        frontier = first(exact, ecache, tok)
                    if frontier:
                        self._walk(frontier, exact_forms, i, stop, raw)
        if not raw:
            return []
        if self.overlap == "longest":
            raw = self._leftmost_longest(raw)
        out: list[Match] = []
        seen: set[tuple[int, int, int, str]] = set()
        for ts, te, li, ei in sorted(raw, key=lambda r: (r[0], -r[1], r[2], r[3])):
            lx = self.lexicons[li]
            entry = lx.entries[ei]
            if (ts, te, li, entry.category) in seen:
                continue  # a glob and a literal entry of one category on the same words
            seen.add((ts, te, li, entry.category))
            sent = doc.sentence_of_token(ts)
            if (li, ei) in self._exclusions and self._excluded(self._exclusions[(li, ei)], lower, ts, sent.token_start, sent.token_end):
                continue
            negated = entry.category in self._negatable[li] and self._negated(lower, ts, sent.token_start)
            out.append(
                Match(
                    lexicon=lx.name,
                    lexicon_version=lx.version,
                    category=entry.category,
                    term=entry.term,
                    start=doc.starts[ts],
                    end=doc.ends[te - 1],
                    sentence=sent.index,
                    weight=entry.weight,
                    negated=negated,
                )
            )
        return out

    @staticmethod
    def _excluded(rules: list[tuple[int, list[Glob | str]]], lower: Sequence[str], ts: int, lo: int, hi: int) -> bool:
        """Whether the match starting at token ``ts`` lies inside one of its entry's exclusion
        phrases (within its sentence ``[lo, hi)``)."""
        for offset, toks in rules:
            start = ts - offset
            if start < lo or start + len(toks) > hi:
                continue
            if all(t.fullmatch(lower[start + j]) if isinstance(t, Glob) else t == lower[start + j] for j, t in enumerate(toks)):
                return True
        return False

    @staticmethod
    def _leftmost_longest(raw: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
        """Per lexicon: scan left to right, keep the longest match at each start, skip overlaps.

        Every entry matching exactly the kept span is kept (a term in two categories counts in
        both); a glob and a literal entry of the same category matching the same span count once.
        """
        by_lex: dict[int, list[tuple[int, int, int, int]]] = {}
        for r in raw:
            by_lex.setdefault(r[2], []).append(r)
        kept: list[tuple[int, int, int, int]] = []
        for li, items in by_lex.items():
            items.sort(key=lambda r: (r[0], -r[1]))
            covered_until = -1
            chosen_span: tuple[int, int] | None = None
            for ts, te, _, ei in items:
                if chosen_span == (ts, te):
                    kept.append((ts, te, li, ei))
                    continue
                if ts < covered_until:
                    continue
                chosen_span = (ts, te)
                covered_until = te
                kept.append((ts, te, li, ei))
        return kept
