"""LoadOptions: the one definition of the load options, checked where they are given."""

from __future__ import annotations

import dataclasses

import pytest

import framing
from framing.errors import InputError, OptionError
from framing.inputs.options import LoadOptions

from .samples import LIBRARY, write


def test_unreadable_published_option_is_rejected(tmp_path):
    """published= with an ambiguous date raises InputError before anything is read."""
    write(tmp_path / "page.txt", LIBRARY)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        list(framing.iter_load(tmp_path / "page.txt", published="03/12/2026"))


def test_unknown_option_names_the_allowed_ones(tmp_path):
    """An unknown keyword to load or iter_load is an OptionError listing every option there is."""
    write(tmp_path / "page.txt", LIBRARY)
    for call in (framing.load, framing.iter_load):
        with pytest.raises(OptionError, match="unknown load option 'source'; the options are: outlet, published, text_col, max_article_mb, clean"):
            call(tmp_path / "page.txt", source="Valley Courier")


def test_options_are_one_frozen_value(tmp_path):
    """LoadOptions is frozen, keyword-only, and every field carries the help text the command line shows."""
    opts = LoadOptions.from_kwargs({"outlet": "Valley Courier", "max_article_mb": 2})
    assert (opts.outlet, opts.max_bytes, opts.clean) == ("Valley Courier", 2 * 1024 * 1024, True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.outlet = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        LoadOptions("Valley Courier")  # type: ignore[misc]
    assert all(f.metadata["help"] for f in dataclasses.fields(LoadOptions))
    assert LoadOptions.names() == ("outlet", "published", "text_col", "max_article_mb", "clean")
    assert "``text_col`` (default ``None``)" in (LoadOptions.__doc__ or "")
