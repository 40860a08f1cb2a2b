"""period-mismatch: the plan names itself with a period other than its title's.

Only self-naming places are read (closing "Trên đây là ...", "xây dựng <doc> ... như sau",
a repeated title line, the "Các chỉ tiêu ... năm học X" heading, a cover page repeating the
title, the part headings of a "kết quả tháng 4 và phương hướng tháng 5" report); other periods
in the body ("tổng kết năm học 2023-2024", "nhiệm kỳ 2023-2028") are legitimate and never
looked at.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from kehoach import models
from kehoach.parser.checks.engine import Context, Hit, char_positions, finditer_at, lines_at, rule, t_words, word_places
from kehoach.parser.checks.periods import (PERIOD_RE, PeriodValue, disagrees, disagrees_months, doc_period, find_periods,
                                           month_range)
from kehoach.parser.text.fastre import ci, literal_alt
from kehoach.parser.text.normalize import fold


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    cfg = models.load("checks_period.yaml")
    doc = "|".join(sorted((re.escape(x) for x in cfg["doc_types"]), key=len, reverse=True))
    # a clause: up to the end of the sentence (a period before a space/newline, ';', a newline)
    clause = r"(?:[^\n;.]|\.(?=\S))"
    # the leads open with the class of their first letters (sre skips to it in C), the look
    # back follows that letter: what `(?i)(?<![^\W\d_])(?:lead|...)` finds (fastre.literal_alt)
    closing_first, closing_rest = literal_alt(cfg["closing_leads"])
    built_first, built_rest = literal_alt(cfg["build_verbs"])
    return {
        "closing": re.compile(rf"{closing_first}(?<![^\W\d_].){closing_rest}(?i:[ \t]+"
                              rf"(?:(?:toàn bộ|nội dung|bản)[ \t]+)*(?P<doc>{doc})(?![^\W\d_])(?P<rest>{clause}{{0,220}}))"),
        "built": re.compile(rf"{built_first}(?<![^\W\d_].){built_rest}(?i:[ \t]+"
                            rf"(?:(?:bản|nội dung)[ \t]+)?(?P<doc>{doc})(?![^\W\d_])(?P<rest>{clause}{{0,220}}))"),
        "targets_heading": re.compile(rf"(?im)^[ \t]*(?:[0-9IVXivx]+[.)]|[a-zđ]\)|[\-+•])?[ \t]*(?:các[ \t]+)?"
                                      rf"(?:{'|'.join(map(re.escape, cfg['target_heads']))})(?P<rest>[^\n]{{0,120}})$"),
        "as_follows": re.compile(r"(?i)(?<![^\W\d_])như[ \t]+sau"),
    }


@lru_cache(maxsize=1)
def _build_verbs() -> tuple[str, ...]:
    return tuple(v.lower() for v in models.load("checks_period.yaml")["build_verbs"])


@lru_cache(maxsize=1)
def _other_words_re() -> re.Pattern:
    words = sorted((fold(w) for w in models.load("checks_period.yaml")["other_period_words"]), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})\s*$")


def _other_period_before(text: str, pos: int) -> bool:
    """Words just before a period that make it someone else's ("tổng kết năm học ...")."""
    return bool(_other_words_re().search(fold(text[max(0, pos - 30):pos]) + " "))


# what every target head holds, "chỉ tiêu" in any case, tried at its rare "ỉ"
_I_HOOK = ci("ỉ")
_CHI_TIEU = re.compile(_I_HOOK + "(?<=" + ci("c") + ci("h") + ".)(?i: tiêu)")


def _targets_headings(ctx: Context, rx: re.Pattern):
    """rx.finditer(text, body_start, body_end) for the targets heading: a match is a whole line
    from its start (`(?m)^`) and holds "chỉ tiêu", so it is tried at the start of each body line
    that holds one, and there only."""
    text, lo, hi = ctx.text, ctx.body_start, ctx.body_end
    for a, _ in lines_at(text, char_positions(text, _I_HOOK), _CHI_TIEU):
        if a < lo:
            continue  # finditer from body_start finds "^" at line starts from there on
        if a > hi:
            return
        m = rx.match(text, a, hi)
        if m:
            yield m


def _first_own_period(text: str, start: int, end: int) -> PeriodValue | None:
    for p in find_periods(text, start, end, months=True):
        if not _other_period_before(text, p.span[0]):
            return p
        return None  # the first period named belongs to something else: the clause is not self-naming
    return None


