"""Targets (chỉ tiêu): quantitative commitments — percentages, ranges of people or times,
counts after a commitment word — each as the clause that states it."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from kehoach import models
from kehoach.parser.nlp.clauses import comma_after, comma_before, inside, more_words, n_words, units
from kehoach.parser.nlp.clauses import lowered as lower_text
from kehoach.parser.nlp.dates import DateHit
from kehoach.parser.nlp.numbers import NUMBER, parse_number
from kehoach.parser.text import digits as text_digits
from kehoach.parser.text.fastre import ci, finditer_at, literal_alt
from kehoach.parser.text.normalize import fold

LONG_UNIT = 30  # words: a longer sentence is cut to the clause around the quantity
MIN_CLAUSE = 14  # words: a clause shorter than this takes in the clauses before it


_DIGIT = re.compile(r"\d")
_starts_memo: tuple = (None, [])


def _text_number_starts(text: str) -> list[int]:
    r"""Where the text's numbers start (text.digits.number_starts: numpy, and the dates tagger asked for this text's
    already), kept while it is the last text asked (identity, as clauses.lowered; the memo holds the text, so its id
    is not reused): a unit's numbers are then a bisection, not a scan of its chars (sre tests \d's category at
    every char: ~90 instructions a char)."""
    global _starts_memo
    if _starts_memo[0] is not text:
        _starts_memo = (text, text_digits.number_starts(text))
    return _starts_memo[1]


def _number_starts_in(text: str, s: int, e: int) -> list[int]:
    r"""Where the numbers of seg = text[s:e] start, in it: [m.start() for m in re.finditer(r"\d(?<!\d\d)", seg)]
    (a number running on from before s starts at 0 in seg). Empty: seg holds no digit. A scan whose number opens on
    `\d(?<![\d...]\d)` can only match at one of these."""
    starts = _text_number_starts(text)
    i = bisect_left(starts, s)
    out = [p - s for p in starts[i:bisect_left(starts, e, i)]] if i < len(starts) and starts[i] < e else []
    if s < e and (not out or out[0]) and text[s].isdecimal():  # (\d is str.isdecimal)
        out.insert(0, 0)
    return out


def _digits_at(seg: str, starts: list[int]) -> list[int]:
    """Every digit's offset in seg, from where its numbers start: [m.start() for m in _DIGIT.finditer(seg)]."""
    out = []
    n = len(seg)
    for p in starts:
        out.append(p)
        p += 1
        while p < n and seg[p].isdecimal():
            out.append(p)
            p += 1
    return out


# NUMBER with its first digit first, so a look back can follow it: the same strings, tried in the same order
_NUMBER_TAIL = r"(?:\d{0,2}(?:[.\u00a0 ]\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"
assert NUMBER == r"\d{1,3}(?:[.\u00a0 ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?", "update _NUMBER_TAIL with NUMBER"
_LA = re.compile(r"(?i)là")


class _CompMatch:
    """What `(?P<comp>...)?` + the digit pattern matched: the digit match `m`, opened at `p` by `comp`."""

    __slots__ = ("m", "p", "comp")

    def __init__(self, m: re.Match, p: int, comp: str | None) -> None:
        self.m, self.p, self.comp = m, p, comp

    def start(self, g=0) -> int:
        return self.p if g == 0 else self.m.start(g)

    def end(self, g=0) -> int:
        return self.m.end(g)

    def group(self, g=0):
        if g == "comp":
            return self.comp
        return self.m.string[self.p:self.m.end()] if g == 0 else self.m.group(g)


class _CompRx:
    r"""finditer of `(?i)(?:(?P<comp>...)\s*(?:là\s+)?)?` + `digits`, match for match, scanning for the digit.
    The optional comparator first makes sre try every position of the text; the comparator has no
    digit, so each match's number is where `digits` first matches from the previous end, and the
    comparator, if any, is the leftmost one that runs from there up to the number: looked for after."""

    def __init__(self, before: str, width: int, digits: str) -> None:
        self.before = re.compile(rf"(?i)(?:{before})\Z")  # the comparator, ending at the number
        self.width = width  # the longest comparator word or sign
        self.digits = re.compile(rf"(?i){digits}")
        self.pattern = rf"(?i)(?:{before})?{digits}"  # the one regex it stands for (tests/test_nlp_targets_scans.py)

    def finditer(self, seg: str, start: int = 0, at: list[int] | None = None):
        """(`start`: where the scan for the digit starts, at or before seg's first digit; the comparator is looked
        for from seg's start; `at`: the offsets where a match of `digits` may start, ascending, each tried
        there only: no char scan)"""
        pos = 0
        found = self.digits.finditer(seg, start) if at is None else finditer_at(self.digits, seg, at)
        for m in found:  # each search starts at the previous match's end, as before
            q = m.start()
            # a lower bound for where a comparator could start: back over "\s*(?:là\s+)?", then a word
            w = q
            while w > pos and seg[w - 1].isspace():  # str.isspace() is sre's \s
                w -= 1
            if w - 2 >= pos and _LA.fullmatch(seg, w - 2, w):
                w -= 2
                while w > pos and seg[w - 1].isspace():
                    w -= 1
            c = self.before.search(seg, max(pos, w - self.width), q) if q > pos else None
            yield _CompMatch(m, c.start(), c.group("comp")) if c else _CompMatch(m, q, None)
            pos = m.end()


class _Either:
    """finditer of `(?:A|B)` + rest as two scans, of A + rest and of B + rest, match for match: the leftmost
    match after the previous one, A's where both start at one place (the alternation tries A first there).
    Each pattern holds the other's groups, never taking part (`(?P<g>(?!))?`), so a match answers for all."""

    def __init__(self, a: re.Pattern, b: re.Pattern) -> None:
        self.a, self.b = a, b

    def finditer(self, seg: str):
        ma, mb = self.a.search(seg), self.b.search(seg)
        while ma or mb:
            m = ma if ma and (not mb or ma.start() <= mb.start()) else mb
            yield m
            pos = m.end()  # (no match is empty: both end on a period word)
            if ma and ma.start() < pos:
                ma = self.a.search(seg, pos)
            if mb and mb.start() < pos:
                mb = self.b.search(seg, pos)


_MULT = ["triệu", "nghìn", "ngàn"]


def _first_letters(words: list[str]) -> str:
    """The class of the words' first chars: under the same (?i), a look ahead at it before `(?:w1|w2|...)` holds
    where one of them may open and fails at once elsewhere (the alternation tried only where it may match)."""
    return "[" + "".join(sorted({re.escape(w[0]) for w in words})) + "]"


def _word_led(words: list[str], after: str = "") -> str:
    r"""`(?i)(?<!\w)(?:w1|w2|...)` + after, opening on the class of the words' first letters (fastre.literal_alt) and
    looking back past that letter (`(?<!\w.)`: the char before it), so sre skips to the letters in C. (As `\b` before
    a word: its first char is a letter.)"""
    first, rest = literal_alt(words)
    return first + r"(?<!\w.)" + rest + (f"(?i:{after})" if after else "")


