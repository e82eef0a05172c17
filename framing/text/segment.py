"""Split cleaned text into sentences and tokens that keep character offsets.

Sentences come from NLTK's Punkt algorithm (Kiss & Strunk 2006) with a hand-written list of news
abbreviations instead of a trained model, so nothing has to be downloaded. Paragraph breaks always
end a sentence. Tokens come from one regular expression:

* hyphenated words and contractions are one token (``win-win``, ``inter-imperialist``,
  ``doesn't``), but the possessive ``'s`` is its own token (``Trump`` ``'s``);
* dotted abbreviations stay whole (``U.S.``, ``Jan.`` is ``Jan`` ``.``);
* numbers keep their decimal point, thousands separators, a trailing ``%`` or ordinal suffix and
  hyphenated words (``100%``, ``1.5``, ``14th``, ``1990s``, ``34-year-old``);
* every other non-space character is a token of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from framing.types import Doc, Sentence

__all__ = ["NEWS_ABBREVIATIONS", "segment", "sentence_spans", "tokenize"]

#: Abbreviations that end in a period but rarely end a sentence in news copy (lower case,
#: without the final period). Punkt treats a period after these as part of the word.
NEWS_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "messrs", "dr", "prof", "gov", "govt", "sen", "rep", "reps", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm", "cpl", "pvt", "pres", "supt", "insp", "det", "atty", "rev", "fr", "st", "ste", "mt", "ft", "ave", "blvd", "rd", "sq", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "sr", "no", "nos", "vs", "vol", "vols", "fig", "figs", "approx", "dept", "est", "misc", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "a.m", "p.m", "e.g", "i.e", "n.y", "l.a"]
)

_WORD = r"[^\W_]+(?:[-‐][^\W_]+|['’](?![sS]\b)[^\W_]+)*"
_TOKEN_RE = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}(?![A-Za-z])          # U.S.  U.K.  D.C.
    | \d+(?:[.,:]\d+)*(?:%|(?:st|nd|rd|th|s)\b)?(?:[-‐][^\W_]+)*   # 100% 1.5 3,000 14th 1990s 30-day
    | ['’][sS]\b                             # possessive 's
    | """
    + _WORD
    + r"""
    | \S                                     # any other character
    """,
    re.VERBOSE,
)

_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def tokenize(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` as ``(token, start, end)`` with offsets shifted by ``offset``.

    >>> [t for t, _, _ in tokenize("Trump's 100% tariff on U.S.-bound win-win goods.")]
    ['Trump', "'s", '100%', 'tariff', 'on', 'U.S.', '-', 'bound', 'win-win', 'goods', '.']
    """
    return [(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN_RE.finditer(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text``; a blank line or line break ends a sentence.

    News text copied from the web has one paragraph per line, and headlines, bullet items and
    datelines without final punctuation must not run into the next paragraph, so every line is
    split separately.
    """
    punkt = _punkt()
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        base = line.start()
        chunk = line.group()
        if not chunk.strip():
            continue
        for s, e in punkt.span_tokenize(chunk):
            # trim whitespace at the edges so spans start and end on visible characters
            while s < e and chunk[s].isspace():
                s += 1
            while e > s and chunk[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((base + s, base + e))
    return spans


def segment(text: str) -> Doc:
    """Segment ``text`` into a :class:`~framing.types.Doc` of sentences and tokens.

    Every token lies inside exactly one sentence; offsets index into ``text``.

    >>> doc = segment("Mr. Carney spoke. He left.")
    >>> [doc.sentence_text(i) for i in range(len(doc.sentences))]
    ['Mr. Carney spoke.', 'He left.']
    """
    starts: list[int] = []
    ends: list[int] = []
    sentences: list[Sentence] = []
    finditer = _TOKEN_RE.finditer
    for s, e in sentence_spans(text):
        first = len(starts)
        for m in finditer(text[s:e]):
            a, b = m.span()
            starts.append(a + s)
            ends.append(b + s)
        sentences.append(Sentence(len(sentences), s, e, first, len(starts)))
    tokens = [text[a:b] for a, b in zip(starts, ends)]
    # the normalisation maps one character to one, so forms are slices of the normalised text
    norm = text.translate(_TOKEN_NORM)
    forms = [norm[a:b] for a, b in zip(starts, ends)]
    low = norm.lower()
    if len(low) == len(norm) and "Σ" not in norm:
        lower = [low[a:b] for a, b in zip(starts, ends)]
    else:  # lower case longer ("İ") or context-dependent (final sigma): token by token
        lower = [f.lower() for f in forms]
    n_words = sum(1 for t in tokens if _HAS_ALNUM(t))
    return Doc(text, tuple(tokens), tuple(starts), tuple(ends), tuple(sentences), tuple(forms), tuple(lower), n_words)


_HAS_ALNUM = re.compile(r"[^\W_]|\d").search
_TOKEN_NORM = str.maketrans({"’": "'", "‘": "'", "‐": "-"})


def normalise_token(token: str) -> str:
    """A token as lexicons see it: curly apostrophes straight, Unicode hyphen as ASCII."""
    return token.translate(_TOKEN_NORM)
