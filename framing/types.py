"""Core value types shared by every stage of the pipeline.

Every type here is a frozen dataclass: stages never mutate what an earlier stage produced, they
return new values (``dataclasses.replace``). Character offsets always point into
:attr:`Article.text`, the cleaned article body, with ``end`` exclusive.

Why this module is long: every stage shares these types, and a result's reading back from
articles.jsonl (with the interning that keeps a large report's memory down) belongs beside them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict

from framing.safe_output import finite_json

__all__ = [
    "ActorMention",
    "Article",
    "ArticleResult",
    "Debris",
    "Doc",
    "Entity",
    "LoadError",
    "MarkerCounts",
    "Match",
    "Quote",
    "Role",
    "Sentence",
    "Voice",
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
class Entity:
    """A named entity found by the parser: tokens ``[start, end)``, characters, and its type
    (``PERSON``, ``ORG``, ``GPE``, ``NORP`` ... as in OntoNotes)."""

    start: int
    end: int
    char_start: int
    char_end: int
    label: str


@dataclass(frozen=True, slots=True)
class Doc:
    """A parsed text: tokens (with character offsets), sentences, and the syntax of each token.

    One ``Doc`` per article, made once by :func:`framing.text.parse.parse`, is what every later
    stage reads (markers, quotes, actors, roles, sentiment, readability): nothing re-tokenises.
    Tokens are stored column-wise (parallel tuples) because an article has thousands of them and
    most stages need only a few columns. Whitespace is never a token.

    The syntax columns (``lemmas`` ... ``children``) are empty when the parse was skipped;
    ``parse_note`` then says why (a text that is not English, for example).
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
    #: number of words: tokens with a letter or digit, clitics ('s, n't, 're ...) not counted
    n_words: int = 0
    #: lemma of each token (lower case except proper nouns)
    lemmas: tuple[str, ...] = ()
    #: Universal POS tag of each token (NOUN, VERB, PROPN ...)
    pos: tuple[str, ...] = ()
    #: fine-grained Penn Treebank tag of each token (VBD, NNP ...)
    tags: tuple[str, ...] = ()
    #: dependency label of each token (nsubj, dobj, ccomp ...; ROOT for a sentence's root)
    deps: tuple[str, ...] = ()
    #: index of each token's syntactic head (a root is its own head)
    heads: tuple[int, ...] = ()
    #: indices of each token's dependents, in text order
    children: tuple[tuple[int, ...], ...] = ()
    #: named entities, in text order
    entities: tuple[Entity, ...] = ()
    #: why there is no syntax (None when the text was parsed)
    parse_note: str | None = None

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)

    @property
    def has_syntax(self) -> bool:
        """Whether the parse gave tags, dependencies and entities for this text."""
        return bool(self.deps)

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
class Voice:
    """Whose words each token of a :class:`Doc` is.

    ``labels[i]`` is ``outlet`` (the outlet's own words: narration, and its choice of whom to quote
    and with which verb), ``quote`` (inside a quotation attributed to a source, or a long
    quotation with no speaker found) or ``reported`` (the content of reported speech); ``quote_of[i]``
    is the index of that token's :class:`Quote` in the article's quotes, or -1.
    """

    labels: tuple[str, ...]
    quote_of: tuple[int, ...]

    def of_span(self, first: int, last: int) -> tuple[str, int]:
        """The voice and quote index of tokens ``[first, last)``: the first non-outlet token's, if any."""
        for i in range(first, min(last, len(self.labels))):
            if self.labels[i] != "outlet":
                return self.labels[i], self.quote_of[i]
        return "outlet", -1


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
    #: whose words these are: ``outlet`` (the outlet's own), ``quote`` (inside a quotation) or
    #: ``reported`` (reported speech); ``speaker`` names the source in the latter two (None: not found)
    voice: str = "outlet"
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "lexicon": self.lexicon,
            "lexicon_version": self.lexicon_version,
            "category": self.category,
            "term": self.term,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "weight": self.weight,
            "negated": self.negated,
            "voice": self.voice,
        }
        if self.speaker is not None:
            out["speaker"] = self.speaker
        return out


