"""No silent mistakes on the command line (issue #18, part 4): a mistyped option, path or grouping
field is a usage error (exit 2) that names it and what was meant, never a run that quietly does
something else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES

from framing.cli.app import main

TOP_USAGE = "usage: framing [-h] [--version] COMMAND"


@pytest.mark.parametrize(
    ("argv", "usage", "hint"),
    [
        (["analyze", str(EXAMPLES), "--formt", "html", "--out", "OUT"], "usage: framing analyze ", "did you mean --format?"),
        (["analyze", str(EXAMPLES), "--out", "OUT", "--formt=html"], "usage: framing analyze ", "did you mean --format?"),
        (["report", "OUT", "--by", "outlet", "--smaple", "10"], "usage: framing report ", "did you mean --sample?"),
        (["worksheet", "a.txt", "b.txt", "--levle", "high", "--out", "OUT"], "usage: framing worksheet ", "did you mean --level?"),
        (["lexicons", "show", "rhetoric", "--categroy", "hedges"], "usage: framing lexicons show ", "did you mean --category?"),
        (["code", "sample", "x.jsonl", "--n", "3", "--out", "s.csv", "--equl"], "usage: framing code sample ", "did you mean --equal?"),
    ],
)
def test_option_typo_shows_the_commands_usage_and_the_closest_option(argv: list[str], usage: str, hint: str, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown option is refused by the command's own parser: its usage (not the top-level one)
    and the closest option it has, exit 2, before any work."""
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage) and TOP_USAGE not in err
    assert "unrecognized arguments: " in err and hint in err
    assert not Path("OUT").exists()


def test_an_unknown_option_far_from_any_gets_no_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["clean", "a.txt", "--frobnicate"])
    err = capsys.readouterr().err
    assert err.startswith("usage: framing clean ") and "unrecognized arguments: --frobnicate\n" in err and "did you mean" not in err


@pytest.mark.parametrize(
    "command",
    [
        ["analyze", "--out", "{out}"],
        ["compare", "--out", "{out}"],
        ["worksheet", "--out", "{out}"],
        ["actors", "candidates"],
        ["code", "sample", "--n", "2", "--out", "{out}/s.csv"],
        ["clean"],
    ],
)
def test_a_missing_path_or_a_pattern_matching_nothing_is_a_usage_error(command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path that does not exist among good ones, or a pattern matching no file, stops the command
    with exit 2 naming each, before any work (it used to be analysed without them)."""
    out = tmp_path / "out"
    missing, pattern = tmp_path / "artcles", str(tmp_path / "pages" / "*.html")
    argv = [a.replace("{out}", str(out)) for a in command] + [str(EXAMPLES), str(missing), pattern]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"{missing}: no such file or folder" in err and f"{pattern}: no file matches this pattern" in err
    assert "Traceback" not in err and not out.exists()


@pytest.fixture(scope="module")
def topic_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Three short invented articles (JSONL with a 'topic' column): the corpus and an --out folder."""
    root = tmp_path_factory.mktemp("topics")
    corpus = root / "corpus.jsonl"
    rows = [
        {"id": f"t{i}", "outlet": outlet, "date": "2026-03-12", "topic": topic, "text": f"The harbour board met on Thursday. Officials said the ferry pier vote was {mood}."}
        for i, (outlet, topic, mood) in enumerate([("Bay Post", "port", "close"), ("Hill Times", "port", "a win"), ("Bay Post", "budget", "delayed")])
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return corpus, root / "out"


def test_unknown_grouping_field_is_a_usage_error_listing_the_fields(topic_run: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """'--by topik' exits 2 naming the fields one can group by (outlet, published, the metadata
    columns) and the closest; the analysis is kept and 'framing report --by topic' reports it."""
    corpus, out = topic_run
    fast = ["--no-lexicons", "--no-actors", "--no-progress"]
    assert main(["analyze", str(corpus), "--out", str(out), "--by", "topik", *fast]) == 2
    err = capsys.readouterr().err
    assert "cannot group by 'topik': no article has that field (did you mean 'topic'?)" in err
    fields = err.split("fields to group by: ", 1)[1]
    assert fields.startswith("outlet, published, ") and "topic" in fields
    assert f"'framing report {out} --by FIELD'" in err
    assert (out / "articles.jsonl").is_file() and not (out / "report.html").exists()

    assert main(["report", str(out), "--by", "outlte"]) == 2
    assert "(did you mean 'outlet'?)" in capsys.readouterr().err
    assert main(["report", str(out), "--by", "topic"]) == 0
    assert "Compared 3 articles by topic" in capsys.readouterr().err

    sample = out / "sample.csv"
    assert main(["code", "sample", str(out), "--n", "2", "--by", "topc", "--out", str(sample)]) == 2
    err = capsys.readouterr().err
    assert "cannot stratify by 'topc'" in err and "did you mean 'topic'?" in err and not sample.exists()
    assert main(["code", "sample", str(out), "--n", "2", "--by", "topic", "--out", str(sample)]) == 0
