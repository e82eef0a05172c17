"""Illustrative articles for the classroom tests. Every text here was written for these tests and
describes no real event: the town of Port Alder, its ferry pier, its orchard fair, the people and
the outlets (the Harbour Herald, the Valley Courier, the Alder Gazette) are invented. Where a test
needs a real outlet's name ("told CNN", "(AP Photo/...)"), only the name is real; the sentences
around it are invented too."""

from __future__ import annotations

from framing.types import Article

#: Two outlets on one invented event: the Port Alder council's vote on a new ferry pier.
PIER_HERALD = (
    "The Port Alder town council voted six to three on Tuesday to build a new ferry pier at the north harbour, "
    "ending a two-year dispute over the cost of the project.\n\n"
    "Mayor Lena Ostrowski said the pier would cut the crossing to the mainland by twenty minutes. "
    "Opponents on the council warned that the ferry pier budget of 14 million dollars could grow.\n\n"
    "Construction of the pier is due to start in the spring, the council said."
)
PIER_COURIER = (
    "A divided Port Alder council pushed through a costly new ferry pier on Tuesday, brushing aside warnings "
    "from residents of the north harbour.\n\n"
    "Councillor Bram Teodoru, who voted against the pier, said the 14 million dollar budget was a reckless gamble "
    "with taxpayers' money. Mayor Lena Ostrowski insisted the ferry crossing would be faster.\n\n"
    "Work on the pier at the north harbour starts in the spring."
)
#: A different invented event in the same town.
ORCHARD_FAIR = (
    "Thousands of visitors tasted cider and pressed apples at the Alder Valley orchard fair on Saturday, "
    "where a family farm from the hills won the prize for the best heritage apple.\n\n"
    "Growers said a mild autumn had given them the sweetest harvest in a decade, and the fair's organisers "
    "plan a second weekend of tastings next year."
)


def pier_articles(*, second_published: str = "2026-03-11", third: str | None = None) -> list[Article]:
    """The two pier articles (the Herald on 2026-03-10), and the orchard fair article when
    ``third`` gives its date."""
    arts = [
        Article(id="herald-pier", text=PIER_HERALD, title="Council approves north harbour ferry pier", outlet="Harbour Herald", published="2026-03-10"),
        Article(id="courier-pier", text=PIER_COURIER, title="Costly pier forced through despite residents' fears", outlet="Valley Courier", published=second_published),
    ]
    if third:
        arts.append(Article(id="gazette-fair", text=ORCHARD_FAIR, title="Heritage apple wins at orchard fair", outlet="Alder Gazette", published=third))
    return arts
