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
    # heads match in any case; the name after them must be capitalized (same line)
    place_tail = rf"(?:(?i:{unit_alt})[ \t]+{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,3}})"
    firsts = "".join(sorted({h[0].upper() for h in heads}))  # a name starts upper-case: filter on that first
    org_rx = re.compile(rf"(?=[{firsts}])(?<![\wÀ-ỹ])(?P<head>(?i:{head_alt}))(?:[ \t]+(?:{place_tail}|{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,4}}))?")
    ufirsts = "".join(sorted({u[0] for u in places["units"]} | {u[0].upper() for u in places["units"]}))
    place_rx = re.compile(rf"(?=[{ufirsts}])(?<![\wÀ-ỹ])(?i:{unit_alt})[ \t]+{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,3}}")
    nfirst = "".join(sorted({n[0] for n in places["names"]}))
    names_rx = re.compile(rf"(?=[{nfirst}])(?<![\wÀ-ỹ])(?:" + "|".join(re.escape(n) for n in places["names"])
                          + r")(?![\wÀ-ỹ])")
    afirst = "".join(sorted({a[0] for a in abbr}))
    abbr_rx = re.compile(rf"(?=[{afirst}])(?<![\wÀ-ỹ&])(" + "|".join(re.escape(a) for a in
                                                                   sorted(abbr, key=len, reverse=True))
                         + r")(?![\wÀ-ỹ&])")
    canon = {k.lower(): v for k, v in orgs["canonical"].items()}  # looked up per match: lower(), not fold()
    return org_rx, place_rx, names_rx, abbr_rx, abbr, canon


def _trim_lower(s: str, keep: int) -> str:
    """Drop trailing words that are not capitalized (the class ranges also hold lower-case letters)."""
    head, tail = s[:keep], s[keep:]
    words = tail.split(" ")
    out = []
    for w in words:
        if w and not (w[0].isupper() or w[0].isdigit()) and fold(w) not in _UNIT_WORDS:
            break
        out.append(w)
    return (head + " ".join(out)).rstrip()


_UNIT_WORDS = {"xã", "phố", "trấn", "thị", "thành"}


def find_orgs(text: str) -> list[dict]:
    org_rx, *_, canon = _tables()
    out = []
    for m in org_rx.finditer(text):
        s = _trim_lower(m.group(0), len(m.group("head")))
        if not s[0].isupper():
            continue
        normalized = canon.get(s.lower()) or new_tone_placement(" ".join(s.split()))
        out.append({"start": m.start(), "end": m.end(), "label": "ORG", "text": s, "normalized": normalized})
    return out


def find_places(text: str, orgs: list[dict]) -> list[dict]:
    _, place_rx, names_rx, *_ = _tables()
    out = []
    seen: set[tuple[int, int]] = set()
    for rx in (place_rx, names_rx):
        for m in rx.finditer(text):
            name = _trim_lower(m.group(0), len(m.group(0).split()[0]))
            if len(name.split()) < 2 and rx is place_rx:
                continue
            if (m.start(), m.end()) in seen or any(m.start() < p["end"] and p["start"] < m.end() for p in out):
                continue
            seen.add((m.start(), m.end()))
            out.append({"start": m.start(), "end": m.start() + len(name), "label": "LOC", "text": name,
                        "normalized": new_tone_placement(name)})
    return out


def find_abbreviations(text: str) -> list[dict]:
    *_, abbr_rx, abbr, _canon = _tables()
    return [{"start": m.start(), "end": m.end(), "text": m.group(1), "expansion": abbr[m.group(1)]}
            for m in abbr_rx.finditer(text)]
