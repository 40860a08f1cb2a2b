"""CSV: the topics x plans table in the named file, the other tables beside it."""
from __future__ import annotations

import csv
from pathlib import Path

from kehoach.pipelines.compare import Comparison, Table

MAIN = "topics"


def _write(table: Table, path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(table.columns)
        w.writerows([["" if v is None else v for v in row] for row in table.rows])
    return path


def sheet_path(out: Path, name: str) -> Path:
    return out if name == MAIN else out.with_name(f"{out.stem}.{name}.csv")


def write_csv(comparison: Comparison, out: Path) -> list[Path]:
    return [_write(t, sheet_path(out, t.name)) for t in comparison.tables]
