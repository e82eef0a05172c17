"""Actors: who appears in an article, and by which kind of reference.

A gazetteer (``lexicons/actors.toml``, format in ``lexicons/README.md``) maps the ways news text
names an actor onto one actor id, keeping the kind of reference:

========== =============================================================================
kind       example
========== =============================================================================
name       "Mark Carney", "China", "the European Union"
title      "Prime Minister Mark Carney", "the US President" (titles may carry a date range)
surname    "Carney": resolved only after a full mention in the same article, unless the
           gazetteer marks the surname as standalone ("Trump", "Xi")
metonym    "Washington", "Beijing", "the White House", "Downing Street", "the Kremlin"
adjective  "Canadian goods", "Chinese sanctions"
pronoun    "he later told Carney": he/she resolved to the one person of that pronoun
           mentioned in the same or the previous sentence (left unresolved when two are)
candidate  a capitalised name or titled person not in the gazetteer ("Trade Minister Dana
           Aucoin"), reported so a user can add it (``framing actors candidates``)
========== =============================================================================

Matching reuses the single-pass token matcher of :mod:`framing.markers.match`.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from framing.errors import LexiconError, check_option
from framing.markers.lexicons import LexiconSet, parse_lexicon
from framing.resources import lexicon_dir
from framing.types import Doc

__all__ = [
    "KINDS",
    "Actor",
    "ActorMention",
    "Gazetteer",
    "add_actor",
    "find_candidates",
    "find_mentions",
    "load_gazetteer",
]

KINDS = ("name", "title", "surname", "metonym", "adjective", "pronoun", "candidate")
_KIND_PRIORITY = {"title": 0, "name": 1, "surname": 2, "metonym": 3, "adjective": 4}
# phrases listed under [gazetteer] exclude block the shorter names inside them ("Latin America")
_CASE_SENSITIVE = {"name": True, "surname": True, "metonym": True, "adjective": True, "title": False}
_TYPES = ("state", "person", "organisation", "group")
_PRONOUNS = {"he": "he", "him": "he", "she": "she", "her": "she"}
_ID_RE = re.compile(r"[a-z0-9_]+")


@dataclass(frozen=True, slots=True)
class Title:
    term: str
    start: str | None = None  # ISO date from which the title refers to this actor
    end: str | None = None


@dataclass(frozen=True)
class Actor:
    """One actor of the gazetteer (or a discovered candidate)."""

    id: str
    name: str
    type: str
    affiliation: str | None = None
    pronoun: str | None = None
    names: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    standalone_surname: bool = False
    titles: tuple[Title, ...] = ()
    metonyms: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A reference to an actor in the text, with its character span and kind of reference."""

    actor: str
    name: str
    type: str
    kind: str
    start: int
    end: int
    sentence: int

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


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(v.strip() for v in value)


def _variants(term: str) -> list[str]:
    """A term and, for "the X", also "X" ("the White House" / "White House")."""
    out = [term]
    if term.lower().startswith("the ") and len(term) > 4:
        out.append(term[4:])
    return out


