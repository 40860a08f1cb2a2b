"""Tables, DuckDB views and `kehoach query` over a real batch of the two seed plans."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from conftest import SEEDS

from kehoach.parser.schema import iter_sections, PlanDocument
from kehoach.pipelines.batch import run_batch
from kehoach.pipelines.engines import EngineOptions
from kehoach.pipelines.store import DB_FILE, SCHEMAS, VIEWS


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("seeds")
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, src / f.name)
    (src / "broken.pdf").write_bytes(b"not a pdf at all")
    o = tmp_path_factory.mktemp("out")
    s = run_batch([src], o, options=EngineOptions(workers=1), tty=False)
    assert s.parsed == 2 and s.errors == 1
    return o


def docs(out: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "json").glob("*.json"))]


def test_parquet_tables_hold_every_item_of_every_document(out):
    ds = docs(out)
    expected = {
        "plans": len(ds),
        "sections": sum(len(list(iter_sections(PlanDocument.model_validate(d).sections))) for d in ds),
        "legal_refs": sum(len(d["legal_refs"]) for d in ds), "dates": sum(len(d["dates"]) for d in ds),
        "targets": sum(len(d["targets"]) for d in ds), "awards": sum(len(d["awards"]) for d in ds),
        "findings": sum(len(d["findings"]) for d in ds), "errors": 1, "files": 3,
    }
    assert expected["sections"] > 10 and expected["legal_refs"] > 5 and expected["targets"] > 5
    for name, n in expected.items():
        t = pq.read_table(out / "parquet" / f"{name}.parquet")
        assert t.schema.equals(SCHEMAS[name]), name
        assert t.num_rows == n, name
    plans = {r["sha256"]: r for r in pq.read_table(out / "parquet" / "plans.parquet").to_pylist()}
    for d in ds:
        row = plans[d["source"]["sha256"]]
        assert (row["title"], row["issuer"], row["date"], row["number"]) == (
            d["title"], d["header"]["issuer"], d["header"]["date"], d["header"]["number"])
        assert row["period_kind"] == (d["period"] or {}).get("kind")
        assert row["n_errors"] == sum(f["severity"] == "error" for f in d["findings"])
    secs = pq.read_table(out / "parquet" / "sections.parquet").to_pylist()
    for s in secs:  # preorder: a parent comes before its children, at a lower level
        if s["parent_idx"] is not None:
            parent = next(p for p in secs if p["sha256"] == s["sha256"] and p["idx"] == s["parent_idx"])
            assert parent["idx"] < s["idx"] and parent["level"] < s["level"]
    refs = pq.read_table(out / "parquet" / "legal_refs.parquet").to_pylist()
    want = sorted((d["source"]["sha256"], r["symbol"]) for d in ds for r in d["legal_refs"])
    assert sorted((r["sha256"], r["symbol"]) for r in refs) == want


def test_duckdb_has_the_same_tables_and_the_views_add_up(out):
    con = duckdb.connect(str(out / DB_FILE), read_only=True)
    try:
        for name in SCHEMAS:
            assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == \
                pq.read_table(out / "parquet" / f"{name}.parquet").num_rows
        for view in VIEWS:
            con.execute(f'SELECT * FROM "{view}"').fetchall()
        n_refs = con.execute("SELECT count(*) FROM legal_refs").fetchone()[0]
        assert con.execute("SELECT sum(n_refs) FROM refs_by_issuer_year").fetchone()[0] == n_refs
        assert con.execute("SELECT sum(n_findings) FROM findings_by_code").fetchone()[0] == \
            con.execute("SELECT sum(n_findings) FROM plans").fetchone()[0]
        assert con.execute("SELECT kind, n_files FROM errors_by_kind").fetchall() == [("CorruptFile", 1)]
        top = con.execute("SELECT symbol, n_plans FROM refs_cited ORDER BY n_plans DESC, symbol LIMIT 1").fetchone()
        assert top[1] == len({d["source"]["sha256"] for d in docs(out) for r in d["legal_refs"]
                              if r["symbol"] == top[0]})
    finally:
        con.close()


def _query(out: Path, sql: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kehoach.pipelines.cli", "query", str(out), sql, *args],
                          capture_output=True, text=True, timeout=120)


def test_query_command_formats_and_errors(out):
    sql = "SELECT title, n_sections FROM plans ORDER BY title"
    want = sorted((d["title"], len(list(iter_sections(PlanDocument.model_validate(d).sections)))) for d in docs(out))
    j = _query(out, sql, "--format", "json")
    assert j.returncode == 0, j.stderr
    assert [(r["title"], r["n_sections"]) for r in json.loads(j.stdout)] == want
    c = _query(out, sql, "--format", "csv")
    rows = list(csv.reader(io.StringIO(c.stdout)))
    assert rows[0] == ["title", "n_sections"] and [(r[0], int(r[1])) for r in rows[1:]] == want
    t = _query(out, sql)
    assert t.returncode == 0 and want[0][0][:20] in t.stdout
    bad = _query(out, "SELECT nope FROM plans")
    assert bad.returncode == 2 and "SQL" in bad.stderr and "nope" in bad.stderr
    missing = _query(out.parent / "no-such-out", "SELECT 1")
    assert missing.returncode == 2 and "no database" in missing.stderr


def test_empty_tables_keep_their_schema(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "empty.txt").write_bytes(b"")
    run_batch([tmp_path / "src"], tmp_path / "out", options=EngineOptions(workers=1), tty=False)
    for name, schema in SCHEMAS.items():
        t = pq.read_table(tmp_path / "out" / "parquet" / f"{name}.parquet")
        assert t.schema.equals(schema) and t.num_rows == (1 if name in ("errors", "files") else 0)
