"""Issue 13: every runtime dependency in pyproject.toml is imported by the package (pandas,
pytesseract and pdfplumber were declared and never used)."""
from __future__ import annotations

import re
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# used without an import statement of ours, and why
INDIRECT = {
    "python-multipart": "FastAPI imports it to read uploaded files",
    "dask": "declared as dask[distributed] for the distributed scheduler we import",
    "vietnamadminunits": "admin_units.py reads its SQLite data and never imports it",
}


def _imported_modules() -> set[str]:
    mods = set()
    for py in (REPO / "kehoach").rglob("*.py"):
        for m in re.finditer(r"^\s*(?:from|import)\s+([A-Za-z_][\w]*)", py.read_text(encoding="utf-8"), re.M):
            mods.add(m.group(1))
    return mods


def test_every_dependency_is_imported():
    deps = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower().replace("_", "-") for d in deps}
    dist_of: dict[str, set[str]] = {}
    for module, dists in packages_distributions().items():
        for d in dists:
            dist_of.setdefault(d.lower().replace("_", "-"), set()).add(module)
    imported = _imported_modules()
    unused = sorted(n for n in names if n not in INDIRECT and not (dist_of.get(n, set()) & imported))
    assert unused == []
