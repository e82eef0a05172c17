"""Bytes to text: binary files refused with a reason, UTF-8 and UTF-16 read, other encodings detected."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from charset_normalizer import from_bytes

from framing.errors import InputError

__all__ = ["check_binary", "decode"]

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.epub file)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "a legacy Microsoft Office document",
}
_TYPOGRAPHY = frozenset("‚„…‹›‘’“”–—«»\u00a0")


def check_binary(head: bytes) -> None:
    """Raise :class:`InputError` naming the kind of file when ``head`` (a file's first bytes) is not text."""
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"binary file, not text: this looks like {what}")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a byte-order mark: NUL bytes are expected
    if b"\x00" in head:
        raise InputError("binary file, not text (it contains NUL bytes)")


def _prefer_cp1252(matches: Any, chaos: float, data: bytes) -> bool:
    """Whether to read as Windows-1252 an English text that charset_normalizer cannot tell from cp1250.

    Single-byte Latin code pages fit such bytes equally well (same mess ratio) and the detector then
    lists cp1250 first, turning "São Paulo" into "Săo Paulo". Mostly-English text (at most 3% of
    letters non-ASCII) in a legacy encoding is far more likely Windows-1252, so it wins the tie,
    unless that reading puts a symbol right after a letter ("powiedzia³": Polish in cp1250).
    """
    if not any(m.chaos <= chaos and "cp1252" in m.could_be_from_charset for m in matches):
        return False
    text = data[: 1 << 20].decode("cp1252", errors="ignore")  # the detector's sample
    if any(a.isalpha() and not b.isascii() and not b.isalpha() and b not in _TYPOGRAPHY and b not in "®©°™" for a, b in pairwise(text)):
        return False
    odd = sum(1 for c in text if not c.isascii() and c not in _TYPOGRAPHY)
    letters = sum(1 for c in text if c.isascii() and c.isalpha()) + odd
    return letters > 0 and odd <= 0.03 * letters


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected encoding.

    Returns ``(text, encoding)``; raises :class:`InputError` for binary data or bytes that fit
    no encoding.
    """
    check_binary(data[:8192])
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    matches = from_bytes(data[: 1 << 20])
    best = matches.best()
    if best is not None and _prefer_cp1252(matches, best.chaos, data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if best is not None and best.encoding and best.encoding not in ("utf_8", "utf-8"):
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(
        f"undecodable bytes: not valid UTF-8 (first bad byte at offset {first_bad}) and no other "
        "text encoding fits; re-save the file as UTF-8"
    )
