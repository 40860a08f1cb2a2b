"""Plans for the compare tests: real parse() output of the seeds and the synthetic plans,
with targets, references and awards from gold files (the shared seed gold; our synthetic
target gold) so the tables' values do not depend on the state of the taggers."""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from conftest import GOLD, REPO, SEEDS, parsed
from kehoach.parser import parse, topics
from kehoach.parser.schema import Award, LegalRef, PlanDocument, Target

PLANS = REPO / "corpora" / "topic_labels" / "plans"
SEED_IDS = ["mn-son-ca-2024-2025", "th-le-quy-don-2024"]
_PCT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")


def _span(text: str, needle: str) -> tuple[int, int]:
    """Where the gold string is in the normalized text (runs of spaces may be collapsed)."""
    m = re.search(r"\s+".join(map(re.escape, needle.split())), text)
    assert m, f"gold string not in text: {needle!r}"
    return m.start(), m.end()


def seed(doc_id: str) -> PlanDocument:
    doc = parsed(SEEDS / f"{doc_id}.txt", nlp=False, checks=False)
    g = json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))["gold"]
    doc.legal_refs = [LegalRef(**dict(zip(("start", "end"), _span(doc.text, r["symbol"]))), symbol=r["symbol"],
                               type=r.get("type"), number=r.get("number"), date=r.get("date"), issuer=r.get("issuer"))
                      for r in g["legal_refs"]]
    doc.targets = []
    for t in g["targets"]:
        m = _PCT.search(t)
        a, b = _span(doc.text, t)
        doc.targets.append(Target(start=a, end=b, text=t, value=float(m.group(1).replace(",", ".")) if m else None,
                                  unit="%" if m else None))
    doc.awards = [Award(**dict(zip(("start", "end"), _span(doc.text, a))), text=a) for a in g["awards"]]
    return topics.assign(doc)


def synthetic(name: str) -> PlanDocument:
    doc = parse(PLANS / name, nlp=False, checks=False)
    gold = yaml.safe_load((REPO / "corpora" / "topic_labels" / "targets.yaml").read_text(encoding="utf-8"))
    doc.targets = [Target(**dict(zip(("start", "end"), _span(doc.text, t["text"]))), text=t["text"],
                          subject=t["subject"], value=float(t["value"]), unit=t["unit"])
                   for t in gold.get(name, [])]
    return topics.assign(doc)


def write_batch(docs: list[PlanDocument], out: Path) -> Path:
    """What `kehoach batch` leaves behind: OUT/json/<sha>.json, without the text."""
    (out / "json").mkdir(parents=True, exist_ok=True)
    for d in docs:
        (out / "json" / f"{d.source.sha256}.json").write_text(d.to_json(), encoding="utf-8")
    return out
