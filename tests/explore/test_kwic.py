"""Concordance: terms matched like lexicon entries, context windows, voice, categories, streaming
from a results folder, and the ``framing kwic`` command."""

from __future__ import annotations

import csv
import io
import json

import pytest

import framing
from framing.analysis.results import Results
from framing.cli.app import main
from framing.errors import InputError, OptionError
from framing.explore.kwic import kwic, term_query
from framing.types import Article

# written for these tests (illustrative, not real reporting)
QUOTED = (
    "The minister defended the sanctions on Tuesday. "
    '"These sanctions are working and they will stay," Ana Ruiz said. '
    "Critics said that the sanctions hurt farmers. The software update had no effect on the war."
)
OTHER = "Imperialism and imperialist rivalry dominate the Red Courier's account of the trade war."


@pytest.fixture(scope="module")
def results() -> Results:
    arts = [
        Article(id="a1", text=QUOTED, outlet="Daily Sample", published="2026-03-01"),
        Article(id="a2", text=OTHER, outlet="Red Courier", published="2026-03-02"),
    ]
    return framing.analyze(arts, sentiment=None, progress=False)


def test_word_matches_tokens_not_substrings():
    """'war' matches the word war, never inside 'software'; matching is case-folded."""
    df = kwic([QUOTED, "WAR and Warsaw."], "war", window=2)
    assert df["match"].tolist() == ["war", "WAR"]
    assert df["id"].tolist() == ["0", "1"]
    assert QUOTED[df["start"][0] : df["end"][0]] == "war"


def test_glob_phrase_and_case_sensitive():
    """A glob matches every form, a phrase its words in order, case_sensitive the exact case."""
    assert kwic([OTHER], "imperialis*")["match"].tolist() == ["Imperialism", "imperialist"]
    assert kwic([OTHER], "trade war")["match"].tolist() == ["trade war"]
    assert kwic([OTHER], "imperialism", case_sensitive=True).empty
    assert kwic([OTHER], "Imperialism", case_sensitive=True)["match"].tolist() == ["Imperialism"]


def test_window_counts_words_each_side():
    """window=N shows N words before and after; punctuation stuck to the match is not a word."""
    text = "one two three four five TARGET, six seven eight nine"
    row = kwic([text], "target", window=3).iloc[0]
    assert row["left"] == "three four five"
    assert row["match"] == "TARGET"
    assert row["right"] == ", six seven eight"
    row0 = kwic([text], "target", window=0).iloc[0]
    assert (row0["left"], row0["right"]) == ("", ",")


def test_voice_of_each_use(results):
    """In analysed results each use has its voice: quotation, reported speech or the outlet's own."""
    df = results.kwic("sanction*")
    assert df["voice"].tolist() == ["outlet", "quote", "reported"]
    assert df["speaker"][1] == "Ana Ruiz"
    # plain texts have no analysis, so no voice
    assert kwic([QUOTED], "sanction*")["voice"].isna().all()


def test_category_uses_are_the_counted_matches(results):
    """A lexicon category in results gives exactly the matches the analysis stored for it, and
    matching it afresh on the raw text finds the same spans."""
    df = results.kwic("registers:marxist")
    stored = [(m.start, m.end) for r in results for m in r.matches if m.lexicon == "registers" and m.category == "marxist"]
    assert stored, "the sample text should hold Marxist-register terms"
    assert list(zip(df["start"], df["end"])) == stored
    assert set(df["category"]) == {"registers.marxist"}
    fresh = kwic([r.article for r in results], "registers.marxist")
    assert list(zip(fresh["start"], fresh["end"])) == stored


def test_unknown_category_and_empty_term_are_clear_errors():
    """An unknown lexicon or category names the closest one; 'e.g' is a word, not a category."""
    with pytest.raises(OptionError, match="did you mean 'marxist'"):
        term_query("registers:marxst")
    with pytest.raises(OptionError, match="no lexicon named 'registrs'"):
        term_query("registrs:marxist")
    with pytest.raises(OptionError, match="empty"):
        term_query("  ")
    assert term_query("e.g").kind == "term"


def test_by_sorts_and_limit_caps_per_group(results):
    """by= puts the field first and sorts by it; limit caps rows per group."""
    df = results.kwic("*i*", by="outlet", limit=2)  # a glob that every text holds many times
    assert df.columns[0] == "outlet"
    assert df["outlet"].tolist() == ["Daily Sample"] * 2 + ["Red Courier"] * 2
    with pytest.raises(OptionError, match="no article has the field"):
        results.kwic("sanctions", by="outlt")


def test_results_folder_streamed_equals_in_memory(results, tmp_path):
    """kwic on the articles.jsonl written to disk gives the same rows as on the results in memory."""
    results.to_jsonl(tmp_path / "articles.jsonl")
    for term in ("sanction*", "registers:marxist", "trade war"):
        assert kwic(tmp_path, term).equals(results.kwic(term)), term
    Results(results.results).to_jsonl(tmp_path / "bare.jsonl", evidence=False)
    with pytest.raises(InputError, match="no text"):
        kwic(tmp_path / "bare.jsonl", "sanctions")
    with pytest.raises(InputError, match="no such results"):
        kwic(str(tmp_path / "missing"), "sanctions")


def test_cli_kwic_on_results_and_raw_inputs(results, tmp_path, capsys):
    """`framing kwic` reads a results folder and raw inputs alike; csv and jsonl are parseable."""
    out = tmp_path / "run"
    out.mkdir()
    results.to_jsonl(out / "articles.jsonl")
    assert main(["kwic", "sanction*", str(out), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["voice"] for r in rows] == ["outlet", "quote", "reported"]
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(QUOTED, encoding="utf-8")
    (raw / "b.txt").write_text(OTHER, encoding="utf-8")
    assert main(["kwic", "sanction*", str(raw), "--format", "jsonl", "--voice", "own", "--no-progress"]) == 0
    got = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [g["voice"] for g in got] == ["outlet", "reported"]
    assert main(["kwic", "imperialis*", str(raw), "--no-voice", "--window", "1"]) == 0
    table = capsys.readouterr().out
    assert "[Imperialism]" in table and "[imperialist]" in table
    assert main(["kwic", "registers:marxst", str(raw)]) == 2
    assert "did you mean 'marxist'" in capsys.readouterr().err
