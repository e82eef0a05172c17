"""Importers for user-owned dictionaries (LIWC .dic, quanteda YAML, WordStat .cat, CSV) and the TOML writer.

Every dictionary here is invented for the tests: made-up categories and ordinary words.
"""

from __future__ import annotations

import dataclasses
import datetime
import tomllib
from pathlib import Path
from typing import Any

import pytest

from framing.errors import LexiconError
from framing.markers.importers import (
    ImportKeywords,
    ImportOptions,
    import_csv,
    import_dictionary,
    import_liwc,
    import_wordstat,
    import_yaml,
    to_toml,
    write_toml,
)
from framing.markers.lexicons import Lexicon, LexiconSet, load_lexicon, parse_lexicon
from framing.text.segment import segment


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8", newline="")
    return p


def matched(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    """(category, matched words) for every match of ``lex`` in ``text``, in text order."""
    doc = segment(text)
    return [(m.category, doc.text[m.start : m.end]) for m in LexiconSet([lex]).match(doc)]


def terms(lex: Lexicon, category: str) -> list[str]:
    return [e.term for e in lex.entries_for(category)]


def entry_set(lex: Lexicon) -> set[tuple[str, str, float, str | None, bool]]:
    return {(e.term, e.category, e.weight, e.note, e.case_sensitive) for e in lex.entries}


LIWC = "%\n1\tGarden Tools\n2\tkitchen\n%\nrake\t1\nshovel*\t1\nladle\t2\nwatering can\t1\n"


# ---------------------------------------------------------------------------------------------
# LIWC .dic


def test_liwc_categories_entries_and_metadata(tmp_path: Path) -> None:
    """Header categories become named categories with the original label; entries land in them."""
    lex = import_liwc(write(tmp_path, "Toy Dict.dic", LIWC), version="2.1", license="my own copy")
    assert list(lex.categories) == ["garden_tools", "kitchen"]
    assert lex.categories["garden_tools"].label == "Garden Tools"
    assert terms(lex, "garden_tools") == ["rake", "shovel*", "watering can"]
    assert terms(lex, "kitchen") == ["ladle"]
    assert (lex.name, lex.version, lex.license) == ("toy_dict", "2.1", "my own copy")
    cat = lex.categories["kitchen"]
    assert cat.definition == "Imported from Toy Dict.dic; see the dictionary's own documentation."
    assert cat.literature == ("User-supplied dictionary: Toy Dict.dic",)


def test_liwc_name_argument_overrides_file_name(tmp_path: Path) -> None:
    """The name keyword replaces the name derived from the file."""
    assert import_liwc(write(tmp_path, "x.dic", LIWC), name="garden").name == "garden"


def test_invalid_name_argument_is_refused(tmp_path: Path) -> None:
    """A lexicon name outside [a-z0-9_] is refused by the shared validation, naming the file."""
    with pytest.raises(LexiconError, match=r"x\.dic: lexicon name must be lower-case letters, digits and _; got 'Garden Tools'"):
        import_liwc(write(tmp_path, "x.dic", LIWC), name="Garden Tools")


def test_liwc_globs_and_phrases_match_text(tmp_path: Path) -> None:
    """A trailing * matches inside one token; a tab-separated multi-word term matches as a phrase."""
    lex = import_liwc(write(tmp_path, "toy.dic", LIWC))
    found = matched(lex, "She shoveled snow, then the shovels went back by the watering can and the ladle.")
    assert found == [
        ("garden_tools", "shoveled"),
        ("garden_tools", "shovels"),
        ("garden_tools", "watering can"),
        ("kitchen", "ladle"),
    ]
    assert matched(lex, "A watering hole and a can of soup.") == []


def test_liwc_bom_crlf_blank_lines_and_spaces(tmp_path: Path) -> None:
    """A UTF-8 BOM, Windows line endings, blank lines and space separators are all read."""
    text = "\ufeff\r\n%\r\n01 garden\r\n\r\n2   kitchen\r\n%\r\n\r\nrake 01\r\nladle  2 1\r\n\r\n"
    p = tmp_path / "win.dic"
    p.write_bytes(text.encode("utf-8"))
    lex = import_liwc(p)
    assert terms(lex, "garden") == ["rake", "ladle"]
    assert terms(lex, "kitchen") == ["ladle"]


def test_liwc_category_names_with_spaces_and_accents(tmp_path: Path) -> None:
    """Category names become [a-z0-9_] names; the original text is kept as the label."""
    lex = import_liwc(write(tmp_path, "n.dic", "%\n1\tBig-Sky Words (Outdoors)\n2\tCafé\n3\t天気\n%\nsky\t1 2 3\n"))
    assert list(lex.categories) == ["big_sky_words_outdoors", "cafe", "category_3"]
    assert [c.label for c in lex.categories.values()] == ["Big-Sky Words (Outdoors)", "Café", "天気"]


def test_liwc_duplicate_terms_merge_categories(tmp_path: Path) -> None:
    """A term listed twice gets the union of its categories, and appears once per category."""
    text = "%\n1\tgarden\n2\tkitchen\n%\nrake\t1\nbowl\t2 2\nRake\t2 1\n"
    lex = import_liwc(write(tmp_path, "dup.dic", text))
    assert terms(lex, "garden") == ["rake"]
    assert terms(lex, "kitchen") == ["bowl", "Rake"]
    assert sorted(c for c, _ in matched(lex, "A rake.")) == ["garden", "kitchen"]


def test_liwc_undeclared_category_number_names_the_line(tmp_path: Path) -> None:
    """An entry that refers to a category number missing from the header is an error with its line."""
    p = write(tmp_path, "bad.dic", "%\n1\tgarden\n%\nrake\t1\nspade\t1 7\n")
    with pytest.raises(LexiconError, match=r"bad\.dic, line 5: term 'spade' refers to category number 7, which the header \(lines 1-3\)"):
        import_liwc(p)


def test_liwc_space_separated_multiword_term_is_an_error(tmp_path: Path) -> None:
    """Without a tab, a second word after the term is reported with a hint to use a tab."""
    p = write(tmp_path, "sp.dic", "%\n1\tgarden\n%\nwatering can 1\n")
    with pytest.raises(LexiconError, match=r"sp\.dic, line 4: 'can' after term 'watering' is not a category number.*tab"):
        import_liwc(p)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1\tgarden\n%\nrake\t1\n", r"line 1: a LIWC \.dic file starts with a line containing only '%'"),
        ("%\n1\tgarden\n2\tkitchen\n", r"line 1: the category header that starts here is never closed"),
        ("%\n1\tgarden\nrake\t1\n", r"line 3: expected '<number> <category name>'.*got 'rake\\t1' \(is the '%' line that ends the header, opened on line 1, missing\?\)"),
        ("%\ngarden\n%\nrake\t1\n", r"line 2: expected '<number> <category name>'"),
        ("%\n1\tgarden\n1\tkitchen\n%\n", r"line 3: category number 1 is declared twice \(first on line 2\)"),
        ("%\n1\tGarden\n2\tgarden\n%\n", r"line 3: category 'garden' gets the name 'garden', which category 'Garden' \(line 2\)"),
        ("%\n1\tgarden\n%\nrake\n", r"line 4: term 'rake' has no category numbers"),
        ("%\n1\tgarden\n2\tkitchen\n%\nlike\t(01 02)1/2\n", r"line 5: conditional category code '\(01' \(LIWC2007 style\)"),
        ("%\n1\tgarden\n%\nrake\t1\n%\n", r"line 5: a third line containing only '%'"),
        ("%\n1\tgarden\n%\nrake\t1\n*\t1\n", r"line 5: term '\*' has no words to match"),
    ],
    ids=["no-opening", "no-closing", "entry-in-header", "no-number", "number-twice", "name-collision", "no-codes", "conditional", "third-percent", "lone-star"],
)
def test_liwc_malformed_files_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    """Each kind of malformed .dic file is refused with the file name, the line and the problem."""
    p = write(tmp_path, "broken.dic", text)
    with pytest.raises(LexiconError, match=r"broken\.dic, " + message):
        import_liwc(p)


