"""The 'framing actors' and 'framing compare' commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.cli.app import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def test_candidates_lists_invented_officials(capsys: pytest.CaptureFixture[str]) -> None:
    """Invented officials of the example corpus are reported as candidate actors with counts."""
    assert main(["actors", "candidates", str(EXAMPLES)]) == 0
    out = capsys.readouterr().out
    assert "Grant Whitaker" in out and "Zhao Minghui" in out
    assert "North America" not in out  # an excluded phrase is not a candidate
    assert "Donald Trump" not in out  # gazetteer actors are not candidates


def test_add_actor_then_it_is_recognised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An actor added with one command is found by the next run and no longer a candidate."""
    mine = tmp_path / "my-actors.toml"
    assert main(["actors", "add", "Grant Whitaker", "--type", "person", "--affiliation", "united_states", "--pronoun", "he", "--to", str(mine)]) == 0
    capsys.readouterr()
    assert main(["actors", "candidates", str(EXAMPLES), "--gazetteer", str(mine)]) == 0
    assert "Grant Whitaker" not in capsys.readouterr().out


def test_add_actor_refuses_bad_affiliation_and_keeps_file(tmp_path: Path) -> None:
    """A bad affiliation is refused with exit 2 and the file is left as it was."""
    mine = tmp_path / "my-actors.toml"
    assert main(["actors", "add", "Dana Aucoin", "--affiliation", "canada", "--to", str(mine)]) == 0
    before = mine.read_text()
    assert main(["actors", "add", "Nobody Here", "--affiliation", "atlantis", "--to", str(mine)]) == 2
    assert mine.read_text() == before


def test_compare_writes_every_format(tmp_path: Path) -> None:
    """'framing compare' writes HTML, PDF, Markdown and the CSV tables."""
    out = tmp_path / "cmp"
    assert main(["compare", str(EXAMPLES), "--out", str(out), "--no-progress", "--no-sentiment"]) == 0
    for name in ("report.html", "report.pdf", "report.md", "tables/actors.csv", "tables/distinctive.csv", "articles.jsonl"):
        assert (out / name).stat().st_size > 0, name
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")


def test_report_bad_format_is_usage_error(tmp_path: Path) -> None:
    """An unknown report format is a usage error (exit 2) naming the allowed ones."""
    out = tmp_path / "run"
    assert main(["analyze", str(EXAMPLES), "--out", str(out), "--no-progress", "--no-sentiment", "--format", "docx"]) == 2
