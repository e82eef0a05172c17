"""The answer key and teacher's guide as a printable PDF (A4), from
:func:`framing.classroom.worksheet.worksheet_data`; helpers and escaping in :mod:`framing.classroom.pdf.kit`."""

from __future__ import annotations

from typing import Any

from framing.classroom.flags import legend, mark_color
from framing.classroom.pdf.kit import Kit, document, esc, footer

__all__ = ["write_answer_key_pdf"]


def write_answer_key_pdf(data: dict[str, Any], path: str) -> str:
    """Write the answer key and teacher's guide to ``path`` (A4); returns the path."""
    from reportlab.platypus import PageBreak, Spacer

    k = Kit()
    cm = k.cm
    story: list[Any] = [k.p(esc(f"Answer key: {data['title']}"), k.h1)]
    story.append(
        k.p(
            esc(f"For the teacher · {data['level_label']} · {len(data['articles'])} articles" + (" · outlets anonymised on the worksheet" if data["anonymise"] else "")),
            k.small,
        )
    )
    if data.get("premise"):
        warning = [k.p("<b>Check before class: are these articles about the same event?</b>")]
        warning += [k.p("• " + esc(w), k.cell) for w in data["premise"]]
        story.append(k.box(warning, shade="#fdf0ef", border="#b3261e"))
        story.append(Spacer(1, 6))
    story.append(
        k.p(
            esc(
                "Every answer below comes from the analysis of your articles: the words it flagged, in their sentence, with a one-line explanation. "
                "The tool can miss a word or flag one that is used plainly; where you or your students disagree, the evidence is here to discuss. "
                "A short guide to the concepts and a glossary are at the end."
            )
        )
    )
    story.append(k.p("The outlets", k.h3))
    rows: list[list[Any]] = [["On the worksheet", "Outlet", "Headline", "Reading level (whole article)"]]
    for a in data["articles"]:
        rows.append([a["label"], a["outlet"], a["title"], f"grade {a['grade'] if a['grade'] is not None else 'n/a'} · {a['words']} words"])
    story.append(k.grid(rows, [3 * cm, 3.7 * cm, k.width - 10.7 * cm, 4 * cm]))
    reveal = "; ".join(f"Outlet {r['letter']} = {r['outlet']}" for r in data["reveal"])
    story.append(k.p(esc(f"Letters used in exercise 5{' and throughout the worksheet' if data['anonymise'] else ''}: {reveal}."), k.body))
    if data["left_out"]:
        story.append(k.p(esc("Left out as copies of another article: " + "; ".join(f"{d['id']} (copy of {d['copy_of']})" for d in data["left_out"]) + "."), k.small))
    story.append(k.p(" ".join(f'<font backColor="{mark_color(c)}"><u>{esc(lab)}</u></font>' for c, lab in legend()), k.small))
    for ex in data["exercises"]:
        story.append(PageBreak())
        story.append(k.p(esc(f"Exercise {ex['number']}. {ex['title']}"), k.h2))
        story.append(k.box([k.p("<b>What it teaches.</b> " + esc(ex["teaches"]))], shade="#f4f6f9", border="#2f5d8a"))
        story.append(Spacer(1, 6))
        story.extend(_key_exercise(k, ex, cm))
    story.append(PageBreak())
    story.extend(_guide(k, data))
    doc = document(path, f"Answer key: {data['title']}")
    foot = footer(f"framing {data['provenance'].get('framing', '')} · answer key · {data['level_label']}")
    doc.build(story, onFirstPage=foot, onLaterPages=foot)
    return path


def _flaglist(k: Kit, answers: list[dict[str, Any]]) -> list[Any]:
    if not answers:
        return [k.p(esc("Nothing flagged."), k.small)]
    out = []
    for f in answers:
        line = f'<font backColor="{mark_color(f["cls"])}">{esc(f["text"])}</font> <b>{esc(f["label"])}</b>: {esc(f["explanation"])}'
        if f.get("note"):
            line += f" (lexicon note: {esc(f['note'])})"
        if f.get("in_quote"):
            line += " Inside a quotation: these are a source's words, not the writer's."
        if f.get("context"):
            line += "<br/><i>“" + k.marked(f["context"]) + "”</i>"
        out.append(k.p("• " + line, k.cell))
    return out