class MarkerCounts(TypedDict):
    """One ``lexicon.category`` entry of :attr:`ArticleResult.markers`, as made by
    :func:`framing.analysis.article.marker_profile` (see there for what each count means).

    ``rate`` and ``all_rate`` are per 1,000 words (None for an empty text); ``share`` is only in
    ``detectors.direct_quotes`` (the share of words inside direct quotations).
    """

    count: int
    weighted: float
    negated: int
    all_count: int
    quoted: int
    reported: int
    rate: NotRequired[float | None]
    all_rate: NotRequired[float | None]
    share: NotRequired[float | None]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the analysis found in one article; ``to_dict`` is one line of articles.jsonl."""

    article: Article
    n_sentences: int
    n_tokens: int
    n_words: int
    markers: dict[str, MarkerCounts] = field(default_factory=dict, hash=False)
    matches: tuple[Match, ...] = ()
    actors: tuple[dict[str, Any], ...] = ()
    quotes: tuple[dict[str, Any], ...] = ()
    readability: dict[str, float | None] = field(default_factory=dict, hash=False)
    provenance: dict[str, Any] = field(default_factory=dict, hash=False)
    #: classifier predictions, model name -> ``{"label", "proba"}`` (article-level model) or
    #: ``{"label", "share", "n_sentences"}`` (sentence-level model); see :mod:`framing.ml.predict`
    predictions: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False)
    #: words of the outlet's own wording (outside quotation marks): the base of marker rates
    n_outlet_words: int | None = None
    #: why the text has no syntax (not English ...), None when it was parsed
    parse_note: str | None = None
    #: which register the text reads as (:mod:`framing.analysis.register_profile`), or None
    register_profile: dict[str, Any] | None = field(default=None, hash=False)

    def to_dict(self, *, evidence: bool = True) -> dict[str, Any]:
        """One line of articles.jsonl; every number in it is finite (a NaN or infinity, which JSON
        cannot hold, is written as null)."""
        out = finite_json(self.article.metadata())
        out.update(
            {
                "n_sentences": self.n_sentences,
                "n_tokens": self.n_tokens,
                "n_words": self.n_words,
                "n_outlet_words": self.n_outlet_words,
                **({"parse_note": self.parse_note} if self.parse_note else {}),
                "markers": finite_json(self.markers),
                "actors": finite_json(list(self.actors)),
                "quotes": finite_json(list(self.quotes)),
                "readability": finite_json(self.readability),
                **({"register_profile": finite_json(self.register_profile)} if self.register_profile else {}),
                "provenance": self.provenance,
            }
        )
        if self.predictions:  # only when a classifier was applied, so other outputs stay as they were
            out["predictions"] = finite_json(self.predictions)
        if evidence:
            out["matches"] = [m.to_dict() for m in self.matches]
            out["text"] = self.article.text
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ArticleResult:
        """Rebuild a result from one line of articles.jsonl (written with evidence)."""
        meta_keys = ("id", "source_path", "outlet", "title", "published", "syndicated_from", "republished_by", "url", "author", "duplicate_of", "duplicate_similarity")
        fields: dict[str, Any] = {k: d.get(k) for k in meta_keys}  # values as read from JSON
        article = Article(text=d.get("text", ""), meta=d.get("meta") or {}, **fields)
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
                intern(m.get("voice", "outlet")),
                m.get("speaker"),
            )
            for m in d.get("matches", [])
        )
        # (words of the evidence, roles' verbs and quote labels too: about a tenth of a record's memory)
        for actor in d.get("actors", []):
            for mention in actor.get("mentions", ()):
                _intern_values(mention, ("kind", "sentiment", "text", "voice", "speaker"))
                for item in (*mention.get("evidence", ()), *mention.get("linked", ())):
                    if item and isinstance(item[0], str):
                        item[0] = intern(item[0])
                    if len(item) > 4 and isinstance(item[4], str):
                        item[4] = intern(item[4])
            for role in actor.get("roles", ()):
                _intern_values(role, ("role", "verb", "voice", "other", "voice_speaker"))
        for quote in d.get("quotes", ()):
            _intern_values(quote, ("kind", "speaker", "speaker_name", "speaker_text", "speaker_type", "verb", "verb_class"))
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
            n_outlet_words=d.get("n_outlet_words"),
            parse_note=d.get("parse_note"),
            register_profile=d.get("register_profile"),
        )


def _intern_values(record: dict[str, Any], keys: tuple[str, ...]) -> None:
    """Intern the string values of ``keys`` in ``record`` (in place): repeated words are stored once."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str):
            record[key] = sys.intern(value)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A reference to an actor in the text: its character span, sentence and kind of reference.

    ``kind`` is how the text names the actor: ``name``, ``title``, ``surname``, ``metonym``,
    ``adjective``, ``pronoun`` (resolved to a named antecedent), or ``entity`` (a person,
    organisation or place the parser found that the gazetteer does not list). ``token`` is the
    index of the mention's head token in the :class:`Doc` (None when unknown).
    """

    actor: str
    name: str
    type: str
    kind: str
    start: int
    end: int
    sentence: int
    token: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "name": self.name,
            "type": self.type,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker: a quotation or a piece of reported speech.

    ``kind`` is ``direct`` (a quotation: words in quotation marks that make a clause or more),
    ``partial`` (a quoted phrase inside the writer's own sentence: called the talks “very
    dangerous”), ``mixed`` (reported speech that contains a quoted phrase) or ``reported``
    ("X said that ...", "according to X, ..."). ``start``/``end`` is the content (with its
    quotation marks for a quotation). The cue is the verb of saying (or "according to") with its class,
    ``neutral`` (said, told) or ``evaluative`` (claimed, insisted, warned). The speaker is a
    noun phrase of any kind (``speaker_text``, its span, its head token), with its type
    (``person``, ``organisation``, ``state``, ``group``, ``anonymous``, ``pronoun`` or
    ``unknown``), and the actor it resolves to (``speaker``, an actor id, with ``speaker_name``).
    A quotation no speaker was found for keeps ``speaker_text`` None.
    """

    kind: str
    start: int
    end: int
    sentence: int
    cue: str | None = None
    cue_class: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_token: int | None = None
    speaker_type: str | None = None
    speaker: str | None = None
    speaker_name: str | None = None

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "speaker_text": self.speaker_text,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "speaker_type": self.speaker_type,
            "verb": self.cue,
            "verb_class": self.cue_class,
            "verb_start": self.cue_start,
            "verb_end": self.cue_end,
        }
        if text is not None:
            d["text"] = text[self.start : self.end]
        return d


@dataclass(frozen=True, slots=True)
class Role:
    """An actor's role in one event: the action word, who acts (aggressor or cooperator) and who is
    acted on (target), from the dependency parse, with the voice the sentence is in.

    ``voice`` is ``outlet`` when the role is stated in the outlet's own words, ``quote`` or
    ``reported`` when a source states it (then ``voice_speaker`` names the source).
    """

    actor: str
    name: str
    role: str  # aggressor | target | cooperator | speaker
    sentence: int
    start: int  # the actor mention
    end: int
    verb: str | None = None
    verb_start: int | None = None
    verb_end: int | None = None
    other: str | None = None
    voice: str = "outlet"
    voice_speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "name": self.name,
            "role": self.role,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "verb": self.verb,
            "verb_start": self.verb_start,
            "verb_end": self.verb_end,
            "other": self.other,
            "voice": self.voice,
            "voice_speaker": self.voice_speaker,
        }
