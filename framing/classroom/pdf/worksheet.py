"""The student worksheet as a printable PDF (A4, each exercise on a new page), from
:func:`framing.classroom.worksheet.worksheet_data`; helpers and escaping in :mod:`framing.classroom.pdf.kit`."""

from __future__ import annotations

from typing import Any

from framing.classroom.pdf.kit import Kit, document, esc, footer, grade_line

__all__ = ["write_worksheet_pdf"]


def write_worksheet_pdf(data: dict[str, Any], path: str) -> str:
    """Write the student worksheet to ``path`` (A4, one exercise per page or more); returns the path."""
    from reportlab.platypus import PageBreak, Spacer

    k = Kit()
    cm = k.cm
    story: list[Any] = [k.p(esc(data["title"]), k.h1)]
    meta = f"Worksheet · {data['level_label']}"
    if data.get("max_grade"):
        meta += f" · excerpts chosen at reading grade {data['max_grade']:g} or below where possible"
    story.append(k.p(esc(meta), k.small))
    story.append(k.grid([["Name:", "Class:", "Date:"]], [k.width / 3] * 3, header=False, heights=[26]))
    story.append(Spacer(1, 6))
    story.append(
        k.p(
            esc(
                f"You will read parts of {len(data['articles'])} news articles about the same event. Each outlet tells it in its own way. "
                "Work through the six exercises; each excerpt shows its reading level (a school grade, by the Flesch-Kincaid formula)."
            )
        )
    )
    for i, ex in enumerate(data["exercises"]):
        if i:
            story.append(PageBreak())
        story.append(k.p(esc(f"Exercise {ex['number']}. {ex['title']}"), k.h2))
        story.extend(_worksheet_exercise(k, ex, cm))
    doc = document(path, data["title"])
    foot = footer(f"framing {data['provenance'].get('framing', '')} · worksheet · {data['level_label']}")
    doc.build(story, onFirstPage=foot, onLaterPages=foot)
    return path


def _task(k: Kit, text: str) -> Any:
    """The task of an exercise, in a shaded box."""
    return k.box([k.p(esc(text))], shade="#f4f6f9", border="#2f5d8a")


