"""Reading every input format, one file at a time, and bad inputs as LoadErrors naming the file or record."""

from __future__ import annotations

import gzip
import json
import random
import time
from pathlib import Path

import pytest

import framing
import framing.inputs.source as source
from framing.errors import InputError
from framing.inputs.readers import read_file

from .samples import BRIDGE, LIBRARY, ORCHARD, csv_text, only_article, write

# ---------------------------------------------------------------------------------------------
# Formats


def test_txt_headline_and_body(tmp_path, load_items):
    """A .txt page gives its first short line as the title and the rest as the body."""
    write(tmp_path / "library.txt", "Library extends evening opening hours\n\n" + LIBRARY + "\n")
    a = only_article(*load_items(tmp_path / "library.txt"))
    assert a.id == "library"
    assert a.title == "Library extends evening opening hours"
    assert a.text == LIBRARY
    assert a.source_path == str(tmp_path / "library.txt")


def test_markdown_markup_removed(tmp_path, load_items):
    """A .md file loses heading marks, emphasis and link syntax but keeps the words."""
    md = (
        "# Footbridge opens over the canal\n\n"
        "A new **footbridge** over the canal opened on Monday after two years of work.\n\n"
        "Cyclists and walkers crossed it *within minutes*, according to the [city council](https://council.example/news).\n"
    )
    write(tmp_path / "bridge.md", md)
    a = only_article(*load_items(tmp_path / "bridge.md"))
    assert a.title == "Footbridge opens over the canal"
    assert "A new footbridge over the canal opened on Monday" in a.text
    assert "crossed it within minutes, according to the city council." in a.text
    for markup in ("#", "**", "*", "](", "https://council.example"):
        assert markup not in a.text


HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Lighthouse keepers return to the northern cape | Gull Point Gazette</title>
  <meta property="og:site_name" content="Gull Point Gazette">
  <meta property="article:published_time" content="2025-11-04T09:00:00Z">
  <link rel="canonical" href="https://gullpoint.example/coast/lighthouse-keepers-return">
</head>
<body>
  <div class="cookie-banner">We use cookies to measure our audience. <button>Accept all cookies</button></div>
  <header><a href="/">Gull Point Gazette</a>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/coast">Coast desk</a></li><li><a href="/tides">Tide tables</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Lighthouse keepers return to the northern cape</h1>
      <p>For the first time in forty years, a family of keepers has moved into the old lighthouse on the northern cape, the coastal trust said on Tuesday.</p>
      <p>The trust restored the tower over two summers and now plans to open it to visitors on weekends, with the keepers leading small tours of the lamp room.</p>
      <p>"We wanted the light to have people again," said Marta Olsen, who chairs the trust. Local fishermen said the beacon had always been a comfort on winter nights.</p>
    </article>
    <aside><h2>Most read</h2><ul><li><a href="/x">Seal pups spotted on the sandbar near the harbour wall</a></li></ul></aside>
  </main>
  <footer><p>About us | Contact | Privacy policy</p><p>Copyright 2025 Gull Point Gazette. All rights reserved.</p></footer>
