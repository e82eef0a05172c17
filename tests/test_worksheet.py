"""Classroom worksheet: exercises from the analysis, answer key with evidence, anonymising, levels, escaping, rendering."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

import framing
from framing.classroom.anonymise import Anonymiser
from framing.classroom.levels import LEVELS
from framing.classroom.worksheet import make_worksheet, worksheet_data
from framing.cli.worksheet import register
from framing.errors import FramingError, OptionError
from framing.text.readability import readability
from framing.text.segment import segment
from framing.types import Article

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")
NO_POPPLER = "poppler-utils (pdftoppm, pdftotext) is not installed (run scripts/install-test-tools)"
EVIL = "<script>alert(1)</script>"
HEADINGS = [
    "Exercise 1. Compare headlines and leads",
    "Exercise 2. Spot the loaded words",
    "Exercise 3. Who is quoted, and with which verbs",
    "Exercise 4. How each actor is portrayed",
    "Exercise 5. Guess the outlet",
    "Exercise 6. Rewrite a loaded sentence neutrally",
]
#: Every way the example corpus names its outlets: names, names without "The", domains.
OUTLET_STRINGS = [
    "Meridian Wire", "Red Ledger", "Liberty Frontline", "Harmony Daily", "Commonwealth Observer", "NewsFeedHub",
    "meridianwire", "redledger", "libertyfrontline", "harmonydaily", "newsfeedhub",
]


def _flat(text: str) -> str:
    """Lower-cased text with every run of whitespace as one space (pdftotext breaks lines anywhere)."""
    return re.sub(r"\s+", " ", text).lower()


def _pdf_text(path: Path) -> str:
    return subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, text=True, check=True, timeout=60).stdout


def _ex(data: dict, key: str) -> dict:
    return next(e for e in data["exercises"] if e["key"] == key)


@pytest.fixture(scope="module")
def results(example_corpus):  # type: ignore[no-untyped-def]
    return framing.analyze(example_corpus, sentiment=None, progress=False)


@pytest.fixture(scope="module")
def middle(results):  # type: ignore[no-untyped-def]
    return worksheet_data(results, level="middle", anonymise=True)


@pytest.fixture(scope="module")
def college(results):  # type: ignore[no-untyped-def]
    return worksheet_data(results, level="college")


@pytest.fixture(scope="module")
def anon_files(results, tmp_path_factory):  # type: ignore[no-untyped-def]
    return make_worksheet(results, level="middle", anonymise=True, out_dir=tmp_path_factory.mktemp("anon"))


@pytest.fixture(scope="module")
def plain_files(results, tmp_path_factory):  # type: ignore[no-untyped-def]
    return make_worksheet(results, level="high", out_dir=tmp_path_factory.mktemp("plain"), formats="html,pdf")


def test_worksheet_and_key_written_in_both_formats(anon_files) -> None:  # type: ignore[no-untyped-def]
    """make_worksheet writes the worksheet and the answer key as HTML and PDF and returns their paths."""
    assert set(anon_files) == {"worksheet.html", "worksheet.pdf", "answer_key.html", "answer_key.pdf"}
    for name, path in anon_files.items():
        assert path.name == name and path.stat().st_size > 2000, name
    assert anon_files["worksheet.pdf"].read_bytes().startswith(b"%PDF")
    assert anon_files["answer_key.pdf"].read_bytes().startswith(b"%PDF")


def test_html_only_format(results, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """formats="html" writes no PDF; an unknown format is refused by name."""
    written = make_worksheet(results, out_dir=tmp_path, formats=("html",))
    assert set(written) == {"worksheet.html", "answer_key.html"}
    assert not list(tmp_path.glob("*.pdf"))
    with pytest.raises(OptionError, match="'html', 'pdf'"):
        make_worksheet(results, out_dir=tmp_path, formats="html,docx")


def test_every_exercise_present(plain_files, college) -> None:  # type: ignore[no-untyped-def]
    """All six exercises are on the worksheet and in the key, each with items from the example corpus."""
    ws = plain_files["worksheet.html"].read_text(encoding="utf-8")
    key = plain_files["answer_key.html"].read_text(encoding="utf-8")
    for h in HEADINGS:
        assert h in ws, h
        assert h in key, h
    assert [e["key"] for e in college["exercises"]] == ["headlines", "loaded", "quotes", "actors", "guess", "rewrite"]
    assert len(_ex(college, "headlines")["items"]) == 5  # the aggregator's copy of the wire story is left out
    assert _ex(college, "loaded")["items"] and _ex(college, "quotes")["rows"] and _ex(college, "actors")["rows"]
    assert _ex(college, "guess")["items"] and _ex(college, "rewrite")["items"]
    assert [d["copy_of"] for d in college["left_out"]] == ["meridian-wire_canada-china-accord"]
    assert "Teacher's guide" in key and "Glossary" in key
    for cite in ("Entman", "Semetko", "Bell", "Hyland", "Recasens"):
        assert cite in key, cite


def test_key_loaded_words_are_flagged_and_in_the_texts(results, college) -> None:  # type: ignore[no-untyped-def]
    """Each loaded word in the key is a match the analysis made, at that place, and is in the excerpt shown."""
    by_id = {r.article.id: r for r in results}
    ex = _ex(college, "loaded")
    n = 0
    for item, key in zip(ex["items"], ex["answer_items"]):
        for ans in key["answers"]:
            r = by_id[ans["id"]]
            found = [m for m in r.matches if (m.start, m.end) == (ans["start"], ans["end"]) and f"{m.lexicon}.{m.category}" == ans["key"] and not m.negated]
            assert found, ans
            assert r.article.text[ans["start"] : ans["end"]] == ans["raw"] == ans["text"]
            assert ans["text"] in item["text"]
            assert ans["key"] in ("rhetoric.loaded_language", "detectors.scare_quotes") or ans["key"].startswith("registers.")
            n += 1
    assert n >= 5
    keys = {a["key"] for k in ex["answer_items"] for a in k["answers"]}
    assert {"rhetoric.loaded_language", "detectors.scare_quotes"} <= keys


def test_quote_rows_come_from_attribution(results, college) -> None:  # type: ignore[no-untyped-def]
    """Each quote row's speaker and verb are an attribution the analysis made, and the verb is in the passage."""
    by_id = {r.article.id: r for r in results}
    rows = _ex(college, "quotes")["answer_rows"]
    assert any(r["verb_class"] == "evaluative" for r in rows) and any(r["verb_class"] == "neutral" for r in rows)
    for row in rows:
        quotes = by_id[row["id"]].quotes
        assert any(q["speaker_name"] == row["speaker"] and q["verb"] == row["verb"] for q in quotes), row
        marked = [s["text"] for s in row["segments"] if s["cls"]]
        assert marked and marked[0].lower() == row["verb"].lower()


