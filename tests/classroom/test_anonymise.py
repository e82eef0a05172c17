"""The Anonymiser: outlet names, their variants, domains, URLs and handles become labels."""

from __future__ import annotations

from framing.classroom.anonymise import Anonymiser


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


def test_anonymiser_removes_bylines_datelines_and_credits() -> None:
    """Datelines ("WASHINGTON (AP) —", "BEIJING, Jan. 16 (Reuters) -", "OTTAWA —"), bylines ("By Jane Doe, CNN",
    "Jane Doe | Reuters"), promotions and photo credits go: each names the outlet or betrays its style.
    (Illustrative text written for this test; only the outlet names are real.)"""
    anon = Anonymiser({"CNN": "Outlet A", "Associated Press": "Outlet B", "Reuters": "Outlet C", "Fox News": "Outlet D"})
    text = (
        "By Jane Doe, CNN\n"
        "WASHINGTON (CNN) — The harbour bill passed on Tuesday.\n\n"
        "Jane Doe | Reuters\n"
        "BEIJING, Jan. 16 (Reuters) - Officials replied on Wednesday.\n\n"
        "OTTAWA — The minister said little. (AP Photo/Evan Vucci)\n"
        "WASHINGTON (AP) —\n"
        "CLICK HERE TO DOWNLOAD THE FOX NEWS APP\n"
        "The vote was close."
    )
    assert anon(text) == "The harbour bill passed on Tuesday.\n\nOfficials replied on Wednesday.\n\nThe minister said little.\nThe vote was close."


def test_anonymiser_replaces_self_references_and_short_forms() -> None:
    """The outlet's references to itself name the label: "told CNN", "Fox News Digital has reached out",
    "the Guardian understands", "the Times", "NYT", "AP"; the common words stay. (Illustrative text.)"""
    anon = Anonymiser({"CNN": "Outlet A", "Fox News": "Outlet B", "The Guardian": "Outlet C", "The New York Times": "Outlet D", "Associated Press": "Outlet E"})
    text = (
        "The senator told CNN she would vote no. Fox News Digital has reached out to her office. "
        "The Guardian understands the letter was sent; Guardian reporters saw it. "
        "The times have changed, the Times reported, and NYT editors agreed. An AP count showed it; an ap-style guide. "
        "Fox said so, while a fox ran past."
    )
    assert anon(text) == (
        "The senator told Outlet A she would vote no. Outlet B has reached out to her office. "
        "Outlet C understands the letter was sent; Outlet C reporters saw it. "
        "The times have changed, Outlet D reported, and Outlet D editors agreed. An Outlet E count showed it; an ap-style guide. "
        "Outlet B said so, while a fox ran past."
    )
