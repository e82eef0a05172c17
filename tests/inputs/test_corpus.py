"""Corpus-level steps: duplicate flagging, preference for originals, outlet reconciliation."""

from __future__ import annotations

import pytest

import framing
from framing.inputs.corpus import Corpus, DuplicateFinder, flag_duplicates, reconcile_outlets
from framing.types import Article, LoadError

WIRE = [
    "City officials approved a plan on Tuesday to turn the disused rail yard beside the river into a park with playing fields, a market hall and space for two hundred homes.",
    "The plan, which has been debated for almost a decade, will cost about forty million dollars over six years, according to figures released by the planning office.",
    "Supporters said the park would give the crowded east side its first large green space, while opponents warned that the housing would not be affordable for most families.",
    "Construction is expected to begin next spring once a contractor has been chosen, and the first playing fields could open the following summer if the weather holds.",
    "A local teacher who has campaigned for the park since 2018 said she was relieved, adding that children in the area had nowhere safe to play after school.",
    "The planning office said it would publish a detailed timetable within a month and hold two public meetings before any work starts on the site.",
    "Councillors also voted to keep the old signal box as a small museum, after a petition gathered more than three thousand signatures in a single week.",
    "The city will seek a grant from the regional transport fund to pay for a new footbridge linking the park to the station on the far bank.",
]

# the same story on another site: one paragraph dropped, one sentence reworded
COPY = list(WIRE)
del COPY[4]
COPY[1] = "According to figures from the planning office, the plan will cost roughly forty million dollars over six years after nearly a decade of debate."

UNRELATED = [
    "The regional orchestra announced its new season on Friday, with a programme built around composers who wrote for small village bands in the last century.",
    "Tickets go on sale next week, and the orchestra said it would keep prices for students at the same level as last year despite rising costs for the hall.",
    "The conductor said she hoped the season would bring in listeners who had never been to a concert, and that several performances would take place outdoors.",
    "A series of free lunchtime recitals in the library will run from October, featuring young players from the music school on the hill above the town.",
]

ANOTHER = [
    "Heavy snow closed the mountain pass for the second time this month, leaving lorry drivers stranded in the valley towns overnight while ploughs cleared the road.",
    "Police said no one had been hurt but urged travellers to check conditions before setting out, as more snow was forecast for the weekend across the high ground.",
    "Hotels in the valley offered rooms at reduced rates to stranded drivers, and a school hall was opened with camp beds and hot food provided by volunteers.",
]


def art(id_: str, paragraphs: list[str] | str, **kw) -> Article:  # type: ignore[no-untyped-def]
    text = paragraphs if isinstance(paragraphs, str) else "\n\n".join(paragraphs)
    return Article(id=id_, text=text, **kw)


