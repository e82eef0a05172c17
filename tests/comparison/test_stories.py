"""Same-story grouping: pieces of one event in different lengths and registers are one story, other
events (the same topic the same week, or the same people a year later) are not.

Every article text in this file was written for these tests; the event, the people and the outlets
are invented (illustrative, not real news).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from framing.comparison import stories
from framing.comparison.stories import group_vectors, same_story_groups, story_links
from framing.comparison.story_text import article_names, article_words, casing_table, story_vectors
from framing.errors import OptionError
from framing.types import Article, ArticleResult

# --- one invented event told three ways (illustrative) -----------------------------------------

WIRE_TITLE = "Chile and South Korea sign lithium-for-buses tariff deal"
WIRE = """SEOUL, May 14 (Meridian Wire) - Chile and South Korea signed a trade agreement on Thursday that cuts Korean tariffs on Chilean lithium carbonate and copper cathodes and opens Chile's public transport market to Korean electric buses, officials said.

Chilean Trade Minister Marisol Ferrer and Korean Industry Minister Han Seo-yeon signed the accord at a ceremony in Seoul. Under the deal, South Korea will remove its 8% duty on lithium carbonate and halve the tariff on copper cathodes to 1.5% from July 1. Chile will drop its 6% tariff on electric buses and battery packs made in Korea.

"This agreement gives our lithium a secure buyer and our cities cleaner buses," Ferrer told reporters after the signing. Han said the deal would "stabilise the supply of battery minerals for Korean industry for a decade."

The accord still needs approval by Chile's Congress. Rodrigo Paredes, president of the Federación Minera del Norte, the copper miners' union, said workers would study the text before taking a position.

Chile exported $2.1 billion of lithium products to South Korea last year, according to its central bank. Korean carmakers have been seeking long-term supplies of battery minerals outside China."""

OPED_TITLE = "What my grandfather's copper would say about the Seoul deal"
OPED = """My grandfather spent thirty-one years underground in the north, and he used to say that every ton of ore that left the port carried a little of the town with it. He did not live to see electric buses, or a world in which the stuff under the Atacama would be fought over by carmakers on the other side of the Pacific. I thought of him this week, when Marisol Ferrer stood in a hall in Seoul and signed away the duties on our lithium.

I should admit that I am not a neutral reader of trade agreements. I grew up on stories of strikes and company stores, of the foremen who came down from the capital in good shoes and left before the dust settled on them. My mother taught school in a town that no longer exists; the company closed the pit, the families moved to the coast, and the school became a warehouse for drilling equipment. When people talk to me about efficiency, I think of that warehouse, of its broken windows and of the swings that nobody took away.

Let me say first what I like about what Ferrer brought home. For most of my life, this country has sold raw rock and bought back finished goods at ten times the price. A nation that exports concentrate and imports batteries has accepted its place at the bottom of somebody else's ladder. If the accord means that battery makers build plants here rather than simply fill ships, it will be the best thing anyone in her job has done in a generation.

But that is a large if, and the text published so far does not contain it. It says nothing about refining, nothing about assembly, nothing about the technicians my grandfather's great-grandchildren might become. In return we open our streets to vehicles that our cities badly need but which will be built in Ulsan, not in Calama.

We have been here before. In the nineties every agreement was sold to us as a staircase, and most of them turned out to be a slide. The fruit exporters did well, the forestry companies did well, and the towns of the desert kept sending their wealth away. Economists will tell you that comparative advantage is not a moral question. My grandfather would have told you that it is a question of who gets to decide, and of who is in the room when the deciding is done.

I also remember the first time I rode a bus that did not shake. It was in a European city, on a university exchange, and I was embarrassed by how much it moved me: the silence, the clean air at the stop, the old woman beside me reading without holding on. Our capital has been buying such buses for some years now, and the regions are still waiting. If the price falls, the waiting may end sooner, and I will not pretend that matters less than a refinery. People breathe in the provinces too.

