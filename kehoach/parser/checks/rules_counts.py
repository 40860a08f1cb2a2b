"""Arithmetic a reader would check: announced counts against the items listed, totals against
their parts, percentages of people over 100, ranges whose lower bound exceeds the upper."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from kehoach import models
from kehoach.parser.checks.engine import (Context, Hit, finditer_at, lead_in, lines_holding, lowered, number_starts, rule,
                                          t_words)
from kehoach.parser.schema import iter_sections
from kehoach.parser.text.fastre import ci, literal_alt
from kehoach.parser.text.normalize import fold, is_upper_text

_W = r"[^\W\d_]"


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return models.load("checks_counts.yaml")


def _esc(w: str) -> str:
    return re.escape(w).replace(r"\ ", r"[ \t]+")


def _alt(words: list[str]) -> str:
    return "|".join(_esc(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _announce_parts() -> tuple[re.Pattern, re.Pattern]:
    """The announcement, and its part up to the colon."""
    c = _cfg()
    # opens with one class, a digit or a number word's first letter (sre skips to it in C), the
    # look back after it: what `(?i)(?<![\w.,/%])(?P<n>\d{1,2}|hai|ba|...)` finds
    first, rest = literal_alt(sorted(c["number_words"], key=len, reverse=True), esc=_esc)
    head = (rf"(?P<n>[\d{first[1:-1]}](?<![\w.,/%].)(?:(?<=\d)\d?|{rest}))(?i:[ \t]+(?P<noun>{_alt(c['list_nouns'])})(?!{_W})"
            rf"(?P<tail>[^\n:;.]{{0,80}}):")
    return re.compile(head + r"[ \t]*(?P<inline>[^\n]*))"), re.compile(head + ")")


def _announce_re() -> re.Pattern:
    return _announce_parts()[0]


_COLON = re.compile(":")


def _announcements(text: str):
    """_announce_re().finditer(text). An announcement lies in one line, which it ends (its inline
    part runs to the newline): one per line at most, on a line with a colon. From its number to
    its colon it holds no '.', ';', ':' or newline, so it starts after the last of them before
    that colon: each colon's stretch back to it is searched (in line order) for the part up to
    the colon, and the whole is matched where the first such part starts (the rest of the line,
    often long, is never scanned)."""
    rx, head = _announce_parts()
    for a, b in lines_holding(text, _COLON):
        lo = a
        c = text.find(":", a, b)
        while c != -1:
            m = head.search(text, max(lo, text.rfind(".", lo, c) + 1, text.rfind(";", lo, c) + 1), c + 1)
            if m:
                yield rx.match(text, m.start(), b)
                break
            lo = c + 1
            c = text.find(":", lo, b)


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    return {fold(k): v for k, v in _cfg()["number_words"].items()}  # folded once per process


def _number(s: str) -> Optional[int]:
    s = fold(s)
    if s.isdigit():
        return int(s)
    return _number_words().get(s)


_ITEM = re.compile(r"^[ \t]*(?:(?P<bullet>[-+•·*–—►▪❖✓])|(?P<num>\d{1,2}[.)])|(?P<let>[a-zđ][).])|(?P<rom>[IVX]{1,4}[.)]))[ \t]*\S")


def _marker(line: str) -> Optional[str]:
    m = _ITEM.match(line)
    if not m:
        return None
    if m.group("bullet"):
        return "bullet:" + m.group("bullet")
    return next(k for k in ("num", "let", "rom") if m.group(k))


def _count_list(text: str, pos: int, headings: frozenset[int] = frozenset()) -> Optional[int]:
    """Items of the list that starts on the line after `pos`; None when the list's end is unclear."""
    nl = text.find("\n", pos)
    if nl == -1:
        return None
    lines = text[nl + 1:nl + 1 + 6000].split("\n")
    first = None
    count = 0
    off = nl + 1
    for i, ln in enumerate(lines):
        line_start, off = off, off + len(ln) + 1
        if not ln.strip():
            continue
        mk = _marker(ln)
        if first is None:
            if mk is None:
                return None  # no list follows
            first = mk
        if mk == first:
            count += 1
            continue
        if mk is not None:
            continue  # a nested item (+ under -)
        # a plain line ends the list when it is a heading or a new paragraph (capital first letter);
        # one in lower case continues an item, and when items of the same kind follow it the
        # count is unclear
        body = ln.strip()
        lead = len(ln) - len(ln.lstrip())
        if line_start + lead in headings or is_upper_text(body) or not body[0].islower():
            return count
        rest = [x for x in lines[i + 1:i + 8] if x.strip()][:3]
        return None if any(_marker(x) == first for x in rest) else count
    if nl + 1 + 6000 >= len(text):
        return None  # the text stops inside the list (an excerpt, a cut file): its length is unknown
    return count if first else None


