"""The lexicon files are the one registry of markers: names, phrases, colours, profiles, classroom use."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import report
from framing.analysis.article import analyze
from framing.comparison.comparison import compare
from framing.errors import LexiconError
from framing.markers.lexicons import load_default_lexicons, load_lexicon
from framing.markers.registry import marker_registry
from framing.ml.features import LexiconVectorizer
from framing.types import Article

NEW_LEXICON = """
[lexicon]
name = "shouting"
version = "0.1.0"
language = "en"
license = "CC-BY-4.0"
description = "A test lexicon that no code knows about."
curators = ["tests"]

[profiles.alarm]
title = "Alarm words (a test profile)"
order = 9

[categories.alarm]
label = "Alarm words"
phrase = "alarm vocabulary"
colour = "#aa00aa"
highlight = 0
profile = "alarm"
definition = "Words that sound an alarm."
literature = ["Nobody (2026). A test."]
entries = ["outrage", "catastrophe", "disaster"]
"""


def _articles() -> list[Article]:
    calm = "The council met on Tuesday and approved the budget after a short debate about parks."
    loud = "Outrage! A catastrophe, a disaster, an outrage: the council budget is a disaster and a catastrophe."
    out = [Article(id=f"calm{i}", text=calm, outlet="Calm Times") for i in range(3)]
    out += [Article(id=f"loud{i}", text=loud, outlet="Loud Post") for i in range(3)]
    return out


def test_builtin_registry_holds_what_stages_used_to_hard_code() -> None:
    """Phrases, highlight order, profiles and classroom use come from the lexicon files."""
    reg = marker_registry()
    assert reg.phrase("news_frames.conflict") == "the conflict frame"
    assert list(reg.highlights())[:2] == ["registers.marxist", "registers.state_diplomatic"]
    assert [p.name for p in reg.profiles()] == ["registers", "frames", "rhetoric", "policy_frames"]
    assert "detectors.scare_quotes" in reg.profiles()[2].keys  # the detectors' manifest joins the rhetoric profile
    assert [m.key for m in reg.classroom("spot")][:2] == ["detectors.scare_quotes", "rhetoric.loaded_language"]
    assert reg["nobody.knows"].phrase == "knows" and reg["nobody.knows"].profile == "nobody"  # unknown: sensible defaults


def test_a_new_lexicon_shows_up_everywhere_without_code(tmp_path: Path) -> None:
    """A lexicon in a user folder appears in the profile, the findings, the HTML report and the features."""
    (tmp_path / "shouting.toml").write_text(NEW_LEXICON, encoding="utf-8")
    lexicons = load_default_lexicons([tmp_path])
    results = analyze(_articles(), lexicons=lexicons, gazetteer=None, sentiment=None, progress=False)
    comp = compare(results, lexicon_dirs=[tmp_path], n_boot=50, n_perm=50)
    assert "shouting.alarm" in set(comp.profiles["marker"])
    finding = next(f for f in comp.findings if f.get("marker") == "shouting.alarm")
    assert finding["group"] == "Loud Post" and "alarm vocabulary" in finding["text"]
    page = report.html(comp)
    assert "Alarm words (a test profile)" in page and "alarm vocabulary" in page
    assert "#aa00aa" in page  # its highlight colour
    names = LexiconVectorizer(lexicons=["default", str(tmp_path / "shouting.toml")]).fit([]).get_feature_names_out()
    assert "shouting.alarm" in list(names)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('colour = "red"', "colour must look like"),
        ('classroom = "circle"', "classroom must be one of"),
        ("highlight = -1", "highlight must be a non-negative integer"),
        ('profile = "Bad Name"', "profile must be lower-case"),
    ],
)
def test_display_fields_are_validated(tmp_path: Path, line: str, message: str) -> None:
    """A malformed display field is refused with the category named."""
    key = line.split(" = ")[0]
    kept = [x for x in NEW_LEXICON.splitlines() if not x.startswith(key + " = ")]
    text = "\n".join(kept).replace('phrase = "alarm vocabulary"', 'phrase = "alarm vocabulary"\n' + line)
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(tmp_path / "bad.toml")
