"""Rules over dates in the raw text: observances, anniversaries, impossible and blank dates.

They scan `doc.text` themselves (not doc.dates) so they hold with or without the NLP pass.
Names are matched on a tone-placement-folded copy of the text: same length, same offsets.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from functools import lru_cache

from kehoach import models
from kehoach.parser.checks.engine import (Context, Hit, char_positions, finditer_at, lead_in, number_starts,
                                          rule, t_words, word_places)
from kehoach.parser.text.fastre import ci, literal_alt
from kehoach.parser.text.normalize import fold, new_tone_placement, strip_accents

_W = r"[^\W\d_]"  # a letter


def _names(names: list[str]) -> list[str]:
    return sorted({new_tone_placement(n) for n in names}, key=len, reverse=True)


def _esc(n: str) -> str:
    return re.escape(n).replace(r"\ ", r"[ \t]+")


def _alt(names: list[str]) -> str:
    return "|".join(_esc(n) for n in _names(names))


def folded_text(ctx: Context) -> str:
    return ctx.cached("tone_text", lambda: new_tone_placement(ctx.text))


def dated_text(ctx: Context) -> str:
    """folded_text() on every line where the observance and anniversary patterns can match, the
    text as it is on the others (same length: what they find is the same, see below), and it
    folds a few lines, not the whole text (~1.8 M instructions a plan). Each of those patterns
    matches inside one line, at a number that opens a day/month (_DM_AT) or "N năm" (_NAM_AT),
    and looks no further than that line and the line break before it (the anniversary's lead
    words too: they hold no line break). new_tone_placement of an NFC text is its lines', each
    folded alone (a pair at a line's end or start is judged as at the text's). A text that is not
    NFC is folded whole, as before (NFC may change its length)."""
    def make():
        text = ctx.text
        if not _text_is_nfc(ctx):
            return folded_text(ctx)
        parts: list[str] = []
        done = 0
        for p in number_starts(ctx, "text", text):
            if p < done or not (_DM_AT.match(text, p) or _NAM_AT.match(text, p)):
                continue
            a = text.rfind("\n", 0, p) + 1
            b = text.find("\n", p)
            if b == -1:
                b = len(text)
            parts += (text[done:a], new_tone_placement(text[a:b]))
            done = b
        if not parts:
            return text
        parts.append(text[done:])
        return "".join(parts)
    return ctx.cached("dated_text", make)


def _text_is_nfc(ctx: Context) -> bool:
    return ctx.cached("text_is_nfc", lambda: unicodedata.is_normalized("NFC", ctx.text))


def tone_numbers(ctx: Context) -> list[int]:
    """Where the numbers of folded_text() start. new_tone_placement is NFC, then letter pairs
    swapped for pairs of the same length: a text NFC leaves as it is keeps its digits where
    they were, and the text's own number starts (one scan, shared with the other rules) serve."""
    if _text_is_nfc(ctx):
        return number_starts(ctx, "text", ctx.text)
    return number_starts(ctx, "tone_text", folded_text(ctx))


# ------------------------------------------------------------------ observances

_DM = r"(?P<d>\d{1,2})[ \t]*[/\-.][ \t]*(?P<m>\d{1,2})(?:[ \t]*[/\-.][ \t]*(?P<y>\d{4}))?(?![\d/])"
# the same, opening with its digit (a scan sre runs in C) and no digit, '/', '-' or '.' before it
_DM_LEAD = r"(?P<d>\d(?<![\d/\-.]\d)\d?)" + _DM[len(r"(?P<d>\d{1,2})"):]


@lru_cache(maxsize=1)
def _observance_res() -> tuple[dict[str, str], dict[str, str], re.Pattern, re.Pattern]:
    data = models.load("observances.yaml")["observances"]
    by_name: dict[str, str] = {}
    dates: dict[str, str] = {}
    for o in data:
        dates[o["id"]] = o["date"]
        for n in o["names"]:
            by_name[fold(n)] = o["id"]
    alt = _alt([n for o in data for n in o["names"]])
    # only the date written right beside the name: "Ngày X 20/10", "Ngày X (20/10)", "20/10 - Ngày X";
    # "Ngày X: ngày 18/11 tại hội trường" is when the school celebrates it, not the observance's day
    # the names open with a class of their first letters (sre skips to it in C), then only the names
    # with that letter are tried: what `(?i)(?<!W)(?P<name>alt)` finds, 10x fewer branch entries
    first, rest = literal_alt(_names([n for o in data for n in o["names"]]), esc=_esc)
    name_date = re.compile(rf"(?P<name>{first}(?<!{_W}.){rest})(?i:[ \t]*(?:[(\-–][ \t]*)?{_DM})")
    date_name = re.compile(rf"(?i){_DM_LEAD}[ \t]*(?:[\-–(][ \t]*)?(?:(?:ngày|lễ)[ \t]+)?"
                           rf"(?P<name>{alt})(?!{_W})")
    return by_name, dates, name_date, date_name


