"""Speed work on targets (stop 26): each new form against the old one, kept here as the oracle."""
from __future__ import annotations

import random

from conftest import SEEDS, synth_texts
from kehoach.parser import caches
from kehoach.parser.nlp import targets
from kehoach.parser.text.normalize import fold


def _old_unit_norm(u: str) -> str:
    units_, *_ = targets._tables()
    f = fold(u)
    return next((v for k, v in units_.items() if fold(k) == f), u)


def _unit_words() -> list[str]:
    """Every unit name in several casings and spacings, and words that are no unit."""
    names = list(targets._tables()[0])
    rng = random.Random(26)
    out = []
    for n in names:
        out += [n, n.upper(), n.title(), n.capitalize(), " ".join(n.split()), n.replace(" ", "  "), n + "x"]
        out.append("".join(c.upper() if rng.random() < 0.5 else c for c in n))
    return out + ["", "x", "đồng chí", "ĐỒNG CHÍ", "HS", "hs", "học sinh", "Học Sinh", "lượt", "người.", "ngươi"]


def test_unit_norm_equals_the_scan_over_the_units():
    words = _unit_words()
    for w in words:
        assert targets._unit_norm(w) == _old_unit_norm(w), w
    caches.clear()  # (the per-text fold cache emptied: the same answers)
    assert [targets._unit_norm(w) for w in words] == [_old_unit_norm(w) for w in words]
    # units in the seeds' matches, as quantities() meets them
    _, _, _, _, cnt, *_ = targets._tables()
    seen = set()
    for t in [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + synth_texts(20):
        for m in cnt.finditer(t):
            seen.add(m.group("unit"))
    assert len(seen) > 5
    assert {u: targets._unit_norm(u) for u in seen} == {u: _old_unit_norm(u) for u in seen}
    assert targets._unit_norm("ĐV") == "người" and targets._unit_norm("lượt") == _old_unit_norm("lượt")