def _runs_off_the_end(ctx: Context, pos: int) -> bool:
    """The list after `pos` is a run of sections whose last one ends where the text stops, with no
    closing (signature, Nơi nhận) after it: an excerpt cut inside the list."""
    doc = ctx.doc
    if doc.signature is not None or doc.recipients:
        return False
    tail = len(ctx.text.rstrip())
    for sibs in _section_lists(doc.sections):
        after = [s for s in sibs if s.heading_start > pos]
        if after and not ctx.text[pos:after[0].heading_start].strip(" \t\n:"):
            return after[-1].end >= tail - 1  # the announced items are these sections
    return False


def _section_lists(sections):
    yield sections
    for s in sections:
        yield from _section_lists(s.children)


@rule("count-mismatch", "warning", "an announced count disagrees with the items listed, a total with its parts, "
      "or a share with its count ('33/34 - 100%')",
      "số lượng công bố không khớp số mục liệt kê, tổng không khớp các thành phần, hoặc tỉ lệ không khớp số đếm")
def count_mismatch(ctx: Context):
    text = ctx.text
    for m in _announcements(text):
        n = _number(m.group("n"))
        if n is None or n < 2 or re.search(r"\d", m.group("tail")):
            continue  # "5 nhiệm vụ, 10 chỉ tiêu như sau:": which count the list is for is unclear
        inline = m.group("inline").strip()
        if inline:
            if ";" not in inline:
                continue  # one item or a comma list: cannot tell where items end
            got = len([x for x in re.split(r";", inline.rstrip(" .;")) if x.strip()])
            how = "inline"
        else:
            heads = ctx.cached("heading_starts", lambda: frozenset(s.heading_start for s in iter_sections(ctx.doc.sections)))
            got = _count_list(text, m.end(), heads)
            how = "list"
            if got is not None and _runs_off_the_end(ctx, m.end()):
                got = None  # numbered parts with bodies that reach the end of a cut text: not all are there
        if got is None or got == n:
            continue
        noun = " ".join(m.group("noun").split())
        # the whole announcing clause, from its start to the colon
        start = max(text.rfind(ch, 0, m.start()) for ch in ".;:\n") + 1
        start += len(text[start:m.start()]) - len(text[start:m.start()].lstrip(" \t-+•"))
        yield Hit(start, m.end("tail") + 1,
                  f"Văn bản nêu {m.group('n')} {noun} nhưng liệt kê {got}",
                  f"the document announces {m.group('n')} {noun} but lists {got}",
                  {"announced": n, "listed": got, "noun": noun, "how": how})
    yield from _chapter_count(ctx)
    yield from _totals(ctx)
    yield from _two_count_totals(ctx)
    yield from _degree_totals(ctx)
    yield from _shares(ctx)


