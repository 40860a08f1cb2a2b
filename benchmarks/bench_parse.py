"""Parse the seeds as .txt, .docx and .pdf: docs/s and peak MB per format (issue 2).

    .venv/bin/python benchmarks/bench_parse.py [--rounds 20] [--no-nlp]

Models load once (a warm-up parse) before timing; each format is timed over `rounds`
passes of both seeds. Peak MB is the process's peak RSS after that format's runs.
"""
from __future__ import annotations

import argparse

from _common import SHARED, Timer, peak_mb

from kehoach.parser import parse

SEEDS = SHARED / "corpora" / "seeds"
FIXTURES = SHARED / "corpora" / "fixtures"
IDS = ["mn-son-ca-2024-2025", "th-le-quy-don-2024"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--no-nlp", action="store_true", help="frame + sections only")
    args = ap.parse_args()
    nlp = not args.no_nlp
    files = {
        "txt": [SEEDS / f"{i}.txt" for i in IDS],
        "docx": [FIXTURES / f"{i}.docx" for i in IDS],
        "pdf": [FIXTURES / f"{i}.pdf" for i in IDS],
    }
    parse(files["txt"][0], nlp=nlp)  # warm-up: load models once per process
    print(f"{'format':<8}{'docs':>6}{'seconds':>10}{'docs/s':>9}{'peak MB':>10}")
    for fmt, paths in files.items():
        n = 0
        with Timer() as t:
            for _ in range(args.rounds):
                for p in paths:
                    parse(p, nlp=nlp)
                    n += 1
        print(f"{fmt:<8}{n:>6}{t.seconds:>10.2f}{n / t.seconds:>9.1f}{peak_mb():>10.0f}")


if __name__ == "__main__":
    main()
