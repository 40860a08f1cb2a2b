"""The checks on synthetic plans with exact gold (corpora/synth/generate.py), scored by score.py:
the generator's slips are found and nothing else that counts (severity != info) is reported."""
from __future__ import annotations

import json
import sys

import pytest

from conftest import REPO
from kehoach.parser import parse_bytes
from scoring import score

sys.path.insert(0, str(REPO))
generate = pytest.importorskip("corpora.synth.generate", reason="corpora/synth/generate.py is missing").generate


def test_synthetic_findings_precision_and_recall():
    t = {f: score.Tally() for f in score.FIELDS}
    log: list[str] = []
    for doc_id, text, gold in generate(120, 23):
        doc = parse_bytes(text.encode("utf-8"), f"{doc_id}.txt")
        one: list[str] = []
        score.score_doc(gold, json.loads(doc.to_json()), t, one)
        log += [f"{doc_id} {x}" for x in one if "finding" in x]
    f = t["findings"]
    print(f"\nsynthetic findings: P {f.p:.3f} R {f.r:.3f} F1 {f.f1:.3f} (tp {f.tp}, fp {f.fp}, fn {f.fn})")
    assert f.tp >= 100
    assert f.p >= 0.99 and f.r >= 0.98, log[:10]
