"""Loading every input format, metadata precedence, discovery, and bad inputs as LoadErrors."""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import time
from pathlib import Path

import pytest

import framing
import framing.inputs.formats as fio
from framing.errors import InputError
from framing.types import Article, LoadError

LIBRARY = (
    "The county library will stay open until nine on weekdays from next month. "
    "Staff said demand for evening study space had grown steadily since the spring."
)
BRIDGE = (
    "A new footbridge over the canal opened on Monday after two years of work. "
    "Cyclists and walkers crossed it within minutes of the ribbon being cut."
)
ORCHARD = (
    "Volunteers planted forty apple trees in the old school orchard on Saturday. "
    "The head teacher said pupils would help look after them through the summer."
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    return buf.getvalue()


def only_article(articles: list[Article], errors: list[LoadError]) -> Article:
    assert errors == []
    assert len(articles) == 1
    return articles[0]


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


# ---------------------------------------------------------------------------------------------
# Metadata


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_record_field_aliases(tmp_path, load_items, fmt):
    """source -> outlet, headline -> title and date -> published (normalised to ISO) in every record format."""
    record = {"headline": "Library extends hours", "source": "Valley Courier", "date": "June 1, 2025", "text": LIBRARY}
    if fmt == "json":
        write(tmp_path / "r.json", json.dumps(record))
    elif fmt == "jsonl":
        write(tmp_path / "r.jsonl", json.dumps(record) + "\n")
    else:
        write(tmp_path / "r.csv", csv_text([list(record), list(record.values())]))
    a = only_article(*load_items(tmp_path / f"r.{fmt}"))
    assert a.title == "Library extends hours"
    assert a.outlet == "Valley Courier"
    assert a.published == "2025-06-01"
    assert a.meta == {}


def test_extra_record_fields_kept_in_meta(tmp_path, load_items):
    """Fields that are not known metadata are kept in Article.meta, known ones are not duplicated there."""
    record = {"text": LIBRARY, "title": "T", "section": "Local", "word_count": 27, "tags": ["books", "council"]}
    write(tmp_path / "m.jsonl", json.dumps(record) + "\n")
    a = only_article(*load_items(tmp_path / "m.jsonl"))
    assert a.meta == {"section": "Local", "word_count": 27, "tags": ["books", "council"]}
    assert a.metadata()["meta"] == a.meta


def test_unreadable_record_date_keeps_the_article(tmp_path, load_items):
    """A record whose date cannot be read (all-numeric dates are ambiguous) is still analysed,
    without a date, and the value it had is kept in meta for the user to fix."""
    lines = [json.dumps({"text": LIBRARY, "date": "03/12/2026"}), json.dumps({"text": BRIDGE, "date": "2025-06-02"})]
    write(tmp_path / "d.jsonl", "\n".join(lines) + "\n")
    articles, errors = load_items(tmp_path / "d.jsonl")
    assert errors == []
    assert [a.text for a in articles] == [LIBRARY, BRIDGE]
    assert articles[0].published is None and articles[0].meta["published_raw"] == "03/12/2026"
    assert articles[1].published == "2025-06-02" and "published_raw" not in articles[1].meta


PAGE_WITH_METADATA = (
    "[valleycourier.example](https://valleycourier.example)\n\n"
    "Library extends evening opening hours\n\n"
    "2025-06-01\n\n" + LIBRARY + "\n"
)


def test_page_metadata_without_sidecar(tmp_path, load_items):
    """Without a sidecar the outlet and date come from the page's site link and date line."""
    write(tmp_path / "page.txt", PAGE_WITH_METADATA)
    a = only_article(*load_items(tmp_path / "page.txt"))
    assert (a.outlet, a.published, a.title, a.text) == ("Valleycourier", "2025-06-01", "Library extends evening opening hours", LIBRARY)


@pytest.mark.parametrize("sidecar_name", ["page.txt.meta.json", "page.meta.json"])
def test_sidecar_overrides_page_metadata(tmp_path, load_items, sidecar_name):
    """A NAME.meta.json sidecar overrides the outlet and date the page gives; other keys go to meta."""
    write(tmp_path / "page.txt", PAGE_WITH_METADATA)
    write(tmp_path / sidecar_name, json.dumps({"outlet": "The Valley Courier", "published": "2025-06-03", "desk": "metro"}))
    a = only_article(*load_items(tmp_path / "page.txt"))
    assert a.outlet == "The Valley Courier"
    assert a.published == "2025-06-03"
    assert a.title == "Library extends evening opening hours"
    assert a.meta == {"desk": "metro"}


def test_sidecar_is_not_loaded_as_an_article(tmp_path, load_items):
    """Sidecar files inside a folder are metadata, not inputs."""
    write(tmp_path / "page.txt", PAGE_WITH_METADATA)
    write(tmp_path / "page.txt.meta.json", json.dumps({"outlet": "The Valley Courier"}))
    articles, errors = load_items(tmp_path)
    assert errors == []
    assert [a.id for a in articles] == ["page"]


def test_broken_sidecar_is_an_error_for_its_file(tmp_path, load_items):
    """A sidecar that is not JSON makes its article fail with a reason naming the sidecar."""
    write(tmp_path / "page.txt", PAGE_WITH_METADATA)
    write(tmp_path / "page.txt.meta.json", "{outlet: oops")
    write(tmp_path / "other.txt", BRIDGE)
    articles, errors = load_items(tmp_path)
    assert [a.id for a in articles] == ["other"]
    assert len(errors) == 1
    assert errors[0].path.endswith("page.txt")
    assert "sidecar page.txt.meta.json is not valid JSON" in errors[0].reason


def test_outlet_and_published_options_override_everything(tmp_path, load_items):
    """outlet= and published= beat the sidecar, the record fields and the page."""
    write(tmp_path / "page.txt", PAGE_WITH_METADATA)
    write(tmp_path / "page.txt.meta.json", json.dumps({"outlet": "The Valley Courier", "published": "2025-06-03"}))
    write(tmp_path / "rec.jsonl", json.dumps({"text": BRIDGE, "outlet": "Canal Times", "date": "2025-06-02"}) + "\n")
    articles, errors = load_items([tmp_path / "page.txt", tmp_path / "rec.jsonl"], outlet="Override Post", published="5 May 2025")
    assert errors == []
    assert [(a.outlet, a.published) for a in articles] == [("Override Post", "2025-05-05")] * 2


def test_unreadable_published_option_is_rejected(tmp_path):
    """published= with an ambiguous date raises InputError before anything is read."""
    write(tmp_path / "page.txt", LIBRARY)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        list(framing.iter_load(tmp_path / "page.txt", published="03/12/2026"))


def test_text_col_option_csv_and_jsonl(tmp_path, load_items):
    """text_col= picks the text field even when another default text field is present."""
    write(tmp_path / "t.csv", csv_text([["text", "story"], ["a caption, not the story", LIBRARY]]))
    write(tmp_path / "t2.jsonl", json.dumps({"text": "a caption, not the story", "story": BRIDGE}) + "\n")
    articles, errors = load_items([tmp_path / "t.csv", tmp_path / "t2.jsonl"], text_col="story")
    assert errors == []
    assert [a.text for a in articles] == [LIBRARY, BRIDGE]


def test_text_col_missing_column_lists_columns(tmp_path, load_items):
    """text_col= naming a column the CSV lacks is an error listing the columns there are."""
    write(tmp_path / "t.csv", csv_text([["headline", "summary"], ["Library", LIBRARY]]))
    articles, errors = load_items(tmp_path / "t.csv", text_col="story")
    assert articles == []
    assert len(errors) == 1
    assert "no column 'story'" in errors[0].reason
    assert "headline" in errors[0].reason and "summary" in errors[0].reason


def test_ids_unique_within_a_call(tmp_path, load_items):
    """Repeated ids (same file name in two folders, same record id) get ~2, ~3 suffixes."""
    write(tmp_path / "a" / "story.txt", LIBRARY)
    write(tmp_path / "b" / "story.txt", BRIDGE)
    write(tmp_path / "c" / "story.txt", ORCHARD)
    recs = [{"id": "dup", "text": LIBRARY}, {"id": "dup", "text": BRIDGE}]
    write(tmp_path / "d" / "recs.json", json.dumps(recs))
    articles, errors = load_items(tmp_path)
    assert errors == []
    assert [a.id for a in articles] == ["story", "story~2", "story~3", "dup", "dup~2"]
    assert len({a.id for a in articles}) == len(articles)


def test_same_file_given_twice_loads_once(tmp_path, load_items):
    """A file named twice (directly and through its folder) is loaded once."""
    f = write(tmp_path / "story.txt", LIBRARY)
    articles, errors = load_items([f, tmp_path, str(f)])
    assert errors == []
    assert [a.id for a in articles] == ["story"]


# ---------------------------------------------------------------------------------------------
# Discovery


def test_glob_patterns(tmp_path, load_items, monkeypatch):
    """Glob patterns select matching files, recursively with **."""
    write(tmp_path / "top.txt", LIBRARY)
    write(tmp_path / "notes.md", BRIDGE)
    write(tmp_path / "deep" / "er" / "low.txt", ORCHARD)
    monkeypatch.chdir(tmp_path)
    articles, errors = load_items("*.txt")
    assert errors == [] and [a.id for a in articles] == ["top"]
    articles, errors = load_items("**/*.txt")
    assert errors == [] and sorted(a.id for a in articles) == ["low", "top"]
    articles, errors = load_items(str(tmp_path / "*.md"))
    assert errors == [] and [a.id for a in articles] == ["notes"]


def test_folder_skips_hidden_readme_and_license(tmp_path, load_items):
    """A folder is searched recursively; hidden files and folders, README and LICENSE are passed over."""
    write(tmp_path / "a.txt", LIBRARY)
    write(tmp_path / "sub" / "b.txt", BRIDGE)
    write(tmp_path / ".draft.txt", ORCHARD)
    write(tmp_path / ".cache" / "c.txt", ORCHARD)
    write(tmp_path / "README.md", "# About this folder\n\nThese files are test inputs for the loader and nothing more.")
    write(tmp_path / "LICENSE", "Permission is hereby granted to use these invented test sentences.")
    articles, errors = load_items(tmp_path)
    assert errors == []
    assert [a.source_path for a in articles] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]