# "33/34 - 100%", "45/46 đạt 97,8%": a count out of a whole, then the share it makes
_SHARE = re.compile(r"(?P<a>\d(?<![\d/.,]\d)\d{0,3})[ \t]*/[ \t]*(?P<b>\d{1,4})(?![\d/.,]\d)"
                    r"(?P<mid>(?:[ \t]*(?:[-–=:(,]|(?i:đạt|chiếm|bằng|tỷ[ \t]+lệ|tỉ[ \t]+lệ))){1,2}[ \t]*)"
                    r"(?P<p>\d{1,3}(?:[.,]\d+)?)[ \t]*%")
_DATE_BEFORE = re.compile(r"(?i)(?:ngày|tháng|năm|quý|học kỳ|học kì|số)[ \t]*$")


def _shares(ctx: Context):
    """A share that its own count does not make: "Đạt chuẩn: 33/34 - 100%" (33 of 34 is 97%)."""
    text = ctx.text
    for m in finditer_at(_SHARE, text, number_starts(ctx, "text", text)):
        a, b, p = int(m.group("a")), int(m.group("b")), float(m.group("p").replace(",", "."))
        if not 0 < a <= b or b < 2 or 1900 <= b <= 2100 or _DATE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "tháng 5/2024 đạt 90%", "ngày 3/4 - 50%": a date, not a count
        exact = 100 * a / b
        if abs(exact - p) <= 1.0:
            continue  # rounded or cut off: "2/3 - 66%"
        written = " ".join(m.group(0).split())
        yield Hit(m.start(), m.end(), f"{a}/{b} là {exact:.1f}%, không phải {m.group('p')}%: “{written}”",
                  f"{a}/{b} is {exact:.1f}%, not {m.group('p')}%: '{written}'",
                  {"count": a, "of": b, "share": p, "how": "share"},
                  excerpt=" ".join((lead_in(text, m.start(), 6, (". ", ";")) + " " + written).split()))


@lru_cache(maxsize=1)
def _chapter_re() -> re.Pattern:
    """`(?i)(?:lead|...)[ \t]+(?P<n>N|number word)[ \t]+chương[ \t]+trình(?!W)`, built once, opening with
    the class of the leads' first letters (sre skips to it in C; the (?i) alternation was entered at
    every char): the same matches (fastre.literal_alt)."""
    c = _cfg()
    first, rest = literal_alt(sorted(c["chapter_leads"], key=len, reverse=True), esc=_esc)
    return re.compile(rf"{first}{rest}(?i:[ \t]+(?P<n>\d{{1,2}}|{_alt(list(c['number_words']))})[ \t]+chương[ \t]+trình(?!{_W}))")


def _chapter_count(ctx: Context):
    """'gồm 7 chương trình' in the preamble against the CHƯƠNG TRÌNH n sections."""
    tops = [s for s in ctx.doc.sections if s.style == "chapter" and fold(s.number or "").startswith("chương trình")]
    if len(tops) < 2:
        return
    first = tops[0].heading_start
    low = lowered(ctx)
    if low is not None and low.find("chương", ctx.body_start, first) == -1:
        return  # every match holds "chương", any case: found in the lower-cased text (engine.lowered)
    for m in _chapter_re().finditer(ctx.text, ctx.body_start, first):
        n = _number(m.group("n"))
        if n is not None and n != len(tops):
            yield Hit(m.start("n"), m.end(), f"Văn bản nêu {m.group('n')} chương trình nhưng có {len(tops)} chương trình",
                      f"the document announces {m.group('n')} programmes but has {len(tops)}",
                      {"announced": n, "listed": len(tops), "noun": "chương trình", "how": "sections"})


# ci("t") first (sre skips to it in C), then `(?<!\w.)`: what `(?i)(?<!\w)tổng...` finds
_TOTAL = re.compile(ci("t") + r"(?<!\w.)(?i:ổng[ \t]+số(?P<what>[^\d\n:.;]{0,40}?)[ \t]*(?::|là)?[ \t]*(?P<t>\d{1,5})"
                    r"(?![\d%]|[.,]\d)(?P<tail>[^\n]{0,140}))")
