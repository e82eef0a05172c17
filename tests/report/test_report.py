"""Reports: escaping, formats, and rendering checked as a reader would (Chromium, pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import framing
from framing import report
from framing.cli.app import main
from framing.comparison.comparison import compare
from framing.markers.registry import marker_registry
from framing.report.highlight import highlight_segments
from framing.types import Article, Match

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")
EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def example_comparison():  # type: ignore[no-untyped-def]
    return compare(framing.analyze(framing.load(EXAMPLES), sentiment=None, progress=False))


def _evil_articles() -> list[Article]:
    return [
        Article("x1", f"The minister said {EVIL} and hegemony grows.\n\nA “so-called” partner {EVIL}.", title=f"Title {EVIL}", outlet=f"Outlet {EVIL}"),
        Article("x2", "Officials said in a statement that talks continue.", title="Plain", outlet="Wire"),
    ]


@pytest.fixture(scope="module")
def evil_html() -> str:
    return report.html(compare([framing.analyze_article(a) for a in _evil_articles()]))


def test_markdown_escapes_untrusted_text() -> None:
    """Markdown viewers render raw HTML: outlet names and text reach the summary only as escaped text."""
    md = report.markdown(compare([framing.analyze_article(a) for a in _evil_articles()]))
    assert "Outlet &lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "<script" not in md.lower() and "<img" not in md.lower()


def test_html_escapes_untrusted_text(evil_html: str) -> None:
    """Script and event-handler markup in titles, outlets and text appear only as escaped text (in
    the markup) or as \\u-escaped JSON (in the data of the page's own scripts)."""
    low = evil_html.lower()
    assert low.count("<script") == 3  # the page's own: term plot data, uses in context, code
    assert "<script>alert" not in low and "</script><img" not in low
    assert "<img" not in low
    assert "&lt;img src=x onerror=alert(2)&gt;" in evil_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in evil_html


def test_html_is_self_contained(example_comparison) -> None:  # type: ignore[no-untyped-def]
    """No external resource: no script, style, font or image loaded from anywhere; the only scripts
    are the page's own (the data of the term plot and the uses in context, and the code)."""
    html = report.html(example_comparison)
    for needle in ("<script src", "<link", "src=", "url(http", "@import", "href=\"http"):
        assert needle not in html
    assert html.count("<script") == 3
    assert html.count("<svg") >= 3  # the profile charts are inline


def test_highlight_segments_reassemble_the_text() -> None:
    """Highlight segments cover the text exactly once, marking the chosen matches."""
    text = "Global hegemony rose.\n\nThey said so."
    m = Match("registers", "1.0.0", "marxist", "hegemon*", 7, 15, 0)
    paras = highlight_segments(text, [m], marker_registry().highlights())
    assert "".join(seg["text"] for seg in paras[0]) == "Global hegemony rose."
    assert [seg["cat"] for seg in paras[0]] == [None, "registers.marxist", None]
    assert "".join(seg["text"] for seg in paras[1]) == "They said so."


def test_markdown_and_tables(tmp_path: Path, example_comparison) -> None:  # type: ignore[no-untyped-def]
    """Markdown states the findings; CSV tables and the JSON report data are written."""
    md = report.markdown(example_comparison)
    assert md.startswith("# How the outlets frame it")
    assert "The Red Ledger uses the Marxist" in md
    written = report.write_tables(example_comparison, str(tmp_path))
    names = {Path(p).name for p in written}
    assert {"profiles.csv", "distinctive.csv", "actors.csv", "quotes.csv", "comparison.json"} <= names


def test_report_command_rereads_results(tmp_path: Path) -> None:
    """'framing report' rebuilds the comparison from articles.jsonl in another format."""
    out = tmp_path / "run"
    assert main(["analyze", str(EXAMPLES), "--out", str(out), "--no-progress", "--no-sentiment"]) == 0
    assert main(["report", str(out), "--format", "md", "--by", "outlet", "--out", str(tmp_path / "md")]) == 0
    assert "Harmony Daily" in (tmp_path / "md" / "report.md").read_text()


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (run scripts/install-test-tools)")
def test_html_report_renders_in_chromium(tmp_path: Path, example_comparison) -> None:  # type: ignore[no-untyped-def]
    """Chromium renders the report: a non-blank screenshot and no console errors."""
    from matplotlib.image import imread

    page = tmp_path / "report.html"
    report.html(example_comparison, page)
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
            "--window-size=1200,1600", f"--screenshot={shot}", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120,
    )
    assert shot.exists(), proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line and ("error" in line.lower() or "uncaught" in line.lower())]
    assert not console, console
    img = imread(shot)
    assert img.shape[0] >= 1000
    assert img[..., :3].std() > 0.05  # not an empty page


