"""Outlet names from domains, and one key for the spellings of one outlet."""

from __future__ import annotations

import pytest

from framing.inputs.outlets import outlet_from_domain, outlet_key


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("https://us.politsturm.com/2026/02/x", "Politsturm"),
        ("http://us.politsturm.com", "Politsturm"),
        ("edition.cnn.com", "CNN"),
        ("cnn.com", "CNN"),
        ("https://www.bbc.co.uk/news/world", "BBC"),
        ("www.theguardian.com", "The Guardian"),
        ("english.news.cn", "Xinhua"),
        ("meridianwire.example", "Meridianwire"),
        ("https://www.valleycourier.co.uk/local/x", "Valleycourier"),
        ("redledger.example:8080/path", "Redledger"),
    ],
)
def test_outlet_from_domain(host, expected):
    """Known domains map to their outlet names; others to the capitalised domain label."""
    assert outlet_from_domain(host) == expected


def test_outlet_key_groups_spellings():
    """Spellings of one outlet share a key; different outlets do not."""
    same = ["The Meridian Wire", "Meridian Wire", "meridianwire", "Meridianwire", "meridianwire.example", "https://www.meridianwire.example/world/x", " MERIDIAN-WIRE "]
    assert {outlet_key(s) for s in same} == {"meridianwire"}
    assert outlet_key("The Red Ledger") != outlet_key("Meridian Wire")
    assert outlet_key("Theatre Weekly") == "theatreweekly"  # only a leading word "the" is dropped