def test_anonymised_html_hides_outlets_and_key_reveals_them(anon_files, middle) -> None:  # type: ignore[no-untyped-def]
    """With anonymise, no outlet name or domain is in the worksheet (titles included); the key names every outlet."""
    ws = _flat(anon_files["worksheet.html"].read_text(encoding="utf-8"))
    for s in OUTLET_STRINGS:
        assert s.lower() not in ws, s
    assert "outlet a" in ws and "(outlet" in ws  # the wire's dateline "(Meridian Wire)" became "(Outlet X)"
    key = anon_files["answer_key.html"].read_text(encoding="utf-8")
    for name in ("Meridian Wire", "The Red Ledger", "Liberty Frontline", "Harmony Daily", "The Commonwealth Observer"):
        assert name in key, name
    assert {r["outlet"] for r in middle["reveal"]} == {"Meridian Wire", "The Red Ledger", "Liberty Frontline", "Harmony Daily", "The Commonwealth Observer"}


def test_guess_excerpts_are_anonymised_even_without_the_option(college) -> None:
    """Exercise 5 hides outlet names in every mode, and its giveaway words are distinctive terms found in the excerpt."""
    ex = _ex(college, "guess")
    assert ex["choices"] == sorted(ex["choices"]) and "Meridian Wire" in ex["choices"]
    for item, key in zip(ex["items"], ex["answer_items"]):
        low = _flat(item["text"])
        for s in OUTLET_STRINGS:
            assert s.lower() not in low, (s, item["label"])
        for g in key["giveaways"]:
            assert g["z"] >= 1.0 and g["count"] >= 2
            assert all(w in low.replace("’", "'") for w in g["term"].split()), g
    assert any(k["giveaways"] for k in ex["answer_items"])
    assert any(k["outlet"] == "The Red Ledger" and any("Marxist" in r["label"] for r in k["register"]) for k in ex["answer_items"])


