"""Outlet facts in a comparison, blindspots and framing over time, on articles written here."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import framing
from framing.comparison.comparison import compare
from framing.comparison.outlets import blindspot_table, blindspots, outlet_table, with_outlet_facts
from framing.comparison.over_time import main_actors, over_time
from framing.comparison.stats import bootstrap_ci
from framing.errors import UnknownFieldError
from framing.inputs.outlet_registry import load_outlets
from framing.types import Article, ArticleResult

TEXT = "Officials said on Monday that the talks would continue next week. Markets rose after the news."


def _result(aid: str, outlet: str | None, *, published: str | None = None, url: str | None = None, meta: dict | None = None,
            rate: float = 0.0, mentions: tuple = ()) -> ArticleResult:
    """An analysed article made by hand: one marker at ``rate``; China mentioned with ``mentions``
    as ``(score, voice)`` pairs."""
    article = Article(aid, TEXT, title=f"Title {aid}", outlet=outlet, published=published, url=url, meta=dict(meta or {}))
    actors = ()
    if mentions:
        ms = [{"score": s, "sentiment": "positive" if s > 0 else "negative", "voice": v} for s, v in mentions]
        actors = ({"actor": "china", "name": "China", "type": "state", "mentions": ms, "n_mentions": len(ms)},)
    return ArticleResult(article, 2, 20, 20, markers={"registers.marxist": {"count": 1, "rate": rate, "all_rate": rate + 1}}, actors=actors)


def test_articles_get_their_outlets_facts_and_user_metadata_wins() -> None:
    """By name, alias or URL; an unknown outlet gets none; a metadata column of the same name is kept."""
    reg = load_outlets()
    rs = [
        _result("a", "Xinhua"),
        _result("b", "Some Aggregator", url="https://www.rt.com/news/1"),
        _result("c", "The Meridian Wire"),
        _result("d", "BBC", meta={"country": "Britain (as coded by me)"}),
    ]
    out = with_outlet_facts(rs, reg)
    assert out[0].article.meta == {"country": "China", "ownership": "state-affiliated", "wire": "wire service", "language": "zh", "registry_outlet": "Xinhua News Agency"}
    assert out[1].article.meta["registry_outlet"] == "RT" and out[1].article.meta["ownership"] == "state-affiliated"
    assert out[2].article.meta == {}
    assert out[3].article.meta["country"] == "Britain (as coded by me)" and out[3].article.meta["ownership"] == "public"
    assert rs[0].article.meta == {}  # the given results are not changed
    table = outlet_table(out, reg)
    assert table["outlet"].iloc[0] == "The Meridian Wire"  # unknown outlets first
    assert table.set_index("outlet").loc["Some Aggregator", "matched_by"] == "url"
    assert table.set_index("outlet")["registry_outlet"].isna().tolist() == [True, False, False, False]


def test_blindspot_table_counts_outlets_of_each_kind_per_story() -> None:
    """Per story: outlets of each ownership type, the types that never covered it; a story of one
    outlet is left out, a copy is not counted, unknown outlets are counted but never a blindspot."""
    reg = load_outlets()
    rs = with_outlet_facts([
        _result("1", "Xinhua", published="2026-03-02"), _result("2", "RT", published="2026-03-01"), _result("3", "Reuters", published="2026-03-02"),
        _result("4", "Global Times"), _result("5", "Fox News"),
        _result("6", "CNN"), _result("7", "The Meridian Wire"),
        _result("8", "NPR"),
    ], reg)
    stories = [0, 0, 0, 1, 1, 2, 2, 3]
    table = blindspot_table(rs, stories)
    assert list(table["story"]) == [0, 1, 2]  # story 3 has one outlet
    assert list(table.columns[7:]) == ["nonprofit", "party", "private", "state-affiliated", "(unknown)"]
    first = table.iloc[0]
    assert (first["state-affiliated"], first["private"], first["party"], first["nonprofit"]) == (2, 1, 0, 0)
    assert first["never_covered_by"] == "nonprofit, party" and first["published"] == "2026-03-01"
    last = table.set_index("story").loc[2]
    assert last["(unknown)"] == 1 and "(unknown)" not in last["never_covered_by"]
    by_country = blindspot_table(rs, stories, by="country")
    assert by_country.set_index("story").loc[0, "Russia"] == 1


def test_compare_groups_by_an_outlet_fact_and_lists_the_fields() -> None:
    """by="ownership" groups articles by their outlets' ownership, unknown outlets in "(unknown)";
    a typo lists the registry's fields; grouping by a fact no outlet has is "(unknown)", not an error."""
    arts = [
        Article("x1", "Xi Jinping said China would respond to the tariffs.", outlet="Xinhua"),
        Article("x2", "Officials said the talks with Canada would go on.", outlet="Reuters"),
        Article("x3", "The minister said the deal was good for farmers.", outlet="The Meridian Wire"),
    ]
    results = framing.analyze(arts, sentiment=None, progress=False)
    comp = compare(results, by="ownership", n_boot=50, n_perm=50)
    assert comp.sizes == {"state-affiliated": 1, "private": 1, "(unknown)": 1}
    assert comp.unknown_outlets == ["The Meridian Wire"]
    assert "outlets" in comp.tables() and "over_time" not in comp.tables()
    assert comp.blindspots.empty  # no story covered by two outlets
    with pytest.raises(UnknownFieldError) as err:
        compare(results, by="ownrship", n_boot=50, n_perm=50)
    for field in ("ownership", "country", "wire", "language", "registry_outlet"):
        assert field in str(err.value)
    only_unknown = compare([results[2]], by="wire", n_boot=50, n_perm=50)
    assert only_unknown.groups == ["(unknown)"]