@lru_cache(maxsize=1)
def _tables():
    data = models.load("units.yaml")
    units_ = data["units"]
    names = sorted((u for u in units_ if u != "%"), key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) for u in names)
    comps = data["comparators"]
    comp_alt = "|".join(re.escape(c) for c in sorted(comps, key=len, reverse=True) if c[0].isalpha())
    signs = "".join(c for c in comps if not c[0].isalpha())  # "≤05 học sinh", "≥ 01 đề án"
    # a comparator word (then a space) or sign before the number
    comp_re = rf"(?P<comp>(?<!\w)(?:{comp_alt})(?=\s)|[{signs}])\s*(?:là\s+)?"
    width = max(len(c) for c in comps)
    # each `(?i)(?:{comp_re})?` + a pattern that opens on a digit, scanned from the digit (_CompRx)
    pct = _CompRx(comp_re, width, rf"(?P<num>\d{_NUMBER_TAIL})\s*(?:%|phần\s+trăm)"
                                  rf"(?:\s+(?P<post>trở\s+lên|trở\s+xuống))?")
    # (a look ahead at the units' first letters, before each unit alternation: it fails at once where no unit opens)
    unit_at = rf"(?={_first_letters(names)})(?P<unit>{unit_alt})"
    rng = _CompRx(r"\b(?P<comp>từ)\s+", 2, rf"(?P<a>\d(?<![\d/.,]\d)\d{{0,2}})\s*(?:đến|tới|-|–)\s*(?P<b>\d{{1,3}})"
                                         rf"\s+{unit_at}\b")
    cnt = _CompRx(comp_re, width, rf"(?P<num>\d(?<![\d/.,\-–]\d)\d{{0,2}}(?:,\d{{1,2}}(?!\d))?)\s*"  # the look back after the digit
                                  rf"(?={_first_letters(names + _MULT)})(?:(?P<mult>{'|'.join(_MULT)})\s+)?(?P<unit>{unit_alt})\b")
    money_names = sorted(data["money_units"], key=len, reverse=True)
    money_alt = "|".join(re.escape(u) for u in money_names)
    money = _CompRx(comp_re, width, rf"(?P<num>\d(?<![\d/.,]\d){_NUMBER_TAIL})\s*"
                                    rf"(?={_first_letters(money_names)})(?P<unit>{money_alt})(?!\w)(?!\s*/\s*c\b)")  # "10 đ/c" is ten comrades
    # a score or a share counted out of a whole: "97/100 điểm", "(04/04 đồng chí)"
    frac = re.compile(rf"(?i)(?P<a>\d(?<![\d/.,]\d)\d{{0,2}})\s*/\s*(?P<b>\d{{1,3}})\s*{unit_at}\b")
    # "01 lần/01 năm", "06 tháng/01 lần", "mỗi tháng/1 lần": how often
    # `(?i)(?:(?<![\d/.,])(?P<num>\d{1,2})\s*|(?P<every>\bmỗi\s+))` + per: two scans, each opening on its own first char
    per = r"(?P<unit>lần|tháng|tuần|năm|quý)\s*/\s*(?:\d{1,2}\s*)?(?:lần|tháng|tuần|năm|quý|học kỳ|học kì)\b"
    freq = _Either(re.compile(rf"(?i)(?P<num>\d(?<![\d/.,]\d)\d?)\s*(?P<every>(?!))?{per}"),
                   re.compile("(?P<every>" + _word_led(["mỗi"], r"\s+") + f")(?P<num>(?!))?(?i:{per})"))
    commit = [w.lower() for w in data["commitment_words"]]
    cues = {"action": tuple(fold(w) for w in data["action_words"]),
            "composition": tuple(fold(w) for w in data["composition_words"]),
            "each": tuple(fold(w) for w in data["each_words"]),
            "aim": tuple(fold(w) for w in data["aim_words"]),
            "commit": tuple(fold(w) for w in commit)}
    # a make-up counted in words: "Mỗi tổ công đoàn biểu diễn một tiết mục" ("năm" is left out: the year)
    each_words = re.compile(_word_led(["mỗi"], rf"\s+(?:[^\s\d,;.:()]+\s+){{1,7}}?(?P<num>{'|'.join(_WORD_NUMBERS)})\s+"
                                               rf"(?P<unit>{unit_alt})\b"))
    cues["each_words"] = each_words
    # a count in words right after what is done: "giới thiệu hai đoàn viên", "tổ chức ba buổi" (not "một": "một số")
    # (a space on each side, as the cue words _COUNT_CUES that gate it: "ba" alone is in "ban", "khai")
    # `(?<= )(?i:hai|ba|...)`: opening on the words' first letters (the space looked back at past the letter), so
    # sre skips to those letters in C; a leading look-back is tried at every position
    first, rest = literal_alt(list(_COUNT_NUMBERS))
    cues["count_words"] = re.compile("(?P<num>" + first + "(?<= .)" + rest + rf")(?i: (?P<unit>{unit_alt})\b)")
    cues["half"] = re.compile(rf"(?i)(?<!\w)½\s*(?P<unit>{unit_alt})\b")  # "tính ½ vé": half a ticket
    # how many attend an event, in parentheses after its name: "Hội thảo hướng nghiệp khối 12 (320 HS)"
    cues["attendance"] = re.compile(rf"(?i)(?<!\w)(?:hội thảo|hội thi|hội nghị|hội diễn|tập huấn|tọa đàm|toạ đàm)"
                                    rf"(?!\w)[^()\n,;:]{{0,50}}\(\s*(?P<num>\d{{1,4}})\s*(?P<unit>{unit_alt})\s*\)")
    return units_, comps, pct, rng, cnt, commit, money, frac, freq, cues


# how often, with the period first and the count in words or digits: "mỗi tháng một lần", "hàng quý
# họp 01 lần", "Mỗi năm có hai kỳ sơ kết" ("năm" is left out of the number words: it is the year)
_WORD_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_EVERY = re.compile(_word_led(["mỗi", "hàng", "hằng"], r"\s+(?:ngày|tuần|tháng|quý|năm\s+học|năm|học\s+kỳ|học\s+kì)\b"
                    r"(?:\s+(?!\d|(?:ngày|tuần|tháng|quý|năm|vào|lúc)\b)[^\s\d,;.:]+){0,4}?\s+(?:(?P<comp>ít nhất|tối thiểu|từ)\s+)?"
                    r"(?P<num>\d{1,2}|" + "|".join(_WORD_NUMBERS) + r")\s*(?P<unit>lần|buổi|kỳ|đợt)\b(?!\s+lượt)"))
# how often, as a stretch after "định kỳ" (periodically): "định kỳ sáu tháng báo cáo", "định kỳ (sau 2 năm sơ kết"
_PERIODIC = re.compile(r"(?i)(?<!\w)định\s+kỳ\s*(?:\(\s*)?(?:sau\s+)?(?<![^\s(])(?P<num>\d{1,2}|" + "|".join(_WORD_NUMBERS) + r")\s+"
                       r"(?P<unit>tháng|năm|quý|tuần|ngày)(?!\w)")
_REQUIRE_WORDS = ["ít nhất", "tối thiểu", "không dưới", "tối đa", "không quá"]
_REQUIRE = re.compile("(?i)" + "|".join(_REQUIRE_WORDS))
_REQUIRE_SCAN = re.compile("".join(literal_alt(_REQUIRE_WORDS)))  # _REQUIRE's matches, opening on their first letters
# how often, as a stretch per time: "(ít nhất 6 tháng một lần)", "hai năm tổ chức một lần"
_PER_STRETCH = re.compile(r"(?i)(?<![\d/.,])(?:(?P<comp>ít nhất|tối thiểu)\s+)?(?P<num>\d{1,2}|" + "|".join(_WORD_NUMBERS)
                          + r")\s+(?:tháng|năm|tuần|quý|ngày)\s+(?:[^\s\d,;.:()]+\s+){0,2}?(?:một|1|01)\s+lần\b")
# a majority: "quá nửa số phiếu bầu", "hơn một nửa tổng số đại biểu" ("qúa": the tone mark misplaced)
_HALF = re.compile(_word_led(["quá", "qúa", "hơn", "trên"], r"\s+(?:một\s+)?nửa\s+(?:tổng\s+)?số\b"))
# "mỗi tháng 1 lần": "tháng 1" after "mỗi" is a period of the frequency, not the month January
_EVERY_BEFORE = re.compile(r"(?:mỗi|hàng|hằng)\s+(?:ngày|tuần|tháng|quý|năm học|năm|học kỳ|học kì)\s*$")
_ORDINAL_WORDS = ("chương trình", "chương", "phần", "mục", "điều", "số", "khóa", "khoá", "lần thứ", "quý", "tháng", "năm",
                  "ngày")
_ATTEND = re.compile(_word_led(["có mặt", "vắng mặt", "tham dự", "số phiếu", "với số phiếu"],
                               r"\s*:?\s*(?P<a>\d{1,3})\s*/\s*(?P<b>\d{1,3})(?![\d/])"))
# a count given as a label's value: "Số đoàn viên kết nạp mới trong năm: 7" (the label says what is counted)
_LABELLED_COUNT = re.compile(_word_led(["số"], r"\s+(?P<label>[^:\n\d]{3,60}?(?:\d+[^:\n\d]{1,30}?)?):\s*"
                                                r"(?P<num>\d{1,4})(?![\d/.,%])(?!\s*[^\W\d_])"))
# the size of a board, council or team the plan sets up, as a label's value: "Hội đồng chấm thi: 07 thành viên"
_BOARD_SIZE = re.compile(_word_led(["ban", "tiểu ban", "hội đồng", "tổ công tác", "đoàn kiểm tra"], r"\s+[^:\n\d]{2,40}:\s*"
                                   r"(?P<num>\d{1,3})\s*(?P<unit>thành viên|người|đồng chí|đ/c)(?!\w)"))
_CLOCK_AFTER = re.compile(r"\s*(?:\d|phút|sáng|chiều|tối|trưa|ngày|\()", re.I)
_CLOCK_BEFORE = re.compile(r"(?:lúc|từ|đến|vào|tới)\s*$")


# "tính đến ngày 30/6": counted up to a date, not charged ("tính 1 vé")
_SINCE = re.compile(r"(?<!\w)tính\s+(?:đến|tới|từ)(?!\w)")


def _piece_commas(seg: str) -> list[int]:
    """Where seg's clause commas are (a comma and a space: not the one in "43,1")."""
    out, i = [], seg.find(", ")
    while i >= 0:
        out.append(i)
        i = seg.find(", ", i + 1)
    return out


def _comma_clause_of(s: str, a: int, b: int) -> str:
    """The comma clause of s holding s[a:b]: an action word must be there, not elsewhere in the
    sentence ("... trọng tâm là các nhiệm vụ, 10 nhóm chỉ tiêu, ba khâu đột phá" is no count done)."""
    return s[s.rfind(",", 0, a) + 1:(s.find(",", b) if s.find(",", b) >= 0 else len(s))]


def _has(folded: str, words: tuple[str, ...]) -> bool:
    """A cue word or phrase in folded text, at word boundaries."""
    return bool(words) and _cue_rx(words).search(folded) is not None


def _has_in(folded: str, words: tuple[str, ...]) -> bool:
    """_has(folded, words), the regex only run when a word is in the text (a match is one of them: never lost)."""
    return any(map(folded.__contains__, words)) and _has(folded, words)


@lru_cache(maxsize=16)
def _cue_rx(words: tuple[str, ...]) -> re.Pattern:
    # one alternation per cue list: one scan instead of one (cached-lookup) regex per word
    return re.compile(_after_non_word(words) + r"(?!\w)")


def _after_non_word(words: tuple[str, ...]) -> str:
    r"""`(?<!\w)(?:w1|w2|...)` (no (?i)) as one branch per first char c, the look back after c, so the pattern
    opens on a literal and sre skips to it in C: after c, `(?<!\w.)` reads the char before c (c is no line
    break). The words keep their order within a branch; words of two branches never match at one place."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(re.escape(c) + r"(?<!\w.)(?:" + "|".join(map(re.escape, rest)) + ")"
                            for c, rest in groups.items()) + ")"


@dataclass
class Quantity:
    start: int
    end: int
    value: float | None
    min: float | None
    max: float | None
    unit: str
    comparator: str
    subject_from: int = -1  # where the subject noun phrase starts (the unit word of a count); -2: before it


def _unit_norm(u: str) -> str:
    """The unit a matched unit word stands for: the first of units.yaml's names folding as it does."""
    return _units_by_fold().get(fold(u), u)


