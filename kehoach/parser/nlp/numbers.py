"""Numbers written the Vietnamese way: thousands with dots or spaces, decimal commas."""
from __future__ import annotations

import re

# 51.982 | 4 600 000 | 95,8 | 1.234,5 | 100
NUMBER = r"\d{1,3}(?:[.\u00a0 ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUMBER_RE = re.compile(NUMBER)
_GROUPED = re.compile(r"\d{1,3}(?:[.\u00a0 ]\d{3})+(?:,\d+)?")
_GROUP_SEP = re.compile(r"[.\u00a0 ]")


def parse_number(s: str) -> float | None:
    """'51.982' -> 51982, '4 600 000' -> 4600000, '95,8' -> 95.8, '01' -> 1."""
    s = s.strip()
    if not s:
        return None
    if _GROUPED.fullmatch(s):
        s = _GROUP_SEP.sub("", s)
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None
