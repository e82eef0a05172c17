"""Lexicon files, loading and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.markers.lexicons import LexiconSet, find_lexicon_files, load_default_lexicons, load_lexicon, term_tokens

BUILTIN = find_lexicon_files()

HEADER = """
[lexicon]
name = "toy"
version = "0.1.0"
language = "en"
license = "CC0-1.0"
description = "A toy lexicon for tests."
curators = ["tests"]
"""


def write(tmp_path: Path, body: str, name: str = "toy.toml") -> Path:
    p = tmp_path / name
    p.write_text(HEADER + body, encoding="utf-8")
    return p


def category(name: str, entries: str, extra: str = "") -> str:
    return f"""
[categories.{name}]
label = "{name}"
definition = "A category for tests."
literature = ["Nobody (2026). Tests."]
{extra}
entries = [
{entries}
]
"""


@pytest.mark.parametrize("path", BUILTIN, ids=[p.stem for p in BUILTIN])
def test_every_builtin_lexicon_validates(path: Path) -> None:
    """Each shipped lexicon file loads without error and has documented, non-empty categories."""
    lex = load_lexicon(path)
    assert lex.name == path.stem
    assert lex.categories
    for cat in lex.categories.values():
        assert cat.definition and cat.literature and cat.label
        if lex.use == "markers":  # the detectors' manifest describes rule-based categories: no entries
            assert lex.entries_for(cat.name), f"{cat.name} has no entries"
    assert lex.entries or lex.use == "detectors"


def test_builtin_lexicons_are_large_enough() -> None:
    """The big categories have hundreds of entries, the smallest dozens."""
    lexset = load_default_lexicons()
    assert {"registers", "news_frames", "policy_frames", "rhetoric"} <= {lx.name for lx in lexset}
    assert len(lexset["rhetoric"].entries_for("loaded_language")) >= 500
    for lx in lexset:
        for cat in lx.categories:
            assert len(lx.entries_for(cat)) >= 30, f"{lx.name}.{cat} is too small"


def test_load_by_name_and_unknown_name() -> None:
    """A built-in lexicon loads by name; an unknown name lists the available ones."""
    assert load_lexicon("registers").name == "registers"
    with pytest.raises(LexiconError, match=r"available: .*registers"):
        load_lexicon("no_such_lexicon")


def test_duplicate_entry_names_both_lines(tmp_path: Path) -> None:
    """A duplicate term in one category is refused with the line of each occurrence."""
    p = write(tmp_path, category("a", '  "alpha",\n  "beta",\n  "Alpha",'))
    with pytest.raises(LexiconError) as err:
        load_lexicon(p)
    msg = str(err.value)
    assert "duplicate entry 'Alpha'" in msg
    lines = p.read_text().splitlines()
    second = lines.index('  "Alpha",') + 1
    first = lines.index('  "alpha",') + 1
    assert f"line {second}: " in msg
    assert f"first on line {first}" in msg


def test_case_sensitive_terms_are_not_duplicates(tmp_path: Path) -> None:
    """'US' (case sensitive) and 'us' are different entries."""
    p = write(tmp_path, category("a", '  "us",\n  { term = "US", case_sensitive = true },'))
    assert len(load_lexicon(p).entries) == 2


def test_bad_weight_is_refused_with_line(tmp_path: Path) -> None:
    """A non-numeric weight is refused, naming the term and line."""
    p = write(tmp_path, category("a", '  "fine",\n  { term = "heavy", weight = "lots" },'))
    with pytest.raises(LexiconError, match=r"line \d+: weight of 'heavy' must be a finite number"):
        load_lexicon(p)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "+inf"])
def test_non_finite_weight_is_refused(tmp_path: Path, value: str) -> None:
    """TOML allows inf and nan; a weight must be finite (it is summed into scores written as JSON)."""
    p = write(tmp_path, category("a", f'  "fine",\n  {{ term = "heavy", weight = {value} }},', "signed = true"))
    with pytest.raises(LexiconError, match=r"line 17: weight of 'heavy' must be a finite number, got (inf|-inf|nan)"):
        load_lexicon(p)


def test_negative_weight_needs_signed_category(tmp_path: Path) -> None:
    """Negative weights are allowed only in categories declared signed."""
    p = write(tmp_path, category("a", '  { term = "bad", weight = -1 },'))
    with pytest.raises(LexiconError, match="not declared signed"):
        load_lexicon(p)
    p = write(tmp_path, category("a", '  { term = "bad", weight = -1 },', "signed = true"))
    assert load_lexicon(p).entries[0].weight == -1.0


def test_undeclared_category_is_refused(tmp_path: Path) -> None:
    """A category without definition or literature is refused by name."""
    p = write(tmp_path, '\n[categories.half]\nlabel = "Half"\nentries = ["x"]\n')
    with pytest.raises(LexiconError, match="category 'half' is not fully declared: it needs 'definition'"):
        load_lexicon(p)


def test_missing_metadata_and_bad_toml(tmp_path: Path) -> None:
    """Missing [lexicon] fields and broken TOML give messages naming the file."""
    p = tmp_path / "nometa.toml"
    p.write_text('[lexicon]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"nometa.toml.*needs 'version'"):
        load_lexicon(p)
    p = tmp_path / "broken.toml"
    p.write_text('[lexicon\nname = "x"', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken\.toml: not valid TOML"):
        load_lexicon(p)


def test_lone_star_is_refused(tmp_path: Path) -> None:
    """A glob that is only '*' would match every token and is refused."""
    p = write(tmp_path, category("a", '  "*",'))
    with pytest.raises(LexiconError, match="no words to match"):
        load_lexicon(p)


def test_validate_refuses_a_glob_with_too_many_wildcards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`framing lexicons validate` and loading for analysis agree: a word with 9 wildcards is
    refused naming the term and its line (exit 1); 8 are accepted (they match in linear time)."""
    from framing.cli.app import main

    bad = write(tmp_path, category("a", '  "fine",\n  "aaa*a*a*a*a*a*a*a*a*z",'), name="bad.toml")
    ok = write(tmp_path, category("a", '  "fine",\n  "aaa*a*a*a*a*a*a*a*z",'), name="ok.toml")
    assert main(["lexicons", "validate", str(bad), str(ok)]) == 1
    out = capsys.readouterr().out
    assert "INVALID" in out and "bad.toml, line 17" in out and "'aaa*a*a*a*a*a*a*a*a*z' has 9 wildcards in one word; at most 8 are allowed" in out
    assert f"ok      {ok}" in out
    with pytest.raises(LexiconError, match="9 wildcards"):
        load_default_lexicons([tmp_path])


