"""`kehoach batch` and `kehoach query`: whole archives into tables, and SQL over them."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import List, Optional

import typer


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def register(app: typer.Typer) -> None:
    @app.command()
    def batch(
        sources: List[str] = typer.Argument(..., help="Files, folders (recursive), .zip archives or fsspec URLs "
                                            "(file://, memory://, ...)."),
        out: Path = typer.Option(..., "--out", "-o", help="Output folder: json/, plans.jsonl, parquet/, kehoach.duckdb."),
        engine: str = typer.Option("local", "--engine", help="local (worker processes here) or dask."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address; without it "
                                                "--engine dask starts a LocalCluster."),
        workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Worker processes "
                                              "(default: CPU count)."),
        name_by: str = typer.Option("stem", "--name-by", help="Name OUT/json/ files by the input's file 'stem' "
                                     "(plan.json; a taken stem gets plan.pdf.json, then plan-<sha12>.json) or by "
                                     "content 'sha' (<sha256>.json). The manifest keeps both."),
        timeout: float = typer.Option(300.0, "--timeout", min=0, help="Seconds per document before its worker is "
                                      "stopped (0 = no limit)."),
        max_memory: int = typer.Option(3072, "--max-memory", min=0, help="Address-space cap per worker process in "
                                       "MB (0 = no cap)."),
    ):
        """Parse every plan under SRC into OUT: per-document JSON, plans.jsonl, Parquet tables and a DuckDB
        file. Resumable: a rerun skips documents already done (by content hash)."""
        import os

        from kehoach.pipelines.batch import LockedError, run_batch
        from kehoach.pipelines.engines import ENGINES, EngineOptions

        if engine not in ENGINES:
            _err(f"kehoach: error: --engine must be one of {', '.join(ENGINES)}")
            raise typer.Exit(2)
        if name_by not in ("sha", "stem"):
            _err("kehoach: error: --name-by must be 'sha' or 'stem'")
            raise typer.Exit(2)
        opts = EngineOptions(workers=workers or os.cpu_count() or 1, timeout=timeout, max_memory_mb=max_memory,
                             scheduler=scheduler)
        try:
            s = run_batch(sources, out, engine=engine, options=opts, name_by=name_by)
        except LockedError as e:
            _err(f"kehoach: error: {e}")
            raise typer.Exit(2)
        if s.found == 0:
            _err("kehoach: error: no input documents found")
            raise typer.Exit(2)
        peak = max(s.stats.peak_mb.values(), default=0.0)
        _err(f"kehoach batch: {s.parsed} parsed ({s.not_plans} not plans), {s.errors} errors, {s.skipped} already done "
             f"({s.aliases} new aliases) in {s.seconds:.1f}s ({s.docs_per_s:.1f} docs/s, {s.stats.workers} "
             f"{s.engine} workers, peak {peak:.0f} MB per worker)")
        _err(f"kehoach batch: tables in {out}: " + ", ".join(f"{k}={v}" for k, v in s.tables.items()))

    @app.command()
    def query(
        out: Path = typer.Argument(..., help="A batch output folder (holding kehoach.duckdb)."),
        sql: str = typer.Argument(..., help="SQL, e.g. \"SELECT * FROM findings_by_code\"."),
        fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    ):
        """Run SQL on a batch's DuckDB file (tables: plans, sections, legal_refs, dates, targets, awards,
        findings, errors, files; views: refs_by_issuer_year, findings_by_code, ...)."""
        import duckdb

        from kehoach.pipelines.store import query as run_query

        if fmt not in ("table", "csv", "json"):
            _err("kehoach: error: --format must be table, csv or json")
            raise typer.Exit(2)
        try:
            cols, rows = run_query(out, sql)
        except FileNotFoundError as e:
            _err(f"kehoach: error: {e}")
            raise typer.Exit(2)
        except duckdb.Error as e:
            _err(f"kehoach: error: SQL: {e}")
            raise typer.Exit(2)
        if fmt == "csv":
            w = csv.writer(sys.stdout, lineterminator="\n")
            w.writerow(cols)
            w.writerows(rows)
        elif fmt == "json":
            sys.stdout.write(json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, default=str,
                                        indent=2) + "\n")
        else:
            from rich.console import Console
            from rich.table import Table

            table = Table(show_lines=False)
            for c in cols:
                table.add_column(c, overflow="fold")
            for r in rows:
                table.add_row(*("" if v is None else str(v) for v in r))
            Console(width=max(120, Console().width)).print(table)
            _err(f"{len(rows)} rows")
