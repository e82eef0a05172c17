"""Records ``(sentence, start, end)`` taken apart once: tokens, stems, quotation and clause marks,
the target's token range; shared by every feature transformer of the target-sentiment model.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np

from framing.errors import (
    InputError,
)
from framing.text.quotes import find_quote_spans
from framing.text.segment import tokenize

#: The classes, in the order of ``predict_proba`` columns.
LABELS = ("negative", "neutral", "positive")
#: Words that negate a lexicon word up to ``negation_window`` tokens later ("not", "n't",
#: "never", "no" as asked, plus close relatives); tokens ending in "n't" count too (our tokenizer
#: keeps "doesn't" whole).
NEGATIONS = frozenset({"not", "n't", "n’t", "never", "no", "cannot", "nor", "neither", "without", "nothing", "none"})

#: Pronouns: a pronoun target says little by itself, but its position and context behave differently.
PRONOUNS = frozenset(
    ["i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "himself", "herself", "itself", "themselves", "ourselves"]
)

#: Verbs of saying after a target mark it as the speaker of what follows.
SPEECH_VERBS = frozenset(
    ["said", "says", "say", "told", "tells", "tell", "added", "adds", "argued", "argues", "claimed", "claims", "stated", "states", "wrote", "writes", "warned", "warns", "insisted", "insists", "noted", "notes", "asked", "asks", "tweeted", "tweets", "declared", "declares", "explained"]
)

#: Tokens that start a new clause (for the "clause" grouping of lexicon evidence).
CLAUSE_BREAKS = frozenset([",", ";", ":", "(", ")", "—", "–", "but", "while", "although", "though", "whereas", "because"])

#: Dimensions by which :class:`LexiconContextFeatures` can split its sums, and their values.
LEXICON_GROUPS = {
    "side": ("left", "right"),
    "word_quote": ("in", "out"),
    "target_quote": ("tin", "tout"),
    "clause": ("same", "other"),
    "speaker": ("spk", "nospk"),
}

PLACEHOLDER = "<t>"
SIDES = ("none", "split", "both")


def is_negation(token: str) -> bool:
    """Whether a lower-case token negates (a negation word, or a form ending in n't)."""
    return token in NEGATIONS or token.endswith(("n't", "n’t"))


# --------------------------------------------------------------------------------------------
# records


class SentenceRecord:
    """What every record of one sentence shares: tokens, offsets, stems, quotation and clause
    marks, and (filled lazily by :class:`TargetContextVectorizer`) its n-gram strings.

    Several mentions often share a sentence, and one mention is read by five transformers, so
    this is computed once per sentence (cached by :func:`sentence_record`).
    """

    __slots__ = ("clause", "ends", "grams", "in_quote", "quotes", "starts", "stems", "tokens")

    def __init__(self, sentence: str) -> None:
        toks = tokenize(sentence)
        self.quotes = [(q.inner_start, q.inner_end) for q in find_quote_spans(sentence)]
        self.tokens = tuple([t.lower() for t, _, _ in toks])
        self.starts = tuple([s for _, s, _ in toks])
        self.ends = tuple([e for _, _, e in toks])
        if self.quotes:
            self.in_quote = tuple(any(a <= s < b for a, b in self.quotes) for s in self.starts)
        else:
            self.in_quote = (False,) * len(toks)
        clause = []
        c = 0
        for t in self.tokens:
            if t in CLAUSE_BREAKS:
                c += 1
            clause.append(c)
        self.clause = tuple(clause)
        self.stems = tuple(map(stem, self.tokens))
        #: per-sentence caches of the transformers, each entry ``(owner, value)`` (``owner`` is the
        #: vocabulary or lexicon the value was made with): n-gram strings or vocabulary columns
        #: starting at each token (see ``gram_table``), n-gram counts, lexicon hits
        self.grams: dict[tuple[object, ...], tuple[object, Any]] = {}


@lru_cache(maxsize=1024)  # a batch is usually one article: a few dozen sentences
def sentence_record(sentence: str) -> SentenceRecord:
    return SentenceRecord(sentence)


class ParsedRecord(NamedTuple):
    """One record taken apart: lower-cased tokens, their offsets, and the target's token range."""

    tokens: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    first: int  # first target token
    last: int  # last target token + 1 (== first when the span covers no token)
    in_quote: tuple[bool, ...]
    target_in_quote: bool
    clause: tuple[int, ...]  # clause number of each token (see CLAUSE_BREAKS)
    target_clause: int
    speaker: bool  # a verb of saying right after or before the target
    stems: tuple[str, ...]
    sentence: SentenceRecord


def check_record(rec: Any) -> tuple[str, int, int]:
    try:
        sentence, start, end = rec
    except (TypeError, ValueError):
        raise InputError(f"a record must be (sentence, start, end); got {rec!r:.80}") from None
    if not isinstance(sentence, str):
        raise InputError(f"the sentence of a record must be a str; got {type(sentence).__name__}")
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, (int, np.integer)) or not isinstance(end, (int, np.integer)):
        raise InputError(f"start and end must be integers; got {start!r} and {end!r}")
    if not 0 <= start < end <= len(sentence):
        raise InputError(f"the target span must satisfy 0 <= start < end <= len(sentence) = {len(sentence)}; got start={start}, end={end}")
    return sentence, int(start), int(end)


