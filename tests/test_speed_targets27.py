"""Speed work on targets (stop 27, issue 14): each new form against the code it replaced, kept here as the oracle,
on the seeds, the fixtures' texts, generated plans and invented edge cases."""
from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from conftest import SEEDS, synth_texts
from kehoach.parser import caches
from kehoach.parser.nlp import targets as T
from kehoach.parser.nlp.dates import DateHit

SEED_TEXTS = [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]


# ---- the old code (the oracle) ----

def old_ordinal_before(s: str, k: int) -> bool:
    k = T._end_of_words(s, k)
    return any(k >= len(w) and s.startswith(w, k - len(w), k) for w in T._ORDINAL_WORDS)


def old_deadline(dates: list[DateHit], rs: int, re_: int):
    deadline = None
    for h in dates:
        if rs <= h.start < re_ and h.kind in ("date", "month", "school_year", "year") and h.valid:
            deadline = h.end_value or h.value
    return deadline


# ---- the comparisons ----

def test_ordinal_before_equals_the_word_by_word_test():
    words = list(T._ORDINAL_WORDS) + ["thứ", "chương trìn", "", " ", "năm học", "Điều", "điều", "lần", "sốt"]
    rng = random.Random(27)
    cases = []
    for _ in range(3000):
        s = "".join(rng.choice(words) + rng.choice(["", " ", "  ", "\n", "\t", "3", " 4 "]) for _ in range(rng.randint(0, 4)))
        cases += [(s, k) for k in {0, len(s), len(s) + 3, rng.randint(0, len(s) + 1)}]
    for text in SEED_TEXTS:
        low = text.lower()
        cases += [(low, k) for k in range(0, len(low), 7)]
    hits = 0
    for s, k in cases:
        assert T._ordinal_before(s, k) == old_ordinal_before(s, k), (s, k)
        hits += old_ordinal_before(s, k)
    assert hits > 100 and hits < len(cases)  # (both answers met)
    assert T._ordinal_before("theo điều  \n", 12) and not T._ordinal_before("điều", 3)
    assert T._ordinal_before("điều 3", 5) and not T._ordinal_before("hiệu 3", 5)


@dataclass
class _Hit:  # (a DateHit's fields the deadline reads)
    start: int
    kind: str
    value: str | None
    end_value: str | None
    valid: bool


def _random_hits(rng: random.Random, n: int) -> list:
    kinds = ["date", "month", "school_year", "year", "range", "weekday", "time"]
    out = []
    for i in range(n):
        value = rng.choice([None, "", f"2025-0{rng.randint(1, 9)}", f"v{i}"])
        out.append(_Hit(rng.randint(0, 60), rng.choice(kinds), value, rng.choice([None, None, "", f"e{i}"]),
                        rng.random() < 0.8))
    if rng.random() < 0.5:
        out.sort(key=lambda h: h.start)  # (the taggers' order: by start, mostly)
    return out


def test_deadline_by_bisection_equals_the_pass_over_the_hits():
    rng = random.Random(2027)
    seen = set()
    for n in [0, 1, 2, 3, 5, 10, 40] * 60:
        hits = _random_hits(rng, n)
        found = T._deadlines(hits)
        for rs, re_ in [(0, 61), (0, 0), (5, 5), (10, 20)] + [tuple(sorted(rng.sample(range(-3, 66), 2))) for _ in range(8)]:
            old = old_deadline(hits, rs, re_)
            assert T._deadline(found, rs, re_) == old, (hits, rs, re_)
            seen.add(old is None)
    assert seen == {True, False}
    # ties at one start: the last hit in the list's order wins, as in the pass
    hits = [_Hit(3, "date", "a", None, True), _Hit(3, "year", "b", None, True), _Hit(3, "month", "c", None, False)]
    assert T._deadline(T._deadlines(hits), 0, 4) == "b" == old_deadline(hits, 0, 4)
    hits.reverse()
    assert T._deadline(T._deadlines(hits), 3, 4) == "a" == old_deadline(hits, 3, 4)


def test_deadline_on_the_seeds_date_hits():
    from kehoach.parser.nlp.dates import find_dates

    for text in SEED_TEXTS + synth_texts(10):
        hits = find_dates(text)
        found = T._deadlines(hits)
        assert hits and isinstance(hits[0], DateHit)
        for rs in range(0, len(text), max(1, len(text) // 200)):
            for width in (30, 200, 1000):
                assert T._deadline(found, rs, rs + width) == old_deadline(hits, rs, rs + width)


def test_empty_window_tags_to_nothing():
    from kehoach.parser.nlp.postag import tags

    caches.clear()
    assert tags("") == ()  # what _noun_phrase("") skips: no run, no phrase
    T._noun_phrase.cache_clear()
    assert T._noun_phrase("") is None and T._noun_phrase("", True) is None
    assert T._noun_phrase("đoàn viên tham gia") == "đoàn viên"


if __name__ == "__main__":
    pytest.main([__file__, "-q"])
