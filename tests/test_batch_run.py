"""kehoach batch end to end, with real worker processes, a real Dask LocalCluster, real files.

Inputs are the shared seeds and text-layer fixtures copied into tmp dirs plus plans from
corpora/synth/generate.py; every assertion is on what the run wrote to disk.
"""
from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import FIXTURES, REPO, SEEDS

from kehoach.parser import parse_bytes
from kehoach.pipelines.batch import MANIFEST, run_batch
from kehoach.pipelines.engines import EngineOptions

_spec = importlib.util.spec_from_file_location("kehoach_synth", REPO / "corpora" / "synth" / "generate.py")
synth = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("kehoach_synth", synth)
_spec.loader.exec_module(synth)

OPTS = EngineOptions(workers=2, timeout=120, max_memory_mb=3072)


def write_synth(folder: Path, n: int, seed: int) -> dict[str, str]:
    """n synthetic plans as .txt; returns {sha256: file name}."""
    folder.mkdir(parents=True, exist_ok=True)
    shas = {}
    for doc_id, text, _gold in synth.generate(n, seed):
        data = text.encode("utf-8")
        (folder / f"{doc_id}.txt").write_bytes(data)
        shas[hashlib.sha256(data).hexdigest()] = f"{doc_id}.txt"
    return shas


def table(out: Path, name: str) -> list[dict]:
    return pq.read_table(out / "parquet" / f"{name}.parquet").to_pylist()


def manifest_lines(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, d / f.name)
    for name in ("mn-son-ca-2024-2025.docx", "th-le-quy-don-2024.pdf", "th-le-quy-don-2024.docx"):
        shutil.copy(FIXTURES / name, d / "fixtures" / name) if (d / "fixtures").exists() else \
            ((d / "fixtures").mkdir(), shutil.copy(FIXTURES / name, d / "fixtures" / name))
    write_synth(d / "synth", 6, 11)
    (d / "readme.md").write_text("hello\n", encoding="utf-8")  # not a plan: counted apart
    return d


def test_local_and_dask_give_identical_json(corpus, tmp_path):
    inputs = sorted(p for p in corpus.rglob("*") if p.is_file())
    local = run_batch([corpus], tmp_path / "local", engine="local", options=OPTS, tty=False)
    dask = run_batch([corpus], tmp_path / "dask", engine="dask", options=OPTS, tty=False)
    assert local.parsed == dask.parsed == len(inputs) and local.errors == dask.errors == 0
    a = {p.name: p.read_bytes() for p in (tmp_path / "local" / "json").glob("*.json")}
    b = {p.name: p.read_bytes() for p in (tmp_path / "dask" / "json").glob("*.json")}
    assert len(a) == len(inputs) and a.keys() == b.keys()
    assert a == b  # byte-identical per-document JSON
    assert (tmp_path / "local" / "plans.jsonl").read_bytes() == (tmp_path / "dask" / "plans.jsonl").read_bytes()
    # and it is the parser's own JSON for those bytes, named after the input's stem; the
    # .docx and .pdf of the same plan (later in input order) keep the stem plus their extension
    seed = corpus / "th-le-quy-don-2024.txt"
    data = seed.read_bytes()
    pdoc = parse_bytes(data, str(seed))
    expected = pdoc.to_json() + "\n"
    assert a["th-le-quy-don-2024.json"].decode("utf-8") == expected
    assert {"th-le-quy-don-2024.docx.json", "th-le-quy-don-2024.pdf.json", "mn-son-ca-2024-2025.docx.json"} <= a.keys()
    manifest = {r["json"]: r for r in manifest_lines(tmp_path / "local") if r["t"] == "doc"}
    assert manifest["json/th-le-quy-don-2024.json"]["sha256"] == hashlib.sha256(data).hexdigest()
    plans = table(tmp_path / "local", "plans")
    assert {r["format"] for r in plans} == {"txt", "docx", "pdf"}
    row = next(r for r in plans if r["path"] == str(seed))
    doc = json.loads(expected)
    assert row["title"] == doc["title"] and row["issuer"] == doc["header"]["issuer"]
    assert row["n_legal_refs"] == len(doc["legal_refs"]) and row["n_targets"] == len(doc["targets"])
    assert max(local.stats.peak_mb.values()) > 50 and len(dask.stats.peak_mb) == 2
    # the non-plan is parsed, flagged and counted apart (tests/test_plan_likeness.py)
    assert local.not_plans == dask.not_plans == 1
    flags = {Path(r["path"]).name: (r["is_plan"], r["plan_reasons"]) for r in plans}
    assert flags["readme.md"][0] is False and flags["readme.md"][1].startswith("0 of 6 plan parts found")
    assert sum(1 for ok, _ in flags.values() if ok) == len(inputs) - 1
    # findings: the source file's line/column, as in the parse JSON (tests/test_line_numbers.py)
    rows = [r for r in table(tmp_path / "local", "findings") if r["sha256"] == hashlib.sha256(data).hexdigest()]
    assert [(r["code"], r["line"], r["column"]) for r in rows] == \
        [(f["code"], f["line"], f["column"]) for f in doc["findings"]]
    assert rows and all(r["line"] > pdoc.text.count("\n", 0, r["start"]) + 1 for r in rows)  # blank lines counted


