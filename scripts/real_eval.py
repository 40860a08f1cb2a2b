"""Score kehoach on the real-document corpus (corpora/real): per-field P/R/F1 and the
precision of error-level findings.

    python scripts/real_eval.py [-v] [--out DIR] [--only ID ...] [--json]

Parses every `used` document of SOURCES.tsv that has gold and a cached text, writes
DIR/<id>.json (a temp folder unless --out), and scores them with ../shared/eval/score.py's
own functions. Error-level precision counts a finding as right when the gold lists an
inconsistency with its code whose evidence it covers (score.py's rule, optional ones too).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from real_common import GOLD, cached, rows, score_module


def error_hits(gold: dict, pred: dict, score) -> tuple[int, list[dict]]:
    gi = [g for g in gold.get("inconsistencies", []) if isinstance(g, dict) and g.get("code")]
    used: set[int] = set()
    tp, wrong = 0, []
    for f in pred.get("findings") or []:
        if f.get("severity") != "error":
            continue
        ex = set(score.tokens((f.get("excerpt") or "") + " " + (f.get("message") or "")))
        hit = next((i for i, g in enumerate(gi) if i not in used and g["code"] == f.get("code")
                    and (ev := set(score.tokens(g["evidence"]))) and len(ev & ex) / len(ev) >= 0.5), None)
        if hit is None:
            wrong.append(f)
        else:
            used.add(hit)
            tp += 1
    return tp, wrong


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="every miss and extra per document")
    ap.add_argument("--out", type=Path, help="keep the parse JSON here (default: a temp folder)")
    ap.add_argument("--only", nargs="*", help="these ids only")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    from kehoach.parser import parse
    from kehoach.parser.errors import KehoachError

    score = score_module()
    out = args.out or Path(tempfile.mkdtemp(prefix="kehoach-real-"))
    out.mkdir(parents=True, exist_ok=True)
    tallies = {f: score.Tally() for f in score.FIELDS}
    err_tp, err_wrong, failures, missing, n = 0, [], [], [], 0
    t0 = time.perf_counter()
    for r in rows():
        if r["status"] != "used" or (args.only and r["id"] not in args.only):
            continue
        gpath = GOLD / f"{r['id']}.json"
        path = cached(r)
        if not gpath.exists() or path is None:
            missing.append(r["id"])
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))["gold"]
        try:
            doc = parse(path)
        except KehoachError as e:
            failures.append(f"{r['id']}: {e}")
            pred = {}
        else:
            text = doc.to_json()
            (out / f"{r['id']}.json").write_text(text, encoding="utf-8")
            pred = json.loads(text)
        n += 1
        log: list[str] = []
        score.score_doc(gold, pred, tallies, log)
        tp, wrong = error_hits(gold, pred, score)
        err_tp += tp
        err_wrong += [(r["id"], f) for f in wrong]
        if args.verbose and (log or wrong):
            print(f"{r['id']}:")
            print("\n".join(log))
            for f in wrong:
                print(f"  FALSE ALARM {f.get('code')} line {f.get('line')}: {(f.get('excerpt') or '')[:90]}")
    secs = time.perf_counter() - t0
    fields = {f: {"p": round(t.p, 3), "r": round(t.r, 3), "f1": round(t.f1, 3), "gold": t.n_gold,
                  "tp": t.tp, "fp": t.fp, "fn": t.fn} for f, t in tallies.items() if t.tp + t.fp + t.fn}
    n_err = err_tp + len(err_wrong)
    prec = round(err_tp / n_err, 3) if n_err else 1.0
    if args.json:
        print(json.dumps({"documents": n, "fields": fields, "error_findings": {"precision": prec, "tp": err_tp,
                          "fp": len(err_wrong)}, "failures": failures, "missing": missing}, ensure_ascii=False))
        return 0
    print(f"{n} real document(s) scored in {secs:.1f} s; predictions in {out}")
    print(f"{'field':<12}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'tp':>5}{'fp':>5}{'fn':>5}")
    for f, x in fields.items():
        print(f"{f:<12}{x['p']:>7.3f}{x['r']:>7.3f}{x['f1']:>7.3f}{x['gold']:>6}{x['tp']:>5}{x['fp']:>5}{x['fn']:>5}")
    print(f"error-level findings: precision {prec:.3f} ({err_tp} right, {len(err_wrong)} false alarms)")
    for code, k in Counter(f.get("code") for _, f in err_wrong).most_common():
        print(f"  false alarms {code}: {k}")
    for msg in failures:
        print(f"failed: {msg}")
    if missing:
        print(f"not scored (no gold or no cached text): {len(missing)} — run scripts/real_cache.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