</body>
</html>
"""


def test_html_article_extracted_from_page(tmp_path, load_items):
    """An .html page yields the <article> text and page metadata, without nav, aside or footer."""
    write(tmp_path / "lighthouse.html", HTML_PAGE)
    a = only_article(*load_items(tmp_path / "lighthouse.html"))
    assert a.title == "Lighthouse keepers return to the northern cape"
    assert a.outlet == "Gull Point Gazette"
    assert a.published == "2025-11-04"
    assert a.url == "https://gullpoint.example/coast/lighthouse-keepers-return"
    assert a.text.startswith("For the first time in forty years")
    assert "open it to visitors on weekends" in a.text
    assert a.text.endswith("a comfort on winter nights.")
    for debris in ("cookies", "Coast desk", "Tide tables", "Most read", "Seal pups", "Privacy policy", "All rights reserved", "<p>"):
        assert debris not in a.text


def test_json_single_object(tmp_path, load_items):
    """A .json file holding one object is one article with its fields."""
    record = {"text": LIBRARY, "title": "Library extends hours", "outlet": "Valley Courier", "published": "2025-06-01", "url": "https://valley.example/library", "author": "Ada Byrne"}
    write(tmp_path / "one.json", json.dumps(record))
    a = only_article(*load_items(tmp_path / "one.json"))
    assert (a.text, a.title, a.outlet, a.published, a.url, a.author) == (
        LIBRARY,
        "Library extends hours",
        "Valley Courier",
        "2025-06-01",
        "https://valley.example/library",
        "Ada Byrne",
    )
    assert a.id == "one:0"


def test_json_list_of_objects(tmp_path, load_items):
    """A .json list gives one article per object; a record's own id is used when present."""
    records = [{"text": LIBRARY, "title": "Library"}, {"body": BRIDGE, "title": "Bridge", "id": "bridge-2025"}]
    write(tmp_path / "many.json", json.dumps(records))
    articles, errors = load_items(tmp_path / "many.json")
    assert errors == []
    assert [(a.id, a.title, a.text) for a in articles] == [("many:0", "Library", LIBRARY), ("bridge-2025", "Bridge", BRIDGE)]


def test_json_articles_wrapper(tmp_path, load_items):
    """An object with an "articles" list is read as that list."""
    write(tmp_path / "wrapped.json", json.dumps({"articles": [{"text": LIBRARY}, {"text": BRIDGE}]}))
    articles, errors = load_items(tmp_path / "wrapped.json")
    assert errors == []
    assert [a.text for a in articles] == [LIBRARY, BRIDGE]


def test_jsonl_one_article_per_line(tmp_path, load_items):
    """A .jsonl file gives one article per non-blank line, ids numbered by line."""
    lines = [json.dumps({"text": LIBRARY, "title": "L"}), "", json.dumps({"text": BRIDGE, "title": "B"})]
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, errors = load_items(tmp_path / "feed.jsonl")
    assert errors == []
    assert [(a.id, a.title, a.text) for a in articles] == [("feed:1", "L", LIBRARY), ("feed:3", "B", BRIDGE)]


def test_csv_one_article_per_row(tmp_path, load_items):
    """A .csv file gives one article per row, ids numbered by row (header is row 1)."""
    rows = [["title", "outlet", "published", "text"], ["Library", "Valley Courier", "2025-06-01", LIBRARY], ["Bridge", "Canal Times", "June 2, 2025", BRIDGE]]
    write(tmp_path / "table.csv", csv_text(rows))
    articles, errors = load_items(tmp_path / "table.csv")
    assert errors == []
    assert [(a.id, a.title, a.outlet, a.published, a.text) for a in articles] == [
        ("table:2", "Library", "Valley Courier", "2025-06-01", LIBRARY),
        ("table:3", "Bridge", "Canal Times", "2025-06-02", BRIDGE),
    ]


def test_tsv_one_article_per_row(tmp_path, load_items):
    """A .tsv file is read with tabs as separators (commas inside the text stay)."""
    rows = [["title", "content"], ["Bridge", BRIDGE], ["Orchard", ORCHARD]]
    write(tmp_path / "table.tsv", csv_text(rows, delimiter="\t"))
    articles, errors = load_items(tmp_path / "table.tsv")
    assert errors == []
    assert [(a.title, a.text) for a in articles] == [("Bridge", BRIDGE), ("Orchard", ORCHARD)]


@pytest.mark.parametrize("kind", ["txt", "jsonl", "csv"])
def test_gzip_variants(tmp_path, load_items, kind):
    """.txt.gz, .jsonl.gz and .csv.gz load exactly like their uncompressed forms."""
    if kind == "txt":
        content = "Orchard replanted at the old school\n\n" + ORCHARD + "\n"
    elif kind == "jsonl":
        content = json.dumps({"text": ORCHARD, "title": "Orchard replanted at the old school"}) + "\n"
    else:
        content = csv_text([["title", "text"], ["Orchard replanted at the old school", ORCHARD]])
    plain = write(tmp_path / "plain" / f"orchard.{kind}", content)
    packed = tmp_path / "packed" / f"orchard.{kind}.gz"
    packed.parent.mkdir()
    with gzip.open(packed, "wt", encoding="utf-8") as fh:
        fh.write(content)
    a_plain = only_article(*load_items(plain))
    a_packed = only_article(*load_items(packed))
    assert a_packed.text == a_plain.text == ORCHARD
    assert a_packed.title == a_plain.title == "Orchard replanted at the old school"
    assert a_packed.id == a_plain.id


