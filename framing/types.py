"""Core value types shared by every stage of the pipeline.

Every type here is a frozen dataclass: stages never mutate what an earlier stage produced, they
return new values (``dataclasses.replace``). Character offsets always point into
:attr:`Article.text`, the cleaned article body, with ``end`` exclusive.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Article",
    "ArticleResult",
    "Debris",
    "Doc",
    "LoadError",
    "Match",
    "Sentence",
]


@dataclass(frozen=True, slots=True)
class Debris:
    """A piece of page debris removed by cleaning, kept so a user can check the cleaner.

    ``kind`` says why it was removed (``navigation``, ``site_link``, ``date_line``,
    ``reading_time``, ``repeated_title``, ``byline``, ``section_label``, ``syndication``,
    ``teasers``, ``promotion``, ``credits``, ``front_matter``).
    """

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as the toolkit understands it after loading and cleaning.

    ``text`` is the cleaned body (headline excluded, debris removed); all offsets elsewhere point
    into it. ``outlet`` is the outlet whose words these are: for a republished piece that is the
    original outlet, and ``syndicated_from`` names it too (it is ``None`` for original copy), while
    ``republished_by`` names the site that carried the copy when known.
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    syndicated_from: str | None = None
    republished_by: str | None = None
    url: str | None = None
    author: str | None = None
    source_path: str | None = None
    duplicate_of: str | None = None
    duplicate_similarity: float | None = None
    debris: tuple[Debris, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def metadata(self) -> dict[str, Any]:
        """The article's metadata as a plain dict (no text, no debris)."""
        return {
            "id": self.id,
            "source_path": self.source_path,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "syndicated_from": self.syndicated_from,
            "republished_by": self.republished_by,
            "url": self.url,
            "author": self.author,
            "duplicate_of": self.duplicate_of,
            "duplicate_similarity": self.duplicate_similarity,
            **({"meta": dict(self.meta)} if self.meta else {}),
        }


@dataclass(frozen=True, slots=True)
class LoadError:
    """An input that could not be turned into an article: which one, and why.

    ``path`` is the file; ``record`` is the line number (JSONL), row number (CSV) or list index
    (JSON) inside it when the problem is one record of a corpus file.
    """

    path: str
    reason: str
    record: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "reason": self.reason}
        if self.record is not None:
            out["record"] = self.record
        return out

    def __str__(self) -> str:
        where = self.path if self.record is None else f"{self.path} (record {self.record})"
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its character span in the text and its token index range in the ``Doc``."""

    index: int
    start: int
    end: int
    token_start: int
    token_end: int


@dataclass(frozen=True, slots=True)
class Doc:
    """A segmented text: tokens (with character offsets) and sentences.

    Tokens are stored column-wise (three parallel tuples) because an article has thousands of
    them and most stages only need offsets and lower-cased forms.
    """

    text: str
    tokens: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    sentences: tuple[Sentence, ...]
    #: tokens with curly apostrophes and hyphen variants normalised (what lexicons match against)
    forms: tuple[str, ...] = ()
    #: ``forms`` lower-cased
    lower: tuple[str, ...] = ()
    #: number of tokens that contain a letter or digit (punctuation excluded)
    n_words: int = 0

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def sentence_of_token(self, token_index: int) -> Sentence:
        """The sentence that contains the given token (binary search)."""
        sents = self.sentences
        lo, hi = 0, len(sents) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = sents[mid]
            if token_index < s.token_start:
                hi = mid - 1
            elif token_index >= s.token_end:
                lo = mid + 1
            else:
                return s
        raise IndexError(f"token {token_index} is in no sentence")


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon entry found in a text, with its evidence span and provenance."""

    lexicon: str
    lexicon_version: str
    category: str
    term: str
    start: int
    end: int
    sentence: int
    weight: float = 1.0
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "lexicon": self.lexicon,
            "lexicon_version": self.lexicon_version,
            "category": self.category,
            "term": self.term,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "weight": self.weight,
            "negated": self.negated,
        }


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the analysis found in one article; ``to_dict`` is one line of articles.jsonl."""

    article: Article
    n_sentences: int
    n_tokens: int
    n_words: int
    markers: dict[str, dict[str, float]] = field(default_factory=dict, hash=False)
    matches: tuple[Match, ...] = ()
    actors: tuple[dict[str, Any], ...] = ()
    quotes: tuple[dict[str, Any], ...] = ()
    readability: dict[str, float | None] = field(default_factory=dict, hash=False)
    provenance: dict[str, Any] = field(default_factory=dict, hash=False)
    #: classifier predictions, model name -> ``{"label", "proba"}`` (article-level model) or
    #: ``{"label", "share", "n_sentences"}`` (sentence-level model); see :mod:`framing.ml.predict`
    predictions: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False)

    def to_dict(self, *, evidence: bool = True) -> dict[str, Any]:
        out = self.article.metadata()
        out.update(
            {
                "n_sentences": self.n_sentences,
                "n_tokens": self.n_tokens,
                "n_words": self.n_words,
                "markers": self.markers,
                "actors": list(self.actors),
                "quotes": list(self.quotes),
                "readability": self.readability,
                "provenance": self.provenance,
            }
        )
        if self.predictions:  # only when a classifier was applied, so other outputs stay as they were
            out["predictions"] = self.predictions
        if evidence:
            out["matches"] = [m.to_dict() for m in self.matches]
            out["text"] = self.article.text
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ArticleResult:
        """Rebuild a result from one line of articles.jsonl (written with evidence)."""
        meta_keys = ("id", "source_path", "outlet", "title", "published", "syndicated_from", "republished_by", "url", "author", "duplicate_of", "duplicate_similarity")
        article = Article(text=d.get("text", ""), meta=d.get("meta") or {}, **{k: d.get(k) for k in meta_keys})
        # Lexicon names, categories, terms and the words of actor mentions repeat across thousands
        # of records: interned, they are stored once (a report over many articles holds them all)
        intern = sys.intern
        matches = tuple(
            Match(
                intern(m["lexicon"]),
                intern(m["lexicon_version"]),
                intern(m["category"]),
                intern(m["term"]),
                m["start"],
                m["end"],
                m["sentence"],
                m.get("weight", 1.0),
                m.get("negated", False),
            )
            for m in d.get("matches", [])
        )
        for actor in d.get("actors", []):
            for mention in actor.get("mentions", ()):
                for key in ("kind", "sentiment", "text"):
                    if isinstance(mention.get(key), str):
                        mention[key] = intern(mention[key])
        return cls(
            article=article,
            n_sentences=d.get("n_sentences", 0),
            n_tokens=d.get("n_tokens", 0),
            n_words=d.get("n_words", 0),
            markers=d.get("markers", {}),
            matches=matches,
            actors=tuple(d.get("actors", [])),
            quotes=tuple(d.get("quotes", [])),
            readability=d.get("readability", {}),
            provenance=d.get("provenance", {}),
            predictions=d.get("predictions") or {},
        )
