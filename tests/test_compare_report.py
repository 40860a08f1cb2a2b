"""Reports: the xlsx opens with openpyxl and every sheet has the columns docs/compare.md
documents; csv files; the html renders in headless Chromium with its tables and chart."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from compare_data import PLANS, SEED_IDS, seed, synthetic
from conftest import REPO, SEEDS
from kehoach.pipelines import report
from kehoach.pipelines.cli import app
from kehoach.pipelines.compare import COLUMNS, PER_PLAN, compare

INPUTS = [SEEDS / f"{i}.txt" for i in SEED_IDS] + [PLANS / "thcs-hoa-binh-2023-2024.txt",
                                                   PLANS / "thcs-hoa-binh-2024-2025.txt"]
KEYS = SEED_IDS + ["thcs-hoa-binh-2023-2024", "thcs-hoa-binh-2024-2025"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def documented() -> dict[str, tuple[list[str], bool]]:
    """sheet -> (documented columns, has per-plan columns), read from docs/compare.md."""
    out: dict[str, tuple[list[str], bool]] = {}
    sheet = None
    for line in (REPO / "docs" / "compare.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"### `(\w+)`", line)
        if m:
            sheet = m.group(1)
            out[sheet] = ([], False)
            continue
        if sheet and line.startswith("| "):
            first = line.split("|")[1].strip()
            col = re.fullmatch(r"`(\w+)`", first)
            if col:
                out[sheet][0].append(col.group(1))
            elif "one column per plan" in first:
                out[sheet] = (out[sheet][0], True)
    return out


def run_cli(*args: str) -> None:
    res = CliRunner().invoke(app, ["compare", *args])
    assert res.exit_code == 0, res.output


def test_docs_match_code():
    docs = documented()
    assert set(docs) == set(COLUMNS)
    for sheet, (cols, per_plan) in docs.items():
        assert cols == COLUMNS[sheet], sheet
        assert per_plan == (sheet in PER_PLAN), sheet


def test_xlsx_sheets_have_documented_columns(tmp_path):
    out = tmp_path / "cmp.xlsx"
    run_cli(*map(str, INPUTS), "--out", str(out))
    wb = load_workbook(out, read_only=True)
    docs = documented()
    assert set(wb.sheetnames) == set(docs)  # two plans share an issuer: the diff sheet is there
    for name in wb.sheetnames:
        header = [c.value for c in next(wb[name].iter_rows(min_row=1, max_row=1))]
        cols, per_plan = docs[name]
        assert header == cols + (KEYS if per_plan else []), name
    topics = {r[0]: r for r in wb["topics"].iter_rows(min_row=2, values_only=True)}
    assert topics["nu_cong"][3:] == ("1.5", "CHƯƠNG TRÌNH 5", "III / 5", "III / 5")
    diff = list(wb["diff"].iter_rows(min_row=2, values_only=True))
    assert {"section_carried_over", "stale_year"} <= {r[3] for r in diff}
    # end to end with the real target tagger: the 80% -> 85% target is seen as changed
    assert ("80%", "85%") in {(r[7], r[8]) for r in diff if r[3] == "target_changed"}
    assert [r[12] for r in diff if r[3] == "target_added"] == ["100% nữ đoàn viên được khám sức khỏe định kỳ"]


def test_xlsx_values_from_tagged_plans(tmp_path):
    c = compare([seed(SEED_IDS[0]), seed(SEED_IDS[1]), synthetic("thcs-hoa-binh-2023-2024.txt"),
                 synthetic("thcs-hoa-binh-2024-2025.txt")])
    [out] = report.write(c, tmp_path / "tagged.xlsx")
    wb = load_workbook(out)
    refs = {r[0]: r for r in wb["legal_refs"].iter_rows(min_row=2, values_only=True)}
    assert refs["02-NQ/TW"][5] == 2
    diff = [r for r in wb["diff"].iter_rows(min_row=2, values_only=True) if r[3] == "target_changed"]
    assert sorted((r[7], r[8]) for r in diff) == [("80%", "85%"), ("80%", "85%")]
    assert wb["targets"].max_row - 1 == len(c.table("targets").rows) > 5


def test_csv(tmp_path):
    out = tmp_path / "cmp.csv"
    run_cli(*map(str, INPUTS[:2]), "--out", str(out))
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == COLUMNS["topics"] + SEED_IDS
    assert ["nu_cong", "Nữ công, bình đẳng giới", "2", "1.5", "CHƯƠNG TRÌNH 5"] in rows
    for name in COLUMNS:
        if name not in ("topics", "diff"):
            assert (tmp_path / f"cmp.{name}.csv").is_file(), name
    assert not (tmp_path / "cmp.diff.csv").exists()


def test_cli_rejects_bad_output_and_missing_input(tmp_path):
    res = CliRunner().invoke(app, ["compare", str(INPUTS[0]), "--out", str(tmp_path / "x.pdf")])
    assert res.exit_code == 2
    res = CliRunner().invoke(app, ["compare", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "x.html")])
    assert res.exit_code == 2


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium at /usr/bin/chromium")
def test_html_renders_in_headless_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    c = compare([seed(SEED_IDS[0]), seed(SEED_IDS[1]), synthetic("thcs-hoa-binh-2023-2024.txt"),
                 synthetic("thcs-hoa-binh-2024-2025.txt")])
    [out] = report.write(c, tmp_path / "cmp.html")
    page_src = out.read_text(encoding="utf-8")
    assert "http://" not in page_src.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page_src and "<link" not in page_src and "src=" not in page_src
    shot = tmp_path / "cmp.png"
    requests: list[str] = []
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=CHROMIUM,
                                                   args=CHROMIUM_ARGS, headless=True)
        try:
            page = ctx.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.set_viewport_size({"width": 1280, "height": 1600})
            page.goto(out.as_uri())
            page.screenshot(path=str(shot), full_page=True)
            ids = page.eval_on_selector_all("table.sortable", "ts => ts.map(t => t.dataset.table)")
            assert ids == c.names()
            for name in ids:
                n = page.eval_on_selector(f"#t-{name}", "t => t.tBodies[0].rows.length")
                assert n == len(c.table(name).rows), name
            bars = page.eval_on_selector_all("#chart-targets rect", "rs => rs.filter(r => r.getAttribute('width') > 0).length")
            assert bars >= 10
            box = page.eval_on_selector("#chart-targets", "s => s.getBoundingClientRect().height")
            assert box > 100
            # sorting: click "plans_covering" twice -> descending, the most-covered topic first
            th = page.locator("#t-topics th", has_text="plans_covering")
            th.click()
            th.click()
            first = page.eval_on_selector("#t-topics", "t => t.tBodies[0].rows[0].cells[2].textContent")
            last = page.eval_on_selector("#t-topics", "t => t.tBodies[0].rows[t.tBodies[0].rows.length-1].cells[2].textContent")
            assert int(first) == 4 and int(last) < 4
            assert page.get_attribute("#t-topics th:nth-child(3)", "aria-sort") == "descending"
        finally:
            ctx.close()
    assert shot.stat().st_size > 20_000
    assert all(u.startswith("file://") for u in requests), requests


def test_cli_diff_flag_and_batch_folder(tmp_path):
    from compare_data import write_batch

    from kehoach.parser import parse

    out = write_batch([parse(p) for p in INPUTS[:2]], tmp_path / "OUT")
    xlsx = tmp_path / "seeds.xlsx"
    run_cli(str(out), "--out", str(xlsx))
    assert "diff" not in load_workbook(xlsx, read_only=True).sheetnames  # different issuers
    run_cli(str(out), "--diff", "--out", str(xlsx))
    wb = load_workbook(xlsx, read_only=True)
    assert "diff" in wb.sheetnames
    header = [c.value for c in next(wb["topics"].iter_rows(min_row=1, max_row=1))]
    assert header[3:] == SEED_IDS  # batch JSON keeps the original file name for the plan key


def test_cli_skips_unreadable_inputs_and_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a plan"}', encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    out = tmp_path / "r.xlsx"
    res = CliRunner().invoke(app, ["compare", str(INPUTS[0]), str(bad), str(broken), "--out", str(out)])
    assert res.exit_code == 2
    assert "bad.json" in res.output and "broken.docx" in res.output
    wb = load_workbook(out, read_only=True)
    assert [r[0] for r in wb["plans"].iter_rows(min_row=2, values_only=True)] == [SEED_IDS[0]]
    res = CliRunner().invoke(app, ["compare", str(bad), "--out", str(out)])
    assert res.exit_code == 2 and "no plans to compare" in res.output
