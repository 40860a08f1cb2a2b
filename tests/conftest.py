"""Shared test fixtures: paths to the read-only ground truth in ../shared and to the repo."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KEHOACH_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpora" / "seeds"
GOLD = SHARED / "corpora" / "gold"
FIXTURES = SHARED / "corpora" / "fixtures"
GOLD_FIXTURES = SHARED / "corpora" / "gold-fixtures"
SCORE = SHARED / "eval" / "score.py"


def gold(doc_id: str, fixtures: bool = False) -> dict:
    d = GOLD_FIXTURES if fixtures else GOLD
    return json.loads((d / f"{doc_id}.json").read_text(encoding="utf-8"))["gold"]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"shared corpora not found at {SEEDS}"
    return SEEDS
