"""Check a gold file of corpora/real and derive section_paths / top_sections from its tree.

    python scripts/real_gold.py fill corpora/real/gold/ID.json [...]
    python scripts/real_gold.py check            # every gold file

`sections` (number, heading, children) is the hand-written outline; `section_paths` and
`top_sections` are computed from it with score.py's own reading of numbers, so the two
never disagree.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from real_common import GOLD, score_module

KEYS = {"doc_type", "title", "superior", "issuer", "number", "place", "date", "period", "legal_refs",
        "sections", "section_paths", "top_sections", "targets", "awards", "signature", "recipients",
        "inconsistencies", "period_alt"}
PERIOD_KINDS = {"school_year", "year", "half_year", "quarter", "month", "term", "term_of_office"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def problems(doc: dict) -> list[str]:
    g = doc.get("gold") or {}
    out = [f"unknown key {k!r}" for k in g if k not in KEYS]
    for k in ("doc_type", "title", "superior", "issuer", "number", "place", "date"):
        if k not in g:
            out.append(f"missing {k} (null when absent)")
        elif g[k] == "":
            out.append(f"{k} is an empty string (use null)")
    if g.get("date") and not ISO.match(g["date"]):
        out.append(f"date {g['date']!r} not ISO")
    p = g.get("period")
    if p and (p.get("kind") not in PERIOD_KINDS or not re.match(r"^\d{4}-\d{2}$", p.get("start") or "")):
        out.append(f"bad period {p}")
    for r in g.get("legal_refs", []):
        if not r.get("symbol") or not r.get("type"):
            out.append(f"legal_ref without symbol/type: {r}")
        if r.get("date") and not ISO.match(r["date"]):
            out.append(f"legal_ref date not ISO: {r}")
    for f in g.get("inconsistencies", []):
        if not f.get("code") or not f.get("evidence"):
            out.append(f"inconsistency without code/evidence: {f}")
    if doc.get("partial") and ("signature" in g or "recipients" in g):
        out.append("partial text: leave signature/recipients out")
    return out


def fill(path: Path) -> list[str]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    g = doc["gold"]
    if "sections" in g:
        score = score_module()
        g["section_paths"] = score.section_paths(g["sections"])
        g["top_sections"] = [s.get("heading") or "" for s in g["sections"]]
        dup = {p for p in g["section_paths"] if g["section_paths"].count(p) > 1}
        if dup:
            print(f"{path.name}: note: repeated paths {sorted(dup)} (score.py counts them once)")
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return problems(doc)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"fill", "check"}:
        print(__doc__)
        return 2
    paths = [Path(a) for a in argv[1:]] if argv[0] == "fill" else sorted(GOLD.glob("*.json"))
    bad = 0
    for p in paths:
        probs = fill(p) if argv[0] == "fill" else problems(json.loads(p.read_text(encoding="utf-8")))
        for msg in probs:
            print(f"{p.name}: {msg}")
        bad += bool(probs)
    print(f"{len(paths)} file(s), {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
