"""Page furniture the worksheet does not show as the article: bylines, datelines, date lines,
promotions, photo credits. Every line here was written for these tests (illustrative)."""

from __future__ import annotations

import pytest

from framing.classroom.excerpts import paragraphs
from framing.classroom.furniture import furniture_kind, lead_span, strip_furniture


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Jane Doe, CNN", "byline"),
        ("By Jane Doe and John Roe, Fox News", "byline"),
        ("Jane Doe | Reuters", "byline"),
        ("By Ada Byrne", "byline"),
        ("Reporting by Jane Doe; Editing by John Roe", "byline"),
        ("Source: Harbour Herald  Editor: Lin Pavel  2026-03-13", "byline"),
        ("WASHINGTON (AP) —", "dateline"),
        ("BEIJING, Jan. 16 (Reuters) -", "dateline"),
        ("OTTAWA —", "dateline"),
        ("Washington (CNN) —", "dateline"),
        ("PORT ALDER, March 10, 2026 (Harbour Herald) --", "dateline"),
        ("WASHINGTON (AP)", "dateline"),
        ("Updated 10:15 a.m. ET, Thu March 12, 2026", "date"),
        ("2026-03-13", "date"),
        ("CLICK HERE TO DOWNLOAD THE FOX NEWS APP", "promotion"),
        ("You can now listen to Fox News articles!", "promotion"),
        ("Read the full article here", "promotion"),
        ("Sign up for our newsletter", "promotion"),
        ("Sign up for the Harbour Herald's morning newsletter.", "promotion"),
    ],
)
def test_furniture_lines(line: str, kind: str) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "WASHINGTON (AP) — The president signed the bill on Tuesday.",  # a dateline opening the lead: the lead
        "By Thursday, the council had voted.",
        "By the end of the day, officials had left the harbour.",
        "NATO — the alliance said — would meet again.",
        "Prime Minister Lena Ostrowski (Liberal) — speaking in Port Alder — said so.",
        "The vote is at 10:30 a.m.",
        "On March 12, 2026 the council met in Port Alder after months of talks.",
        "Officials said fishers could download the new harbour app to book a berth before the May deadline passes.",
        "Harbour Herald reporters watched the vote.",
    ],
)
def test_sentences_are_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None


def test_the_lead_starts_after_bylines_datelines_and_promotions() -> None:
    text = (
        "By Jane Doe, Harbour Herald\nPORT ALDER —\n\nCLICK HERE TO GET THE HARBOUR HERALD APP\n\n"
        "The council voted on Tuesday.\nIt met for three hours.\n\nSecond paragraph."
    )
    s, e = lead_span(text, paragraphs(text))
    assert text[s:e] == "The council voted on Tuesday.\nIt met for three hours."
    plain = "The council voted.\n\nMore."
    assert lead_span(plain, paragraphs(plain)) == (0, len("The council voted."))
    only = "By Jane Doe\n\nOTTAWA —"  # nothing but furniture: the first paragraph, as before
    assert lead_span(only, paragraphs(only)) == (0, len("By Jane Doe"))


def test_strip_furniture_keeps_the_article() -> None:
    text = (
        "By Jane Doe, CNN\nWASHINGTON (CNN) — The senator spoke on Tuesday. (AP Photo/Evan Vucci)\n"
        "Sign up for our newsletter\nNATO — the alliance — met. She said the vote was at 10 a.m.\n"
        "BEIJING, Jan. 16 (Reuters) -\nChina replied. (Photo by Jane Doe/Getty Images) It was late."
    )
    assert strip_furniture(text) == (
        "The senator spoke on Tuesday.\nNATO — the alliance — met. She said the vote was at 10 a.m.\nChina replied. It was late."
    )


def test_long_lines_take_linear_time() -> None:
    """A run of 50,000 spaces, and long lines of capitalised words, brackets or dashes, are checked and
    stripped in well under a second each (the spaces took half a minute when a dateline's leading space
    was given back one at a time, each time scanning the rest of the run)."""
    import time

    for text in (" " * 50_000 + "x", "By " + "Aa " * 20_000 + "!", "Aa " * 20_000 + "| !", "(Photo " * 20_000, "WASHINGTON " * 20_000 + "x", "OTTAWA" + " —" * 20_000):
        start = time.perf_counter()
        furniture_kind(text)
        strip_furniture(text)
        assert time.perf_counter() - start < 3, text[:20]