def test_liwc_other_encodings(tmp_path: Path) -> None:
    """A cp1252 file is refused as UTF-8 with its line, and read with encoding='cp1252'."""
    p = tmp_path / "old.dic"
    p.write_bytes("%\n1\tcafe\n%\ncafé\t1\n".encode("cp1252"))
    with pytest.raises(LexiconError, match=r"old\.dic, line 4: not valid utf-8 text.*cp1252"):
        import_liwc(p)
    assert terms(import_liwc(p, encoding="cp1252"), "cafe") == ["café"]


# ---------------------------------------------------------------------------------------------
# quanteda YAML

YAML = """\
weather:
  sunny days: [sun, "clear sk*"]
  rain.fall:
    - drizzle
    - rain*
hedges: [no, yes, maybe, 2020]
tools: rake
empty:
"""


def test_yaml_nested_categories_and_terms(tmp_path: Path) -> None:
    """Nested keys are joined with _ (dots and spaces too); leaves are lists or a single term."""
    lex = import_yaml(write(tmp_path, "d.yml", YAML))
    assert list(lex.categories) == ["weather_sunny_days", "weather_rain_fall", "hedges", "tools", "empty"]
    assert lex.categories["weather_rain_fall"].label == "weather.rain.fall"
    assert terms(lex, "weather_sunny_days") == ["sun", "clear sk*"]
    assert terms(lex, "tools") == ["rake"]
    assert terms(lex, "empty") == []


