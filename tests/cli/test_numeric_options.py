"""Every numeric option is checked when the command line is read: a value out of range is a usage
error naming the option (exit 2), before any work, never a traceback or a silent oddity."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

from framing.cli.app import main


@pytest.mark.parametrize(
    ("argv", "option", "value"),
    [
        (["analyze", str(EXAMPLES), "--out", "{out}"], "--workers", "0"),
        (["analyze", str(EXAMPLES), "--out", "{out}"], "--workers", "two"),
        (["analyze", str(EXAMPLES), "--out", "{out}"], "--max-article-mb", "-3"),
        (["analyze", str(EXAMPLES), "--out", "{out}"], "--max-article-mb", "nan"),
        (["analyze", str(EXAMPLES), "--out", "{out}"], "--report-sample", "-1"),
        (["analyze", str(EXAMPLES), "--out", "{out}"], "--max-articles", "-5"),
        (["report", "{out}"], "--sample", "-1"),
        (["train", str(EXAMPLES), "--label", "outlet", "--out", "{out}/m.skops"], "--C", "0"),
        (["train", str(EXAMPLES), "--label", "outlet", "--out", "{out}/m.skops"], "--cv", "-2"),
    ],
)
def test_out_of_range_numbers_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], option: str, value: str) -> None:
    args = [a.replace("{out}", str(tmp_path / "out")) for a in argv] + [option, value]
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}: expected" in err and repr(value) in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # nothing was done
