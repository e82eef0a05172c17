"""Lexicons: validated, versioned word-and-phrase lists for framing markers.

A lexicon is a TOML file (format in ``lexicons/README.md``): metadata, categories with a
definition and the literature they come from, and entries (words, multi-word phrases, globs such as
``imperialis*``) with optional weights and notes. :func:`load_lexicon` validates a file and
reports problems with the file name and line; :class:`LexiconSet` combines lexicons and matches all
of them against a text in one pass (see :mod:`framing.markers.match`).

User lexicons live in any folder: pass it as ``extra_dirs`` (``--lexicon-dir`` on the command
line) or list folders in the ``FRAMING_LEXICON_PATH`` environment variable. A user lexicon with
the same ``name`` as a built-in one replaces it. Older versions of a lexicon are kept in
``lexicons/archive/NAME-VERSION.toml`` and load with ``load_lexicon(NAME, version=...)``.

Why this module is long: parsing and validating a lexicon file (entries, weights, exclusions,
display fields, line numbers in every error) is one pass over one data structure, and splitting it
would scatter the rules a curator reads the errors of.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import json
import math
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from framing.errors import LexiconError, check_option
from framing.markers.display import DISPLAY_KEYS, LEXICON_USES, Display, lexicon_error, parse_display, parse_profiles
from framing.markers.match import TokenMatcher
from framing.resources import lexicon_dir, read_toml
from framing.text.parse import tokenizer
from framing.types import Doc, Match

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "MAX_WILDCARDS",
    "Category",
    "Entry",
    "Lexicon",
    "LexiconSet",
    "find_lexicon_files",
    "is_gazetteer_file",
    "load_default_lexicons",
    "load_lexicon",
    "parse_lexicon",
    "term_tokens",
]

_CATEGORY_KEYS = {"label", "definition", "literature", "negatable", "signed", "entries", "notes"} | DISPLAY_KEYS
_NAME_RE = re.compile(r"[a-z0-9_]+")
_REQUIRED_META = ("name", "version", "language", "license", "description", "curators")
_REQUIRED_CATEGORY = ("label", "definition", "literature")
_ENTRY_KEYS = {"term", "weight", "note", "case_sensitive", "exclude", "polarity"}
#: Values of an entry's ``polarity`` (the direction of an evaluative word, read by portrayal).
POLARITIES = ("positive", "negative", "mixed")



@dataclass(frozen=True, slots=True)
class Category:
    """A category of a lexicon: what it means, where the concept comes from, how it is shown."""

    name: str
    label: str
    definition: str
    literature: tuple[str, ...]
    negatable: bool = False
    signed: bool = False
    display: Display = field(default_factory=Display)


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: a term (word, phrase or glob) in one category."""

    term: str
    category: str
    weight: float = 1.0
    note: str | None = None
    case_sensitive: bool = False
    line: int | None = None
    exclude: tuple[str, ...] = ()  # phrases around the term in which it does not count
    #: direction of an evaluative word (``positive``, ``negative``, ``mixed``); None: the
    #: category's usual direction (for loaded language: pejorative)
    polarity: str | None = None

    @property
    def tokens(self) -> tuple[str, ...]:
        return term_tokens(self.term)

    @property
    def exclude_tokens(self) -> tuple[tuple[str, ...], ...]:
        """The exclusion phrases as token patterns, like :attr:`tokens`."""
        return tuple(term_tokens(p) for p in self.exclude)