There is also the matter of water. Brine is pumped from beneath salt flats in one of the driest places on earth, and the communities around the salar have warned for years that the aquifers are falling. A bargain that promises foreign industry "a decade" of supply, as Han put it, ought to say how much water that decade will cost, and who will pay for it. It does not. Nobody in the capital seems to have asked the farmers of Toconao, whose terraces were old when the first mine opened.

Then there is the ocean itself. For a century our commerce looked north, to the United States, and east, to Europe. Now the ships go west, to Shanghai, to Yokohama, to Busan, and the old arguments about dependency come back in new clothes. Whoever buys the raw material sets the terms; whoever owns the technology keeps the profit. That was true of nitrate in my great-grandfather's time and of copper in my grandfather's, and there is no law of nature that says it must be true in mine.

None of this means the legislature should say no. It means the legislature should do its job. Paredes and the miners have asked to read the text before taking a side, which is more than many of our senators seem willing to do. Ferrer should publish every annex, and the government should attach to ratification a plan for refining at home, with dates and with money.

My grandfather kept a lump of ore on the kitchen shelf, green at the edges, and he would hand it to us children and ask what it was worth. The right answer, he said, was always: it depends on who makes something out of it. The other side has made its offer. Whether we make something out of it is up to us."""

SOCIALIST_TITLE = "Seoul accord: the bourgeoisie sells the Atacama to foreign monopolies"
SOCIALIST = """The accord signed on Thursday by Marisol Ferrer and Han Seo-yeon is being celebrated by the bourgeois press as a victory for "green development". It is nothing of the kind. It is a bargain between the export bourgeoisie of Santiago and the battery monopolies of Seoul, struck over the heads of the workers who dig the ore.

The raw material leaves, the finished commodity returns, and the surplus value produced by miners in Antofagasta and Calama is realised in Ulsan. This is the old colonial division of labour dressed in the language of the energy transition, and the ruling class of both shores has every reason to applaud it.

Behind the bargain stands the sharpening rivalry between the imperialist blocs over battery minerals. Seoul's capitalists, squeezed between their American patron and their rivals in Beijing, are securing supply for their carmakers; the local capitalists are happy to act as the quarry. Neither asked the communities of the salt flats, whose water is pumped away for brine.

The history of the north is written in such exchanges. Nitrate made fortunes in London; copper made fortunes in New York until the mines were nationalised, and then made fortunes again for the transnational companies that returned under the dictatorship and stayed under the governments that followed it. Each time the workers were promised development, and each time the ships left full and the towns stayed poor. The reformist parties now speak of "sovereign industrialisation", but a bourgeois state that signs away its duties to a foreign monopoly has already answered the question of sovereignty.

Ferrer told journalists that the deal gives "our lithium a secure buyer". Whose lithium? The mines are owned by private consortiums, and the profits go to shareholders, not to the proletariat of the north. Rodrigo Paredes of the Federación Minera del Norte has rightly refused to endorse a text the union has not seen.

Nor should workers be misled by the rhetoric of climate. The capitalists of every country have discovered that the energy transition is a market, and markets must be divided. Clean buses for the bourgeois districts, brine for foreign batteries, dry wells for the Atacama communities: this is what green capitalism looks like from below.

Workers must demand the publication of every annex, the nationalisation of the mines under workers' control, and the rejection of the accord unless it guarantees refining and jobs at home. The struggle for the Atacama is a struggle against capital on both shores of the Pacific."""

# --- the same topic, the same week, another event (illustrative) --------------------------------

OTHER_TITLE = "Canada and Mexico settle steel quota dispute"
OTHER = """OTTAWA, May 13 (Meridian Wire) - Canada and Mexico settled a two-year dispute over steel quotas on Wednesday, agreeing to lift the tariffs each had imposed on the other's rolled steel and rebar, trade officials said.

Canadian Trade Minister Claire Dubois and Mexican Economy Secretary Arturo Villaseñor announced the settlement in Ottawa after a third round of talks. Mexico will end its 15% tariff on Canadian rolled steel, and Canada will remove its quota on Mexican rebar from June 1.

"This closes a dispute that cost steelworkers on both sides," Dubois said. Villaseñor said the agreement showed that "partners can settle their differences without a panel."

The Canadian Steel Producers Association welcomed the deal. The two countries traded about $4 billion of steel last year, according to Statistics Canada."""


