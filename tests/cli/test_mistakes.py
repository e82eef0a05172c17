"""No silent mistakes on the command line (issue #18, part 4): a mistyped option, path or grouping
field is a usage error (exit 2) that names it and what was meant, never a run that quietly does
something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

from framing.cli.app import main

TOP_USAGE = "usage: framing [-h] [--version] COMMAND"


@pytest.mark.parametrize(
    ("argv", "usage", "hint"),
    [
        (["analyze", str(EXAMPLES), "--formt", "html", "--out", "OUT"], "usage: framing analyze ", "did you mean --format?"),
        (["analyze", str(EXAMPLES), "--out", "OUT", "--formt=html"], "usage: framing analyze ", "did you mean --format?"),
        (["report", "OUT", "--by", "outlet", "--smaple", "10"], "usage: framing report ", "did you mean --sample?"),
        (["worksheet", "a.txt", "b.txt", "--levle", "high", "--out", "OUT"], "usage: framing worksheet ", "did you mean --level?"),
        (["lexicons", "show", "rhetoric", "--categroy", "hedges"], "usage: framing lexicons show ", "did you mean --category?"),
        (["code", "sample", "x.jsonl", "--n", "3", "--out", "s.csv", "--equl"], "usage: framing code sample ", "did you mean --equal?"),
    ],
)
def test_option_typo_shows_the_commands_usage_and_the_closest_option(argv: list[str], usage: str, hint: str, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown option is refused by the command's own parser: its usage (not the top-level one)
    and the closest option it has, exit 2, before any work."""
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage) and TOP_USAGE not in err
    assert "unrecognized arguments: " in err and hint in err
    assert not Path("OUT").exists()


def test_an_unknown_option_far_from_any_gets_no_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["clean", "a.txt", "--frobnicate"])
    err = capsys.readouterr().err
    assert err.startswith("usage: framing clean ") and "unrecognized arguments: --frobnicate\n" in err and "did you mean" not in err