@pytest.mark.skipif(PDFTOTEXT is None, reason=NO_POPPLER)
def test_anonymised_pdf_hides_outlets(anon_files) -> None:  # type: ignore[no-untyped-def]
    """The anonymised worksheet PDF's text names no outlet or domain; the key PDF reveals them."""
    ws = _flat(_pdf_text(anon_files["worksheet.pdf"]))
    for s in OUTLET_STRINGS:
        assert s.lower() not in ws, s
    assert "outlet a" in ws
    key = _flat(_pdf_text(anon_files["answer_key.pdf"]))
    assert "outlet a = " in key and "the red ledger" in key and "liberty frontline" in key


def test_anonymiser_replaces_names_variants_and_domains() -> None:
    """Names in any case or spacing, without "The", as one word, as a domain, URL or handle all become the label; other words stay."""
    anon = Anonymiser({"The Red Ledger": "Outlet A", "CNN": "Outlet B"}, {"The Red Ledger": ["redledger.example"]})
    text = (
        "The Red Ledger says; THE RED-LEDGER; Red Ledger's view; see https://www.redledger.example/news/1 or "
        "redledger.example, follow @RedLedger. CNN reported (cnn.com). A ledger is red; Redledgers stay."
    )
    out = anon(text)
    assert "red ledger" not in out.lower() and "red-ledger" not in out.lower() and "redledger." not in out.lower() and "@" not in out
    assert out.count("Outlet A") == 6 and "Outlet B reported (Outlet B)" in out
    assert "A ledger is red; Redledgers stay." in out
    site = Anonymiser({"BBC News": "Outlet C", "Time": "Outlet D"}, {"BBC News": ["www.bbc.co.uk"], "Time": ["time.com"]})
    out = site("The BBC said (https://www.bbc.co.uk/news/1, bbc.com). Time reported it at the time; TIME.COM agreed.")
    assert out == "The Outlet C said (Outlet C, Outlet C). Outlet D reported it at the time; Outlet D agreed."


def test_guess_hides_self_references_without_the_option() -> None:
    """Without --anonymise the worksheet names outlets, but exercise 5 replaces an outlet naming itself with its letter."""
    arts = [
        Article("p1", "Paper One has learned that the regime lied. Paper One readers know the betrayal.\n\nPaper One will report more.", title="One", outlet="Paper One", url="https://paperone.example/x"),
        Article("p2", "Officials said the talks would continue, Daily Two was told.\n\nDaily Two asked the ministry, which said it was ready.", title="Two", outlet="Daily Two"),
    ]
    data = worksheet_data(framing.analyze(arts, sentiment=None, progress=False), level="college")
    assert _ex(data, "headlines")["items"][0]["label"] == "Paper One"
    items = _ex(data, "guess")["items"]
    assert len(items) == 2
    for it in items:
        assert "Paper One" not in it["text"] and "Daily Two" not in it["text"]
        assert it["label"] in it["text"]  # the self-reference became "Outlet X"
    assert {k["outlet"] for k in _ex(data, "guess")["answer_items"]} == {"Paper One", "Daily Two"}


def test_middle_level_is_smaller_and_simpler_than_college(middle, college) -> None:  # type: ignore[no-untyped-def]
    """Middle school gets fewer and shorter excerpts than college, at grade 8 or below where possible, each grade stated correctly."""
    def words(data: dict) -> int:
        return sum(it["words"] for key in ("loaded", "guess") for it in _ex(data, key)["items"])

    def count(data: dict) -> int:
        return (
            len(_ex(data, "loaded")["items"]) + len(_ex(data, "quotes")["rows"]) + len(_ex(data, "actors")["rows"])
            + len(_ex(data, "guess")["items"]) + len(_ex(data, "rewrite")["items"]) + len(_ex(data, "headlines")["questions"])
        )

    assert count(middle) < count(college)
    assert words(middle) < words(college)
    assert max(it["words"] for it in _ex(middle, "loaded")["items"]) <= LEVELS["middle"].excerpt_words
    assert all(it["grade"] <= 8 for it in _ex(middle, "loaded")["items"] if it["grade_ok"])
    assert sum(it["grade_ok"] for it in _ex(middle, "loaded")["items"]) >= 2
    for it in _ex(middle, "loaded")["items"] + _ex(middle, "guess")["items"]:
        assert it["grade"] == readability(segment(it["text"]))["flesch_kincaid_grade"]
    assert sum(len(it["lead"]) for it in _ex(middle, "headlines")["items"]) < sum(len(it["lead"]) for it in _ex(college, "headlines")["items"])