@dataclass
class Gazetteer:
    """A validated set of actors, compiled for matching."""

    name: str
    version: str
    actors: dict[str, Actor]
    path: str | None = None
    source_hash: str | None = None
    exclude: tuple[str, ...] = ()
    _terms: dict[tuple[str, str], list[tuple[str, Title | None]]] = field(default_factory=dict, repr=False)

    @cached_property
    def sha256(self) -> str:
        if self.source_hash:
            return self.source_hash
        return hashlib.sha256(repr(sorted(self.actors.items())).encode()).hexdigest()

    def provenance(self) -> str:
        return f"{self.version} sha256:{self.sha256[:12]}"

    @cached_property
    def _lexicons(self) -> LexiconSet:
        """One pseudo-lexicon whose categories are kinds of reference; entries map to actors."""
        self._terms = {}
        cats: dict[str, list[dict[str, Any]]] = {k: [] for k in _KIND_PRIORITY}
        for actor in self.actors.values():
            per_kind: dict[str, list[tuple[str, Title | None]]] = {
                "name": [(t, None) for t in actor.names],
                "surname": [(t, None) for t in actor.surnames],
                "metonym": [(t, None) for t in actor.metonyms],
                "adjective": [(t, None) for t in actor.adjectives],
                "title": [(t.term, t) for t in actor.titles],
            }
            for kind, terms in per_kind.items():
                for term, title in terms:
                    for variant in _variants(term):
                        key = (kind, variant if _CASE_SENSITIVE[kind] else variant.lower())
                        bucket = self._terms.setdefault(key, [])
                        if not bucket:
                            cats[kind].append({"term": variant, "case_sensitive": _CASE_SENSITIVE[kind]})
                        if all(a != actor.id for a, _ in bucket):
                            bucket.append((actor.id, title))
        if self.exclude:
            cats["exclude"] = [{"term": t, "case_sensitive": True} for t in dict.fromkeys(self.exclude)]
        data = {
            "lexicon": {
                "name": "actors",
                "version": self.version,
                "language": "en",
                "license": "CC-BY-4.0",
                "description": "compiled gazetteer",
                "curators": ["framing"],
            },
            "categories": {
                k: {"label": k, "definition": k, "literature": ["gazetteer"], "entries": v} for k, v in cats.items() if v
            },
        }
        return LexiconSet([parse_lexicon(data, path=self.path or "<gazetteer>")])

    def resolve(self, kind: str, term: str, published: str | None) -> str | None:
        """The actor a matched term refers to, given the article date (titles are time-bound)."""
        key = (kind, term if _CASE_SENSITIVE[kind] else term.lower())
        candidates = self._terms.get(key, [])
        fitting = []
        for actor_id, title in candidates:
            if title is None:
                fitting.append(actor_id)
                continue
            if published:
                if (title.start and published < title.start) or (title.end and published > title.end):
                    continue
            elif title.end:  # undated article: a title that has ended belongs to the past
                continue
            fitting.append(actor_id)
        return fitting[0] if len(fitting) == 1 else None


def _parse_gazetteer(data: dict[str, Any], path: str, raw: str = "") -> Gazetteer:
    meta = data.get("gazetteer")
    if not isinstance(meta, dict) or not meta.get("name") or not meta.get("version"):
        raise LexiconError(f"{path}: missing the [gazetteer] table with name and version")
    actors_raw = data.get("actors")
    if not isinstance(actors_raw, dict) or not actors_raw:
        raise LexiconError(f"{path}: no actors: add [actors.ID] tables")
    actors: dict[str, Actor] = {}
    for aid, a in actors_raw.items():
        where = f"{path}: actor {aid!r}"
        if not _ID_RE.fullmatch(aid):
            raise LexiconError(f"{where}: ids must be lower-case letters, digits and _")
        if not isinstance(a, dict) or not a.get("name"):
            raise LexiconError(f"{where}: needs a 'name'")
        atype = a.get("type")
        try:
            check_option(f"type of actor {aid!r}", atype, _TYPES)
        except ValueError as exc:
            raise LexiconError(f"{path}: {exc}") from None
        pronoun = a.get("pronoun")
        if pronoun is not None and pronoun not in ("he", "she", "they"):
            raise LexiconError(f"{where}: pronoun must be he, she or they; got {pronoun!r}")
        titles = []
        for t in a.get("titles", []) or []:
            if isinstance(t, str):
                titles.append(Title(t))
            elif isinstance(t, dict) and isinstance(t.get("term"), str):
                start, end = t.get("from"), t.get("to")
                titles.append(Title(t["term"], str(start) if start else None, str(end) if end else None))
            else:
                raise LexiconError(f"{where}: a title must be a string or {{term = ..., from = ..., to = ...}}; got {t!r}")
        actor = Actor(
            id=aid,
            name=str(a["name"]),
            type=atype,
            affiliation=a.get("affiliation"),
            pronoun=pronoun,
            names=_strs(a.get("names"), where) or (str(a["name"]),),
            surnames=_strs(a.get("surnames"), where),
            standalone_surname=bool(a.get("standalone_surname", False)),
            titles=tuple(titles),
            metonyms=_strs(a.get("metonyms"), where),
            adjectives=_strs(a.get("adjectives"), where),
            note=a.get("note"),
        )
        actors[aid] = actor
    # affiliations are checked by load_gazetteer once user gazetteers are merged in: a user's
    # actor may be affiliated with a built-in one ("dana_aucoin" -> "canada")
    gz = Gazetteer(
        name=str(meta["name"]),
        version=str(meta["version"]),
        actors=actors,
        path=path,
        source_hash=hashlib.sha256(raw.encode()).hexdigest() if raw else None,
        exclude=_strs(meta.get("exclude"), f"{path}: [gazetteer] exclude"),
    )
    # a term may name only one actor within a kind (titles may differ by date range)
    clashes: dict[tuple[str, str], set[str]] = {}
    for actor in actors.values():
        for kind, terms in (("name", actor.names), ("surname", actor.surnames), ("metonym", actor.metonyms), ("adjective", actor.adjectives)):
            for term in terms:
                clashes.setdefault((kind, term), set()).add(actor.id)
    bad = {k: v for k, v in clashes.items() if len(v) > 1}
    if bad:
        (kind, term), ids = next(iter(bad.items()))
        raise LexiconError(f"{path}: the {kind} {term!r} is given to several actors ({', '.join(sorted(ids))}); a {kind} must name one actor")
    return gz


