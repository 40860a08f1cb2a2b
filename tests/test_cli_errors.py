"""Bad input: one clear line naming the file and the reason, non-zero exit (issue 2)."""
import io
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS

KH = [sys.executable, "-m", "kehoach.pipelines.cli"]


def run(*args):
    return subprocess.run(KH + [str(a) for a in args], capture_output=True, text=True, timeout=120)


def one_error_line(p, path, *words):
    assert p.returncode == 2, p.stderr
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, p.stderr
    assert str(path) in lines[0] and "Traceback" not in p.stderr
    for w in words:
        assert w in lines[0].lower(), lines[0]


def test_missing_empty_unknown(tmp_path):
    one_error_line(run("parse", tmp_path / "nope.docx"), tmp_path / "nope.docx", "no such file")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    one_error_line(run("parse", empty), empty, "empty")
    odd = tmp_path / "plan.xyz"
    odd.write_text("KẾ HOẠCH", encoding="utf-8")
    one_error_line(run("parse", odd), odd, "unsupported", ".xyz")


def test_docx_that_is_not_a_zip(tmp_path):
    bad = tmp_path / "ke-hoach.docx"
    bad.write_text("this is not a Word file", encoding="utf-8")
    one_error_line(run("parse", bad), bad, "not a zip")


def test_encrypted_pdf(tmp_path):
    pikepdf = pytest.importorskip("pikepdf", reason="pikepdf is a test dependency (pyproject [test])")
    pdf = pikepdf.new()
    pdf.add_blank_page()
    enc = tmp_path / "secret.pdf"
    pdf.save(enc, encryption=pikepdf.Encryption(owner="o", user="u", R=6))
    one_error_line(run("parse", enc), enc, "encrypted")


def test_good_and_bad_together_keep_going(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    out = tmp_path / "out"
    p = run("parse", SEEDS / "th-le-quy-don-2024.txt", bad, "--out", out, "--no-nlp")
    assert p.returncode == 2
    assert (out / "th-le-quy-don-2024.json").exists()
    assert "bad.pdf" in p.stderr


def test_schema_command_and_version():
    p = run("schema")
    assert p.returncode == 0 and '"PlanDocument"' not in p.stdout[:0]
    import json

    s = json.loads(p.stdout)
    assert s["title"] == "kehoach PlanDocument" and "sections" in s["properties"]
    assert run("--version").stdout.startswith("kehoach ")


def test_parse_applies_an_explicit_check_config(tmp_path):
    import json

    seed = SEEDS / "th-le-quy-don-2024.txt"
    p = run("parse", str(seed))
    codes = [f["code"] for f in json.loads(p.stdout)["findings"]]
    assert "period-mismatch" in codes
    cfg = tmp_path / "kehoach.toml"
    cfg.write_text('[check]\nignore = ["period-mismatch"]\n', encoding="utf-8")
    p = run("parse", str(seed), "--config", str(cfg))
    codes2 = [f["code"] for f in json.loads(p.stdout)["findings"]]
    assert "period-mismatch" not in codes2 and len(codes2) == len(codes) - codes.count("period-mismatch")
    p = run("parse", str(seed), "--config", str(tmp_path / "missing.toml"))
    assert p.returncode == 2 and "missing.toml" in p.stderr
