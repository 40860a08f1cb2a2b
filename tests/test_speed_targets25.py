"""The count-in-words cue (targets._tables()'s "count_words") opens on the number words' first letters, the
space before them looked back at past that letter: it must find what the leading-look-back form (kept here
as the oracle) finds, span for span and group for group, on seed and generated plans and fuzzed text."""
from __future__ import annotations

import random
import re

from conftest import SEEDS, synth_texts
from kehoach.parser.nlp import targets


def _old():
    units = targets.models.load("units.yaml")["units"]
    unit_alt = "|".join(re.escape(u) for u in sorted((u for u in units if u != "%"), key=len, reverse=True))
    return re.compile("(?<= )(?P<num>" + targets._word_led(list(targets._COUNT_NUMBERS))
                      + rf")(?i: (?P<unit>{unit_alt})\b)")


def _fuzzed(n: int) -> list[str]:
    rng = random.Random(25)
    words = list(targets._COUNT_NUMBERS) + ["HAI", "Ba", "bA", "MƯỜI", "đoàn viên", "buổi", "lần", "người", "x",
                                           "ba.", "(ba", "-ba", "_ba", "1ba", "ĐV", "tổ", "hai"]
    seps = [" ", " ", " ", "  ", "\t", "\n", "", "-", ",", "(", "\u00a0"]
    return ["".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 30))) for _ in range(n)]


def test_count_words_matches_the_leading_look_back_form():
    new, old = targets._tables()[-1]["count_words"], _old()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + synth_texts(20) + _fuzzed(3000)
    found = 0
    for t in texts:
        a = [(m.span(), m.groupdict()) for m in new.finditer(t)]
        assert a == [(m.span(), m.groupdict()) for m in old.finditer(t)], t[:200]
        found += len(a)
    assert found > 100
