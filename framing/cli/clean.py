"""``framing clean``: show what the tool takes as the article: the cleaned text, its metadata and,
on request, the page debris that was removed."""

from __future__ import annotations

import argparse
import json
from typing import Any

from framing.cli.common import EXIT_OK, EXIT_SOME_FAILED, add_load_options, load_options, say
from framing.errors import check_inputs
from framing.inputs.discovery import discover
from framing.inputs.loader import Reading
from framing.types import LoadError

__all__ = ["cmd_clean", "register"]


def register(subparsers: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add ``clean`` to ``subparsers`` (from ``add_subparsers``; ``parser_class`` is unused: no subcommands)."""
    p = subparsers.add_parser(
        "clean",
        help="show what the tool takes as the article: cleaned text, metadata and removed debris",
        description="Print the cleaned article text and its recovered metadata, so you can check what the tool analyses.",
    )
    p.add_argument("paths", nargs="+", metavar="FILE", help="input files (any supported format)")
    add_load_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object per article instead of text")
    p.add_argument("--show-debris", action="store_true", help="also list the page debris that was removed")
    p.set_defaults(func=cmd_clean)


def cmd_clean(args: argparse.Namespace) -> int:
    check_inputs(args.paths)  # a mistyped name is a usage error, before any file is shown
    failed = False
    first = True
    for item in Reading(discover(args.paths), load_options(args)):
        if isinstance(item, LoadError):
            say(f"framing: cannot read {item}")
            failed = True
            continue
        if args.json:
            d = item.metadata()
            d["text"] = item.text
            if args.show_debris:
                d["debris"] = [{"kind": x.kind, "text": x.text} for x in item.debris]
            print(json.dumps(d, ensure_ascii=False))
            continue
        if not first:
            print("\n" + "=" * 72 + "\n")
        first = False
        for key, value in item.metadata().items():
            if value not in (None, {}, ""):
                print(f"{key}: {value}")
        if args.show_debris and item.debris:
            print(f"removed ({len(item.debris)}):")
            for x in item.debris:
                print(f"  [{x.kind}] {x.text[:100].replace(chr(10), ' / ')}")
        print("-" * 72)
        print(item.text)
    return EXIT_SOME_FAILED if failed else EXIT_OK
