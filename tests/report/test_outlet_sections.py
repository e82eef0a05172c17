"""The report's outlet sections (over time, the outlets, blindspots) in every format, rendered as a
reader sees them: Chromium for the HTML, pdftotext for the PDF; untrusted outlet names escaped."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import framing
from framing import report
from framing.cli.app import main
from framing.comparison.comparison import compare
from framing.report import figures
from framing.types import Article

from .test_groups import html_tables

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"

#: two invented events, each reported in two months by outlets of the registry and one it lacks
EVENTS = [
    "Canada and China signed a trade accord in Beijing on Thursday, Prime Minister Mark Carney said, as Washington threatened tariffs on Canadian steel and the so-called partners warned of hegemony.",
    "Russia and Iran held talks in Moscow on energy prices, officials said, while Xi Jinping called for calm and analysts warned that oil could rise sharply.",
]
OUTLETS = ["Xinhua", "RT", "Reuters", "Fox News", f"Gazette {EVIL}"]
#: a paragraph of each outlet's own, so no article is a copy of another
OWN = [
    "Our correspondent in the capital described crowded markets, long queues at the port and farmers who feared for their harvest.",
    "Diplomats in several embassies spoke of a tense week, and bankers in the city expected the central bank to act before the summer.",
    "Union leaders met factory owners late into the night; neither side would say what was agreed, and the workers went home uncertain.",
    "Shoppers told reporters that prices of bread, fuel and rent had climbed all winter, and that wages had not kept up with any of them.",
    "Historians recalled an older quarrel between the two governments, settled decades ago by a treaty that few people now remember.",
]
#: and another for the second event, so the two events stay two stories
OWN_B = {
    0: "Engineers inspected pipelines along the northern route and found them in good order after the cold spell.",
    1: "Tanker crews waited offshore for a week while insurers argued about the cost of cover in those waters.",
    4: "Petrol stations in small towns ran short on the weekend, and drivers queued from dawn with empty cans.",
}


def _articles() -> list[Article]:
    arts = []
    for month in ("2026-01", "2026-03"):
        for e, text in enumerate(EVENTS):
            for i, outlet in enumerate(OUTLETS):
                if e == 1 and outlet in ("Fox News", "Reuters"):
                    continue  # the second event is a blindspot of private outlets
                arts.append(Article(f"{month}-{e}-{i}", text + " " + (OWN[i] if e == 0 else OWN_B[i]), title=f"Event {e} in {month}", outlet=outlet, published=f"{month}-1{e}"))
    return arts


@pytest.fixture(scope="module")
def comparison():  # type: ignore[no-untyped-def]
    results = framing.analyze(_articles(), progress=False)
    return compare(results, by="ownership", over_time=True, n_boot=100, n_perm=100)


def test_report_data_has_the_outlet_sections(comparison) -> None:  # type: ignore[no-untyped-def]
    """Outlets with facts and the unknown one; per story the outlets of each ownership type and the
    blindspot; charts over time for markers and the main actors, a line per ownership type."""
    data = report.report_data(comparison)
    facts = data["outlet_facts"]
    assert [u["outlet"] for u in facts["unknown"]] == [f"Gazette {EVIL}"]
    assert {r["registry_outlet"] for r in facts["rows"]} == {"Xinhua News Agency", "RT", "Reuters", "Fox News"}
    spots = data["blindspots"]
    assert spots["kinds"] == ["private", "state-affiliated", "(unknown)"]
    never = sorted(tuple(r["never"]) for r in spots["rows"])
    assert never == [(), (), ("private",), ("private",)]
    ot = data["over_time"]
    assert ot["months"] == ["2026-01", "2026-02", "2026-03"]  # a month without articles keeps its place
    assert set(ot["series"]) == {"private", "state-affiliated", "(unknown)"}
    assert "actors" in [c["key"] for c in ot["charts"]] and len(ot["charts"]) >= 2
    json.dumps(data)  # plain data


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (run scripts/install-test-tools)")
def test_outlet_sections_render_in_chromium(tmp_path: Path, comparison) -> None:  # type: ignore[no-untyped-def]
    """Chromium's DOM has the three sections with their tables and charts, the unknown outlet's
    name as text (no element injected), and no console errors."""
    page = tmp_path / "report.html"
    report.html(comparison, page)
    args = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
    ]
    proc = subprocess.run([*args, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    dom = proc.stdout
    for section in ('id="over-time"', 'id="outlets"', 'id="blindspots"', 'href="#over-time"', 'href="#blindspots"'):
        assert section in dom, section
    assert "<img src=x" not in dom and "<script>alert" not in dom
    assert "Gazette &lt;script&gt;alert(1)&lt;/script&gt;" in dom
    tables = {section: rows for section, rows in html_tables(dom) if section in ("outlets", "blindspots")}
    assert tables["outlets"][0][:5] == ["Outlet", "Articles", "Registry entry", "Country", "Ownership"]
    assert {r[0] for r in tables["outlets"][1:]} == {"Xinhua", "RT", "Reuters", "Fox News"}
    assert tables["blindspots"][0] == ["Story", "Outlets", "private", "state-affiliated", "(unknown)", "Never covered by"]
    assert sorted(r[-1] for r in tables["blindspots"][1:]) == ["private", "private", "–", "–"]
    over_time = dom.split('id="over-time"', 1)[1].split('id="outlets"', 1)[0]
    assert over_time.count("<svg") >= 2
    console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line and ("error" in line.lower() or "uncaught" in line.lower())]
    assert not console, console
    # the first chart over time, alone on a page, as Chromium paints it: not blank, drawn in the palette
    chart = page.read_text(encoding="utf-8").split('<div class="chart over-time">', 1)[1].split("</div>", 1)[0]
    alone = tmp_path / "chart.html"
    alone.write_text(f'<!DOCTYPE html><html><body style="margin:0;background:#fff">{chart}</body></html>', encoding="utf-8")
    shot = tmp_path / "shot.png"
    subprocess.run([*args, f"--user-data-dir={tmp_path / 'profile2'}", "--window-size=900,700", f"--screenshot={shot}", alone.as_uri()], capture_output=True, timeout=120)
    from matplotlib.image import imread

    img = imread(shot)[..., :3]
    assert img.std() > 0.05
    first_colour = np.array([int(figures.PALETTE[0][i : i + 2], 16) / 255 for i in (1, 3, 5)])
    assert (np.abs(img - first_colour).sum(axis=2) < 0.05).sum() > 20  # the first series' lines and dots


def test_markdown_and_pdf_have_the_outlet_sections(tmp_path: Path, comparison) -> None:  # type: ignore[no-untyped-def]
    """Markdown names the outlets, the unknown one escaped, and the blindspots; the PDF's text too."""
    md = report.markdown(comparison)
    assert "## Outlets" in md and "## Blindspots" in md and "## Over time" in md
    assert "Gazette &lt;script&gt;" in md and "<script" not in md
    assert "| Xinhua | 4 | Xinhua News Agency | China | state-affiliated | wire service | zh |" in md
    if PDFTOTEXT is None:
        pytest.skip("poppler-utils (pdftotext) is not installed (run scripts/install-test-tools)")
    pdf = tmp_path / "report.pdf"
    report.pdf(comparison, pdf)
    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for needle in ("Over time", "The outlets", "Blindspots", "Xinhua News Agency", "Not in the registry"):
        assert needle in text, needle


