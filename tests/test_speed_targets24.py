"""The target tagger's shortcuts of pass 24 (issue 14) give what the code they replace gave.

Each shortcut is an exact fact about the pattern it gates or replaces. The old code is kept here as the
oracle: the end-of-text searches (`_ORDINAL_BEFORE`, `_MINUTES_BEFORE`, kept here), the plain `_REQUIRE` scan, the
ungated scans of `_PER_STRETCH`, `_ATTEND`, `_LABELLED_COUNT`, `_BOARD_SIZE` and the composition and aim
cues. They are compared on every code point where a char class is at stake, and on the seeds, the
generated plans, hand-made edge cases and random text, function by function and through find_targets.
"""
from __future__ import annotations

import contextlib
import random
import re

import pytest

from conftest import SEEDS, synth_texts
from kehoach.parser.nlp import targets as T
from kehoach.parser.text.fastre import ci

ALL_CHARS = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]


def _synth_texts(n: int = 200) -> list[str]:
    return synth_texts(n)


SEED_TEXTS = [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]
WORDS = ["giờ", "7h", "chương trình", "chương", "phần", "mục", "điều", "số", "khóa", "khoá", "lần thứ", "quý",
         "tháng", "năm", "ngày", "mỗi", "hàng", "một", "1", "01", "lần", "Lần", "LẦN", "MỘT", "ít nhất", "tối thiểu",
         "Tối đa", "KHÔNG QUÁ", "không dưới", "có mặt", "Vắng mặt", "tham dự", "số phiếu", "SỐ PHIẾU", "với số phiếu",
         "ſố phiếu", "Ban", "tiểu ban", "Hội đồng", "tổ công tác", "đoàn kiểm tra", "thành viên", "người", "đồng chí",
         "đ/c", "tổng số", "trong đó", "đạt chuẩn", "phấn đấu", "chỉ tiêu", "trình độ", "dân tộc", "thạc sĩ",
         "sáu", "hai", "ba", "xgiờ", "_giờ", "İ", "ẞ", "٣", "３", "K", "đã", "%", "phần trăm", "(", ")"]
ALPHABET = list("0123456789 ,.%/-–:;\n\t\u00a0\u2028abcđêôơưăâ") + WORDS


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(ALPHABET) + rng.choice(["", " ", " ", ": ", "\n"]) for _ in range(n))


RANDOM = [_random_text(random.Random(i), n) for i, n in enumerate([0, 1, 3, 10, 30, 60, 120, 300] * 8)]


# ---- the old code (the oracle) ----

_ORDINAL_BEFORE = re.compile(r"(?:chương trình|chương|phần|mục|điều|số|khóa|khoá|lần thứ|quý|tháng|năm|ngày)\s*$")
_MINUTES_BEFORE = re.compile(r"(?:(?<!\w)giờ|\dh)\s*$")  # "lúc 7 giờ 30 sáng": minutes


def old_ordinal_before(s: str, k: int) -> bool:
    return _ORDINAL_BEFORE.search(s, 0, k) is not None


def old_minutes_before(s: str, k: int) -> bool:
    return _MINUTES_BEFORE.search(s, 0, k) is not None


_OLD_REQUIRE = re.compile(r"(?i)ít nhất|tối thiểu|không dưới|tối đa|không quá")


@contextlib.contextmanager
def old_code():
    """find_targets and quantities as they were: no gate, the plain scans."""
    saved = {n: getattr(T, n) for n in ("_ordinal_before", "_minutes_before", "_once_after", "_attend_words",
                                         "_colon_ends", "_has_in", "_REQUIRE_SCAN")}
    T._ordinal_before, T._minutes_before = old_ordinal_before, old_minutes_before
    T._once_after = T._attend_words = lambda lowered: True
    T._colon_ends = lambda s, k: True
    T._has_in = T._has
    T._REQUIRE_SCAN = _OLD_REQUIRE
    try:
        yield
    finally:
        for n, v in saved.items():
            setattr(T, n, v)