def _key_exercise(k: Kit, ex: dict[str, Any], cm: float) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    out: list[Any] = []
    key = ex["key"]
    if key == "headlines":
        for n, q in enumerate(ex["answers"], start=1):
            out.append(k.p(f"<b>{n}. {esc(q['question'])}</b><br/>{esc(q['answer'])}"))
        for it in ex["answer_items"]:
            block = [k.p(esc(it["label"]), k.label), k.p(k.marked(it["headline"]), k.headline)]
            block.append(k.p(esc("Actors named in the headline: " + (", ".join(it["headline_actors"]) or "none the gazetteer knows") + "."), k.small))
            block += _flaglist(k, it["headline_flags"])
            block.append(k.p(k.marked(it["lead"]), k.text))
            extra = f"; only this lead names {', '.join(it['lead_only_here'])}" if it["lead_only_here"] else ""
            block.append(k.p(esc("Actors in the lead: " + (", ".join(it["lead_actors"]) or "none") + extra + "."), k.small))
            block += _flaglist(k, it["lead_flags"])
            out.append(Spacer(1, 5))
            out.append(k.box(block))
    elif key == "loaded":
        for it in ex["answer_items"]:
            block = [k.p(esc(f"{it['label']} · {len(it['answers'])} flagged"), k.label), k.p(k.marked(it["segments"]), k.text)]
            block += _flaglist(k, it["answers"])
            if not it["answers"]:
                block.append(k.p(esc("Nothing flagged in this excerpt: a useful contrast. Ask students why a plain report needs no loaded words."), k.small))
            out.append(Spacer(1, 5))
            out.append(k.box(block))
    elif key == "quotes":
        if ex["answer_rows"]:
            rows: list[list[Any]] = [["#", "Passage", "Speaker", "Verb", "Class", "Why"]]
            for r in ex["answer_rows"]:
                passage = [k.p(esc(r["label"]), k.label), k.p(k.marked(r["segments"]), k.cell)]
                why = r["explanation"] + (" (Reported speech: no quotation marks.)" if r["kind"] == "reported" else "")
                rows.append([str(r["n"]), passage, r["speaker"], r["verb"], r["verb_class"], why])
            out.append(k.grid(rows, [0.7 * cm, k.width - 12.5 * cm, 2.6 * cm, 2 * cm, 2.2 * cm, 5 * cm]))
        else:
            out.append(k.p(esc("No attributed quotation was found."), k.small))
    elif key == "actors":
        if not ex["scored"]:
            out.append(
                k.p(
                    esc(
                        "The sentiment model did not run for these articles, so the tone column has no model answer: judge it with the class from the sentences below. "
                        "Roles come from verbs of conflict and cooperation (threatened, signed with ...) found by the analysis."
                    ),
                    k.small,
                )
            )
        for row in ex["answer_rows"]:
            rows = [["Article", "Tone", "Role", "Evidence"]]
            for c in row["cells"]:
                if not c["mentioned"]:
                    rows.append([c["label"], "not mentioned", "", ""])
                    continue
                tone = [k.p(esc(c["tone"]), k.cell), k.p(esc(c["tone_detail"]), k.small)] if c["tone"] else [k.p(esc("class to judge"), k.small)]
                role = [k.p(esc(c["role"] or "none found"), k.cell), k.p(esc(c["role_detail"]), k.small)]
                ev = [k.p("“" + k.marked(e) + "”", k.cell) for e in c["evidence"]]
                rows.append([c["label"], tone, role, ev])
            out.append(KeepTogether([k.p(esc(row["actor"]), k.h3), k.grid(rows, [3 * cm, 3.3 * cm, 4.2 * cm, k.width - 10.5 * cm])]))
    elif key == "guess":
        if not ex["has_terms"]:
            out.append(k.p(esc("All excerpts come from one outlet, so there are no distinctive words to compare."), k.small))
        for it in ex["answer_items"]:
            block = [k.p(esc(f"{it['label']} is {it['outlet']}"), k.label), k.p(k.marked(it["segments"]), k.text)]
            if it["giveaways"]:
                terms = "; ".join(
                    f'<font backColor="{mark_color("term")}">{esc(g["term"])}</font> (z = {g["z"]}, {g["count"]} here / {g["reference_count"]} in the others)' for g in it["giveaways"]
                )
                block.append(k.p("<b>Giveaway words</b> (used more by this outlet than by the others in your articles; log-odds z-score, Monroe et al. 2008): " + terms + ".", k.cell))
            if it["register"]:
                block.append(k.p("<b>Register phrases</b>:", k.cell))
                block += _flaglist(k, it["register"])
            if it.get("reads_as"):
                r = it["reads_as"]
                verdict = "clearly" if r["is_clear"] else "but the evidence is not clear enough to be sure"
                block.append(k.p(f"<b>The whole article</b> reads most like {esc(r['register'])} ({r['percent']}%, 90% interval {r['low']}–{r['high']}%), {esc(verdict)}.", k.cell))
            if not it["giveaways"] and not it["register"]:
                block.append(k.p(esc("No distinctive word or register phrase in this excerpt: students may recognise the outlet by its plainness (wire style) or by what it reports."), k.small))
            out.append(Spacer(1, 5))
            out.append(k.box(block))
    elif key == "rewrite":
        for it in ex["answer_items"]:
            block = [k.p(esc(it["label"]), k.label), k.p(k.marked(it["segments"]), k.text), k.p(esc(it["why"]), k.small)]
            block += _flaglist(k, it["answers"])
            block.append(k.p("<b>Suggestion.</b>", k.cell))
            block += [k.p("• " + esc(h), k.cell) for h in it["hints"]]
            out.append(Spacer(1, 5))
            out.append(k.box(block))
        if ex["skipped"]:
            out.append(k.p(esc("No flagged sentence in: " + ", ".join(ex["skipped"]) + "."), k.small))
    return out


