"""The interactive term plot: its statistics are the Distinctive terms table's, its uses in context
point at the words counted, bad options are clear errors, and in Chromium a click on a term opens
its uses, the search box filters, and hostile article text stays text."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from framing import report
from framing.comparison.vocabulary import distinctive_terms
from framing.errors import OptionError
from framing.report.termplot import REST, term_plot_data
from framing.types import Article, ArticleResult

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _chromium import CHROMIUM, Browser

EVIL = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"


def _articles() -> list[Article]:
    """Two invented outlets with words of their own, and a third that speaks of neither."""
    north = [
        "The Secretary of State met farmers about the tariff. The tariff hurts canola growers, the tariff board said.",
        "Canola exports fell again as the tariff took hold; the Secretary of State promised relief for canola farmers.",
        "Farmers asked the Secretary of State for help with canola prices and the harbour strike.",
    ]
    south = [
        "Markets rallied on the harbour strike ending. Investors cheered the harbour deal and markets rose.",
        "The harbour strike cost markets a week of trade, investors said, and the tariff barely figured.",
        f"Investors watched markets closely. {EVIL} The harbour reopened.",
    ]
    other = ["A quiet week of weather, gardens and the village fair, with markets for apples and pears."]
    arts = [Article(f"n{i}", t, title=f"North story {i}", outlet="North Post", published="2026-03-13") for i, t in enumerate(north)]
    arts += [Article(f"s{i}", t, title=f"South story {i} {EVIL}", outlet="South Herald", published="2026-03-14") for i, t in enumerate(south)]
    arts += [Article(f"o{i}", t, title="Fair", outlet="Village Voice") for i, t in enumerate(other)]
    return arts


def _term(data: dict, term: str) -> list:
    return next(t for t in data["terms"] if t[0] == term)


def test_counts_and_uses_point_at_the_words_counted() -> None:
    """Counts per side are the uses in each outlet's texts; a two-word term counted across a stop
    word ('secretary state') is shown with the words it was counted from."""
    data = term_plot_data(_articles(), groups=("North Post", "South Herald"), min_count=2)
    tariff = _term(data, "tariff")
    assert tariff[1:3] == [4, 1]
    sec = _term(data, "secretary state")
    assert sec[1:3] == [3, 0]
    assert [row[2] for row in sec[5]] == ["Secretary of State"] * 3
    # one use per article at most, each row's article in the right group
    assert len({row[0] for row in tariff[5]}) == len(tariff[5]) == 2
    assert all(data["articles"][row[0]][1] == "North Post" for row in tariff[5])
    assert all(data["articles"][row[0]][1] == "South Herald" for row in tariff[6])
    left, match, right = tariff[5][0][1:]
    assert match == "tariff" and left.endswith("farmers about the") and right.startswith(". The tariff")
    assert data["n_articles"] == [3, 3]


def test_against_the_rest_is_the_distinctive_terms_table() -> None:
    """One group against the rest: counts, log-odds and z of each term are those of the report's
    Distinctive terms table (same tokens, prior and statistic)."""
    arts = _articles()
    data = term_plot_data(arts, group="North Post", min_count=2)
    assert data["b"] == REST and data["n_articles"] == [3, 4]
    rs = [ArticleResult(article=a, n_sentences=0, n_tokens=0, n_words=0) for a in arts]
    groups_of = [a.outlet or "" for a in arts]
    table = distinctive_terms(rs, groups_of, list(dict.fromkeys(groups_of)), top_terms=50)
    mine = table[table["group"] == "North Post"]
    assert len(mine) >= 5
    for row in mine.itertuples():
        if row.count + row.reference_count < 2:
            continue
        t = _term(data, row.term)
        assert (t[1], t[2]) == (row.count, row.reference_count)
        assert t[3] == pytest.approx(row.log_odds, abs=1e-3) and t[4] == pytest.approx(row.z, abs=1e-2)
    assert max(t[4] for t in data["terms"]) == pytest.approx(mine.iloc[0]["z"], abs=1e-2)
    assert [data["terms"][i][4] for i in data["top_a"]] == sorted((t[4] for t in data["terms"] if t[4] >= 1.96), reverse=True)[:20]


def test_bad_options_are_clear_errors() -> None:
    """Unknown groups name the near miss; groups and group together, or neither, are refused."""
    arts = _articles()
    with pytest.raises(OptionError, match=r"North Posts.*did you mean 'North Post'"):
        term_plot_data(arts, groups=("North Posts", "South Herald"))
    with pytest.raises(OptionError, match="either groups"):
        term_plot_data(arts)
    with pytest.raises(OptionError, match="either groups"):
        term_plot_data(arts, groups=("North Post", "South Herald"), group="North Post")
    with pytest.raises(OptionError, match="two different"):
        term_plot_data(arts, groups=("North Post", "North Post"))
    with pytest.raises(OptionError, match="no rest"):
        term_plot_data([a for a in arts if a.outlet == "North Post"], group="North Post")
    with pytest.raises(OptionError, match="max_terms"):
        term_plot_data(arts, group="North Post", max_terms=0)


def test_page_is_self_contained_and_escaped(tmp_path: Path) -> None:
    """The page loads nothing from anywhere, and hostile text is never markup in it."""
    page = report.term_plot(_articles(), tmp_path / "t.html", groups=("North Post", "South Herald"), min_count=2)
    low = page.lower()
    assert low.count("<script") == 2  # the data and our code, nothing from the articles
    assert "<img" not in low and "http" not in low
    assert not re.search(r"<[a-z][^>]*\s(src|href)=", low)  # no element loads anything
    assert (tmp_path / "t.html").read_text(encoding="utf-8") == page


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (run scripts/install-test-tools)")
def test_plot_in_chromium_click_search_escape(tmp_path: Path) -> None:
    """In Chromium: the plot draws without errors, a click on a term's dot shows its uses in
    context, typing in the search box filters the terms and Enter opens the first, and hostile text
    from an article is shown as text and never runs."""
    path = tmp_path / "t.html"
    report.term_plot(_articles(), path, groups=("North Post", "South Herald"), min_count=2)
    with Browser() as b:
        b.open(path.as_uri(), ready="document.querySelector('.termplot[data-ready]') !== null")
        assert b.eval("document.querySelector('.kwic-panel').hidden") is True
        x, y = b.eval("window.framingTermPlots[0].position('canola')")
        b.click(x, y)
        assert b.eval("document.querySelector('.kwic-panel').hidden") is False
        assert b.eval("document.querySelector('.kwic-title').textContent") == "canola"
        uses = b.eval("[...document.querySelectorAll('.kwic-body tr')].map(r => r.innerText)")
        assert len(uses) == 3 and all("canola" in u.lower() and "North Post" in u for u in uses)  # one per article
        assert "Showing 3 of 4 uses" in b.eval("document.querySelector('.kwic-note').textContent")

        b.type_into(".tp-search", "harb")
        assert b.eval("[...document.querySelectorAll('.tp-result')].map(e => e.textContent)") == ["harbour", "harbour strike"]
        assert b.eval("document.querySelector('.tp-count').textContent").startswith("2 terms match")
        b.send("Input.dispatchKeyEvent", type="keyDown", key="Enter", code="Enter", windowsVirtualKeyCode=13)
        assert b.eval("document.querySelector('.kwic-title').textContent") == "harbour"
        shown = b.eval("document.querySelector('.kwic-body').innerText")
        assert "<script>window.__pwned = 1</script>" in shown  # the hostile title, as text
        assert b.eval("window.__pwned === undefined") is True
        assert b.eval("document.querySelectorAll('img').length") == 0
        b.type_into(".tp-search", "zzz")
        assert "No plotted term" in b.eval("document.querySelector('.tp-count').textContent")
        assert not b.errors, b.errors
