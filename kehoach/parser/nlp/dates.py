"""Date expressions with ISO values: full, partial (observances), months, ranges, school years,
years, lunar (flagged, never read as calendar dates; their solar date in `solar`, by the Vietnamese
lunar calendar) and impossible ones (kept, marked invalid)."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from kehoach.parser.nlp.clauses import lowered
from kehoach.parser.text.digits import number_starts
from kehoach.parser.text.fastre import ci, finditer_at

D = r"(\d{1,2}|\s{0,3})"  # a day may be left blank in drafts: "ngày   tháng 10"
SEP = r"\s*[/\-.–]\s*"
YEAR = r"(\d{4})"

# Lunar months are named: "tháng Giêng" (1) ... "tháng Chạp" (12); "tháng Năm" is month 5 unless a year follows
LUNAR_MONTHS = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                "chín": 9, "mười": 10, "mười một": 11, "một một": 11, "mười hai": 12, "chạp": 12}
LUNAR_MONTH = r"(\d{1,2}|giêng|chạp|mười\s+một|mười\s+hai|mười|một|hai|ba|tư|bốn|năm(?!\s*\d)|sáu|bảy|tám|chín)(?![\wÀ-ỹ])"
CAN_CHI = (r"(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)\s+"
           r"(?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi)")
# the feasts' lunar day and month
FEASTS = {"nguyên đán": (1, 1), "cổ truyền": (1, 1), "nguyên tiêu": (15, 1), "đoan ngọ": (5, 5), "trung thu": (15, 8)}

# Order matters: longer, more specific forms first; matches may not overlap.
# Each pattern opens with its first character: a digit, or a letter class without (?i) (fastre.ci) that
# sre skips to in C; the others with a lookahead on it, a cheap filter before the alternations.
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("lunar_dm", re.compile(r"(?i)(\d(?<![\d/]\d)\d?)\s*[/\-]\s*(\d{1,2})(?:\s*[/\-]\s*(\d{4}))?\s*(?:\(\s*)?(?:âm\s+lịch|ÂL)"
                            r"(?:\s*\))?(?:\s+năm\s+(\d{4})(?!\d))?")),
    # these open with the class of their first letters or a digit (sre skips to it in C), the
    # look back at the char before it follows: `[tr](?<!\w.)(?i:(?<=t)ết...)` finds what
    # `(?i)(?=[tr])\bTết...` found (rằm's group holds "ằm", only ever tested for being there)
    ("lunar_words", re.compile(ci("nmr") + rf"(?<!\w.)(?i:(?:(?:(?<=n)gày|(?<=m)ùng|(?<=m)ồng)\s*(\d{{1,2}})|(?<=r)(ằm))"
                               rf"\s+tháng\s+{LUNAR_MONTH}"
                               rf"(?:\s*/\s*(\d{{4}})|\s+năm\s+(\d{{4}})(?!\d))?(\s*(?:\(\s*)?âm\s+lịch(?:\s*\))?)?"
                               rf"(?:\s+năm\s+(\d{{4}})(?!\d))?)")),
    ("lunar_feast", re.compile(ci("rt") + rf"(?<!\w.)(?i:(?:(?<=t)ết\s+(Nguyên\s+[Đđ]án|Cổ\s+truyền|Trung\s+thu|Đoan\s+ngọ|Nguyên\s+tiêu)"
                               rf"|(?<=r)ằm\s+(Trung\s+thu))"
                               rf"(?:\s+({CAN_CHI}))?(?:\s*,?\s+(?:năm\s+)?(\d{{4}})(?!\d))?"
                               rf"|(?<=t)ết\s+({CAN_CHI})(?:\s*,?\s+(?:năm\s+)?(\d{{4}})(?!\d))?)")),
    ("range", re.compile(ci("nt") + r"(?<!\w.)(?i:(?:(?<=t)ừ\s+n|(?<=n))gày\s*(\d{1,2})\s*[\-–]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})"
                         r"\s*[/\-.]\s*(\d{4})(?!\d))")),
    ("range2", re.compile(ci("t") + r"(?<!\w.)(?i:ừ\s+ngày\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})\s*(?:đến|[\-–])\s*"
                          r"(?:ngày\s*)?(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})(?!\d))")),
    # ("thảng": the month word mistyped with a hook, between the day and the month numbers only)
    ("dmy_words", re.compile(ci("n") + r"(?<!\w.)(?i:gày\s*(\d{1,2}|[ \t]{1,12})\s*(?:tháng|thảng(?=\s*\d))\s*(\d{1,2}|[ \t]{1,12})"
                             r"\s*năm\s*(\d{4})(?!\d))")),
    ("dmy", re.compile(r"(\d(?<![\d/\-.]\d)\d?)[ \t]*([/\-.])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{4})(?![\d/])")),
    ("school_year", re.compile(ci("n") + r"(?<!\w.)(?i:ăm\s+học\s*(\d{4})\s*[\-–]\s*(\d{4})(?!\d))")),
    ("month", re.compile(ci("t") + r"(?<!\w.)(?i:háng\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})(?!\d))")),
    # "ngày 20/11", or " 20/11" after white space: d is the first digit plus d2 in the second case
    ("partial", re.compile(r"[\dNn](?:(?<=[Nn])(?<!\w.)(?i:gày)\s*(?P<d>\d{1,2})|(?<=\s\d)(?P<d2>\d?))"
                           r"(?i:(?P<sep>[/\-])(?P<mo>\d{1,2})(?![\d/\-]|\s*[\-–]\s*\d)"
                           r"(?!\s*(?:đoàn|đảng|đồng|người|lần|GV|giáo)))")),
    ("year", re.compile(ci("n") + r"(?<!\w.)(?i:ăm\s+(\d{4})(?!\d)(?!\s*[\-–]\s*\d))")),
]


@dataclass
class DateHit:
    start: int
    end: int
    text: str
    kind: str
    value: str | None = None
    end_value: str | None = None
    valid: bool = True
    lunar: bool = False
    extra: dict = field(default_factory=dict)
    solar: str | None = None  # a lunar date's solar ISO date (nlp/lunar.py)
    solar_year_inferred: bool = False


def iso(y: int | None, m: int | None, d: int | None) -> tuple[str | None, bool]:
    """ISO string and validity; y None -> '--MM-DD'."""
    if m is None or not 1 <= m <= 12:
        return None, False
    if d is None:
        return (f"{y:04d}-{m:02d}" if y else None), True
    maxd = calendar.monthrange(y or 2024, m)[1]  # a partial date may be 29/2
    if not 1 <= d <= maxd:
        return None, False
    return (f"{y:04d}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"), True


def _int(s: str | None) -> int | None:
    s = (s or "").strip()
    return int(s) if s.isdigit() else None


def _partial_context(text: str, start: int) -> bool:
    """A bare 'D/M' is a date only where a date is expected: after 'ngày', 'Ngày <observance>', 'dịp'."""
    left = text[max(0, start - 60):start].lower()
    left = left.split("\n")[-1]
    return bool(re.search(r"(ngày|dịp|mừng|lễ|kỷ niệm|kỉ niệm)[^,;.]*$", left))


# words a pattern's every match holds (lower case): without any of them the scan is skipped
_NEEDS = {"lunar_feast": ("tết", "rằm")}

# Every pattern's matches start where one of a few words starts ("ngày", "năm", "tháng", "từ",
# "Tết", "mùng", "rằm" ...) or at a number (a digit after a non-digit): three scans find those
# starts, and each pattern is tried there only (rx.match), instead of one scan of the text each.
_NGAY_NAM = re.compile(ci("n") + r"(?<!\w.)(?i:gày|ăm)")
_T_WORDS = re.compile(ci("t") + r"(?<!\w.)(?i:ừ|háng|ết)")
_MR_WORDS = re.compile(ci("mr") + r"(?<!\w.)(?i:ùng|ồng|ằm)")
_AT_WORD = {"lunar_dm": ("number",), "lunar_words": ("ngày", "mùng", "rằm"), "lunar_feast": ("tết", "rằm"),
            "range": ("từ", "ngày"), "range2": ("từ",), "dmy_words": ("ngày",), "dmy": ("number",),
            "school_year": ("năm",), "month": ("tháng",), "partial": ("ngày", "number"), "year": ("năm",)}
_SECOND = {"g": "ngày", "ă": "năm", "ừ": "từ", "h": "tháng", "ế": "tết", "ù": "mùng", "ồ": "mùng", "ằ": "rằm"}


_WORDS = {"ngày": "ngày", "năm": "năm", "từ": "từ", "tháng": "tháng", "tết": "tết", "mùng": "mùng", "mồng": "mùng",
          "rằm": "rằm"}


def _word_starts(text: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {w: [] for w in ("ngày", "năm", "từ", "tháng", "tết", "mùng", "rằm")}
    low = lowered(text)
    if len(low) == len(text):
        # every occurrence of each word in the lower-cased text (str.find: C's fast search skips
        # along; an automaton steps through every char) is what the three scans below find: lower()
        # and (?i) agree on these words' letters (the odd chars are forms of i and s), and a word that
        # starts inside another starts after a letter, which the look back refuses
        find = low.find
        for w, key in _WORDS.items():
            got = out[key]
            p = find(w)
            while p >= 0:
                if not (p and ((c := text[p - 1]).isalnum() or c == "_")):  # (?<!\w.)
                    got.append(p)
                p = find(w, p + 1)
        out["mùng"].sort()  # (mùng and mồng, one list)
    else:  # "İ" lowers to two chars: offsets in `low` are not the text's
        for rx in (_NGAY_NAM, _T_WORDS, _MR_WORDS):
            for m in rx.finditer(text):
                out[_SECOND[text[m.start() + 1].lower()]].append(m.start())
    out["number"] = number_starts(text)  # (numpy; the checks read the same starts)
    return out


def _starts_for(kind: str, words: dict[str, list[int]]) -> list[int]:
    keys = _AT_WORD[kind]
    return words[keys[0]] if len(keys) == 1 else sorted(p for k in keys for p in words[k])


def find_dates(text: str) -> list[DateHit]:
    taken = bytearray(len(text))
    hits: list[DateHit] = []
    low = lowered(text)

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    starts = _word_starts(text)
    for kind, rx in PATTERNS:
        if kind in _NEEDS and not any(w in low for w in _NEEDS[kind]):
            continue
        for m in finditer_at(rx, text, _starts_for(kind, starts)):
            s, e = m.span()
            if not free(s, e):
                continue
            h = _convert(kind, m, text)
            if h is None:
                continue
            hits.append(h)
            taken[s:e] = b"\x01" * (e - s)
    hits.sort(key=lambda h: h.start)
    return hits


def _convert(kind: str, m: re.Match, text: str) -> DateHit | None:
    s, e = m.span()
    raw = m.group(0)
    if kind.startswith("lunar"):
        return _lunar(kind, m, s, e, raw)
    if kind == "range":
        d1, d2, mo, y = (int(x) for x in m.groups())
        v1, ok1 = iso(y, mo, d1)
        v2, ok2 = iso(y, mo, d2)
        return DateHit(s, e, raw, "range", v1, v2, valid=ok1 and ok2)
    if kind == "range2":
        d1, m1, y1, d2, m2, y2 = (int(x) for x in m.groups())
        v1, ok1 = iso(y1, m1, d1)
        v2, ok2 = iso(y2, m2, d2)
        return DateHit(s, e, raw, "range", v1, v2, valid=ok1 and ok2)
    if kind == "dmy_words":
        d, mo, y = _int(m.group(1)), _int(m.group(2)), int(m.group(3))
        if d is None or mo is None:  # blank day or month: incomplete, kept
            v, _ = iso(y, mo, None) if mo else (None, True)
            return DateHit(s, e, raw, "partial", v, valid=True, extra={"incomplete": True})
        v, ok = iso(y, mo, d)
        return DateHit(s, e, raw, "date", v, valid=ok)
    if kind == "dmy":
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        v, ok = iso(y, mo, d)
        return DateHit(s, e, raw, "date", v, valid=ok)
    if kind == "school_year":
        y1, y2 = int(m.group(1)), int(m.group(2))
        return DateHit(s, e, raw, "school_year", f"{y1:04d}-09", f"{y2:04d}-08", valid=y2 == y1 + 1)
    if kind == "month":
        mo, y = int(m.group(1)), int(m.group(2))
        v, ok = iso(y, mo, None)
        return DateHit(s, e, raw, "month", v, valid=ok)
    if kind == "partial":
        if not raw.lower().startswith("ngày") and not _partial_context(text, s):
            return None
        d = int(m.group("d") if m.group("d") is not None else raw[0] + m.group("d2"))
        mo = int(m.group("mo"))
        v, ok = iso(None, mo, d)
        if not ok and mo > 12 and d <= 12:
            return None  # "8-30" style counts, not dates
        return DateHit(s, e, raw, "partial", v, valid=ok)
    if kind == "year":
        y = int(m.group(1))
        return DateHit(s, e, raw, "year", f"{y:04d}")
    return None


def _lunar(kind: str, m: re.Match, s: int, e: int, raw: str) -> DateHit | None:
    """A lunar date: flagged, kept out of calendar values; its day, month and year (when written)
    go to `extra` and its solar date to `solar` (the year may be filled later from the plan)."""
    g = m.groups()
    year_name = None
    if kind == "lunar_dm":
        day, month, year = int(g[0]), int(g[1]), _int(g[2] or g[3])
    elif kind == "lunar_words":
        month_w = " ".join(g[2].lower().split())
        month = int(month_w) if month_w.isdigit() else LUNAR_MONTHS[month_w]
        day = 15 if g[1] else int(g[0])
        # "ngày 2 tháng 9" is the solar National Day: lunar only when said so, by rằm, Giêng or Chạp
        if not (g[5] or g[1] or month_w in ("giêng", "chạp")):
            return None
        year = _int(g[3] or g[4] or g[6])
    else:
        if g[4]:  # "Tết Giáp Thìn": New Year of that year
            (day, month), year_name, year = (1, 1), g[4], _int(g[5])
        else:
            feast = " ".join((g[0] or g[1]).lower().split())
            day, month = FEASTS[feast]
            year_name, year = g[2], _int(g[3])
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return DateHit(s, e, raw, "lunar", None, valid=False, lunar=True)
    h = DateHit(s, e, raw, "lunar", None, lunar=True,
                extra={"lunar_day": day, "lunar_month": month, "lunar_year": year, "can_chi": year_name})
    from kehoach.parser.nlp import lunar

    if year is None and year_name:
        return h  # resolved against the plan's year (lunar.year_of_can_chi)
    if year is not None:
        d = lunar.to_solar(day, month, year)
        h.solar, h.valid = (d.isoformat() if d else None), d is not None
    return h


def resolve_lunar(hits: list[DateHit], period: tuple[str, str] | None, plan_date: str | None) -> None:
    """Fill `solar` of lunar hits written without a year, from the plan's period or date."""
    from kehoach.parser.nlp import lunar

    near = int((plan_date or (period or ("",))[0])[:4] or 0) or None
    for h in hits:
        x = h.extra
        if not h.lunar or h.solar or "lunar_day" not in x or not h.valid:
            continue
        if x.get("can_chi"):
            if near is None:
                continue
            year = lunar.year_of_can_chi(x["can_chi"], near)
        else:
            year = lunar.infer_year(x["lunar_day"], x["lunar_month"], period, plan_date)
            if year is None:
                continue
            h.solar_year_inferred = True
        d = lunar.to_solar(x["lunar_day"], x["lunar_month"], year)
        h.solar = d.isoformat() if d else None


_LEAD_DATE = re.compile(r"\s*,?\s*(?:ngày\s*)?")
_NGAY = re.compile(r"(?i)ngày")


def date_at(text: str, pos: int, hits: list[DateHit], max_gap: int = 12) -> DateHit | None:
    """The full date that starts within `max_gap` chars after `pos` (skipping ', ngày')."""
    for h in hits:
        # (the gap is only read for a hit in reach: the cheap tests first)
        if pos <= h.start <= pos + max_gap and h.kind in ("date", "partial") and not _NGAY.sub(
                "", text[pos:h.start]).strip(" ,\t\n"):
            return h
        if h.start > pos + max_gap:
            break
    return None