@lru_cache(maxsize=2048)
def parse_record(sentence: str, start: int, end: int) -> ParsedRecord:
    sent = sentence_record(sentence)
    starts, ends = sent.starts, sent.ends
    # tokens are in order and do not overlap: the first ending after the target's start, and the
    # first starting at or after its end (first == last when no token overlaps the target)
    first = bisect_right(ends, start)
    last = bisect_left(starts, end, first) if first < len(starts) and starts[first] < end else first
    target_in_quote = any(a <= start < b for a, b in sent.quotes)
    lower, clause = sent.tokens, sent.clause
    target_clause = clause[first] if first < len(clause) else (clause[-1] if clause else 0)
    speaker = any(t in SPEECH_VERBS for t in lower[last : last + 2]) or any(t in SPEECH_VERBS for t in lower[max(0, first - 2) : first])
    return ParsedRecord(
        lower,
        starts,
        ends,
        first,
        last,
        sent.in_quote,
        target_in_quote,
        clause,
        target_clause,
        speaker,
        sent.stems,
        sent,
    )


class CheckedRecords(list[tuple[str, int, int]]):
    """Records already checked, with their :class:`ParsedRecord` (``parsed``): what a model passes
    to each of its transformers, so that five transformers do not check and look up every record
    five times. It is still a list of ``(sentence, start, end)`` for any code that reads records."""

    parsed: list[ParsedRecord]

    def __init__(self, records: Iterable[Any]) -> None:
        super().__init__(check_record(rec) for rec in records)
        self.parsed = [parse_record(*rec) for rec in self]


def parse_records(X: Iterable[Any]) -> list[ParsedRecord]:
    if isinstance(X, CheckedRecords):
        return X.parsed
    if isinstance(X, (str, bytes)):
        raise InputError("expected a sequence of (sentence, start, end) records; got a single string")
    return [parse_record(*check_record(rec)) for rec in X]


@lru_cache(maxsize=1)
def stemmer() -> Any:  # nltk's SnowballStemmer (nltk has no type information)
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=50_000)  # bounded: a worker's memory must not grow with the corpus vocabulary
def stem(token: str) -> str:
    """Snowball (Porter 2) stem of a lower-case token; punctuation and numbers stay as they are."""
    return stemmer().stem(token) if token[:1].isalpha() else token


def token_distance(p: ParsedRecord, i: int) -> int:
    """Tokens between token ``i`` and the target (1 for a neighbour, 0 inside the target)."""
    if i < p.first:
        return p.first - i
    if i >= p.last:
        return i - p.last + 1
    return 0


def distance_weight(d: int, decay: float | None) -> float:
    """Distance weight: 1 for a neighbour, ``decay / (decay + d - 1)`` further away."""
    if decay is None or d <= 1:
        return 1.0
    return decay / (decay + d - 1)


def make_table(toks: Sequence[str], k: int, prefix: str, vocab: dict[str, int] | None) -> list[Any]:
    """``prefix + " ".join(toks[x : x + k])`` for every start ``x``, or with ``vocab`` that
    n-gram's column in ``vocab`` (None when it has none)."""
    if k == 1:
        grams: Iterable[str] = [prefix + g for g in toks] if prefix else toks
    else:
        grams = [prefix + " ".join(toks[x : x + k]) for x in range(len(toks) - k + 1)]
    if vocab is None:
        return list(grams)
    get = vocab.get
    return [get(g) for g in grams]


def gram_table(sent: SentenceRecord, stem: bool, k: int, prefix: str, vocab: dict[str, int] | None = None) -> list[Any]:
    """:func:`make_table` over the whole sentence, cached on it (for all its mentions)."""
    key = (stem, k, prefix, id(vocab))
    hit = sent.grams.get(key)
    if hit is not None and hit[0] is vocab:  # the entry holds vocab, so its id is not reused
        return hit[1]
    table = make_table(sent.stems if stem else sent.tokens, k, prefix, vocab)
    sent.grams[key] = (vocab, table)
    return table