def test_rewrite_picks_the_most_loaded_sentence_and_hints_only_by_rule(results, college) -> None:  # type: ignore[no-untyped-def]
    """Exercise 6 takes each article's sentence with the most loaded words; its hints come from rules, never invented."""
    ex = _ex(college, "rewrite")
    lf = next(k for it, k in zip(ex["items"], ex["answer_items"]) if it["label"] == "Liberty Frontline")
    r = next(r for r in results if r.article.outlet == "Liberty Frontline")
    doc = segment(r.article.text)
    loaded = [sum(1 for m in r.matches if m.category == "loaded_language" and not m.negated and s.start <= m.start < s.end) for s in doc.sentences]
    assert sum(a["key"] == "rhetoric.loaded_language" for a in lf["answers"]) == max(loaded)
    allowed = ("Replace “", "Leave out “", "Remove the quotation marks", "No simple rule")
    for k in ex["answer_items"]:
        assert k["hints"] and all(h.startswith(allowed) for h in k["hints"]), k["hints"]


def test_rewrite_rules_said_and_lexicon_note(tmp_path: Path) -> None:
    """An evaluative verb of saying becomes "said", a booster is dropped, and "regime" gets the lexicon's neutral word."""
    arts = [
        Article("a1", "The minister claimed the regime clearly lied about the betrayal.\n\nOfficials said talks would continue.", title="Talks", outlet="Paper One"),
        Article("a2", "Officials said talks would continue on Monday.\n\nThe ministry said it would reply.", title="Talks go on", outlet="Paper Two"),
    ]
    data = worksheet_data(framing.analyze(arts, sentiment=None, progress=False), level="college")
    hints = " ".join(h for k in _ex(data, "rewrite")["answer_items"] for h in k["hints"])
    assert "Replace “claimed” with “said”" in hints
    assert "Leave out “clearly”" in hints
    assert "Replace “regime” with “government” or “administration”" in hints
    assert "betrayal” with" not in hints  # no rule for it, so no invented alternative


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
    assert EVIL in _pdf_text(written["worksheet.pdf"])
    assert EVIL in _pdf_text(written["answer_key.pdf"])


