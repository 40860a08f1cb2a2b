"""Parse a fixed set of documents and save or diff their JSON (issue 14: speed without drift).

    .venv/bin/python benchmarks/compare_outputs.py save OUT_DIR      # before a change
    .venv/bin/python benchmarks/compare_outputs.py diff OUT_DIR      # after: byte-compare, list what differs

The set: the seeds (.txt), the text fixtures (.docx, .pdf, .txt; scans and .doc left out:
OCR and LibreOffice are outside the optimised path) and `--synth N` generated plans
(corpora/synth/generate.py, seed 7, written once under OUT_DIR/../synth-inputs so their
paths, which go into `source.path`, stay the same). Each document is parsed as
`kehoach parse --with-text` does: `parse(path).to_json(with_text=True)`.
"""
from __future__ import annotations

import argparse
import difflib
import importlib.util
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from _common import REPO, SHARED


def _synth(n: int, seed: int, where: Path) -> list[Path]:
    spec = importlib.util.spec_from_file_location("kehoach_synth", REPO / "corpora" / "synth" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["kehoach_synth"] = mod
    spec.loader.exec_module(mod)
    where.mkdir(parents=True, exist_ok=True)
    out = []
    for doc_id, text, _gold in mod.generate(n, seed):
        p = where / f"{doc_id}.txt"
        if not p.exists() or p.read_text(encoding="utf-8") != text:
            p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def inputs(out_dir: Path, n_synth: int) -> list[Path]:
    seeds = sorted((SHARED / "corpora" / "seeds").glob("*.txt"))
    fx = SHARED / "corpora" / "fixtures"
    fixtures = sorted(p for ext in ("docx", "pdf", "txt") for p in fx.glob(f"*.{ext}") if "_scan" not in p.stem)
    return seeds + fixtures + _synth(n_synth, 7, out_dir.parent / "synth-inputs")


def _key(p: Path) -> str:
    return f"{p.parent.name}__{p.name}.json"


def _parse(p: Path) -> tuple[str, str]:
    from kehoach.parser import KehoachError, parse

    try:
        return _key(p), parse(p).to_json(with_text=True)
    except KehoachError as e:  # an error message is an output too
        return _key(p), f"ERROR {e}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["save", "diff"])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--synth", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    paths = inputs(args.out_dir, args.synth)
    with ProcessPoolExecutor(args.workers) as ex:
        results = list(ex.map(_parse, paths, chunksize=4))
    if args.mode == "save":
        args.out_dir.mkdir(parents=True, exist_ok=True)
        for name, js in results:
            (args.out_dir / name).write_text(js, encoding="utf-8")
        print(f"saved {len(results)} outputs to {args.out_dir}")
        return 0
    differ = 0
    for name, js in results:
        old_p = args.out_dir / name
        old = old_p.read_text(encoding="utf-8") if old_p.exists() else ""
        if old != js:
            differ += 1
            print(f"--- {name} differs")
            for line in list(difflib.unified_diff(old.splitlines(), js.splitlines(), "before", "after", n=1, lineterm=""))[:40]:
                print(line)
    print(f"{len(results) - differ}/{len(results)} byte-identical")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