def _worksheet_exercise(k: Kit, ex: dict[str, Any], cm: float) -> list[Any]:
    """The flowables of one exercise on the worksheet."""
    from reportlab.platypus import KeepTogether, Spacer

    out: list[Any] = []
    key = ex["key"]
    if key == "headlines":
        out.append(_task(k, "Read each headline and the first paragraph (the lead) of each article. Then answer the questions."))
        out.append(Spacer(1, 6))
        cards = []
        for it in ex["items"]:
            cell = [k.p(esc(it["label"]), k.label), k.p(esc(it["headline"]), k.headline), k.p(esc(it["lead"]), k.text)]
            meta = grade_line(it) + f" · {it['words']} words" + (" · the first sentences of the first paragraph" if it.get("shortened") else "")
            cell.append(k.p(esc(meta), k.small))
            if it.get("note"):
                cell.append(k.p("<i>" + esc(it["note"]) + "</i>", k.small))
            cards.append(cell)
        half = (k.width - 4) / 2
        pairs = [cards[i : i + 2] + ([""] if len(cards[i : i + 2]) == 1 else []) for i in range(0, len(cards), 2)]
        out.append(k.grid(pairs, [half, half], header=False))
        out.append(Spacer(1, 8))
        for n, q in enumerate(ex["questions"], start=1):
            out.append(KeepTogether([k.p(esc(f"{n}. {q}"))] + k.lines(2)))
    elif key == "loaded":
        task = "Some words only describe. Others also judge: they tell you what to feel. Circle the words that judge, the words in quotation marks that nobody is quoted as saying, and the set phrases of a political camp."
        if not ex["show_counts"]:
            task += " Find as many as you can."
        out.append(_task(k, task))
        for it in ex["items"]:
            meta = grade_line(it) + f" · {it['words']} words"
            if ex["show_counts"]:
                meta += f" · there {'is' if it['count'] == 1 else 'are'} {it['count']} to find"
            block = [k.p(esc(it["label"]), k.label), k.p(esc(it["text"]), k.circle), k.p(esc(meta), k.small)] + k.lines(1, "Words I circled:")
            out.append(Spacer(1, 6))
            out.append(KeepTogether(k.box(block)))
        out.append(Spacer(1, 8))
        out.append(KeepTogether([k.p(esc("Choose one word you circled. Which plainer word could the writer have used? How does the sentence change?"))] + k.lines(2)))
    elif key == "quotes":
        out.append(
            _task(
                k,
                "For each passage, write who is speaking and the verb that introduces their words (said, told, claimed, insisted ...). "
                "Then circle whether the verb is neutral (it only reports) or evaluative (it also judges the words or the speaker).",
            )
        )
        if ex["rows"]:
            rows: list[list[Any]] = [["#", "Passage", "Who speaks?", "Verb", "Neutral or evaluative?"]]
            for r in ex["rows"]:
                passage = [k.p(esc(r["label"]), k.label), k.p(esc(r["text"]), k.cell), k.p(esc(grade_line(r)), k.small)]
                rows.append([str(r["n"]), passage, "", "", "neutral  /  evaluative"])
            out.append(Spacer(1, 6))
            out.append(k.grid(rows, [0.8 * cm, k.width - 11.3 * cm, 3.5 * cm, 3 * cm, 4 * cm]))
            out.append(KeepTogether([k.p(esc("Does one outlet use more evaluative verbs than the others? For whom?"))] + k.lines(2)))
        else:
            out.append(k.p(esc("No attributed quotation was found in these articles."), k.small))
    elif key == "actors":
        out.append(
            _task(
                k,
                "Read the sentences about each actor. Then fill the table: is the actor shown in a positive (+), neutral (0) or negative (-) light? "
                "What role does it play: aggressor (A: threatens, attacks), target (T: is threatened or attacked) or cooperator (C: agrees, works with someone)?",
            )
        )
        for row in ex["rows"]:
            block = [k.p(esc(row["actor"]), k.h3)]
            for c in row["cells"]:
                for s in c["sentences"]:
                    block.append(k.p(f'<font color="#2f5d8a"><b>{esc(c["label"])}</b></font>  {esc(s)}', k.cell))
            out.append(KeepTogether(block))
        if ex["rows"]:
            labels = ex["labels"]
            col = (k.width - 3.2 * cm) / max(len(labels), 1)
            rows = [["Actor", *labels]]
            for row in ex["rows"]:
                rows.append([row["actor"]] + [("+    0    -\nA    T    C" if c["mentioned"] else "not mentioned") for c in row["cells"]])
            out.append(Spacer(1, 8))
            out.append(KeepTogether(k.grid(rows, [3.2 * cm] + [col] * len(labels))))
    elif key == "guess":
        out.append(_task(k, "The outlets' names have been replaced by letters. Read each excerpt: which outlet wrote it? Which words gave it away?"))
        if ex["choices"]:
            out.append(k.p(esc("The outlets: " + " · ".join(ex["choices"]))))
        else:
            out.append(k.p(esc("What kind of outlet could it be? " + " · ".join(ex["kinds"]))))
        for it in ex["items"]:
            block = [k.p(esc(it["label"]), k.label), k.p(esc(it["text"]), k.text), k.p(esc(grade_line(it) + f" · {it['words']} words"), k.small)]
            block += k.lines(1, f"{it['label']} is:") + k.lines(1, "The words that gave it away:")
            out.append(Spacer(1, 6))
            out.append(KeepTogether(k.box(block)))
    elif key == "rewrite":
        out.append(_task(k, "Rewrite each sentence so that it reports the same facts without judging them. Keep what happened; change the words that tell the reader what to think."))
        for it in ex["items"]:
            block = [k.p(esc(it["label"]), k.label), k.p(esc(it["text"]), k.text), k.p(esc(grade_line(it)), k.small)] + k.lines(3, "My neutral version:")
            out.append(Spacer(1, 6))
            out.append(KeepTogether(k.box(block)))
        if not ex["items"]:
            out.append(k.p(esc("No sentence in these articles was flagged: there is nothing to rewrite."), k.small))
    return out


