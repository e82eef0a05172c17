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