# ---- the facts each shortcut rests on, over every code point ----

def test_space_is_isspace_and_word_is_isalnum_over_every_code_point():
    sp, w, d = re.compile(r"\s"), re.compile(r"\w"), re.compile(r"\d")
    for c in ALL_CHARS:
        assert bool(sp.match(c)) == c.isspace(), hex(ord(c))
        assert bool(w.match(c)) == (c.isalnum() or c == "_"), hex(ord(c))
        assert bool(d.match(c)) == c.isdecimal(), hex(ord(c))
        if c.isspace():
            assert c.lower() == c, hex(ord(c))  # (a space stays a space in the lowered text)


def test_gate_letters_lower_to_themselves():
    # every char (?i) takes for a letter of a gate's words lowers to that letter: the gate in the lowered text
    # holds wherever the pattern matches
    for letter in set("mộtlần" + "mặtdựốp"):
        cls = re.compile(ci(letter))
        takes = [c for c in ALL_CHARS if cls.fullmatch(c)]
        assert letter in takes and len(takes) >= 2  # (the class is (?i)'s: both cases at least)
        assert all(c.lower() == letter for c in takes), (letter, takes)
    assert "ſ".lower() != "s" and re.fullmatch("(?i)s", "ſ")  # why "số phiếu" is gated by "ố p"
    assert len("giờ") == 3 and all(len(w) == len(w.strip()) and not w[-1].isspace() for w in T._ORDINAL_WORDS)


def test_ordinal_words_are_the_pattern():
    assert _ORDINAL_BEFORE.pattern == r"(?:" + "|".join(T._ORDINAL_WORDS) + r")\s*$"


def _ends(texts):
    for t in texts:
        for k in range(len(t) + 3):
            yield t, k