# other trade news of the same weeks, so that "tariff", "minister" and "deal" are common words in
# the corpus, as they are in any real collection of trade coverage (illustrative)
BACKGROUND = [
    ("Brazil and the EU agree beef quota after tariff talks", "BRUSSELS, May 12 - Brazil and the European Union agreed on Tuesday to raise the tariff-free quota for Brazilian beef, the EU trade commissioner's office said. Brazil's agriculture minister Helena Barbosa said the deal would help ranchers in Mato Grosso. Farm groups in France and Ireland protested against the quota outside the Commission's offices."),
    ("Japan and Australia sign hydrogen supply pact", "TOKYO, May 15 - Japan and Australia signed a ten-year hydrogen supply agreement on Friday. Australian Resources Minister Tom Whitlock said the first shipments of liquefied hydrogen from Victoria would leave in 2028. Japanese utilities will buy the fuel at a guaranteed price, and Japan will cut its tariff on Australian ammonia."),
    ("India cuts whisky tariff in trade deal with Britain", "NEW DELHI, May 11 - India will cut its tariff on Scotch whisky to 75% from 150% under a trade agreement with Britain, officials said on Monday. Indian Commerce Minister Priya Raghavan said Indian textile and leather exporters would gain duty-free access to the British market in return. Distillers in Scotland welcomed the deal."),
    ("Kenya seeks duty-free access for textiles in talks with Washington", "NAIROBI, May 16 - Kenya's trade minister Daniel Mwangi said on Saturday that talks with the United States on duty-free access for Kenyan textiles were close to a deal. Garment factories in the export zones near Mombasa employ about 60,000 people, most of them women, and depend on the American market."),
    ("Vietnam raises tariff on imported steel coil", "HANOI, May 14 - Vietnam raised its tariff on imported hot-rolled steel coil to 12% on Thursday, the industry ministry said, after complaints from domestic mills that cheap imports were undercutting them. Steel traders in Ho Chi Minh City said prices rose within hours of the announcement."),
]


def _result(aid: str, title: str, text: str, published: str | None) -> ArticleResult:
    return ArticleResult(Article(aid, text, title=title, published=published), 0, 0, 0)


def _event_corpus() -> list[ArticleResult]:
    return [
        _result("wire", WIRE_TITLE, WIRE, "2026-05-14"),
        _result("oped", OPED_TITLE, OPED, "2026-05-15"),
        _result("socialist", SOCIALIST_TITLE, SOCIALIST, "2026-05-15"),
        _result("other", OTHER_TITLE, OTHER, "2026-05-13"),
        *(_result(f"background{k}", title, text, f"2026-05-{11 + k}") for k, (title, text) in enumerate(BACKGROUND)),
    ]


def test_wire_oped_and_socialist_analysis_of_one_event_are_one_story() -> None:
    """A short wire report, a long discursive op-ed and a socialist analysis of the same deal are
    one story; a wire report of another trade deal the same week is not in it. Whole-text TF-IDF
    (the grouping before) left the op-ed and the analysis out."""
    groups = same_story_groups(_event_corpus())
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] != groups[0]


def test_the_grouping_before_missed_the_long_pieces() -> None:
    """The old method is kept (``method="tfidf"``) and still behaves as before: on the same four
    articles it does not put the op-ed with the wire report (why the default changed)."""
    groups = same_story_groups(_event_corpus(), method="tfidf")
    assert groups[1] != groups[0]


def test_same_people_a_year_apart_are_not_one_story() -> None:
    """The same report dated a year later (an anniversary piece, a follow-up) is another story,
    and a day apart the same text is one."""
    rs = [
        _result("a", WIRE_TITLE, WIRE, "2026-05-14"),
        _result("b", WIRE_TITLE, WIRE, "2027-05-14"),
        _result("c", WIRE_TITLE, WIRE, "2026-05-15"),
        _result("d", SOCIALIST_TITLE, SOCIALIST, "2027-05-15"),
    ]
    groups = same_story_groups(rs)
    assert groups[0] == groups[2]
    assert groups[1] != groups[0]
    assert groups[3] != groups[0]