def test_explicit_readme_path_is_loaded(tmp_path, load_items):
    """README is skipped only inside folders: named explicitly, it is read."""
    f = write(tmp_path / "README.md", "# Harbour notes\n\n" + BRIDGE)
    a = only_article(*load_items(f))
    assert a.text == BRIDGE


def test_missing_path_and_unmatched_glob(tmp_path, load_items):
    """A path that does not exist, or a pattern matching nothing, is a LoadError; the rest loads."""
    write(tmp_path / "ok.txt", LIBRARY)
    missing = tmp_path / "nope" / "missing.txt"
    articles, errors = load_items([missing, tmp_path / "ok.txt", str(tmp_path / "*.xml")])
    assert [a.id for a in articles] == ["ok"]
    assert [(e.path, e.reason) for e in errors] == [
        (str(missing), "no such file or folder"),
        (str(tmp_path / "*.xml"), "no file matches this pattern"),
    ]


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


CP1252_TEXT = (
    "Ferry fares rise at S\u00e3o Vicente pier\n\n"
    "The ferry company said on Monday that fares would rise by 8% \u2013 the third increase in two years. "
    "\u201cWe have no choice,\u201d the company\u2019s director, In\u00e9s Pe\u00f1a, told caf\u00e9 owners on the pier. "
    "Regular passengers called the decision \u2018unfair\u2019 and promised to appeal \u2014 again, if needed. "
    "The council said it would review the timetable before the summer season began in June.\n"
)