def load_gazetteer(path: str | os.PathLike[str] | None = None, *, extra: Iterable[str | os.PathLike[str]] = ()) -> Gazetteer:
    """Load the built-in gazetteer (or ``path``), extended by user gazetteers in ``extra``.

    An actor id in a user gazetteer replaces the built-in actor of that id; new ids are added.
    """
    base = Path(path) if path else lexicon_dir() / "actors.toml"
    gz = _load_one(base)
    origin = dict.fromkeys(gz.actors, gz.path)
    for p in extra:
        user = _load_one(Path(p))
        merged = dict(gz.actors)
        merged.update(user.actors)
        origin.update(dict.fromkeys(user.actors, user.path))
        gz = Gazetteer(
            name=gz.name,
            version=f"{gz.version}+{user.name}-{user.version}",
            actors=merged,
            path=gz.path,
            source_hash=hashlib.sha256(((gz.source_hash or "") + (user.source_hash or "")).encode()).hexdigest(),
            exclude=gz.exclude + user.exclude,
        )
    for actor in gz.actors.values():
        if actor.affiliation and actor.affiliation not in gz.actors:
            raise LexiconError(f"{origin[actor.id]}: actor {actor.id!r} has affiliation {actor.affiliation!r}, which is not an actor id in the gazetteer")
    return gz


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Gazetteer:
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read gazetteer: {exc.strerror or exc}") from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from exc
    return _parse_gazetteer(data, path, raw)


def _load_one(path: Path) -> Gazetteer:
    if not path.is_file():
        raise LexiconError(f"gazetteer {path} does not exist")
    return _load_cached(str(path), path.stat().st_mtime)


