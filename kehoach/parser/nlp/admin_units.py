"""Vietnam's administrative units, old and post-2025, from the `vietnamadminunits` package.

The package ships a SQLite file: `admin_units_legacy` (63 provinces, their districts and wards as
they stood before the 2025 merger) and `admin_units` (34 provinces and their wards after it). We
read the names straight from that file: importing the package itself would load 3 MB of JSON and
shapely for its address parser, which we do not use.
"""
from __future__ import annotations

import importlib.util
import re
import sqlite3
from functools import lru_cache
from pathlib import Path

from kehoach.parser.text.normalize import new_tone_placement

# "Cao Lãnh (Huyện)": the package marks names that two units share; the name is what comes before
_QUALIFIER = re.compile(r"\s*\(.*\)\s*$")


def _db() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the vietnamadminunits package is not installed (a dependency of kehoach)")
    return Path(spec.submodule_search_locations[0]) / "data" / "dataset.db"


def key(name: str) -> str:
    """Lookup key of a name: tone placement unified (Thuỷ = Thủy), lower case, single spaces."""
    return new_tone_placement(" ".join(name.split())).lower()


@lru_cache(maxsize=1)
def names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(provinces, districts, all units): key(name) -> canonical name (new tone placement), old and new."""
    raw: dict[str, set[str]] = {"provinceShort": set(), "districtShort": set(), "wardShort": set()}
    con = sqlite3.connect(f"file:{_db()}?mode=ro", uri=True)
    try:
        for table, cols in (("admin_units_legacy", list(raw)), ("admin_units", ["provinceShort", "wardShort"])):
            for row in con.execute(f"SELECT DISTINCT {', '.join(cols)} FROM {table}"):
                for col, name in zip(cols, row):
                    if name:
                        raw[col].add(name)
    finally:
        con.close()
    out = []
    for col in raw:
        d: dict[str, str] = {}
        for name in raw[col]:
            name = _QUALIFIER.sub("", name)
            d.setdefault(key(name), new_tone_placement(name))
        out.append(d)
    provinces, districts, wards = out
    return provinces, districts, {**wards, **districts, **provinces}
