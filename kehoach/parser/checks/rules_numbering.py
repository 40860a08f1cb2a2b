"""numbering-gap / numbering-duplicate over the section tree (doc.sections)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

from kehoach.parser.checks.engine import Context, Hit, rule
from kehoach.parser.schema import Section
from kehoach.parser.segment import ORDINALS, VI_LOWER_LETTERS, letter_value, roman_value
from kehoach.parser.text.normalize import fold

LATIN = "abcdefghijklmnopqrstuvwxyz"
CALENDAR_STYLES = {"quarter", "month"}  # a schedule may legitimately skip a month


def _lists(sections: list[Section]) -> Iterator[list[Section]]:
    yield sections
    for s in sections:
        yield from _lists(s.children)


def _ordinal(s: Section) -> Optional[tuple[str, tuple[int, ...]]]:
    """(key, values): key groups comparable siblings; values are the ordinal under several alphabets.
    The closing sign is part of the key: "1/ 2/ 3/" and "1) 2) 3)" are two lists, not one that repeats."""
    num = (s.number or "").strip()
    if not num or s.style in CALENDAR_STYLES:
        return None
    o = _ordinal_of(s, num)
    return (o[0] + "|" + _CLOSER.get(num[-1], ""), o[1]) if o else None


_CLOSER = {")": ")", "/": "/"}  # "1." and "1" (a heading without its dot) stay one list


def _ordinal_of(s: Section, num: str) -> Optional[tuple[str, tuple[int, ...]]]:
    if s.style == "arabic":
        parts = re.findall(r"\d+", num)
        return (f"arabic:{len(parts)}", (int(parts[-1]),)) if parts else None
    if s.style in ("upper", "lower"):
        m = re.search(r"[A-Za-zĐđ](?=\W*$)", num)
        if not m:
            return None
        ch = m.group(0).lower()
        # (Vietnamese alphabet, Latin alphabet): "f" has no Vietnamese value, "đ" no Latin one
        vals = (letter_value(ch) if ch in VI_LOWER_LETTERS else None, LATIN.index(ch) + 1 if ch in LATIN else None)
        return (s.style, vals) if any(vals) else None
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


# More slips than this of one kind in one document means the outline was not understood (parents
# the segmenter missed, lists restarting under each article), not that the writer slipped.
MAX_PER_DOC = 2


def _numbering(ctx: Context, want: str):
    hits = list(_numbering_hits(ctx, want))
    if len(hits) > MAX_PER_DOC:
        return
    ocr = bool(ctx.doc.source and ctx.doc.source.ocr)
    for h in hits:
        if ocr:  # OCR misreads outline numbers ("III." as "HI.", "V." as "Y."): say so, quietly
            h.severity = "info"
            h.message += " (văn bản OCR: số mục có thể bị đọc sai)"
            h.message_en += " (OCR text: the number may be misread)"
        yield h


def _same_list(sibs: list[Section], ords: dict[int, Optional[tuple[str, tuple[int, ...]]]]) -> bool:
    """Every item carries the same number ("1." "1." "1."): a web page that made each item its own
    list, not a slip."""
    vals = {(ords[id(s)] or ("", ()))[1] for s in sibs}
    return len(sibs) >= 2 and len(vals) == 1


def _caps(s: Section) -> bool:
    h = s.heading or ""
    other, non_alpha, upper = _caps_res()
    if other.search(h) is None:
        # the same counts, by two class scans in C: a heading can be a paragraph long, and
        # filter/map over its chars cost ~150 instructions a char (~0.7 M a plan)
        n = len(h) - _non_alpha_count(h)
        return n >= 4 and len(upper.findall(h)) / n > 0.8
    letters = "".join(filter(str.isalpha, h))
    return len(letters) >= 4 and sum(map(str.isupper, letters)) / len(letters) > 0.8


# Latin (with Vietnamese's letters) and general punctuation: the chars _caps counts by class scans
_CAPS_RANGES = ((0x0000, 0x024F), (0x1E00, 0x1EFF), (0x2000, 0x206F))
_LATIN1_LETTERS = bytes(i for i in range(256) if chr(i).isalpha())


def _non_alpha_count(h: str) -> int:
    """How many chars of `h` (chars of _CAPS_RANGES only) are not str.isalpha: in those ranges they
    are the Latin-1 non-letters and the general punctuation (U+2000-206F, whose UTF-8 opens with
    the byte E2, as no other char of the ranges does): every other char is a letter (tests/
    test_speed_checks25.py). Counted by codecs and bytes methods in C, where the class scan
    (findall) cost ~300 instructions a char."""
    return len(h.encode("latin-1", "ignore").translate(None, _LATIN1_LETTERS)) + h.encode().count(0xE2)


@lru_cache(maxsize=1)
def _caps_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A char outside _CAPS_RANGES; within them, a char that is not str.isalpha; one that is
    isalpha and isupper (each class lists its chars: exactly what the str methods say)."""
    chars = [chr(i) for a, b in _CAPS_RANGES for i in range(a, b + 1)]
    other = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in _CAPS_RANGES)

    def cls(keep) -> re.Pattern:
        return re.compile("[" + "".join(re.escape(c) for c in chars if keep(c)) + "]")

    return (re.compile(f"[^{other}]"), cls(lambda c: not c.isalpha()), cls(lambda c: c.isalpha() and c.isupper()))


