"""Finding inputs: folders, glob patterns, skipped files and paths that do not exist."""

from __future__ import annotations

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
    """A path that does not exist, or a pattern matching nothing, is a LoadError; the rest loads."""
    write(tmp_path / "ok.txt", LIBRARY)
    missing = tmp_path / "nope" / "missing.txt"
    articles, errors = load_items([missing, tmp_path / "ok.txt", str(tmp_path / "*.xml")])
    assert [a.id for a in articles] == ["ok"]
    assert [(e.path, e.reason) for e in errors] == [
        (str(missing), "no such file or folder"),
        (str(tmp_path / "*.xml"), "no file matches this pattern"),
    ]


def test_same_file_given_twice_loads_once(tmp_path, load_items):
    """A file named twice (directly and through its folder) is loaded once."""
    f = write(tmp_path / "story.txt", LIBRARY)
    articles, errors = load_items([f, tmp_path, str(f)])
    assert errors == []
    assert [a.id for a in articles] == ["story"]
