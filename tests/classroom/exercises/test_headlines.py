"""Exercise 1, headlines and leads: a lead starts at the article, after bylines, datelines and
promotions, even in text that reaches the worksheet uncleaned (illustrative articles)."""

from __future__ import annotations

from dataclasses import replace

import framing
from framing.classroom.worksheet import worksheet_data

from ..helpers import exercise
from ..illustrative import pier_articles


def test_leads_skip_bylines_datelines_and_promotions() -> None:
    herald, courier = pier_articles()
    arts = [
        replace(herald, text="By Jane Doe, Harbour Herald\nPORT ALDER —\n\n" + herald.text),
        replace(courier, text="CLICK HERE TO GET THE VALLEY COURIER APP\n\nYou can now listen to Valley Courier articles!\n\n"
                "PORT ALDER, March 11 (Valley Courier) - " + courier.text),
    ]
    results = framing.analyze(arts, sentiment=None, progress=False)
    leads = {it["label"]: it["lead"] for it in exercise(worksheet_data(results, level="college"), "headlines")["items"]}
    assert leads["Harbour Herald"].startswith("The Port Alder town council voted six to three")
    # the dateline opens the lead's own line: shown with it, unless outlets are anonymised
    assert leads["Valley Courier"].startswith("PORT ALDER, March 11 (Valley Courier) - A divided Port Alder council")
    anonymised = [it["lead"] for it in exercise(worksheet_data(results, level="college", anonymise=True), "headlines")["items"]]
    assert sorted(lead[:22] for lead in anonymised) == ["A divided Port Alder c", "The Port Alder town co"]
