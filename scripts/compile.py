"""Compile the parser's pure-Python modules with Cython, in place (issue 14: ~14% fewer instructions a plan).

    .venv/bin/python scripts/compile.py [--clean] [--jobs N]

Each `kehoach/parser/**/X.py` (but `__init__.py`, the pydantic schema and the exceptions, which
cross process boundaries) becomes an extension module beside it; the C files go to build/cython/.
Only modules changed since their last compilation are compiled again, so `make setup` after an
edit is quick. The source is unchanged and stays the truth: `kehoach.compiled` imports a `.py`
newer than its compiled twin, and every `.py` under KEHOACH_PURE=1. `--clean` removes the compiled
modules (and the C files).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARSER = ROOT / "kehoach" / "parser"
C_DIR = ROOT / "build" / "cython"
SKIP = {"__init__.py", "schema.py", "errors.py"}
# binding: functions keep Python's introspection (names, signatures) and pickle by reference;
# annotation_typing off: annotations stay documentation, as in CPython (no C types, no checks)
DIRECTIVES = {"language_level": 3, "binding": True, "annotation_typing": False, "embedsignature": False}
CFLAGS = ["-O2", "-g0"]  # -O2 runs as fast as -O3 here and builds faster; no debug info (size)


def sources() -> list[Path]:
    return sorted(p for p in PARSER.rglob("*.py") if p.name not in SKIP)


def _module(p: Path) -> str:
    return ".".join(p.relative_to(ROOT).with_suffix("").parts)


def compiled_files() -> list[Path]:
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    return sorted(PARSER.rglob(f"*{suffix}"))


def clean() -> int:
    files = compiled_files()
    for f in files:
        f.unlink()
    shutil.rmtree(C_DIR, ignore_errors=True)
    print(f"compile: removed {len(files)} compiled modules")
    return 0


def build(jobs: int) -> int:
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("compile: Cython is not installed (pip install 'cython>=3'); the parser runs as pure Python",
              file=sys.stderr)
        return 1
    from setuptools import Distribution, Extension

    t0 = time.perf_counter()
    exts = [Extension(_module(p), [str(p.relative_to(ROOT))], extra_compile_args=CFLAGS) for p in sources()]
    os.chdir(ROOT)  # build_ext --inplace places each module by its name, from here
    modules = cythonize(exts, compiler_directives=DIRECTIVES, build_dir=str(C_DIR.relative_to(ROOT)),
                        nthreads=jobs, quiet=True)
    # (a Distribution of its own: pyproject.toml's metadata is not read, nothing but the extensions is built)
    dist = Distribution({"name": "kehoach-compiled", "ext_modules": modules})
    dist.script_name = "compile.py"
    dist.script_args = ["build_ext", "--inplace", "--parallel", str(jobs), "--build-temp", str(C_DIR / "obj")]
    dist.parse_command_line()
    dist.run_commands()
    print(f"compile: {len(modules)} parser modules compiled or up to date in {time.perf_counter() - t0:.0f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clean", action="store_true", help="remove the compiled modules")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    return clean() if args.clean else build(args.jobs)


if __name__ == "__main__":
    sys.exit(main())