def test_user_registry_file_reaches_the_comparison(tmp_path: Path) -> None:
    """compare(outlets=FILE) uses the user's facts: a new outlet is known, a built-in one overridden."""
    p = tmp_path / "mine.toml"
    p.write_text(
        '[registry]\nname = "mine"\nversion = "1"\n[outlets.meridian]\nname = "The Meridian Wire"\nownership = "cooperative"\nsource = "https://example.org/m"\n',
        encoding="utf-8",
    )
    results = framing.analyze([Article("m", "Officials said the talks would go on.", outlet="Meridian Wire")], sentiment=None, progress=False)
    comp = compare(results, by="ownership", outlets=p, n_boot=50, n_perm=50)
    assert comp.groups == ["cooperative"] and comp.unknown_outlets == []


def test_over_time_means_and_intervals_by_month_and_outlet() -> None:
    """Marker rates: the mean of each outlet's articles of each month, with the bootstrap interval
    of the same values; one article has no interval; undated articles are left out and counted;
    actors: own-voice mentions only, averaged within each article first."""
    rs = [
        _result("a1", "A", published="2026-01-05", rate=2.0, mentions=((0.5, "outlet"), (-1.0, "quote"), (0.1, "outlet"))),
        _result("a2", "A", published="2026-01-20", rate=4.0, mentions=((-0.4, "outlet"),)),
        _result("a3", "A", published="2026-03-02", rate=1.0),
        _result("b1", "B", published="2026-01-11", rate=6.0, mentions=((-0.8, "outlet"),)),
        _result("u1", "B", rate=99.0),
    ]
    table = over_time(rs, n_boot=200)
    assert table.attrs["undated"] == 1 and table.attrs["series_field"] == "outlet"
    m = table[(table.kind == "marker") & (table.key == "registers.marxist")].set_index(["series", "month"])
    assert m.loc[("A", "2026-01"), "mean"] == pytest.approx(3.0) and m.loc[("A", "2026-01"), "n"] == 2
    assert (m.loc[("A", "2026-01"), "ci_low"], m.loc[("A", "2026-01"), "ci_high"]) == pytest.approx(bootstrap_ci(np.array([2.0, 4.0]), n_boot=200))
    assert m.loc[("A", "2026-03"), "ci_low"] is None or math.isnan(m.loc[("A", "2026-03"), "ci_low"])
    assert m.loc[("B", "2026-01"), "mean"] == pytest.approx(6.0)
    a = table[(table.kind == "actor") & (table.key == "china")].set_index(["series", "month"])
    assert a.loc[("A", "2026-01"), "mean"] == pytest.approx(((0.5 + 0.1) / 2 - 0.4) / 2)  # the quoted -1.0 is the source's
    assert a.loc[("A", "2026-01"), "n"] == 2 and ("A", "2026-03") not in a.index
    assert main_actors(rs) == [("china", "China")]
    all_words = over_time(rs, voice="all", n_boot=50)
    assert all_words[(all_words.kind == "marker") & (all_words.series == "B")]["mean"].iloc[0] == pytest.approx(7.0)


def test_by_published_draws_a_line_per_outlet_and_compare_adds_the_table() -> None:
    """Grouped by month, the series are outlets; compare(by="published") adds the table by itself."""
    rs = [_result("a", "A", published="2026-01-05", rate=1.0), _result("b", "B", published="2026-02-05", rate=2.0)]
    table = over_time(rs, by="published", n_boot=50)
    assert set(table["series"]) == {"A", "B"} and table.attrs["series_field"] == "outlet"


def test_blindspots_api_finds_stories_itself() -> None:
    """framing.blindspots on analysed articles: two outlets reporting one event make one story."""
    text = "Canada and China signed a trade accord in Beijing on Thursday, Prime Minister Mark Carney said, as Washington threatened tariffs on Canadian steel."
    arts = [
        Article("1", text, title="Canada and China sign accord", outlet="Xinhua", published="2026-03-13"),
        Article("2", text.replace("signed", "agreed"), title="Canada, China agree accord", outlet="CBC", published="2026-03-13"),
    ]
    table = blindspots(framing.analyze(arts, sentiment=None, progress=False))
    assert len(table) == 1
    assert table.iloc[0]["state-affiliated"] == 1 and table.iloc[0]["public"] == 1 and table.iloc[0]["never_covered_by"] == ""
