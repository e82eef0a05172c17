"""framing analyze and framing report on a large run: a report on a stratified sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_corpus

from framing.cli.app import main


def test_cli_reports_a_sample_of_a_large_run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Above --report-sample articles the report covers a stratified sample and says so; the table has them all."""
    import csv


    corpus = make_corpus(tmp_path / "c.jsonl", 60)
    code = main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "--no-actors", "--report-sample", "30", "--format", "html", "--no-progress"])
    assert code == 0
    assert "sample of 30 of 60 articles" in capsys.readouterr().err
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "stratified sample of 30 of 60 articles" in html
    with open(tmp_path / "out" / "articles.csv", newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 60
    # 'framing report' re-reads the run: all articles up to the same default sample size as
    # 'framing analyze', a sample above it; --sample 0 for all, --sample N for another size
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "all"), "--format", "md"]) == 0
    assert "Compared 60 articles" in capsys.readouterr().err
    monkeypatch.setattr("framing.cli.app.REPORT_SAMPLE", 25)
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "default"), "--format", "md"]) == 0
    assert "Compared 25 articles" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "all"), "--sample", "0", "--format", "md"]) == 0
    assert "Compared 60 articles" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "some"), "--sample", "20", "--format", "md"]) == 0
    err = capsys.readouterr().err
    assert "sample of 20 of 60 articles" in err and "Compared 20 articles" in err
    assert f"'framing report {tmp_path / 'out'} --sample 0'" in err  # the results, not where the report went
    assert "stratified sample of 20 of 60 articles" in (tmp_path / "some" / "report.md").read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "nowhere"), "--sample", "20"]) == 2
