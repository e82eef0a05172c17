"""The options for reading inputs on the command line come from LoadOptions, one flag per field."""

from __future__ import annotations

import argparse
import dataclasses

import pytest

from framing.cli.common import add_load_options, load_options
from framing.errors import InputError
from framing.inputs.options import LoadOptions


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser()
    add_load_options(p)
    return p


def test_every_load_option_has_a_flag_with_its_help() -> None:
    """Each LoadOptions field is a flag in the 'reading inputs' group, showing the field's help and its default."""
    help_text = " ".join(parser().format_help().split())
    for flag in ("--outlet OUTLET", "--date DATE", "--text-col NAME", "--max-article-mb MB", "--no-clean"):
        assert flag in help_text
    for f in dataclasses.fields(LoadOptions):
        assert " ".join(f.metadata["help"].split()) in help_text, f.name
    assert "(default: 1.0)" in help_text


def test_flags_give_the_load_options() -> None:
    """No flags give the default LoadOptions; flags give the values they name, typed as the fields are."""
    assert load_options(parser().parse_args([])) == LoadOptions()
    args = parser().parse_args(["--outlet", "Valley Courier", "--date", "2025-06-03", "--text-col", "body", "--max-article-mb", "2.5", "--no-clean"])
    assert load_options(args) == LoadOptions(outlet="Valley Courier", published="2025-06-03", text_col="body", max_article_mb=2.5, clean=False)


def test_unreadable_date_flag_is_an_input_error() -> None:
    """--date with an ambiguous date is refused when the options are built, naming the format to use."""
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        load_options(parser().parse_args(["--date", "03/12/2026"]))
