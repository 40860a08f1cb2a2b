"""The target tagger's shortcuts (issue 14) give what the scans they replace gave.

Each shortcut is compared with the plain scan it stands for (kept here as the oracle): on the
seeds, the generated plans, hand-made edge cases and random text (Unicode digits, İ that lowers
to two chars, texts over and under text.digits' numpy threshold).
"""
from __future__ import annotations

import random
import re

import pytest

from conftest import SEEDS, synth_texts
from kehoach.parser.nlp import targets as T
from kehoach.parser.text import digits as text_digits

_NUMBER_START = re.compile(r"\d(?<!\d\d)")  # where a number starts (one running on from before s: at 0)


def _synth_texts(n: int = 40) -> list[str]:
    return synth_texts(n)


SEED_TEXTS = [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]
ALPHABET = list("0123456789 ,.%/-–:\n\tabcđêôơưăâ") + ["٣", "３", "𝟕", "İ", "ẞ", "Trên", "trên đây là kế hoạch ",
                                                       "lần", "mỗi", "nửa", "định kỳ", "hàng", "hằng", "%"]


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(n))


def _texts() -> list[str]:
    rng = random.Random(23)
    return SEED_TEXTS + _synth_texts() + [_random_text(rng, n) for n in (0, 1, 5, 40, 255, 256, 300, 2000)
                                          for _ in range(6)]


def _cut(text: str, s: int, e: int) -> list[int]:
    T._starts_memo = (None, [])  # (the memo is keyed by identity: a fresh text each test)
    return T._number_starts_in(text, s, e)


@pytest.mark.parametrize("text", _texts()[:2] + _texts()[-48:], ids=lambda t: f"{len(t)}")
def test_number_starts_in_equals_the_regex(text):
    rng = random.Random(len(text))
    cuts = [(0, len(text))] + [tuple(sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1))))
                               for _ in range(60)]
    for s, e in cuts:
        seg = text[s:e]
        want = [m.start() for m in _NUMBER_START.finditer(seg)]
        assert _cut(text, s, e) == want, (s, e, seg[:80])
        assert T._digits_at(seg, want) == [m.start() for m in T._DIGIT.finditer(seg)]


def test_number_starts_follow_unicode_digits():
    # \d is str.isdecimal: an Arabic-Indic or full-width digit starts a number too (numpy path falls back)
    text = "x" * 300 + " ٣٤ và ３ người, 12 lớp"
    got = _cut(text, 290, len(text))
    assert [text[290 + p] for p in got] == ["٣", "３", "1"]
    assert text_digits.number_starts("ab 12 cd 345") == [3, 9]


def _units_of(text: str):
    return list(T.units(text, 0, len(text)))


def _facts(m) -> tuple:
    """A comparator match's span and groups (a _CompMatch offers start/end/group only)."""
    names = ("comp", "num", "unit", "a", "b")
    groups = []
    for g in names:
        try:
            groups.append((m.group(g), m.start(g) if m.group(g) is not None else None))
        except IndexError:
            groups.append(None)
    return m.start(), m.end(), groups


def test_comparison_scans_at_number_starts_equal_the_full_scan():
    units_, comps, pct, rng_, cnt, commit, money, frac, freq, cues = T._tables()
    checked = found = 0
    for text in SEED_TEXTS + _synth_texts(20):
        for us, ue in _units_of(text):
            seg = text[us:ue]
            starts = [m.start() for m in _NUMBER_START.finditer(seg)]
            if not starts:
                continue
            d0 = starts[0]
            for rx, at in ((rng_, starts), (money, starts), (cnt, starts), (pct, T._digits_at(seg, starts))):
                full = [_facts(m) for m in rx.finditer(seg, d0)]
                fast = [_facts(m) for m in rx.finditer(seg, d0, at)]
                assert fast == full, seg
                checked += 1
                found += len(full)
            assert [m.span() for m in T.finditer_at(frac, seg, starts)] == [m.span() for m in frac.finditer(seg, d0)]
    assert checked > 500 and found > 100  # the seeds and plans hold many quantities: the scans were really compared


def _old_summing_up(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in T._SUMMING_UP.finditer(text, start, end)]


def test_summing_up_equals_the_regex():
    extra = ["Trên đây là kế hoạch hoạt động năm 2024.\n",
             "x\n   TRÊN ĐÂY LÀ KẾ HOẠCH của Công đoàn\n",
             "a trên đây là kế hoạch (mid-line: not a closing line)\n",
             "İ\nTrên đây là chương trình công tác\n\tTrên là báo cáo\n",
             "\nTrên đây là kế hoạch\nTrên đây là kế hoạch\n"]
    hits = 0
    for text in SEED_TEXTS + _synth_texts(20) + extra:
        for start, end in ((0, len(text)), (len(text) // 3, len(text))):
            want = _old_summing_up(text, start, end)
            assert T._summing_up(text, start, end) == want
            hits += len(want)
    assert hits >= 4


def _old_graded(text: str, us: int) -> bool:
    return bool(_GRADE_OR_CELL(text, us))


def _GRADE_OR_CELL(text, us):
    return T._GRADE.match(text, us) or T._GRADE_CELL.fullmatch(text, text.rfind("\n", 0, max(us - 1, 0)) + 1,
                                                               max(us - 1, 0))


def test_graded_equals_the_two_regexes():
    texts = SEED_TEXTS + ["Xếp loại:\n- Loại tốt: từ 17 đến 20 điểm\n- Khá: hoàn thành 80%\n  Trung bình\n50% đạt",
                          "KHÔNG ĐẠT: dưới 50%\n• Xuất sắc\n100% đoàn viên", "đạt 90%"]
    graded = 0
    for text in texts:
        for us in range(len(text)):
            want = _old_graded(text, us)
            assert T._graded(text, us) == want, (us, text[max(0, us - 20):us + 20])
            graded += want
    assert graded > 5


def test_units_without_a_number_or_cue_word_hold_no_quantity():
    """find_targets passes over a unit with no digit and no cue word of _in_words: quantities() finds nothing there."""
    skipped = 0
    for text in SEED_TEXTS + _synth_texts(20):
        cues = T._cue_spans(text, 0, len(text))
        assert cues is not None
        for us, ue in _units_of(text):
            seg = text[us:ue]
            if any(c.isdecimal() for c in seg) or any(us <= a and b <= ue for a, b in cues):
                continue
            skipped += 1
            for flags in ((False, False, False), (True, False, False), (False, True, True)):
                assert T.quantities(text, us, ue, [], *flags) == [], seg
    assert skipped > 50