MALFORMED_HTML = """<html><head><title>Island ferry adds Saturday sailings</title>
<body>
<nav><a href="/">Home</a> <a href="/travel">Travel desk</a>
<article>
<h1>Island ferry adds Saturday sailings
<p>The island ferry will run two extra sailings on Saturdays from next month, the operator said on Friday, after complaints about crowded boats during the <b>summer season.
<p>Passengers will be able to book the new sailings online from Monday, and fares will stay the same until the end of the year, a spokesperson added.
<p>Residents said the change was overdue and hoped it would ease the queues at the harbour on <i>busy weekends.
<footer>Contact | Privacy policy
"""


def test_malformed_html_still_yields_text(tmp_path, load_items):
    """HTML with unclosed tags (no </head>, </nav>, </h1>, </p>, </b>, </article>, </body>) still yields the article text."""
    f = write(tmp_path / "ferry.html", MALFORMED_HTML)
    a = only_article(*load_items(f))
    assert a.title == "Island ferry adds Saturday sailings"
    assert a.text.startswith("The island ferry will run two extra sailings on Saturdays")
    assert "book the new sailings online from Monday" in a.text
    assert a.text.endswith("on busy weekends.")
    for debris in ("Travel desk", "Privacy policy", "<b>", "<p>"):
        assert debris not in a.text


def test_html_with_doctype_in_a_txt_file_is_read_as_html(tmp_path, load_items):
    """A page saved with a .txt extension but starting with <!DOCTYPE html> is extracted as HTML."""
    f = write(tmp_path / "saved-page.txt", HTML_PAGE)
    a = only_article(*load_items(f))
    assert a.outlet == "Gull Point Gazette"
    assert "<p>" not in a.text and "Coast desk" not in a.text
    assert a.text.startswith("For the first time in forty years")


# ---------------------------------------------------------------------------------------------
# Bad inputs: each is one LoadError naming the file and the reason; the other inputs still load


def _bad_empty(d: Path) -> Path:
    p = d / "empty.txt"
    p.write_bytes(b"")
    return p


def _bad_whitespace(d: Path) -> Path:
    p = d / "blank.txt"
    p.write_text("  \n\n\t \r\n   \n")
    return p


def _bad_nul(d: Path) -> Path:
    p = d / "data.txt"
    p.write_bytes(b"GIFTS\x00\x00\x01\x02 some words \x00\xff" * 20)
    return p


def _bad_pdf(d: Path) -> Path:
    p = d / "report.txt"
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    return p


def _bad_high_bytes(d: Path) -> Path:
    rng = random.Random(20260312)
    p = d / "garbled.txt"
    p.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))
    return p


def _bad_no_text_column(d: Path) -> Path:
    p = d / "table.csv"
    p.write_text(csv_text([["headline", "summary", "link"], ["Library", "Open late", "https://x.example"]]))
    return p


def _bad_json(d: Path) -> Path:
    p = d / "broken.json"
    p.write_text('{"text": "An unfinished record", "title": ')
    return p


def _bad_gzip(d: Path) -> Path:
    p = d / "fake.txt.gz"
    p.write_text("this is not compressed at all, although the name says so")
    return p


def _bad_html(d: Path) -> Path:
    p = d / "shell.html"
    p.write_text("<html><head><title>Loading</title></head><body><nav><a href='/'>Home</a></nav><div id='app'></div><script>start()</script></body></html>")
    return p


def _bad_unknown_binary(d: Path) -> Path:
    p = d / "photo.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return p