def _outline(ctx: Context):
    """The sibling lists, each section's ordinal, and whether the page renumbered its lists:
    computed once for both rules."""
    def make():
        lists = list(_lists(ctx.doc.sections))
        ords = {id(s): _ordinal(s) for sibs in lists for s in sibs}
        same_lists = [sibs for sibs in lists if _same_list(sibs, ords)]
        # one list of two items both numbered 1. may be a slip; three, or two such lists, are the page's doing
        renumbered = len(same_lists) >= 2 or any(len(sibs) >= 3 for sibs in same_lists)
        return lists, ords, renumbered
    return ctx.cached("numbering_outline", make)


def _nested_restart(prev: Section, vals: tuple[int, ...]) -> bool:
    """"1. A / 1.1. B / 1. C": a list restarting at 1 after a section whose items are numbered 1.1.
    is a list under 1.1 whose "1.1.1." the page wrote "1.", not a second item 1."""
    return 1 in vals and any(c.style == "arabic" and "." in (c.number or "").strip(". ") for c in prev.children)


def _late_start(ctx: Context) -> Iterator[Hit]:
    """The body's top outline opens at II. with no I. before it: the first part was dropped (or
    its number). Only the top list in Roman numerals, the parts of a report or plan, is read:
    a list of items may begin where a cited document's list did, and a web excerpt of a charter
    at its chapter VI."""
    tops = ctx.doc.sections
    if not tops or tops[0].style != "roman" or not ctx.doc.title:
        return
    o = _ordinal(tops[0])
    if o is None or o[1][0] not in (2, 3):
        return
    s = tops[0]
    start, end = _heading_span(s)
    yield Hit(start, end, f"Phần đầu tiên của văn bản mang số “{s.number}”, thiếu phần trước nó",
              f"the first part is numbered '{s.number}': the parts before it are missing",
              {"number": s.number, "previous": None, "missing": o[1][0] - 1})


def _numbering_hits(ctx: Context, want: str):
    lists, ords, renumbered = _outline(ctx)
    caps: dict[int, bool] = ctx.cached("numbering_caps", dict)  # each heading judged once for both rules

    def caps_of(s: Section) -> bool:
        if id(s) not in caps:
            caps[id(s)] = _caps(s)
        return caps[id(s)]
    if want == "gap":
        yield from _late_start(ctx)
    for sibs in lists:
        if want == "duplicate" and renumbered and _same_list(sibs, ords):
            continue
        prev: Optional[tuple[Section, str, tuple[int, ...]]] = None
        for s in sibs:
            o = ords[id(s)]
            if o is None:
                prev = None
                continue
            key, vals = o
            if prev is not None and prev[1] == key:
                pvals = prev[2]
                pairs = [(a, b) for a, b in zip(pvals, vals) if a and b]
                if not pairs:
                    prev = (s, key, vals)
                    continue
                if caps_of(prev[0]) != caps_of(s):
                    prev = (s, key, vals)
                    continue  # "1. ĐẶC ĐIỂM" then "1. Những thuận lợi": a heading and its first item
                same = any(a == b for a, b in pairs) and not _nested_restart(prev[0], vals)
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
