"""Reading dates as news pages write them."""

from __future__ import annotations

import pytest

from framing.inputs.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-12", "2026-03-12"),
        ("2026-03-12T18:40:00Z", "2026-03-12"),
        ("2026-03-12 18:40:00+01:00", "2026-03-12"),
        ("2026/3/12", "2026-03-12"),
        ("March 12, 2026", "2026-03-12"),
        ("Mar. 12, 2026", "2026-03-12"),
        ("12 March 2026", "2026-03-12"),
        ("Thu, Mar. 12, 2026", "2026-03-12"),
        ("Thursday, March 12th, 2026", "2026-03-12"),
        ("Sept. 3, 2025", "2025-09-03"),
        ("1st January 2024", "2024-01-01"),
        ("Published: Feb. 9, 2026 10:30 AM EST", "2026-02-09"),
        ("Source: Harmony Daily  Editor: Liu Qingyuan  2026-03-13", "2026-03-13"),
    ],
)
def test_parse_date_formats(value, expected):
    """Common news date formats come out as ISO dates."""
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["03/12/2026", "12/03/2026", "3/12/26", "12.03.2026"])
def test_parse_date_rejects_ambiguous_numeric(value):
    """All-numeric day/month orders are ambiguous and are not guessed."""
    assert parse_date(value) is None


@pytest.mark.parametrize("value", [None, "", "no date here", "2026-02-30", "February 30, 2026", "2026-13-01", "Smarch 12, 2026"])
def test_parse_date_rejects_non_dates(value):
    """Empty values, text without a date and impossible calendar dates give None."""
    assert parse_date(value) is None
