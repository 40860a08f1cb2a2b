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


# --- the quantity patterns: old (as they were built before) vs new --------------------------------

def _old_patterns() -> dict[str, re.Pattern]:
    from kehoach import models

    data = models.load("units.yaml")
    names = sorted((u for u in data["units"] if u != "%"), key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) for u in names)
    money_alt = "|".join(re.escape(u) for u in sorted(data["money_units"], key=len, reverse=True))
    tail = targets._NUMBER_TAIL
    return {
        "rng": re.compile(rf"(?i)(?:\b(?P<comp>từ)\s+)?(?<![\d/.,])(?P<a>\d{{1,3}})\s*(?:đến|tới|-|–)\s*(?P<b>\d{{1,3}})"
                          rf"\s+(?P<unit>{unit_alt})\b"),
        "cnt": re.compile(rf"(?i)(?P<num>\d(?<![\d/.,\-–]\d)\d{{0,2}}(?:,\d{{1,2}}(?!\d))?)\s*"
                          rf"(?:(?P<mult>triệu|nghìn|ngàn)\s+)?(?P<unit>{unit_alt})\b"),
        "money": re.compile(rf"(?i)(?P<num>\d(?<![\d/.,]\d){tail})\s*(?P<unit>{money_alt})(?!\w)(?!\s*/\s*c\b)"),
        "frac": re.compile(rf"(?i)(?<![\d/.,])(?P<a>\d{{1,3}})\s*/\s*(?P<b>\d{{1,3}})\s*(?P<unit>{unit_alt})\b"),
    }


def _new_patterns():
    _, _, pct, rng, cnt, _, money, frac, *_ = targets._tables()
    return {"rng": rng, "cnt": cnt.digits, "money": money.digits, "frac": frac}


_QEDGES = [
    "từ 3 đến 5 đảng viên", "Từ  12 - 15 người", "từ3 đến 5 người", "stừ 3 đến 5 người", "1/2 đến 3 người", "12/3 - 4 tổ",
    "3–4 tiết mục", "04/04 đồng chí", "97/100 điểm", "(04/04 đồng chí)", "1.234/5 người", "5 000 000 đồng", "3,5 triệu đồng",
    "13 đồng chí", "10 đ/c", "20.000đ", "1000 VNĐ", "2024 đồng", "12 triệu đoàn viên", "5 nghìn người", "0,25 giờ chuẩn",
    "lúc 7 giờ 30", "3 người lao động", "3 người lao", "5 CBGVNV", "5 cbgv", "1 m", "2 mét", "3 ½ vé", "01 lần/01 năm",
    "7 tiết", "7 tiết mục", "2 ha.", "2 HA", "2 Ha,", "12 ĐOÀN VIÊN", "12 đoàn viênx", "5 \n người", "5\tngười", "9 ſuất",
    "9 ıngười", "9 İ", "8 K", "1 – 2 ủy viên", "1-2 uỷ viên", "từ 1 – 2 dự án", "Từ 01 đến 02 ảnh",
]


def _quantity_texts() -> list[str]:
    rnd = random.Random(21)
    parts = ["từ", "Từ", " ", "  ", "\n", "5", "01", "1.234", "3,5", "12", "-", "–", "/", "%", "đến", "tới", "người", "đồng",
             "đ", "đ/c", "Đoàn viên", "triệu", "nghìn", "vnđ", "lần", "năm", "tiết mục", "a", ",", "(", ")", "ha", "giờ chuẩn"]
    fuzz = ["".join(rnd.choice(parts) + rnd.choice(["", " "]) for _ in range(rnd.randint(2, 14))) for _ in range(4000)]
    # shaped as the patterns read: [comparator] number [sep number] [mult] unit, with noise between
    pick = rnd.choice
    shaped = ["".join([pick(["", "từ ", "Từ  ", "xtừ ", "1/", "a", ".", "trên "]), pick(["1", "01", "123", "1234", "1.234", "3,5"]),
                       pick(["", " ", "  "]), pick(["", "đến", "tới", "-", "–", "/", "x"]), pick(["", " ", "\n"]),
                       pick(["", "2", "02", "999", "1000"]), pick([" ", "", "  "]), pick(["", "", "triệu ", "nghìn ", "NGÀN "]),
                       pick(["người", "NGƯỜI", "đồng", "đ", "Đ/c", "người lao", "tiết mục", "x", "vnd", "giờ", "mét", "ha"]),
                       pick(["", " ", "x", "/c", " / c", ".", "s"])]) for _ in range(3000)]
    lines = [ln for t in _seed_texts() for ln in t.splitlines() if any(ch.isdigit() for ch in ln)]
    return seed_windows(40, 20) + lines + _QEDGES + fuzz + shaped