def test_undated_articles_match_any_date() -> None:
    rs = [_result("a", WIRE_TITLE, WIRE, "2026-05-14"), _result("b", SOCIALIST_TITLE, SOCIALIST, None), _result("c", OTHER_TITLE, OTHER, None)]
    groups = same_story_groups(rs)
    assert groups[0] == groups[1] != groups[2]


ROUNDUP_TITLE = "Trade week: Seoul lithium accord and Ottawa steel settlement"
ROUNDUP = """Two trade agreements made news this week. In Seoul, Chile's trade minister Marisol Ferrer and Korea's industry minister Han Seo-yeon signed an accord cutting Korean tariffs on Chilean lithium carbonate and copper cathodes, while Chile lowers its tariff on Korean electric buses.

In Ottawa, Canada's trade minister Claire Dubois and Mexico's economy secretary Arturo Villaseñor settled their dispute over steel quotas: Mexico ends its tariff on Canadian rolled steel and Canada lifts its quota on Mexican rebar.

Both deals still face scrutiny at home, from Chile's Congress and from steelworkers' unions in both North American countries."""


def test_a_roundup_does_not_chain_two_stories_into_one() -> None:
    """A roundup that covers two events links to both; average linkage that asks for most pairs to
    be linked keeps the two events apart, where single linkage (the grouping before) made one
    story of both."""
    rs = [*_event_corpus(), _result("roundup", ROUNDUP_TITLE, ROUNDUP, "2026-05-15")]
    rs.append(_result("other2", "Steel dispute ends as Mexico lifts tariff on Canadian rolled steel", OTHER.replace("Wednesday", "Wednesday evening"), "2026-05-14"))
    story = dict(zip([r.article.id for r in rs], same_story_groups(rs)))
    assert story["wire"] == story["oped"] == story["socialist"]
    assert story["other"] == story["other2"]
    assert story["wire"] != story["other"]
    old = dict(zip([r.article.id for r in rs], same_story_groups(rs, method="tfidf")))
    assert old["wire"] == old["other"]  # chained through the roundup


def test_empty_and_wordless_inputs() -> None:
    assert same_story_groups([]) == []
    rs = [_result("a", "", "", None), _result("b", "", "...", "2026-01-01")]
    assert same_story_groups(rs) == [0, 1]
    assert same_story_groups(rs, method="tfidf") == [0, 1]


def test_unknown_method_is_refused() -> None:
    with pytest.raises(OptionError, match="method must be one of"):
        same_story_groups(_event_corpus(), method="embeddings")  # type: ignore[arg-type]


# --- names and words ------------------------------------------------------------------------------


def test_names_skip_sentence_openers_titles_and_headline_words() -> None:
    """"The" opening a sentence and the title-case words of a headline are not names; "Trade
    Minister" is dropped before the person; a two-word name also gives its surname; a name the
    gazetteer knows (a capital too) becomes its actor."""
    text = "The accord was signed in Seoul.\nTrade Minister Marisol Ferrer said Chile was ready. Ferrer left.\n"
    casing = casing_table([text, "The deal was agreed, the minister said, after talks."])
    names = article_names(text, casing)
    assert "the" not in names
    assert "marisol ferrer" in names and names.count("ferrer") == 2
    assert "@chile" in names and "@south_korea" in names  # "Seoul" stands for the country
    headline = article_names("Chile Strikes Tariff Deal With Korea", casing, headline=True)
    assert "strikes" not in " ".join(headline) and "deal" not in headline


def test_words_are_lower_case_content_words_without_plural_s() -> None:
    assert article_words("The tariffs on Lithium were cut; the tariff stays.") == ["tariff", "tariff", "lithium", "cut", "stay"]


