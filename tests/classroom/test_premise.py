"""The worksheet checks its premise (issue #18, part 5): articles published far apart, or that the
same-story grouping puts in different stories, are flagged to the teacher on stderr and at the top
of the answer key; the worksheet is still written. Articles: tests/classroom/illustrative.py."""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path

import pytest

import framing
from framing.classroom.premise import MAX_SPREAD_DAYS, premise_warnings
from framing.classroom.worksheet import make_worksheet
from framing.cli.app import main
from framing.errors import PremiseWarning

from .helpers import PDFTOTEXT, flat, pdf_text
from .illustrative import pier_articles


def _warnings(**dates: str) -> list[str]:
    results = framing.analyze(pier_articles(**dates), sentiment=None, progress=False)
    return premise_warnings([(r.article.outlet or "", r) for r in results])


def test_articles_on_one_event_within_days_raise_nothing() -> None:
    assert _warnings() == []
    assert _warnings(second_published=f"2026-03-{10 + 7:02d}") == []  # a week on, the same words: one story


def test_articles_published_more_than_two_weeks_apart_are_flagged() -> None:
    """28 days apart: one warning naming the two articles, their dates and the threshold (the
    same-story grouping splits them too, by their dates only: not said twice)."""
    (w,) = _warnings(second_published="2026-04-07")
    assert "published 28 days apart" in w and f"more than the {MAX_SPREAD_DAYS} days" in w
    assert "Harbour Herald (“Council approves north harbour ferry pier”) on 2026-03-10" in w
    assert "Valley Courier (“Costly pier forced through despite residents' fears”) on 2026-04-07" in w


def test_articles_in_different_stories_are_flagged() -> None:
    """An article on another event, the same day: the same-story grouping puts it apart, and the
    warning lists the stories with their articles."""
    (w,) = _warnings(third="2026-03-11")
    assert "they tell 2 different stories" in w
    assert "(Harbour Herald (“Council approves north harbour ferry pier”) and Valley Courier (" in w
    assert "; Alder Gazette (“Heritage apple wins at orchard fair”))" in w
    both = _warnings(second_published="2026-04-07", third="2026-03-11")  # far apart and another event: both said
    assert len(both) == 2 and "28 days apart" in both[0] and "3 different stories" in both[1]


def test_the_worksheet_warns_and_its_answer_key_says_so(tmp_path: Path) -> None:
    """make_worksheet warns (PremiseWarning) and writes the worksheet; the answer key, HTML and PDF,
    opens with the warning (escaped); the students' worksheet does not show it."""
    arts = pier_articles(third="2026-03-11")
    arts[2] = replace(arts[2], title="Fair <b>winners</b>")
    with pytest.warns(PremiseWarning, match="2 different stories"):
        written = make_worksheet(arts, level="high", anonymise=True, out_dir=tmp_path)
    key = written["answer_key.html"].read_text(encoding="utf-8")
    assert "Check before class: are these articles about the same event?" in key
    assert "they tell 2 different stories" in key and "Outlet " in key
    assert "Fair &lt;b&gt;winners&lt;/b&gt;" in key and "<b>winners" not in key
    assert "Check before class" not in written["worksheet.html"].read_text(encoding="utf-8")
    if PDFTOTEXT:
        assert "check before class" in flat(pdf_text(written["answer_key.pdf"]))
    with warnings.catch_warnings():
        warnings.simplefilter("error", PremiseWarning)  # one event: no warning at all
        written = make_worksheet(pier_articles(), level="high", out_dir=tmp_path / "one", formats="html")
    assert "Check before class" not in written["answer_key.html"].read_text(encoding="utf-8")


def test_framing_worksheet_warns_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for a in pier_articles(third="2026-03-11"):
        f = tmp_path / f"{a.id}.txt"
        f.write_text(f"{a.title}\n\n{a.text}\n", encoding="utf-8")
        f.with_name(f.name + ".meta.json").write_text(f'{{"outlet": "{a.outlet}", "published": "{a.published}"}}', encoding="utf-8")
        files.append(str(f))
    assert main(["worksheet", *files, "--out", str(tmp_path / "ws"), "--format", "html"]) == 0
    err = capsys.readouterr().err
    assert "framing: warning: These articles may not be about the same event: by their words and dates they tell 2 different stories" in err
    assert (tmp_path / "ws" / "answer_key.html").is_file()
