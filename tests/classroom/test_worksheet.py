"""worksheet_data and make_worksheet: both documents in both formats, every exercise, anonymising, levels, escaping, refusals, determinism."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import framing
from framing.analysis.results import Results
from framing.classroom.levels import LEVELS
from framing.classroom.worksheet import make_worksheet, worksheet_data
from framing.errors import FramingError, OptionError
from framing.text.readability import readability
from framing.text.segment import segment
from framing.types import Article

from .helpers import EVIL, HEADINGS, NO_POPPLER, OUTLET_STRINGS, PDFTOTEXT, exercise, flat, pdf_text


def test_worksheet_and_key_written_in_both_formats(anon_files: dict[str, Path]) -> None:
    """make_worksheet writes the worksheet and the answer key as HTML and PDF and returns their paths."""
    assert set(anon_files) == {"worksheet.html", "worksheet.pdf", "answer_key.html", "answer_key.pdf"}
    for name, path in anon_files.items():
        assert path.name == name and path.stat().st_size > 2000, name
    assert anon_files["worksheet.pdf"].read_bytes().startswith(b"%PDF")
    assert anon_files["answer_key.pdf"].read_bytes().startswith(b"%PDF")


def test_html_only_format(results: Results, tmp_path: Path) -> None:
    """formats="html" writes no PDF; an unknown format is refused by name."""
    written = make_worksheet(results, out_dir=tmp_path, formats=("html",))
    assert set(written) == {"worksheet.html", "answer_key.html"}
    assert not list(tmp_path.glob("*.pdf"))
    with pytest.raises(OptionError, match="'html', 'pdf'"):
        make_worksheet(results, out_dir=tmp_path, formats="html,docx")


def test_every_exercise_present(plain_files: dict[str, Path], college: dict[str, Any]) -> None:
    """All six exercises are on the worksheet and in the key, each with items from the example corpus."""
    ws = plain_files["worksheet.html"].read_text(encoding="utf-8")
    key = plain_files["answer_key.html"].read_text(encoding="utf-8")
    for h in HEADINGS:
        assert h in ws, h
        assert h in key, h
    assert [e["key"] for e in college["exercises"]] == ["headlines", "loaded", "quotes", "actors", "guess", "rewrite"]
    assert len(exercise(college, "headlines")["items"]) == 5  # the aggregator's copy of the wire story is left out
    assert exercise(college, "loaded")["items"] and exercise(college, "quotes")["rows"] and exercise(college, "actors")["rows"]
    assert exercise(college, "guess")["items"] and exercise(college, "rewrite")["items"]
    assert [d["copy_of"] for d in college["left_out"]] == ["meridian-wire_canada-china-accord"]
    assert "Teacher's guide" in key and "Glossary" in key
    for cite in ("Entman", "Semetko", "Bell", "Hyland", "Recasens"):
        assert cite in key, cite


def test_anonymised_html_hides_outlets_and_key_reveals_them(anon_files: dict[str, Path], middle: dict[str, Any]) -> None:
    """With anonymise, no outlet name or domain is in the worksheet (titles included); the key names every outlet."""
    ws = flat(anon_files["worksheet.html"].read_text(encoding="utf-8"))
    for s in OUTLET_STRINGS:
        assert s.lower() not in ws, s
    assert "outlet a" in ws
    # the datelines "BEIJING/OTTAWA, March 12 (Meridian Wire) -" and "BEIJING, March 12 (Harmony Daily) --" are gone
    assert "(outlet" not in ws and "march 12 (" not in ws
    key = anon_files["answer_key.html"].read_text(encoding="utf-8")
    for name in ("Meridian Wire", "The Red Ledger", "Liberty Frontline", "Harmony Daily", "The Commonwealth Observer"):
        assert name in key, name
    assert {r["outlet"] for r in middle["reveal"]} == {"Meridian Wire", "The Red Ledger", "Liberty Frontline", "Harmony Daily", "The Commonwealth Observer"}


def test_middle_level_is_smaller_and_simpler_than_college(middle: dict[str, Any], college: dict[str, Any]) -> None:
    """Middle school gets fewer and shorter excerpts than college, at grade 8 or below where possible, each grade stated correctly."""
    def words(data: dict) -> int:
        return sum(it["words"] for key in ("loaded", "guess") for it in exercise(data, key)["items"])

    def count(data: dict) -> int:
        return (
            len(exercise(data, "loaded")["items"]) + len(exercise(data, "quotes")["rows"]) + len(exercise(data, "actors")["rows"])
            + len(exercise(data, "guess")["items"]) + len(exercise(data, "rewrite")["items"]) + len(exercise(data, "headlines")["questions"])
        )

    assert count(middle) < count(college)
    assert words(middle) < words(college)
    assert max(it["words"] for it in exercise(middle, "loaded")["items"]) <= LEVELS["middle"].excerpt_words
    assert all(it["grade"] <= 8 for it in exercise(middle, "loaded")["items"] if it["grade_ok"])
    assert sum(it["grade_ok"] for it in exercise(middle, "loaded")["items"]) >= 2
    for it in exercise(middle, "loaded")["items"] + exercise(middle, "guess")["items"]:
        assert it["grade"] == readability(segment(it["text"]))["flesch_kincaid_grade"]
    assert sum(len(it["lead"]) for it in exercise(middle, "headlines")["items"]) < sum(len(it["lead"]) for it in exercise(college, "headlines")["items"])


def test_article_markup_is_escaped(tmp_path: Path) -> None:
    """An article carrying <script> in its text, title and outlet renders as escaped text in HTML and prints literally in PDF."""
    arts = [
        Article("e1", f"The regime said {EVIL} was a betrayal and a disgrace.\n\nOfficials said {EVIL} talks continue.", title=f"Headline {EVIL}", outlet=f"Evil {EVIL} Times"),
        Article("e2", "Officials said in a statement that the sellout talks would continue.\n\nThe ministry claimed it was ready.", title="Plain", outlet="Wire"),
    ]
    written = make_worksheet(framing.analyze(arts, sentiment=None, progress=False), level="college", out_dir=tmp_path)
    for name in ("worksheet.html", "answer_key.html"):
        html = written[name].read_text(encoding="utf-8")
        assert "<script" not in html.lower(), name
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, name
    if PDFTOTEXT is None:
        pytest.skip(NO_POPPLER + ": the PDFs were built (markup escaped) but their text is not checked")
    assert EVIL in pdf_text(written["worksheet.pdf"])
    assert EVIL in pdf_text(written["answer_key.pdf"])


def test_bad_level_is_refused_naming_the_allowed_values(results: Results, tmp_path: Path) -> None:
    """level="elementary" raises a FramingError that lists middle, high and college; nothing is written."""
    with pytest.raises(FramingError) as err:
        make_worksheet(results, level="elementary", out_dir=tmp_path / "x")
    msg = str(err.value)
    assert "level" in msg and "'middle'" in msg and "'high'" in msg and "'college'" in msg and "'elementary'" in msg
    assert not (tmp_path / "x").exists()


def test_same_seed_same_worksheet(results: Results, middle: dict[str, Any]) -> None:
    """The worksheet is deterministic for a seed (so a committed example regenerates identically); letters follow the seed."""
    assert worksheet_data(results, level="middle", anonymise=True) == middle
    other = worksheet_data(results, level="middle", anonymise=True, seed=3)
    assert [r["outlet"] for r in other["reveal"]] != [r["outlet"] for r in middle["reveal"]]
