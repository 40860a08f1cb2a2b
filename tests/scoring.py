"""Run ../shared/eval/score.py's own scoring on PlanDocuments, field by field."""
from __future__ import annotations

import importlib.util
import json

from conftest import SCORE

_spec = importlib.util.spec_from_file_location("kehoach_eval_score", SCORE)
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def field_f1(pairs) -> dict[str, float]:
    """pairs: iterable of (gold dict, PlanDocument). Returns {field: F1} for fields with items."""
    tallies = {f: score.Tally() for f in score.FIELDS}
    for g, doc in pairs:
        pred = json.loads(doc.to_json())
        score.score_doc(g, pred, tallies, [])
    return {f: t.f1 for f, t in tallies.items() if t.tp + t.fp + t.fn}


def field_log(g, doc) -> list[str]:
    tallies = {f: score.Tally() for f in score.FIELDS}
    log: list[str] = []
    score.score_doc(g, json.loads(doc.to_json()), tallies, log)
    return log
