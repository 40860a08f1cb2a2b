"""Shared bits of the real-corpus scripts: where things are, SOURCES.tsv rows, score.py."""
from __future__ import annotations

import csv
import importlib.util
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "corpora" / "real"
SOURCES = REAL / "SOURCES.tsv"
GOLD = REAL / "gold"
CACHE = REAL / "cache"
SHARED = Path(os.environ.get("KEHOACH_SHARED", REPO.parent / "shared"))
COLUMNS = ["id", "status", "kind", "where", "query", "sha256", "taken", "format", "chars", "note"]


def rows(path: Path = SOURCES) -> list[dict]:
    """SOURCES.tsv rows as dicts (the header line starts with '#')."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not rec or rec[0].startswith("#"):
                continue
            out.append(dict(zip(COLUMNS, rec + [""] * (len(COLUMNS) - len(rec)))))
    return out


def cached(row: dict) -> Path | None:
    hits = sorted(CACHE.glob(f"{row['id']}.*"))
    return hits[0] if hits else None


def score_module():
    """../shared/eval/score.py, imported (the one scorer, never a copy)."""
    path = SHARED / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("kehoach_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
