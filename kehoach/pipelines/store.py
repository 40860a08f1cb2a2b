"""Tables from a batch: OUT/plans.jsonl, OUT/parquet/<table>.parquet, OUT/kehoach.duckdb.

Everything here is rebuilt from the manifest and the per-document JSON files, never
updated in place, so a resumed or repeated run produces the same tables. Rows are ordered
by (sha256, idx) so the files do not depend on the order workers finished in. Every table
has a fixed pyarrow schema (documented in docs/tables.md), so an empty table still has
its columns and types.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator, Optional

import pyarrow as pa
import pyarrow.parquet as pq

DB_FILE = "kehoach.duckdb"
PLANS_JSONL = "plans.jsonl"

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

SPAN = [("start", I), ("end", I)]

SCHEMAS: dict[str, pa.Schema] = {
    "plans": pa.schema([
        ("sha256", S), ("path", S), ("json_path", S), ("format", S), ("size", I), ("pages", I), ("ocr", B),
        ("encoding", S), ("converted_by", S), ("doc_type", S), ("title", S), ("issuer", S), ("superior", S),
        ("number", S), ("symbol", S), ("place", S), ("date", S), ("period_kind", S), ("period_start", S),
        ("period_end", S), ("signer", S), ("signer_position", S), ("n_sections", I), ("n_legal_refs", I),
        ("n_dates", I), ("n_targets", I), ("n_awards", I), ("n_entities", I), ("n_findings", I),
        ("n_errors", I), ("n_warnings", I), ("n_aliases", I), ("parse_seconds", F), ("schema_version", S),
        ("is_plan", B), ("plan_reasons", S),
    ]),
    "sections": pa.schema([
        ("sha256", S), ("idx", I), ("parent_idx", I), ("level", I), ("number", S), ("heading", S), ("style", S),
        ("topic", S), ("topic_confidence", F), *SPAN,
    ]),
    "legal_refs": pa.schema([
        ("sha256", S), ("idx", I), ("type", S), ("number", S), ("symbol", S), ("date", S), ("issuer", S),
        ("subject", S), ("system", S), ("year", I), ("type_code", S), ("issuer_code", S), ("n_mentions", I),
        *SPAN,
    ]),
    "dates": pa.schema([
        ("sha256", S), ("idx", I), ("text", S), ("value", S), ("end_value", S), ("kind", S), ("valid", B),
        ("lunar", B), ("solar", S), *SPAN,
    ]),
    "targets": pa.schema([
        ("sha256", S), ("idx", I), ("text", S), ("subject", S), ("value", F), ("min", F), ("max", F), ("unit", S),
        ("comparator", S), ("deadline", S), ("topic", S), *SPAN,
    ]),
    "awards": pa.schema([
        ("sha256", S), ("idx", I), ("text", S), ("grantor", S), ("title", S), ("recipient_kind", S), ("count", F),
        *SPAN,
    ]),
    "findings": pa.schema([
        ("sha256", S), ("idx", I), ("code", S), ("severity", S), ("message", S), ("message_en", S), ("excerpt", S),
        ("line", I), ("column", I), ("evidence", S), *SPAN,
    ]),
    "errors": pa.schema([
        ("sha256", S), ("path", S), ("format", S), ("stage", S), ("kind", S), ("reason", S),
    ]),
    "files": pa.schema([("sha256", S), ("path", S), ("is_primary", B), ("status", S)]),
}

# Views over the tables: the questions a federation asks first.
VIEWS: dict[str, str] = {
    "refs_by_issuer_year": """
        SELECT coalesce(r.issuer_code, r.issuer) AS issuer, r.year, r.type_code, count(*) AS n_refs,
               count(DISTINCT r.sha256) AS n_plans
        FROM legal_refs r GROUP BY ALL ORDER BY n_refs DESC, issuer, year""",
    "refs_cited": """
        SELECT r.symbol, any_value(r.type) AS type, any_value(r.issuer) AS issuer, min(r.date) AS date,
               count(DISTINCT r.sha256) AS n_plans
        FROM legal_refs r GROUP BY r.symbol ORDER BY n_plans DESC, r.symbol""",
    "findings_by_code": """
        SELECT f.code, f.severity, count(*) AS n_findings, count(DISTINCT f.sha256) AS n_plans
        FROM findings f GROUP BY ALL ORDER BY n_findings DESC, code""",
    "plans_by_issuer": """
        SELECT p.issuer, p.period_kind, p.period_start, p.period_end, p.doc_type, p.title, p.date, p.sha256
        FROM plans p ORDER BY p.issuer, p.period_start, p.date""",
    "targets_by_topic": """
        SELECT coalesce(t.topic, '') AS topic, t.unit, count(*) AS n_targets, count(DISTINCT t.sha256) AS n_plans,
               avg(t.value) AS mean_value
        FROM targets t GROUP BY ALL ORDER BY n_targets DESC, topic""",
    "errors_by_kind": """
        SELECT e.stage, e.kind, count(*) AS n_files FROM errors e GROUP BY ALL ORDER BY n_files DESC, kind""",
}


def _spans(obj: dict) -> dict:
    return {"start": obj.get("start"), "end": obj.get("end")}


def _walk_sections(sections: list[dict], parent: Optional[int], counter: list[int]) -> Iterator[dict]:
    for s in sections:
        idx = counter[0]
        counter[0] += 1
        yield {"idx": idx, "parent_idx": parent, "level": s.get("level"), "number": s.get("number"),
               "heading": s.get("heading"), "style": s.get("style"), "topic": s.get("topic"),
               "topic_confidence": s.get("topic_confidence"), **_spans(s)}
        yield from _walk_sections(s.get("children") or [], idx, counter)


def doc_rows(doc: dict, rec: dict, n_aliases: int = 0) -> dict[str, list[dict]]:
    """Rows for every per-document table from one PlanDocument JSON (as a dict)."""
    sha = rec["sha256"]
    src = doc.get("source") or {}
    header = doc.get("header") or {}
    period = doc.get("period") or {}
    sig = doc.get("signature") or {}
    findings = doc.get("findings") or []
    sections = list(_walk_sections(doc.get("sections") or [], None, [0]))
    rows: dict[str, list[dict]] = {}
    rows["sections"] = [{"sha256": sha, **s} for s in sections]
    rows["legal_refs"] = [
        {"sha256": sha, "idx": i, **{k: r.get(k) for k in ("type", "number", "symbol", "date", "issuer", "subject",
                                                         "system", "year", "type_code", "issuer_code")},
         "n_mentions": len(r.get("mentions") or []), **_spans(r)}
        for i, r in enumerate(doc.get("legal_refs") or [])]
    rows["dates"] = [
        {"sha256": sha, "idx": i, **{k: d.get(k) for k in ("text", "value", "end_value", "kind", "valid", "lunar",
                                                           "solar")},
         **_spans(d)} for i, d in enumerate(doc.get("dates") or [])]
    rows["targets"] = [
        {"sha256": sha, "idx": i, **{k: t.get(k) for k in ("text", "subject", "value", "min", "max", "unit",
                                                         "comparator", "deadline", "topic")}, **_spans(t)}
        for i, t in enumerate(doc.get("targets") or [])]
    rows["awards"] = [
        {"sha256": sha, "idx": i, **{k: a.get(k) for k in ("text", "grantor", "title", "recipient_kind", "count")},
         **_spans(a)} for i, a in enumerate(doc.get("awards") or [])]
    rows["findings"] = [
        {"sha256": sha, "idx": i, **{k: f.get(k) for k in ("code", "severity", "message", "message_en", "excerpt",
                                                         "line", "column")},
         "evidence": json.dumps(f.get("evidence") or {}, ensure_ascii=False, sort_keys=True), **_spans(f)}
        for i, f in enumerate(findings)]
    sev = [f.get("severity") for f in findings]
    rows["plans"] = [{
        "sha256": sha, "path": rec["path"], "json_path": rec["json"], "format": src.get("format") or rec.get("format"),
        "size": src.get("size"), "pages": src.get("pages"), "ocr": bool(src.get("ocr")),
        "encoding": src.get("encoding"), "converted_by": src.get("converted_by"), "doc_type": doc.get("doc_type"),
        "title": doc.get("title"), "issuer": header.get("issuer"), "superior": header.get("superior"),
        "number": header.get("number"), "symbol": header.get("symbol"), "place": header.get("place"),
        "date": header.get("date"), "period_kind": period.get("kind"), "period_start": period.get("start"),
        "period_end": period.get("end"), "signer": sig.get("name"), "signer_position": sig.get("position"),
        "n_sections": len(sections), "n_legal_refs": len(rows["legal_refs"]), "n_dates": len(rows["dates"]),
        "n_targets": len(rows["targets"]), "n_awards": len(rows["awards"]),
        "n_entities": len(doc.get("entities") or []), "n_findings": len(findings),
        "n_errors": sev.count("error"), "n_warnings": sev.count("warning"), "n_aliases": n_aliases,
        "parse_seconds": rec.get("seconds"), "schema_version": doc.get("schema_version"),
        "is_plan": src.get("is_plan"), "plan_reasons": "; ".join(src.get("plan_reasons") or []) or None,
    }]
    return rows


def _table(name: str, rows: list[dict]) -> pa.Table:
    schema = SCHEMAS[name]
    cols = {f.name: [r.get(f.name) for r in rows] for f in schema}
    return pa.Table.from_pydict(cols, schema=schema)


def _ext(path: str) -> Optional[str]:
    tail = path.split("!")[-1].rsplit("/", 1)[-1]
    return tail.rsplit(".", 1)[-1].lower() if "." in tail else None


def collect(out: Path, manifest: Any) -> tuple[dict[str, list[dict]], list[str]]:
    """All rows, and the plans.jsonl lines, from the manifest's documents."""
    tables: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    lines: list[str] = []
    files = manifest.files()
    n_alias: dict[str, int] = {}
    for sha, _path, primary in files:
        n_alias[sha] = n_alias.get(sha, 0) + (0 if primary else 1)
    for rec in manifest.docs():
        doc = json.loads((out / rec["json"]).read_text(encoding="utf-8"))
        for name, rows in doc_rows(doc, rec, n_alias.get(rec["sha256"], 0)).items():
            tables[name].extend(rows)
        lines.append(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
    for e in manifest.errors():
        tables["errors"].append({"sha256": e.get("sha256"), "path": e["path"], "format": _ext(e["path"]),
                                 "stage": e.get("stage"), "kind": e.get("kind"), "reason": e.get("reason")})
    status = {sha: r["t"] for sha, r in manifest.records.items()}
    tables["files"] = [{"sha256": sha, "path": p, "is_primary": primary, "status": status.get(sha)}
                       for sha, p, primary in files]
    return tables, lines


def _replace_file(tmp: Path, final: Path) -> None:
    os.replace(tmp, final)


def rebuild(out: Path, manifest: Any) -> dict[str, int]:
    """Write plans.jsonl, Parquet and DuckDB afresh; returns row counts per table."""
    import duckdb

    out = Path(out)
    tables, lines = collect(out, manifest)
    tmp_jsonl = out / f".{PLANS_JSONL}.tmp"
    tmp_jsonl.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    _replace_file(tmp_jsonl, out / PLANS_JSONL)

    pq_dir = out / "parquet"
    pq_dir.mkdir(exist_ok=True)
    arrow = {name: _table(name, rows) for name, rows in tables.items()}
    for name, t in arrow.items():
        tmp = pq_dir / f".{name}.parquet.tmp"
        pq.write_table(t, tmp, compression="zstd")
        _replace_file(tmp, pq_dir / f"{name}.parquet")

    tmp_db = out / f".{DB_FILE}.tmp"
    for leftover in (tmp_db, out / f".{DB_FILE}.tmp.wal"):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp_db))
    try:
        for name, t in arrow.items():
            con.register("_src", t)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _src')
            con.unregister("_src")
        for name, sql in VIEWS.items():
            con.execute(f'CREATE VIEW "{name}" AS {sql}')
        con.execute("CHECKPOINT")
    finally:
        con.close()
    _replace_file(tmp_db, out / DB_FILE)
    return {name: t.num_rows for name, t in arrow.items()}


def query(out: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run SQL read-only on OUT/kehoach.duckdb; returns (column names, rows)."""
    import duckdb

    db = Path(out) / DB_FILE
    if not db.is_file():
        raise FileNotFoundError(f"{db}: no database here; run `kehoach batch ... --out {out}` first")
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, cur.fetchall()
    finally:
        con.close()
