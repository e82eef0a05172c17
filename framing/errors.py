"""Exceptions raised by framing. Every message names what was expected and what was given."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "FramingError",
    "InputError",
    "LexiconError",
    "MissingResourceError",
    "OptionError",
    "UntrustedModelError",
    "check_option",
]


class FramingError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(FramingError):
    """An input file or record cannot be read as an article (the message says which and why)."""


class LexiconError(FramingError):
    """A lexicon file is malformed (the message names the file and line)."""


class MissingResourceError(FramingError):
    """A resource the toolkit needs is not installed (the message names the package)."""


class UntrustedModelError(FramingError):
    """A model file holds object types framing does not trust, or is not a framing model; it was
    not loaded (nothing in it was constructed or run)."""


class OptionError(FramingError, ValueError):
    """An option was given a value outside its allowed set."""


def check_option(name: str, value: object, allowed: Iterable[object]) -> None:
    """Raise :class:`OptionError` unless ``value`` is one of ``allowed``.

    The one place enumerated string options are validated, so every such message reads alike.
    """
    allowed = tuple(allowed)
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise OptionError(f"{name} must be one of {choices}; got {value!r}")
