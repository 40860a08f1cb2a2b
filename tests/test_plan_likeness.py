"""A plan-likeness verdict in every output: `source.is_plan` with its reasons in the parse
JSON, a `not-a-plan` finding in check, a warning in compare (the batch column and count:
test_batch_run.py::test_local_and_dask_give_identical_json)."""
from __future__ import annotations

import importlib.util
import json
import shutil
import sys

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, REPO, SEEDS
from kehoach.parser import parse, parse_bytes
from kehoach.pipelines.cli import app

runner = CliRunner()
MN = SEEDS / "mn-son-ca-2024-2025.txt"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    d = tmp_path_factory.mktemp("mixed")
    (d / "readme.md").write_text("hello\n", encoding="utf-8")
    shutil.copy(MN, d / MN.name)
    return d


def test_hello_is_not_a_plan_and_says_why(mixed):
    doc = parse(mixed / "readme.md")
    assert doc.source.is_plan is False
    assert doc.source.plan_reasons[0] == "0 of 6 plan parts found"
    assert "no title naming a document type (Kế hoạch, Chương trình, Báo cáo, ...)" in doc.source.plan_reasons
    (f,) = [f for f in doc.findings if f.code == "not-a-plan"]
    assert f.severity == "warning" and f.evidence["reasons"] == doc.source.plan_reasons
    assert f.message.startswith("Tệp không giống một kế hoạch: không có tiêu đề nêu loại văn bản")


def test_numbered_how_to_is_not_a_plan():
    text = "Cài đặt phần mềm\n1. Tải về\n2. Cài đặt\n3. Chạy thử\n"
    doc = parse_bytes(text.encode(), "howto.txt", nlp=False)
    assert doc.source.is_plan is False and "3 numbered sections" in doc.source.plan_reasons[0]


@pytest.mark.parametrize("path", [MN, SEEDS / "th-le-quy-don-2024.txt", FIXTURES / "th-le-quy-don-2024.docx",
                                  FIXTURES / "mn-son-ca-2024-2025.pdf"], ids=lambda p: p.name)
def test_real_plans_are_plans(path):
    doc = parse(path, nlp=False)
    assert doc.source.is_plan is True and len(doc.source.plan_reasons) >= 4
    assert not [f for f in doc.findings if f.code == "not-a-plan"]


def test_generated_plans_are_plans():
    spec = importlib.util.spec_from_file_location("kehoach_synth", REPO / "corpora" / "synth" / "generate.py")
    synth = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("kehoach_synth", synth)
    spec.loader.exec_module(synth)
    verdicts = [parse_bytes(text.encode(), f"{i}.txt", nlp=False, checks=False).source.is_plan
                for i, text, _ in synth.generate(12, 3)]
    assert verdicts == [True] * 12


def test_check_reports_the_non_plan(mixed):
    r = runner.invoke(app, ["check", "--isolated", "--jobs", "1", str(mixed)])
    lines = r.stdout.splitlines()
    assert any(ln.startswith(f"{mixed / 'readme.md'}:1:1: warning not-a-plan ") for ln in lines)
    assert not any("not-a-plan" in ln for ln in lines if ln.startswith(str(mixed / MN.name)))
    assert "; 1 not a plan;" in lines[-1]
    js = json.loads(runner.invoke(app, ["check", "--isolated", "-f", "json", str(mixed)]).stdout)
    assert js["summary"]["not_plans"] == 1
    assert {f["path"].rsplit("/", 1)[-1]: f["is_plan"] for f in js["files"]} == {"readme.md": False, MN.name: True}


def test_compare_names_the_non_plan(mixed, tmp_path):
    r = runner.invoke(app, ["compare", str(mixed / "readme.md"), str(mixed / MN.name), "--out", str(tmp_path / "c.csv")])
    assert r.exit_code == 0, r.output
    assert f"kehoach compare: warning: {mixed / 'readme.md'}: not a plan (0 of 6 plan parts found;" in r.stderr
    assert MN.name + ": not a plan" not in r.stderr


def test_guidance_whose_header_a_site_dropped_still_is_one():
    from kehoach.parser import parse_bytes

    text = ("Căn cứ Quyết định số 205/QĐ-TLĐ ngày 10/01/2023 của Tổng Liên đoàn, Ban Thường vụ hướng dẫn:\n"
            "- Thu, nộp đoàn phí đúng quy định.\n")
    doc = parse_bytes(text.encode(), "huong-dan.txt")
    assert doc.source.is_plan is False  # one part (a cited document) is not enough
    doc = parse_bytes((text + "1. Đối tượng\n- Đoàn viên.\n2. Mức đóng\n- Theo quy định.\n").encode(), "huong-dan.txt")
    assert doc.source.is_plan is True and "1 cited document(s)" in doc.source.plan_reasons
