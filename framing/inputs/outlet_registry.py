"""The outlet registry: facts about news outlets (country, ownership, wire service or not,
language), each with its source, and how an article is matched to its outlet.

The registry ships as ``lexicons/outlets/outlets.toml`` (format in its header and ``lexicons/README.md``);
users extend or override it with files of the same format (``framing report DIR --outlets
my-outlets.toml``), as they do the actor gazetteer. :func:`load_outlets` validates every file
(errors name the file, the outlet and its line).

An article is matched by its outlet name (or an alias: spellings agree as in
:func:`~framing.inputs.outlets.outlet_key`), else by the domain of its URL; an outlet matched by
neither is unknown, never guessed.

>>> reg = load_outlets()
>>> reg.match("Fox Online News").name
'Fox News'
>>> reg.match("Some Blog", "https://www.reuters.com/world/x").name
'Reuters'
>>> reg.match("The Meridian Wire") is None
True
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from framing.errors import LexiconError
from framing.inputs.outlets import outlet_key
from framing.resources import lexicon_dir, load_toml_file

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["FACTS", "GROUP_FIELDS", "OWNERSHIP", "WIRE_LABELS", "Outlet", "OutletRegistry", "load_outlets"]

#: The ownership types an outlet can have (definitions in the header of lexicons/outlets/outlets.toml)
OWNERSHIP = ("state-affiliated", "public", "private", "party", "nonprofit", "cooperative")
#: The facts an outlet entry can state, each with a source
FACTS = ("country", "ownership", "wire", "language")
#: The fields an article gets from its outlet's entry, to group reports by (``--by ownership``):
#: the facts, and ``registry_outlet``, the registry's name of the outlet (spellings of one outlet
#: in the data, "Fox News" and "Fox Online News", are one group)
GROUP_FIELDS = (*FACTS, "registry_outlet")
#: How the ``wire`` fact reads as a group
WIRE_LABELS = {True: "wire service", False: "not a wire service"}

_ID_RE = re.compile(r"[a-z0-9_]+")
_LANG_RE = re.compile(r"[a-z]{2}")
_URL_RE = re.compile(r"https?://\S+")
_DOMAIN_RE = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")
_KEYS = frozenset({"name", "aliases", "source", "sources", "note", *FACTS})


@dataclass(frozen=True)
class Outlet:
    """One outlet of the registry; a fact it does not state is ``None``."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    ownership: str | None = None
    wire: bool | None = None
    language: str | None = None
    #: fact -> the URL it comes from
    sources: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    note: str | None = None
    #: the file the entry was read from
    origin: str | None = None

    @property
    def domains(self) -> tuple[str, ...]:
        """The aliases that are web domains ("nytimes.com")."""
        return tuple(a.lower() for a in self.aliases if _DOMAIN_RE.fullmatch(a.lower()))

    def facts(self) -> dict[str, str | None]:
        """The group fields of an article of this outlet (``wire`` as words, for reading in a report)."""
        return {
            "country": self.country,
            "ownership": self.ownership,
            "wire": None if self.wire is None else WIRE_LABELS[self.wire],
            "language": self.language,
            "registry_outlet": self.name,
        }


