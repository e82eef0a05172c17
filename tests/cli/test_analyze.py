"""framing analyze, compare and report: outputs, exit codes, report escaping, the committed example, and reports on samples of large runs."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, interrupt_after, make_corpus, only_own_scripts

import framing
from framing import __version__
from framing.cli.app import main

REQUIRED_FIELDS = (
    "id",
    "source_path",
    "outlet",
    "title",
    "published",
    "syndicated_from",
    "n_sentences",
    "n_tokens",
    "markers",
    "actors",
    "quotes",
    "readability",
    "provenance",
)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def example_run(tmp_path_factory, examples_dir):  # type: ignore[no-untyped-def]
    """`framing analyze examples/corpus --out DIR` run once in-process: (exit code, DIR)."""
    out = tmp_path_factory.mktemp("example-run") / "out"
    code = main(["analyze", str(examples_dir), "--out", str(out), "--no-progress"])
    return code, out


def test_analyze_example_corpus_exit_0_and_outputs(example_run):
    """Analysing the example corpus exits 0 and writes the four outputs, with no errors."""
    code, out = example_run
    assert code == 0
    for name in ("articles.jsonl", "articles.csv", "errors.jsonl", "report.html"):
        assert (out / name).is_file(), name
    assert read_jsonl(out / "errors.jsonl") == []


def test_articles_jsonl_fields(example_run, examples_dir):
    """Every articles.jsonl object has the documented fields with sensible values."""
    _, out = example_run
    rows = read_jsonl(out / "articles.jsonl")
    assert len(rows) == 6
    for row in rows:
        for field in REQUIRED_FIELDS:
            assert field in row, (row["id"], field)
        assert Path(row["source_path"]).parent == examples_dir
        assert row["n_sentences"] > 5 and row["n_tokens"] > row["n_sentences"]
        assert isinstance(row["markers"], dict) and isinstance(row["actors"], list) and isinstance(row["quotes"], list)
        assert row["readability"]["words_per_sentence"] > 0
        assert row["provenance"]["framing"] == __version__
    by_id = {r["id"]: r for r in rows}
    hub = by_id["newsfeedhub_canada-china-accord"]
    assert (hub["outlet"], hub["syndicated_from"], hub["duplicate_of"]) == ("Meridian Wire", "Meridian Wire", "meridian-wire_canada-china-accord")
    assert by_id["red-ledger_canada-china-accord"]["published"] == "2026-03-13"


def test_articles_csv_matches_jsonl(example_run):
    """articles.csv has one row per article with the metadata columns."""
    _, out = example_run
    with open(out / "articles.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    jsonl_ids = [r["id"] for r in read_jsonl(out / "articles.jsonl")]
    assert [r["id"] for r in rows] == jsonl_ids
    for col in ("outlet", "title", "published", "n_words", "readability.flesch_kincaid_grade"):
        assert col in rows[0]


def test_report_lists_articles(example_run):
    """The HTML report names every analysed article and carries no script."""
    _, out = example_run
    from markupsafe import escape

    html = (out / "report.html").read_text(encoding="utf-8")
    assert "5 articles compared by outlet (1 duplicate left out of the counts)" in html
    for record in read_jsonl(out / "articles.jsonl"):
        assert str(escape(record["title"])) in html
    only_own_scripts(html)


def test_analyze_one_broken_input_exit_1(tmp_path, examples_dir):
    """With one broken input the run exits 1, analyses the rest and lists the failure in errors.jsonl."""
    broken = tmp_path / "inputs" / "scan.txt"
    broken.parent.mkdir()
    broken.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nbinary")
    out = tmp_path / "out"
    code = main(["analyze", str(examples_dir), str(broken), "--out", str(out), "--no-lexicons", "--no-progress"])
    assert code == 1
    assert len(read_jsonl(out / "articles.jsonl")) == 6
    errors = read_jsonl(out / "errors.jsonl")
    assert len(errors) == 1
    assert errors[0]["path"] == str(broken)
    assert "PDF" in errors[0]["reason"]
    assert (out / "report.html").is_file() and (out / "articles.csv").is_file()
    assert "scan.txt" in (out / "report.html").read_text(encoding="utf-8")


def test_analyze_drop_duplicates(tmp_path, examples_dir):
    """--drop-duplicates leaves the flagged aggregator copy out of the results."""
    out = tmp_path / "out"
    assert main(["analyze", str(examples_dir), "--out", str(out), "--no-lexicons", "--no-progress", "--drop-duplicates"]) == 0
    ids = [r["id"] for r in read_jsonl(out / "articles.jsonl")]
    assert len(ids) == 5 and "newsfeedhub_canada-china-accord" not in ids


def test_usage_error_missing_out(tmp_path, examples_dir, capsys):
    """A missing --out is a usage error: argparse exits with status 2 and says what is missing."""
    with pytest.raises(SystemExit) as exc:
        main(["analyze", str(examples_dir)])
    assert exc.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_usage_error_unknown_option(tmp_path, examples_dir, capsys):
    """An unknown option is a usage error with status 2 naming the option."""
    with pytest.raises(SystemExit) as exc:
        main(["analyze", str(examples_dir), "--out", str(tmp_path / "o"), "--frobnicate"])
    assert exc.value.code == 2
    assert "--frobnicate" in capsys.readouterr().err


def test_usage_error_bad_date_option(tmp_path, examples_dir, capsys):
    """An ambiguous --date is refused with status 2 and a message saying which format to use."""
    assert main(["analyze", str(examples_dir), "--out", str(tmp_path / "o"), "--date", "03/12/2026", "--no-progress"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_compare_writes_every_format(tmp_path: Path) -> None:
    """'framing compare' writes HTML, PDF, Markdown and the CSV tables."""
    out = tmp_path / "cmp"
    assert main(["compare", str(EXAMPLES), "--out", str(out), "--no-progress", "--no-sentiment"]) == 0
    for name in ("report.html", "report.pdf", "report.md", "tables/actors.csv", "tables/distinctive.csv", "articles.jsonl"):
        assert (out / name).stat().st_size > 0, name
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")


def test_report_bad_format_is_usage_error(tmp_path: Path) -> None:
    """An unknown report format is a usage error (exit 2) naming the allowed ones."""
    out = tmp_path / "run"
    assert main(["analyze", str(EXAMPLES), "--out", str(out), "--no-progress", "--no-sentiment", "--format", "docx"]) == 2


def test_groups_and_max_groups_choose_what_the_charts_show(example_run, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    """'--groups A,B' charts those groups and '--max-groups N' the N largest; the report names
    the others and every table keeps them; an unknown name is a usage error listing the groups."""
    _, run = example_run
    code = main(["report", str(run), "--groups", "Meridian Wire, The Red Ledger", "--format", "html,md", "--out", str(tmp_path / "chosen")])
    assert code == 0
    html = (tmp_path / "chosen" / "report.html").read_text(encoding="utf-8")
    assert "The charts show 2 of the 5 groups by outlet: the groups chosen by name (--groups)" in html
    assert "Left out of the charts: The Commonwealth Observer (1), Harmony Daily (1), Liberty Frontline (1)" in html  # in table order
    assert "Harmony Daily" in (tmp_path / "chosen" / "report.md").read_text(encoding="utf-8")
    assert main(["report", str(run), "--max-groups", "4", "--format", "html", "--out", str(tmp_path / "four")]) == 0
    assert "The charts show 4 of the 5 groups" in (tmp_path / "four" / "report.html").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(run), "--groups", "The Red Ledger,Red Ledger", "--out", str(tmp_path / "bad")]) == 2
    err = capsys.readouterr().err
    assert "no group named 'Red Ledger' (did you mean 'The Red Ledger'?)" in err
    assert all(f"'{g}' (1)" in err for g in ("Harmony Daily", "Liberty Frontline", "Meridian Wire", "The Commonwealth Observer", "The Red Ledger"))
    assert not (tmp_path / "bad" / "report.html").exists()
    with pytest.raises(SystemExit) as exit_:
        main(["report", str(run), "--max-groups", "0"])
    assert exit_.value.code == 2


def test_analyze_with_an_unknown_group_keeps_the_results(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'framing analyze --groups NOPE': the group names are known only after the analysis, so the
    results are written, the report is refused (exit 2) and the message says how to write it."""
    out = tmp_path / "run"
    assert main(["analyze", str(EXAMPLES), "--out", str(out), "--no-progress", "--no-sentiment", "--groups", "Nope"]) == 2
    err = capsys.readouterr().err
    assert "no group named 'Nope'" in err and f"write the report with 'framing report {out} --groups ...'" in err
    assert (out / "articles.jsonl").stat().st_size > 0 and not (out / "report.html").exists()
    assert main(["report", str(out), "--groups", "Meridian Wire"]) == 0 and (out / "report.html").exists()


