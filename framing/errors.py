"""Exceptions raised by framing. Every message names what was expected and what was given."""

from __future__ import annotations

import difflib
import glob
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = [
    "FramingError",
    "InputError",
    "LexiconError",
    "MissingInputError",
    "MissingResourceError",
    "OptionError",
    "PremiseWarning",
    "UnknownFieldError",
    "UntrustedModelError",
    "check_inputs",
    "check_option",
    "did_you_mean",
]


class FramingError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(FramingError):
    """An input file or record cannot be read as an article (the message says which and why)."""


class MissingInputError(InputError):
    """Paths given to read that do not exist, or glob patterns that match no file. ``missing`` holds
    ``(path, reason)`` for each; the message names them all. A mistyped path is a mistake to
    report before anything is read, not an input to skip (or an empty corpus)."""

    def __init__(self, missing: Sequence[tuple[str, str]]) -> None:
        self.missing = list(missing)
        super().__init__("; ".join(f"{path}: {reason}" for path, reason in self.missing))


class LexiconError(FramingError):
    """A lexicon file is malformed (the message names the file and line)."""


class MissingResourceError(FramingError):
    """A resource the toolkit needs is not installed (the message names the package)."""


class UntrustedModelError(FramingError):
    """A model file holds object types framing does not trust, or is not a framing model; it was
    not loaded (nothing in it was constructed or run)."""


class PremiseWarning(UserWarning):
    """A worksheet's articles may not be about the same event (published far apart, or in
    different stories); the worksheet is still written, and its answer key says so too."""


class OptionError(FramingError, ValueError):
    """An option was given a value outside its allowed set."""


class UnknownFieldError(OptionError):
    """A field to group or stratify by (``by="outlte"``) that no article has. ``field`` is what was
    given, ``available`` the fields the articles do have (the message lists them, with the closest
    one as a suggestion): a typo is an error, never one "(unknown)" group."""

    def __init__(self, field: str, available: Sequence[str], *, doing: str = "group by") -> None:
        self.field = field
        self.available = list(available)
        super().__init__(
            f"cannot {doing} {field!r}: no article has that field{did_you_mean(field, self.available)}; "
            f"fields to {doing}: {', '.join(self.available) or '(none)'}"
        )


def did_you_mean(given: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'outlet'?)`` when one of ``choices`` is close to ``given`` (difflib), else ``""``."""
    close = difflib.get_close_matches(given, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_option(name: str, value: object, allowed: Iterable[object]) -> None:
    """Raise :class:`OptionError` unless ``value`` is one of ``allowed``.

    The one place enumerated string options are validated, so every such message reads alike.
    """
    allowed = tuple(allowed)
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise OptionError(f"{name} must be one of {choices}; got {value!r}")


def check_inputs(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> None:
    """Raise :class:`MissingInputError` naming every path in ``paths`` that does not exist and
    every glob pattern (``pages/*.html``) that matches no file; return quietly otherwise.

    The same tests as input discovery (a path that exists, else a pattern with a match that is
    not a folder), so what passes here is read; what a file holds is not checked here.
    """
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    missing = []
    for p in given:
        text = os.fspath(p)
        if Path(text).exists():
            continue
        if glob.has_magic(text):
            if not any(not Path(x).is_dir() for x in glob.iglob(text, recursive=True)):
                missing.append((text, "no file matches this pattern"))
        else:
            missing.append((text, "no such file or folder"))
    if missing:
        raise MissingInputError(missing)