def add_actor(
    path: str | os.PathLike[str],
    name: str,
    *,
    type: str = "person",
    affiliation: str | None = None,
    pronoun: str | None = None,
    aliases: Sequence[str] = (),
    titles: Sequence[str] = (),
) -> str:
    """Append an actor to a user gazetteer file (created with a header if missing); returns its id.

    The file is validated after writing together with the built-in gazetteer, so a bad
    affiliation or a clash is reported at once (and the file is left as it was).
    """
    check_option("type", type, _TYPES)
    p = Path(path)
    actor_id = _slug(name)
    if not actor_id:
        raise LexiconError(f"cannot make an actor id from {name!r}")
    old = p.read_text(encoding="utf-8") if p.exists() else (
        '[gazetteer]\nname = "user"\nversion = "0.1.0"\ndescription = "My actors"\n'
    )
    if re.search(rf"^\[actors\.{re.escape(actor_id)}\]", old, re.MULTILINE):
        raise LexiconError(f"{p}: actor {actor_id!r} is already there; edit the file to change it")

    def q(v: str) -> str:
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"\n[actors.{actor_id}]", f"name = {q(name)}", f'type = "{type}"']
    if affiliation:
        lines.append(f"affiliation = {q(affiliation)}")
    if pronoun:
        lines.append(f'pronoun = "{pronoun}"')
    names = [name, *aliases]
    lines.append("names = [" + ", ".join(q(n) for n in dict.fromkeys(names)) + "]")
    if type == "person" and len(name.split()) > 1:
        lines.append(f"surnames = [{q(name.split()[-1])}]")
    if titles:
        lines.append("titles = [" + ", ".join("{ term = " + q(t) + " }" for t in titles) + "]")
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(old.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    try:
        load_gazetteer(extra=[p])
    except LexiconError:
        if old.startswith("[gazetteer]") and not p.exists():
            p.unlink()
        else:
            p.write_text(old, encoding="utf-8")
        raise
    return actor_id


# ---------------------------------------------------------------------------------------------
# Finding mentions


def find_mentions(doc: Doc, gazetteer: Gazetteer, *, published: str | None = None, candidates: bool = True) -> list[ActorMention]:
    """Every actor mention in a segmented text, in text order (see the module docstring)."""
    lexset = gazetteer._lexicons
    raw = []
    excluded: list[ActorMention] = []
    for m in lexset.match(doc):
        if m.category == "exclude":
            # "Latin America" is no mention of America: the longer phrase blocks it (and is
            # not a candidate actor either)
            excluded.append(ActorMention("", "", "", "exclude", m.start, m.end, m.sentence))
            continue
        term_text = doc.text[m.start : m.end]
        actor_id = gazetteer.resolve(m.category, m.term, published)
        if actor_id is None:
            continue
        raw.append((m.start, m.end, m.sentence, m.category, actor_id, term_text))
    # one mention per span: the most specific kind wins ("US" is a name and an adjective)
    by_span: dict[tuple[int, int], tuple[int, int, int, str, str, str]] = {}
    for r in raw:
        key = (r[0], r[1])
        if key not in by_span or _KIND_PRIORITY[r[3]] < _KIND_PRIORITY[by_span[key][3]]:
            by_span[key] = r
    ordered = sorted(by_span.values())
    mentions: list[ActorMention] = []
    fully_named: set[str] = set()
    for start, end, sent, kind, actor_id, _ in ordered:
        actor = gazetteer.actors[actor_id]
        if kind == "surname" and not actor.standalone_surname and actor_id not in fully_named:
            continue  # "Carney" alone before "Mark Carney" or a title appeared: not resolved
        if kind in ("name", "title"):
            fully_named.add(actor_id)
        prev = mentions[-1] if mentions else None
        if prev and prev.actor == actor_id and prev.sentence == sent and not doc.text[prev.end : start].strip():
            # "Canadian Prime Minister" + "Mark Carney": one reference, one mention
            mentions[-1] = ActorMention(actor_id, actor.name, actor.type, prev.kind if _KIND_PRIORITY.get(prev.kind, 9) <= _KIND_PRIORITY[kind] else kind, prev.start, end, prev.sentence)
            continue
        mentions.append(ActorMention(actor_id, actor.name, actor.type, kind, start, end, sent))
    if candidates:
        mentions.extend(_candidate_mentions(doc, [*mentions, *excluded]))
        mentions.sort(key=lambda m: m.start)
    mentions = _resolve_pronouns(doc, mentions, gazetteer)
    return mentions


def _resolve_pronouns(doc: Doc, mentions: list[ActorMention], gazetteer: Gazetteer) -> list[ActorMention]:
    """he/she -> the one person of that pronoun mentioned before it in this or the previous sentence."""
    out = list(mentions)
    persons = [m for m in mentions if m.type == "person"]
    for sent in doc.sentences:
        for ti in range(sent.token_start, sent.token_end):
            tok = doc.tokens[ti].lower()
            pron = _PRONOUNS.get(tok)
            if pron is None:
                continue
            start = doc.starts[ti]
            window = [
                m
                for m in persons
                if m.start < start and sent.index - 1 <= m.sentence <= sent.index and _pronoun_of(m, gazetteer) in (pron, None)
            ]
            ids = {m.actor for m in window}
            if len(ids) != 1:
                continue  # nobody, or ambiguous: stay conservative
            ref = window[-1]
            new = ActorMention(ref.actor, ref.name, ref.type, "pronoun", start, doc.ends[ti], sent.index)
            out.append(new)
            persons.append(new)
            persons.sort(key=lambda m: m.start)
    out.sort(key=lambda m: m.start)
    return out


def _pronoun_of(m: ActorMention, gazetteer: Gazetteer) -> str | None:
    actor = gazetteer.actors.get(m.actor)
    return actor.pronoun if actor else None


# ---------------------------------------------------------------------------------------------
# Discovery of actors that are not in the gazetteer

_TITLE_WORDS = frozenset(
    ["president", "vice-president", "prime", "premier", "minister", "secretary", "chancellor", "spokesperson", "spokesman", "spokeswoman", "commissioner", "ambassador", "governor", "senator", "representative", "rep.", "sen.", "gov.", "mayor", "adviser", "advisor", "economist", "analyst", "professor", "researcher", "farmer", "worker", "chief", "director", "chairman", "chairwoman", "chair", "ceo", "official", "envoy", "negotiator", "leader", "general", "admiral", "judge", "justice", "king", "queen", "prince", "princess", "pope", "lawmaker", "mp", "pm", "congressman", "congresswoman", "deputy"]
)
_NOT_NAMES = frozenset(
    ["The", "A", "An", "And", "But", "Or", "If", "In", "On", "At", "To", "For", "Of", "By", "With", "From", "As", "It", "This", "That", "These", "Those", "He", "She", "We", "They", "I", "You", "His", "Her", "Its", "Our", "Their", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Mr", "Mrs", "Ms", "Dr", "Still", "Yet", "So", "Then", "When", "While", "After", "Before", "Since", "Under", "Over", "Despite", "Although", "Because", "Details", "Context", "Meanwhile", "However", "Several", "Some", "Many", "Most", "All", "Each", "Both", "Neither", "No", "Not"]
)
_CAP = re.compile(r"^[A-Z][a-zà-ÿ'’.-]+$|^[A-Z]{2,}$|^(?:Mc|Mac|O')[A-Z][a-z]+$")
_PARTICLES = frozenset({"de", "van", "von", "da", "bin", "al", "le", "la", "der", "del", "di"})


def _candidate_spans(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, int, bool]]:
    """(start token, end token, sentence, titled) for capitalised name sequences not in ``taken``."""
    out = []
    covered = set()
    for s, e in taken:
        covered.update(range(s, e))
    for sent in doc.sentences:
        i = sent.token_start
        while i < sent.token_end:
            j = i
            while j < sent.token_end and (
                (_CAP.match(doc.tokens[j]) and doc.tokens[j] not in _NOT_NAMES)
                or (j > i and doc.tokens[j] in _PARTICLES and j + 1 < sent.token_end and _CAP.match(doc.tokens[j + 1]))
            ):
                j += 1
            if j > i:
                span_tokens = doc.tokens[i:j]
                overlaps = any(k in covered for k in range(i, j))
                titled = i > sent.token_start and doc.tokens[i - 1].lower() in _TITLE_WORDS
                # skip capitals that only start a sentence, and all-caps single words (acronyms)
                at_start = i == sent.token_start
                plausible = (len(span_tokens) >= 2 and not (at_start and len(span_tokens) == 2 and span_tokens[0] in _NOT_NAMES)) or titled
                if plausible and not overlaps and len(span_tokens) <= 4:
                    out.append((i, j, sent.index, titled))
                i = j
            else:
                i += 1
    return out


def _slug(name: str) -> str:
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def _candidate_mentions(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    from bisect import bisect_left

    taken_tokens = []
    for m in mentions:
        a = bisect_left(doc.starts, m.start)
        b = bisect_left(doc.starts, m.end)
        taken_tokens.append((a, b))
    found = []
    surnames: dict[str, tuple[str, str, str]] = {}
    for i, j, sent, titled in _candidate_spans(doc, taken_tokens):
        # "German Chancellor Friedrich Merz": the title words belong to the reference, not the name
        k = max((t for t in range(i, j - 1) if doc.tokens[t].lower() in _TITLE_WORDS), default=None)
        if k is not None:
            titled, i = True, k + 1
        name = " ".join(doc.tokens[i:j])
        cid = "candidate:" + _slug(name)
        ctype = "person" if titled else "unknown"
        found.append(ActorMention(cid, name, ctype, "candidate", doc.starts[i], doc.ends[j - 1], sent))
        if j - i >= 2:
            surnames.setdefault(doc.tokens[j - 1], (cid, name, ctype))
    # a lone surname of a discovered person ("Aucoin said") after the full name
    if surnames:
        covered = {(m.start, m.end) for m in (*mentions, *found)}
        first_seen = {m.actor: m.start for m in found}
        for sent in doc.sentences:
            for k in range(sent.token_start, sent.token_end):
                tok = doc.tokens[k]
                if tok in surnames:
                    cid, name, ctype = surnames[tok]
                    s, e = doc.starts[k], doc.ends[k]
                    if s > first_seen.get(cid, 1 << 60) and not any(a <= s < b for a, b in covered):
                        found.append(ActorMention(cid, name, ctype, "candidate", s, e, sent.index))
    return found


def find_candidates(docs: Iterable[Doc], gazetteer: Gazetteer) -> Counter[str]:
    """Names that look like actors but are not in the gazetteer, with how often they occur."""
    counts: Counter[str] = Counter()
    for doc in docs:
        for m in find_mentions(doc, gazetteer):
            if m.kind == "candidate":
                counts[m.name] += 1
    return counts