@dataclass(frozen=True)
class Lexicon:
    """A validated lexicon. Build it with :func:`load_lexicon` or an importer."""

    name: str
    version: str
    language: str
    license: str
    description: str
    curators: tuple[str, ...]
    categories: Mapping[str, Category]
    entries: tuple[Entry, ...]
    changelog: tuple[Mapping[str, Any], ...] = ()
    path: str | None = None
    source_hash: str | None = None
    #: profile name -> {"title": ..., "order": ...}, from the file's ``[profiles.NAME]`` tables
    profiles: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: ``markers`` (matched and counted), ``detectors`` (the manifest describing the detectors'
    #: categories; no entries) or ``word_classes`` (word lists other stages read, never counted)
    use: str = "markers"

    @cached_property
    def sha256(self) -> str:
        """A hash of the content that matters for matching (entries and categories)."""
        if self.source_hash:
            return self.source_hash
        payload = json.dumps(
            [self.name, self.version, sorted((e.category, e.term, e.weight, e.case_sensitive, list(e.exclude)) for e in self.entries)],
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode()).hexdigest()

    def entries_for(self, category: str) -> list[Entry]:
        return [e for e in self.entries if e.category == category]

    def to_frame(self) -> pd.DataFrame:
        """Entries as a pandas DataFrame (term, category, weight, note)."""
        # pandas stays lazy: it takes longer to import than all of framing.markers, and only
        # notebook users call this.
        import pandas as pd

        return pd.DataFrame(
            [{"term": e.term, "category": e.category, "weight": e.weight, "note": e.note, "case_sensitive": e.case_sensitive} for e in self.entries]
        )

    def to_csv(self, path: str | os.PathLike[str]) -> Path:
        """Export the entries as CSV with columns term, category, weight, note."""
        path = Path(path)
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["term", "category", "weight", "note"])
            for e in self.entries:
                w.writerow([e.term, e.category, e.weight, e.note or ""])
        return path

    def __repr__(self) -> str:
        return f"Lexicon({self.name!r} {self.version}, {len(self.categories)} categories, {len(self.entries)} entries)"


# ---------------------------------------------------------------------------------------------
# Terms


#: The most ``*`` one word of a term may hold. Globs are matched in linear time whatever their
#: form (:class:`~framing.markers.match.Glob`); the bound keeps lexicons readable and the cost of a
#: glob per token small.
MAX_WILDCARDS = 8
_GLOB_STAND_IN = "qqglobqq"  # letters only, so a glob's '*' does not change how the term tokenises


@lru_cache(maxsize=65_536)
def term_tokens(term: str) -> tuple[str, ...]:
    """Split a lexicon term into the token patterns the matcher compares with text tokens.

    Terms are tokenised by the same rules as texts (spaCy's English tokenizer: ``Trump's`` is
    ``Trump`` ``'s``, ``doesn't`` is ``does`` ``n't``, ``inter-imperialist`` is ``inter`` ``-``
    ``imperialist``); a ``*`` stays inside the token it is written in. Curly apostrophes are
    normalised to straight ones.

    >>> term_tokens("inter-imperialist contradiction*")
    ('inter', '-', 'imperialist', 'contradiction*')
    >>> term_tokens("America's allies")
    ('America', "'s", 'allies')
    """
    text = term.replace("’", "'").replace("*", _GLOB_STAND_IN)
    return tuple(t.text.replace(_GLOB_STAND_IN, "*") for t in tokenizer()(text) if not t.is_space)


# ---------------------------------------------------------------------------------------------
# Loading and validation


class _LineIndex:
    """Line numbers of the raw TOML text, for error messages (built once per file)."""

    _QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'')

    def __init__(self, raw: str) -> None:
        self.lines = raw.splitlines()
        self.quoted: dict[str, list[int]] = {}
        for i, line in enumerate(self.lines, start=1):
            for m in self._QUOTED.finditer(line):
                value = m.group(1) if m.group(1) is not None else m.group(2)
                self.quoted.setdefault(value, []).append(i)

    def find(self, needle: str, start_line: int = 1) -> int | None:
        """The first line at or after ``start_line`` whose text contains ``needle``."""
        for i, line in enumerate(self.lines[start_line - 1 :], start=start_line):
            if needle in line:
                return i
        return None

    def quoted_line(self, term: str, after: int = 1) -> int | None:
        """The first line at or after ``after`` holding ``term`` as a quoted string, else any."""
        found = self.quoted.get(term) or self.quoted.get(term.replace("\\", "\\\\").replace('"', '\\"'))
        if not found:
            return None
        i = bisect.bisect_left(found, after)
        return found[i] if i < len(found) else found[0]


def _check_exclusion(phrase: str, toks: tuple[str, ...], path: str, line: int | None) -> None:
    """An exclusion is a longer phrase around the entry's own words ("capital" excluded in "capital
    city", "the * capital"): it must contain the term's tokens in order and add at least one."""
    ptoks = tuple(t.lower() for t in term_tokens(phrase))
    low = tuple(t.lower() for t in toks)
    n = len(low)
    if len(ptoks) <= n or not any(ptoks[i : i + n] == low for i in range(len(ptoks) - n + 1)):
        raise lexicon_error(path, line, f"exclusion {phrase!r} must contain the term {' '.join(toks)!r} and at least one more word")
    if max(t.count("*") for t in ptoks) > MAX_WILDCARDS:
        raise lexicon_error(path, line, f"exclusion {phrase!r} has more than {MAX_WILDCARDS} wildcards in one word")


