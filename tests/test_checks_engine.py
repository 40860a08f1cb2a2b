"""The rule engine (registry, select/ignore/severity config, config files) and `kehoach check`."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import REPO, SEEDS, parsed
from kehoach.parser import checks
from kehoach.parser.checks import RULES, CheckConfig, load_config
from kehoach.pipelines.cli import app

CONTRACT_CODES = {"period-mismatch", "reference-date-conflict", "reference-after-document", "reference-type-mismatch",
                  "observance-date-wrong", "anniversary-mismatch", "numbering-gap", "numbering-duplicate",
                  "invalid-date", "count-mismatch", "incomplete-date", "stale-reference-date"}
MN = SEEDS / "mn-son-ca-2024-2025.txt"
TH = SEEDS / "th-le-quy-don-2024.txt"


@pytest.fixture(scope="module")
def mn():
    return parsed(MN, checks=False)


def test_catalogue_covers_the_contract():
    assert CONTRACT_CODES <= set(RULES)
    for r in RULES.values():
        assert r.severity in ("error", "warning", "info") and r.summary and r.summary_vi


def test_select_ignore_and_severity(mn):
    all_codes = {f.code for f in checks.run(mn)}
    assert {"period-mismatch", "observance-date-wrong", "stale-reference-date"} <= all_codes
    only = checks.run(mn, {"select": ["observance"]})
    assert {f.code for f in only} == {"observance-date-wrong"}
    no_ref = checks.run(mn, {"ignore": "stale-reference-date,period-mismatch"})
    assert {f.code for f in no_ref} == all_codes - {"stale-reference-date", "period-mismatch"}
    louder = checks.run(mn, {"severity": {"stale-reference-date": "error"}})
    assert {f.severity for f in louder if f.code == "stale-reference-date"} == {"error"}
    with pytest.raises(ValueError):
        CheckConfig.from_dict({"severity": {"period-mismatch": "fatal"}})


def test_rule_options_from_config(mn):
    # guidance dated 13 months before the school year: stale at 6 months, not at 18
    assert any(f.code == "stale-reference-date" for f in checks.run(mn, {"options": {"stale-months": 6}}))
    assert not any(f.code == "stale-reference-date" for f in checks.run(mn, {"options": {"stale-months": 18}}))


def test_config_files(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.kehoach.check]\nignore = ["numbering-"]\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert load_config(start=sub) == {"ignore": ["numbering-"]}
    (tmp_path / "a" / "kehoach.toml").write_text('[check]\nselect = ["period-mismatch"]\n', encoding="utf-8")
    assert load_config(start=sub) == {"select": ["period-mismatch"]}
    cfg = CheckConfig.from_dict(load_config(start=tmp_path))
    assert not cfg.enabled("numbering-gap") and cfg.enabled("invalid-date")


def test_a_broken_rule_is_reported_not_raised(mn, monkeypatch):
    from kehoach.parser.checks import engine

    def boom(ctx):
        raise RuntimeError("bad data")
        yield  # pragma: no cover

    monkeypatch.setitem(engine.RULES, "zz-broken", engine.Rule("zz-broken", "error", "x", "x", boom))
    doc = mn.model_copy(deep=True)
    found = checks.run(doc)
    assert found and "check zz-broken failed: RuntimeError: bad data" in doc.source.warnings


# ------------------------------------------------------------------ the command


runner = CliRunner()


def test_check_text_output_and_exit_code():
    r = runner.invoke(app, ["check", "--isolated", "--jobs", "1", str(SEEDS)])
    assert r.exit_code == 1, r.output
    lines = r.stdout.strip().splitlines()
    assert any(ln.startswith(f"{TH}:") and ": error reference-date-conflict " in ln for ln in lines)
    path, line, col, rest = lines[0].split(":", 3)
    assert path.endswith(".txt") and line.isdigit() and col.isdigit() and rest.split()[0] in ("error", "warning")
    assert lines[-1].startswith("Checked 2 files: 4 error(s), 1 warning(s)")


def test_text_sources_report_the_files_own_lines():
    """The normalized text drops blank lines; the report points at the line in the .txt file."""
    r = runner.invoke(app, ["check", "--isolated", "--select", "period-mismatch", str(MN)])
    raw = MN.read_text(encoding="utf-8").split("\n")
    want = next(i for i, ln in enumerate(raw, 1) if ln.startswith("Trên đây là"))
    line = r.stdout.splitlines()[0]
    assert line.startswith(f"{MN}:{want}:1: error period-mismatch "), line
    data = json.loads(runner.invoke(app, ["check", "--isolated", "-f", "json", "--select", "period-mismatch", str(MN)]).stdout)
    f = data["files"][0]["findings"][0]
    assert (f["line"], f["column"]) == (want, 1)


def test_check_exit_zero_without_errors():
    r = runner.invoke(app, ["check", "--isolated", "--select", "stale-reference-date", "--lang", "en", str(MN)])
    assert r.exit_code == 0, r.output
    assert "stale-reference-date 25/LĐLĐ dated 2023-08-01" in r.stdout


def test_check_json_and_sarif(tmp_path):
    r = runner.invoke(app, ["check", "--isolated", "--format", "json", str(TH)])
    data = json.loads(r.stdout)
    assert data["summary"]["error"] == 2 and data["files"][0]["findings"][0]["end_line"] >= 1
    out = tmp_path / "r.sarif"
    r = runner.invoke(app, ["check", "--isolated", "--format", "sarif", "-o", str(out), str(TH), str(MN)])
    assert r.exit_code == 1
    sarif = json.loads(out.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    run = sarif["runs"][0]
    ids = [x["id"] for x in run["tool"]["driver"]["rules"]]
    assert set(ids) == set(RULES)
    res = run["results"]
    assert len(res) == 5
    for x in res:
        assert ids[x["ruleIndex"]] == x["ruleId"] and x["level"] in ("error", "warning", "note")
        reg = x["locations"][0]["physicalLocation"]["region"]
        assert reg["startLine"] >= 1 and reg["startColumn"] >= 1 and reg["snippet"]["text"]


def test_check_bad_inputs(tmp_path):
    r = runner.invoke(app, ["check", "--isolated", str(tmp_path / "nope.txt")])
    assert r.exit_code == 2
    r = runner.invoke(app, ["check", "--isolated", "--select", "no-such-rule", str(MN)])
    assert r.exit_code == 2 and "unknown rule code" in r.output
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = runner.invoke(app, ["check", "--isolated", str(empty), str(MN)])
    assert r.exit_code == 2 and "read-error" in r.stdout and "1 unreadable" in r.stdout


def test_list_rules():
    r = runner.invoke(app, ["check", "--list-rules", "--lang", "en"])
    assert r.exit_code == 0 and all(c in r.stdout for c in CONTRACT_CODES)


def test_folder_in_worker_processes_without_progress_when_piped(tmp_path):
    """Piped (not a TTY): no progress bar on stderr; results as in one process."""
    for i in range(3):
        for src in (MN, TH):
            (tmp_path / f"{i}-{src.name}").write_bytes(src.read_bytes())
    (tmp_path / "notes.xyz").write_text("not a plan", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "kehoach.pipelines.cli", "check", "--isolated", "--jobs", "2",
                        "--format", "json", str(tmp_path)], capture_output=True, text=True, cwd=REPO)
    assert p.returncode == 1, p.stderr
    data = json.loads(p.stdout)
    assert data["summary"]["files"] == 6 and data["summary"]["error"] == 12
    note, summary = p.stderr.strip().splitlines()
    assert note == f"kehoach: note: {tmp_path / 'notes.xyz'}: skipped, not a format kehoach reads"
    assert summary.startswith("Checked 6 files") and "━" not in p.stderr and "\r" not in p.stderr


def test_check_parse_output_json(tmp_path):
    """Parse output re-checked: from its text with --with-text, else its stored findings, filtered."""
    for extra in (["--with-text"], []):
        out = tmp_path / ("wt" if extra else "plain")
        assert runner.invoke(app, ["parse", *extra, "-o", str(out), str(TH)]).exit_code == 0
        js = out / "th-le-quy-don-2024.json"
        r = runner.invoke(app, ["check", "--isolated", "--ignore", "period-mismatch", "-f", "json", str(js)])
        codes = [f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]]
        assert codes == ["reference-date-conflict"] and r.exit_code == 1
