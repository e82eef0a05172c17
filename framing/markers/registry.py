"""The one registry of framing markers: what each ``lexicon.category`` is called, how it is shown.

Every marker the analysis counts is a category of a lexicon file (or of the detectors' manifest,
``lexicons/detectors.toml``), and its display facts are declared there, next to its definition:
the phrase findings use, the highlight colour and priority, the profile it belongs to, and its use
on classroom worksheets. Comparison, reports, worksheets and classifier features read them from
here, never from lists of their own, so adding a lexicon (or a category) needs no code change.

A marker the registry does not know (a lexicon that was used for the analysis but is not loaded
now) still gets a sensible entry: its phrase comes from its key and it forms a profile of its own
lexicon.

>>> reg = marker_registry()
>>> reg["registers.marxist"].phrase
'the Marxist / anti-imperialist register'
>>> [p.name for p in reg.profiles()][:3]
['registers', 'frames', 'rhetoric']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from framing.markers.lexicons import Lexicon, find_lexicon_files, load_lexicon
from framing.resources import lexicon_dir

__all__ = ["Marker", "MarkerRegistry", "Profile", "marker_registry"]


@dataclass(frozen=True, slots=True)
class Marker:
    """One marker category and how every stage shows it."""

    key: str  # "registers.marxist"
    lexicon: str
    category: str
    label: str
    phrase: str
    profile: str
    definition: str = ""
    colour: str | None = None
    highlight: int | None = None
    classroom: str | None = None
    classroom_order: int | None = None
    classroom_class: str | None = None
    classroom_label: str | None = None
    classroom_note: str | None = None
    classroom_rewrite: str | None = None
    classroom_concept: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """A group of markers shown together (one table and one chart in the report)."""

    name: str
    title: str
    order: int
    keys: tuple[str, ...]


def _phrase_of(key: str) -> str:
    return key.split(".", 1)[-1].replace("_", " ")


class MarkerRegistry(Mapping[str, Marker]):
    """Markers by key (``"lexicon.category"``), in lexicon-file order, with their profiles."""

    def __init__(self, lexicons: Iterable[Lexicon]) -> None:
        self._markers: dict[str, Marker] = {}
        self._titles: dict[str, tuple[str, int]] = {}
        for lx in lexicons:
            for name, spec in lx.profiles.items():
                self._titles.setdefault(name, (spec["title"], int(spec.get("order", 100))))
            for cname, cat in lx.categories.items():
                d = cat.display
                key = f"{lx.name}.{cname}"
                self._markers[key] = Marker(
                    key=key,
                    lexicon=lx.name,
                    category=cname,
                    label=cat.label,
                    phrase=d.phrase or cat.label.lower(),
                    profile=d.profile or lx.name,
                    definition=cat.definition,
                    colour=d.colour,
                    highlight=d.highlight,
                    classroom=d.classroom,
                    classroom_order=d.classroom_order,
                    classroom_class=d.classroom_class,
                    classroom_label=d.classroom_label or cat.label.lower(),
                    classroom_note=d.classroom_note,
                    classroom_rewrite=d.classroom_rewrite,
                    classroom_concept=d.classroom_concept,
                )

    # Mapping interface -------------------------------------------------------------------------
    def __getitem__(self, key: str) -> Marker:
        found = self._markers.get(key)
        if found is not None:
            return found
        lexicon, _, category = key.partition(".")
        return Marker(key=key, lexicon=lexicon, category=category, label=_phrase_of(key), phrase=_phrase_of(key), profile=lexicon)

    def __iter__(self) -> Iterator[str]:
        return iter(self._markers)

    def __len__(self) -> int:
        return len(self._markers)

    def __contains__(self, key: object) -> bool:
        return key in self._markers

    # Views ---------------------------------------------------------------------------------------
    def phrase(self, key: str) -> str:
        """How findings name the marker ("the conflict frame")."""
        return self[key].phrase

    def profiles(self, keys: Iterable[str] | None = None) -> list[Profile]:
        """Profiles in their declared order; with ``keys`` (the markers present in some results),
        only those markers, unknown ones grouped under their lexicon's name."""
        chosen = list(self._markers) if keys is None else list(dict.fromkeys(keys))
        known = [k for k in self._markers if k in set(chosen)]
        order = known + [k for k in chosen if k not in self._markers]
        members: dict[str, list[str]] = {}
        for k in order:
            members.setdefault(self[k].profile, []).append(k)
        out = []
        for i, (name, ks) in enumerate(members.items()):
            title, rank = self._titles.get(name, (name.replace("_", " ").capitalize(), 1000 + i))
            out.append(Profile(name=name, title=title, order=rank, keys=tuple(ks)))
        return sorted(out, key=lambda p: (p.order, p.name))

    def highlights(self) -> dict[str, str]:
        """``key -> colour`` of highlighted markers, highest priority first (first wins on overlap)."""
        hl = [m for m in self._markers.values() if m.colour and m.highlight is not None]
        return {m.key: m.colour for m in sorted(hl, key=lambda m: (m.highlight, m.key)) if m.colour}

    def classroom(self, use: str | None = None) -> list[Marker]:
        """Markers with a classroom use (``"spot"`` or ``"mark"``; None: both), in classroom order."""
        found = [m for m in self._markers.values() if m.classroom and (use is None or m.classroom == use)]
        return sorted(found, key=lambda m: (m.classroom_order if m.classroom_order is not None else 10_000, m.key))


@lru_cache(maxsize=16)
def _registry(paths: tuple[str, ...], stamps: tuple[float, ...]) -> MarkerRegistry:
    by_name: dict[str, Lexicon] = {}
    for p in paths:
        lx = load_lexicon(p)
        if lx.use in ("markers", "detectors"):
            by_name[lx.name] = lx
    return MarkerRegistry(by_name.values())


def marker_registry(extra_dirs: Iterable[str | os.PathLike[str]] = ()) -> MarkerRegistry:
    """The registry of the built-in lexicons, the detectors' manifest and any lexicons in
    ``extra_dirs`` (a user lexicon named like a built-in one replaces it, as in analysis).

    Cached per set of files and their modification times.
    """
    files = find_lexicon_files(extra_dirs)
    manifest = lexicon_dir() / "detectors.toml"
    if manifest.is_file() and manifest not in files:
        files.append(manifest)
    paths = tuple(str(f) for f in files)
    return _registry(paths, tuple(os.stat(p).st_mtime for p in paths))