def test_groups_option_splits_at_unescaped_commas() -> None:
    """'--groups' takes comma-separated names; a comma inside a name is written '\\,'."""
    from framing.cli.analyze import group_names

    assert group_names("A, B ,C") == ["A", "B", "C"]
    assert group_names(r"Smith\, Jones & Co,Wire") == ["Smith, Jones & Co", "Wire"]


XSS_TITLE = "<script>alert(1)</script> Pier vote"


XSS_IMG = "<img src=x onerror=alert(1)>"


def test_report_escapes_markup_in_title_and_text(tmp_path):
    """Script and img tags in an article's title, outlet and text appear escaped in report.html, never as tags."""
    record = {
        "title": XSS_TITLE,
        "outlet": "Harbour <b>Post</b>",
        "text": f"The harbour board met on Tuesday. {XSS_IMG} Members voted to build a second pier next year. "
        "Work should take eighteen months, the board said.",
    }
    src = tmp_path / "evil.jsonl"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--no-lexicons", "--no-progress"]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    only_own_scripts(html)
    assert "<script>alert" not in html.lower()
    assert "<img" not in html.lower()
    assert "<b>Post</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Pier vote" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Harbour &lt;b&gt;Post&lt;/b&gt;" in html
    # the data keeps the raw strings: escaping is the report's job
    assert read_jsonl(out / "articles.jsonl")[0]["title"] == XSS_TITLE
    assert XSS_IMG in framing.load(src)[0].text


