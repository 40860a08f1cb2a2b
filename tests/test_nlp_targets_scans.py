"""The quantity scans of kehoach.parser.nlp.targets that open on the digit (_CompRx) give the very
matches of the one regex each stands for (`rx.pattern`: an optional comparator, then the number),
on real plan text and on strings built to hit their edges (comparators inside words, before
a number that fails, "là", spaces and line breaks, decimal and grouped numbers)."""
from __future__ import annotations

import random
import re

import pytest

from conftest import seed_windows
from kehoach.parser.nlp import targets

EDGES = [
    "phấn đấu trên 90% đoàn viên", "tối thiểu là 50 000 đồng, tối đa là 500 000 đồng", "nhơn 5 người", "TỐI THIỂU 02 đồng chí",
    "không quá  \n 3 lần", "hơn 5a 7 người tham gia", "trên 1.234 đoàn viên", "ít nhất 01 - 02 thiết chế", "≥ 01 đề án",
    "là 5 người", "trên là 7 huyện", "x/5 người, 3,5 triệu đồng", "≤05 học sinh", "từ 3 đến 5 đảng viên", "12 triệu đoàn viên",
    "98,5% cán bộ", "1 000 000đ", "tối đa15 điểm", "hơn100 người", "-5 người", "2–3 tiết mục", "7 huyện, thị xã",
]


def _scans():
    _, _, pct, _, cnt, _, money, *_ = targets._tables()
    return {"pct": pct, "cnt": cnt, "money": money, "noun_count": targets._NOUN_COUNT}


def _fuzz(n: int = 3000) -> list[str]:
    rnd = random.Random(14)
    parts = ["trên", "hơn", "tối thiểu", "ít nhất", "là", " ", "  ", "\n", "5", "01", "1.234", "3,5", "-", "–", "/", "%",
             "người", "đồng", "đ", "lần", "Đoàn viên", "nhơn", "a", ",", "(", "≥", "≤", "phần trăm", "trở lên", "triệu"]
    return ["".join(rnd.choice(parts) + rnd.choice(["", " "]) for _ in range(rnd.randint(2, 12))) for _ in range(n)]


def _matches(finditer, text):
    return [(m.start(), m.end(), m.group("comp"), m.group("num"), m.group(0)) for m in finditer(text)]


@pytest.mark.parametrize("name", ["pct", "cnt", "money", "noun_count"])
def test_digit_first_scans_equal_their_regex(name):
    rx = _scans()[name]
    ref = re.compile(rx.pattern)
    texts = seed_windows(40, 20) + EDGES + _fuzz()
    hits = 0
    for t in texts:
        got = _matches(rx.finditer, t)
        assert got == _matches(ref.finditer, t), t
        hits += len(got)
    assert hits > 100  # the texts do hold such quantities


def test_noun_count_reads_the_comparator_and_range():
    m = next(targets._NOUN_COUNT.finditer("phấn đấu tối thiểu 01 - 02 thiết chế văn hóa"))
    assert (m.group("comp"), m.group("num"), m.group("b"), m.group("word")) == ("tối thiểu", "01", "02", "thiết")
    assert [m.group("num") for m in targets._NOUN_COUNT.finditer("năm 2024 có 7 huyện")] == ["7"]
