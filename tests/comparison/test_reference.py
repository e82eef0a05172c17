"""Reference keyness: each group's words against general English (wordfreq) or a corpus, in the
comparison, the reports (HTML rendered in Chromium, Markdown, PDF) and the command line."""

from __future__ import annotations

import math
import shutil
import subprocess

import pytest

import framing
from framing import report
from framing.cli.app import main
from framing.comparison.comparison import compare
from framing.comparison.reference import load_reference, reference_keyness
from framing.errors import InputError
from framing.types import Article

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
EVIL = "<img src=x onerror=alert(1)>"

# written for these tests (illustrative, not real reporting); "zorblat" is an invented word
TEXT_A = "The zorblat harvest failed. Farmers blamed the zorblat blight and the zorblat tax. Canola prices rose."
TEXT_B = "The council met on Monday. The council approved the budget and the council adjourned."


@pytest.fixture(scope="module")
def results():  # type: ignore[no-untyped-def]
    arts = [Article("a", TEXT_A, outlet=f"Farm {EVIL}"), Article("b", TEXT_B, outlet="Town Wire")]
    return framing.analyze(arts, sentiment=None, progress=False)


def test_wordfreq_lists_words_far_above_general_english(results) -> None:  # type: ignore[no-untyped-def]
    """An invented word used three times tops its group's list; stop words and words used fewer
    than min_count times are not listed; the reference is named."""
    df = reference_keyness(results)
    assert "wordfreq" in df.attrs["reference"] and "genres" in df.attrs["reference"]
    farm = df[df["group"] == f"Farm {EVIL}"]
    assert farm["term"].iloc[0] == "zorblat"
    assert farm["count"].iloc[0] == 3 and farm["log_ratio"].iloc[0] > 10
    assert set(farm["term"]) == {"zorblat"}  # every other word is used once
    town = df[df["group"] == "Town Wire"]
    assert town["term"].tolist() == ["council"]
    assert "the" not in set(df["term"])
    assert (df["ll"].diff().dropna()[df["group"].eq(df["group"].shift())] <= 0).all()  # best first within a group


def test_corpus_reference_statistics_by_hand(results, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Against a reference corpus (a folder of texts), G² and the log ratio are the textbook ones."""
    ref = tmp_path / "ref"
    ref.mkdir()
    (ref / "r1.txt").write_text("The council met. The zorblat was never mentioned again in the town.", encoding="utf-8")
    (ref / "r2.txt").write_text("Prices rose at the market on Monday and the farmers left early.", encoding="utf-8")
    df = reference_keyness(results, reference=ref, min_count=3)
    reference = load_reference(ref)
    assert str(ref) in df.attrs["reference"] and reference.total == 24
    row = df[df["term"] == "zorblat"].iloc[0]
    a, n_t = 3, 16  # "zorblat" 3 times in the 16 words of TEXT_A
    b, n_r = 1, 24
    e_a, e_b = n_t * (a + b) / (n_t + n_r), n_r * (a + b) / (n_t + n_r)
    assert row["ll"] == pytest.approx(2 * (a * math.log(a / e_a) + b * math.log(b / e_b)), abs=1e-3)
    assert row["log_ratio"] == pytest.approx(math.log2((a / n_t) / (b / n_r)), abs=1e-3)
    assert row["z"] is not None and row["z"] > 0
    with pytest.raises(InputError, match="no such reference corpus"):
        load_reference(tmp_path / "missing")


def test_reports_show_the_reference_table(results, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """compare(reference=...) adds the table to the tables, Markdown and PDF; outlet names stay escaped."""
    comp = compare(results, reference="wordfreq", n_boot=50, n_perm=50)
    assert "reference_keyness" in comp.tables()
    md = report.markdown(comp)
    assert "## Against a reference: general English" in md and "zorblat (" in md
    assert "<img" not in md
    assert compare(results, n_boot=50, n_perm=50).reference_terms is None
    assert "Against a reference" not in report.markdown(compare(results, n_boot=50, n_perm=50))


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (run scripts/install-test-tools)")
def test_reference_table_renders_in_chromium(results, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Chromium's rendered page has the reference section with the group's term, and the hostile
    outlet name as text, not as an element."""
    page = tmp_path / "report.html"
    report.html(compare(results, reference="wordfreq", n_boot=50, n_perm=50), page)
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    dom = proc.stdout
    assert 'id="reference-terms"' in dom, proc.stderr[-2000:]
    section = dom[dom.index('id="reference-terms"') :]
    section = section[: section.index('id="actors"')]
    assert "general English" in section and "zorblat" in section
    assert "&lt;img src=x onerror=alert(1)&gt;" in section and "<img" not in section


def test_cli_reference_option(results, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`framing report --reference wordfreq` writes the table; a missing reference path is a usage error."""
    run = tmp_path / "run"
    run.mkdir()
    results.to_jsonl(run / "articles.jsonl")
    assert main(["report", str(run), "--format", "md,pdf", "--reference", "wordfreq", "--out", str(tmp_path / "rep")]) == 0
    assert "Against a reference" in (tmp_path / "rep" / "report.md").read_text()
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = subprocess.run([pdftotext, str(tmp_path / "rep" / "report.pdf"), "-"], capture_output=True, text=True, check=True).stdout
        assert "Against a reference" in text and "zorblat" in text
    assert main(["report", str(run), "--reference", str(tmp_path / "nowhere")]) == 2
    assert "no such folder or file" in capsys.readouterr().err
