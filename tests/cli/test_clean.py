"""framing clean: the cleaned text, its metadata and the removed debris."""

from __future__ import annotations

import json

from framing.cli.app import main

PAGE = """Menu
Sign in
Harbour board approves new ferry pier
By Ada Byrne
June 3, 2025

The harbour board approved plans on Tuesday for a second ferry pier, which it says will cut waiting times for island passengers by half during the summer.

Work will start in the autumn and should take about eighteen months, the board said.

You May Also Like
Gardeners race to beat the first frost
"""


def test_clean_prints_text_and_metadata(tmp_path, capsys):
    """`framing clean FILE` prints the recovered metadata, a rule, then the cleaned text only."""
    f = tmp_path / "pier.txt"
    f.write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(f)]) == 0
    out = capsys.readouterr().out
    head, _, body = out.partition("-" * 72 + "\n")
    assert "title: Harbour board approves new ferry pier" in head
    assert "author: Ada Byrne" in head
    assert "published: 2025-06-03" in head
    assert f"source_path: {f}" in head
    assert body.startswith("The harbour board approved plans on Tuesday")
    assert body.rstrip().endswith("the board said.")
    for debris in ("Menu", "Sign in", "By Ada Byrne", "You May Also Like", "Gardeners"):
        assert debris not in body


def test_clean_show_debris_and_json(tmp_path, capsys):
    """--show-debris lists what was removed; --json prints one parseable object with the text."""
    f = tmp_path / "pier.txt"
    f.write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(f), "--show-debris"]) == 0
    out = capsys.readouterr().out
    assert "[byline] By Ada Byrne" in out and "[teasers] You May Also Like" in out
    assert main(["clean", str(f), "--json", "--show-debris"]) == 0
    obj = json.loads(capsys.readouterr().out)
    assert obj["title"] == "Harbour board approves new ferry pier"
    assert obj["text"].startswith("The harbour board approved plans")
    assert {"kind": "byline", "text": "By Ada Byrne"} in obj["debris"]


def test_clean_unreadable_file_exit_1(tmp_path, capsys):
    """`framing clean` on a file it cannot read and a good file prints the good one and exits 1."""
    good = tmp_path / "pier.txt"
    good.write_text(PAGE, encoding="utf-8")
    broken = tmp_path / "scan.txt"
    broken.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nbinary")
    assert main(["clean", str(broken), str(good)]) == 1
    captured = capsys.readouterr()
    assert "scan.txt" in captured.err and "PDF" in captured.err
    assert "The harbour board approved plans" in captured.out


def test_clean_missing_file_is_a_usage_error(tmp_path, capsys):
    """A file name that does not exist is a usage error (exit 2) naming it, before any file is shown."""
    good = tmp_path / "pier.txt"
    good.write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(tmp_path / "missing.txt"), str(good)]) == 2
    captured = capsys.readouterr()
    assert "missing.txt: no such file or folder" in captured.err
    assert captured.out == ""


def test_clean_seed_article(politsturm_seed, capsys):
    """`framing clean` on the Politsturm seed shows its outlet, date and title above the text."""
    assert main(["clean", str(politsturm_seed)]) == 0
    out = capsys.readouterr().out
    assert "outlet: Politsturm" in out and "published: 2026-02-09" in out
    assert "title: Traditional US Allies Seek New Trade Ties" in out
    assert "2 min read" not in out
