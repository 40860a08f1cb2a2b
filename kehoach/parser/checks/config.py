"""The check configuration file: `[tool.kehoach.check]` in pyproject.toml or `[check]` in kehoach.toml.

    [tool.kehoach.check]
    select = ["ALL"]                 # codes or prefixes ("reference-")
    ignore = ["numbering-gap"]
    severity = { stale-reference-date = "info" }
    options = { stale-months = 9 }

The nearest file upwards from the start directory wins; kehoach.toml before pyproject.toml.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Optional


def find_config(start: Path | None = None) -> Optional[Path]:
    here = (start or Path.cwd()).resolve()
    for d in [here, *here.parents]:
        for name in ("kehoach.toml", "pyproject.toml"):
            p = d / name
            if p.is_file() and _section(p) is not None:
                return p
    return None


def _section(path: Path) -> Optional[dict]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    if path.name == "pyproject.toml":
        return ((data.get("tool") or {}).get("kehoach") or {}).get("check")
    if "check" in data:
        return data["check"]
    return ((data.get("tool") or {}).get("kehoach") or {}).get("check")


def load_config(path: Path | None = None, start: Path | None = None) -> dict:
    """The [check] table as a dict ({} when there is none). An explicit path must parse."""
    if path is not None:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        sec = data.get("check") or ((data.get("tool") or {}).get("kehoach") or {}).get("check") or {}
        return dict(sec)
    found = find_config(start)
    return dict(_section(found) or {}) if found else {}