def test_yaml_keeps_words_that_yaml_would_turn_into_booleans(tmp_path: Path) -> None:
    """'no', 'yes' and '2020' stay words as written, not False, True or a number."""
    lex = import_yaml(write(tmp_path, "d.yaml", YAML))
    assert terms(lex, "hedges") == ["no", "yes", "maybe", "2020"]
    assert matched(lex, "No, maybe yes.") == [("hedges", "No"), ("hedges", "maybe"), ("hedges", "yes")]


def test_yaml_globs_and_phrases_match_text(tmp_path: Path) -> None:
    """quanteda's * glob and multi-word terms match text."""
    lex = import_yaml(write(tmp_path, "d.yml", YAML))
    found = matched(lex, "Rainy mornings, then clear skies and sun; the drizzle stopped.")
    assert found == [
        ("weather_rain_fall", "Rainy"),
        ("weather_sunny_days", "clear skies"),
        ("weather_sunny_days", "sun"),
        ("weather_rain_fall", "drizzle"),
    ]


def test_yaml_question_mark_wildcard_is_refused(tmp_path: Path) -> None:
    """quanteda's ? wildcard is an error that names the term and its line."""
    p = write(tmp_path, "q.yml", "colours:\n  - red\n  - gr?y\n")
    with pytest.raises(LexiconError, match=r"q\.yml, line 3: term 'gr\?y' in category 'colours' uses '\?'"):
        import_yaml(p)


def test_yaml_python_object_tag_is_refused(tmp_path: Path) -> None:
    """A !!python/object tag is refused by safe_load; an unsafe loader would have built the list."""
    p = write(tmp_path, "evil.yml", "calm: !!python/object/apply:builtins.list [[quiet, still]]\n")
    with pytest.raises(LexiconError, match=r"evil\.yml, line 1: not a valid YAML dictionary.*python/object.*refused"):
        import_yaml(p)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- sun\n- rain\n", r", line 1: expected a mapping of category names"),
        ("sunny: [sun]\nsunny: [sky]\n", r", line 2: category 'sunny' appears twice in the same mapping \(first on line 1\)"),
        ("sunny: [sun, [sky]]\n", r", line 1: the terms of category 'sunny' must be plain text"),
        ("sunny day: [sun]\nsunny_day: [sky]\n", r", line 2: category 'sunny_day' gets the name 'sunny_day'"),
        ("sunny: [sun\n", r", line 2: not a valid YAML dictionary: expected ',' or ']'"),
        ("", r": the file is empty"),
    ],
    ids=["list-at-top", "duplicate-key", "nested-list", "name-collision", "syntax", "empty"],
)
def test_yaml_malformed_files(tmp_path: Path, text: str, message: str) -> None:
    """Malformed YAML dictionaries are refused with the file name, the line and the problem."""
    p = write(tmp_path, "bad.yml", text)
    with pytest.raises(LexiconError, match=r"bad\.yml" + message):
        import_yaml(p)


# ---------------------------------------------------------------------------------------------
# WordStat .cat

WORDSTAT = (
    "WEATHER\n"
    "\tSUNNY\n"
    "\t\tSUN* (1)\n"
    "\t\tCLEAR SKY (3)\n"
    "\tTHUNDER (2)\n"
    "\n"
    "NOISE\n"
    "    BANG (1)\n"
    "    Crash\n"
    "QUIET (EMPTY FOR NOW)\n"
)