# what a day/month (_DM) holds from its day's first digit on; an anniversary from its number on
_DM_AT = re.compile(r"\d\d?[ \t]*[/\-.][ \t]*\d")
_NAM_AT = re.compile(r"\d{1,3}(?i:[ \t]+năm)")


def _name_dates(rx: re.Pattern, text: str, numbers: list[int], lines: list | None = None):
    """rx.finditer(text) for name_date: a match lies inside one line (names and gaps are
    [ \t], never a newline) and holds a day/month whose day starts a number (a letter, a blank,
    '(' or a dash stands before it), and the newline after a line answers its closing look ahead
    as the end of the text does: only the lines where a number (`numbers`: their starts) opens
    a day/month are scanned. `lines`: _dm_lines(text, numbers), when known."""
    first = _first_words()
    for a, b, low, _ in (_dm_lines(text, numbers) if lines is None else lines):
        if low is None:
            yield from rx.finditer(text, a, b)
            continue
        # a match starts at a word start where a name's first word stands, any case: found in the
        # line lower-cased (literal alternatives: sre skips to their first letters and past them
        # in C), rx tried there only; its own scan entered its (?i) names at every letter of their
        # first letters' class, ~1400 instructions a word. Occurrences that overlap one found
        # are not seen: they start inside a word (every first word is letters only)
        pos = a
        for f in first.finditer(low):
            p = a + f.start()
            if p >= pos:
                m = rx.match(text, p, b)
                if m:
                    yield m
                    pos = m.end()


def _date_names(rx: re.Pattern, text: str, lines: list):
    """finditer_at(date_name, text, numbers) (`lines`: _dm_lines(text, numbers)): a match opens
    with a day/month, its day a number where _DM_AT matches: tried there only."""
    return finditer_at(rx, text, [p for *_, starts in lines for p in starts])


def _dm_lines(text: str, numbers: list[int]) -> list:
    """[a, b, low, starts] per line (start, end at its newline) where one of `numbers` opens a
    day/month (_DM_AT): the line lower-cased (None when it holds a char on which lower() and (?i)
    part, engine._ODD_CASE) and those numbers, ascending (what lines_at finds, and where)."""
    out: list = []
    b = -1
    for p in numbers:
        if not _DM_AT.match(text, p):
            continue
        if p < b:
            out[-1][3].append(p)
            continue
        a = text.rfind("\n", 0, p) + 1
        b = text.find("\n", p)
        if b == -1:
            b = len(text)
        line = text[a:b]
        odd = "\u0130" in line or "\u0131" in line or "\u017f" in line
        out.append([a, b, None if odd else line.lower(), [p]])
    return out


@lru_cache(maxsize=1)
def _first_words() -> re.Pattern:
    """The first words of the observance names, lower case, longest first: every name_date match
    starts with one (str.lower and sre's (?i) agree on every char but those of engine._ODD_CASE,
    tests/test_speed_checks_lower.py)."""
    names = _names([n for o in models.load("observances.yaml")["observances"] for n in o["names"]])
    words = sorted({n.split()[0].lower() for n in names}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words)))


@rule("observance-date-wrong", "error", "a known observance is given the wrong day",
      "ngày lễ, kỷ niệm ghi sai ngày")
def observance_date_wrong(ctx: Context):
    by_name, dates, name_date, date_name = _observance_res()
    text = dated_text(ctx)
    claimed: set[int] = set()
    found: list[tuple[re.Match, str]] = []
    numbers = tone_numbers(ctx)
    lines = _dm_lines(text, numbers)
    for m in _name_dates(name_date, text, numbers, lines):
        claimed.add(m.start("d"))
        found.append((m, "name_date"))
    for m in _date_names(date_name, text, lines):  # opens with the day's digit
        if m.start("d") not in claimed:
            found.append((m, "date_name"))
    for m, order in found:
        oid = by_name.get(fold(m.group("name")))
        if oid is None:
            continue
        d, mo = int(m.group("d")), int(m.group("m"))
        want_m, want_d = map(int, dates[oid].split("-"))
        if (d, mo) == (want_d, want_m):
            continue
        name = " ".join(ctx.text[m.start("name"):m.end("name")].split())
        written = ctx.text[m.start("d"):m.end("m")]
        yield Hit(m.start(), m.end(),
                  f"{name} là ngày {want_d}/{want_m}, văn bản ghi {written}",
                  f"{name} falls on {want_d}/{want_m} (day/month); the document writes {written}",
                  {"observance": oid, "written": f"{mo:02d}-{d:02d}", "expected": dates[oid], "order": order})