@lru_cache(maxsize=1)
def _units_by_fold() -> dict[str, str]:
    """units.yaml's units by their folded name, the first name of a fold kept (a per-text fold cache, emptied for
    each document, made every unit found fold the names again, one by one up to its own)."""
    units_, *_ = _tables()
    out: dict[str, str] = {}
    for k, v in units_.items():
        out.setdefault(fold(k), v)
    return out


def _lowered(text: str, s: int, e: int, seg: str) -> str:
    """seg = text[s:e] lowered: the text lowered once, cut (the same chars as seg.lower() when no char lowers to two,
    but a capital sigma, lowered by its context; no word sought in it holds a sigma)."""
    low = lower_text(text) if len(text) >= 1000 else ""
    return low[s:e] if len(low) == len(text) else seg.lower()


def _in_words(seg: str, lowered: str, each_words: re.Pattern) -> bool:
    """seg may hold a quantity with no digit: how often ("mỗi tháng một lần", "định kỳ sáu tháng"), a make-up
    in words, once ("một lần"), a majority ("quá nửa số")."""
    return bool((("mỗi" in lowered or "hàng" in lowered or "hằng" in lowered) and (_EVERY.search(seg) or each_words.search(seg)))
                or ("lần" in lowered and ((_once_after(lowered) and _PER_STRETCH.search(seg)) or _TIMES_IN_WORDS.search(seg)))
                or ("nửa" in lowered and _HALF.search(seg)) or ("định kỳ" in lowered and _PERIODIC.search(seg))
                or (any(map(lowered.__contains__, _COUNT_CUES)) and _tables()[-1]["count_words"].search(seg)))


def _once_after(lowered: str) -> bool:
    r"""`(?:một|1)\s+lần` in the lowered text: what every match of _PER_STRETCH (`(?i)...(?:một|1|01)\s+lần\b`) holds,
    lowered. _PER_STRETCH opens on a look back, so sre enters it at every char: it is scanned only where this holds.
    (No char (?i) takes for a letter of "một" or "lần" lowers to another; a space lowers to itself.)"""
    p = lowered.find("lần")
    while p >= 0:
        k = _end_of_words(lowered, p)
        if k < p and (lowered.endswith("một", 0, k) or lowered.endswith("1", 0, k)):
            return True
        p = lowered.find("lần", p + 1)
    return False


_COUNT_NUMBERS = ("hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười")
_COUNT_CUES = tuple(f" {w} " for w in _COUNT_NUMBERS)
_IN_WORDS_CUES = ("mỗi", "hàng", "hằng", "lần", "nửa", "định kỳ") + _COUNT_CUES  # (each clause of _in_words needs one)


