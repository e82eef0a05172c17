"""What the commands share: exit statuses, messages to stderr, and the options for reading inputs,
derived from :class:`~framing.inputs.options.LoadOptions` (one flag per field, with its help)."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from dataclasses import MISSING, fields

from framing.inputs.options import LoadOptions

__all__ = ["EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "add_load_options", "at_least_one", "load_options", "non_negative", "positive_number", "say"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def say(msg: str) -> None:
    """A message for the user, on stderr (stdout carries the data)."""
    print(msg, file=sys.stderr)


def _number(kind: Callable[[str], float], ok: str, test: Callable[[float], bool]) -> Callable[[str], float]:
    def parse(value: str) -> float:
        try:
            n = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {ok}; got {value!r}") from None
        if not math.isfinite(n) or not test(n):
            raise argparse.ArgumentTypeError(f"expected {ok}; got {value!r}")
        return n

    parse.__name__ = ok  # argparse names the type in its messages
    return parse


#: argparse types for numeric options: a wrong value is a usage error naming the option (exit 2)
at_least_one = _number(int, "a whole number of at least 1", lambda n: n >= 1)
non_negative = _number(int, "a whole number of at least 0", lambda n: n >= 0)
positive_number = _number(float, "a number above 0", lambda n: n > 0)


def add_load_options(parser: argparse.ArgumentParser) -> None:
    """The options of :class:`LoadOptions` as a "reading inputs" group: ``--text-col NAME`` for
    ``text_col``, ``--no-clean`` for a switch that is on by default, the field's own flag and
    metavar when its metadata names them, and its default in the help."""
    group = parser.add_argument_group("reading inputs")
    for f in fields(LoadOptions):
        default = None if f.default is MISSING else f.default
        help_text = f.metadata["help"]
        if isinstance(default, bool):
            flag = f.metadata["flag"] or ("--no-" if default else "--") + f.name.replace("_", "-")
            group.add_argument(flag, dest=f.name, action="store_false" if default else "store_true", help=help_text)
            continue
        flag = f.metadata["flag"] or "--" + f.name.replace("_", "-")
        kind: Callable[[str], object] = type(default) if default is not None else str
        if kind is float:
            kind = positive_number
        elif kind is int:
            kind = non_negative
        if default is not None:
            help_text += " (default: %(default)s)"
        group.add_argument(flag, dest=f.name, type=kind, default=default, metavar=f.metadata["metavar"], help=help_text)


def load_options(args: argparse.Namespace) -> LoadOptions:
    """The :class:`LoadOptions` given on the command line (see :func:`add_load_options`)."""
    return LoadOptions(**{f.name: getattr(args, f.name) for f in fields(LoadOptions)})
