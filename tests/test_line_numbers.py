"""One line-number convention: a finding's `line`/`column` is the source file's line and
column in the parse JSON, `kehoach check` text/JSON/SARIF and a re-checked PlanDocument .json
(the batch `findings` table: test_batch_run.py, docs/tables.md). The input has blank lines and indented
lines, so the normalized text's lines differ from the file's."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from kehoach.parser import parse
from kehoach.pipelines.cli import app

runner = CliRunner()
CODE = "period-mismatch"


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    """The seed with an extra blank line after every line and the closing sentence indented."""
    src = (SEEDS / "mn-son-ca-2024-2025.txt").read_text(encoding="utf-8").split("\n")
    lines = []
    for ln in src:
        lines += ["    " + ln if ln.startswith("Trên đây là") else ln, ""]
    path = tmp_path_factory.mktemp("lines") / "spaced.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    want = next(i for i, ln in enumerate(lines, 1) if ln.startswith("    Trên đây là"))
    return path, want


def _finding(findings: list[dict]) -> dict:
    return next(f for f in findings if f["code"] == CODE)


def test_parse_json_gives_the_source_line(plan):
    path, want = plan
    doc = parse(path)
    f = _finding([f.model_dump() for f in doc.findings])
    assert (f["line"], f["column"]) == (want, 5)
    norm_line = doc.text.count("\n", 0, f["start"]) + 1
    assert norm_line < want / 1.5  # the normalized text really counts differently


def test_check_text_json_sarif_and_rechecked_json_agree(plan, tmp_path):
    path, want = plan
    r = runner.invoke(app, ["check", "--isolated", "--select", CODE, str(path)])
    assert r.stdout.splitlines()[0].startswith(f"{path}:{want}:5: error {CODE} ")
    js = json.loads(runner.invoke(app, ["check", "--isolated", "-f", "json", "--select", CODE, str(path)]).stdout)
    f = _finding(js["files"][0]["findings"])
    assert (f["line"], f["column"]) == (want, 5) and f["end_line"] >= want
    sarif = json.loads(runner.invoke(app, ["check", "--isolated", "-f", "sarif", "--select", CODE, str(path)]).stdout)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (want, 5)
    # a PlanDocument .json parsed with --with-text is re-checked: still the source's line
    out = tmp_path / "json"
    assert runner.invoke(app, ["parse", str(path), "--with-text", "--out", str(out)]).exit_code == 0
    r = runner.invoke(app, ["check", "--isolated", "--select", CODE, str(out / "spaced.json")])
    assert r.stdout.splitlines()[0].startswith(f"{out / 'spaced.json'}:{want}:5: error {CODE} ")
