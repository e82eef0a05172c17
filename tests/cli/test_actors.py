"""framing actors: candidate actors, and actors added to a user gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

from framing.cli.app import main


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