# a part is one item of the list after the total: "nữ 53", "nữ: 53 đ/c", "53 đồng chí nữ"
_PART = re.compile(r"(?i)^(?:trong[ \t]+đó[ \t]*:?|gồm|bao[ \t]+gồm|có)?[ \t]*(?:"
                   r"(?P<k>nữ|nam)[ \t]*(?::|là|có)?[ \t]*(?P<v>\d{1,5})(?:[ \t]*(?:đồng chí|đ/c|người|đoàn viên))?"
                   r"|(?:có[ \t]+)?(?P<v2>\d{1,5})[ \t]*(?:đồng chí|đ/c|người|đoàn viên)?[ \t]*(?P<k2>nữ|nam))[ \t]*$")


def _totals(ctx: Context):
    for m in finditer_at(_TOTAL, ctx.text, t_words(ctx)["tổng"]):  # every total starts at "tổng"
        tail = m.group("tail")
        cut = re.search(r"\.(?:\s|$)|tổng[ \t]+số", tail, re.I)
        if cut:
            tail = tail[:cut.start()]
        total = int(m.group("t"))
        parts: dict[str, int] = {}
        ends = []
        pos = 0
        for piece in re.split(r"([,;()])", tail):
            pm = _PART.match(piece.strip()) if piece not in ",;()" else None
            k = (pm.group("k") or pm.group("k2")).lower() if pm else None
            if pm and k not in parts:
                parts[k] = int(pm.group("v") or pm.group("v2"))
                ends.append(pos + len(piece.rstrip()))
            pos += len(piece)
        if not parts:
            continue
        end = m.start("tail") + max(ends)
        bad = ("nữ" in parts and "nam" in parts and parts["nữ"] + parts["nam"] != total) or any(v > total for v in parts.values())
        if not bad:
            continue
        written = ", ".join(f"{k} {v}" for k, v in parts.items())
        yield Hit(m.start(), end, f"Tổng số {total} không khớp các thành phần ({written})",
                  f"total {total} does not match its parts ({written})",
                  {"total": total, "parts": parts, "how": "total"})


# "Tổng số học sinh: 255 trẻ/08 lớp. Trong đó:" then one line per part with both counts
_TOTAL2 = re.compile(ci("t") + r"(?<!\w.)(?i:ổng[ \t]+số[^\d\n:]{0,40}:[ \t]*(?P<a>\d{1,5})[ \t]*(?P<ua>[^\W\d_]+)"
                     r"[ \t]*[/,][ \t]*(?P<b>\d{1,4})[ \t]*(?P<ub>[^\W\d_]+)(?![^\W\d_]))(?P<tail>[^\n]*)")


def _count_of(unit: str, line: str) -> Optional[int]:
    m = re.search(rf"(?<![\d.,])(\d{{1,5}})[ \t]*{re.escape(unit)}(?!{_W})", line, re.I)
    return int(m.group(1)) if m else None


def _two_count_totals(ctx: Context):
    """A total given in two counts ("255 trẻ/08 lớp") over parts that give both: when one count's
    parts add up to its total, the parts are the whole, and the other count must add up too."""
    text = ctx.text
    for m in finditer_at(_TOTAL2, text, t_words(ctx)["tổng"]):
        if not re.search(r"(?i)trong[ \t]+đó|gồm", m.group("tail")):
            continue
        ua, ub = m.group("ua"), m.group("ub")
        if fold(ua) == fold(ub):
            continue
        sa = sb = n = 0
        for ln in text[m.end():m.end() + 2000].split("\n")[1:12]:
            if not ln.strip():
                continue
            a, b = _count_of(ua, ln), _count_of(ub, ln)
            if a is None or b is None:
                break
            sa, sb, n = sa + a, sb + b, n + 1
        ta, tb = int(m.group("a")), int(m.group("b"))
        if n < 2 or (sa == ta) == (sb == tb):
            continue  # both add up, or neither does (the parts are not the whole)
        bad, total, got, unit = (m.group("b"), tb, sb, ub) if sa == ta else (m.group("a"), ta, sa, ua)
        yield Hit(m.start(), m.end("ub"), f"Tổng số {bad} {unit} không khớp các thành phần (cộng lại {got} {unit})",
                  f"total {bad} {unit} does not match its parts (they add up to {got})",
                  {"total": total, "parts_sum": got, "unit": unit, "how": "total"})