def test_kill_9_mid_batch_then_resume_loses_and_repeats_nothing(tmp_path):
    src = tmp_path / "src"
    shas = write_synth(src, 20, 23)  # killed after 5: 15 left for the resume
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "kehoach.pipelines.cli", "batch", str(src), "--out", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        done = 0
        while time.monotonic() < deadline and proc.poll() is None:
            if (out / MANIFEST).exists():
                done = sum(1 for r in manifest_lines_safe(out) if r.get("t") == "doc")
                if done >= 5:
                    break
            time.sleep(0.02)
        assert proc.poll() is None, "batch ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its worker: no chance to clean up
        proc.wait(10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    before = sum(1 for r in manifest_lines_safe(out) if r.get("t") == "doc")
    assert 5 <= before < len(shas)
    assert not (out / "kehoach.duckdb").exists()  # killed before the tables

    s = run_batch([src], out, options=EngineOptions(workers=2, timeout=120), tty=False)
    assert s.skipped == before and s.parsed == len(shas) - before and s.errors == 0
    docs = [r for r in manifest_lines(out) if r["t"] == "doc"]
    assert sorted(r["sha256"] for r in docs) == sorted(shas)  # each exactly once
    plans = table(out, "plans")
    assert sorted(r["sha256"] for r in plans) == sorted(shas)
    assert len((out / "plans.jsonl").read_text(encoding="utf-8").splitlines()) == len(shas)
    assert sorted(p.stem + ".txt" for p in (out / "json").glob("*.json")) == sorted(shas.values())
    assert not list((out / "json").glob(".*"))  # no half-written files left visible

    # a third run is a no-op that rebuilds the same tables
    before_tables = {n: (out / "parquet" / f"{n}.parquet").read_bytes() for n in ("plans", "sections", "targets")}
    s = run_batch([src], out, options=EngineOptions(workers=1), tty=False)
    assert s.parsed == 0 and s.skipped == len(shas)
    for n, data in before_tables.items():
        assert pq.read_table(io.BytesIO(data)).equals(pq.read_table(out / "parquet" / f"{n}.parquet"))


def manifest_lines_safe(out: Path) -> list[dict]:
    """Manifest lines while a writer may be mid-line."""
    rows = []
    for line in (out / MANIFEST).read_bytes().split(b"\n"):
        try:
            rows.append(json.loads(line))
        except ValueError:
            pass
    return rows


def test_mixed_folder_good_corrupt_empty_unsupported(tmp_path):
    src = tmp_path / "mixed"
    (src / "sub").mkdir(parents=True)
    seed = SEEDS / "mn-son-ca-2024-2025.txt"
    shutil.copy(seed, src / "good.txt")
    shutil.copy(FIXTURES / "th-le-quy-don-2024.docx", src / "sub" / "good.docx")
    shutil.copy(seed, src / "sub" / "same-bytes-other-name.txt")  # a duplicate: an alias, not a second plan
    (src / "corrupt.docx").write_bytes(seed.read_bytes()[:3000])  # a text file renamed .docx
    (src / "truncated.pdf").write_bytes((FIXTURES / "th-le-quy-don-2024.pdf").read_bytes()[:1500])
    (src / "empty.txt").write_bytes(b"")
    (src / "table.xlsx").write_bytes(b"\x01\x02 not a plan")
    (src / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: not an input at all

    s = run_batch([src], tmp_path / "out", options=OPTS, tty=False)
    assert (s.parsed, s.errors, s.aliases) == (2, 4, 1)
    plans = table(tmp_path / "out", "plans")
    assert sorted(Path(r["path"]).name for r in plans) == ["good.docx", "good.txt"]
    assert all(r["n_sections"] > 0 and r["title"] for r in plans)
    errors = {Path(r["path"]).name: r for r in table(tmp_path / "out", "errors")}
    assert set(errors) == {"corrupt.docx", "truncated.pdf", "empty.txt", "table.xlsx"}
    assert errors["corrupt.docx"]["kind"] == "CorruptFile" and "zip" in errors["corrupt.docx"]["reason"]
    assert errors["empty.txt"]["kind"] == "EmptyFile"
    assert errors["table.xlsx"]["kind"] == "UnsupportedFormat" and ".xlsx" in errors["table.xlsx"]["reason"]
    assert errors["truncated.pdf"]["stage"] == "read" and errors["truncated.pdf"]["reason"]
    for name, r in errors.items():
        assert r["sha256"] == hashlib.sha256((src / name).read_bytes()).hexdigest()
    files = table(tmp_path / "out", "files")
    alias = [r for r in files if not r["is_primary"]]
    assert [Path(r["path"]).name for r in alias] == ["same-bytes-other-name.txt"]
    assert next(r for r in plans if r["sha256"] == alias[0]["sha256"])["n_aliases"] == 1


def test_time_limit_stops_one_document_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "src"
    write_synth(src, 2, 5)
    # 300 distinct generated plans in one file (1.3 M characters): ~6 s of CPU to parse, well over
    # the limit however fast the parser gets (a seed repeated would parse within it: the per-text
    # caches see the same sections again)
    huge = "\n".join(text for _, text, _ in synth.generate(300, 11))
    (src / "huge.txt").write_text(huge, encoding="utf-8")
    s = run_batch([src], tmp_path / "out", options=EngineOptions(workers=1, timeout=1.5), tty=False)
    assert s.parsed == 2 and s.errors == 1 and s.stats.restarts == 1
    (err,) = table(tmp_path / "out", "errors")
    assert err["kind"] == "Timeout" and err["path"].endswith("huge.txt") and "1.5 s" in err["reason"]


def _zip(entries: list[tuple[str, bytes]], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buf.getvalue()


def test_zip_input_with_nested_archive_zip_slip_and_bomb(tmp_path):
    seed = (SEEDS / "th-le-quy-don-2024.txt").read_bytes()
    inner = _zip([("plans/mn.docx", (FIXTURES / "mn-son-ca-2024-2025.docx").read_bytes())])
    outer = _zip([("a/seed.txt", seed), ("inner.zip", inner), ("../../evil.txt", seed + b"\n"),
                  ("bomb.txt", b"\0" * (20 * 1024 * 1024))])
    (tmp_path / "in").mkdir()
    arc = tmp_path / "in" / "archive.zip"
    arc.write_bytes(outer)
    s = run_batch([arc], tmp_path / "out", options=OPTS, tty=False)
    assert s.parsed == 2 and s.errors == 2
    paths = sorted(r["path"] for r in table(tmp_path / "out", "plans"))
    assert paths == [f"{arc}!a/seed.txt", f"{arc}!inner.zip!plans/mn.docx"]
    errors = {r["kind"]: r for r in table(tmp_path / "out", "errors")}
    assert errors["UnsafeName"]["path"] == f"{arc}!../../evil.txt" and "zip-slip" in errors["UnsafeName"]["reason"]
    assert errors["ZipBomb"]["path"] == f"{arc}!bomb.txt" and "ratio" in errors["ZipBomb"]["reason"]
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path / "out" / "evil.txt").exists()


def test_fsspec_urls_and_name_by_stem(tmp_path):
    import fsspec

    seed_a = (SEEDS / "th-le-quy-don-2024.txt").read_bytes()
    seed_b = (SEEDS / "mn-son-ca-2024-2025.txt").read_bytes()
    mem = fsspec.filesystem("memory")
    mem.pipe("/kb-test/x/plan.txt", seed_a)
    mem.pipe("/kb-test/y/plan.txt", seed_b)  # same stem, other bytes
    (tmp_path / "disk").mkdir()
    (tmp_path / "disk" / "other.txt").write_bytes(seed_a + b"\n")
    try:
        s = run_batch(["memory://kb-test", f"file://{tmp_path / 'disk'}"], tmp_path / "out", name_by="stem",
                      options=EngineOptions(workers=1), tty=False)
    finally:
        mem.rm("/kb-test", recursive=True)
    assert s.parsed == 3 and s.errors == 0
    plans = {r["path"]: r for r in table(tmp_path / "out", "plans")}
    assert set(plans) == {"memory://kb-test/x/plan.txt", "memory://kb-test/y/plan.txt",
                          f"file://{tmp_path / 'disk' / 'other.txt'}"}
    names = {p.name for p in (tmp_path / "out" / "json").glob("*.json")}
    sha_b = hashlib.sha256(seed_b).hexdigest()
    # names follow input order: x/plan.txt keeps the plain stem, y/plan.txt adds its extension
    assert names == {"other.json", "plan.json", "plan.txt.json"}
    doc = json.loads((tmp_path / "out" / plans["memory://kb-test/y/plan.txt"]["json_path"]).read_text("utf-8"))
    assert doc["source"]["sha256"] == sha_b


def test_dask_engine_on_a_running_scheduler_address(tmp_path):
    from distributed import LocalCluster

    src = tmp_path / "src"
    shas = write_synth(src, 3, 31)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        s = run_batch([src], tmp_path / "out", engine="dask", tty=False, name_by="sha",
                      options=EngineOptions(workers=1, scheduler=cluster.scheduler_address))
    assert s.parsed == 3 and s.stats.workers == 1
    for sha, name in shas.items():
        got = (tmp_path / "out" / "json" / f"{sha}.json").read_text(encoding="utf-8")
        assert got == parse_bytes((src / name).read_bytes(), str(src / name)).to_json() + "\n"


def test_output_folder_inside_the_source_is_not_read_back(tmp_path):
    shutil.copy(SEEDS / "th-le-quy-don-2024.txt", tmp_path / "plan.txt")
    first = run_batch([tmp_path], tmp_path / "out", options=EngineOptions(workers=1), tty=False)
    again = run_batch([tmp_path], tmp_path / "out", options=EngineOptions(workers=1), tty=False)
    assert (first.found, first.parsed, first.errors) == (1, 1, 0)
    assert (again.found, again.parsed, again.skipped, again.errors) == (1, 0, 1, 0)


def test_json_names_by_stem_then_extension_then_hash():
    from kehoach.pipelines.batch import _json_name

    sha = "ab" * 32
    taken: set[str] = set()
    for path in ("a/plan.txt", "b/plan.docx", "c/plan.docx", "d/.hidden name.txt", "e.zip!f/x y.pdf"):
        taken.add(_json_name("stem", sha, path, taken))
    assert taken == {"json/plan.json", "json/plan.docx.json", f"json/plan-{sha[:12]}.json", "json/hidden_name.json", "json/x_y.json"}
    assert _json_name("sha", sha, "a/plan.txt", set()) == f"json/{sha}.json"
