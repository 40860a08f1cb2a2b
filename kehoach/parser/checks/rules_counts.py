"""Arithmetic a reader would check: announced counts against the items listed, totals against
their parts, percentages of people over 100, ranges whose lower bound exceeds the upper."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from kehoach import models
from kehoach.parser.checks.engine import Context, Hit, rule
from kehoach.parser.text.normalize import fold

_W = r"[^\W\d_]"


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return models.load("checks_counts.yaml")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _announce_re() -> re.Pattern:
    c = _cfg()
    nums = _alt(list(c["number_words"]))
    return re.compile(
        rf"(?i)(?<![\w.,/%])(?P<n>\d{{1,2}}|{nums})[ \t]+(?P<noun>{_alt(c['list_nouns'])})(?!{_W})"
        rf"(?P<tail>[^\n:;.]{{0,80}}):[ \t]*(?P<inline>[^\n]*)")


def _number(s: str) -> Optional[int]:
    s = fold(s)
    if s.isdigit():
        return int(s)
    return {fold(k): v for k, v in _cfg()["number_words"].items()}.get(s)


_ITEM = re.compile(r"^[ \t]*(?:(?P<bullet>[-+•·*–—►▪❖✓])|(?P<num>\d{1,2}[.)])|(?P<let>[a-zđ][).])|(?P<rom>[IVX]{1,4}[.)]))[ \t]*\S")


def _marker(line: str) -> Optional[str]:
    m = _ITEM.match(line)
    if not m:
        return None
    if m.group("bullet"):
        return "bullet:" + m.group("bullet")
    return next(k for k in ("num", "let", "rom") if m.group(k))


def _count_list(text: str, pos: int) -> Optional[int]:
    """Items of the list that starts on the line after `pos`; None when the list's end is unclear."""
    nl = text.find("\n", pos)
    if nl == -1:
        return None
    lines = text[nl + 1:nl + 1 + 6000].split("\n")
    first = None
    count = 0
    blank_run = 0
    for ln in lines:
        if not ln.strip():
            blank_run += 1
            continue
        mk = _marker(ln)
        if first is None:
            if mk is None:
                return None  # no list follows
            first = mk
        if mk == first:
            count += 1
            blank_run = 0
            continue
        if mk is not None:
            continue  # a nested item (+ under -)
        # a plain line ends the list; unless more items of the same kind follow right after it
        return count
    return count if first else None


@rule("count-mismatch", "warning", "an announced count disagrees with the items listed, or a total with its parts",
      "số lượng công bố không khớp số mục liệt kê, hoặc tổng không khớp các thành phần")
def count_mismatch(ctx: Context):
    text = ctx.text
    for m in _announce_re().finditer(text):
        n = _number(m.group("n"))
        if n is None or n < 2:
            continue
        inline = m.group("inline").strip()
        if inline:
            if ";" not in inline:
                continue  # one item or a comma list: cannot tell where items end
            got = len([x for x in re.split(r";", inline.rstrip(" .;")) if x.strip()])
            how = "inline"
        else:
            got = _count_list(text, m.end())
            how = "list"
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


def _chapter_count(ctx: Context):
    """'gồm 7 chương trình' in the preamble against the CHƯƠNG TRÌNH n sections."""
    tops = [s for s in ctx.doc.sections if s.style == "chapter" and fold(s.number or "").startswith("chương trình")]
    if len(tops) < 2:
        return
    first = tops[0].heading_start
    c = _cfg()
    rx = re.compile(rf"(?i)(?:{_alt(c['chapter_leads'])})[ \t]+(?P<n>\d{{1,2}}|{_alt(list(c['number_words']))})[ \t]+chương[ \t]+trình(?!{_W})")
    for m in rx.finditer(ctx.text, ctx.body_start, first):
        n = _number(m.group("n"))
        if n is not None and n != len(tops):
            yield Hit(m.start("n"), m.end(), f"Văn bản nêu {m.group('n')} chương trình nhưng có {len(tops)} chương trình",
                      f"the document announces {m.group('n')} programmes but has {len(tops)}",
                      {"announced": n, "listed": len(tops), "noun": "chương trình", "how": "sections"})


