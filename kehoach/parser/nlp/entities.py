"""Organizations, places and abbreviations from gazetteers and patterns (no statistical NER:
underthesea's CRF model never returned ORG on these plans)."""
from __future__ import annotations

import re
from functools import lru_cache

from kehoach import models
from kehoach.parser.text.normalize import fold, new_tone_placement

_UP = "A-ZĐÀ-ỸẠ-Ỹ"
# a capitalized word (proper-name part), possibly all caps
_CAPWORD = rf"[{_UP}][\wÀ-ỹ&]*"


@lru_cache(maxsize=1)
def _tables():
    orgs = models.load("gazetteer_orgs.yaml")
    places = models.load("gazetteer_places.yaml")
    abbr = models.load("abbreviations.yaml")
    heads = sorted(orgs["heads"], key=len, reverse=True)
    head_alt = "|".join(re.escape(h) for h in heads)
    unit_alt = "|".join(re.escape(u) for u in sorted(places["units"], key=len, reverse=True))
    place_tail = rf"(?:(?:{unit_alt})\s+{_CAPWORD}(?:\s+{_CAPWORD}){{0,3}})"
    org_rx = re.compile(rf"(?<![\wÀ-ỹ])(?:{head_alt})(?:\s+(?:{place_tail}|{_CAPWORD}(?:\s+{_CAPWORD}){{0,4}}))?", re.I)
    place_rx = re.compile(rf"(?<![\wÀ-ỹ])(?:{unit_alt})\s+{_CAPWORD}(?:\s+{_CAPWORD}){{0,3}}")
    names_rx = re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(re.escape(n) for n in places["names"]) + r")(?![\wÀ-ỹ])")
    abbr_rx = re.compile(r"(?<![\wÀ-ỹ&])(" + "|".join(re.escape(a) for a in sorted(abbr, key=len, reverse=True))
                         + r")(?![\wÀ-ỹ&])")
    canon = {fold(k): v for k, v in orgs["canonical"].items()}
    return org_rx, place_rx, names_rx, abbr_rx, abbr, canon


def find_orgs(text: str) -> list[dict]:
    org_rx, *_, canon = _tables()
    out = []
    for m in org_rx.finditer(text):
        s = m.group(0)
        if not s[0].isupper():
            continue
        normalized = canon.get(fold(s), new_tone_placement(" ".join(s.split())))
        out.append({"start": m.start(), "end": m.end(), "label": "ORG", "text": s, "normalized": normalized})
    return out


def find_places(text: str, orgs: list[dict]) -> list[dict]:
    _, place_rx, names_rx, *_ = _tables()
    out = []
    seen: set[tuple[int, int]] = set()
    for rx in (place_rx, names_rx):
        for m in rx.finditer(text):
            if (m.start(), m.end()) in seen or any(m.start() < p["end"] and p["start"] < m.end() for p in out):
                continue
            seen.add((m.start(), m.end()))
            out.append({"start": m.start(), "end": m.end(), "label": "LOC", "text": m.group(0),
                        "normalized": new_tone_placement(m.group(0))})
    return out


def find_abbreviations(text: str) -> list[dict]:
    *_, abbr_rx, abbr, _canon = _tables()
    return [{"start": m.start(), "end": m.end(), "text": m.group(1), "expansion": abbr[m.group(1)]}
            for m in abbr_rx.finditer(text)]