# a head count, its number perhaps on the next line: "Tổng số đoàn viên :\n9 người;"
_HEADCOUNT = re.compile(ci("t") + r"(?<!\w.)(?i:ổng[ \t]+số(?P<what>[^\d\n:;.]{0,40}?)[ \t]*(?::|là)?\s*(?P<t>\d{1,4})"
                        r"(?![\d%/]|[.,]\d)[ \t]*(?:người|đồng[ \t]+chí|đ/c|đc)?)")
_LEVELS = re.compile(r"(?i)(?<![^\W\d_])(?P<lvl>tiến[ \t]+s[ĩỹ]|thạc[ \t]+s[ĩỹ]|trên[ \t]+đại[ \t]+học|đại[ \t]+học|cao[ \t]+đẳng|"
                     r"trung[ \t]+cấp|sơ[ \t]+cấp)(?:[ \t]+sư[ \t]+phạm)?[ \t]*:?[ \t]*(?P<n>\d{1,4})(?![\d%/]|[.,]\d)")
_TRAINING = re.compile(r"(?i)(?<![^\W\d_])trình[ \t]+độ(?:[ \t]+(?:chuyên[ \t]+môn|đào[ \t]+tạo|CM))?[ \t]*:")


_OTHER_SCALE = re.compile(r"(?i)(?<![^\W\d_])(?:trình[ \t]+độ|chính[ \t]+trị|lý[ \t]+luận|tin[ \t]+học|ngoại[ \t]+ngữ|"
                          r"quản[ \t]+lý[ \t]+nhà[ \t]+nước|đang[ \t]+học)(?![^\W\d_])")


def _levels_after(text: str, pos: int) -> dict[str, int]:
    """The training levels listed from `pos` on, one line after another while each holds one:
    "Đại học: 9\n; Cao đẳng: 1" -> {"đại học": 9, "cao đẳng": 1} (a level's first count)."""
    out: dict[str, int] = {}
    seg = text[pos:pos + 600]
    other = _OTHER_SCALE.search(seg)  # "Trình độ chính trị: Trung cấp 5" is another scale
    for ln in seg[:other.start() if other else len(seg)].split("\n")[:8]:
        found = list(_LEVELS.finditer(ln))
        if not found:
            break
        for m in found:
            out.setdefault(" ".join(fold(m.group("lvl")).split()), int(m.group("n")))
    return out


def _degree_totals(ctx: Context):
    """A head count, then its people by training level ("Trình độ chuyên môn: Đại học 9; Cao
    đẳng 1") that add up to more: each person has one highest level, so the levels cannot
    outnumber the people."""
    text = ctx.text
    for m in finditer_at(_HEADCOUNT, text, t_words(ctx)["tổng"]):
        if "nữ" in fold(m.group("what")).split():
            continue  # the women among them, not all
        stop = text.find("\n\n", m.end())
        nxt = re.search(r"(?i)tổng[ \t]+số", text[m.end():m.end() + 300])
        window_end = min(x for x in (stop if stop >= 0 else len(text), m.end() + 300,
                                     m.end() + nxt.start() if nxt else len(text)))
        tr = _TRAINING.search(text, m.end(), window_end)
        if tr is None or text.count("\n", m.end(), tr.start()) > 3:
            continue
        levels = _levels_after(text, tr.end())
        total, got = int(m.group("t")), sum(levels.values())
        if len(levels) < 2 or got <= total:
            continue
        written = ", ".join(f"{k} {v}" for k, v in levels.items())
        yield Hit(m.start(), m.end(), f"Tổng số {total} ít hơn số người theo trình độ ({written}: {got})",
                  f"total {total} is fewer than the people by training level ({written}: {got})",
                  {"total": total, "parts": levels, "how": "levels"})