_TOTAL = re.compile(r"(?i)(?<!\w)tổng[ \t]+số(?P<what>[^\d\n:.;]{0,40}?)[ \t]*(?::|là)?[ \t]*(?P<t>\d{1,5})(?![\d%]|[.,]\d)"
                    r"(?P<tail>[^\n]{0,140})")
_PART = {
    "nữ": re.compile(r"(?i)(?<!\w)nữ[ \t]*(?::|là)?[ \t]*(?P<v>\d{1,5})(?![\d%])|(?<![\d.,])(?P<v2>\d{1,5})[ \t]*(?:đồng chí|đ/c|người|đoàn viên)?[ \t]*nữ(?!\w)"),
    "nam": re.compile(r"(?i)(?<!\w)nam[ \t]*(?::|là)?[ \t]*(?P<v>\d{1,5})(?![\d%])|(?<![\d.,])(?P<v2>\d{1,5})[ \t]*(?:đồng chí|đ/c|người|đoàn viên)?[ \t]*nam(?!\w)"),
}


def _totals(ctx: Context):
    for m in _TOTAL.finditer(ctx.text):
        tail = m.group("tail")
        cut = re.search(r"\.(?:\s|$)|tổng[ \t]+số", tail, re.I)
        if cut:
            tail = tail[:cut.start()]
        total = int(m.group("t"))
        parts: dict[str, int] = {}
        ends = []
        for k, rx in _PART.items():
            pm = rx.search(tail)
            if pm:
                parts[k] = int(pm.group("v") or pm.group("v2"))
                ends.append(pm.end())
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


@lru_cache(maxsize=1)
def _pct_re() -> re.Pattern:
    return re.compile(rf"(?i)(?<![\d.,])(?P<v>\d{{3,4}}(?:[.,]\d+)?)[ \t]*%[ \t]+(?P<who>{_alt(_cfg()['people'])})(?!{_W})")


@rule("percent-over-100", "warning", "a share of people above 100% ('105% đoàn viên')",
      "tỉ lệ người vượt quá 100%")
def percent_over_100(ctx: Context):
    for m in _pct_re().finditer(ctx.text):
        v = float(m.group("v").replace(",", "."))
        if v <= 100:
            continue
        yield Hit(m.start(), m.end(), f"Tỉ lệ {m.group('v')}% {m.group('who')} vượt quá 100%",
                  f"{m.group('v')}% of {m.group('who')} is more than all of them", {"value": v})


@lru_cache(maxsize=1)
def _range_re() -> re.Pattern:
    units = _alt(_cfg()["range_units"])
    return re.compile(rf"(?i)(?:(?<!\w)từ[ \t]+(?P<a>\d{{1,4}})[ \t]+(?:đến|tới)[ \t]+(?P<b>\d{{1,4}})"
                      rf"|(?<![\w.,/])(?P<a2>\d{{1,4}})[ \t]*[\-–][ \t]*(?P<b2>\d{{1,4}}))[ \t]+(?P<unit>{units})(?!{_W})")


@rule("range-inverted", "warning", "a range whose lower bound exceeds the upper ('từ 5 đến 3 đảng viên')",
      "khoảng giá trị có cận dưới lớn hơn cận trên")
def range_inverted(ctx: Context):
    for m in _range_re().finditer(ctx.text):
        a = int(m.group("a") or m.group("a2"))
        b = int(m.group("b") or m.group("b2"))
        if a <= b:
            continue
        written = " ".join(m.group(0).split())
        yield Hit(m.start(), m.end(), f"Khoảng “{written}”: {a} lớn hơn {b}", f"range '{written}': {a} is above {b}",
                  {"min": a, "max": b})