def parse_lexicon(data: Mapping[str, Any], *, path: str = "<lexicon>", raw: str = "") -> Lexicon:
    """Validate a parsed lexicon document (the TOML structure as a dict) and build a Lexicon."""
    index = _LineIndex(raw)
    _line_of = index.find
    meta = data.get("lexicon")
    if not isinstance(meta, Mapping):
        raise lexicon_error(path, None, "missing the [lexicon] table with name, version, language, license, description, curators")
    for key in _REQUIRED_META:
        if key not in meta or meta[key] in ("", None, []):
            raise lexicon_error(path, _line_of("[lexicon]"), f"[lexicon] needs '{key}'")
    name = meta["name"]
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        raise lexicon_error(path, _line_of("name"), f"lexicon name must be lower-case letters, digits and _; got {name!r}")
    curators = meta["curators"]
    if isinstance(curators, str):
        curators = [curators]
    use = meta.get("use", "markers")
    if use not in LEXICON_USES:
        raise lexicon_error(path, _line_of("use"), f"use must be one of {', '.join(LEXICON_USES)}; got {use!r}")
    default_case = meta.get("case_sensitive", False)
    if not isinstance(default_case, bool):
        raise lexicon_error(path, _line_of("case_sensitive"), f"case_sensitive must be true or false; got {default_case!r}")

    cats_raw = data.get("categories")
    if not isinstance(cats_raw, Mapping) or not cats_raw:
        raise lexicon_error(path, None, "no categories: add at least one [categories.NAME] table")
    categories: dict[str, Category] = {}
    entries: list[Entry] = []
    seen_terms: dict[tuple[str, str], int | None] = {}
    term_categories: dict[str, list[str]] = {}
    for cname, c in cats_raw.items():
        header_line = _line_of(f"[categories.{cname}]")
        if not _NAME_RE.fullmatch(cname):
            raise lexicon_error(path, header_line, f"category name must be lower-case letters, digits and _; got {cname!r}")
        if not isinstance(c, Mapping):
            raise lexicon_error(path, header_line, f"category {cname!r} must be a table")
        unknown = set(c) - _CATEGORY_KEYS
        if unknown:
            raise lexicon_error(path, header_line, f"category {cname!r} has unknown keys {sorted(unknown)}; allowed: {sorted(_CATEGORY_KEYS)}")
        for key in _REQUIRED_CATEGORY:
            if not c.get(key):
                raise lexicon_error(path, header_line, f"category {cname!r} is not fully declared: it needs '{key}'")
        lit = c["literature"]
        if isinstance(lit, str):
            lit = [lit]
        signed = bool(c.get("signed", False))
        categories[cname] = Category(
            name=cname,
            label=str(c["label"]),
            definition=" ".join(str(c["definition"]).split()),
            literature=tuple(lit),
            negatable=bool(c.get("negatable", False)),
            signed=signed,
            display=parse_display(c, cname, path, header_line),
        )
        cursor = header_line or 1
        for item in c.get("entries", []):
            exclude: tuple[str, ...] = ()
            polarity = None
            if isinstance(item, str):
                term, weight, note, case = item, 1.0, None, default_case
            elif isinstance(item, Mapping):
                extra = set(item) - _ENTRY_KEYS
                if "term" not in item or extra:
                    ln = _line_of("{", cursor)
                    raise lexicon_error(path, ln, f"an entry of {cname!r} must have 'term' and only {sorted(_ENTRY_KEYS)}; got keys {sorted(item)}")
                term = item["term"]
                weight = item.get("weight", 1.0)
                note = item.get("note")
                case = item.get("case_sensitive", default_case)
                raw_exclude = item.get("exclude", [])
                if not isinstance(raw_exclude, list) or not all(isinstance(x, str) and x.strip() for x in raw_exclude):
                    ln = _line_of("{", cursor)
                    raise lexicon_error(path, ln, f"'exclude' of {term!r} in {cname!r} must be a list of phrases, got {raw_exclude!r}")
                exclude = tuple(x.strip() for x in raw_exclude)
                polarity = item.get("polarity")
                if polarity is not None and polarity not in POLARITIES:
                    ln = _line_of("{", cursor)
                    raise lexicon_error(path, ln, f"'polarity' of {term!r} in {cname!r} must be one of {list(POLARITIES)}, got {polarity!r}")
            else:
                raise lexicon_error(path, cursor, f"an entry of {cname!r} must be a string or a table, got {type(item).__name__}")
            if not isinstance(term, str) or not term.strip():
                raise lexicon_error(path, cursor, f"an entry of {cname!r} has an empty or non-text term: {term!r}")
            line = index.quoted_line(term, cursor)
            cursor = line or cursor
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not math.isfinite(weight):
                raise lexicon_error(path, line, f"weight of {term!r} must be a finite number, got {weight!r}")
            if weight < 0 and not signed:
                raise lexicon_error(path, line, f"weight of {term!r} is negative ({weight}) but category {cname!r} is not declared signed = true")
            if not isinstance(case, bool):
                raise lexicon_error(path, line, f"case_sensitive of {term!r} must be true or false, got {case!r}")
            toks = term_tokens(term)
            if not toks or any(t.strip("*") == "" for t in toks):
                raise lexicon_error(path, line, f"term {term!r} has no words to match (a lone '*' matches everything)")
            stars = max(t.count("*") for t in toks)
            if stars > MAX_WILDCARDS:
                raise lexicon_error(
                    path, line, f"term {term!r} has {stars} wildcards in one word; at most {MAX_WILDCARDS} are allowed (one '*' already matches any run of letters)"
                )
            for phrase in exclude:
                _check_exclusion(phrase, toks, path, line)
            norm = " ".join(toks) if case else " ".join(toks).lower()
            seen_key = (cname, norm)
            if seen_key in seen_terms:
                first = seen_terms[seen_key]
                raise lexicon_error(
                    path,
                    line,
                    f"duplicate entry {term!r} in category {cname!r}" + (f" (first on line {first})" if first else ""),
                )
            seen_terms[seen_key] = line
            term_categories.setdefault(norm.lower(), []).append(cname)
            entries.append(
                Entry(term=term.strip(), category=cname, weight=float(weight), note=note, case_sensitive=case, line=line, exclude=exclude, polarity=polarity)
            )
    shared = {t: cs for t, cs in term_categories.items() if len(cs) > 1}
    if shared and os.environ.get("FRAMING_WARN_SHARED_TERMS"):
        warnings.warn(f"{path}: {len(shared)} terms appear in more than one category, e.g. {next(iter(shared))!r}", stacklevel=2)
    changelog = tuple(data.get("changelog", ()))
    profiles = parse_profiles(data.get("profiles", {}), path, _line_of("[profiles"))
    return Lexicon(
        name=name,
        version=str(meta["version"]),
        language=str(meta["language"]),
        license=str(meta["license"]),
        description=" ".join(str(meta["description"]).split()),
        curators=tuple(curators),
        categories=categories,
        entries=tuple(entries),
        changelog=changelog,
        path=path,
        source_hash=hashlib.sha256(raw.encode()).hexdigest() if raw else None,
        profiles=profiles,
        use=use,
    )


