"""Run every benchmark in turn (`make bench`); each prints its own table. Pass --quick for
small corpora (a look, not figures to record)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUICK = {"bench_batch.py": ["--n", "200"], "bench_check.py": ["--n", "100"], "bench_service.py": ["--requests", "200"],
         "bench_parse.py": ["--rounds", "3"], "bench_nlp.py": ["--n", "20", "--rounds", "3"],
         "bench_entities.py": ["--rounds", "20"]}


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        args = QUICK.get(script.name, []) if quick else []
        print(f"\n== {script.name} {' '.join(args)}", flush=True)
        if subprocess.run([sys.executable, str(script), *args]).returncode != 0:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