def _candidates(ctx: Context) -> Iterator[tuple[str, int, PeriodValue]]:
    text = ctx.text
    pats = _patterns()
    body0 = ctx.body_start
    # a closing sentence starts at a "trên" (engine.t_words)
    for m in finditer_at(pats["closing"], text, [p for p in t_words(ctx)["trên"] if p >= body0]):
        p = _first_own_period(text, m.start("rest"), m.end("rest"))
        if p:
            yield "closing", m.start(), p
    built = pats["built"]
    at = word_places(ctx, _build_verbs(), body0)  # where a verb starts, in the lower-cased text
    for m in (built.finditer(text, body0) if at is None else finditer_at(built, text, at)):
        rest_end = m.end("rest")
        if not pats["as_follows"].search(text, m.start("rest"), rest_end):
            continue  # "xây dựng kế hoạch kiểm tra năm 2024" is some other plan
        p = _first_own_period(text, m.start("rest"), rest_end)
        if p:
            yield "built", m.start(), p
    for m in _targets_headings(ctx, pats["targets_heading"]):
        p = _first_own_period(text, m.start("rest"), m.end("rest"))
        # a heading: short, and the period closes it ("Chỉ tiêu năm 2023 đạt 100%" is a result)
        if p and len(m.group(0).strip()) <= 100 and not text[p.span[1]:m.end()].strip(" \t:.;"):
            yield "targets_heading", m.start() + len(m.group(0)) - len(m.group(0).lstrip()), p
    yield from _repeated_title(ctx)


def _title_stem(title: str) -> str:
    stem = fold(title)
    for p in sorted(find_periods(stem), key=lambda p: -p.span[0]):
        stem = stem[:p.span[0]] + stem[p.span[1]:]
    return " ".join(stem.split())


def _repeated_title(ctx: Context) -> Iterator[tuple[str, int, PeriodValue]]:
    """A body line that repeats the title (its words without the period) with a period."""
    title = ctx.doc.title
    if not title:
        return
    stem = _title_stem(title)
    if len(stem) < 8:
        return
    text = ctx.text
    pos = ctx.body_start
    end = ctx.body_end
    lines = text[pos:end].split("\n")
    offs = []
    o = pos
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s or len(s) > len(title) + 40:
            continue
        f = fold(s)
        if not f.startswith(stem):
            continue
        if _title_stem(s).strip(" .:;") != stem:
            continue  # the title's words plus more: a sentence about some plan, not the title
        line_start = offs[i] + (len(ln) - len(ln.lstrip()))
        p = next(iter(find_periods(text, offs[i], offs[i] + len(ln))), None)
        if p is None:  # the period on the next non-blank line ("NĂM HỌC 2023-2024")
            for j in range(i + 1, min(i + 3, len(lines))):
                nxt = lines[j].strip()
                if not nxt:
                    continue
                q = next(iter(find_periods(text, offs[j], offs[j] + len(lines[j]))), None)
                if q is not None and len(nxt) <= len(q.text) + 2:
                    p = q
                break
        if p is not None:
            yield "repeated_title", line_start, p


# a report "kết quả tháng 4 và phương hướng, nhiệm vụ tháng 5": its results part heads the first
# month, its tasks part the second
_TASKS_TITLE = re.compile(r"(?i)(?:phương[ \t]+hướng|nhiệm[ \t]+vụ|kế[ \t]+hoạch)[^\n]{0,40}$")
_PART_HEAD = re.compile(r"(?i)^(?:một[ \t]+số[ \t]+|các[ \t]+|đánh[ \t]+giá[ \t]+)?(?:(?P<res>kết[ \t]+quả|tình[ \t]+hình)|"
                        r"(?P<task>phương[ \t]+hướng|nhiệm[ \t]+vụ))(?![^\W\d_])")


def _two_part_months(ctx: Context) -> tuple[int, int] | None:
    """(results month, tasks month), as year * 12 + month - 1, of a report whose title names the
    month past and, after "phương hướng" or "nhiệm vụ", the month to come."""
    per, title = ctx.doc.period, ctx.doc.title or ""
    own = month_range(per)
    if per is None or per.kind != "month" or own is None or own[1] != own[0] + 1:
        return None
    ms = [p for p in find_periods(title, months=True) if p.kind == "month"]
    if len(ms) != 2 or not _TASKS_TITLE.search(title[:ms[1].span[0]]):
        return None
    return own