# ------------------------------------------------------------------ anniversaries


# "(28/7/1929 - 28/7/2019)": the years a text gives for its anniversary, with or without day and month
_DAY_MONTH = r"(?:\d{1,2}[ \t]*/[ \t]*\d{1,2}[ \t]*/[ \t]*)?"


# lead words before the number: "kỷ niệm |90 năm ...", "chào mừng lần thứ |90 năm ..." (_lead)
_LEAD_WORD = re.compile(rf"(?i)(?<!{_W})(?:kỷ niệm|kỉ niệm|chào mừng|mừng|hướng tới|hướng về)\Z")
_LEAD_WORD_MAX = 9  # characters of the longest
_THU = re.compile(r"(?i)thứ")
_LAN = re.compile(r"(?i)lần")


def _blank_before(text: str, lo: int, j: int) -> int:
    while j > lo and text[j - 1] in " \t":
        j -= 1
    return j


def _lead(text: str, lo: int, s: int) -> bool:
    """`(?i)(?<!W)(?:kỷ niệm|...)[ \t]+(?:lần[ \t]+thứ[ \t]+)?` ends at `s`, starting at `lo` or after."""
    j = _blank_before(text, lo, s)
    if j == s:
        return False
    if _LEAD_WORD.search(text, max(lo, j - _LEAD_WORD_MAX), j):
        return True
    if j - 3 < lo or not _THU.match(text, j - 3, j):
        return False
    k = _blank_before(text, lo, j - 3)
    if k == j - 3 or k - 3 < lo or not _LAN.match(text, k - 3, k):
        return False
    w = _blank_before(text, lo, k - 3)
    return w < k - 3 and _LEAD_WORD.search(text, max(lo, w - _LEAD_WORD_MAX), w) is not None


@lru_cache(maxsize=1)
def _anniversary_re() -> tuple[dict[str, tuple[str, dt.date]], re.Pattern]:
    data = models.load("founding_years.yaml")
    by_name: dict[str, tuple[str, dt.date]] = {}
    for e in data["events"]:
        for n in e["names"]:
            by_name[fold(n)] = (e["id"], dt.date.fromisoformat(e["date"]))
    names = _alt([n for e in data["events"] for n in e["names"]])
    links = _alt(data["links"])
    # opens with the number's digit (sre skips to digits in C); the lead words before it
    # ("kỷ niệm", "chào mừng" ...) are looked for by _lead(), back from the number
    rx = re.compile(
        rf"(?P<n>\d(?<![\d.,]\d)\d{{0,2}})(?i:[ \t]+năm[ \t]+(?:(?P<link>{links})[ \t]+)?(?P<name>{names})(?!{_W})"
        rf"(?:[ \t]*\(?[ \t]*{_DAY_MONTH}(?P<a>\d{{4}})[ \t]*[\-–][ \t]*{_DAY_MONTH}(?P<b>\d{{4}}))?)")
    return by_name, rx


def _anniversaries(text: str, numbers: list[int] | None = None):
    """(match, lead) for each "N năm <name>": what the former single pattern, an optional lead
    group then the number, found (it opened with a look ahead, tried at every char); `lead`
    tells whether lead words come right before N, after the previous match. `numbers`: where
    the numbers of the text start, when known (the pattern is then tried there only)."""
    prev_end = 0
    rx = _anniversary_re()[1]
    for m in (rx.finditer(text) if numbers is None else finditer_at(rx, text, numbers)):
        yield m, _lead(text, prev_end, m.start())
        prev_end = m.end()


def _plan_years(ctx: Context) -> set[int]:
    years: set[int] = set()
    p = ctx.doc.period
    if p is not None and p.kind in ("school_year", "year", "half_year", "quarter", "month"):
        try:
            years |= set(range(int(p.start[:4]), int(p.end[:4]) + 1))
        except ValueError:
            pass
    if ctx.doc_date is not None:
        years.add(ctx.doc_date.year)
    return years


