"""Instructions per document, counted by valgrind's callgrind: a figure a busy machine does not change.

    .venv/bin/python benchmarks/count_instructions.py [--formats txt,docx,pdf] [--rounds 2] [--checkout DIR]

CPU time on the shared lab machine swings by a quarter from one run to the next when other work
runs beside it; an instruction count is the same for the same code and input (with PYTHONHASHSEED
fixed: random string hashes move it by ~0.5%), so a speed change of a few percent can be told
from noise (issue 14). The files and the cold caches are those of
bench_parse.py: the parser's per-text caches are emptied before each document. Only the parses
are counted, not the imports and model loading: they run inside `functools.reduce`, and
callgrind collects only there (`--toggle-collect=functools_reduce`). `--checkout` counts another
checkout of kehoach (an older commit, say) with this venv, for a before/after in one run.
Under callgrind Python runs ~50x slower: about two minutes a format, mostly the imports.
"""
from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _child(fmt: str, rounds: int) -> None:
    sys.path.insert(0, str(HERE))
    from bench_parse import FILES

    from kehoach.parser import parse
    from kehoach.parser.caches import clear

    paths = FILES[fmt]
    for p in paths:  # models and libraries load outside the counted part
        parse(p)
    clear()  # (and what clear() imports: the txt reader, for a .docx run)

    def one(n: int, p) -> int:
        clear()
        parse(p)
        return n + 1

    n = functools.reduce(one, [p for _ in range(rounds) for p in paths], 0)
    print(f"docs {n}")
    from kehoach.compiled import status

    print(f"status {status()}")


def count(fmt: str, rounds: int, checkout: Path) -> tuple[float, int]:
    """(instructions per document, documents) for one format."""
    env = dict(os.environ, PYTHONPATH=str(checkout), PYTHONHASHSEED="0")  # str hashes (so set and dict orders) fixed
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", "--collect-atstart=no",
           "--toggle-collect=functools_reduce", sys.executable, str(Path(__file__).resolve()),
           "--child", fmt, "--rounds", str(rounds)]
    out = subprocess.run(cmd, cwd=checkout, env=env, capture_output=True, text=True)
    docs = re.search(r"^docs (\d+)", out.stdout, re.M)
    total = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode or not docs or not total:
        raise SystemExit(f"callgrind run failed for {fmt}:\n{out.stderr[-2000:]}")
    status = re.search(r"^status (.*)$", out.stdout, re.M)
    print(f"({fmt}: {status.group(1) if status else 'an older checkout: no compiled modules'})", flush=True)
    return int(total.group(1)) / int(docs.group(1)), int(docs.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--formats", default="txt,docx,pdf")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--checkout", type=Path, default=HERE.parent, help="the kehoach checkout to count (default: this one)")
    ap.add_argument("--child", metavar="FMT", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.rounds)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    print(f"checkout: {args.checkout.resolve()}")
    print(f"{'format':<8}{'docs':>6}{'M instructions/doc':>22}")
    for fmt in args.formats.split(","):
        per_doc, docs = count(fmt, args.rounds, args.checkout.resolve())
        print(f"{fmt:<8}{docs:>6}{per_doc / 1e6:>22.1f}", flush=True)


if __name__ == "__main__":
    main()
