"""`kehoach check` on a folder of generated plans, and the cost of the checks alone (issue 4).

    .venv/bin/python benchmarks/bench_check.py [--n 1000] [--jobs 0] [--seed 5]

1. Writes `n` synthetic plans (corpora/synth/generate.py) as .txt to a temp folder and runs
   `kehoach check --format json FOLDER` in a subprocess (piped: no progress bar): wall seconds,
   docs/s, the summary line, and the findings per code.
2. Times `checks.run` alone over already-parsed documents (the rules, not the parsing):
   docs/s and ms/doc, and this process's peak MB.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import REPO, Timer, peak_mb

sys.path.insert(0, str(REPO))
from corpora.synth.generate import generate  # noqa: E402

from kehoach.parser import checks, parse_bytes  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=0, help="worker processes for `kehoach check` (0 = per CPU)")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--rules-docs", type=int, default=200, help="documents for the rules-only timing")
    args = ap.parse_args()
    plans = generate(args.n, args.seed)
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-check-") as tmp:
        folder = Path(tmp)
        for doc_id, text, _ in plans:
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        cmd = [sys.executable, "-m", "kehoach.pipelines.cli", "check", "--isolated", "--format", "json",
               "--jobs", str(args.jobs), str(folder)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with Timer() as t:
            p = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # CPU of the command and its workers: on a shared machine wall time measures the neighbours
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        data = json.loads(p.stdout)
        s = data["summary"]
        print(f"kehoach check on {args.n} plans: {t.seconds:.1f} s wall, {args.n / t.seconds:.1f} docs/s, exit {p.returncode}")
        print(f"  CPU {cpu:.1f} s (command + workers) = {1000 * cpu / args.n:.1f} ms/doc; "
              f"{args.n / cpu:.1f} docs per CPU-second, so {2 * args.n / cpu:.0f} docs/s on 2 free cores")
        print("  " + p.stderr.strip().splitlines()[-1])
        print("  findings by code:", json.dumps(s["by_code"], ensure_ascii=False))
        gold = sum(len(g.get("inconsistencies") or []) for _, _, g in plans)
        print(f"  generator's injected slips: {gold}")

    docs = [parse_bytes(text.encode(), f"{i}.txt", checks=False) for i, text, _ in plans[:args.rules_docs]]
    checks.run(docs[0])  # warm-up: data files load once
    with Timer() as t:
        n = sum(len(checks.run(d)) for d in docs)
    print(f"checks.run alone: {len(docs)} docs in {t.seconds:.2f} s = {len(docs) / t.seconds:.0f} docs/s "
          f"({1000 * t.seconds / len(docs):.1f} ms/doc, {n} findings); peak {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
