"""The faster ways of kehoach.parser.nlp.targets and clauses give what the old ones gave: the three
'stretch under a heading' scans in one pass over the lines, the bounded word count, and the
quantity patterns rewritten so sre can skip to where a match may start (compared with the old
patterns, match for match, on real plan text, edge cases and fuzzed strings)."""
from __future__ import annotations

import random
import re

import pytest

from conftest import SEEDS, seed_windows
from kehoach.parser.nlp import clauses, targets
from kehoach.parser.nlp.clauses import n_words
from kehoach.parser.text.normalize import fold


def _seed_texts() -> list[str]:
    return [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]


# --- the old stretch scans, as they were (one pass each over the lines) ----------------------------

def _old_stretches(text, start, end, judge):
    out = []
    open_at = -1
    for m in targets._LINE.finditer(text, start, end):
        closes, opens = judge(m.group(0).strip())
        if closes and open_at >= 0:
            out.append((open_at, m.start()))
            open_at = -1
        if opens and open_at < 0:
            open_at = m.end()
    if open_at >= 0:
        out.append((open_at, end))
    return out


def _old_aim_spans(text, start, end):
    *_, cues = targets._tables()
    aim_rx = targets._cue_rx(cues["aim"])

    def judge(line):
        heading = targets._HEADING_LINE.match(line) is not None and n_words(line) <= 15
        if not (heading or line.endswith(":")):
            return False, False
        aims = aim_rx.search(fold(line)) is not None
        return heading and not aims, aims

    return _old_stretches(text, start, end, judge)


def _old_situation_spans(text, start, end):
    def judge(line):
        heading = targets._ANY_HEADING.match(line) is not None
        if not (heading or line.endswith(":") or line[:1] in "*+-•") or n_words(line) > 15:
            return False, False
        cued = targets._SITUATION.search(fold(" ".join(line.split()[:6]))) is not None
        return not cued and heading, cued

    return _old_stretches(text, start, end, judge)


def _old_taking_part_spans(text, start, end):
    def judge(line):
        head = targets._ANY_HEADING.match(line) is not None and n_words(line) <= 8
        return head, head and targets._TAKING_PART.search(fold(line)) is not None

    return _old_stretches(text, start, end, judge)


_HEAD_LINES = [
    "I. ĐẶC ĐIỂM TÌNH HÌNH", "I.Đặc điểm tình hình", "* Thuận lợi:", "Khó khăn:", "- Khó khăn", "+ thuận lợi và khó khăn",
    "II. CHỈ TIÊU PHẤN ĐẤU", "Từ nay đến năm 2021, phấn đấu hoàn thành các chỉ tiêu sau:", "II. Đối tượng tham gia",
    "1. Thành phần tham dự", "2. Đối tượng dự thi gồm các em học sinh", "a) Mục tiêu", "III. TỔ CHỨC THỰC HIỆN",
    "• 100% đoàn viên tham gia", "", "   ", "-", "*", ":", "CÁC CHỈ TIÊU", "12.3. Nội dung:", "b- nhiệm vụ",
    "1. " + " ".join(["từ"] * 14), "1. " + " ".join(["từ"] * 15), "1. " + " ".join(["từ"] * 7), "1. " + " ".join(["từ"] * 8),
    "- " + " ".join(["khó khăn"] * 8), " ".join(["đặc điểm"] * 7) + ":", "V. ĐỐI TƯỢNG THAM GIA: " + "x " * 20,
    "- Thuận lợi: 45 đoàn viên, nữ 40", "ĐẶC ĐIỂM TÌNH HÌNH CHUNG", "1. - Khó khăn", "II. * Thuận lợi", "a) (đặc điểm)", "THUẬN LỢI VÀ KHÓ KHĂN", "ĐỐI TƯỢNG THAM GIA", "Trong đó 90% đạt chuẩn", "III. KẾ HOẠCH PHẤN ĐẤU ĐẠT 100%",
]


def _stretch_texts() -> list[str]:
    rnd = random.Random(20)
    body = [ln for t in _seed_texts() for ln in t.splitlines()]
    out = _seed_texts()
    for _ in range(300):
        out.append("\n".join(rnd.choice(_HEAD_LINES + body) for _ in range(rnd.randint(1, 30))))
    return out


def test_stretches_in_one_pass_equal_the_three_scans():
    opened = 0
    for t in _stretch_texts():
        for s, e in ((0, len(t)), (len(t) // 3, len(t))):
            aims, situations, parts = targets._stretches(t, s, e)
            assert aims == _old_aim_spans(t, s, e), t
            assert situations == _old_situation_spans(t, s, e), t
            assert parts == _old_taking_part_spans(t, s, e), t
            opened += len(aims) + len(situations) + len(parts)
    assert opened > 100  # the texts do open such stretches


def test_more_words_is_the_word_count_bar():
    rnd = random.Random(5)
    parts = ["từ", "a_b", "12", "1.234", " ", "  ", ",", ".", "\n", "-", "—", "đ/c", "(x)", "ǅ", "²", "\u00a0", "_", "é", "e\u0301"]
    texts = seed_windows(12, 5) + ["", " ", "a", " a ", "a b", ", ,", "_", "__ a"]
    texts += ["".join(rnd.choice(parts) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    for t in texts:
        k = n_words(t)
        for n in (0, 1, 2, 3, 8, 13, 15, 30, k - 1, k, k + 1):
            if n >= 0:
                assert clauses.more_words(t, n) == (k > n), (t, n)
