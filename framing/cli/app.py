"""The ``framing`` command line. Each subcommand is a thin layer over the Python API, in one module
per command group (:mod:`framing.cli.analyze`, :mod:`~framing.cli.clean`, :mod:`~framing.cli.actors`,
:mod:`~framing.cli.lexicons`, :mod:`~framing.cli.classify`, :mod:`~framing.cli.explore`, and ``framing worksheet``); this module
assembles the parser and runs a command.

Exit status: 0 when every input was analysed, 1 when some inputs failed (the rest were still
analysed and the failures are listed in ``errors.jsonl``), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from typing import NoReturn

from framing._version import __version__
from framing.cli.actors import register as register_actors
from framing.cli.analyze import register as register_analyze
from framing.cli.classify import register as register_classify
from framing.cli.clean import register as register_clean
from framing.cli.common import EXIT_OK, EXIT_USAGE, say
from framing.cli.explore import register as register_explore
from framing.cli.lexicons import register as register_lexicons
from framing.cli.worksheet import register as register_worksheet
from framing.errors import FramingError

__all__ = ["build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with status 2 (``EXIT_USAGE``).

    Arguments a command does not know are refused by that command's parser, with its usage and
    the closest option ("did you mean --format?"): argparse's subcommand parsers pass them up to
    the top parser, whose usage says nothing about the command's options. So ``parse_known_args``
    never returns unknown arguments here.
    """

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")

    def parse_known_args(self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:  # type: ignore[override]
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}{self._suggestion(extras)}")
        return parsed, extras

    def _suggestion(self, extras: Sequence[str]) -> str:
        """`` (did you mean --format?)`` for the first unknown option close to one of this parser's."""
        options = [o for action in self._actions for o in action.option_strings if o.startswith("--")]
        for arg in extras:
            if arg.startswith("-") and len(arg) > 2:
                close = difflib.get_close_matches(arg.split("=", 1)[0], options, n=1, cutoff=0.6)
                if close:
                    return f" (did you mean {close[0]}?)"
        return ""


def build_parser() -> argparse.ArgumentParser:
    """The ``framing`` parser with every command, in the order ``framing --help`` lists them."""
    parser = _Parser(
        prog="framing",
        description="Comparative media-framing analysis: how do outlets frame the same events?",
        epilog="Run 'framing COMMAND --help' for the options of each command.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for register in (register_analyze, register_clean, register_actors, register_worksheet, register_classify, register_lexicons, register_explore):
        register(sub, _Parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command in ``argv`` (default: the process's arguments); returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except FramingError as exc:
        say(f"framing: error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        say("framing: interrupted")
        return 130
    except BrokenPipeError:  # e.g. `framing clean x | head`
        return EXIT_OK
    except OSError as exc:  # a file or folder the command could not read or write: say which, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        say(f"framing: error: {where}{exc.strerror or exc}")
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