def test_cp1252_file_with_curly_quotes_decodes_correctly(tmp_path, load_items):
    """A real Windows-1252 file (curly quotes, dashes, accented names) is decoded to the right characters."""
    f = tmp_path / "legacy.txt"
    f.write_bytes(CP1252_TEXT.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        f.read_bytes().decode("utf-8")
    a = only_article(*load_items(f))
    assert a.title == "Ferry fares rise at S\u00e3o Vicente pier"
    assert a.text == CP1252_TEXT.split("\n\n", 1)[1].strip()
    for s in ("\u201cWe have no choice,\u201d", "company\u2019s", "\u2018unfair\u2019", "8% \u2013 the", "appeal \u2014 again", "In\u00e9s Pe\u00f1a", "caf\u00e9"):
        assert s in a.text
    assert a.meta["encoding"] == "cp1252"


def test_cp1250_text_keeps_its_encoding():
    """Central European text in cp1250 is not forced into cp1252 (no 'powiedzia\u00b3' mojibake)."""
    text = "Burmistrz powiedzia\u0142, \u017ce most b\u0119dzie otwarty w maju. \u201eTo dobra wiadomo\u015b\u0107\u201d \u2013 doda\u0142 radny.\n"
    decoded, encoding = fio.decode(text.encode("cp1250"))
    assert decoded == text
    assert encoding != "cp1252"


def test_utf8_bom_and_utf16_decode():
    """UTF-8 with a byte-order mark and UTF-16 with one are read as text, not as binary."""
    text = "Caf\u00e9 owners met on the \u201cnew\u201d pier."
    assert fio.decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")
    assert fio.decode(text.encode("utf-16")) == (text, "utf-16")


def test_oversized_single_file_rejected_without_reading(tmp_path, load_items, monkeypatch):
    """A 200 MB .txt file is refused by size alone (the file is never opened) and the rest loads."""
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: takes no disk space and no time
    assert big.stat().st_size == 200 * 1024 * 1024
    good = write(tmp_path / "good.txt", LIBRARY)
    opened: list[str] = []
    real_open = fio._open_binary

    def spy(path):  # type: ignore[no-untyped-def]
        opened.append(str(path))
        return real_open(path)

    monkeypatch.setattr(fio, "_open_binary", spy)
    t0 = time.perf_counter()
    articles, errors = load_items([big, good])
    assert time.perf_counter() - t0 < 5
    assert str(big) not in opened
    assert [a.text for a in articles] == [LIBRARY]
    assert len(errors) == 1 and errors[0].path == str(big)
    assert "file is 200 MB, larger than the 10 MB limit" in errors[0].reason
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


@pytest.mark.timeout(180)
def test_ten_thousand_files_three_broken(tmp_path):
    """A folder of 10,000 small files with 3 broken ones loads 9,997 articles and reports exactly 3 errors."""
    folder = tmp_path / "many"
    folder.mkdir()
    broken = {17: b"", 5000: b"\x00\x01\x02binary", 9998: b"  \n\t\n"}
    for i in range(10_000):
        data = broken.get(i)
        if data is None:
            data = f"Brief {i}: the harbour ferry left at dawn and was back before noon, the operator said.\n".encode()
        (folder / f"brief{i:05d}.txt").write_bytes(data)
    t0 = time.perf_counter()
    corpus = framing.load(folder)
    elapsed = time.perf_counter() - t0
    assert len(corpus) == 9_997
    assert len(corpus.errors) == 3
    assert sorted(Path(e.path).name for e in corpus.errors) == ["brief00017.txt", "brief05000.txt", "brief09998.txt"]
    assert {e.reason.split(" (")[0].split(",")[0] for e in corpus.errors} == {"empty file", "binary file"}
    assert len({a.id for a in corpus}) == 9_997
    assert elapsed < 60, f"loading 10,000 small files took {elapsed:.1f} s"