def test_report_command_groups_by_ownership_with_a_user_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'framing report --by ownership' names the unknown outlets; --outlets FILE makes them known;
    a bad registry file is a usage error naming its line, before the results are read."""
    out = tmp_path / "run"
    arts = tmp_path / "arts.jsonl"
    arts.write_text("\n".join(json.dumps({"id": a.id, "text": a.text, "title": a.title, "outlet": a.outlet, "published": a.published}) for a in _articles()[:8]), encoding="utf-8")
    assert main(["analyze", str(arts), "--out", str(out), "--no-progress", "--no-sentiment", "--format", "md"]) == 0
    capsys.readouterr()
    assert main(["report", str(out), "--by", "ownership", "--format", "md,csv", "--out", str(tmp_path / "a")]) == 0
    assert "1 outlet not in the outlet registry: Gazette" in capsys.readouterr().err
    assert (tmp_path / "a" / "tables" / "outlets.csv").is_file()
    mine = tmp_path / "mine.toml"
    mine.write_text('[registry]\nname = "mine"\nversion = "1"\n\n[outlets.gazette]\nname = "Gazette ' + EVIL.replace('"', '\\"') + '"\nownership = "party"\nsource = "https://example.org/g"\n', encoding="utf-8")
    assert main(["report", str(out), "--by", "ownership", "--outlets", str(mine), "--format", "md", "--out", str(tmp_path / "b")]) == 0
    assert "- party: 2 articles" in (tmp_path / "b" / "report.md").read_text(encoding="utf-8")
    mine.write_text('[registry]\nname = "mine"\nversion = "1"\n\n[outlets.gazette]\nname = "Gazette"\nownership = "communist"\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(out), "--by", "ownership", "--outlets", str(mine), "--out", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert "line 5" in err and "'gazette'" in err and "ownership must be one of" in err
    assert not (tmp_path / "c").exists()