def test_wordstat_categories_nesting_weights_and_case(tmp_path: Path) -> None:
    """Indentation nests categories (joined with _); weights are read; entries are lower-cased."""
    lex = import_wordstat(write(tmp_path, "w.cat", WORDSTAT))
    assert list(lex.categories) == ["weather", "weather_sunny", "noise", "quiet_empty_for_now"]
    assert lex.categories["weather_sunny"].label == "WEATHER.SUNNY"
    assert [(e.term, e.weight) for e in lex.entries_for("weather_sunny")] == [("sun*", 1.0), ("clear sky", 3.0)]
    assert [(e.term, e.weight) for e in lex.entries_for("weather")] == [("thunder", 2.0)]
    assert terms(lex, "noise") == ["bang", "crash"]


def test_wordstat_globs_phrases_and_weights_match_text(tmp_path: Path) -> None:
    """Upper-case globs and phrases from a .cat file match ordinary text with their weights."""
    lex = import_wordstat(write(tmp_path, "w.cat", WORDSTAT))
    doc = segment("Sunny, then a clear sky until the thunder and a crash.")
    found = [(m.category, doc.text[m.start : m.end], m.weight) for m in LexiconSet([lex]).match(doc)]
    assert found == [
        ("weather_sunny", "Sunny", 1.0),
        ("weather_sunny", "clear sky", 3.0),
        ("weather", "thunder", 2.0),
        ("noise", "crash", 1.0),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\tSUN (1)\nWEATHER\n", r"line 1: indented entry 'SUN \(1\)' comes before any category line"),
        ("WEATHER\nSUN (1)\n", r"line 2: 'SUN \(1\)' ends with a weight like an entry, but is not indented"),
        ("WEATHER\n\tSUN (1)\n    RAIN (1)\n", r"line 3: inconsistent indentation"),
        ("WEATHER\n\tSUN (a lot)\n", r"line 2: the weight in parentheses after 'SUN' must be a number"),
        ("WEATHER\n\tSUN (1)\n\tsun (2)\n", r"line 3: term 'sun' is listed twice in category 'WEATHER' \(first on line 2\)"),
        ("WEATHER\n\tSUNNY (1)\n\t\tSUN (1)\n", r"line 2: 'SUNNY \(1\)' ends with a weight like an entry, but the lines after it"),
    ],
    ids=["entry-first", "unindented-entry", "mixed-indent", "bad-weight", "conflicting-duplicate", "weighted-subcategory"],
)
def test_wordstat_malformed_files(tmp_path: Path, text: str, message: str) -> None:
    """Malformed .cat files are refused with the file name, the line and the problem."""
    p = write(tmp_path, "bad.cat", text)
    with pytest.raises(LexiconError, match=r"bad\.cat, " + message):
        import_wordstat(p)


# ---------------------------------------------------------------------------------------------
# CSV


def test_csv_terms_categories_weights_notes(tmp_path: Path) -> None:
    """Rows become entries with their weight and note; an empty weight is 1.0."""
    text = 'term,category,weight,note\nrake,Garden Tools,2,"a tool, with a comma"\nladle,kitchen,,\n"watering can",Garden Tools,0.5,\n'
    lex = import_csv(write(tmp_path, "c.csv", text))
    assert list(lex.categories) == ["garden_tools", "kitchen"]
    assert lex.categories["garden_tools"].label == "Garden Tools"
    assert [(e.term, e.weight, e.note) for e in lex.entries_for("garden_tools")] == [
        ("rake", 2.0, "a tool, with a comma"),
        ("watering can", 0.5, None),
    ]
    assert [(e.term, e.weight) for e in lex.entries_for("kitchen")] == [("ladle", 1.0)]
    doc = segment("The watering can.")
    assert [(m.category, doc.text[m.start : m.end], m.weight) for m in LexiconSet([lex]).match(doc)] == [
        ("garden_tools", "watering can", 0.5)
    ]


def test_csv_word_header_bom_and_column_order(tmp_path: Path) -> None:
    """'word' is accepted for 'term', columns may come in any order, and a BOM is ignored."""
    p = tmp_path / "w.csv"
    p.write_bytes("\ufeffCategory,Word\r\nkitchen,ladle\r\nkitchen,Bowl*\r\n".encode())
    lex = import_csv(p)
    assert terms(lex, "kitchen") == ["ladle", "Bowl*"]
    assert matched(lex, "Two bowls.") == [("kitchen", "bowls")]


