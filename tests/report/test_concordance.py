"""Uses in context in the HTML report: every term, marker and actor the page shows opens its uses
(left / use / right, article, group), capped and counted, escaped, in Chromium; and the report's
term plot is chosen with --term-plot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import framing
from framing import report
from framing.cli.app import main
from framing.comparison.comparison import compare
from framing.report.concordance import report_concordance
from framing.types import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _chromium import CHROMIUM, Browser

EVIL = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"


def _articles() -> list[Article]:
    """Invented articles; one outlet's text and title carry hostile markup."""
    red = (
        "The imperialist powers tighten their grip. Imperialism, the paper says, explains the tariff. "
        f"Mark Carney met the ruling class in Ottawa. {EVIL} The imperialist order shakes."
    )
    wire = "Officials said in a statement that talks on the tariff continue. Mark Carney said Canada would respond."
    return [
        Article("r1", red, title=f"Red one {EVIL}", outlet="Red Banner", published="2026-03-13"),
        Article("r2", "Imperialism again: the imperialist bloc and the tariff war. Carney spoke.", title="Red two", outlet="Red Banner"),
        Article("w1", wire, title="Wire one", outlet="Wire Daily", published="2026-03-13"),
        Article("w2", "Officials said in a statement the tariff would stay. Markets were calm.", title="Wire two", outlet="Wire Daily"),
    ]


@pytest.fixture(scope="module")
def comparison():  # type: ignore[no-untyped-def]
    return compare(framing.analyze(_articles(), sentiment=None, progress=False), n_boot=50, n_perm=50)


def test_uses_are_the_counted_evidence_capped_and_counted(comparison) -> None:  # type: ignore[no-untyped-def]
    """A marker's uses are its stored matches, an actor's its mentions, a term's the words it was
    counted from; each keeps at most ``cap`` uses, in turn from each group, and counts them all."""
    marxist = [(r, m) for r in comparison.results for m in r.matches if f"{m.lexicon}.{m.category}" == "registers.marxist"]
    assert len(marxist) >= 3
    data = report_concordance(comparison, markers=[("registers.marxist", "Marxist")], actors=["Mark Carney"], terms=["tariff"], cap=2)
    m = data["entries"]["m:registers.marxist"]
    assert m["label"] == "Marxist" and m["total"] == len(marxist) and len(m["rows"]) == 2
    assert {row[2] for row in m["rows"]} <= {r.article.text[x.start : x.end] for r, x in marxist}
    carney = data["entries"]["a:Mark Carney"]
    mentions = sum(len(x["mentions"]) for r in comparison.results for x in r.actors if x["name"] == "Mark Carney")
    assert carney["total"] == mentions >= 2
    tariff = data["entries"]["t:tariff"]
    assert tariff["total"] == 4
    groups = [data["articles"][r[0]][1] for r in tariff["rows"]]
    assert sorted(groups) == ["Red Banner", "Wire Daily"]  # in turn from each group, not the first two found
    left, match, right = tariff["rows"][0][1:4]
    assert match == "tariff" and left and right


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (run scripts/install-test-tools)")
def test_report_opens_uses_in_context_in_chromium(tmp_path: Path, comparison) -> None:  # type: ignore[no-untyped-def]
    """A click on a marker in a profile table, a highlighted word, a distinctive term, an actor and
    a dot of the term plot each opens its uses; hostile text from an article is shown, never run."""
    page = tmp_path / "report.html"
    report.html(comparison, page)
    with Browser(height=1000) as b:
        b.open(page.as_uri(), ready="document.querySelector('.termplot[data-ready]') !== null")
        panel = "document.querySelector('.kwic-panel')"
        for selector in ('[data-kwic="m:registers.marxist"]', 'mark[data-kwic="m:registers.marxist"]', '[data-kwic="t:tariff"]', '[data-kwic="a:Mark Carney"]'):
            b.eval(f"{panel}.hidden = true")
            b.click_selector(selector)
            assert b.eval(f"{panel}.hidden") is False, selector
            rows = b.eval("[...document.querySelectorAll('.kwic-body tr')].map(r => r.innerText)")
            assert rows and all("\t" in r for r in rows), (selector, rows)
            assert b.eval("document.querySelector('.kwic-note').textContent").startswith("Showing ")
        assert b.eval("document.querySelector('.kwic-title').textContent") == "Mark Carney"
        shown = b.eval("document.querySelector('.kwic-body').innerText")
        assert "<script>window.__pwned = 1</script>" in shown  # in the context and the title, as text
        b.send("Input.dispatchKeyEvent", type="keyDown", key="Escape", code="Escape", windowsVirtualKeyCode=27)
        assert b.eval(f"{panel}.hidden") is True
        b.eval("document.querySelector('.tp-canvas').scrollIntoView({block: 'start'})")
        x, y = b.eval("window.framingTermPlots[0].position('tariff')")
        b.click(x, y)
        assert b.eval("document.querySelector('.kwic-title').textContent") == "tariff"
        assert b.eval("window.__pwned === undefined") is True
        assert b.eval("document.querySelectorAll('img').length") == 0
        assert not b.errors, b.errors


def test_term_plot_option_of_the_report_command(tmp_path: Path) -> None:
    """'framing report --term-plot A' plots A against the rest, two names one against the other,
    --no-term-plot leaves it out; three names or an unknown one is a usage error."""
    out = tmp_path / "run"
    framing.analyze(_articles(), sentiment=None, progress=False).to_jsonl(out.with_suffix(".jsonl"))
    out.mkdir()
    out.with_suffix(".jsonl").rename(out / "articles.jsonl")
    assert main(["report", str(out), "--term-plot", "Red Banner"]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Term plot: Red Banner and the rest" in html
    assert main(["report", str(out), "--term-plot", "Wire Daily,Red Banner"]) == 0
    assert "Term plot: Wire Daily and Red Banner" in (out / "report.html").read_text(encoding="utf-8")
    assert main(["report", str(out), "--no-term-plot"]) == 0
    assert 'class="termplot"' not in (out / "report.html").read_text(encoding="utf-8")
    assert main(["report", str(out), "--term-plot", "Red Banner,Wire Daily,Other"]) == 2
    assert main(["report", str(out), "--term-plot", "Red Baner"]) == 2