@rule("anniversary-mismatch", "warning", "'N năm Ngày thành lập X' disagrees with X's founding year and the period",
      "số năm kỷ niệm không khớp năm thành lập và thời kỳ của kế hoạch")
def anniversary_mismatch(ctx: Context):
    by_name, _ = _anniversary_re()
    years = _plan_years(ctx)
    text = dated_text(ctx)
    for m, lead in _anniversaries(text, tone_numbers(ctx)):
        if not (lead or m.group("link")):
            continue  # "5 năm Đảng viên": no anniversary wording
        ev = by_name.get(fold(m.group("name")))
        if ev is None:
            continue
        oid, founded = ev
        n = int(m.group("n"))
        name = " ".join(ctx.text[m.start("name"):m.end("name")].split())
        if m.group("a") and int(m.group("a")) == founded.year:
            b = int(m.group("b"))
            if b - founded.year != n:
                yield Hit(m.start("n"), m.end(), f"Kỷ niệm {n} năm {name} nhưng {founded.year}-{b} là {b - founded.year} năm",
                          f"{n} years of {name}, yet {founded.year}-{b} is {b - founded.year} years",
                          {"event": oid, "founded": founded.isoformat(), "written": n, "expected": [b - founded.year]})
            continue
        if not years:
            continue
        expected = sorted(y - founded.year for y in years)
        if n in expected:
            continue
        yield Hit(m.start("n"), m.end("name"),
                  f"Kỷ niệm {n} năm {name}: thành lập năm {founded.year}, trong thời kỳ kế hoạch là "
                  f"{' hoặc '.join(map(str, expected))} năm",
                  f"{n} years of {name}: founded {founded.year}, so within the plan's period it is "
                  f"{' or '.join(map(str, expected))} years",
                  {"event": oid, "founded": founded.isoformat(), "written": n, "expected": expected})


# ------------------------------------------------------------------ impossible and blank dates
# (each opens with its first letter as a class without (?i), or a digit: sre skips to it in C;
# `ci("n") + "(?<!\w.)(?i:gày..."` finds what `(?i)(?<!\w)ngày...` finds)

_INVALID_RES = [
    ("words", re.compile(ci("n") + r"(?<!\w.)(?i:gày[ \t]*(?P<d>\d{1,2})[ \t]*tháng[ \t]*(?P<m>\d{1,2})[ \t]*năm[ \t]*"
                                   r"(?P<y>\d{4})(?!\d))")),
    ("numeric", re.compile(r"(?P<d>\d(?<![\d/\-.]\d)\d?)[ \t]*(?P<s>[/\-])[ \t]*(?P<m>\d{1,2})[ \t]*(?P=s)[ \t]*(?P<y>\d{4})"
                           r"(?![\d/]|-[A-Za-zĐđ])")),
    ("dotted", re.compile(ci("n") + r"(?<!\w.)(?i:gày[ \t]*(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d))")),
    ("month", re.compile(ci("t") + r"(?<!\w.)(?i:háng[ \t]*(?P<m>\d{1,2})[ \t]*(?:/|năm)[ \t]*(?P<y>\d{4})(?!\d))")),
    ("partial", re.compile(ci("n") + r"(?<!\w.)(?i:gày[ \t]*(?P<d>\d{1,2})[ \t]*[/\-][ \t]*(?P<m>\d{1,2})"
                                     r"(?![\d/\-]|[ \t]*[/\-][ \t]*\d))")),
]


# where "ngày" starts a word: every match of the "ngày ..." patterns here starts at one, so each
# is tried only there (one scan of the text for all of them, not one scan each)
_NGAY = re.compile(ci("n") + r"(?<!\w.)(?i:gày)")
_Y = ci("y")  # (plain letters: char_positions finds them)
_AT_NGAY = {"words", "dotted", "partial"}


def _ngay_starts(ctx: Context) -> list[int]:
    def make():
        at = word_places(ctx, ("ngày",))  # "ngày" in the lower-cased text
        if at is not None:
            text, match = ctx.text, _NGAY.match
            return [p for p in at if match(text, p)]
        # tried three chars before each "y" (ten times rarer than the "n" it opens on in a plan)
        return [m.start() for m in finditer_at(_NGAY, ctx.text, [i - 3 for i in char_positions(ctx.text, _Y) if i >= 3])]
    return ctx.cached("ngay_starts", make)