def test_csv_negative_weight_makes_category_signed(tmp_path: Path) -> None:
    """A negative weight is allowed: the category is recorded as signed."""
    lex = import_csv(write(tmp_path, "s.csv", "term,category,weight\ncalm,mood,1\nangry,mood,-1.5\n"))
    assert lex.categories["mood"].signed
    assert [e.weight for e in lex.entries_for("mood")] == [1.0, -1.5]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("term,category,weight\nrake,garden,1\nhoe,garden,heavy\n", r"row 3: the weight of 'hoe' must be a number; got 'heavy'"),
        ("term,category,weight\nrake,garden,nan\n", r"row 2: the weight of 'rake' must be a finite number"),
        ("term,weight\nrake,1\n", r"row 1: the header needs the column\(s\) \['category'\]"),
        ("term,category,wieght\nrake,garden,1\n", r"row 1: unknown column 'wieght'"),
        ("term,category\n,garden\n", r"row 2: the term is empty"),
        ("term,category\nrake,\n", r"row 2: term 'rake' has no category"),
        ("term,category,weight\nrake,garden,1\nRake,Garden,2\n", r"row 3: term 'Rake' is listed twice in category 'garden' \(first on row 2\)"),
        ("term,category\nrake,garden,extra\n", r"row 2: the row has 3 cells but the header has 2 columns"),
        ("term,category\nrake,garden tools\nhoe,garden-tools\n", r"row 3: category 'garden-tools' gets the name 'garden_tools'"),
    ],
    ids=["bad-weight", "nan-weight", "no-category-column", "unknown-column", "empty-term", "empty-category", "conflicting-duplicate", "extra-cell", "name-collision"],
)
def test_csv_malformed_files_name_the_row(tmp_path: Path, text: str, message: str) -> None:
    """Malformed CSV dictionaries are refused with the file name, the row and the problem."""
    p = write(tmp_path, "bad.csv", text)
    with pytest.raises(LexiconError, match=r"bad\.csv, " + message):
        import_csv(p)


def test_csv_reads_what_lexicon_to_csv_writes(tmp_path: Path) -> None:
    """Lexicon.to_csv output imports back into the same entries."""
    lex = import_liwc(write(tmp_path, "toy.dic", LIWC))
    back = import_csv(lex.to_csv(tmp_path / "toy.csv"))
    assert entry_set(back) == entry_set(lex)


# ---------------------------------------------------------------------------------------------
# Dispatch


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("d.dic", "%\n1\tkitchen\n%\nladle\t1\n"),
        ("d.yml", "kitchen: [ladle]\n"),
        ("d.YAML", "kitchen: [ladle]\n"),
        ("d.cat", "KITCHEN\n\tLADLE (1)\n"),
        ("d.csv", "term,category\nladle,kitchen\n"),
    ],
)
def test_import_dictionary_dispatches_by_extension(tmp_path: Path, name: str, text: str) -> None:
    """Each extension goes to its importer and gives the same lexicon content; keywords pass through."""
    lex = import_dictionary(write(tmp_path, name, text), name="kit", version="9")
    assert (lex.name, lex.version) == ("kit", "9")
    assert entry_set(lex) == {("ladle", "kitchen", 1.0, None, False)}


def test_import_dictionary_unknown_extension(tmp_path: Path) -> None:
    """An unknown extension is an error listing the supported ones."""
    p = write(tmp_path, "d.txt", "ladle\n")
    with pytest.raises(LexiconError, match=r"d\.txt: cannot tell the dictionary format from the extension '\.txt'; expected \.dic"):
        import_dictionary(p)


def test_import_options_and_their_typed_keywords_agree() -> None:
    """ImportKeywords (the typed **options) names exactly the fields of ImportOptions."""
    assert set(ImportKeywords.__annotations__) == {f.name for f in dataclasses.fields(ImportOptions)}


def test_unknown_import_option_is_a_type_error(tmp_path: Path) -> None:
    """A misspelt keyword option is refused, as by a function with an explicit signature."""
    with pytest.raises(TypeError, match="nme"):
        import_liwc(write(tmp_path, "d.dic", "%\n1 kitchen\n%\nladle 1\n"), nme="kit")  # type: ignore[call-arg]


def test_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    """A file that does not exist is reported with its name."""
    with pytest.raises(LexiconError, match=r"nothere\.dic: cannot read dictionary"):
        import_dictionary(tmp_path / "nothere.dic")


