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


def parse_text(text: str, *, nlp: bool = True, checks: bool = False):
    """An invented plan's text parsed as a .txt upload (the unit tests' one way in)."""
    from kehoach.parser import parse_bytes

    return parse_bytes(text.encode("utf-8"), "plan.txt", nlp=nlp, checks=checks)


def target_texts(text: str) -> list[str]:
    return [t.text for t in parse_text(text).targets]


def seed_windows(width: int, step: int) -> list[str]:
    """Every seed line cut into windows of `width` words, one starting every `step` words
    (the clause-sized pieces the target tagger hands to underthesea)."""
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            ws = line.split()
            out += [" ".join(ws[s:s + width]) for s in range(0, len(ws), step)]
    return out


def synth_texts(n: int, seed: int = 11) -> list[str]:
    """The texts of `n` plans from the repo's synthetic generator (corpora/synth/generate.py)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("kehoach_synth", REPO / "corpora" / "synth" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["kehoach_synth"] = mod
    spec.loader.exec_module(mod)
    return [text for _id, text, _gold in mod.generate(n, seed)]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"shared corpora not found at {SEEDS}"
    return SEEDS


# `make test` (and so CI) installs Tesseract, LibreOffice and Chromium first and sets
# KEHOACH_REQUIRE_SYSTEM=1: there a test skipped for a missing system tool is a failure, so
# the real path is always tested. A bare `pytest` on a machine without them still skips.
_TOOL_SKIPS = ("not installed", "no chromium")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.skipped and os.environ.get("KEHOACH_REQUIRE_SYSTEM") == "1":
        reason = str(rep.longrepr[-1]) if isinstance(rep.longrepr, tuple) else str(rep.longrepr)
        if any(s in reason for s in _TOOL_SKIPS):
            rep.outcome = "failed"
            rep.longrepr = f"a system tool is missing under KEHOACH_REQUIRE_SYSTEM=1: {reason}"


# Parse each seed once per session, with the options a test asks for; every caller gets its
# own deep copy (tests annotate and mutate documents).
_PARSED: dict = {}


def parsed(path: Path, *, nlp: bool = True, checks: bool = True):
    from kehoach.parser import parse

    key = (Path(path).resolve(), nlp, checks)
    if key not in _PARSED:
        _PARSED[key] = parse(path, nlp=nlp, checks=checks)
    return _PARSED[key].model_copy(deep=True)
