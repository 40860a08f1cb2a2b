"""numbering-gap / numbering-duplicate over the section tree (doc.sections)."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from kehoach.parser.checks.engine import Context, Hit, rule
from kehoach.parser.schema import Section
from kehoach.parser.segment import ORDINALS, letter_value, roman_value
from kehoach.parser.text.normalize import fold

LATIN = "abcdefghijklmnopqrstuvwxyz"
CALENDAR_STYLES = {"quarter", "month"}  # a schedule may legitimately skip a month


def _lists(sections: list[Section]) -> Iterator[list[Section]]:
    yield sections
    for s in sections:
        yield from _lists(s.children)


def _ordinal(s: Section) -> Optional[tuple[str, tuple[int, ...]]]:
    """(key, values): key groups comparable siblings; values are the ordinal under several alphabets."""
    num = (s.number or "").strip()
    if not num or s.style in CALENDAR_STYLES:
        return None
    if s.style == "arabic":
        parts = re.findall(r"\d+", num)
        return (f"arabic:{len(parts)}", (int(parts[-1]),)) if parts else None
    if s.style in ("upper", "lower"):
        m = re.search(r"[A-Za-zĐđ](?=\W*$)", num)
        if not m:
            return None
        ch = m.group(0).lower()
        vals = tuple(v for v in (letter_value(ch), LATIN.index(ch) + 1 if ch in LATIN else None) if v)
        return (s.style, vals) if vals else None
    tok = num.split()[-1].strip(".:)-–")
    if tok.isdigit():
        return s.style, (int(tok),)
    v = roman_value(tok) or ORDINALS.get(fold(tok))
    return (s.style, (v,)) if v else None


def _heading_span(s: Section) -> tuple[int, int]:
    return s.heading_start, max(s.heading_end, s.heading_start + 1)


@rule("numbering-gap", "warning", "section numbers skip (1.1, 1.2, 1.4)", "số thứ tự mục bị nhảy cóc")
def numbering_gap(ctx: Context):
    yield from _numbering(ctx, "gap")


@rule("numbering-duplicate", "warning", "a section number repeats (two 2.3)", "số thứ tự mục bị lặp")
def numbering_duplicate(ctx: Context):
    yield from _numbering(ctx, "duplicate")


def _numbering(ctx: Context, want: str):
    for sibs in _lists(ctx.doc.sections):
        prev: Optional[tuple[Section, str, tuple[int, ...]]] = None
        for s in sibs:
            o = _ordinal(s)
            if o is None:
                prev = None
                continue
            key, vals = o
            if prev is not None and prev[1] == key:
                pvals = prev[2]
                pairs = list(zip(pvals, vals)) or [(pvals[0], vals[0])]
                same = any(a == b for a, b in pairs)
                # a gap only when every alphabet agrees (a, b, c, d, e skips the Vietnamese đ)
                gap = all(b > a + 1 for a, b in pairs)
                start, end = _heading_span(s)
                pnum, num = prev[0].number, s.number
                if want == "duplicate" and same:
                    yield Hit(start, end, f"Số mục “{num}” bị lặp (mục trước cũng là “{pnum}”)",
                              f"section number '{num}' repeats the previous '{pnum}'",
                              {"number": num, "previous": pnum})
                elif want == "gap" and gap:
                    yield Hit(start, end, f"Số mục nhảy từ “{pnum}” sang “{num}”",
                              f"section numbering jumps from '{pnum}' to '{num}'",
                              {"number": num, "previous": pnum, "missing": max(0, pairs[0][1] - pairs[0][0] - 1)})
            prev = (s, key, vals)
