"""The Cython-compiled parser (scripts/compile.py, kehoach.compiled): used only while fresh, and
giving the same JSON as the pure-Python source."""
from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import kehoach.parser.frame as frame
from kehoach.compiled import FreshFinder, is_compiled

from conftest import FIXTURES, REPO as ROOT, SEEDS  # (the shared ground truth: KEHOACH_SHARED or ../shared)

REQUIRED = os.environ.get("KEHOACH_REQUIRE_SYSTEM") == "1" and os.environ.get("KEHOACH_PURE", "") in ("", "0")
EXT = sysconfig.get_config_var("EXT_SUFFIX")


def _package(tmp_path: Path, name: str, so_newer: bool) -> Path:
    """A package with mod.py and a 'compiled' mod that is no extension at all (loading it fails):
    which of the two the finder picks is then plain to see."""
    pkg = tmp_path / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    src, so = pkg / "mod.py", pkg / f"mod{EXT}"
    src.write_text("VALUE = 'from source'\n")
    so.write_bytes(b"not an ELF file")
    old, new = 1_600_000_000, 1_700_000_000
    os.utime(src, (new, old if so_newer else new))
    os.utime(so, (new, new if so_newer else old))
    return pkg


@pytest.fixture
def finder(tmp_path, monkeypatch):
    def make(name: str, so_newer: bool) -> FreshFinder:
        _package(tmp_path, name, so_newer)
        f = FreshFinder(name)
        monkeypatch.syspath_prepend(str(tmp_path))
        monkeypatch.setattr(sys, "meta_path", [f, *sys.meta_path])
        importlib.invalidate_caches()
        return f
    yield make
    for m in [m for m in sys.modules if m.startswith("khtest_")]:
        del sys.modules[m]


def test_an_extension_older_than_its_source_is_passed_over(finder):
    finder("khtest_stale", so_newer=False)
    mod = importlib.import_module("khtest_stale.mod")
    assert mod.VALUE == "from source"
    assert mod.__file__.endswith("mod.py")


def test_a_fresh_extension_is_the_one_imported(finder, monkeypatch):
    monkeypatch.delenv("KEHOACH_PURE", raising=False)
    finder("khtest_fresh", so_newer=True)
    with pytest.raises(ImportError):  # it is chosen, and this one is no real extension
        importlib.import_module("khtest_fresh.mod")


def test_kehoach_pure_imports_the_source_even_of_a_fresh_extension(finder, monkeypatch):
    monkeypatch.setenv("KEHOACH_PURE", "1")
    finder("khtest_pure", so_newer=True)
    assert importlib.import_module("khtest_pure.mod").VALUE == "from source"


def test_other_packages_are_left_to_python(finder):
    f = finder("khtest_mine", so_newer=False)
    assert f.find_spec("json.decoder", None) is None
    assert f.find_spec("khtest_mine", None) is None  # a top-level name: PathFinder's own


@pytest.mark.skipif(not REQUIRED and not is_compiled(frame), reason="the parser is not compiled (scripts/compile.py)")
def test_the_parser_runs_compiled():
    assert is_compiled(frame), "kehoach.parser.frame runs from source: run scripts/compile.py (make setup)"
    from kehoach.parser.nlp import targets
    from kehoach.parser.text import normalize

    assert is_compiled(targets) and is_compiled(normalize)


_DUMP = r"""
import json, sys
from kehoach.compiled import is_compiled
from kehoach.parser import frame, parse
print(json.dumps({"compiled": is_compiled(frame), "docs": [parse(p).model_dump(mode="json") for p in sys.argv[1:]]},
                 ensure_ascii=False))
"""


@pytest.mark.skipif(not REQUIRED and not is_compiled(frame), reason="the parser is not compiled (scripts/compile.py)")
def test_compiled_and_pure_give_the_same_json():
    files = [str(p) for p in sorted(SEEDS.glob("*.txt"))] + [str(next(FIXTURES.glob("*.docx")))]

    def run(pure: str) -> list:
        env = dict(os.environ, KEHOACH_PURE=pure, PYTHONPATH=str(ROOT))
        out = subprocess.run([sys.executable, "-c", _DUMP, *files], env=env, capture_output=True, text=True,
                             check=True, cwd=ROOT)
        return json.loads(out.stdout)

    compiled, pure = run("0"), run("1")
    assert compiled["compiled"] is True and pure["compiled"] is False
    assert len(compiled["docs"]) == len(files) and compiled["docs"][0]["sections"]
    assert compiled["docs"] == pure["docs"]