def test_committed_example_report_is_current(tmp_path, examples_dir):
    """reports/example/ is what the README command produces today: same articles.jsonl (apart
    from run provenance) and the same Markdown summary (apart from its time stamp)."""
    committed = REPO / "reports" / "example"
    out = tmp_path / "example"
    assert main(["analyze", str(examples_dir), "--out", str(out), "--format", "md", "--no-progress"]) == 0

    def records(path: Path) -> list[dict]:
        rows = read_jsonl(path)
        for row in rows:
            row.pop("provenance", None)
            row.pop("source_path", None)
        return rows

    assert records(out / "articles.jsonl") == records(committed / "articles.jsonl"), (
        "reports/example is stale: regenerate it with "
        "'framing analyze examples/corpus --out reports/example --format html,pdf,md --restart'"
    )

    def summary(path: Path) -> list[str]:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if "generated" not in line]

    assert summary(out / "report.md") == summary(committed / "report.md")


def test_cli_reports_a_sample_of_a_large_run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Above --report-sample articles the report covers a stratified sample and says so; the table has them all."""
    corpus = make_corpus(tmp_path / "c.jsonl", 60)
    code = main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "--no-actors", "--report-sample", "30", "--format", "html", "--no-progress"])
    assert code == 0
    assert "sample of 30 of 60 articles" in capsys.readouterr().err
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "stratified sample of 30 of 60 articles" in html
    with open(tmp_path / "out" / "articles.csv", newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 60
    # 'framing report' re-reads the run: all articles up to the same default sample size as
    # 'framing analyze', a sample above it; --sample 0 for all, --sample N for another size
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "all"), "--format", "md"]) == 0
    assert "Compared 60 articles" in capsys.readouterr().err
    monkeypatch.setattr("framing.cli.analyze.REPORT_SAMPLE", 25)
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "default"), "--format", "md"]) == 0
    assert "Compared 25 articles" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "all"), "--sample", "0", "--format", "md"]) == 0
    assert "Compared 60 articles" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "some"), "--sample", "20", "--format", "md"]) == 0
    err = capsys.readouterr().err
    assert "sample of 20 of 60 articles" in err and "Compared 20 articles" in err
    assert f"'framing report {tmp_path / 'out'} --sample 0'" in err  # the results, not where the report went
    assert "stratified sample of 20 of 60 articles" in (tmp_path / "some" / "report.md").read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "nowhere"), "--sample", "20"]) == 2


def test_analyze_truncated_gzip_is_one_failed_input(tmp_path: Path) -> None:
    """`framing analyze` on a .jsonl.gz that lost its end and a good corpus: the run finishes with
    exit 1, errors.jsonl names the truncated file, and the records before the cut and the good
    corpus are analysed."""
    import gzip

    make_corpus(tmp_path / "whole.jsonl", 30)
    packed = gzip.compress((tmp_path / "whole.jsonl").read_bytes())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed[:-20])
    good = make_corpus(tmp_path / "good.jsonl", 3, seed=9)
    out = tmp_path / "out"
    code = main(["analyze", str(cut), str(good), "--out", str(out), "--no-progress", "--no-actors", "--no-lexicons", "--format", "md"])
    assert code == 1
    errors = read_jsonl(out / "errors.jsonl")
    assert [e["path"] for e in errors] == [str(cut)] and "truncated" in errors[0]["reason"]
    ids = [r["id"] for r in read_jsonl(out / "articles.jsonl")]
    assert ids[-3:] == ["a0~2", "a1~2", "a2~2"] and 20 < len(ids) - 3 < 30


def test_analyze_non_utf8_file_name_and_lone_surrogates(tmp_path: Path) -> None:
    """A file named with bytes that are not UTF-8 (b'caf\\xe9.txt') is analysed under its name with
    the byte escaped ('caf\\\\xe9'), and a JSONL record holding lone surrogates and NaN keeps its
    article with U+FFFD and null: every output is valid UTF-8 JSON or CSV and the run exits 0."""
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    try:
        with open(name, "wb") as fh:
            fh.write(b"The council met on Monday and said the budget would pass after a long debate.\n")
    except OSError as exc:  # a filesystem that takes UTF-8 names only (macOS)
        pytest.skip(f"this filesystem refuses non-UTF-8 file names: {exc}")
    (folder / "odd.jsonl").write_text(
        '{"id": "x\\ud800", "text": "The mayor said \\udce9 the bridge would reopen on Friday.", "title": "T \\udfff", "score": NaN}\n', encoding="utf-8"
    )
    out = tmp_path / "out"
    code = main(["analyze", str(folder), "--out", str(out), "--no-progress", "--no-actors", "--no-lexicons", "--format", "html,md,csv"])
    assert code == 0
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".jsonl", ".json", ".csv", ".md", ".html"):
            path.read_bytes().decode("utf-8")  # strict: no surrogate slipped through
    rows = {r["id"]: r for r in read_jsonl(out / "articles.jsonl")}
    assert set(rows) == {"caf\\xe9", "x\ufffd"}
    assert rows["caf\\xe9"]["source_path"] == str(folder / "caf\\xe9.txt")
    assert rows["x\ufffd"]["title"] == "T \ufffd" and rows["x\ufffd"]["meta"] == {"score": None}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert str(folder / "caf\\xe9.txt") in [e["path"] for e in manifest["inputs"]]
    assert "caf\\xe9" in (out / "articles.csv").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):  # type: ignore[no-untyped-def]
    """`framing analyze --format csv,md` on two outlets whose titles, outlets and texts carry
    spreadsheet formulas and Markdown link and image syntax: (exit code, out folder)."""
    tmp = tmp_path_factory.mktemp("hostile")
    body = "The harbour board met on Tuesday and voted to build a second pier. Critics called the plan reckless and warned of costs. "
    records = [
        {"id": "=1+2", "title": '=HYPERLINK("http://evil.example","click")', "outlet": "@SUM(A1)", "text": body + "[click](javascript:alert(1)) here."},
        {"id": "b1", "title": "![pixel](http://evil.example/p.png) Pier vote", "outlet": "-[Harbour Post](javascript:alert(1)) ![x](http://evil.example/p.png)", "text": "The ferry company cut its winter timetable, angering islanders who depend on the morning boat. " * 2},
        {"id": "c1", "title": "Plain title", "outlet": "@SUM(A1)", "text": "Officials said the talks were calm and constructive. " * 3},
    ]
    src = tmp / "evil.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp / "out"
    code = main(["analyze", str(src), "--out", str(out), "--no-actors", "--no-progress", "--format", "csv,md"])
    return code, out


def test_csv_outputs_neutralise_formulas_but_not_numbers(hostile_run) -> None:  # type: ignore[no-untyped-def]
    """In articles.csv and every tables/*.csv, no text cell starts with = + - @ (each such text gets
    a leading apostrophe); only plain numbers may (tests/test_safe_output.py holds negative ones)."""
    code, out = hostile_run
    assert code == 0
    files = [out / "articles.csv", *sorted((out / "tables").glob("*.csv"))]
    cells = []
    for f in files:
        with open(f, encoding="utf-8", newline="") as fh:
            cells.extend(cell for row in csv.reader(fh) for cell in row)
    assert "'=1+2" in cells and "'=HYPERLINK(\"http://evil.example\",\"click\")" in cells and "'@SUM(A1)" in cells
    assert "'-[Harbour Post](javascript:alert(1)) ![x](http://evil.example/p.png)" in cells
    for cell in cells:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
            float(cell)  # only a plain number may start so
    with open(out / "articles.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["'=1+2", "b1", "c1"]
    assert read_jsonl(out / "articles.jsonl")[0]["id"] == "=1+2"  # the data keeps the raw strings


def test_markdown_report_escapes_link_and_image_syntax(hostile_run) -> None:  # type: ignore[no-untyped-def]
    """report.md shows outlet names carrying [text](javascript:...) and ![x](http://...) as written:
    rendered by a CommonMark parser it has no link, no image and no raw HTML."""
    code, out = hostile_run
    assert code == 0
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "\\[Harbour Post\\](javascript:alert(1)) !\\[x\\](http://evil.example/p.png)" in md
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is not installed (it renders the report to check it)")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(md)
    assert "<a " not in html and "<img" not in html and "javascript:alert" in html
    assert "[Harbour Post](javascript:alert(1))" in html  # shown as text


def _analyze_argv(corpus: Path, out: Path, *extra: str) -> list[str]:
    return ["analyze", str(corpus), "--out", str(out), "--no-progress", "--no-actors", "--no-lexicons", *extra]


def test_bad_out_is_a_usage_error_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """--out naming a file, a folder inside a file, a folder that cannot be written (simulated:
    the lock file cannot be created) and earlier results that are read-only (simulated with
    os.access) each exit 2 with a message naming the path, before any work; never a traceback."""
    corpus = make_corpus(tmp_path / "c.jsonl", 2)
    a_file = tmp_path / "results.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    assert main(_analyze_argv(corpus, a_file)) == 2
    assert f"framing: error: {a_file} is a file, not a folder; --out needs a folder" in capsys.readouterr().err
    assert main(_analyze_argv(corpus, a_file / "sub")) == 2
    assert f"framing: error: cannot create the results folder {a_file / 'sub'}: Not a directory" in capsys.readouterr().err

    locked = tmp_path / "locked"
    locked.mkdir()
    real_open = os.open

    def no_write(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).startswith(str(locked)) and flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_write)
    assert main(_analyze_argv(corpus, locked)) == 2
    assert f"framing: error: cannot write in the results folder {locked}: Permission denied" in capsys.readouterr().err
    monkeypatch.undo()

    done = tmp_path / "done"
    assert main(_analyze_argv(corpus, done, "--format", "md")) == 0
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p) == str(done / "articles.jsonl") else real_access(p, mode, **kw))
    assert main(_analyze_argv(corpus, done, "--format", "md")) == 2
    err = capsys.readouterr().err
    assert f"framing: error: {done / 'articles.jsonl'} is read-only, so the earlier results in {done} cannot be updated" in err
    assert "Traceback" not in err


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="running as root, which can write anywhere; the simulated test above covers it")
def test_unwritable_out_chmod(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same with a real folder without write permission (chmod 555)."""
    corpus = make_corpus(tmp_path / "c.jsonl", 2)
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        assert main(_analyze_argv(corpus, out)) == 2
    finally:
        out.chmod(0o755)
    assert f"cannot write in the results folder {out}: Permission denied" in capsys.readouterr().err


def test_restart_removes_every_earlier_output(tmp_path: Path) -> None:
    """--restart leaves nothing of the earlier run: a report format not asked for again, its tables,
    predictions added with 'framing apply' and the old articles are all gone. In a folder that never
    held a run, a 'tables' folder of the user's own is left alone."""
    corpus = make_corpus(tmp_path / "c.jsonl", 3)
    out = tmp_path / "out"
    assert main(_analyze_argv(corpus, out, "--format", "md,csv")) == 0
    (out / "predictions" / "frames").mkdir(parents=True)
    (out / "predictions" / "frames" / "predictions.csv").write_text("id,label\n", encoding="utf-8")
    (out / "report.pdf").write_bytes(b"%PDF-1.4 an earlier report")
    (out / "notes.txt").write_text("my own notes", encoding="utf-8")
    make_corpus(corpus, 2, seed=5)
    assert main(_analyze_argv(corpus, out, "--format", "html", "--restart")) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [".framing.lock", "articles.csv", "articles.jsonl", "articles.parquet", "errors.jsonl", "manifest.json", "notes.txt", "report.html"]
    assert len(read_jsonl(out / "articles.jsonl")) == 2

    fresh = tmp_path / "fresh"
    (fresh / "tables").mkdir(parents=True)
    (fresh / "tables" / "mine.csv").write_text("a,b\n", encoding="utf-8")
    assert main(_analyze_argv(corpus, fresh, "--format", "html")) == 0
    assert (fresh / "tables" / "mine.csv").is_file()


def test_a_partial_run_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A run stopped during the analysis: 'framing report' warns and titles the report partial. A
    run stopped while writing its report is not recorded as reported; a whole run is."""
    import framing.cli.analyze as cli_analyze
    corpus = make_corpus(tmp_path / "c.jsonl", 70)  # three batches of 32
    restore = interrupt_after(monkeypatch, 1)
    assert main(_analyze_argv(corpus, tmp_path / "cut", "--format", "md")) not in (0, 1)  # "framing: interrupted"
    restore()
    capsys.readouterr()
    assert main(["report", str(tmp_path / "cut"), "--format", "md"]) == 0
    assert "did not finish" in capsys.readouterr().err
    assert "(partial: the analysis did not finish)" in (tmp_path / "cut" / "report.md").read_text(encoding="utf-8")

    def no_report(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # stopped while the report is written

    monkeypatch.setattr(cli_analyze, "_write_reports", no_report)
    assert main(_analyze_argv(corpus, tmp_path / "whole", "--format", "md")) not in (0, 1)
    assert json.loads((tmp_path / "whole" / "manifest.json").read_text())["report"] == "pending"
    monkeypatch.undo()
    assert main(_analyze_argv(corpus, tmp_path / "whole", "--format", "md")) == 0
    manifest = json.loads((tmp_path / "whole" / "manifest.json").read_text())
    assert manifest["report"] == "written" and manifest["report_files"] == ["report.md"]
