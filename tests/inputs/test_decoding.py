"""Bytes to text: legacy encodings, byte-order marks."""

from __future__ import annotations

import pytest

from framing.inputs.decoding import decode

from .samples import only_article

CP1252_TEXT = (
    "Ferry fares rise at S\u00e3o Vicente pier\n\n"
    "The ferry company said on Monday that fares would rise by 8% \u2013 the third increase in two years. "
    "\u201cWe have no choice,\u201d the company\u2019s director, In\u00e9s Pe\u00f1a, told caf\u00e9 owners on the pier. "
    "Regular passengers called the decision \u2018unfair\u2019 and promised to appeal \u2014 again, if needed. "
    "The council said it would review the timetable before the summer season began in June.\n"
)


def test_cp1252_file_with_curly_quotes_decodes_correctly(tmp_path, load_items):
    """A real Windows-1252 file (curly quotes, dashes, accented names) is decoded to the right characters."""
    f = tmp_path / "legacy.txt"
    f.write_bytes(CP1252_TEXT.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        f.read_bytes().decode("utf-8")
    a = only_article(*load_items(f))
    assert a.title == "Ferry fares rise at S\u00e3o Vicente pier"
    assert a.text == CP1252_TEXT.split("\n\n", 1)[1].strip()
    for s in ("\u201cWe have no choice,\u201d", "company\u2019s", "\u2018unfair\u2019", "8% \u2013 the", "appeal \u2014 again", "In\u00e9s Pe\u00f1a", "caf\u00e9"):
        assert s in a.text
    assert a.meta["encoding"] == "cp1252"


def test_cp1250_text_keeps_its_encoding():
    """Central European text in cp1250 is not forced into cp1252 (no 'powiedzia\u00b3' mojibake)."""
    text = "Burmistrz powiedzia\u0142, \u017ce most b\u0119dzie otwarty w maju. \u201eTo dobra wiadomo\u015b\u0107\u201d \u2013 doda\u0142 radny.\n"
    decoded, encoding = decode(text.encode("cp1250"))
    assert decoded == text
    assert encoding != "cp1252"


def test_utf8_bom_and_utf16_decode():
    """UTF-8 with a byte-order mark and UTF-16 with one are read as text, not as binary."""
    text = "Caf\u00e9 owners met on the \u201cnew\u201d pier."
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")
    assert decode(text.encode("utf-16")) == (text, "utf-16")
