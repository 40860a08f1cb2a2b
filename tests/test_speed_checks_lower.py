"""Issue 14 (speed): the checks find their words with str.find in the lower-cased text, the
numbers' starts with numpy, and fold the tone placement of the dated lines only; each gives
what the whole-text scan gave (the facts they rest on are checked over all of Unicode)."""
from __future__ import annotations

import random
import re
import sys
import unicodedata

from test_speed_checks import _ctx, _invented_date_texts, _invented_t_texts, _seed_texts

from kehoach.parser.checks import engine as E
from kehoach.parser.checks import rules_dates as rd
from kehoach.parser.checks import rules_period as rp
from kehoach.parser.text import digits
from kehoach.parser.text.fastre import ci

ALL = [chr(c) for c in range(sys.maxunicode + 1)]
WORDS = ["từ", "tổng", "tháng", "trên", "ngày", *rp._build_verbs()]


def test_lower_and_ignorecase_agree_on_the_letters_sought():
    # str.lower() of a char is one char but for İ, and lower() and (?i) pick the same chars for
    # each letter of the words, İ ı ſ aside (a text holding one is scanned the old way)
    assert [c for c in ALL if len(c.lower()) != 1] == ["\u0130"]
    odd = set(E._ODD_CASE)
    everything = "".join(c for c in ALL if not 0xD800 <= ord(c) < 0xE000)
    lowers: dict = {}
    for c in ALL:
        lowers.setdefault(c.lower(), set()).add(c)
    for letter in sorted(set("".join(WORDS))):
        assert letter == letter.lower()
        by_re = set(re.findall("(?i)" + re.escape(letter), everything)) - odd
        assert by_re == lowers[letter] - odd, letter
        assert not any(0xD800 <= ord(c) < 0xE000 for c in lowers[letter])


def _texts() -> list[str]:
    rng = random.Random(31)
    bits = ["Ngày", "NGÀY", "ngàY", "xây dựng", "XÂY DỰNG", "Ban hành", "đề ra", "ĐỀ RA", "kế hoạch", " như sau", ": ",
            "xây dựng kế hoạch ", "Ban hành Kế hoạch năm 2024 như sau", "đề ra chương trình công tác năm học 2024-2025",
            "XÂY DỰNG BÁO CÁO", "xxây dựng kế hoạch ", "5ban hành nghị quyết ", "đề ra  kế hoạch",
            "İ", "ı", "ſ", "tſ", "\u0130ngày", "tổng", "TỪ", "trên", " ", "\n", "năm học 2024-2025", "x", "5"]
    out = _seed_texts() + _invented_t_texts(1500) + _invented_date_texts(1500)
    out += ["".join(rng.choice(bits) for _ in range(rng.randint(1, 14))) for _ in range(2000)]
    return out + [t.upper() for t in out[:3]]


def test_t_words_ngay_and_built_are_the_whole_scans():
    ngay = re.compile(ci("n") + r"(?<!\w.)(?i:gày)")
    built = rp._patterns()["built"]
    n = dict.fromkeys(["t", "ngay", "built"], 0)
    for t in _texts():
        ctx = _ctx(t)
        want: dict = {k: [] for k in E._T_WORDS.groupindex}
        for m in E._T_WORDS.finditer(t):
            want[m.lastgroup].append(m.start())
        assert E.t_words(ctx) == want, repr(t)
        n["t"] += sum(map(len, want.values()))
        want_n = [m.start() for m in ngay.finditer(t)]
        assert rd._ngay_starts(ctx) == want_n, repr(t)
        n["ngay"] += len(want_n)
        for lo in {0, len(t) // 2}:
            at = E.word_places(ctx, rp._build_verbs(), lo)
            got = built.finditer(t, lo) if at is None else E.finditer_at(built, t, at)
            want_b = [(m.span(), m.groupdict()) for m in built.finditer(t, lo)]
            assert [(m.span(), m.groupdict()) for m in got] == want_b, repr(t)
            n["built"] += len(want_b)
    assert min(n.values()) > 300, n


def test_decimal_digits_outside_ascii_lie_in_the_ranges_numpy_leaves_to_the_regex():
    for c in ALL:
        if c.isdecimal() and not "0" <= c <= "9":
            assert ord(c) > 0xFFFF or any(lo <= ord(c) < hi for lo, hi in digits.OTHER_DIGITS), hex(ord(c))
    assert [c for c in ALL if re.fullmatch(r"\d", c)] == [c for c in ALL if c.isdecimal()]


def test_number_starts_are_the_number_scan():
    rng = random.Random(32)
    pool = "12 ab\n./-٣\uff11\u0660xđ\U0001d7ce\ud800\uac00"
    texts = _seed_texts() + ["".join(rng.choice(pool) for _ in range(rng.randint(0, 700))) for _ in range(3000)]
    texts += ["7" * 300, "a" * 300, "1" + "a" * 300 + "2"]
    for t in texts:
        assert digits.number_starts(t) == [m.start() for m in E.NUMBER.finditer(t)], repr(t[:60])


def _hits(rule, ctx) -> list:
    return [(h.start, h.end, h.message, h.message_en, h.evidence) for h in rule(ctx)]


def test_dated_text_finds_what_the_folded_text_finds():
    rng = random.Random(33)
    extra = ["Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)", "kỉ niệm 94 năm thành lập Đảng",
             "chào mừng lần thứ 90 năm Đảng CSVN", "Thuỷ 5 năm Đoàn TNCS Hồ Chí Minh", "hoà 20/10 Ngày Phụ nữ Việt Nam",
             "Ngày Nhà giáo Việt Nam 20/11", "hoá\n12 năm Hội LHPN Việt Nam", "ủy ", "Uỷ ", "quý 3/2 - thành lập Đảng",
             "Quốc khánh nước Cộng hoà xã hội chủ nghĩa Việt Nam 2/9", "3/9 - Quốc khánh nước Cộng hoà xã hội chủ nghĩa Việt Nam",
             "Chào mừng 79 năm Quốc khánh nước Cộng hoà xã hội chủ nghĩa Việt Nam",
             "Chào mừng 80 năm Quốc khánh nước Cộng hoà xã hội chủ nghĩa Việt Nam (1945 - 2024)",
             "kỷ niệm lần thứ 60 năm Giải phóng hoàn toàn miền Nam (1975-2025)"]
    texts = _seed_texts() + _invented_date_texts(3000)
    texts += ["\n".join(rng.choice(extra + texts[-50:]) for _ in range(rng.randint(1, 8))) for _ in range(1500)]
    texts += [unicodedata.normalize("NFD", t) for t in texts[:2]] + ["hoa\u0300 20/10 Ngày Phụ nữ Việt Nam"]
    found = 0
    for t in texts:
        for rule in (rd.observance_date_wrong, rd.anniversary_mismatch):
            ctx = _ctx(t)
            got = _hits(rule, ctx)
            old = _ctx(t)
            old._cache["dated_text"] = rd.folded_text(old)  # the whole text folded, as before
            assert got == _hits(rule, old), repr(t)
            found += len(got)
    assert found > 300, found