@pytest.mark.skipif(PDFTOPPM is None or PDFTOTEXT is None, reason="poppler-utils (pdftoppm, pdftotext) is not installed (run scripts/install-test-tools)")
def test_pdf_report_pages_and_text(tmp_path: Path, example_comparison) -> None:  # type: ignore[no-untyped-def]
    """The PDF has several pages that rasterise, and its text carries the findings."""
    pdf = tmp_path / "report.pdf"
    report.pdf(example_comparison, str(pdf))
    subprocess.run([PDFTOPPM, "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3
    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "How the outlets frame it" in text
    assert "Marxist" in text and "Harmony Daily" in text


def test_registers_are_compared_on_the_register_score(example_comparison) -> None:  # type: ignore[no-untyped-def]
    """The registers profile shows the register score (short texts pulled toward ordinary news)
    with the share of clear verdicts, says so, and its numbers are the comparison's register table."""
    from framing.report.data import REGISTER_NOTE, report_data

    data = report_data(example_comparison)
    sec = next(s for s in data["profiles"] if s["key"] == "registers")
    assert sec["note"] == REGISTER_NOTE
    table = example_comparison.registers
    row = next(r for r in sec["rows"] if r["marker"] == "registers.marxist")
    for group, cell in zip(data["group_names"], row["cells"], strict=True):
        expected = table[(table["group"] == group) & (table["register"] == "registers.marxist")].iloc[0]
        assert cell["mean"] == pytest.approx(expected["score"]) and cell["clear"] == pytest.approx(expected["clear"])
    other = next(s for s in data["profiles"] if s["key"] not in ("registers", "register_profile"))
    assert other["note"] is None and all("clear" not in c for r in other["rows"] for c in r["cells"])
    html = report.html(example_comparison)
    assert "Register scores:" in html and "clear in" in html


def test_register_profile_section_shows_the_comparison_probabilities(example_comparison) -> None:  # type: ignore[no-untyped-def]
    """Right after the register scores, the report says which register each outlet's articles read
    as: the mean profile probability in per cent and the share of clear verdicts, from the table."""
    from framing.report.data import PROFILE_LABEL, PROFILE_NOTE, report_data

    data = report_data(example_comparison)
    keys = [s["key"] for s in data["profiles"]]
    assert keys.index("register_profile") == keys.index("registers") + 1
    sec = data["profiles"][keys.index("register_profile")]
    assert sec["note"] == PROFILE_NOTE and sec["label"] == PROFILE_LABEL
    assert [r["marker"] for r in sec["rows"]] == ["registers.marxist", "registers.state_diplomatic", "registers.nationalist_populist", "registers.wire_service"]
    table = example_comparison.registers
    for row in sec["rows"]:
        for group, cell in zip(data["group_names"], row["cells"], strict=True):
            expected = table[(table["group"] == group) & (table["register"] == row["marker"])].iloc[0]
            assert cell["mean"] == pytest.approx(100 * expected["profile"]) and cell["clear"] == pytest.approx(expected["profile_clear"])
    # the invented state-media outlet reads as state media, the invented wire as wire
    state = next(r for r in sec["rows"] if r["marker"] == "registers.state_diplomatic")
    wire = next(r for r in sec["rows"] if r["marker"] == "registers.wire_service")
    gi = data["group_names"].index
    assert state["cells"][gi("Harmony Daily")]["mean"] > 50 > state["cells"][gi("Meridian Wire")]["mean"]
    assert wire["cells"][gi("Meridian Wire")]["mean"] > 50 > wire["cells"][gi("Harmony Daily")]["mean"]
    assert PROFILE_LABEL in report.html(example_comparison)
