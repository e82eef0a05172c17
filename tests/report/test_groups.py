"""Reports for many groups: every group in every table of every format, charts of the largest
groups (or those chosen) that say which are left out, series that stay distinct beyond the
palette, labels that fit, and PDF tables that fit the page without breaking a word or a number.

The synthetic corpus here needs no data; ``test_report_on_30_outlets_*`` builds a 30-outlet corpus
from the Article-Bias-Prediction data next to the repository and renders it as a reader would.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import framing
from framing import report
from framing.comparison.comparison import compare
from framing.errors import OptionError
from framing.report import figures
from framing.types import Article

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")
ABP = Path(__file__).resolve().parents[3] / "shared" / "data" / "article_bias" / "articles.jsonl.gz"

#: 16 invented outlet names, more than the 12 groups the charts show by default; names with short
#: words that a narrow column used to break ("Chin a Da ily") and long ones that need wrapping
NAMES = [
    "China Daily", "Global Times", "Washington Examiner Online", "The Red Ledger Weekly", "Harmony Daily",
    "Liberty Frontline", "Meridian Wire", "The Commonwealth Observer", "Northern Star Gazette", "Pacific Courier",
    "Atlantic Ledger", "Daily Chronicle", "Capital Review", "Metro Sentinel", "Evening Standard-Bearer", "Prairie Voice",
]
TEXTS = [
    "Donald Trump said the tariffs on Canada would stay. “We will not back down,” he told reporters. The so-called partners warned of hegemony.",
    "Officials in Beijing warned of a trade war. Xi Jinping said China would respond. Prices could rise, analysts suggested.",
    "Markets fell sharply on Monday as investors weighed the outlook for growth and the cost of borrowing.",
    "Mark Carney said Canada would seek new partners. The minister claimed the talks were very dangerous for farmers.",
]


def _articles() -> list[Article]:
    arts = []
    for i, name in enumerate(NAMES):
        for k in range(2 if i < 4 else 1):  # the first four groups are the largest
            arts.append(Article(f"{i}-{k}", TEXTS[(i + k) % len(TEXTS)], title=f"Story {i}-{k}", outlet=name, published="2026-03-13"))
    return arts


@pytest.fixture(scope="module")
def comparison():  # type: ignore[no-untyped-def]
    results = framing.analyze(_articles(), sentiment=None, progress=False)
    return compare(results, n_boot=100, n_perm=100)


class _Tables(HTMLParser):
    """The tables of an HTML page: for each, the id of the last h2 before it and its rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[str]]]] = []
        self.section = ""
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2":
            self.section = dict(attrs).get("id") or ""
        elif tag == "table":
            self.tables.append((self.section, []))
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.tables:
            self.tables[-1][1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(page: str) -> list[tuple[str, list[list[str]]]]:
    parser = _Tables()
    parser.feed(page)
    return parser.tables


def test_every_table_of_every_format_has_every_group(comparison) -> None:  # type: ignore[no-untyped-def]
    """With 16 groups (more than the 12 the charts show) the group list, the profile, distinctive
    terms, actor and quote tables of the HTML, and the groups and actors of the Markdown, name all
    16; a group with none of the actors or quotations has a row that says so."""
    data = report.report_data(comparison)
    assert [g["name"] for g in data["groups"]] == NAMES
    assert data["group_names"] == NAMES
    assert all(len(row["cells"]) == len(NAMES) for sec in data["profiles"] for row in sec["rows"])
    assert {a["outlet"] for a in data["actors"]} == set(NAMES)
    assert {q["outlet"] for q in data["quotes"]} == set(NAMES)
    assert any(a.get("empty") for a in data["actors"]) and any(q.get("empty") for q in data["quotes"])
    assert set(data["distinctive"]) == set(NAMES)

    page = report.html(comparison)
    tables = html_tables(page)
    checked = Counter()
    for section, rows in tables:
        if section in ("profiles", "terms", "actors", "quotes") and rows and rows[0] and rows[0][0] in ("Outlet", "Group"):
            first_column = {r[0].removesuffix(" (small)") for r in rows[1:] if r}
            assert set(NAMES) <= first_column, (section, set(NAMES) - first_column)
            checked[section] += 1
    assert checked["profiles"] >= len(data["profiles"]) + 2 and checked["terms"] == 1 and checked["actors"] == 1 and checked["quotes"] == 1
    tags = re.findall(r'<span class="tag">([^<:]+):', page)
    assert [t.replace("&amp;", "&") for t in tags[: len(NAMES)]] == NAMES

    md = report.markdown(comparison)
    listed = re.findall(r"^- (.+?): \d+ articles?", md.split("## Groups", 1)[1].split("##", 1)[0], flags=re.MULTILINE)
    assert listed == NAMES  # the same groups as the HTML
    actor_rows = {line.split("|")[1].strip() for line in md.split("## Actors", 1)[1].splitlines() if line.startswith("| ") and "---" not in line}
    assert set(NAMES) <= actor_rows


def test_charts_show_the_largest_groups_and_name_those_left_out(comparison) -> None:  # type: ignore[no-untyped-def]
    """The charts show the 12 largest groups (ties by name), or max_groups of them, or the groups
    named; the HTML and PDF say which are left out and how to choose."""
    data = report.report_data(comparison)
    largest = NAMES[:4] + sorted(NAMES[4:])[:8]
    assert set(data["chart_groups"]) == set(largest)
    assert data["chart_groups"] == [g for g in NAMES if g in largest]  # in the order of the tables
    note = data["chart_note"]
    for g in set(NAMES) - set(largest):
        assert f"{g} (1)" in note
    assert "--groups" in note and "--max-groups" in note and "all 16" in note
    assert "Left out of the charts" in report.html(comparison)

    data = report.report_data(comparison, max_groups=3)
    assert data["chart_groups"] == ["China Daily", "Global Times", "The Red Ledger Weekly"]  # 2 articles each, ties by name
    assert "The charts show 3 of the 16 groups" in data["chart_note"] and "Washington Examiner Online (2)" in data["chart_note"]
    data = report.report_data(comparison, groups=["Prairie Voice", "China Daily"])
    assert data["chart_groups"] == ["Prairie Voice", "China Daily"]
    assert "chosen by name" in data["chart_note"] and "Global Times (1)" not in data["chart_note"] and "Global Times (2)" in data["chart_note"]
    assert len(data["group_names"]) == 16  # the tables keep every group
    assert report.report_data(comparison, groups=NAMES)["chart_note"] is None


def test_unknown_group_names_are_refused_with_the_groups_listed(comparison) -> None:  # type: ignore[no-untyped-def]
    """A group name that is not a group raises OptionError naming the near miss and every group."""
    with pytest.raises(OptionError) as err:
        report.html(comparison, groups=["China Dialy", "Pacific Courier"])
    message = str(err.value)
    assert "'China Dialy'" in message and "did you mean 'China Daily'" in message
    assert all(repr(name) in message for name in NAMES)
    with pytest.raises(OptionError):
        report.report_data(comparison, groups=[])
    with pytest.raises(OptionError):
        report.report_data(comparison, max_groups=0)


def _series(fig: Any) -> list[tuple[str, str]]:
    """(colour, pattern) of every bar series of a chart."""
    from matplotlib.colors import to_hex
    from matplotlib.container import BarContainer

    ax = fig.axes[0]
    return [(to_hex(c.patches[0].get_facecolor()), c.patches[0].get_hatch() or "") for c in ax.containers if isinstance(c, BarContainer)]


def test_chart_series_stay_distinct_beyond_the_palette() -> None:
    """30 groups: 30 different (colour, pattern) bars and (colour, marker) dots; the first nine are
    nine different colours of the colour-blind-safe palette, without patterns."""
    from matplotlib.colors import to_hex

    groups = [f"Outlet number {i}" for i in range(30)]
    table = {"m": {g: {"mean": 1.0 + i, "ci_low": 0.5, "ci_high": 2.0 + i} for i, g in enumerate(groups)}}
    bars = _series(figures.profile_chart(groups, ["m"], ["a marker"], table, title=""))
    assert len(bars) == 30 and len(set(bars)) == 30
    assert len({c for c, _ in bars[:9]}) == 9 and all(h == "" for _, h in bars[:9])
    assert {c for c, _ in bars} <= {c.lower() for c in figures.PALETTE}
    rows = [{"name": "Mark Carney", "group": g, "mean_sentiment": 0.1, "ci_low": 0.0, "ci_high": 0.2} for g in groups]
    fig = figures.actor_sentiment_chart(rows, groups, title="")
    dots = [(to_hex(line.get_color()), line.get_marker()) for line in fig.axes[0].lines if line.get_marker() not in (None, "None", "", "|", "_")]  # not the caps of the intervals
    assert len(dots) == 30 and len(set(dots)) == 30
    speakers = [f"Speaker {i}" for i in range(9)]
    quotes = _series(figures.quote_chart(groups[:3], speakers, {g: dict.fromkeys(speakers, 1) for g in groups[:3]}, title=""))
    assert len({c for c, _ in quotes}) == 9


def _outside(fig: Any) -> list[str]:
    """The texts of a chart (tick labels, legend, axis labels) that do not fit inside the figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    texts = [*fig.axes[0].get_yticklabels(), fig.axes[0].xaxis.label]
    for legend in fig.legends:
        texts += legend.get_texts()
    out = []
    for t in texts:
        if not t.get_text():
            continue
        e = t.get_window_extent(renderer)
        if e.x0 < box.x0 - 1 or e.y0 < box.y0 - 1 or e.x1 > box.x1 + 1 or e.y1 > box.y1 + 1:
            out.append(t.get_text())
    return out


def test_chart_labels_fit_inside_the_figure() -> None:
    """Long marker, actor and group names and a legend of 30 groups stay inside the figure: labels
    wrap between words or end in an ellipsis, and the figure grows with the groups."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    groups = [f"The Very Long Name of Outlet Number {i} International Edition" for i in range(30)]
    labels = ["the external-regulation-and-reputation frame of a very long marker label indeed", "short"]
    table = {m: {g: {"mean": 2.0} for g in groups} for m in ("a", "b")}
    fig = figures.profile_chart(groups, ["a", "b"], labels, table, title="A title")
    FigureCanvasAgg(fig)
    assert _outside(fig) == []
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert all(len(line) <= 26 for t in ticks for line in t.split("\n")) and ticks[0].endswith("…")
    rows = [{"name": n, "group": g, "mean_sentiment": 0.2} for n in ("Prime Minister of the United Kingdom of Great Britain", "Xi") for g in groups]
    fig = figures.actor_sentiment_chart(rows, groups, title="")
    FigureCanvasAgg(fig)
    assert _outside(fig) == []
    fig = figures.quote_chart(groups, ["Donald Trump"], {g: {"Donald Trump": 1} for g in groups}, title="")
    FigureCanvasAgg(fig)
    assert _outside(fig) == []
    heights = [figures.profile_chart(groups[:n], ["a", "b"], labels, table, title="").get_figheight() for n in (3, 12, 30)]
    assert heights[0] < heights[1] < heights[2]


def _cell_lines(cell: Any) -> list[str]:
    """The lines a wrapped ReportLab Paragraph draws."""
    bl = cell.blPara
    if bl.kind == 0:
        return [" ".join(words) for _, words in bl.lines]
    return ["".join(f.text for f in line.words).strip() for line in bl.lines]


def _joined(lines: list[str]) -> str:
    """Lines read back as one text: a space between lines, none after a line ending in a hyphen."""
    text = ""
    for line in lines:
        text += ("" if not text or text.endswith(("-", "/")) else " ") + line
    return text


def _pdf_story(data: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The flowables write_pdf lays out (tables inside KeepTogether included)."""
    from reportlab.platypus import SimpleDocTemplate

    captured: list[Any] = []
    build = SimpleDocTemplate.build

    def keep(self: Any, flowables: list[Any], *args: Any, **kwargs: Any) -> Any:
        captured.extend(flowables)
        return build(self, flowables, *args, **kwargs)

    monkeypatch.setattr(SimpleDocTemplate, "build", keep)
    report.write_pdf(data, str(tmp_path / "report.pdf"))
    out: list[Any] = []
    for f in captured:
        out.extend(getattr(f, "_content", None) or [f])
    return out


def test_pdf_tables_fit_the_page_and_break_only_between_words(comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Every PDF table is as wide as the text at most; a group name in a header or a first column
    reads whole (wrapped only between words); a rate never wraps ("11. 1"); and the profile, actor
    and quote tables hold every group."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, Table

    width = A4[0] - 3 * cm
    data = report.report_data(comparison)
    squashed = {re.sub(r"\s", "", n): n for n in NAMES}
    first_columns: list[set[str]] = []
    for t in _pdf_story(data, tmp_path, monkeypatch):
        if not isinstance(t, Table):
            continue
        w, _ = t.wrap(width, 1e6)
        assert w <= width + 0.5
        rows = [[c[0] if isinstance(c, (list, tuple)) else c for c in row] for row in t._cellvalues]
        texts = [[_joined(_cell_lines(c)) if isinstance(c, Paragraph) else str(c) for c in row] for row in rows]
        for cells in [texts[0], [r[0] for r in texts[1:]]]:
            for text in cells:
                name = squashed.get(re.sub(r"\s", "", text))
                assert name is None or text == name, f"{name!r} drawn as {text!r}"
        for row in rows[1:]:
            for c in row[1:]:
                if isinstance(c, Paragraph) and re.fullmatch(r"[–\d.]+", _joined(_cell_lines(c))):
                    assert len(_cell_lines(c)) == 1, _cell_lines(c)
        first_columns.append({r[0] for r in texts[1:]} | set(texts[0]))
    profile_tables = [cols for cols in first_columns if set(NAMES) <= cols]
    assert len(profile_tables) >= len(data["profiles"]) + 2  # the profiles, the actors and the quotes


def test_pdf_table_parts_repeat_the_names_and_say_so() -> None:
    """A table with more columns than the page holds is split into parts of about equal size, each
    with the first column and a line naming its columns; no header is wider than its column."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, Table

    from framing.report.pdf_tables import fitted_tables

    width = A4[0] - 3 * cm
    header = ["Marker", *NAMES, *[f"{n} Two" for n in NAMES]]
    rows = [["the economic-consequences frame", *["11.1"] * (len(header) - 1)], ["short", *["100.0"] * (len(header) - 1)]]
    out = fitted_tables(header, rows, width=width)
    tables = [f for f in out if isinstance(f, Table)]
    notes = [f.getPlainText() for f in out if isinstance(f, Paragraph)]
    assert len(tables) > 1 and len(notes) == len(tables)
    assert notes[0].startswith("Columns 1–") and f"of {len(header) - 1}" in notes[0]
    sizes = [len(t._cellvalues[0]) - 1 for t in tables]
    assert max(sizes) - min(sizes) <= 1 and sum(sizes) == len(header) - 1
    for t in tables:
        w, _ = t.wrap(width, 1e6)
        assert w <= width + 0.5
        first = [r[0][0] if isinstance(r[0], (list, tuple)) else r[0] for r in t._cellvalues]
        assert _joined(_cell_lines(first[1])) == "the economic-consequences frame"
        for c in t._cellvalues[0]:
            c = c[0] if isinstance(c, (list, tuple)) else c
            assert _joined(_cell_lines(c)) in header, _cell_lines(c)  # wrapped between words or after a hyphen only


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed (run scripts/install-test-tools)")
def test_pdf_states_the_same_groups_and_note_as_the_html(comparison, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The PDF lists the same 16 groups as the HTML and Markdown, and says which the charts leave out."""
    pdf = tmp_path / "r.pdf"
    report.pdf(comparison, pdf)
    text = " ".join(subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    line = text.split("Summary", 1)[0]
    assert re.findall(r"(?:^|·)\s*([^·:]+?): \d", line.split("Generated", 1)[1].split(".", 1)[1]) == NAMES
    assert "Left out of the charts:" in text and "--max-groups N" in text


def _abp_corpus(n_outlets: int = 30, per_outlet: int = 2) -> list[Article]:
    """The ``per_outlet`` shortest articles of each of the ``n_outlets`` outlets with the most
    articles in the Article-Bias-Prediction data (read at run time, never copied)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    with gzip.open(ABP, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("split_media") == "test":
                continue  # the held-out outlets are never read
            if r.get("text") and r.get("source"):
                rows.setdefault(r["source"], []).append({"id": r["id"], "text": r["text"], "title": r.get("title"), "date": r.get("date")})
    top = sorted(rows, key=lambda s: (-len(rows[s]), s))[:n_outlets]
    arts = []
    for s in top:
        for r in sorted(rows[s], key=lambda r: (len(r["text"]), r["id"]))[:per_outlet]:
            arts.append(Article(r["id"], r["text"], title=r["title"], outlet=s, published=r["date"]))
    return arts


@pytest.mark.skipif(not ABP.is_file(), reason=f"the Article-Bias-Prediction data is not available ({ABP} does not exist; it lives outside the repository)")
@pytest.mark.skipif(CHROMIUM is None or PDFTOPPM is None or PDFTOTEXT is None, reason="headless Chromium and poppler-utils are needed (run scripts/install-test-tools)")
def test_report_on_30_outlets_shows_every_outlet_in_every_format(tmp_path: Path) -> None:
    """A report on the 30 outlets with the most Article-Bias-Prediction articles (two each), charts
    of all 30 (--max-groups 30): every outlet is in every table of the HTML (Chromium renders it),
    of the PDF (pdftoppm rasterises it; pdftotext finds each name whole on its row of each table)
    and of the Markdown; the charts' 30 series have 30 different colour-and-pattern styles."""
    arts = _abp_corpus()
    outlets = list(dict.fromkeys(a.outlet for a in arts))
    assert len(outlets) == 30
    comp = compare(framing.analyze(arts, progress=False), n_boot=200, n_perm=200)
    data = report.report_data(comp, max_groups=30)
    assert data["chart_groups"] == outlets and data["chart_note"] is None
    page = report.render_comparison_html(data)
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    report.write_pdf(data, str(tmp_path / "report.pdf"))
    md = report.render_markdown(data)

    # the charts: 30 groups, drawn in 30 styles (nine colours, then the same with patterns)
    svg = data["charts"]["registers"]
    assert len(set(re.findall(r"<pattern id=", svg))) >= 1 and len(re.findall(r"<pattern ", svg)) >= 3
    assert {c.lower() for c in figures.PALETTE} <= set(re.findall(r"fill: ?(#[0-9a-f]{6})", svg))

    # HTML: every outlet in every group table, and Chromium draws the page
    checked = Counter()
    for section, rows in html_tables(page):
        if section in ("profiles", "terms", "actors", "quotes") and rows and rows[0] and rows[0][0] in ("Outlet", "Group"):
            assert set(outlets) <= {r[0].removesuffix(" (small)") for r in rows[1:] if r}, section
            checked[section] += 1
    assert checked["profiles"] >= len(data["profiles"]) + 2 and checked["actors"] == 1 and checked["quotes"] == 1 and checked["terms"] == 1
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,6000", f"--screenshot={shot}", (tmp_path / "report.html").as_uri(),
        ],
        capture_output=True, text=True, timeout=120,
    )
    assert shot.exists(), proc.stderr[-2000:]
    from matplotlib.image import imread

    img = imread(shot)
    assert img.shape[0] >= 6000 and img[..., :3].std() > 0.05

    # PDF: pages rasterise; in each table every outlet starts a row, whole
    subprocess.run([PDFTOPPM, "-r", "30", "-png", "-f", "1", "-l", "12", str(tmp_path / "report.pdf"), str(tmp_path / "page")], check=True, timeout=120)
    assert len(list(tmp_path.glob("page-*.png"))) >= 10
    text = subprocess.run([PDFTOTEXT, "-layout", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    body = text.split("Profiles", 1)[1].split("The articles, with their markers", 1)[0]
    sections = re.split(r"[\n\f]+(?=(?:Ideological and stylistic register|News frames \(|Rhetorical markers|Policy frames \(|Distinctive terms|Actors|Who is quoted)[^\n]*\n)", body)
    assert len(sections) >= 8, [s[:40] for s in sections]
    for sec in sections[1:]:
        parts = max(1, len(re.findall(r"the table is in (\d+) parts", sec)))
        for name in outlets:
            rows = re.findall(rf"^\s*{re.escape(name)}(?=\s|$)", sec, flags=re.MULTILINE)
            assert len(rows) >= parts, f"{name!r} is not whole on a row of every part of table {sec.strip()[:40]!r}"
    assert not re.search(r"\d\.\n", body)  # no number broken after its decimal point

    # Markdown: the same groups, and every outlet in the actor table
    listed = re.findall(r"^- (.+?): \d+ articles?", md.split("## Groups", 1)[1].split("##", 1)[0], flags=re.MULTILINE)
    assert listed == [g["name"] for g in data["groups"]] == outlets
    actor_rows = {line.split("|")[1].strip() for line in md.split("## Actors", 1)[1].splitlines() if line.startswith("| ")}
    assert set(outlets) <= actor_rows
