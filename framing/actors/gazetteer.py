"""The actor gazetteer: the actors framing knows by name, with every way news text names them.

A gazetteer (``lexicons/actors.toml``, format in ``lexicons/README.md``) maps names, dated titles,
surnames, metonyms ("Washington", "the Kremlin") and adjectives ("Canadian") onto one actor id.
:func:`load_gazetteer` validates it; :mod:`framing.actors.mentions` finds the mentions in a parsed
article (with the people, organisations and places the gazetteer lacks); ``add_actor`` extends a
user's gazetteer file.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from framing.errors import LexiconError, check_option
from framing.markers.lexicons import LexiconSet, parse_lexicon
from framing.resources import lexicon_dir, load_toml_file

__all__ = ["Actor", "Gazetteer", "Title", "add_actor", "load_gazetteer", "slug"]

_KIND_PRIORITY = {"title": 0, "name": 1, "surname": 2, "metonym": 3, "adjective": 4}
# phrases listed under [gazetteer] exclude block the shorter names inside them ("Latin America")
_CASE_SENSITIVE = {"name": True, "surname": True, "metonym": True, "adjective": True, "title": False}
_TYPES = ("state", "person", "organisation", "group")
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


def slug(name: str) -> str:
    """An id from a name: ASCII, lower case, words joined by ``_`` ("Dana Aucoin" -> "dana_aucoin")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


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
    def matcher(self) -> LexiconSet:
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
            type=str(atype),  # one of _TYPES: checked above
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
    origin: dict[str, str | None] = dict.fromkeys(gz.actors, gz.path)
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


def _load_one(path: Path) -> Gazetteer:
    gz: Gazetteer = load_toml_file(path, "gazetteer", _parse_gazetteer)
    return gz


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
    actor_id = slug(name)
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