def _part_headings(ctx: Context) -> Iterator[tuple[str, int, PeriodValue, int]]:
    """Top part headings of a two-month report that name the other part's month: the tasks
    part headed with the month reported on, or the results with the month to come."""
    months = _two_part_months(ctx)
    if months is None:
        return
    text = ctx.text
    for s in ctx.doc.sections:
        m = _PART_HEAD.match(s.heading or "")
        if not m:
            continue
        p = next((q for q in find_periods(text, s.heading_start, s.heading_end, months=True) if q.kind == "month"), None)
        if p is None:
            continue
        want = months[1] if m.group("task") else months[0]
        named = (p.start or want // 12) * 12 + p.month - 1
        if named != want:
            yield "part_heading", s.heading_start, p, want


_TERM_RE = re.compile(r"(?i)nhiệm[ \t]*k[ỳì][ \t]*:?[ \t]*\(?(?P<y1>\d{4})[ \t]*[-–—][ \t]*(?P<y2>\d{4})")


def _own_span(ctx: Context) -> tuple[int, int] | None:
    """(first year, last year) of a term or school year the title names."""
    per = ctx.doc.period
    if per is None or per.kind not in ("term_of_office", "school_year") or not per.start or not per.end:
        return None
    try:
        return int(per.start[:4]), int(per.end[:4])
    except ValueError:
        return None


def _cover(ctx: Context) -> Iterator[tuple[str, int, PeriodValue]]:
    """A cover page (the lines before the title) that repeats the title's words before its
    period ("... công tác công đoàn / nhiệm kì 2010-2012") with another term or school year:
    a cover kept from an earlier year's document."""
    title, per, text = ctx.doc.title or "", ctx.doc.period, ctx.text
    own = _own_span(ctx)
    if own is None or not per.text or per.text not in title:
        return
    lead = fold(title[:title.index(per.text)]).split()[-3:]
    # where the title stands: the last place its first words are found before the body
    head = re.compile(r"\s+".join(map(re.escape, title.split()[:3])))
    cut = max((m.start() for m in head.finditer(text, 0, ctx.body_start)), default=-1)
    if len(lead) < 3 or cut <= 0:
        return
    rx = _TERM_RE if per.kind == "term_of_office" else PERIOD_RE
    for m in rx.finditer(text, 0, cut):
        if not m.group("y2"):
            continue
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if per.kind == "school_year" and y2 != y1 + 1:
            continue  # "năm 2021 - 2025": a span of years, no school year
        if fold(text[max(0, m.start() - 80):m.start()]).split()[-3:] != lead or (y1, y2) == own:
            continue
        start = m.start()
        for _ in range(3):  # the excerpt opens at the repeated words
            start = len(text[:start].rstrip()) - len(text[:start].rstrip().split()[-1])
        yield "cover", start, PeriodValue(per.kind, y1, y2, (m.start(), m.end()), m.group(0))


WHERE = {
    "closing": ("câu kết", "closing sentence"),
    "built": ("câu “xây dựng ... như sau”", "'drawn up as follows' sentence"),
    "targets_heading": ("tiêu đề phần chỉ tiêu", "targets heading"),
    "repeated_title": ("tên văn bản nhắc lại trong thân", "title repeated in the body"),
    "part_heading": ("tiêu đề phần", "part heading"),
    "cover": ("trang bìa", "cover page"),
}


@rule("period-mismatch", "error", "the document names itself with a period other than its title's",
      "văn bản tự gọi tên với thời kỳ khác thời kỳ ở tiêu đề")
def period_mismatch(ctx: Context):
    own_label = ctx.doc.period.text if ctx.doc.period else ""
    for where, start, p in _cover(ctx):
        vi, en = WHERE[where]
        yield Hit(start, p.span[1], f"Văn bản tự gọi là “{p.text}” ({vi}) nhưng tiêu đề ghi “{own_label}”",
                  f"the document calls itself '{p.text}' ({en}) but its title says '{own_label}'",
                  {"named": p.text, "own": own_label, "where": where, "period_start": p.span[0]})
    own = doc_period(ctx.doc.period)  # a year or a school year
    own_m = month_range(ctx.doc.period)  # any period, in months: a named month is compared this way
    if own is None and (own_m is None or ctx.doc.period.kind not in ("month", "quarter")):
        return
    for where, start, p in _candidates(ctx):
        if where == "repeated_title" and p.kind == "month":
            continue
        if p.kind == "month" or own is None:
            if own_m is None or not disagrees_months(own_m, p):
                continue
        elif not disagrees(own, p):
            continue
        vi, en = WHERE[where]
        yield Hit(
            start, p.span[1],
            f"Văn bản tự gọi là “{p.text}” ({vi}) nhưng tiêu đề ghi “{own_label}”",
            f"the document calls itself '{p.text}' ({en}) but its title says '{own_label}'",
            {"named": p.label, "own": own_label, "where": where, "period_start": p.span[0]},
        )
    for where, start, p, want in _part_headings(ctx):
        vi, en = WHERE[where]
        label = f"tháng {want % 12 + 1}/{want // 12}"
        yield Hit(
            start, p.span[1],
            f"Phần “{ctx.text[start:p.span[1]]}” ({vi}) ghi “{p.text}”, nhưng theo tiêu đề “{own_label}” phần này là {label}",
            f"the part '{ctx.text[start:p.span[1]]}' ({en}) names '{p.text}', but by the title '{own_label}' it is {label}",
            {"named": p.label, "own": own_label, "where": where, "period_start": p.span[0]},
        )