def _fold(name: str) -> str:
    """A matching key: accents dropped, then :func:`outlet_key`; a name of no Latin letters (Arabic,
    Chinese) is its own lower-case text."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return outlet_key(ascii_name) or name.casefold().strip()


def _host(url: str) -> str | None:
    """The host of a URL or bare domain, lower case, without ``www.``."""
    text = url.strip().lower()
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


@dataclass
class OutletRegistry:
    """A validated set of outlets, indexed for matching articles to them."""

    name: str
    version: str
    outlets: dict[str, Outlet]
    path: str | None = None
    source_hash: str | None = None
    _names: dict[str, str] = field(default_factory=dict, repr=False)
    _domains: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._names, self._domains = _index(self.outlets)

    def __len__(self) -> int:
        return len(self.outlets)

    def __contains__(self, outlet_id: object) -> bool:
        return outlet_id in self.outlets

    def provenance(self) -> str:
        return f"{self.version} sha256:{(self.source_hash or '')[:12]}"

    def match(self, outlet: str | None, url: str | None = None) -> Outlet | None:
        """The outlet of an article: by its outlet name or an alias, else by the domain of its URL
        (or of the outlet, when the outlet is given as a domain); ``None`` when neither is known."""
        return self.match_how(outlet, url)[0]

    def match_how(self, outlet: str | None, url: str | None = None) -> tuple[Outlet | None, str | None]:
        """:meth:`match` and how it matched: ``"name"``, ``"url"`` or ``None``."""
        if outlet and outlet.strip():
            oid = self._names.get(_fold(outlet))
            if oid is None and _DOMAIN_RE.fullmatch(outlet.strip().lower()):
                oid = self._by_domain(outlet)
            if oid is not None:
                return self.outlets[oid], "name"
        if url:
            oid = self._by_domain(url)
            if oid is not None:
                return self.outlets[oid], "url"
        return None, None

    def _by_domain(self, url: str) -> str | None:
        host = _host(url)
        if host is None:
            return None
        parts = host.split(".")
        for i in range(len(parts) - 1):  # the host, then each parent domain of two labels or more
            oid = self._domains.get(".".join(parts[i:]))
            if oid is not None:
                return oid
        return None

    def to_frame(self) -> pd.DataFrame:
        """One row per outlet: id, name, aliases, the facts, source(s) and note."""
        import pandas as pd

        rows = []
        for o in self.outlets.values():
            srcs = sorted(set(o.sources.values()))
            rows.append({
                "id": o.id, "name": o.name, "aliases": ", ".join(o.aliases), "country": o.country, "ownership": o.ownership,
                "wire": o.wire, "language": o.language, "source": " ".join(srcs), "note": o.note,
            })
        return pd.DataFrame(rows, columns=["id", "name", "aliases", "country", "ownership", "wire", "language", "source", "note"])


def _index(outlets: dict[str, Outlet]) -> tuple[dict[str, str], dict[str, str]]:
    """Name keys and domains -> outlet id; an alias given to two outlets is an error naming both."""
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for o in outlets.values():
        for alias in (o.name, *o.aliases):
            low = alias.strip().lower()
            table, key = (domains, low) if _DOMAIN_RE.fullmatch(low) else (names, _fold(alias))
            other = table.setdefault(key, o.id)
            if other != o.id:
                a, b = outlets[other], o
                raise LexiconError(
                    f"{_where(b)}: the {'domain' if table is domains else 'name'} {alias!r} is also an alias of outlet {a.id!r} ({_where(a)}); "
                    "an alias must name one outlet (names match ignoring case, spaces, punctuation and a leading 'The')"
                )
    return names, domains


def _where(o: Outlet) -> str:
    return f"{o.origin or '<outlets>'}: outlet {o.id!r}"


def _line_of(raw: str, oid: str) -> int | None:
    m = re.search(rf"^[ \t]*\[[ \t]*outlets\.{re.escape(oid)}[ \t]*\]", raw, re.MULTILINE)
    return raw.count("\n", 0, m.start()) + 1 if m else None


def _parse(data: dict[str, Any], path: str, raw: str = "") -> OutletRegistry:
    meta = data.get("registry")
    if not isinstance(meta, dict) or not meta.get("name") or not meta.get("version"):
        raise LexiconError(f"{path}: missing the [registry] table with name and version")
    table = data.get("outlets")
    if not isinstance(table, dict) or not table:
        raise LexiconError(f"{path}: no outlets: add [outlets.ID] tables")
    outlets: dict[str, Outlet] = {}
    for oid, entry in table.items():
        line = _line_of(raw, oid)
        where = f"{path}" + (f" line {line}" if line else "") + f": outlet {oid!r}"
        origin = f"{path}" + (f" line {line}" if line else "")
        outlets[oid] = _outlet(oid, entry, where, origin)
    return OutletRegistry(
        name=str(meta["name"]), version=str(meta["version"]), outlets=outlets, path=path,
        source_hash=hashlib.sha256(raw.encode()).hexdigest() if raw else None,
    )


def _outlet(oid: str, entry: Any, where: str, origin: str) -> Outlet:
    """One validated [outlets.ID] table."""
    if not _ID_RE.fullmatch(oid):
        raise LexiconError(f"{where}: ids must be lower-case letters, digits and _")
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: expected a table of fields, got {entry!r}")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}; the fields are {', '.join(sorted(_KEYS))}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise LexiconError(f"{where}: needs a 'name'")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise LexiconError(f"{where}: 'aliases' must be a list of non-empty strings; got {aliases!r}")
    for key in ("country", "note"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise LexiconError(f"{where}: {key!r} must be a non-empty string; got {entry[key]!r}")
    ownership = entry.get("ownership")
    if ownership is not None and ownership not in OWNERSHIP:
        raise LexiconError(f"{where}: ownership must be one of {', '.join(map(repr, OWNERSHIP))}; got {ownership!r}")
    wire = entry.get("wire")
    if wire is not None and not isinstance(wire, bool):
        raise LexiconError(f"{where}: wire must be true or false; got {wire!r}")
    language = entry.get("language")
    if language is not None and (not isinstance(language, str) or not _LANG_RE.fullmatch(language)):
        raise LexiconError(f"{where}: language must be a two-letter ISO 639-1 code such as 'en'; got {language!r}")
    source = entry.get("source")
    per_fact = entry.get("sources", {})
    if not isinstance(per_fact, dict) or any(k not in FACTS for k in per_fact):
        raise LexiconError(f"{where}: 'sources' must be a table of fact = URL, facts being {', '.join(FACTS)}; got {per_fact!r}")
    for value in [source, *per_fact.values()]:
        if value is not None and (not isinstance(value, str) or not _URL_RE.fullmatch(value)):
            raise LexiconError(f"{where}: a source must be an http(s) URL; got {value!r}")
    sources = {}
    for fact in FACTS:
        if entry.get(fact) is None:
            continue
        cited = per_fact.get(fact) or source
        if not cited:
            raise LexiconError(f"{where}: the fact {fact!r} has no source: add source = \"https://...\" (or sources.{fact})")
        sources[fact] = cited
    return Outlet(
        id=oid, name=name.strip(), aliases=tuple(a.strip() for a in aliases), country=entry.get("country"), ownership=ownership,
        wire=wire, language=language, sources=sources, note=entry.get("note"), origin=origin,
    )


def load_outlets(path: str | os.PathLike[str] | None = None, *, extra: Iterable[str | os.PathLike[str]] = ()) -> OutletRegistry:
    """Load the built-in outlet registry (or ``path``), extended by user registries in ``extra``.

    An outlet id in a user file replaces the built-in outlet of that id; new ids are added. Every
    file is validated, and an alias that would name two outlets once merged is an error naming
    both (their files and lines).
    """
    base = Path(path) if path else lexicon_dir() / "outlets" / "outlets.toml"
    reg = _load_one(base)
    for p in extra:
        user = _load_one(Path(p))
        merged = dict(reg.outlets)
        merged.update(user.outlets)
        reg = OutletRegistry(
            name=reg.name,
            version=f"{reg.version}+{user.name}-{user.version}",
            outlets=merged,
            path=reg.path,
            source_hash=hashlib.sha256(((reg.source_hash or "") + (user.source_hash or "")).encode()).hexdigest(),
        )
    return reg


def _load_one(path: Path) -> OutletRegistry:
    reg: OutletRegistry = load_toml_file(path, "outlet registry", _parse)
    return reg