def test_term_tokens_follow_the_text_tokenizer() -> None:
    """Terms split like text: possessive 's apart, hyphens apart, globs kept in their token."""
    assert term_tokens("China's core interests") == ("China", "'s", "core", "interests")
    assert term_tokens("win-win cooperation") == ("win", "-", "win", "cooperation")
    assert term_tokens("anti-imperialis*") == ("anti", "-", "imperialis*")
    assert term_tokens("imperialis*") == ("imperialis*",)
    assert term_tokens("Canada’s") == ("Canada", "'s")


def test_user_lexicon_dir_overrides_builtin(tmp_path: Path) -> None:
    """A user lexicon named like a built-in one replaces it; a new name is added."""
    override = (HEADER.replace('name = "toy"', 'name = "registers"')) + category("only", '  "zebra",')
    (tmp_path / "registers.toml").write_text(override, encoding="utf-8")
    write(tmp_path, category("mine", '  "quokka",'), name="extra.toml")
    lexset = load_default_lexicons([tmp_path])
    assert list(lexset["registers"].categories) == ["only"]
    assert "toy" in {lx.name for lx in lexset}


def test_provenance_has_version_and_hash() -> None:
    """Provenance names each lexicon's version and content hash."""
    prov = LexiconSet([load_lexicon("registers")]).provenance()
    assert prov["registers"].startswith(load_lexicon("registers").version + " sha256:")


def test_csv_export(tmp_path: Path) -> None:
    """Export writes one CSV row per entry with term, category, weight, note."""
    lex = load_lexicon(write(tmp_path, category("a", '  "alpha",\n  { term = "beta", weight = 2.0, note = "why" },')))
    out = lex.to_csv(tmp_path / "out.csv").read_text().splitlines()
    assert out == ["term,category,weight,note", "alpha,a,1.0,", "beta,a,2.0,why"]
