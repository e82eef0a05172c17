"""``framing lexicons``: list, show, validate, import and export lexicons."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from framing.cli.common import EXIT_OK, EXIT_SOME_FAILED, say
from framing.errors import FramingError, LexiconError
from framing.markers.importers import import_dictionary, write_toml
from framing.markers.lexicons import Lexicon, load_default_lexicons, load_lexicon

__all__ = ["cmd_lexicons_export", "cmd_lexicons_import", "cmd_lexicons_list", "cmd_lexicons_show", "cmd_lexicons_validate", "register"]


def register(subparsers: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add ``lexicons`` and its actions to ``subparsers`` (from ``add_subparsers``); the actions' parsers are ``parser_class``."""
    lp = subparsers.add_parser("lexicons", help="list, show, validate, import and export lexicons", description="Work with lexicons: the built-in ones, your own folders, and dictionaries you own.")
    lsub = lp.add_subparsers(dest="lexicon_command", metavar="ACTION", parser_class=parser_class, required=True)
    q = lsub.add_parser("list", help="list the lexicons that analyses use")
    q.add_argument("--lexicon-dir", action="append", default=[], metavar="DIR", help="include the lexicons in DIR")
    q.set_defaults(func=cmd_lexicons_list)
    q = lsub.add_parser("show", help="show a lexicon's categories, definitions, literature and entries")
    q.add_argument("name", help="a lexicon name (see 'framing lexicons list') or a .toml file")
    q.add_argument("--category", help="list the entries of this category")
    q.add_argument("--lexicon-dir", action="append", default=[], metavar="DIR", help="include the lexicons in DIR")
    q.set_defaults(func=cmd_lexicons_show)
    q = lsub.add_parser("validate", help="check lexicon files; errors name the file and line")
    q.add_argument("files", nargs="+", metavar="FILE", help="lexicon .toml files")
    q.set_defaults(func=cmd_lexicons_validate)
    q = lsub.add_parser(
        "import",
        help="convert a dictionary you own (LIWC .dic, quanteda YAML, WordStat .cat, CSV) to a lexicon file",
        description="Convert a dictionary you own into framing's TOML lexicon format. Put the result in a folder and "
        "pass it with --lexicon-dir (or FRAMING_LEXICON_PATH) to use it in analyses. Restricted dictionaries "
        "(LIWC, Lexicoder, eMFD) stay on your machine: never commit the converted file to a public repository.",
    )
    q.add_argument("file", help="the dictionary file (.dic, .yml/.yaml, .cat, .csv)")
    q.add_argument("--out", required=True, metavar="FILE.toml", help="where to write the lexicon")
    q.add_argument("--name", help="lexicon name (default: from the file name)")
    q.add_argument("--version", default="imported", help="version to record (default: %(default)s)")
    q.add_argument("--license", default="user-supplied", help="license to record (default: %(default)s)")
    q.add_argument("--encoding", default="utf-8", help="text encoding of the file (default: %(default)s; old LIWC files are often cp1252)")
    q.set_defaults(func=cmd_lexicons_import)
    q = lsub.add_parser("export", help="write a lexicon's entries as CSV (term, category, weight, note)")
    q.add_argument("name", help="a lexicon name or a .toml file")
    q.add_argument("--out", required=True, metavar="FILE.csv")
    q.set_defaults(func=cmd_lexicons_export)


def _lexicon_by_name(name: str, dirs: Sequence[str] = ()) -> Lexicon:
    if name.endswith(".toml") or "/" in name:
        return load_lexicon(name)
    lexset = load_default_lexicons(dirs)
    try:
        return lexset[name]
    except KeyError:
        raise FramingError(f"no lexicon named {name!r}; available: {', '.join(lx.name for lx in lexset)}") from None



def cmd_lexicons_list(args: argparse.Namespace) -> int:
    for lx in load_default_lexicons(args.lexicon_dir):
        print(f"{lx.name:<16} {lx.version:<8} {len(lx.categories):>3} categories {len(lx.entries):>6} entries  {lx.path}")
        print(f"{'':<16} {', '.join(lx.categories)}")
    return EXIT_OK


def cmd_lexicons_show(args: argparse.Namespace) -> int:
    lx = _lexicon_by_name(args.name, args.lexicon_dir)
    if args.category:
        if args.category not in lx.categories:
            raise FramingError(f"lexicon {lx.name!r} has no category {args.category!r}; it has: {', '.join(lx.categories)}")
        for e in lx.entries_for(args.category):
            extra = (f"  weight={e.weight:g}" if e.weight != 1 else "") + (f"  # {e.note}" if e.note else "")
            print(f"{e.term}{extra}")
        return EXIT_OK
    print(f"{lx.name} {lx.version} ({lx.language}, {lx.license}) curated by {', '.join(lx.curators)}")
    print(lx.description)
    print(f"file: {lx.path}  sha256: {lx.sha256[:12]}")
    for c in lx.categories.values():
        print(f"\n[{c.name}] {c.label}: {len(lx.entries_for(c.name))} entries" + (" (negatable)" if c.negatable else ""))
        print(f"  {c.definition}")
        for ref in c.literature:
            print(f"  - {ref}")
    return EXIT_OK


def cmd_lexicons_validate(args: argparse.Namespace) -> int:
    bad = 0
    for f in args.files:
        try:
            lx = load_lexicon(f)
        except LexiconError as exc:
            bad += 1
            print(f"INVALID {exc}")
        else:
            print(f"ok      {f}: {lx.name} {lx.version}, {len(lx.categories)} categories, {len(lx.entries)} entries")
    return EXIT_SOME_FAILED if bad else EXIT_OK


def cmd_lexicons_import(args: argparse.Namespace) -> int:
    lx = import_dictionary(args.file, name=args.name, version=args.version, license=args.license, encoding=args.encoding)
    path = write_toml(lx, args.out)
    say(f"Wrote {lx.name} ({len(lx.categories)} categories, {len(lx.entries)} entries) to {path}")
    return EXIT_OK


def cmd_lexicons_export(args: argparse.Namespace) -> int:
    lx = _lexicon_by_name(args.name)
    path = lx.to_csv(args.out)
    say(f"Wrote {len(lx.entries)} entries of {lx.name} {lx.version} to {path}")
    return EXIT_OK