def test_before_shortcuts_equal_the_searches_char_by_char():
    # a word, then any one code point, then the end: \w and \s over all of Unicode, at the word's edges
    chars = ALL_CHARS[::7] + [" ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "_", "7", "٣", "x", "ờ"]
    for c in chars:
        for t in (c + "giờ", c + "giờ ", c + "h", c + "h\n", "giờ" + c, "năm" + c, c + "năm \n", c,
                  "xgiờ" + c + " ", c + "5h  "):
            for k in range(len(t) + 2):
                assert T._ordinal_before(t, k) == old_ordinal_before(t, k), (t, k)
                assert T._minutes_before(t, k) == old_minutes_before(t, k), (t, k)


def test_before_shortcuts_equal_the_searches_on_text():
    from kehoach.parser.text.normalize import fold
    texts = [fold(t[i:i + 400]) for t in SEED_TEXTS for i in range(0, len(t), 397)] + RANDOM \
        + ["lúc 7 giờ 30", "7h 30", "chương trình 4", "CHƯƠNG 2", "năm\n", "năm\n\n", "  giờ", "giờ", "h", "5h"]
    n = 0
    for t, k in _ends(texts):
        assert T._ordinal_before(t, k) == old_ordinal_before(t, k), (t[max(0, k - 30):k], k)
        assert T._minutes_before(t, k) == old_minutes_before(t, k), (t[max(0, k - 30):k], k)
        n += old_ordinal_before(t, k) + old_minutes_before(t, k)
    assert n > 100  # (both sides are met)


EDGES = ["(ít nhất 6 tháng một lần)", "hai năm tổ chức một lần", "Hội diễn (HAI NĂM TỔ CHỨC MỘT LẦN)", "3 tháng 1 lần",
         "tối thiểu 02 tuần họp 01 lần.", "6 tháng/1 lần", "Có mặt 49/50 - Vắng mặt: 01 đ/c", "số phiếu 04/04",
         "với SỐ PHIẾU: 12/12", "tham dự 30 / 32", "Ban giám khảo: 05 thành viên", "Hội đồng chấm thi: 07 người",
         "Tổ công tác:\n 3 đồng chí", "Số đoàn viên kết nạp mới trong năm: 7", "Số lượng: 12 người",
         "Tổng số 45, nữ 40, trình độ đạt chuẩn 100%", "phải có ít nhất 01 nhân viên có trình độ tin học",
         "Phấn đấu 100% đạt chuẩn", "1 lần", "một  lần nữa"]


def _segments():
    rng = random.Random(24)
    yield from EDGES
    for t in SEED_TEXTS + RANDOM + _synth_texts(40):
        for _ in range(40 if len(t) > 1000 else 3):
            a = rng.randrange(len(t) + 1)
            yield t[a:a + rng.choice([5, 40, 200, 600])]
        for line in t.split("\n"):
            yield line


def test_gates_never_lose_a_match():
    hits = dict.fromkeys(("per", "attend", "label", "board", "require", "comp", "aim"), 0)
    from kehoach.parser.text.normalize import fold
    comp, aim = T._tables()[-1]["composition"], T._tables()[-1]["aim"]
    for seg in _segments():
        low = seg.lower()
        starts = [m.start() for m in re.finditer(r"\d(?<!\d\d)", seg)]
        if T._PER_STRETCH.search(seg):
            hits["per"] += 1
            assert T._once_after(low), seg
        if T._ATTEND.search(seg):
            hits["attend"] += 1
            assert T._attend_words(low), seg
        for key, rx in (("label", T._LABELLED_COUNT), ("board", T._BOARD_SIZE)):
            if rx.search(seg):
                hits[key] += 1
                assert any(T._colon_ends(seg, p) for p in starts), seg
        assert (T._REQUIRE_SCAN.search(seg) is None) == (_OLD_REQUIRE.search(seg) is None), seg
        assert [m.span() for m in T._REQUIRE_SCAN.finditer(seg)] == [m.span() for m in _OLD_REQUIRE.finditer(seg)]
        hits["require"] += _OLD_REQUIRE.search(seg) is not None
        f = fold(seg)
        for key, words in (("comp", comp), ("aim", aim)):
            assert T._has_in(f, words) == T._has(f, words), f
            hits[key] += T._has(f, words)
    assert all(v > 0 for v in hits.values()), hits  # (every gate is met where its pattern matches)


def test_once_after_is_the_lowered_pattern():
    rx = re.compile(r"(?:một|1)\s+lần")
    for seg in list(_segments())[:4000] + ["MỘT LẦN", "1\u00a0lần", "01\nlần", "lần", " lần", "một lần", "mộtlần"]:
        low = seg.lower()
        assert T._once_after(low) == (rx.search(low) is not None), seg


def test_colon_ends():
    for s, k, want in (("Số: 7", 3, True), ("Số:7", 3, True), ("Số:\n 7", 5, True), ("Số 7", 3, False), ("7", 0, False),
                       (":", 1, True), ("a: b 7", 5, False)):
        assert T._colon_ends(s, k) == want, (s, k)


def _targets(text):
    T._starts_memo = (None, [])
    out = []
    from kehoach.parser.caches import clear
    clear()
    for t in T.find_targets(text, 0, len(text), [], []):
        t["subject"] = T.subject(text, t)
        out.append(t)
    return out


def _quantities(text):
    T._starts_memo = (None, [])
    out = []
    for s in range(0, len(text), 97):
        for kw in ({}, {"aimed": True}, {"situation": True}, {"taking_part": True}):
            out.append(T.quantities(text, s, min(len(text), s + 300), [], **kw))
    return out


@pytest.mark.parametrize("which", ["seeds", "synth", "random"])
def test_find_targets_as_before(which):
    texts = {"seeds": SEED_TEXTS, "synth": _synth_texts(), "random": RANDOM + EDGES}[which]
    n = 0
    for text in texts:
        new = _targets(text)
        with old_code():
            old = _targets(text)
        assert new == old
        n += len(new)
        if which != "synth":
            new_q = _quantities(text)
            with old_code():
                assert _quantities(text) == new_q
    assert n > (20 if which != "random" else 0)