BAD_INPUTS = {
    "empty file": (_bad_empty, ["empty file"]),
    "whitespace only": (_bad_whitespace, ["empty file"]),
    "NUL bytes": (_bad_nul, ["binary", "NUL bytes"]),
    "PDF": (_bad_pdf, ["binary", "PDF"]),
    "random high bytes": (_bad_high_bytes, ["undecodable bytes", "not valid UTF-8", "re-save the file as UTF-8"]),
    "CSV without text column": (_bad_no_text_column, ["no text column", "headline, summary, link"]),
    "invalid JSON": (_bad_json, ["not valid JSON", "line 1"]),
    "not really gzip": (_bad_gzip, ["cannot read compressed file"]),
    "HTML without text": (_bad_html, ["no article text found"]),
    "unknown binary type": (_bad_unknown_binary, ["unsupported file type '.png'", "PNG image"]),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_is_a_load_error_and_the_rest_loads(tmp_path, load_items, kind):
    """Each kind of bad input yields one LoadError naming the file and why; the good files still load."""
    make, words = BAD_INPUTS[kind]
    good1 = write(tmp_path / "good1.txt", LIBRARY)
    bad = make(tmp_path)
    good2 = write(tmp_path / "good2.txt", BRIDGE)
    articles, errors = load_items([good1, bad, good2])
    assert [a.text for a in articles] == [LIBRARY, BRIDGE]
    assert len(errors) == 1
    err = errors[0]
    assert err.path == str(bad)
    for w in words:
        assert w in err.reason
    assert str(bad) in str(err)


def test_all_bad_inputs_in_one_folder(tmp_path, load_items):
    """A folder mixing every kind of bad input with good files: one error per bad file, all good files load."""
    bad_files = {make(tmp_path) for make, _ in BAD_INPUTS.values()}
    write(tmp_path / "good1.txt", LIBRARY)
    write(tmp_path / "good2.jsonl", json.dumps({"text": BRIDGE}) + "\n")
    articles, errors = load_items(tmp_path)
    assert sorted(a.text for a in articles) == sorted([LIBRARY, BRIDGE])
    assert {e.path for e in errors} == {str(p) for p in bad_files}
    assert len(errors) == len(bad_files)


def test_undecodable_bytes_error(tmp_path):
    """Random high bytes that fit no encoding are a clear error naming the first bad byte, not a garbled article."""
    bad = _bad_high_bytes(tmp_path)
    corpus = framing.load(bad)
    assert len(corpus) == 0
    assert len(corpus.errors) == 1
    assert corpus.errors[0].reason.startswith("undecodable bytes: not valid UTF-8 (first bad byte at offset 0)")


def test_oversized_single_file_rejected_without_reading(tmp_path, load_items, monkeypatch):
    """A 200 MB .txt file is refused by size alone (the file is never opened) and the rest loads."""
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: takes no disk space and no time
    assert big.stat().st_size == 200 * 1024 * 1024
    good = write(tmp_path / "good.txt", LIBRARY)
    opened: list[str] = []
    real_open = source.Source.open

    def spy(self):  # type: ignore[no-untyped-def]
        opened.append(str(self.path))
        return real_open(self)

    monkeypatch.setattr(source.Source, "open", spy)
    t0 = time.perf_counter()
    articles, errors = load_items([big, good])
    assert time.perf_counter() - t0 < 5
    assert str(big) not in opened and str(good) in opened
    assert [a.text for a in articles] == [LIBRARY]
    assert len(errors) == 1 and errors[0].path == str(big)
    assert "file is 200 MB, larger than the 1 MB limit" in errors[0].reason
    assert "--max-article-mb" in errors[0].reason


def test_max_article_mb_option(tmp_path, load_items):
    """max_article_mb= lowers the limit: a 2 MB article fails at 1 MB and loads at 3 MB."""
    sentence = "The parish council met again to discuss the new bus shelter on the green. "
    f = write(tmp_path / "long.txt", sentence * (2 * 1024 * 1024 // len(sentence)))
    articles, errors = load_items(f, max_article_mb=1)
    assert articles == [] and "larger than the 1 MB limit" in errors[0].reason
    articles, errors = load_items(f, max_article_mb=3)
    assert errors == [] and len(articles) == 1


def test_jsonl_broken_line_reported_rest_loaded(tmp_path, load_items):
    """One broken line in a JSONL file is a LoadError with its line number; the other lines load."""
    lines = [
        json.dumps({"text": LIBRARY, "title": "L"}),
        json.dumps({"text": BRIDGE, "title": "B"}),
        '{"text": "half a record", "title": ',
        json.dumps({"text": ORCHARD, "title": "O"}),
        json.dumps(["not", "an", "object"]),
    ]
    f = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, errors = load_items(f)
    assert [a.title for a in articles] == ["L", "B", "O"]
    assert [(e.path, e.record) for e in errors] == [(str(f), 3), (str(f), 5)]
    assert "not valid JSON" in errors[0].reason
    assert f"{f} (record 3)" in str(errors[0])
    assert "expected a JSON object" in errors[1].reason and "list" in errors[1].reason


def test_jsonl_record_without_text_field(tmp_path, load_items):
    """A JSONL record with no text field names the fields it does have."""
    f = write(tmp_path / "feed.jsonl", json.dumps({"headline": "H", "summary": "S"}) + "\n" + json.dumps({"text": LIBRARY}) + "\n")
    articles, errors = load_items(f)
    assert [a.text for a in articles] == [LIBRARY]
    assert errors[0].record == 1
    assert "no text field" in errors[0].reason and "headline, summary" in errors[0].reason


def test_csv_empty_text_row_reported_with_row_number(tmp_path, load_items):
    """A CSV row with an empty text cell is an error with its row number; other rows load."""
    f = write(tmp_path / "t.csv", csv_text([["title", "text"], ["A", LIBRARY], ["B", "   "], ["C", BRIDGE]]))
    articles, errors = load_items(f)
    assert [a.title for a in articles] == ["A", "C"]
    assert [(e.record, e.reason) for e in errors] == [(3, "empty text")]


def test_read_file_yields_records_and_raises_for_the_whole_file(tmp_path):
    """read_file gives one file's articles and per-record errors, and raises InputError when the whole file is unreadable."""
    f = write(tmp_path / "feed.jsonl", json.dumps({"text": LIBRARY}) + "\n" + "{broken\n")
    items = list(read_file(f))
    assert [type(x).__name__ for x in items] == ["Article", "LoadError"] and items[0].text == LIBRARY
    with pytest.raises(InputError, match="empty file"):
        list(read_file(write(tmp_path / "blank.txt", "  \n")))


# ---------------------------------------------------------------------------------------------
# One huge line or field: skipped in bounded memory, reported as too large (issue #20, severe 1)


def _write_huge_record(path: Path, fmt: str, n_bytes: int) -> None:
    """A JSONL or CSV corpus (gzip-compressed for ``*.gz``): a good record, one whose text is
    ``n_bytes`` long on a single line, and another good record; written in chunks."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wb") as fh:  # type: ignore[operator]
        if fmt == "jsonl":
            fh.write((json.dumps({"text": LIBRARY}) + "\n").encode())
            fh.write(b'{"text": "')
        else:
            fh.write(("text\n" + LIBRARY + "\n").encode())
            fh.write(b'"')
        chunk = b"a" * (1 << 20)
        for _ in range(n_bytes >> 20):
            fh.write(chunk)
        fh.write(b'"}\n' if fmt == "jsonl" else b'"\n')
        fh.write((json.dumps({"text": BRIDGE}) + "\n").encode() if fmt == "jsonl" else (BRIDGE + "\n").encode())


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.jsonl.gz", "table.csv", "table.csv.gz"])
def test_one_huge_line_is_a_record_error_read_in_bounded_memory(tmp_path, load_items, name):
    """A 24 MB line (JSONL) or field (CSV), plain or inside .gz, under a 0.01 MB article limit: the
    line is skipped in bounded chunks (peak traced memory stays under 4 MB, far below the line)
    and reported as a LoadError naming the file and the record; the records around it and the
    next file load."""
    import tracemalloc

    fmt = "jsonl" if "jsonl" in name else "csv"
    big = tmp_path / name
    _write_huge_record(big, fmt, 24 << 20)
    good = write(tmp_path / "good.txt", ORCHARD)
    tracemalloc.start()
    try:
        articles, errors = load_items([big, good], max_article_mb=0.01)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.text for a in articles] == [LIBRARY, BRIDGE, ORCHARD]
    record = 2 if fmt == "jsonl" else 3  # CSV rows are numbered as lines, the header being 1
    assert [(e.path, e.record) for e in errors] == [(str(big), record)]
    assert "record is larger than 0.08 MB, the limit for one line or row" in errors[0].reason
    assert "--max-article-mb" in errors[0].reason and f"{big} (record {record})" in str(errors[0])
    assert peak < 4 << 20, peak


def test_record_limit_follows_max_article_mb(tmp_path, load_items):
    """The line limit is twice --max-article-mb plus 64 kB: a 150 kB JSONL record is too large at
    0.01 MB (its text would be refused anyway) and loads at 0.1 MB, where the text fits."""
    text = ("The harbour board met on Tuesday to discuss the new pier and its costs. " * 2100)[:150_000]
    f = write(tmp_path / "one.jsonl", json.dumps({"text": text}) + "\n")
    articles, errors = load_items(f, max_article_mb=0.01)
    assert articles == [] and "record is larger than" in errors[0].reason
    articles, errors = load_items(f, max_article_mb=0.2)
    assert errors == [] and len(articles) == 1


# ---------------------------------------------------------------------------------------------
# A truncated .gz: one error for the file, the records before the cut kept (issue #20, severe 3)


def _records(n: int, fmt: str) -> bytes:
    texts = [f"{LIBRARY} This is report number {i}." for i in range(n)]
    if fmt == "jsonl":
        return "".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts)).encode()
    return csv_text([["id", "text"]] + [[f"r{i}", t] for i, t in enumerate(texts)]).encode()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "txt", "json"])
@pytest.mark.parametrize("n", [12, 400])
def test_truncated_gzip_is_one_error_and_keeps_the_records_before_the_cut(tmp_path, load_items, fmt, n):
    """A .gz that lost its last 20 bytes (12 records: the cut is inside the first bytes the reader
    sniffs; 400: further on) is one LoadError saying it is truncated; for JSONL and CSV the records before the cut are
    kept, in order; a one-article file is refused whole; the file after it loads."""
    data = _records(n, fmt) if fmt in ("jsonl", "csv") else (f"Harbour news\n\n{LIBRARY}\n" * n).encode()
    packed = gzip.compress(data)
    cut = tmp_path / f"cut.{fmt}.gz"
    cut.write_bytes(packed[:-20])
    good = write(tmp_path / "good.txt", ORCHARD)
    articles, errors = load_items([cut, good])
    assert articles[-1].text == ORCHARD
    kept = articles[:-1]
    assert len(errors) == 1 and errors[0].path == str(cut) and errors[0].record is None
    assert errors[0].reason.startswith("compressed file is truncated: it ends before its end-of-stream marker")
    if fmt in ("jsonl", "csv"):
        assert 0 < len(kept) < n
        assert [a.id for a in kept] == [f"r{i}" for i in range(len(kept))]
        assert f"the {len(kept)} records before the cut were read" in errors[0].reason
    else:
        assert kept == []


def test_the_limit_is_on_the_text_an_html_page_may_be_larger(tmp_path, load_items):
    """With a 0.1 MB limit: a 0.5 MB page of markup holding a short article loads (a page may be
    ten times the limit), a 0.2 MB plain text does not, and says why."""
    page = tmp_path / "page.html"
    page.write_text("<html><head><script>" + "var x = 1;\n" * 50_000 + "</script></head><body><article><p>" + LIBRARY + "</p></article></body></html>", encoding="utf-8")
    assert page.stat().st_size > 0.4 * 1048576
    long_text = write(tmp_path / "long.txt", (LIBRARY + "\n\n") * (200_000 // len(LIBRARY)))
    articles, errors = load_items([page, long_text], max_article_mb=0.1)
    assert [a.id for a in articles] == ["page"] and LIBRARY.split(".")[0] in articles[0].text
    assert [e.path for e in errors] == [str(long_text)] and "0.1 MB limit" in errors[0].reason
