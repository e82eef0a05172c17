"""Fast segmentation without syntax: the parser's tokens and rule-based sentences.

:func:`segment` gives the same tokens as :func:`framing.text.parse.parse` (spaCy's English
tokenizer) and sentences split by rule (sentence-final punctuation, and every line break), without
tags, dependencies or entities. It is for work on many raw texts where a parse would cost too
much and syntax is not needed: classifier features over thousands of training texts, sentence
splitting for sentence-level classifiers, worksheets' excerpts. The analysis of an article always
parses it (:func:`framing.text.parse.parse`).

:func:`tokenize` is the older regular-expression tokenizer; only the target-sentiment model's
features still use it (it was trained with it).
"""

from __future__ import annotations

import re

from framing.text.parse import tokenised
from framing.types import Doc

__all__ = ["normalise_token", "segment", "sentence_spans", "tokenize"]

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

def tokenize(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` by the older regular expression, as ``(token, start, end)``.

    >>> [t for t, _, _ in tokenize("Trump's 100% tariff on U.S.-bound win-win goods.")]
    ['Trump', "'s", '100%', 'tariff', 'on', 'U.S.', '-', 'bound', 'win-win', 'goods', '.']
    """
    return [(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN_RE.finditer(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (as :func:`segment` splits them)."""
    return [(s.start, s.end) for s in segment(text).sentences]


def segment(text: str) -> Doc:
    """``text`` as a :class:`~framing.types.Doc` of tokens and rule-based sentences, no syntax.

    >>> doc = segment("Mr. Carney spoke. He left.")
    >>> [doc.sentence_text(i) for i in range(len(doc.sentences))]
    ['Mr. Carney spoke.', 'He left.']
    >>> doc.tokens[:3], doc.has_syntax
    (('Mr.', 'Carney', 'spoke'), False)
    """
    return tokenised(text)


_HAS_ALNUM = re.compile(r"[^\W_]|\d").search
_TOKEN_NORM = str.maketrans({"’": "'", "‘": "'", "‐": "-"})


def normalise_token(token: str) -> str:
    """A token as lexicons see it: curly apostrophes straight, Unicode hyphen as ASCII."""
    return token.translate(_TOKEN_NORM)