def _why_invalid(d: int | None, m: int, y: int | None) -> str | None:
    if not 1 <= m <= 12:
        return f"tháng {m}"
    if d is None:
        return None
    maxd = calendar.monthrange(y if y else 2024, m)[1]  # without a year, 29/2 may exist
    if not 1 <= d <= maxd:
        return f"ngày {d} tháng {m}" + (f" năm {y}" if y else "")
    return None


@rule("invalid-date", "error", "a date that cannot exist (31/02/2024, tháng 13)", "ngày tháng không có thật")
def invalid_date(ctx: Context):
    text = ctx.text
    taken: list[tuple[int, int]] = []
    for kind, rx in _INVALID_RES:
        starts = (_ngay_starts(ctx) if kind in _AT_NGAY else number_starts(ctx, "text", text) if kind == "numeric"
                  else t_words(ctx)["tháng"])  # "month" starts at a "tháng"
        for m in finditer_at(rx, text, starts):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            gd = m.groupdict()
            d = int(gd["d"]) if gd.get("d") else None
            y = int(gd["y"]) if gd.get("y") else None
            why = _why_invalid(d, int(gd["m"]), y)
            if why is None:
                continue
            written = " ".join(m.group(0).split())
            yield Hit(m.start(), m.end(), f"Ngày không tồn tại: {written} (không có {why})",
                      f"impossible date: {written} (there is no {why})",
                      {"day": d, "month": int(gd["m"]), "year": y})


# a blank slot; a wide gap may have been read as a column break, hence the optional newline
_BLANK = r"(?:[ \t]*(?:\.{2,}|…+|_{2,})[ \t]*|[ \t]*\n?[ \t]*)"
_INCOMPLETE_RE = re.compile(
    ci("n") + rf"(?<!\w.)(?i:gày(?P<d>{_BLANK}|[ \t]*\d{{1,2}}[ \t]*)tháng(?P<m>{_BLANK}|[ \t]*\d{{1,2}}[ \t]*)năm[ \t]*"
              rf"(?P<y>\d{{4}})(?!\d))")


# "ngày /5/2021", "ngày …/…/2021": the numeric form with a blank slot
_DOTS = r"(?:\.{2,}|…+|_{2,})"
_INCOMPLETE_NUM_RE = re.compile(
    ci("n") + rf"(?<!\w.)(?i:gày[ \t]*(?P<d>{_DOTS}?|\d{{1,2}})[ \t]*/[ \t]*(?P<m>{_DOTS}?|\d{{1,2}})[ \t]*/[ \t]*"
              rf"(?P<y>\d{{4}})(?!\d))")


def _is_draft(ctx: Context) -> bool:
    h = ctx.doc.header
    if h.symbol and not h.number and not ctx.doc_date:
        # "Số:    /KH-CĐ" and "ngày   tháng": both are filled in when it is signed; a document
        # dated in full was signed, and its blank number is one more slip, not a draft's mark
        return True
    return "du thao" in strip_accents(fold(ctx.text[:1500]))


@rule("incomplete-date", "warning", "a date with a blank day or month (info in a draft)",
      "ngày tháng bỏ trống ngày hoặc tháng")
def incomplete_date(ctx: Context):
    draft = None
    starts = _ngay_starts(ctx)
    found = list(finditer_at(_INCOMPLETE_RE, ctx.text, starts)) + list(finditer_at(_INCOMPLETE_NUM_RE, ctx.text, starts))
    for m in sorted(found, key=lambda m: m.start()):
        blank_d = not re.search(r"\d", m.group("d"))
        blank_m = not re.search(r"\d", m.group("m"))
        if not (blank_d or blank_m):
            continue
        if draft is None:
            draft = _is_draft(ctx)
        what_vi = " và ".join(x for x, b in (("ngày", blank_d), ("tháng", blank_m)) if b)
        what_en = " and ".join(x for x, b in (("day", blank_d), ("month", blank_m)) if b)
        written = " ".join(m.group(0).split())
        lead = lead_in(ctx.text, m.start())  # which date it is: "Nam Định, ngày ... tháng 12"
        yield Hit(m.start(), m.end(), f"Ngày tháng còn để trống {what_vi}: “{written}”" + (" (dự thảo)" if draft else ""),
                  f"date with a blank {what_en}: '{written}'" + (" (draft)" if draft else ""),
                  {"blank_day": blank_d, "blank_month": blank_m, "draft": draft},
                  severity="info" if draft else None, excerpt=" ".join((lead + " " + written).split()))