def test_story_vectors_are_normalised_rows() -> None:
    X = story_vectors([WIRE_TITLE, None, ""], [WIRE, OPED, ""])
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    assert norms[:2] == pytest.approx([1.0, 1.0])
    assert norms[2] == 0.0


# --- links and clusters on vectors -----------------------------------------------------------------


def _brute_links(X: sparse.csr_matrix, dates: list[dt.date | None], floor: float, window: int) -> dict[tuple[int, int], float]:
    S = (X @ X.T).toarray()
    out = {}
    for i in range(len(dates)):
        for j in range(i + 1, len(dates)):
            s = S[i, j]
            di, dj = dates[i], dates[j]
            if di and dj:
                gap = abs((di - dj).days)
                if gap > window:
                    continue
                s *= 1 - stories.DATE_DECAY * gap / window
            if s >= floor:
                out[(i, j)] = s
    return out


def test_story_links_match_every_pair_compared() -> None:
    """Blocking by date (over several blocks, with undated rows) finds exactly the pairs a
    comparison of every pair finds, with the same similarities."""
    rng = np.random.default_rng(3)
    n = 1300
    X = sparse.random(n, 40, density=0.08, random_state=4, format="csr")
    X.data[:] = rng.random(len(X.data))
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    X = sparse.csr_matrix(X.multiply(1 / norms[:, None]))
    start = dt.date(2026, 1, 1)
    dates: list[dt.date | None] = [None if rng.random() < 0.05 else start + dt.timedelta(days=int(rng.integers(0, 120))) for _ in range(n)]
    i, j, s = story_links(X, dates, floor=0.5, window_days=5)
    found = dict(zip(zip(i.tolist(), j.tolist()), s.tolist()))
    expected = _brute_links(X, dates, 0.5, 5)
    assert found.keys() == expected.keys()
    assert [found[k] for k in expected] == pytest.approx(list(expected.values()))


def test_a_large_linked_set_is_split_before_clustering(monkeypatch: pytest.MonkeyPatch) -> None:
    """More linked rows than MAX_LINKAGE: the floor rises until the parts are small enough (or,
    for near-copies, they stay one story), and every row gets a story."""
    monkeypatch.setattr(stories, "MAX_LINKAGE", 4)
    near = [[1, 0, 0, 0], [1, 0, 0, 0], [1, 0.05, 0, 0], [1, 0.05, 0, 0]]
    other = [[0.6, 0.8, 0, 0], [0.6, 0.8, 0, 0], [0.6, 0.75, 0.1, 0]]
    rows = np.array([*near, *other, [0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 0.1, 1]])
    X = sparse.csr_matrix(rows / np.linalg.norm(rows, axis=1, keepdims=True))
    groups = group_vectors(X, [None] * len(rows), threshold=0.3)
    assert groups[0] == groups[1] == groups[2] == groups[3]
    assert groups[4] == groups[5] == groups[6] != groups[0]
    assert groups[7] not in groups[:7]
    assert groups[8] == groups[9] and groups[8] not in groups[:8]  # a set clustered after a split keeps its own story


# --- the real thing, when the data is there -------------------------------------------------------

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "article_bias" / "articles.jsonl.gz"
BENCH = Path(__file__).resolve().parents[2] / "bench" / "validate_stories.py"


@pytest.mark.skipif(not DATA.is_file(), reason=f"Article-Bias-Prediction not available: {DATA} does not exist (it lives outside the repository)")
def test_article_bias_stories_of_one_year() -> None:
    """On the stories bench/validate_stories.py builds from one year of Article-Bias-Prediction
    (train/valid outlets), the grouping finds them with a pair F1 of at least 0.85. (On so sparse a
    sample the grouping before does about as well: it chains stories on dense corpora; the
    comparison is the bench's.)"""
    spec = importlib.util.spec_from_file_location("validate_stories", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    pool = [r for r in bench.load_pool() if r["day"].year == 2016]
    part = bench.build_set(pool)["test"]
    results = bench.as_results(part["articles"])
    new = bench.score(part, same_story_groups(results))
    assert len(part["stories"]) >= 30
    assert new["f1"] >= 0.85