def test_bad_level_is_refused_naming_the_allowed_values(results, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """level="elementary" raises a FramingError that lists middle, high and college; nothing is written."""
    with pytest.raises(FramingError) as err:
        make_worksheet(results, level="elementary", out_dir=tmp_path / "x")
    msg = str(err.value)
    assert "level" in msg and "'middle'" in msg and "'high'" in msg and "'college'" in msg and "'elementary'" in msg
    assert not (tmp_path / "x").exists()


def test_one_article_is_not_enough(results, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A worksheet compares articles: one article (or one plus its copy) is refused with the reason."""
    wire = [r for r in results if r.article.syndicated_from == "Meridian Wire" or r.article.outlet == "Meridian Wire"]
    assert len(wire) == 2
    with pytest.raises(FramingError, match="give 2 to 6; got 1 .*copies"):
        make_worksheet(wire, out_dir=tmp_path)


def test_same_seed_same_worksheet(results, middle) -> None:  # type: ignore[no-untyped-def]
    """The worksheet is deterministic for a seed (so a committed example regenerates identically); letters follow the seed."""
    assert worksheet_data(results, level="middle", anonymise=True) == middle
    other = worksheet_data(results, level="middle", anonymise=True, seed=3)
    assert [r["outlet"] for r in other["reveal"]] != [r["outlet"] for r in middle["reveal"]]


def test_actor_tone_comes_from_the_sentiment_model() -> None:
    """With a sentiment scorer, the key's tone for each actor is the majority label of its mentions; without one it says so."""
    arts = [
        Article("s1", "Canada signed a deal with China. Canada praised China.", title="Deal", outlet="One"),
        Article("s2", "The United States threatened Canada. Canada refused.", title="Threat", outlet="Two"),
    ]

    def negative(items):  # type: ignore[no-untyped-def]
        return [SimpleNamespace(label="negative", score=-0.8) for _ in items]

    scored = worksheet_data(framing.analyze(arts, sentiment=negative, progress=False), level="college")
    cells = [c for row in _ex(scored, "actors")["answer_rows"] for c in row["cells"] if c["mentioned"]]
    assert cells and all(c["tone"] == "negative" for c in cells)
    canada = next(row for row in _ex(scored, "actors")["answer_rows"] if row["actor"] == "Canada")
    assert [c["role"] for c in canada["cells"]] == ["cooperator", "target"]
    unscored = worksheet_data(framing.analyze(arts, sentiment=None, progress=False), level="college")
    assert not _ex(unscored, "actors")["scored"]
    assert all(c["tone"] is None for row in _ex(unscored, "actors")["answer_rows"] for c in row["cells"] if c["mentioned"])


def test_command_line_hook(tmp_path: Path) -> None:
    """register() adds 'worksheet' to a CLI parser; it writes the files, and a bad level is a FramingError naming the choices."""
    from framing.cli.app import _Parser

    parser = _Parser(prog="framing")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    register(sub, _Parser)
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    args = parser.parse_args(["worksheet", str(corpus), "--level", "high", "--anonymise", "--out", str(tmp_path), "--format", "html"])
    assert args.func(args) == 0
    assert (tmp_path / "worksheet.html").is_file() and (tmp_path / "answer_key.html").is_file()
    bad = parser.parse_args(["worksheet", str(corpus), "--level", "kindergarten", "--out", str(tmp_path / "bad")])
    with pytest.raises(FramingError, match="'middle', 'high', 'college'"):
        bad.func(bad)
    with pytest.raises(SystemExit) as exit_:
        parser.parse_args(["worksheet", str(corpus)])  # --out is required
    assert exit_.value.code == 2


def test_wired_into_framing_cli(tmp_path: Path) -> None:
    """Once framing/cli.py registers the command, 'framing worksheet' exits 0, and 2 for a bad level."""
    from framing.cli.app import build_parser, main

    if "worksheet" not in build_parser().format_help():
        pytest.skip("'framing worksheet' is not registered in framing/cli.py yet (see framing.classroom.worksheet.register)")
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    assert main(["worksheet", str(corpus), "--out", str(tmp_path), "--format", "html"]) == 0
    assert main(["worksheet", str(corpus), "--level", "grade5", "--out", str(tmp_path)]) == 2


@pytest.mark.skipif(PDFTOPPM is None or PDFTOTEXT is None, reason=NO_POPPLER)
def test_pdfs_render_and_carry_the_exercises(plain_files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """pdftoppm renders every page of both PDFs; pdftotext finds each exercise heading, the key's guide and its references."""
    for name in ("worksheet.pdf", "answer_key.pdf"):
        prefix = tmp_path / name.split(".")[0]
        subprocess.run([PDFTOPPM, "-r", "30", "-png", str(plain_files[name]), str(prefix)], check=True, timeout=120)
        pages = sorted(tmp_path.glob(f"{prefix.name}-*.png"))
        assert len(pages) >= 6, name  # one exercise per page at least
        assert all(p.stat().st_size > 1000 for p in pages)
        text = _flat(_pdf_text(plain_files[name]))
        for h in HEADINGS:
            assert _flat(h) in text, (name, h)
    key = _flat(_pdf_text(plain_files["answer_key.pdf"]))
    assert "teacher's guide" in key and "entman" in key and "glossary" in key


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (run scripts/install-test-tools)")
def test_html_renders_in_chromium(plain_files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Chromium renders the worksheet and the key: a non-blank screenshot and no console errors."""
    from matplotlib.image import imread

    for name in ("worksheet.html", "answer_key.html"):
        shot = tmp_path / f"{name}.png"
        proc = subprocess.run(
            [
                CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
                "--window-size=1200,1600", f"--screenshot={shot}", plain_files[name].as_uri(),
            ],
            capture_output=True, text=True, timeout=120,
        )
        assert shot.exists(), proc.stderr[-2000:]
        console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line and ("error" in line.lower() or "uncaught" in line.lower())]
        assert not console, console
        img = imread(shot)
        assert img.shape[0] >= 1000
        assert img[..., :3].std() > 0.05


def test_html_is_self_contained_and_printable(plain_files) -> None:  # type: ignore[no-untyped-def]
    """No scripts or external resources; print CSS puts each exercise on a new page."""
    for name in ("worksheet.html", "answer_key.html"):
        html = plain_files[name].read_text(encoding="utf-8")
        for needle in ("<script", "<link", "src=", "url(", "@import", "http://", "https://"):
            assert needle not in html, (name, needle)
        assert "@media print" in html and "break-before: page" in html
