"""Batch throughput: docs/s for 1 and 2 local worker processes and for the Dask engine.

    .venv/bin/python benchmarks/bench_batch.py              # 2,000 synthetic plans + the fixtures
    .venv/bin/python benchmarks/bench_batch.py --n 200      # a quick look

The corpus (synthetic .txt from corpora/synth/generate.py plus every text-layer fixture:
.docx, .pdf, .doc, TCVN3 .txt; scans with --scans) is written once to a temp dir; each
engine then runs a fresh batch into its own output folder. docs/s counts parsed + failed
documents over the parse phase (discovery, hashing, worker start and parsing); the table
rebuild (Parquet + DuckDB) is timed apart. Peak MB is the peak RSS of each worker's parse
process. Target: 2 local workers >= 1.7x one worker (on a 2-core machine).
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

from _common import REPO, SHARED

from kehoach.pipelines.batch import run_batch
from kehoach.pipelines.engines import EngineOptions


def build_corpus(root: Path, n: int, seed: int, scans: bool) -> int:
    spec = importlib.util.spec_from_file_location("kehoach_synth", REPO / "corpora" / "synth" / "generate.py")
    synth = importlib.util.module_from_spec(spec)
    sys.modules["kehoach_synth"] = synth
    spec.loader.exec_module(synth)
    (root / "synth").mkdir(parents=True)
    for doc_id, text, _gold in synth.generate(n, seed):
        (root / "synth" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (root / "fixtures").mkdir()
    fixtures = SHARED / "corpora" / "fixtures"
    for f in sorted(fixtures.iterdir()):
        if f.is_file() and f.suffix != ".md" and (scans or "_scan" not in f.name):
            shutil.copy(f, root / "fixtures" / f.name)
    return sum(1 for p in root.rglob("*") if p.is_file())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="synthetic plans (default 2000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scans", action="store_true", help="include the scanned PDFs (OCR)")
    ap.add_argument("--runs", default="local1,local2,dask2", help="comma list of local<N> / dask<N>")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        total = build_corpus(tmp / "in", args.n, args.seed, args.scans)
        print(f"corpus: {total} files ({args.n} synthetic + fixtures) in {tmp / 'in'}")
        print(f"{'run':<8} {'docs':>6} {'errors':>6} {'parse s':>8} {'docs/s':>7} {'tables s':>8} "
              f"{'cpu ms/doc':>10} {'main cpu s':>10} {'cpu share':>9} {'peak MB/worker':>15}")
        rates: dict[str, float] = {}
        for run in args.runs.split(","):
            engine = "dask" if run.startswith("dask") else "local"
            workers = int(run[len(engine):] or 1)
            out = tmp / f"out-{run}"
            main0 = _self_cpu()
            s = run_batch([tmp / "in"], out, engine=engine, tty=False,
                          options=EngineOptions(workers=workers, timeout=600), progress=_Quiet())
            main_cpu = _self_cpu() - main0
            rates[run] = s.docs_per_s
            n = max(1, s.parsed + s.errors)
            # share of `workers` whole cores the parse processes actually got: ~1.0 on an idle machine;
            # well below 1 means other processes took the CPU and docs/s says little about scaling
            share = s.worker_cpu_seconds / max(1e-9, s.seconds * workers)
            peaks = ", ".join(f"{v:.0f}" for v in sorted(s.stats.peak_mb.values()))
            load = "/".join(f"{x:.1f}" for x in os.getloadavg())
            print(f"{run:<8} {s.parsed + s.errors:>6} {s.errors:>6} {s.seconds:>8.1f} {s.docs_per_s:>7.1f} "
                  f"{s.table_seconds:>8.1f} {1000 * s.worker_cpu_seconds / n:>10.0f} {main_cpu:>10.1f} "
                  f"{share:>9.2f} {peaks:>15}   (load avg after: {load}, {os.cpu_count()} CPUs)", flush=True)
            shutil.rmtree(out, ignore_errors=True)
        if "local1" in rates and "local2" in rates:
            x = rates["local2"] / rates["local1"]
            print(f"speed-up 2 vs 1 local workers: {x:.2f}x (target >= 1.7x) {'OK' if x >= 1.7 else 'BELOW TARGET'}")
        if "local1" in rates and "dask2" in rates:
            print(f"speed-up dask (2 workers) vs 1 local worker: {rates['dask2'] / rates['local1']:.2f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _self_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


class _Quiet:
    """A progress sink that prints nothing (the benchmark prints its own table)."""

    def advance(self, **_kw) -> None:
        pass

    def log(self, _msg: str) -> None:
        pass

    def close(self) -> None:
        pass


if __name__ == "__main__":
    raise SystemExit(main())
