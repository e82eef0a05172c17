"""``framing worksheet``: a printable media-literacy worksheet and answer key from two to six articles."""

from __future__ import annotations

import argparse
import sys
import warnings
from typing import Any

from framing.classroom.worksheet import make_worksheet
from framing.errors import PremiseWarning

__all__ = ["cmd_worksheet", "register"]

_EPILOG = """
examples:
  framing worksheet my-articles/*.txt --level high --out worksheet/
  framing worksheet a.html b.txt c.md --level middle --anonymise --out class-7b/ --format pdf

writes in DIR:
  worksheet.html, worksheet.pdf     for the students: six exercises, printable
  answer_key.html, answer_key.pdf   for the teacher: answers with evidence, guide, glossary
"""


def register(subparsers: Any, parser_class: type[argparse.ArgumentParser] | None = None) -> argparse.ArgumentParser:
    """Add ``framing worksheet`` to the CLI's subparsers; ``parser_class`` is the CLI's parser
    class (its ``error`` exits with status 2), used for this command's parser when given."""
    previous = getattr(subparsers, "_parser_class", None)
    if parser_class is not None and previous is not None:
        subparsers._parser_class = parser_class
    try:
        p = subparsers.add_parser(
            "worksheet",
            help="make a printable media-literacy worksheet and answer key from two to six articles",
            description="Make a student worksheet (HTML and PDF) with six exercises and an answer key with evidence, from your own articles.",
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
    finally:
        if previous is not None:
            subparsers._parser_class = previous
    p.add_argument("paths", nargs="+", metavar="ARTICLE", help="article files, folders or glob patterns (two to six articles)")
    p.add_argument("--level", default="middle", help="reading level: middle, high or college (default: %(default)s)")
    p.add_argument("--anonymise", "--anonymize", dest="anonymise", action="store_true", help="replace outlet names and domains with Outlet A, B, C in every text shown")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the worksheet and answer key (created if missing)")
    p.add_argument("--format", default="html,pdf", help="comma-separated: html, pdf (default: %(default)s)")
    p.add_argument("--seed", type=int, default=0, help="which letter each outlet gets (default: %(default)s)")
    p.add_argument("--title", default=None, help="title printed on the worksheet")
    p.add_argument(
        "--sentiment-model",
        choices=("default", "accurate"),
        default="default",
        help="the model behind the key's tone of each actor: 'default', or 'accurate' (MiniLM fine-tuned on NewsMTSC; "
        'slower, closer to human readers; needs pip install "framing[accurate]")',
    )
    p.set_defaults(func=cmd_worksheet)
    return p


def cmd_worksheet(args: argparse.Namespace) -> int:
    """Write the worksheet and answer key the arguments ask for; report the files on stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PremiseWarning)
        written = make_worksheet(args.paths, level=args.level, anonymise=args.anonymise, out_dir=args.out, formats=args.format, seed=args.seed, title=args.title, sentiment=args.sentiment_model)
    for w in caught:
        if issubclass(w.category, PremiseWarning):
            print(f"framing: warning: {w.message}", file=sys.stderr)
        else:  # anything else as Python would show it
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    print(f"Wrote {', '.join(str(p) for p in written.values())}", file=sys.stderr)
    return 0