@lru_cache(maxsize=1)
def _pct_re() -> re.Pattern:
    # opens with its digit (sre skips to it in C); the look back follows it: `(?<![\d.,])\d{3,4}`
    return re.compile(rf"(?i)(?P<v>\d(?<![\d.,]\d)\d{{2,3}}(?:[.,]\d+)?)[ \t]*%[ \t]+(?P<who>{_alt(_cfg()['people'])})(?!{_W})")


@rule("percent-over-100", "warning", "a share of people above 100% ('105% đoàn viên')",
      "tỉ lệ người vượt quá 100%")
def percent_over_100(ctx: Context):
    for m in finditer_at(_pct_re(), ctx.text, number_starts(ctx, "text", ctx.text)):  # opens with a number
        v = float(m.group("v").replace(",", "."))
        if v <= 100:
            continue
        yield Hit(m.start(), m.end(), f"Tỉ lệ {m.group('v')}% {m.group('who')} vượt quá 100%",
                  f"{m.group('v')}% of {m.group('who')} is more than all of them", {"value": v})


@lru_cache(maxsize=1)
def _range_re() -> re.Pattern:
    units = _alt(_cfg()["range_units"])
    # one class first, t or a digit (sre skips to it in C); each branch then looks back at it:
    # what `(?i)(?:(?<!\w)từ ... (?P<a>)|(?<![\w.,/])(?P<a2>\d{1,4}) ...)` finds; a2 is the
    # class's digit plus the group `a2r`
    return re.compile(rf"[\d{ci('t')[1:-1]}](?:(?<=[^\W\d_])(?<!\w.)(?i:ừ[ \t]+(?P<a>\d{{1,4}})[ \t]+(?:đến|tới)[ \t]+"
                      rf"(?P<b>\d{{1,4}}))|(?<=\d)(?<![\w.,/]\d)(?P<a2r>\d{{0,3}})[ \t]*[\-–][ \t]*(?P<b2>\d{{1,4}}))"
                      rf"(?i:[ \t]+(?P<unit>{units})(?!{_W}))")


_LABEL_BEFORE = re.compile(r"(?i)(?<!\w)(?:tháng|quý|tuần|lớp|khối|tổ|số|năm|ngày|kỳ|đợt|lần|khóa|khoá|mục|điểm|câu)[ \t]*$")


@rule("range-inverted", "warning", "a range whose lower bound exceeds the upper ('từ 5 đến 3 đảng viên')",
      "khoảng giá trị có cận dưới lớn hơn cận trên")
def range_inverted(ctx: Context):
    # a range starts at "từ" or at a number: tried there only
    starts = sorted(t_words(ctx)["từ"] + number_starts(ctx, "text", ctx.text))
    for m in finditer_at(_range_re(), ctx.text, starts):
        a2 = ctx.text[m.start():m.end("a2r")] if m.group("b2") else None  # "12 - 5": the digits before the dash
        if a2 and _LABEL_BEFORE.search(ctx.text[max(0, m.start() - 12):m.start()]):
            continue  # "Tháng 12 - 5 buổi", "Tổ 3 - 2 người": a label, then a count
        a = int(m.group("a") or a2)
        b = int(m.group("b") or m.group("b2"))
        if a <= b:
            continue
        written = " ".join(m.group(0).split())
        yield Hit(m.start(), m.end(), f"Khoảng “{written}”: {a} lớn hơn {b}", f"range '{written}': {a} is above {b}",
                  {"min": a, "max": b})
