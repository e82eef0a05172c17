"""Finding inputs: folders, glob patterns, skipped files, paths that do not exist, special files and unreadable folders."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

import framing
from framing.inputs.discovery import discover
from framing.types import LoadError

from .samples import BRIDGE, LIBRARY, ORCHARD, only_article, write


def test_glob_patterns(tmp_path, load_items, monkeypatch):
    """Glob patterns select matching files, recursively with **."""
    write(tmp_path / "top.txt", LIBRARY)
    write(tmp_path / "notes.md", BRIDGE)
    write(tmp_path / "deep" / "er" / "low.txt", ORCHARD)
    monkeypatch.chdir(tmp_path)
    articles, errors = load_items("*.txt")
    assert errors == [] and [a.id for a in articles] == ["top"]
    articles, errors = load_items("**/*.txt")
    assert errors == [] and sorted(a.id for a in articles) == ["low", "top"]
    articles, errors = load_items(str(tmp_path / "*.md"))
    assert errors == [] and [a.id for a in articles] == ["notes"]


def test_folder_skips_hidden_readme_and_license(tmp_path, load_items):
    """A folder is searched recursively; hidden files and folders, README and LICENSE are passed over."""
    write(tmp_path / "a.txt", LIBRARY)
    write(tmp_path / "sub" / "b.txt", BRIDGE)
    write(tmp_path / ".draft.txt", ORCHARD)
    write(tmp_path / ".cache" / "c.txt", ORCHARD)
    write(tmp_path / "README.md", "# About this folder\n\nThese files are test inputs for the loader and nothing more.")
    write(tmp_path / "LICENSE", "Permission is hereby granted to use these invented test sentences.")
    articles, errors = load_items(tmp_path)
    assert errors == []
    assert [a.source_path for a in articles] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]


def test_explicit_readme_path_is_loaded(tmp_path, load_items):
    """README is skipped only inside folders: named explicitly, it is read."""
    f = write(tmp_path / "README.md", "# Harbour notes\n\n" + BRIDGE)
    a = only_article(*load_items(f))
    assert a.text == BRIDGE


def test_missing_path_and_unmatched_glob(tmp_path, load_items):
    """In a stream (iter_load) a path that does not exist, or a pattern matching nothing, is a
    LoadError and the rest loads; framing.load refuses them (MissingInputError naming each) instead
    of returning a corpus without them (or an empty one)."""
    write(tmp_path / "ok.txt", LIBRARY)
    missing = tmp_path / "nope" / "missing.txt"
    given = [missing, tmp_path / "ok.txt", str(tmp_path / "*.xml")]
    articles, errors = load_items(given)
    assert [a.id for a in articles] == ["ok"]
    expected = [(str(missing), "no such file or folder"), (str(tmp_path / "*.xml"), "no file matches this pattern")]
    assert [(e.path, e.reason) for e in errors] == expected
    with pytest.raises(framing.MissingInputError) as exc:
        framing.load(given)
    assert exc.value.missing == expected and str(missing) in str(exc.value)
    with pytest.raises(framing.MissingInputError, match=r"missing/: no such file or folder"):
        framing.load("missing/")


def test_same_file_given_twice_loads_once(tmp_path, load_items):
    """A file named twice (directly and through its folder) is loaded once."""
    f = write(tmp_path / "story.txt", LIBRARY)
    articles, errors = load_items([f, tmp_path, str(f)])
    assert errors == []
    assert [a.id for a in articles] == ["story"]


# ---------------------------------------------------------------------------------------------
# Special files and unreadable folders are reported, never read (issue #20, severe 4)

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.timeout(60)
def test_fifo_given_found_in_a_folder_or_by_a_glob_is_an_error_not_a_hang(tmp_path, load_items):
    """A named pipe with no writer would block a reader for ever: given by name, found in a folder
    or matched by a glob it is one LoadError saying what it is, and the other files load."""
    write(tmp_path / "a.txt", LIBRARY)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    write(tmp_path / "z.txt", BRIDGE)
    for given in ([tmp_path / "a.txt", fifo, tmp_path / "z.txt"], tmp_path, str(tmp_path / "*.txt")):
        articles, errors = load_items(given)
        assert [a.text for a in articles] == [LIBRARY, BRIDGE]
        assert [(e.path, e.record) for e in errors] == [(str(fifo), None)]
        assert errors[0].reason.startswith("not a regular file but a named pipe (FIFO)")


def test_socket_and_character_device_are_errors(tmp_path, load_items):
    """A Unix socket in a folder and a character device given by name are refused by their kind."""
    write(tmp_path / "a.txt", LIBRARY)
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s.sock"))
        articles, errors = load_items([tmp_path, os.devnull])
    finally:
        sock.close()
    assert [a.text for a in articles] == [LIBRARY]
    reasons = {e.path: e.reason for e in errors}
    assert reasons[str(tmp_path / "s.sock")].startswith("not a regular file but a socket")
    assert reasons[os.devnull].startswith("not a regular file but a character device")


def test_broken_link_in_a_folder_is_reported(tmp_path, load_items):
    """A link to a file that is gone is an error naming it, not silently passed over."""
    write(tmp_path / "a.txt", LIBRARY)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    articles, errors = load_items(tmp_path)
    assert [a.text for a in articles] == [LIBRARY]
    assert [(e.path, e.reason) for e in errors] == [(str(tmp_path / "gone.txt"), "a broken link: the file it points to does not exist")]


def test_unreadable_subfolder_is_reported_simulated(tmp_path, load_items, monkeypatch):
    """A subfolder the user may not list (os.scandir raising PermissionError, as it does without
    read permission; simulated so the test also runs as root) is one error naming it; the files
    beside it load."""
    write(tmp_path / "a.txt", LIBRARY)
    write(tmp_path / "locked" / "b.txt", BRIDGE)
    write(tmp_path / "open" / "c.txt", ORCHARD)
    real = os.scandir

    def scandir(path="."):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, errors = load_items(tmp_path)
    assert [a.text for a in articles] == [LIBRARY, ORCHARD]
    assert [(e.path, e.reason) for e in errors] == [
        (str(tmp_path / "locked"), "cannot read folder: Permission denied; the files in it were not analysed")
    ]


@pytest.mark.skipif(AS_ROOT, reason="running as root, which can read a folder without read permission; the simulated test above covers it")
def test_unreadable_subfolder_is_reported(tmp_path, load_items):
    """The same with a real folder made unreadable (chmod 000)."""
    write(tmp_path / "a.txt", LIBRARY)
    write(tmp_path / "locked" / "b.txt", BRIDGE)
    (tmp_path / "locked").chmod(0)
    try:
        articles, errors = load_items(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert [a.text for a in articles] == [LIBRARY]
    assert [e.path for e in errors] == [str(tmp_path / "locked")] and "Permission denied" in errors[0].reason


def test_an_empty_folder_is_reported_not_read_as_no_articles(tmp_path: Path) -> None:
    """A folder with no article files in it (empty, or only hidden files) is an error naming it."""
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"\0")
    (out,) = list(discover([empty]))
    assert isinstance(out, LoadError) and out.path == str(empty) and "no article files" in out.reason
    full = tmp_path / "full"
    full.mkdir()
    (full / "a.txt").write_text("Canada and China signed a deal.", encoding="utf-8")
    assert list(discover([full])) == [full / "a.txt"]