def _spans(it, groups):
    return [(m.start(), m.end(), m.group(0)) + tuple((g, m.group(g), m.start(g) if g != "comp" else None) for g in groups)
            for m in it]


@pytest.mark.parametrize("name", ["rng", "cnt", "money", "frac"])
def test_quantity_patterns_equal_the_old(name):
    old, new = _old_patterns()[name], _new_patterns()[name]
    hits = 0
    for t in _quantity_texts():
        groups = sorted(old.groupindex)
        got = _spans(new.finditer(t), groups)
        assert got == _spans(old.finditer(t), groups), t
        hits += len(got)
    assert hits > 30


def _bmp() -> str:
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000))) + "\U0001d400\U0010ffff"


def test_first_letter_look_ahead_holds_exactly_where_a_word_may_open():
    from kehoach import models

    data = models.load("units.yaml")
    bmp = _bmp()
    for words in ([u for u in data["units"] if u != "%"], list(data["money_units"]),
                  [u for u in data["units"] if u != "%"] + targets._MULT):
        each = re.findall("(?i)(?:" + "|".join(re.escape(w[0]) for w in words) + ")", bmp)
        assert re.findall("(?i)" + targets._first_letters(words), bmp) == each
        assert len(each) >= len({w[0] for w in words})


def _old_cue_rx(words):
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _folded_texts() -> list[str]:
    rnd = random.Random(22)
    texts = [fold(t) for t in seed_windows(30, 15)] + [ln for t in _seed_texts() for ln in fold(t).split(" \n")]
    *_, cues = targets._tables()
    words = [w for k in ("action", "composition", "aim", "each", "commit") for w in cues[k]] + list(targets._RESULT_WORDS)
    words += ["thuận lợi", "khó khăn", "đặc điểm", ":", " :", "x", "_", "1", "\n", " ", "  ", "-", "đ", "a"]
    texts += ["".join(rnd.choice(words) + rnd.choice(["", " ", "", "_"]) for _ in range(rnd.randint(1, 10))) for _ in range(4000)]
    return texts


def test_cue_scans_equal_the_old():
    *_, cues = targets._tables()
    lists = [cues[k] for k in ("action", "composition", "aim", "each", "commit")] + [targets._RESULT_WORDS]
    pairs = [(targets._cue_rx(ws), _old_cue_rx(ws)) for ws in lists]
    pairs += [(targets._SITUATION, re.compile(r"(?<!\w)(?:đặc điểm|thuận lợi|khó khăn)(?!\w)")),
              (targets._SITUATION_INLINE, re.compile(r"(?<!\w)(?:thuận lợi|khó khăn)\s*:"))]
    hits = 0
    for t in _folded_texts():
        for new, old in pairs:
            got = [m.span() for m in new.finditer(t)]
            assert got == [m.span() for m in old.finditer(t)], (t, old.pattern)
            hits += len(got)
    assert hits > 1000


def _old_word_patterns() -> dict[str, re.Pattern]:
    from kehoach import models

    data = models.load("units.yaml")
    unit_alt = "|".join(re.escape(u) for u in sorted((u for u in data["units"] if u != "%"), key=len, reverse=True))
    nums = "|".join(targets._WORD_NUMBERS)
    *_, cues = targets._tables()
    return {
        "each_words": (cues["each_words"], re.compile(rf"(?i)\bmỗi\s+(?:[^\s\d,;.:()]+\s+){{1,7}}?(?P<num>{nums})\s+"
                                                      rf"(?P<unit>{unit_alt})\b")),
        "every": (targets._EVERY, re.compile(
            r"(?i)\b(?:mỗi|hàng|hằng)\s+(?:ngày|tuần|tháng|quý|năm\s+học|năm|học\s+kỳ|học\s+kì)\b"
            r"(?:\s+(?!\d|(?:ngày|tuần|tháng|quý|năm|vào|lúc)\b)[^\s\d,;.:]+){0,4}?\s+(?:(?P<comp>ít nhất|tối thiểu|từ)\s+)?"
            r"(?P<num>\d{1,2}|" + nums + r")\s*(?P<unit>lần|buổi|kỳ|đợt)\b(?!\s+lượt)")),
        "half": (targets._HALF, re.compile(r"(?i)(?<!\w)(?:quá|qúa|hơn|trên)\s+(?:một\s+)?nửa\s+(?:tổng\s+)?số\b")),
        "attend": (targets._ATTEND, re.compile(
            r"(?i)\b(?:có mặt|vắng mặt|tham dự|số phiếu|với số phiếu)\s*:?\s*(?P<a>\d{1,3})\s*/\s*(?P<b>\d{1,3})(?![\d/])")),
        "labelled": (targets._LABELLED_COUNT, re.compile(
            r"(?i)(?<!\w)số\s+(?P<label>[^:\n\d]{3,60}?(?:\d+[^:\n\d]{1,30}?)?):\s*(?P<num>\d{1,4})(?![\d/.,%])(?!\s*[^\W\d_])")),
        "board": (targets._BOARD_SIZE, re.compile(
            r"(?i)(?<!\w)(?:ban|tiểu ban|hội đồng|tổ công tác|đoàn kiểm tra)\s+[^:\n\d]{2,40}:\s*"
            r"(?P<num>\d{1,3})\s*(?P<unit>thành viên|người|đồng chí|đ/c)(?!\w)")),
        "rate": (targets._RATE_OF, re.compile(r"(?i)\b(?:tỷ lệ|tỉ lệ|số lượng|số)\s+")),
        "times": (targets._TIMES_IN_WORDS, re.compile(
            r"(?i)(?<!\w)(?P<num>" + nums + r")\s+lần(?!\w)(?!\s+(?:nữa|thứ)\b)")),
    }