# ---------------------------------------------------------------------------------------------
# TOML writer

TRICKY: dict[str, Any] = {
    "lexicon": {
        "name": "tricky",
        "version": "1.0.0",
        "language": "en",
        "license": "CC0-1.0",
        "description": 'Quotes " and backslashes \\ and unicode: café, 東京, “curly”, emoji 🌧.',
        "curators": ["Zoë \"Z\" O'Neil"],
    },
    "changelog": [
        {"version": "0.9.0", "date": datetime.date(2025, 12, 1), "changes": "A TOML date, not a string."},
        {"version": "1.0.0", "date": "2026-01-02", "changes": "line one\nline two\ttabbed"},
    ],
    "categories": {
        "odd": {
            "label": 'A "quoted" label \\ with backslash',
            "definition": "Control characters \u0001 and \u007f must be escaped.",
            "literature": ["Doe, J. (2020). \"Title\". C:\\path\\file."],
            "negatable": True,
            "signed": True,
            "entries": [
                "plain",
                {"term": 'say "hello"', "note": "a note with \\ and \" and é\nand a newline"},
                {"term": "back\\slash", "weight": -0.25},
                {"term": "US", "case_sensitive": True},
                {"term": "us", "weight": 1e-7},
                {"term": "naïve*", "weight": 3},
            ],
        },
        "empty": {"label": "Empty", "definition": "No entries.", "literature": ["None."]},
    },
}


def test_to_toml_escapes_strings_correctly() -> None:
    """Quotes, backslashes, control characters and unicode survive a TOML parse unchanged."""
    lex = parse_lexicon(TRICKY)
    data = tomllib.loads(to_toml(lex))
    assert data["lexicon"]["description"] == TRICKY["lexicon"]["description"]
    assert data["lexicon"]["curators"] == ["Zoë \"Z\" O'Neil"]
    assert data["changelog"][0]["date"] == datetime.date(2025, 12, 1)
    assert data["changelog"][1]["changes"] == "line one\nline two\ttabbed"
    odd = data["categories"]["odd"]
    assert odd["label"] == 'A "quoted" label \\ with backslash'
    assert odd["definition"] == "Control characters \u0001 and \u007f must be escaped."
    assert odd["literature"] == ["Doe, J. (2020). \"Title\". C:\\path\\file."]
    assert odd["entries"][1] == {"term": 'say "hello"', "note": "a note with \\ and \" and é\nand a newline"}
    assert data["categories"]["empty"]["entries"] == []


def test_write_toml_round_trip_of_every_field(tmp_path: Path) -> None:
    """A written lexicon loads back with load_lexicon into equal categories, entries and metadata."""
    lex = parse_lexicon(TRICKY)
    back = load_lexicon(write_toml(lex, tmp_path / "tricky.toml"))
    assert entry_set(back) == entry_set(lex)
    assert dict(back.categories) == dict(lex.categories)
    assert (back.name, back.version, back.language, back.license, back.description, back.curators) == (
        lex.name,
        lex.version,
        lex.language,
        lex.license,
        lex.description,
        lex.curators,
    )
    assert back.changelog == lex.changelog


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("r.dic", LIWC),
        ("r.yml", YAML),
        ("r.cat", WORDSTAT),
        ("r.csv", 'term,category,weight,note\nrake,Garden Tools,2,"says ""hi"" \\ there"\n'),
    ],
)
def test_imported_dictionaries_round_trip_through_toml(tmp_path: Path, name: str, text: str) -> None:
    """An imported dictionary saved with write_toml loads back into the same entries and categories."""
    lex = import_dictionary(write(tmp_path, name, text))
    out = write_toml(lex, tmp_path / "saved.toml")
    back = load_lexicon(out)
    assert entry_set(back) == entry_set(lex) and entry_set(lex)
    assert dict(back.categories) == dict(lex.categories)
    assert "do not redistribute" in out.read_text(encoding="utf-8")


def test_builtin_lexicon_round_trips_through_toml(tmp_path: Path) -> None:
    """A shipped lexicon written out again loads into the same entries and categories."""
    lex = load_lexicon("registers")
    back = load_lexicon(write_toml(lex, tmp_path / "registers.toml"))
    assert entry_set(back) == entry_set(lex)
    assert dict(back.categories) == dict(lex.categories)
    assert back.changelog == lex.changelog