def _guide(k: Kit, data: dict[str, Any]) -> list[Any]:
    out: list[Any] = [k.p("Teacher's guide: the concepts", k.h2)]
    for c in data["concepts"]:
        out.append(k.p(esc(c["term"]), k.h3))
        out.append(k.p(esc(c["text"]) + f' <font color="#5b6475">({esc(c["cite"])})</font>'))
        if c.get("example"):
            out.append(k.p("<i>" + esc(c["example"]) + "</i>", k.small))
    out.append(k.p("Glossary", k.h3))
    for g in data["glossary"]:
        out.append(k.p(f"<b>{esc(g['term'])}</b>: {esc(g['definition'])}", k.cell))
    out.append(k.p("How the answers were made", k.h3))
    for line in (
        "Loaded words, boosters and evaluative verbs: the project's lexicons (word lists written with the literature cited); scare quotes: short quotations with no speaker; register phrases: the registers lexicon. Negated uses ('not a threat') are not counted.",
        "Quotations and roles: quotes are attributed to the nearest speaker and verb of saying; verbs of conflict and cooperation make actors aggressors, targets or cooperators.",
        "Tone toward an actor: a target-dependent sentiment model, when installed; otherwise the key leaves tone to the class.",
        "Giveaway words: words and word pairs an outlet uses more than the others, by log-odds with an informative Dirichlet prior (Monroe et al. 2008). With two or three articles these are indications, not statistics.",
        "Reading level: Flesch-Kincaid grade (Kincaid et al. 1975), computed on each excerpt as shown. Short excerpts give rough grades.",
    ):
        out.append(k.p("• " + esc(line), k.cell))
    out.append(k.p("References", k.h3))
    for r in data["references"]:
        out.append(k.p(esc(r), k.cell))
    prov = data["provenance"]
    lex = ", ".join(f"{a} {b}" for a, b in prov.get("lexicons", {}).items())
    out.append(k.p(esc(f"Made with framing {prov.get('framing', '')}." + (f" Lexicons: {lex}." if lex else "")), k.small))
    return out
