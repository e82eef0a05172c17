"""Source: the readers' bytes counted and hashed in the one reading that loads them."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from framing.errors import InputError
from framing.inputs.options import LoadOptions
from framing.inputs.readers import read_source
from framing.inputs.source import Source

from .samples import BRIDGE, LIBRARY, csv_text, write


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_digest_of_every_format_equals_a_separate_hash(tmp_path):
    """Reading a file through a Source hashes it as it goes: the digest is the SHA-256 and size of the
    whole file, whatever the reader (sniffing the head, reopening, reading in chunks)."""
    big = " ".join([LIBRARY] * 2000)  # more than one buffer
    files = [
        write(tmp_path / "page.txt", "Library extends evening opening hours\n\n" + big),
        write(tmp_path / "feed.jsonl", "\n".join(json.dumps({"text": t}) for t in [big, BRIDGE] * 20) + "\n"),
        write(tmp_path / "table.csv", csv_text([["title", "text"]] + [["T", big]] * 5)),
        write(tmp_path / "list.json", json.dumps([{"text": big}])),
        write(tmp_path / "notes.unknown", big),
    ]
    packed = tmp_path / "feed.jsonl.gz"
    packed.write_bytes(gzip.compress(files[1].read_bytes()))
    for path in [*files, packed]:
        source = Source(path, digest=True)
        items = list(read_source(source, LoadOptions()))
        assert items and all(type(x).__name__ == "Article" for x in items), path
        assert source.consumed == path.stat().st_size, path  # read once, to the end
        digest = source.digest()
        assert (digest.path, digest.size, digest.sha256) == (str(path), path.stat().st_size, sha(path))


def test_digest_of_a_file_the_reader_refused(tmp_path):
    """A file refused before it was read (too large) or half-way (not gzip after all) still gets its full digest."""
    too_big = write(tmp_path / "big.txt", LIBRARY * 100)
    source = Source(too_big, digest=True)
    with pytest.raises(InputError, match="larger than"):
        list(read_source(source, LoadOptions(max_article_mb=0.001)))
    assert source.consumed == 0
    assert source.digest().sha256 == sha(too_big)
    fake = write(tmp_path / "fake.jsonl.gz", "not compressed at all, whatever the name says\n" * 3000)
    source = Source(fake, digest=True)
    with pytest.raises(OSError):
        list(read_source(source, LoadOptions()))
    assert 0 < source.consumed < fake.stat().st_size
    assert (source.digest().size, source.digest().sha256) == (fake.stat().st_size, sha(fake))


def test_no_digest_unless_asked(tmp_path, monkeypatch):
    """Without digest=True nothing is hashed while reading; digest() still answers by reading the file."""
    f = write(tmp_path / "page.txt", LIBRARY)
    made = []
    real = hashlib.sha256
    monkeypatch.setattr("framing.inputs.source.hashlib.sha256", lambda *a: made.append(1) or real(*a))
    source = Source(f)
    list(read_source(source, LoadOptions()))
    assert made == [] and source.consumed == f.stat().st_size
    assert source.digest().sha256 == sha(f)