def find_lexicon_files(extra_dirs: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """Lexicon files: built-in ones, then those in ``FRAMING_LEXICON_PATH``, then ``extra_dirs``."""
    dirs: list[Path] = [lexicon_dir()]
    env = os.environ.get("FRAMING_LEXICON_PATH")
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    dirs.extend(Path(d) for d in extra_dirs)
    files: list[Path] = []
    for d in dirs:
        if not d.is_dir():
            raise LexiconError(f"lexicon folder {d} does not exist")
        files.extend(f for f in sorted(d.glob("*.toml")) if not is_gazetteer_file(f))
    return files


def is_gazetteer_file(path: Path) -> bool:
    """Whether a TOML file in a lexicon folder is an actor gazetteer (``[gazetteer]`` table)."""
    try:
        with open(path, encoding="utf-8") as fh:
            return any(line.strip() == "[gazetteer]" for line in fh)
    except (OSError, UnicodeDecodeError):
        return False


def load_lexicon(source: str | os.PathLike[str], *, version: str | None = None) -> Lexicon:
    """Load and validate one lexicon from a TOML file, or a built-in one by name.

    Parameters
    ----------
    source : path or name
        A ``.toml`` file, or the name of a built-in lexicon (``"registers"``).
    version : str, optional
        With a name: load that version from ``lexicons/archive/`` if it is not the current one.

    >>> lex = load_lexicon("registers")
    >>> sorted(lex.categories)[:2]
    ['liberal_internationalist', 'marxist']
    """
    path = Path(source)
    if not path.suffix and not path.exists():
        base = lexicon_dir()
        path = base / f"{source}.toml"
        if version is not None:
            current = load_lexicon(path) if path.exists() else None
            if current is None or current.version != version:
                path = base / "archive" / f"{source}-{version}.toml"
        if not path.exists():
            names = sorted(p.stem for p in base.glob("*.toml"))
            raise LexiconError(f"no built-in lexicon {source!r}" + (f" version {version}" if version else "") + f"; available: {', '.join(names)}")
    data, raw = read_toml(path, "lexicon")
    return parse_lexicon(data, path=str(path), raw=raw)


class LexiconSet(Sequence[Lexicon]):
    """Several lexicons matched together in one pass over each text.

    Parameters
    ----------
    lexicons : iterable of Lexicon
        Lexicons to combine; names must be unique.
    overlap : {"longest", "all"}
        Within one lexicon, where matches overlap: ``"longest"`` keeps the leftmost-longest
        match ("New York Times" beats "New York"; a term listed in two categories counts in both);
        ``"all"`` keeps every match. Different lexicons never suppress each other.
    negation_window : int
        How many tokens before a match in a ``negatable`` category are searched for a negator
        ("not", "no", "never", "n't", "without" ...), stopping at clause punctuation and "but".
    """

    def __init__(self, lexicons: Iterable[Lexicon], *, overlap: str = "longest", negation_window: int = 3) -> None:
        check_option("overlap", overlap, ("longest", "all"))
        self.lexicons: list[Lexicon] = list(lexicons)
        names = [lx.name for lx in self.lexicons]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise LexiconError(f"two lexicons share the name(s) {sorted(dupes)}; names must be unique in a set")
        self.overlap = overlap
        self.negation_window = negation_window
        self._matcher: TokenMatcher | None = None

    def __len__(self) -> int:
        return len(self.lexicons)

    @overload
    def __getitem__(self, i: int | str) -> Lexicon: ...
    @overload
    def __getitem__(self, i: slice) -> list[Lexicon]: ...
    def __getitem__(self, i: int | str | slice) -> Lexicon | list[Lexicon]:
        """A lexicon by position or by name, or a slice of them."""
        if isinstance(i, str):
            for lx in self.lexicons:
                if lx.name == i:
                    return lx
            raise KeyError(i)
        return self.lexicons[i]

    def __iter__(self) -> Iterator[Lexicon]:
        return iter(self.lexicons)

    @property
    def matcher(self) -> TokenMatcher:
        """The compiled matcher for these lexicons, built on first use."""
        if self._matcher is None:
            self._matcher = TokenMatcher(self.lexicons, overlap=self.overlap, negation_window=self.negation_window)
        return self._matcher

    def match(self, doc: Doc) -> list[Match]:
        """Every match of every lexicon in a segmented text, in text order."""
        return self.matcher.match(doc)

    def category_keys(self) -> list[str]:
        """``lexicon.category`` for every category of every lexicon, in order."""
        return [f"{lx.name}.{c}" for lx in self.lexicons for c in lx.categories]

    def category(self, key: str) -> Category:
        name, _, cat = key.partition(".")
        return self[name].categories[cat]

    def provenance(self) -> dict[str, str]:
        """``{name: "version sha256:<first 12 hex>"}`` for reports and results."""
        return {lx.name: f"{lx.version} sha256:{lx.sha256[:12]}" for lx in self.lexicons}

    def __repr__(self) -> str:
        return f"LexiconSet({', '.join(f'{lx.name} {lx.version}' for lx in self.lexicons)})"


def load_default_lexicons(extra_dirs: Iterable[str | os.PathLike[str]] = (), **options: Any) -> LexiconSet:
    """The built-in lexicons plus user ones; a user lexicon replaces a built-in one of the same name."""
    by_name: dict[str, Lexicon] = {}
    for f in find_lexicon_files(extra_dirs):
        lex = load_lexicon(f)
        if lex.use == "markers":
            by_name[lex.name] = lex
    return LexiconSet(by_name.values(), **options)
