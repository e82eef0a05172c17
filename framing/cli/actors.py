"""``framing actors``: list the gazetteer's actors, find names in articles that look like actors but
are not in it, and add actors to a user gazetteer."""

from __future__ import annotations

import argparse
from typing import Any

from framing.actors.candidates import find_candidates
from framing.actors.gazetteer import add_actor, load_gazetteer
from framing.cli.common import EXIT_OK, EXIT_SOME_FAILED, non_negative, say
from framing.errors import check_inputs
from framing.inputs.loader import iter_load
from framing.text.parse import parse_many
from framing.types import LoadError

__all__ = ["cmd_actors_add", "cmd_actors_candidates", "cmd_actors_list", "register"]


def register(subparsers: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add ``actors`` and its actions to ``subparsers`` (from ``add_subparsers``); the actions' parsers are ``parser_class``."""
    ap = subparsers.add_parser("actors", help="list the gazetteer's actors, find candidate actors, add actors to your own gazetteer", description="Work with the actor gazetteer.")
    asub = ap.add_subparsers(dest="actor_command", metavar="ACTION", parser_class=parser_class, required=True)
    q = asub.add_parser("candidates", help="names in your articles that look like actors but are not in the gazetteer, with counts")
    q.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns")
    q.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="a user gazetteer to include (repeatable)")
    q.add_argument("--min-count", type=non_negative, default=1, help="show names seen at least this often (default: %(default)s)")
    q.set_defaults(func=cmd_actors_candidates)
    q = asub.add_parser(
        "add",
        help="add an actor to a user gazetteer file (created if missing)",
        epilog='example:\n  framing actors add "Dana Aucoin" --type person --affiliation canada --pronoun she --to my-actors.toml',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("name", help="the actor's name as written in news, e.g. \"Dana Aucoin\"")
    q.add_argument("--to", required=True, metavar="FILE", help="the user gazetteer (TOML) to add to; use it with --gazetteer FILE")
    q.add_argument("--type", default="person", choices=["person", "state", "organisation", "group"])
    q.add_argument("--affiliation", help="actor id of the state or organisation it acts for (e.g. canada)")
    q.add_argument("--pronoun", choices=["he", "she", "they"])
    q.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    q.add_argument("--title", action="append", default=[], help='a title naming the person, e.g. "Trade Minister Dana Aucoin" (repeatable)')
    q.set_defaults(func=cmd_actors_add)
    q = asub.add_parser("list", help="list the actors of the gazetteer")
    q.add_argument("--gazetteer", action="append", default=[], metavar="FILE")
    q.add_argument("--type", choices=["person", "state", "organisation", "group"])
    q.set_defaults(func=cmd_actors_list)


def cmd_actors_candidates(args: argparse.Namespace) -> int:
    check_inputs(args.paths)
    gz = load_gazetteer(extra=args.gazetteer)
    failed = False
    texts = []
    for item in iter_load(args.paths):
        if isinstance(item, LoadError):
            say(f"framing: cannot read {item}")
            failed = True
            continue
        texts.append(item.text)
    counts = find_candidates(parse_many(texts), gz)  # named entities come from the parse
    shown = [(n, c) for n, c in counts.most_common() if c >= args.min_count]
    if not shown:
        say("No candidate actors: every capitalised name is in the gazetteer.")
    for name, count in shown:
        print(f"{count:5}  {name}")
    if shown:
        say('Add one with: framing actors add "NAME" --type person --to my-actors.toml, then analyse with --gazetteer my-actors.toml')
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_actors_add(args: argparse.Namespace) -> int:
    actor_id = add_actor(
        args.to, args.name, type=args.type, affiliation=args.affiliation, pronoun=args.pronoun, aliases=args.alias, titles=args.title
    )
    say(f"Added {args.name!r} as [actors.{actor_id}] to {args.to}; use it with --gazetteer {args.to}")
    return EXIT_OK


def cmd_actors_list(args: argparse.Namespace) -> int:
    gz = load_gazetteer(extra=args.gazetteer)
    for a in sorted(gz.actors.values(), key=lambda a: (a.type, a.name)):
        if args.type and a.type != args.type:
            continue
        refs = ", ".join((*a.names, *a.metonyms, *a.adjectives)[:8])
        print(f"{a.type:<13} {a.id:<32} {a.name}  ({refs})")
    return EXIT_OK
