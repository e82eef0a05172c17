"""flags: the one place the worksheet learns about marker categories, their labels and colours."""

from __future__ import annotations

from pathlib import Path

from framing.classroom.flags import concept_of, flag_info, is_register, is_scare_quote, legend, loaded_key, mark_color, mark_keys, mark_styles, spot_keys


def test_every_marked_category_has_its_facts() -> None:
    """Every category students circle is also marked; each has a label, an explanation and a colour of its own class."""
    assert set(spot_keys()) <= set(mark_keys())
    assert loaded_key() in spot_keys() and any(is_scare_quote(k) for k in spot_keys()) and any(is_register(k) for k in spot_keys())
    classes = {s.css for s in mark_styles()}
    for key in mark_keys():
        info = flag_info(key)
        assert info.key == key and info.label and info.explanation, key
        assert info.css in classes and mark_color(info.css) != mark_color("no such class"), key
        assert info.rewrite in (None, "said", "drop", "unquote", "note"), key
    assert {css for css, _ in legend()} <= classes
    assert concept_of(loaded_key()) == "loaded" and concept_of("no.such_category") is None


def test_answer_key_stylesheet_and_legend_come_from_flags(anon_files: dict[str, Path]) -> None:
    """The HTML key colours each kind of mark as flags says, and its legend lists flags' legend in order."""
    html = anon_files["answer_key.html"].read_text(encoding="utf-8")
    rules = {}
    for line in html.splitlines():
        selectors, _, body = line.strip().partition(" { ")
        if selectors.startswith("mark."):
            rules.update(dict.fromkeys(selectors.split(", "), body))
    for s in mark_styles():
        assert rules[f"mark.{s.css}"] == f"background: {s.background}; border-color: {s.border}; }}", s
    assert '<p class="legend small">' + "".join(f'<mark class="{css}">{label}</mark>' for css, label in legend()) + "</p>" in html