def _word_texts() -> list[str]:
    rnd = random.Random(23)
    words = ["mỗi", "Mỗi", "MỖI", "hàng", "HÀNG", "hằng", "tháng", "năm học", "ít nhất", "một", "Hai", "BA", "sáu", "lần",
             "buổi", "nữa", "quá", "QÚA", "hơn", "trên", "nửa", "tổng", "số", "SỐ", "có mặt", "Vắng mặt", "tham dự",
             "với số phiếu", "ban", "Tiểu ban", "hội đồng", "tổ công tác", "đoàn kiểm tra", "thành viên", "người", "đ/c",
             "đoàn viên", "tiết mục", ":", ": ", "/", "1", "05", "49/50", "7", " ", "  ", "\n", ",", "x", "_", "a", "ſ", "ı", "İ",
             "K", "lượt", "thứ", "vào"]
    fuzz = ["".join(rnd.choice(words) + rnd.choice([" ", "", " ", "x"]) for _ in range(rnd.randint(1, 14))) for _ in range(5000)]
    pick = rnd.choice
    shaped = [" ".join([pick(["", "x", "Trong", "1"]), pick(["mỗi", "Mỗi", "MỖI", "xmỗi", "hàng", "hằng"]),
                        *[pick(["tổ", "công đoàn", "đội", "tháng", "năm học", "1", "biểu diễn", "ít nhất", "có"])
                          for _ in range(rnd.randint(0, 8))],
                        pick(["một", "Hai", "ba", "5", "05", "năm"]), pick(["tiết mục", "người", "lần", "buổi", "đợt", "x"]),
                        pick(["", "nữa", "lượt", ".", "/ 1 lần"])]) for _ in range(3000)]
    import itertools

    combos = [a + b + c for a, b, c in itertools.product(
        ["quá", "QÚA", "hơn", "Trên", "xtrên", "Tỷ lệ", "tỉ lệ", "số lượng", "SỐ", "có mặt", "Vắng mặt", "với số phiếu", "số", "Số", "ban", "Hội đồng", "tổ công tác",
         "một", "HAI", "mười", "amột", "1"],
        [" ", "  ", " một ", "\n", ": ", " đoàn viên kết nạp mới: ", " giám khảo: ", " chấm thi :"],
        ["nửa số", "nửa tổng số", "NỬA SỐ phiếu", "nửa sốx", "49/50", "04/04 đ/c", "7", "07 thành viên", "05 người", "lần",
         "lần nữa", "LẦN thứ", "lần.", "12%", "3 ngày"])]
    lines = [ln for t in _seed_texts() for ln in t.splitlines()]
    return seed_windows(40, 20) + lines + fuzz + shaped + combos


@pytest.mark.parametrize("name", ["each_words", "every", "half", "attend", "labelled", "board", "rate", "times"])
def test_word_led_patterns_equal_the_old(name):
    new, old = _old_word_patterns()[name]
    groups = sorted(old.groupindex)
    assert sorted(new.groupindex) == groups
    hits = 0
    for t in _word_texts():
        got = _spans(new.finditer(t), groups)
        assert got == _spans(old.finditer(t), groups), t
        hits += len(got)
    assert hits > 5  # (each finds some: the rest are near misses)