def by_id(articles: list[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def test_exact_duplicate_flagged():
    """An exact copy (even with different spacing, case and punctuation) is flagged with similarity 1.0."""
    original = art("orig", WIRE)
    copy = art("copy", "  ".join(WIRE).upper().replace(",", ""))
    out = by_id(flag_duplicates([original, copy]))
    assert out["orig"].duplicate_of is None
    assert out["copy"].duplicate_of == "orig"
    assert out["copy"].duplicate_similarity == 1.0


def test_near_duplicate_flagged():
    """The same story with one paragraph removed and one sentence reworded is a near duplicate."""
    out = by_id(flag_duplicates([art("wire", WIRE), art("site", COPY)]))
    assert out["wire"].duplicate_of is None
    assert out["site"].duplicate_of == "wire"
    assert 0.5 <= out["site"].duplicate_similarity < 1.0


def test_unrelated_articles_not_flagged():
    """Unrelated articles on different topics are never flagged, whatever their order."""
    articles = [art("wire", WIRE), art("music", UNRELATED), art("snow", ANOTHER)]
    for order in (articles, articles[::-1]):
        assert all(a.duplicate_of is None and a.duplicate_similarity is None for a in flag_duplicates(order))


def test_same_topic_different_wording_not_flagged():
    """Two articles sharing a topic and a few phrases but written separately are not duplicates."""
    other_take = [
        "A disused rail yard by the river will become a park, the city decided on Tuesday after a long and heated debate in the council chamber.",
        "Residents on the east side have asked for green space for years; the new park includes playing fields and a market hall, and some new housing.",
        "Critics in the chamber said the homes would be too expensive and that the money would be better spent on repairing existing schools and libraries.",
    ]
    out = flag_duplicates([art("wire", WIRE), art("other", other_take)])
    assert [a.duplicate_of for a in out] == [None, None]


def test_original_preferred_over_syndicated_copy_loaded_first():
    """A syndicated copy loaded before the original is the one flagged, not the original."""
    copy = art("hub", COPY, syndicated_from="Meridian Wire", outlet="Meridian Wire", republished_by="NewsHub")
    original = art("wire", WIRE, outlet="Meridian Wire")
    out = by_id(flag_duplicates([copy, original]))
    assert out["wire"].duplicate_of is None
    assert out["hub"].duplicate_of == "wire"


def test_earlier_date_preferred_then_load_order():
    """Among originals, the earlier published one is kept; with equal dates, the first loaded."""
    late = art("late", WIRE, published="2026-03-14")
    early = art("early", COPY, published="2026-03-12")
    out = by_id(flag_duplicates([late, early]))
    assert out["early"].duplicate_of is None and out["late"].duplicate_of == "early"
    out = by_id(flag_duplicates([art("first", WIRE), art("second", WIRE)]))
    assert out["first"].duplicate_of is None and out["second"].duplicate_of == "first"


def test_copy_of_a_copy_points_to_the_original():
    """Three versions of one story: both later ones point at the original, not at each other."""
    third = list(COPY)
    third[-1] = "The city hopes a regional transport grant will pay for a footbridge from the park to the station across the river."
    out = by_id(flag_duplicates([art("a", WIRE), art("b", COPY), art("c", third)]))
    assert out["a"].duplicate_of is None
    assert out["b"].duplicate_of == "a"
    assert out["c"].duplicate_of == "a"


@pytest.mark.timeout(120)
def test_many_near_copies_of_one_story_scale_linearly():
    """Thousands of near-identical short items are flagged against the first without quadratic blow-up."""
    finder = DuplicateFinder()
    hits = [finder.check(f"n{i}", f"Bulletin {i}: the harbour ferry left at dawn and was back before noon, the operator said.") for i in range(4000)]
    assert hits[0] is None
    flagged = [h for h in hits[1:] if h]
    assert len(flagged) > 3900
    assert {h[0] for h in flagged} == {"n0"}
    assert sum(len(g.ids) for g in finder._generations) < 100  # copies are not indexed: later items compare with the original only


def test_short_texts_only_exact_duplicates():
    """Texts shorter than one shingle are compared only for exact equality."""
    out = flag_duplicates([art("a", "Rain again."), art("b", "rain, again!"), art("c", "Sun today.")])
    assert [a.duplicate_of for a in out] == [None, "a", None]


def test_threshold_controls_near_duplicates():
    """A stricter threshold stops flagging a light edit that the default threshold flags."""
    articles = [art("wire", WIRE), art("site", COPY)]
    sim = by_id(flag_duplicates(articles))["site"].duplicate_similarity
    assert by_id(flag_duplicates(articles, threshold=min(1.0, sim + 0.05)))["site"].duplicate_of is None


def test_outlet_spellings_reconciled():
    """Spellings of one outlet from domains, sidecars and pages are shown under the readable one."""
    articles = [
        art("a", "one", outlet="meridianwire.example"),
        art("b", "two", outlet="Meridianwire"),
        art("c", "three", outlet="The Meridian Wire"),
        art("d", "four", outlet="Harbour Post", syndicated_from="meridianwire", republished_by="harbourpost.example"),
        art("e", "five", outlet="Valley Courier"),
        art("f", "six", outlet=None),
    ]
    out = by_id(reconcile_outlets(articles))
    assert [out[k].outlet for k in "abc"] == ["The Meridian Wire"] * 3
    assert out["d"].syndicated_from == "The Meridian Wire"
    assert out["d"].outlet == "Harbour Post" and out["d"].republished_by == "Harbour Post"
    assert out["e"].outlet == "Valley Courier"
    assert out["f"].outlet is None
    assert out["e"] is articles[4]  # untouched articles are not copied


def test_reconcile_prefers_the_frequent_human_spelling():
    """Between two human-written spellings, the more frequent one wins."""
    articles = [art("a", "x", outlet="Red Ledger"), art("b", "y", outlet="The Red Ledger"), art("c", "z", outlet="The Red Ledger")]
    assert {a.outlet for a in reconcile_outlets(articles)} == {"The Red Ledger"}


def test_load_applies_reconciliation_and_flags(tmp_path):
    """framing.load reconciles outlet spellings across files and flags copies across formats."""
    (tmp_path / "wire.txt").write_text("[meridianwire.example](https://meridianwire.example)\n\nRail yard park approved\n\n" + "\n\n".join(WIRE))
    (tmp_path / "wire2.jsonl").write_text('{"text": "' + " ".join(COPY) + '", "outlet": "The Meridian Wire"}\n')
    corpus = framing.load(tmp_path)
    assert corpus.errors == []
    assert corpus.outlets == ["The Meridian Wire"]
    assert corpus["wire2:1"].duplicate_of == "wire"


def test_corpus_sequence_behaviour():
    """A Corpus is a sequence of articles with errors attached; indexing by id and slicing work."""
    err = LoadError("bad.txt", "empty file")
    corpus = Corpus.from_stream([art("a", WIRE, outlet="Meridian Wire"), err, art("b", UNRELATED, outlet="Valley Courier")])
    assert len(corpus) == 2 and [a.id for a in corpus] == ["a", "b"]
    assert corpus.errors == [err]
    assert corpus["b"].outlet == "Valley Courier"
    assert corpus[0].id == "a"
    with pytest.raises(KeyError):
        corpus["missing"]
    assert isinstance(corpus[:1], Corpus) and len(corpus[:1]) == 1 and corpus[:1].errors == [err]
    assert corpus.outlets == ["Meridian Wire", "Valley Courier"]
    assert repr(corpus) == "Corpus(2 articles, 2 outlets, 1 errors)"
    frame = corpus.to_frame()
    assert list(frame["id"]) == ["a", "b"] and "n_chars" in frame and "meta" not in frame


def test_corpus_html_repr_escapes():
    """The notebook view of a corpus escapes titles and error messages."""
    corpus = Corpus([art("a", WIRE, title="<b>bold</b> claim")], [LoadError("<x>.txt", "empty file")])
    html = corpus._repr_html_()
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<x>.txt" not in html


def test_duplicate_window_forgets_old_articles():
    """A copy further back than the window is not found; within the window it is."""
    finder = DuplicateFinder(window=10)
    story = "The harbour ferry left at dawn and was back before noon, the operator said on Friday."
    assert finder.check("first", story) is None
    for i in range(30):
        finder.check(f"other{i}", f"Unrelated item number {i} about gardens, rain and the price of {i} apples at market.")
    assert finder.check("late-copy", story) is None  # forgotten: bounded memory
    assert finder.check("next", "Something new entirely, about bridges and rivers and town councils.") is None
    assert finder.check("near", "Something new entirely, about bridges and rivers and town councils!")[0] == "next"
