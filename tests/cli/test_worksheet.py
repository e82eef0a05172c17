"""framing worksheet: the command's parser, its files, its exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.cli.worksheet import register
from framing.errors import FramingError


def test_command_line_hook(tmp_path: Path) -> None:
    """register() adds 'worksheet' to a CLI parser; it writes the files, and a bad level is a FramingError naming the choices."""
    from framing.cli.app import _Parser

    parser = _Parser(prog="framing")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    register(sub, _Parser)
    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    args = parser.parse_args(["worksheet", str(corpus), "--level", "high", "--anonymise", "--out", str(tmp_path), "--format", "html"])
    assert args.func(args) == 0
    assert (tmp_path / "worksheet.html").is_file() and (tmp_path / "answer_key.html").is_file()
    bad = parser.parse_args(["worksheet", str(corpus), "--level", "kindergarten", "--out", str(tmp_path / "bad")])
    with pytest.raises(FramingError, match="'middle', 'high', 'college'"):
        bad.func(bad)
    with pytest.raises(SystemExit) as exit_:
        parser.parse_args(["worksheet", str(corpus)])  # --out is required
    assert exit_.value.code == 2


def test_wired_into_framing_cli(tmp_path: Path) -> None:
    """Once framing/cli/app.py registers the command, 'framing worksheet' exits 0, and 2 for a bad level."""
    from framing.cli.app import build_parser, main

    if "worksheet" not in build_parser().format_help():
        pytest.skip("'framing worksheet' is not registered in framing/cli/app.py yet (see framing.cli.worksheet.register)")
    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    assert main(["worksheet", str(corpus), "--out", str(tmp_path), "--format", "html"]) == 0
    assert main(["worksheet", str(corpus), "--level", "grade5", "--out", str(tmp_path)]) == 2