def test_quantities_read_the_text_lowered_once_as_each_unit_lowered():
    """A unit's words are looked for in the text lowered once (cut to the unit): the same finds as lowering the unit,
    also with a capital sigma (lowered by its context) or a dotted capital I (lowered to two chars) in the text."""
    texts = [t for t in _seed_texts()]
    texts += [t.replace("Đoàn", "ΑΣ Đoàn", 50) for t in texts] + ["İ" + t for t in texts]
    texts += [("ΣMỖI THÁNG 1 LẦN họp, PHẤN ĐẤU 100% đoàn viên tham gia. " * 40) + "Σ"]
    seen = 0
    for t in texts:
        spans = clauses.units(t)
        with_memo = [targets.quantities(t, s, e, []) for s, e in spans]
        saved = targets.lower_text
        targets.lower_text = lambda text: ""  # each unit lowered on its own, as before
        try:
            alone = [targets.quantities(t, s, e, []) for s, e in spans]
        finally:
            targets.lower_text = saved
        assert with_memo == alone
        seen += sum(map(len, alone))
    assert seen > 100


def test_summing_up_at_line_starts_equals_the_scan():
    rnd = random.Random(24)
    closing = ["Trên đây là kế hoạch tổ chức, đề nghị các đơn vị thực hiện; x", "  TRÊN ĐÂY LÀ BẢN KẾ HOẠCH năm 2024.",
               "\ttrên là toàn bộ  hướng dẫn", "xTrên đây là kế hoạch", "Trên đây là kế hoạchx", "trên đây là quy chế\n\ntiếp",
               "Trên\nđây là báo cáo", "Trên đây là thông báo", "- Trên đây là kế hoạch", "", "\n", "\r\n"]
    texts = _seed_texts()
    for _ in range(500):
        lines = [rnd.choice(closing + [ln for t in texts[:1] for ln in t.splitlines()[:40]]) for _ in range(rnd.randint(1, 12))]
        texts.append("\n".join(lines))
    hits = 0
    for t in texts:
        for s, e in ((0, len(t)), (1, len(t)), (len(t) // 2, len(t)), (0, len(t) // 2), (3, max(3, len(t) - 3))):
            got = targets._summing_up(t, s, e)
            assert got == [m.span() for m in targets._SUMMING_UP.finditer(t, s, e)], (t, s, e)
            hits += len(got)
    assert hits > 100


def test_frequency_in_two_scans_equals_the_alternation():
    old = re.compile(r"(?i)(?:(?<![\d/.,])(?P<num>\d{1,2})\s*|(?P<every>\bmỗi\s+))(?P<unit>lần|tháng|tuần|năm|quý)\s*/\s*"
                     r"(?:\d{1,2}\s*)?(?:lần|tháng|tuần|năm|quý|học kỳ|học kì)\b")
    new = targets._tables()[8]
    rnd = random.Random(25)
    parts = ["mỗi", "Mỗi", "MỖI", "xmỗi", "1", "01", "12", "123", "1/", ".", ",", "lần", "tháng", "Năm", "quý", "tuần", "học kỳ",
             "học kì", "/", " / ", " ", "  ", "\n", "x", "tháng1", "ı"]
    texts = [ln for t in _seed_texts() for ln in t.splitlines() if "/" in ln] + _word_texts()[-3000:]
    texts += ["".join(rnd.choice(parts) for _ in range(rnd.randint(1, 16))) for _ in range(6000)]
    texts += ["Mỗi tháng/1 lần, 01 lần/01 năm, 06 tháng / 01 lần; xmỗi tháng/1 lần", "mỗi 1 lần/năm", "1 mỗi tháng/ năm"]
    pick = rnd.choice
    texts += ["".join([pick(["", "x ", "1/", "Có ", ", "]), pick(["1", "01", "12", "123", "mỗi ", "Mỗi  ", "MỖI\n", "xmỗi "]),
                       pick(["", " ", "  "]), pick(["lần", "tháng", "Năm", "quý", "x"]), pick(["/", " / ", "/ ", ""]),
                       pick(["", "1 ", "01", "123"]), pick(["lần", "tháng", "học kỳ", "học kì", "năm", "y"]),
                       pick(["", "x", " ", ", 02 lần/năm"])]) for _ in range(3000)]
    groups = ["every", "num", "unit"]
    hits = 0
    for t in texts:
        got = _spans(new.finditer(t), groups)
        assert got == _spans(old.finditer(t), groups), t
        hits += len(got)
    assert hits > 100


def test_digit_scans_started_at_the_first_digit_equal_the_whole_scan():
    _, _, pct, rng, cnt, _, money, frac, *_ = targets._tables()
    scans = [pct, rng, cnt, money, targets._NOUN_COUNT]
    hits = 0
    for t in _quantity_texts():
        d = targets._DIGIT.search(t)
        d0 = d.start() if d else len(t)
        for rx in scans:
            got = [(m.start(), m.end(), m.group("comp"), m.group(0)) for m in rx.finditer(t, d0)]
            assert got == [(m.start(), m.end(), m.group("comp"), m.group(0)) for m in rx.finditer(t)], t
            hits += len(got)
        assert [m.span() for m in frac.finditer(t, d0)] == [m.span() for m in frac.finditer(t)]
    assert hits > 1000
