"""Data, not code: lexicons, gazetteers, type codes, observances, encoding tables, trained components.

`load(name)` reads a file shipped here once per process (YAML, JSON, CSV or text).
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

MODELS_DIR = Path(str(resources.files(__name__)))


def path(name: str) -> Path:
    return MODELS_DIR / name


def _yaml(text: str):
    """libyaml (CSafeLoader) is ~8x faster than the pure-Python loader; it refuses a few
    plain scalars the Python loader reads (a ':' inside), so those files take the slow path."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.load(text, Loader=loader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


@lru_cache(maxsize=None)
def load(name: str):
    """Load a data file by name; cached for the life of the process."""
    p = path(name)
    text = p.read_text(encoding="utf-8")
    if p.suffix in (".yaml", ".yml"):
        return _yaml(text)
    if p.suffix == ".json":
        return json.loads(text)
    if p.suffix == ".csv":
        return list(csv.DictReader(text.splitlines()))
    return text