def _cue_spans(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The spans of _IN_WORDS_CUES in the lowered text[start:end], in order: a unit holding none of them holds no
    quantity in words (_in_words is false). None: a char lowers to two there, the offsets are not the text's."""
    low = lower_text(text)
    if len(low) != len(text):
        return None
    out = []
    for w in _IN_WORDS_CUES:
        p = low.find(w, start, end)
        while p >= 0:
            out.append((p, p + len(w)))
            p = low.find(w, p + 1, end)
    out.sort()
    return out


def quantities(text: str, s: int, e: int, excluded: list[tuple[int, int]], aimed: bool = False,
               situation: bool = False, taking_part: bool = False, make_up: bool | None = None,
               counted_words: bool | None = None) -> list[Quantity]:
    """The quantities of text[s:e]; `aimed`: the unit stands under a heading or lead-in that sets
    targets ("II. CHỈ TIÊU PHẤN ĐẤU", "phấn đấu hoàn thành các chỉ tiêu sau:"); `situation`: under
    one that describes the unit as it is ("I. Đặc điểm tình hình", "Thuận lợi:", "Khó khăn:");
    `taking_part`: under a heading naming who takes part ("II. Đối tượng tham gia"): a count there is of them;
    `make_up`: whether the unit says who the staff are, when the caller knows (else judged here); `counted_words`:
    whether a cue of a count in words (_COUNT_CUES) is in the unit, when the caller knows."""
    units_, comps, pct, rng, cnt, commit, money, frac, freq, cues = _tables()
    seg = text[s:e]
    out: list[Quantity] = []
    lowered = _lowered(text, s, e, seg)
    starts = _number_starts_in(text, s, e)
    if not starts and not _in_words(seg, lowered, cues["each_words"]):
        return out
    d0 = starts[0] if starts else len(seg)  # (the scans that open on a digit start there: none opens before)
    # (and tried only where a number starts, as their look back says; a share, which may open inside a number
    # ("1.5%"), at every digit)
    folded = fold(seg)
    # who the staff are ("Tổng số 45, nữ 40", "trình độ đạt chuẩn 100%") is not what they aim at,
    # unless the sentence says it is aimed at ("phấn đấu 100% ... đạt chuẩn")
    # so is a count under a heading on the situation ("Thuận lợi:"), unless it is a result ("... đạt 100%")
    situation = (situation or ":" in folded and _SITUATION_INLINE.search(folded) is not None) \
        and not _has(folded, _RESULT_WORDS)
    # ("tổng số tiền": a sum of money, not a head count)
    staff = folded.replace("tổng số tiền", "tổng tiền") if "tổng số tiền" in folded else folded
    composition = not aimed and (situation or _has_in(staff, cues["composition"])) and not _has_in(folded, cues["aim"])
    if make_up is not None:
        composition = make_up
    elif composition and not situation and ", " in seg and any(w in lowered for w in commit):
        # the staff's make-up is said in its own comma clauses: "Kết nạp 05 đoàn viên mới, nâng tổng số đoàn viên
        # lên 58": a clause with no make-up word that commits or reports ("kết nạp", "đạt") is read as any other
        p = s
        for piece_end in [s + i for i in _piece_commas(seg)] + [e]:
            piece = text[p:piece_end]
            done = any(w in piece.lower() for w in commit) and not _has_in(fold(piece), cues["composition"])
            out += quantities(text, p, piece_end, excluded, aimed, situation, taking_part, make_up=not done,
                              counted_words=counted_words and None)
            p = piece_end + 1
        return out
    taken: list[tuple[int, int]] = []

    def free(qs: int, qe: int) -> bool:
        return not (inside(qs, excluded) or any(a < qe and qs < b for a, b in taken))

    def add(q: Quantity) -> None:
        out.append(q)
        taken.append((q.start, q.end))

    # a scan runs only where a word or sign its every match holds occurs (the same matches, fewer scans)
    slash = "/" in seg
    # a label's count (_LABELLED_COUNT, _BOARD_SIZE) opens a number right after ":" and spaces: a number start has them
    colon_num = ":" in seg and any(_colon_ends(seg, p) for p in starts)
    ranged = "-" in seg or "–" in seg or "đến" in lowered or "tới" in lowered
    for m in rng.finditer(seg, d0, starts) if ranged else ():
        a, b = int(m.group("a")), int(m.group("b"))
        if a >= b or not free(s + m.start(), s + m.end()):
            continue
        add(Quantity(s + m.start(), s + m.end(), None, a, b, _unit_norm(m.group("unit")), "range", s + m.start("unit")))
    prized = "giải" in lowered
    earned = "thu nhập" in lowered
    for m in money.finditer(seg, d0, starts):
        amount = parse_number(m.group("num")) or 0
        if amount < 1000 and not _THOUSANDS.match(m.group("unit")):
            continue  # "13 đồng chí" is thirteen comrades: amounts in đồng run to thousands
        if prized and _PRIZE_BEFORE.search(lowered, max(0, m.start() - 30), m.start()):
            continue  # "giải nhất 1.500.000đ", "Giải ba: 500.000đ": a prize's value, the award's (awards.py)
        if earned and _income_as_is(lowered, m.start(), m.end(), commit):
            continue  # "Mức thu nhập trung bình khoảng 43 triệu đồng/người/năm": what people earn, not an aim
        if free(s + m.start(), s + m.end()) and amount:
            comp = comps.get((m.group("comp") or "").lower(), "=")
            scale = _SCALE.get(m.group("unit")[:5].lower(), 1)  # "45 triệu đồng" is 45 000 000 đồng
            value = round(amount * scale, 3) if scale > 1 else amount
            add(Quantity(s + m.start(), s + m.end(), value, None, None, "đồng", comp, -2))
    if composition:
        # a requirement on who the staff must be is still a target: "phải có ít nhất 01 nhân viên
        # có trình độ tin học", "tối thiểu 50% giáo viên đạt chuẩn"
        required = _REQUIRE_SCAN.search(seg) is not None
        for rx, at in ((cnt, starts), (pct, _digits_at(seg, starts))):
            for m in rx.finditer(seg, d0, at) if required else ():
                if m.group("comp") and _REQUIRE.fullmatch(m.group("comp")) and free(s + m.start(), s + m.end()):
                    unit = "%" if rx is pct else _unit_norm(m.group("unit"))
                    add(Quantity(s + m.start(), s + m.end(), parse_number(m.group("num")), None, None, unit,
                                 comps[m.group("comp").lower()], s + m.start("unit") if unit == "người" else -1))
        out.sort(key=lambda q: q.start)
        return out
    for m in _LABELLED_COUNT.finditer(seg) if colon_num else ():  # "Số đoàn viên kết nạp mới trong năm: 7"
        label = fold(m.group("label"))
        if (any(w in label for w in cues["commit"]) or _has(label, cues["action"])) and parse_number(m.group("num")) \
                and "danh hiệu" not in label and free(s + m.start(), s + m.end()):  # (a title won is an award)
            add(Quantity(s + m.start(), s + m.end(), parse_number(m.group("num")), None, None, "người", "=", -2))
    for m in _BOARD_SIZE.finditer(seg) if colon_num else ():  # "Ban giám khảo: 05 thành viên": the board set up
        if _unit_norm(m.group("unit")) == "người" and free(s + m.start(), s + m.end()):
            add(Quantity(s + m.start(), s + m.end(), parse_number(m.group("num")), None, None, "người", "=", -2))
    for m in cues["attendance"].finditer(seg) if "(" in seg else ():
        if _unit_norm(m.group("unit")) == "người" and free(s + m.start("num"), s + m.end()):
            add(Quantity(s + m.start("num"), s + m.end(), parse_number(m.group("num")), None, None, "người", "=", -2))
    for m in _ATTEND.finditer(seg) if slash and _attend_words(lowered) else ():  # "Có mặt 49/50", "số phiếu 04/04"
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < a <= b and free(s + m.start("a"), s + m.end()):
            add(Quantity(s + m.start("a"), s + m.end(), a, None, b, "người", "=", -2))
    for m in _TASKS_DONE.finditer(seg) if slash and ("chỉ tiêu" in lowered or "tiêu chí" in lowered) else ():
        a, b = int(m.group("a")), int(m.group("b"))  # "hoàn thành 12/12 chỉ tiêu": a share of the aims met
        if 0 < a <= b and free(s + m.start(), s + m.end()):
            add(Quantity(s + m.start(), s + m.end(), a, None, b, m.group("unit").lower(), "=", -2))
    for m in finditer_at(frac, seg, starts) if slash else ():
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < a <= b and free(s + m.start(), s + m.end()):
            unit = _unit_norm(m.group("unit"))
            add(Quantity(s + m.start(), s + m.end(), a, None, b, unit, "=", s + m.start("unit") if unit == "người" else -2))
    for m in pct.finditer(seg, d0, _digits_at(seg, starts)) if "%" in seg or "phần" in lowered else ():
        qs, qe = s + m.start(), s + m.end()
        if not free(qs, qe):
            continue
        comp = comps.get((m.group("comp") or "").lower(), "=")
        if m.group("post"):  # "95% trở lên"
            comp = ">=" if "lên" in m.group("post").lower() else "<="
        add(Quantity(qs, qe, parse_number(m.group("num")), None, None, "%", comp))
    for m in freq.finditer(seg) if slash else ():
        if free(s + m.start(), s + m.end()) and (any(w in lowered for w in commit) or _has(folded, cues["action"])
                                                   or "định kỳ" in folded
                                                   or m.group("every") or m.group(0).lower().startswith(m.group("num") + " lần")):
            add(Quantity(s + m.start(), s + m.end(), parse_number(m.group("num")) if m.group("num") else 1, None, None,
                         "lần", "=", -2))
    for m in _EVERY.finditer(seg) if ("mỗi" in lowered or "hàng" in lowered or "hằng" in lowered) else ():
        if free(s + m.start(), s + m.end()):
            num = m.group("num").lower()
            value = _WORD_NUMBERS.get(num) or parse_number(num)
            comp = comps.get((m.group("comp") or "").lower(), "=")
            add(Quantity(s + m.start(), s + m.end(), value, None, None, _unit_norm(m.group("unit")), comp, -2))
    for m in cues["each_words"].finditer(seg) if "mỗi" in lowered else ():
        if free(s + m.start("num"), s + m.end()):
            unit = _unit_norm(m.group("unit"))
            add(Quantity(s + m.start("num"), s + m.end(), _WORD_NUMBERS[m.group("num").lower()], None, None, unit, "=",
                         s + m.start("unit") if unit == "người" else -2))
    for m in _HALF.finditer(seg) if "nửa" in lowered else ():  # "quá nửa số phiếu bầu": more than half
        if free(s + m.start(), s + m.end()):
            add(Quantity(s + m.start(), s + m.end(), 50, None, None, "%", ">", -1))
    for m in _PER_STRETCH.finditer(seg) if "lần" in lowered and _once_after(lowered) else ():
        if free(s + m.start(), s + m.end()):  # once per stretch
            comp = comps.get((m.group("comp") or "").lower(), "=")
            add(Quantity(s + m.start(), s + m.end(), 1, None, None, "lần", comp, -2))
    for m in _PERIODIC.finditer(seg) if "định kỳ" in lowered else ():  # "định kỳ sáu tháng báo cáo": every 6 months
        if free(s + m.start(), s + m.end()):
            num = m.group("num").lower()
            add(Quantity(s + m.start(), s + m.end(), _WORD_NUMBERS.get(num) or parse_number(num), None, None,
                         m.group("unit").lower(), "=", -2))
    for m in _TIMES_IN_WORDS.finditer(seg) if "lần" in lowered else ():  # "được tặng một lần": done once
        if free(s + m.start(), s + m.end()) and _done_before(folded[max(0, m.start() - 30):m.start()]):
            add(Quantity(s + m.start(), s + m.end(), _WORD_NUMBERS[m.group("num").lower()], None, None, "lần", "=", -2))
    if counted_words is None:
        counted_words = any(map(lowered.__contains__, _COUNT_CUES))
    for m in cues["count_words"].finditer(seg) if counted_words else ():
        before = folded[max(0, m.start() - 30):m.start()]
        if free(s + m.start(), s + m.end()) and (_done_before(before) or before.rstrip().endswith(cues["commit"])):
            unit = _unit_norm(m.group("unit"))
            add(Quantity(s + m.start(), s + m.end(), _WORD_NUMBERS[m.group("num").lower()], None, None, unit, "=",
                         s + m.start("unit") if unit == "người" else -2))
    if "khen" in lowered:
        out.sort(key=lambda q: q.start)
        return out
    for m in cnt.finditer(seg, d0, starts):
        qs, qe = s + m.start(), s + m.end()
        if not free(qs, qe):
            continue
        unit = _unit_norm(m.group("unit"))
        before = folded[:m.start()]
        each = _has(before[-50:], cues["each"])  # "mỗi đội gồm 02 nam": a team make-up
        # (under a targets heading, a label's count: "Giáo viên giỏi cấp trường: 09 đồng chí")
        k = _end_of_words(seg, m.start())
        labelled = k > 0 and seg[k - 1] == ":"  # the count is a label's value
        who = labelled and _WHO_LABEL.search(before, max(0, len(before) - 40)) is not None
        if not (m.group("comp") or each or taking_part or (labelled and aimed) or who
                or any(w in before for w in cues["commit"])
                or (unit != "%" and _has(_SINCE.sub(" ", _comma_clause_of(folded, m.start(), m.end())), cues["action"]))
                or _listed_after(seg, out, s, m.start(), unit)):
            continue  # a bare count ("45 đoàn viên") is not a commitment
        if parse_number(m.group("num")) is None:
            continue  # (none is a count too: "Số lượng ứng cử 0 người")
        if _ordinal_before(folded, m.start("num")) and not _EVERY_BEFORE.search(folded, 0, m.start("num")):
            continue  # "CHƯƠNG TRÌNH 4 Tổ chức ...", "Điều 3", "tháng 4": a name or an ordinal, not a count
        if unit == "giờ" and (_CLOCK_AFTER.match(seg, m.end()) or _CLOCK_BEFORE.search(folded[:m.start("num")])):
            continue  # "lúc 7 giờ 30", "từ 14 giờ": a time of day, not an amount
        comp = comps.get((m.group("comp") or "").lower(), "=")
        value = parse_number(m.group("num"))
        if m.group("mult"):  # "12 triệu đoàn viên"
            value *= 1_000_000 if m.group("mult").lower() == "triệu" else 1_000
        # "02 đoàn viên": the unit is the subject; "01 lần": the subject is who does it (before)
        add(Quantity(qs, qe, value, None, None, unit, comp,
                     s + m.start("unit") if unit == "người" else -2))
    for m in _NOUN_COUNT.finditer(seg, d0, starts):  # "7 huyện, thị xã đã thành lập ...": a count of a noun the table lacks
        qs, qe = s + m.start(), s + m.end()
        word = m.group("word")
        if not free(qs, qe) or not _WORD.search(seg, 0, m.start()) or (word[0].isupper() and not word.isupper()):
            continue  # (a number opening its line is an outline number; "2 Ban chấp hành": a name)
        if _ordinal_before(folded, m.start("num")) or _minutes_before(folded, m.start("num")):
            continue
        # (the tagger behind _list_clause_of last: the cheap tests first, the same outcome)
        if not (any(folded.find(w, 0, m.start()) >= 0 for w in cues["commit"])  # (w in folded[:m.start()])
                or _action_in_list_clause(folded, m.start(), m.end(), cues["action"])):
            continue
        noun = _counted_noun(seg[m.start("word"):m.end() + 40])
        if noun is None:
            continue
        a, b = parse_number(m.group("num")), m.group("b") and parse_number(m.group("b"))
        comp = comps.get((m.group("comp") or "").lower(), "=")
        add(Quantity(qs, qe, None if b else a, a if b else None, b or None, noun, "range" if b else comp, -2))
    for m in cues["half"].finditer(seg) if "½" in seg else ():
        if free(s + m.start(), s + m.end()) and _has(_comma_clause_of(folded, m.start(), m.end()), cues["action"]):
            add(Quantity(s + m.start(), s + m.end(), 0.5, None, None, _unit_norm(m.group("unit")), "=", -2))
    out.sort(key=lambda q: q.start)
    return _join_bounds(text, out)


# a count then a word: "7 huyện", "01 - 02 thiết chế" (a noun per the tagger, see _counted_noun), the
# comparator looked for after the digit (_CompRx)
_NOUN_COMPS = ("ít nhất", "tối thiểu", "tối đa", "không quá", "trên", "hơn")
_NOUN_COUNT = _CompRx(r"(?P<comp>" + "|".join(_NOUN_COMPS) + r")\s+", max(map(len, _NOUN_COMPS)),
                      r"(?P<num>\d(?<![\w/.,\-–]\d)\d{0,2})(?:\s*[-–]\s*(?P<b>\d{1,3}))?\s+(?P<word>[^\W\d_]+)(?![\w/])")
# time, age and measure words: a number before them is a date, a length of time or an age, not a count done
_NOT_COUNTED = {fold(w) for w in ("năm", "tháng", "ngày", "giờ", "tuần", "quý", "phút", "tuổi", "kỳ", "khóa", "khoá",
                                  "lần", "tiếng", "buổi", "km", "kg", "tấn", "lít", "triệu", "tỷ", "nghìn", "ngàn",
                                  "trăm", "chục", "chương trình", "phần", "bản", "dòng", "nội dung", "mục", "điều",
                                  "khoản", "văn bản", "nhiệm vụ", "chỉ tiêu", "tiêu chí", "giải pháp", "chữ", "trang",
                                  "giây", "sáng", "chiều", "trưa", "tối", "đêm")}


_WORD = re.compile(r"[^\W\d_]")


def _colon_ends(s: str, k: int) -> bool:
    r"""s[:k] ends with ':' and spaces (`:\s*` before k)."""
    k = _end_of_words(s, k)
    return k > 0 and s[k - 1] == ":"


def _attend_words(lowered: str) -> bool:
    """A part of each _ATTEND word, in the lowered text ("số phiếu" by "ố p": (?i) takes "ſ" for "s", which does
    not lower to "s")."""
    return "mặt" in lowered or "dự" in lowered or "ố p" in lowered


def _end_of_words(s: str, k: int) -> int:
    r"""Where s[:k] ends past its trailing spaces: `X\s*$` searched in s[:k] matches iff s[:that] ends with X, for an
    X whose last char is no space (\s is str.isspace(); `$` before a last '\n' adds nothing: \s* takes it; an endpos
    past the end is the end)."""
    k = min(k, len(s))
    while k and s[k - 1].isspace():
        k -= 1
    return k


def _ordinal_before(s: str, k: int) -> bool:
    r"""`(?:<_ORDINAL_WORDS>)\s*$` searched in s[:k] ("Điều 3", "tháng 4": an ordinal before k), with no scan of
    s[:k]: one of the words ends s[:k] past its spaces (str.endswith of the tuple: one C call, no generator)."""
    return s.endswith(_ORDINAL_WORDS, 0, _end_of_words(s, k))


def _minutes_before(s: str, k: int) -> bool:
    r"""`(?:(?<!\w)giờ|\dh)\s*$` searched in s[:k] ("lúc 7 giờ 30": minutes before k): s[:k] ends, past spaces, with "giờ" after no \w char, or a digit
    and "h" (\w is str.isalnum() or '_'; \d is str.isdecimal())."""
    k = _end_of_words(s, k)
    if k >= 3 and s.startswith("giờ", k - 3, k):
        return k == 3 or not (s[k - 4].isalnum() or s[k - 4] == "_")
    return k >= 2 and s[k - 1] == "h" and s[k - 2].isdecimal()


@lru_cache(maxsize=4096)
def _counted_noun(s: str) -> str | None:
    """The noun the words open on, when it is a thing done or given, not a time, a measure or a part of a text."""
    from kehoach.parser.nlp.postag import tags as pos_tag  # underthesea's tags, kept for the document

    tags = pos_tag(" ".join(s.lower().split()[:5]))
    if not tags or tags[0][1] not in _NOUN_TAGS or fold(tags[0][0]) in _NOT_COUNTED:
        return None
    return tags[0][0]


def _list_clause_of(s: str, a: int, b: int) -> str:
    """The comma clause of s[a:b] and, when a noun list goes on after it, the piece after ('7 huyện, thị xã đã ...')."""
    e = s.find(",", b)
    if e >= 0 and _opens_noun(s[e + 1:e + 40]):
        return _comma_clause_of(s, a, e + 1)
    return _comma_clause_of(s, a, b)


def _action_in_list_clause(s: str, a: int, b: int, action: tuple[str, ...]) -> bool:
    """An action word in _list_clause_of(s, a, b) ('tính đến' aside). The comma clause alone is a prefix of it
    (up to a comma, which no cue or 'tính đến' spans): a word found there needs no tagging of what follows."""
    return _has(_SINCE.sub(" ", _comma_clause_of(s, a, b)), action) \
        or _has(_SINCE.sub(" ", _list_clause_of(s, a, b)), action)


# a count of times in words ("một lần"; not "một lần nữa": once more)
_TIMES_IN_WORDS = re.compile("(?P<num>" + _word_led(list(_WORD_NUMBERS)) + r")(?i:\s+lần(?!\w)(?!\s+(?:nữa|thứ)\b))")


def _done_before(folded: str) -> bool:
    """The words end on an action word ('được tặng'): the count after it says how many times it is done."""
    *_, cues = _tables()
    m = None
    for m in _cue_rx(cues["action"]).finditer(folded):
        pass
    return m is not None and not folded[m.end():].strip()


def _listed_after(seg: str, out: list[Quantity], s: int, at: int, unit: str) -> bool:
    """'Diện tích trồng cỏ 12 ha, hoa màu 7 ha': a count right after a counted one of the same unit,
    a comma and a few words apart, is the next item of the same list (its verb is the first one's)."""
    p = out[-1] if out else None
    if p is None or p.unit != unit or p.min is not None or p.end > s + at:
        return False
    gap = seg[p.end - s:at]
    return gap.lstrip().startswith(",") and n_words(gap) <= 4 and not _LIST_BREAK.search(gap)


def _join_bounds(text: str, qs: list[Quantity]) -> list[Quantity]:
    """'tối thiểu là 50 000 đồng, tối đa là 500 000 đồng': one range, not two targets."""
    out: list[Quantity] = []
    for q in qs:
        p = out[-1] if out else None
        if (p is not None and p.comparator in (">=", ">") and q.comparator in ("<=", "<") and p.unit == q.unit
                and p.value is not None and q.value is not None and p.value < q.value  # ("khá giỏi trên 60%, yếu dưới 2%": two)
                and q.start - p.end <= 40 and not _BOUNDS_BREAK.search(text[p.end:q.start])):
            out[-1] = Quantity(p.start, q.end, None, p.value, q.value, p.unit, "range", p.subject_from)
            continue
        out.append(q)
    return out


def _clause_of(text: str, s: int, e: int, q: Quantity) -> tuple[int, int]:
    """The comma clause around q inside [s, e), widened to MIN_CLAUSE words."""
    cs = comma_before(text, s, q.start)
    cs = s if cs < 0 else cs + 1
    cs = _verb_list_start(text, s, cs)
    ce = comma_after(text, q.end, e)
    ce = e if ce < 0 else ce
    while not more_words(text[q.end:ce], 2) and ce < e:  # "98% cán bộ, giáo viên được ..." : a list subject
        p = comma_after(text, ce + 1, e)
        ce = e if p < 0 else p
    while not more_words(text[cs:ce], MIN_CLAUSE - 1):
        # a clause that opens with its quantity ("100% X ..., ...") reads on to the right;
        # one that ends with it ("..., đạt 100%") takes in what comes before
        if not more_words(text[cs:q.start], 2) and ce < e:
            p = comma_after(text, ce + 1, e)
            ce = e if p < 0 else p
        elif cs > s:
            p = comma_before(text, s, cs - 1)
            cs = s if p < 0 else p + 1
        elif ce < e:
            p = comma_after(text, ce + 1, e)
            ce = e if p < 0 else p
        else:
            break
    while ce < e:  # "... thực hiện tốt chủ trương, chính sách của Đảng, pháp luật ...": the objects listed go on
        p = comma_after(text, ce + 1, e)
        p = e if p < 0 else p
        if _has_verb(text[ce + 1:p]) or not _opens_noun(text[ce + 1:p]):
            break
        ce = p
    return cs, ce


def _verb_list_start(text: str, s: int, cs: int) -> int:
    """'Giao Sở X theo dõi, đôn đốc, kiểm tra và định kỳ ...': short verb pieces before the clause list what its
    subject does; the clause opens with the piece naming the subject (before the list)."""
    moved = False
    while cs > s:
        p = comma_before(text, s, cs - 1)
        piece = text[p + 1:cs - 1]
        if more_words(piece, 2) or _opens_noun(piece) or _DIGIT.search(piece):
            break
        cs, moved = p + 1, True
    if moved and cs > s:
        p = comma_before(text, s, cs - 1)
        cs = s if p < 0 else p + 1
    return cs


_ASIDE = re.compile(r"\([^()]*\)")


# a label that names a part of the plan, not what its quantity is about ("Chỉ tiêu và giải pháp:"),
# or a date ("09/12:")
_PART_LABEL = re.compile(r"(?i)(?:.*(?<!\w)(?:chỉ tiêu|giải pháp|nhiệm vụ|mục tiêu|nội dung|biện pháp|yêu cầu|kế hoạch"
                         r"|phương hướng)(?!\w).*|[\s\d/.\-–]+)")


def _label_cut(text: str, s: int, e: int, first: Quantity | None = None) -> int:
    """'Chỉ tiêu và những giải pháp: ...' -> start after a short label naming a part of the plan
    (never past a quantity). Any other label says what the quantity is for or whom it concerns
    ("Người lớn đi kèm: đóng ... 2.980.000đ", "Tuyên truyền (in ấn): 1.000.000đ"): it stays."""
    c = text.find(":", s, e)
    if c > 0 and n_words(text[s:c]) <= 6 and n_words(text[c + 1:e]) >= 3 and (first is None or first.start > c) \
            and _PART_LABEL.fullmatch(text, s, c):
        said = _ASIDE.sub(" ", text[c + 1:e])  # "Giá trọn gói: 2.980.000đ (chưa gồm VAT)": the aside says nothing new
        if first is not None and n_words(said) - n_words(text[first.start:first.end]) < 2:
            return s
        return c + 1
    return s


def regions(text: str, s: int, e: int, qs: list[Quantity]) -> list[tuple[int, int, list[Quantity]]]:
    """Split a unit holding several quantities at the commas between them."""
    s = _label_cut(text, s, e, qs[0])
    groups: list[list[Quantity]] = [[qs[0]]]
    bounds = [s]
    for prev, q in zip(qs, qs[1:]):
        # a colon between two quantities parts them before any comma does ("... cho 35 cháu thiếu
        # niên, nhi đồng ...: mỗi phần quà trị giá 80.000 đồng")
        # (but a spaced dash first: "Có mặt 49/50 - Vắng mặt: 01 đ/c")
        c = text.rfind(":", prev.end, q.start)
        if c < 0 or max(text.rfind(" - ", prev.end, q.start), text.rfind(" – ", prev.end, q.start)) >= 0:
            c = comma_before(text, prev.end, q.start)
        if c < 0:  # "Có mặt 49/50 - Vắng mặt: 01 đ/c": a spaced dash parts them too
            d = max(text.rfind(" - ", prev.end, q.start), text.rfind(" – ", prev.end, q.start))
            if d < 0 and (n := text.rfind(" nhưng ", prev.end, q.start)) >= 0:
                # "tối đa bằng 40% ... nhưng phải bảo đảm ... tối thiểu bằng 30%": a bound, then another
                c = n
            elif d < 0:  # "... có 12 triệu đoàn viên và phấn đấu 100% ...": two aims joined by "và"
                v = text.rfind(" và ", prev.end, q.start)
                # (or two counts, each with its noun: "bầu 01 ủy viên BCH và 01 ủy viên UBKT"; a bare last
                # one is the rest of one make-up: "cử 01 lãnh đạo đại diện và 01 chuyên viên")
                d = v if v >= 0 and (n_words(text[v:q.start]) >= 2 or (
                    q.unit != "%" and prev.unit != "%" and n_words(text[prev.end:v]) >= 2
                    and n_words(_PIECE_END.split(text[q.end:e], maxsplit=1)[0]) >= 1)) else -1
            if c < 0 or text[c] != " ":
                c = d + 1 if d >= 0 else -1
        if c >= 0 and (_make_up_goes_on(text, bounds[-1], prev, c, q) or _WORTH.match(text, c + 1, q.start)):
            c = -1
        if c < 0:
            groups[-1].append(q)
        else:
            bounds.append(c + 1)
            groups.append([q])
    bounds.append(e)
    out = []
    for i, g in enumerate(groups):
        rs, re_ = bounds[i], bounds[i + 1] - (1 if i + 1 < len(groups) else 0)
        if i and text.startswith("à ", rs) and text[rs - 1] == "v":  # parted at " và ": it opens past the word
            rs += 2
        elif i and text.startswith("nhưng ", rs):  # parted at " nhưng "
            rs += 6
        if more_words(text[rs:re_], LONG_UNIT):
            rs, re_ = _clause_of(text, rs, re_, g[0])
        out.append((rs, re_, g))
    return out


# "có 4 giờ họp, được tính 1 giờ chuẩn": what the count before is worth, with no subject of its own
_WORTH = re.compile(r"(?i)\s*(?:được\s+tính|tính\s+là|tương\s+đương|quy\s+đổi)\b")


def _make_up_goes_on(text: str, gs: int, prev: Quantity, c: int, q: Quantity) -> bool:
    """'Mỗi đội không quá 05 học sinh, 01 giáo viên hướng dẫn': the count after the comma is the
    next member of one make-up, not a target of its own."""
    *_, cues = _tables()
    return (text[c + 1:q.start].strip() == "" and q.comparator == "=" and q.unit != "%" and prev.unit != "%"
            and q.min is None and _has(fold(text[gs:prev.start]), cues["each"]))


def find_targets(text: str, start: int, end: int, excluded: list[tuple[int, int]], dates: list[DateHit]):
    """Yield dicts for the Target model over text[start:end]."""
    from kehoach.parser.nlp.clauses import trim

    tail = len(text.rstrip())
    cut = tail > 0 and text[tail - 1] not in ".;:!?)”\"…/" and not text[tail - 1].isdigit()
    last_end = start
    if _letters_lost(text, start, end):
        return  # "kh?i l??ng": the text lost its Vietnamese letters; no clause can be read for sure
    aims, situations, parts = _stretches(text, start, end)
    # a worked example in parentheses ("(ví dụ nộp trễ 2 ngày, trừ 10% ...)") illustrates a rule: no target
    excluded = excluded + [(m.start(), m.end()) for m in _EXAMPLE.finditer(text, start, end)] \
        + _summing_up(text, start, end) + _table_rows(text, start, end)
    each_words = _tables()[-1]["each_words"]
    deadlines = _deadlines(dates)
    numbers = _text_number_starts(text)
    cue_spans = _cue_spans(text, start, end)
    # where a count in words may be (its cue's space before it: inside a unit only when the word is)
    count_cues = None if cue_spans is None else [a for a, b in cue_spans if b - a > 3 and text[a] == " "]
    for us, ue in units(text, start, end):
        k = bisect_left(numbers, us)  # (a digit in the unit: a number starts in it, or runs on into it)
        if not (k < len(numbers) and numbers[k] < ue or us < ue and text[us].isdecimal()):
            # (what quantities() finds there: nothing, unless a number in words; the tests below need not be made)
            if cue_spans is not None:
                k = bisect_left(cue_spans, (us,))
                while k < len(cue_spans) and cue_spans[k][0] < ue and cue_spans[k][1] > ue:
                    k += 1
                if k == len(cue_spans) or cue_spans[k][0] >= ue:
                    continue  # (no cue word inside the unit)
            seg = text[us:ue]
            if not _in_words(seg, _lowered(text, us, ue, seg), each_words):
                continue
        if _graded(text, us):
            continue  # "Loại tốt: từ 17 đến 20 điểm", "Khá: hoàn thành 80%": a grading rule, not a target
        worded = None  # (not known: a char lowers to two, the cues' offsets are not the text's)
        if count_cues is not None:
            k = bisect_left(count_cues, us)
            worded = k < len(count_cues) and count_cues[k] < ue
        qs = quantities(text, us, ue, excluded, inside(us, aims), inside(us, situations), inside(us, parts),
                        counted_words=worded)
        if not qs:
            continue
        carry = -1  # "trên 90% cán bộ, viên chức, trên 50% công nhân tham gia": shares sharing one verb
        for rs, re_, group in regions(text, us, ue, qs):
            rs, re_ = trim(text, rs, re_)
            q = group[0]
            if text.startswith("(", rs) and q.start > rs:
                rs, re_ = _with_lead(text, rs, re_, q, last_end)
            elif ")" in text[q.end:re_]:
                rs, re_ = _wrapped_lead(text, rs, re_, q, last_end)
            if re_ <= rs or (cut and re_ >= tail and n_words(text[group[-1].end:re_]) < 10):
                continue  # (or an excerpt stops just after the quantity: what it aims at is not known)
            if VERB_CHECK and q.unit == "%" and not _says_done(text, rs, re_, q):
                carry = rs if carry < 0 else carry
                continue  # "Do đặc thù bậc học, 100% đoàn viên nữ": a share that states what is, not what is done
            if carry >= 0 and q.unit == "%":
                rs = carry
            carry = -1
            rs, re_ = _tighten(text, rs, re_, group)
            deadline = _deadline(deadlines, rs, re_)
            last_end = re_
            yield {"start": rs, "end": re_, "text": text[rs:re_], "value": q.value, "min": q.min, "max": q.max,
                   "unit": q.unit, "comparator": q.comparator, "deadline": deadline,
                   "_subject_window": (q.end if q.subject_from == -1 else q.subject_from, min(re_, q.end + 60)), "_before": (rs, q.start)}


_DEADLINE_KINDS = ("date", "month", "school_year", "year")


def _deadlines(dates: list[DateHit]) -> tuple[list[int], list[tuple[int, int, str | None]]]:
    """The valid date hits a clause's deadline may be, by start: (their starts, (start, index in `dates`, value)),
    so a clause finds the hits inside it by bisection, not by a pass over every hit of the text."""
    hits = sorted((h.start, i, h.end_value or h.value) for i, h in enumerate(dates)
                  if h.kind in _DEADLINE_KINDS and h.valid)
    return [h[0] for h in hits], hits


def _deadline(deadlines: tuple[list[int], list[tuple[int, int, str | None]]], rs: int, re_: int) -> str | None:
    """The value of the last hit in `dates` order starting in [rs, re_), or None."""
    starts, hits = deadlines
    a = bisect_left(starts, rs)
    b = bisect_left(starts, re_, a)
    return max(hits[a:b], key=_index_of)[2] if a < b else None


def _index_of(hit: tuple[int, int, str | None]) -> int:
    return hit[1]


# a letter lost to '?' by a wrong code page ("kh?i l??ng quy ??nh")
def _table_rows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The rows of a table pasted as text ("1 | Trường X: xây 04 phòng học | 1.000 |"): three cells
    or more, each row a record of the table (an annex's budget lines), not a clause of the plan."""
    out: list[tuple[int, int]] = []
    k = text.find(" | ", start, end)
    while k >= 0:
        a = text.rfind("\n", start, k) + 1
        b = text.find("\n", k, end)
        b = end if b < 0 else b
        if text.count(" | ", a, b) >= 2:
            out.append((a, b))
        k = text.find(" | ", b, end)
    return out


_LOST_LETTER = re.compile(r"[^\W\d_]\?+[^\W\d_]")
LOST_SHARE = 0.03  # of the words: more and the text cannot be read


def _letters_lost(text: str, start: int, end: int) -> bool:
    if text.count("?", start, end) <= 5:
        return False  # each loss holds a "?": too few to pass the bar below (and no whole-text scan)
    lost = len(_LOST_LETTER.findall(text, start, end))
    return lost > 5 and lost > LOST_SHARE * n_words(text[start:end])


# the closing sentence that sums the document up ("Trên đây là kế hoạch ... để chọn ra tối đa 03 dự án ..."):
# its quantities restate those given in the body
_SUMMING_UP = re.compile(r"(?im)^[ \t]*trên\s+(?:đây\s+)?là\s+(?:bản\s+|toàn bộ\s+)?(?:kế hoạch|chương trình|báo cáo"
                         r"|hướng dẫn|thông báo|quy chế|phương hướng)(?!\w)[^.;]*")


def _summing_up(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of _SUMMING_UP.finditer(text, start, end), the pattern tried at line starts only (where its `^`
    holds: it opens on no char class, so sre would enter it at every char), and there only where "trên" opens the
    line past its spaces (found in the text lowered: (?i) takes no other chars for these letters)."""
    out: list[tuple[int, int]] = []
    pos = start
    low = lower_text(text)
    if len(low) == len(text):  # (each char lowered to one: the same offsets)
        q = low.find("trên", start, end)
        while q >= 0:
            p = q
            while p > start and text[p - 1] in " \t":
                p -= 1
            if p >= pos and (p == 0 or text[p - 1] == "\n"):
                m = _SUMMING_UP.match(text, p, end)
                if m:
                    out.append(m.span())
                    pos = m.end()
            q = low.find("trên", max(q + 1, pos), end)
        return out
    for p in _line_starts(text, start, end):
        if p >= pos:
            m = _SUMMING_UP.match(text, p, end)
            if m:
                out.append(m.span())
                pos = m.end()
    return out


def _line_starts(text: str, start: int, end: int):
    """Offsets in [start, end) where a line starts (the text's start, or after a '\n')."""
    p = start
    if start > 0 and text[start - 1:start] != "\n":
        i = text.find("\n", start, end)
        p = i + 1 if i >= 0 else end
    while p < end:
        yield p
        i = text.find("\n", p, end)
        if i < 0:
            return
        p = i + 1


_EXAMPLE = re.compile(r"(?i)\((?:ví dụ|vd|chẳng hạn)\b[^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)")
_BASIS = re.compile(r"(?i)(?:theo|căn cứ)\s")
# "Đối với X có ... từ 12 tháng trở lên, ...": a condition on whom, closed by the threshold it sets (even with no comma)
_FOR_WHOM = re.compile(r"(?i)đối với\s")
_THRESHOLD_END = re.compile(r"(?i)(?<!\w)trở\s+(?:lên|xuống)(?!\w)")
# "với" opening the terms of what is done: an amount, a rate, a share ("với số tiền ...", "với mức ...")
_WITH = re.compile(r"(?i)(?<!\w)với\s+(?=(?:tổng\s+)?(?:số tiền|số lượng|mức|tỷ lệ|tỉ lệ|kinh phí|phương thức)(?!\w))")
_TAIL_BREAK = re.compile(r",|\s(?:và|qua)\s")
LONG_LEAD = 15  # words before "với số tiền" that make it a lead of its own
LONG_TAIL = 7  # words after the last quantity that are a clause of their own


def _tighten(text: str, rs: int, re_: int, group: list[Quantity]) -> tuple[int, int]:
    """A long clause cut to the words about its quantity: after 'với' opening its terms when a long lead comes first
    ('... tiến hành thu tiền ... với số tiền tạm thu là 13.500.000 đ'), and before a long tail
    that says something else ('tuần tra 4 cuộc, qua tuần tra không phát hiện ...')."""
    first, last = group[0], group[-1]
    if _BASIS.match(text, rs):  # "Theo quy định 269 ngày ..., mỗi tháng ...": the basis cited is not the target
        c = comma_before(text, rs, first.start)
        if c >= 0:
            rs = c + 1
            while rs < first.start and text[rs].isspace():
                rs += 1
    if _FOR_WHOM.match(text, rs) and "," not in text[rs:first.start]:
        t = None
        for t in _THRESHOLD_END.finditer(text, rs, first.start):
            pass
        if t is not None and n_words(text[t.end():first.start]) >= 2:  # "... từ 12 tháng trở lên nhà trường hỗ trợ 100%"
            rs = t.end() + len(text[t.end():first.start]) - len(text[t.end():first.start].lstrip())
    w = None
    for w in _WITH.finditer(text, rs, first.start):
        pass
    if w is not None and n_words(text[rs:w.start()]) >= LONG_LEAD and "," not in text[w.end():first.start]:
        rs = w.end()
    if last.unit != "%" and n_words(text[rs:first.start]) >= 4 and n_words(text[last.end:re_]) > LONG_TAIL:
        b = _TAIL_BREAK.search(text, last.end, re_)
        # (not a comma going on with the nouns counted: "cho 35 cháu thiếu niên, nhi đồng là con ...")
        if b is not None and n_words(text[rs:b.start()]) >= 4 and not (b.group() == "," and _opens_noun(text[b.end():re_])):
            re_ = b.start()
    return rs, re_


# a count of the aims met: "Hoàn thành 12/12 chỉ tiêu", "đạt 9/10 tiêu chí"
_TASKS_DONE = re.compile(r"(?i)(?<![\d/.,])(?P<a>\d{1,3})\s*/\s*(?P<b>\d{1,3})\s*(?P<unit>chỉ tiêu|tiêu chí)(?!\w)")
# who takes part, as a label (folded): "Đối tượng: 35 cán bộ công đoàn", "Thành phần tham dự: 40 đại biểu"
_WHO_LABEL = re.compile(r"(?<!\w)(?:đối tượng|thành phần)(?:\s+(?:tham gia|tham dự|dự thi|dự))?\s*:\s*\Z")


# a heading line: an outline number, or a line in capitals
_HEADING_LINE = re.compile(r"[ \t]*(?:(?:[IVX]+|\d+(?:\.\d+)*|[a-zđA-Z])[.)\-–]\s|[^a-zà-ỹđ]{8,}$)")
_LINE = re.compile(r"[^\n]+")


def _stretches(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], ...]:
    """Stretches of text[start:end] under the lines that open them, each up to the next line that
    closes it, for the three kinds of line judged by _judge_line: (aims, situations, who takes part).
    One pass over the lines for the three; a line that can open or close none is skipped."""
    *_, cues = _tables()
    aim_rx = _cue_rx(cues["aim"])
    out: tuple[list[tuple[int, int]], ...] = ([], [], [])
    open_at = [-1, -1, -1]
    for m in _LINE.finditer(text, start, end):
        verdicts = _judge_line(m.group(0).strip(), aim_rx)
        if verdicts is None:
            continue
        for k, (closes, opens) in enumerate(verdicts):
            if closes and open_at[k] >= 0:
                out[k].append((open_at[k], m.start()))
                open_at[k] = -1
            if opens and open_at[k] < 0:
                open_at[k] = m.end()
    for k in range(3):
        if open_at[k] >= 0:
            out[k].append((open_at[k], end))
    return out


def _judge_line(line: str, aim_rx: re.Pattern) -> tuple[tuple[bool, bool], ...] | None:
    """(closes an open stretch, opens one) for each kind, or None when the line does neither for any:
    - aims, stretches that set targets: from a heading or a lead-in ending in ':' that names an aim
      ("II. CHỈ TIÊU PHẤN ĐẤU", "Từ nay đến năm 2021, phấn đấu hoàn thành các chỉ tiêu sau:") to the
      next heading that does not. Under them a share is aimed at even when its words say who the
      staff are ("85% đơn vị đạt chuẩn ...", "trong đó trên 90% ... tham gia");
    - situations, under a short heading or label naming the situation ("I.Đặc điểm tình hình",
      "* Thuận lợi:", "Khó khăn:") up to the next outline heading that does not;
    - who takes part, under an outline heading naming them, up to the next outline heading."""
    colon = line.endswith(":")
    head = _HEADING_LINE.match(line) is not None
    any_head = _ANY_HEADING.match(line) is not None
    labelled = any_head or colon or line[:1] in "*+-•"
    if not (head or labelled):
        return None  # (most lines: no word counted, nothing folded)
    over15 = more_words(line, 15)  # (the words counted up to the bars, not to the line's end)
    aim = situation = part = _NEITHER
    heading = head and not over15
    if heading or colon:
        aims = aim_rx.search(fold(line)) is not None
        aim = (heading and not aims, aims)
    if labelled and not over15:
        cued = _SITUATION.search(fold(" ".join(line.split()[:6]))) is not None
        situation = (not cued and any_head, cued)
    if any_head and not more_words(line, 8):
        part = (True, _TAKING_PART.search(fold(line)) is not None)
    return aim, situation, part


_NEITHER = (False, False)


# a heading or label that describes the unit as it stands (its staff, its means, its strengths and
# weaknesses): the counts under it say who and what there is, not what is aimed at or was done
_SITUATION = re.compile(r"(?:đ(?<!\w.)ặc điểm|t(?<!\w.)huận lợi|k(?<!\w.)hó khăn)(?!\w)")  # (_after_non_word)
_RESULT_WORDS = ("đạt", "kết quả", "hoàn thành")
_SITUATION_INLINE = re.compile(r"(?:t(?<!\w.)huận lợi|k(?<!\w.)hó khăn)\s*:")
# any outline heading, also with no space after its number ("I.Đặc điểm tình hình")
_ANY_HEADING = re.compile(r"[ \t]*(?:[IVX]+|\d+(?:\.\d+)*|[a-zđA-Z])[.)\-–]\s*\w")
# a heading naming who takes part: "II. Đối tượng tham gia", "1. Thành phần tham dự"
_TAKING_PART = re.compile(r"(?:đối tượng|thành phần)\s+(?:tham gia|tham dự|dự thi)(?!\w)")


# what opens a line before its words: an outline number or a bullet
_LINE_MARK = re.compile(r"[ \t]*(?:[-+*•–]|\(?[a-zđ]\)|\d+(?:\.\d+)*[.)]|[IVXLC]+[.)])?[ \t]*")


def _with_lead(text: str, rs: int, re_: int, q: Quantity, floor: int) -> tuple[int, int]:
    """A quantity in parentheses qualifies the words before it on its line: "Nội dung a. (tối đa
    15 điểm)", "Hội diễn văn nghệ (hai năm tổ chức một lần)" -- the clause is those words and that
    one parenthesis (a second one after it is a remark)."""
    close = text.find(")", q.end, re_ + 1)
    if close < 0 or "(" in text[rs + 1:q.start]:
        return rs, re_
    ls = max(text.rfind("\n", 0, rs) + 1, floor)
    ls = _LINE_MARK.match(text, ls, rs).end()
    if not 1 <= n_words(text[ls:rs]) <= 25:
        return rs, re_
    if text[close + 1:re_].lstrip().startswith("("):
        re_ = close + 1
    return ls, re_


_LEAD_BREAK = re.compile(r"[,;:]|\s[-–]\s")


def _wrapped_lead(text: str, rs: int, re_: int, q: Quantity, floor: int) -> tuple[int, int]:
    """A line that opens inside a parenthesis the line before left open (a PDF's wrap): "KPI (mỗi khối" /
    "≥01 đề án), chịu trách nhiệm ..." -- the clause is the words before that parenthesis, and it up to its close."""
    close = text.find(")", q.end, re_)
    if close < 0 or "(" in text[rs:close]:
        return rs, re_
    nl = _end_of_words(text, rs)  # (the previous line's end, past the line break)
    if nl <= floor or "\n" not in text[nl:rs]:
        return rs, re_  # (the region does not open its line)
    ls = text.rfind("\n", 0, nl) + 1
    op = text.rfind("(", ls, nl)
    if op < 0 or ")" in text[op:nl] or _DIGIT.search(text, op, nl):
        return rs, re_
    b = None
    for b in _LEAD_BREAK.finditer(text, ls, op):
        pass
    lead = b.end() if b is not None else _LINE_MARK.match(text, ls, op).end()
    if not 1 <= n_words(text[lead:op]) <= 6 or lead < floor:
        return rs, re_
    while text[lead].isspace():
        lead += 1
    return lead, close + 1


# a grading scale's line: "Tốt: ...", "Loại khá: ...", "Xếp loại Trung bình – ..."
_GRADE = re.compile(r"(?i)(?:[-+*•]\s*)?(?:(?:xếp\s+)?loại\s+)?(?:xuất sắc|tốt|khá|trung bình|yếu|kém|đạt|không đạt)"
                    r"\s*[:–-]")

# the same label alone on the line before (a table cell, a column gap)
_GRADE_CELL = re.compile(r"(?i)[ \t]*(?:[-+*•][ \t]*)?(?:(?:xếp[ \t]+)?loại[ \t]+)?(?:xuất sắc|tốt|khá|trung bình|yếu|kém)"
                         r"[ \t]*:?[ \t]*")
# the chars each can open on (past _GRADE_CELL's spaces): a bullet, or what (?i) takes for the first letter of
# "xếp", "loại" or a grade (fastre.ci: "k" takes the Kelvin sign); elsewhere neither is tried
_GRADE_HEADS = frozenset("-+*•" + ci("xltkyđ")[1:-1].replace("\\", ""))
_GRADE_CELL_HEADS = frozenset("-+*•" + ci("xltky")[1:-1].replace("\\", ""))


def _graded(text: str, us: int) -> bool:
    """The unit at `us` is a line of a grading scale: _GRADE at it, or _GRADE_CELL over the line before it."""
    if text[us:us + 1] in _GRADE_HEADS and _GRADE.match(text, us):
        return True
    end = max(us - 1, 0)
    ls = text.rfind("\n", 0, end) + 1
    k = ls
    while k < end and text[k] in " \t":  # (the pattern's leading spaces)
        k += 1
    return k < end and text[k] in _GRADE_CELL_HEADS and _GRADE_CELL.fullmatch(text, ls, end) is not None

_NOUN_TAGS = {"N", "Np", "Nc", "Nu", "Ny", "Nb"}
# A percentage is a target or a result when its clause says what is done (a verb, per underthesea's
# POS tagger); measured on corpora/real (scripts/real_eval.py): see README, "Targets".
VERB_CHECK = True


def _says_done(text: str, rs: int, re_: int, q: Quantity) -> bool:
    """A verb in q's comma clause -- or after the short list the clause opens ("100% cán bộ, nhân
    viên được tập huấn", "100% các cơ sở Đoàn, Hội, Đội phát động ...")."""
    cs = comma_before(text, rs, q.start)
    cs = rs if cs < 0 else cs + 1
    ce = comma_after(text, q.end, re_)
    ce = re_ if ce < 0 else ce
    piece = q.end
    for _ in range(4):
        if _has_verb(text[cs:ce]):
            return True
        if ce >= re_ or n_words(text[piece:ce]) > 4:
            return False
        piece = ce + 1
        p = comma_after(text, piece, re_)
        ce = re_ if p < 0 else p
    return False


@lru_cache(maxsize=4096)
def _has_verb(clause: str) -> bool:
    from kehoach.parser.nlp.postag import tags as pos_tag  # underthesea's tags, kept for the document

    # lower case: the tagger reads a capitalised first word as a name ("Thu đoàn phí" -> Np)
    words = " ".join(_SHARE.sub(" ", clause).lower().split()[:24])
    if len(words.split()) < 2:
        return True  # a bare value ("100%" in a table's target cell): its row says what it is for
    return any(t == "V" for _, t in pos_tag(words))


def _opens_noun(s: str) -> bool:
    from kehoach.parser.nlp.postag import tags as pos_tag  # underthesea's tags, kept for the document

    tags = pos_tag(" ".join(s.lower().split()[:6]))
    return bool(tags) and tags[0][1] in _NOUN_TAGS


@lru_cache(maxsize=4096)
def _noun_phrase(s: str, last: bool = False) -> str | None:
    from kehoach.parser.nlp.postag import tags as pos_tag  # underthesea's tags, kept for the document

    if not s:
        return None  # (no word: the tagger's answer is empty, tests/test_speed_targets27.py)
    tags = pos_tag(s)
    runs: list[list[str]] = []
    cur: list[str] = []
    for w, t in tags:
        if t in _NOUN_TAGS:
            cur.append(w)
        elif cur:
            runs.append(cur)
            cur = []
            if not last:
                break
    if cur:
        runs.append(cur)
    if not runs:
        return None
    return " ".join(runs[-1] if last else runs[0])


_THOUSANDS = re.compile(r"(?i)triệu|nghìn|ngàn")
_SCALE = {"triệu": 1_000_000, "nghìn": 1_000, "ngàn ": 1_000}  # (a money unit's first five chars, lowered)
# a prize's rank right before an amount (in the lowered text): "giải nhất 1.500.000đ/đội", "giải ba: 500.000đ"
_PRIZE_BEFORE = re.compile(r"(?<!\w)giải\s+(?:nhất|nhì|ba|tư|khuyến\s+khích|đặc\s+biệt)\s*:?\s*\Z")


def _income_as_is(lowered: str, at: int, end: int, commit: list[str]) -> bool:
    """An amount lowered[at:end] whose comma clause speaks of income ("thu nhập") before it, with no word that aims
    at it or reports it reached ("phấn đấu", "đạt", "tăng"): a description of how people live."""
    cs = lowered.rfind(",", 0, at) + 1
    if lowered.find("thu nhập", cs, at) < 0:
        return False
    ce = lowered.find(",", end)
    clause = lowered[cs:ce if ce >= 0 else len(lowered)]
    return not any(w in clause for w in commit) and "tăng" not in clause


_LIST_BREAK = re.compile(r"[.;:\n]")
_BOUNDS_BREAK = re.compile(r"[.;\n]")
_PIECE_END = re.compile(r"[,;()]")
_SHARE = re.compile(r"\d+(?:[.,]\d+)*\s*%")
_AND_MORE = re.compile(r"(?i)^\s*trở\s+(?:lên|xuống)\b")
# `(?i)\b(?:tỷ lệ|tỉ lệ|số lượng|số)\s+`, opening on the first letters (_word_led)
_RATE_OF = re.compile(_word_led(["tỷ lệ", "tỉ lệ", "số lượng", "số"], r"\s+"))


def subject(text: str, t: dict) -> str | None:
    """The noun phrase right after the quantity ('100% đoàn viên'), else the last one before it."""
    ws, we = t["_subject_window"]
    if ws == -2:  # counted in times: skip the text after the quantity
        ws = we
    after = _AND_MORE.sub("", text[ws:we]).strip()
    words = after.split()
    if words and words[0].lower() not in {"so", "trong", "vào", "với", "từ", "của"}:
        np_ = _noun_phrase(" ".join(words[:6]))
        if np_:
            return np_
    bs, be = t["_before"]
    before = text[bs:be]
    m = _RATE_OF.search(before)
    if m:  # "Tỷ lệ giáo viên dạy giỏi ... đạt 98%": what the rate is of
        np_ = _noun_phrase(" ".join(before[m.end():].split()[:6]))
        if np_:
            return np_
    before = " ".join(before.split()[:8])
    return _noun_phrase(before) if before else None
