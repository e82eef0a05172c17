"""Metadata of articles: field aliases, extra fields, sidecar files and the precedence of the load options."""

from __future__ import annotations

import json

import pytest

from .samples import BRIDGE, LIBRARY, csv_text, only_article, write


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
