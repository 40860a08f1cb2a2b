"""RawDocument -> the one normalized text, with a `Block` (offsets + provenance) per line.

Each raw block is cleaned (NFC, spaces), split at line breaks, and appended as its own line
of the text. Lines that are only page furniture (a bare page number, "Trang 2/5", "- 3 -")
are dropped here so that no later stage sees them.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Optional

from pydantic import TypeAdapter, ValidationError

from kehoach.parser.readers.base import RawDocument
from kehoach.parser.schema import Block
from kehoach.parser.text.normalize import clean
from kehoach.parser.text.rebreak import Rebreaker

PAGE_FURNITURE = re.compile(
    r"^(?:\d{1,3}|-\s*\d{1,3}\s*-|[Tt]rang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|Page\s+\d+(?:\s+of\s+\d+)?)$"
)


# In a plan that arrives as one paragraph, headings and bullets follow a sentence end
# inline: "... như sau: 1. Nhiệm vụ trọng tâm 1.1. Tổ chức ... - Phấn đấu ...".
RUN_ON_BREAK = re.compile(
    r"(?<=[.;:!?…”\")])\s+(?=(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[IVXLC]{1,5}(?:[.)]|\s?[-–](?=\s))|[a-zđ]\)|[A-ZĐ]\.|"
    r"(?:CHƯƠNG TRÌNH|PHẦN|Phần|MỤC|QUÝ)\s+(?:THỨ|thứ|[IVXLC]{1,5}\b|\d)|[-+•]\s)\s*[A-ZĐÀ-Ỹ0-9])"
)
# A heading has no closing punctuation, so the numbering after it follows a bare word:
# "... 1. Nhiệm vụ trọng tâm 1.1. Tổ chức ...". Only numbers a sentence does not end with,
# and "+" items (prose does not use "+" as a dash).
RUN_ON_BARE = re.compile(r"(?<=[^\W_])\s+(?=\+\s+[A-ZĐÀ-Ỹ])|(?<=[^\W\d_])\s+(?=\d{1,2}(?:\.\d{1,2}){0,3}\.\s+[A-ZĐÀ-Ỹ])")
RUN_ON_MIN = 1200

# Literal markup a document-sharing site left in its text: the page counter it inserts
# ("<span class='text_page_counter'>(1)</span>") goes with its content, other tags and
# entities ("<p>", "&nbsp;") become what they stand for.
PAGE_COUNTER = re.compile(r"<span[^<>]{0,40}page_counter[^<>]{0,40}>[^<>]{0,12}</span>", re.I)
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,200})?/?>")
ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


# what is left of a page counter: "(1)CÔNG ĐOÀN ...", "1PHÒNG GD&ĐT ..."
LEADING_COUNTER = re.compile(r"^(?:\(\d{1,3}\)(?=[A-ZĐÀ-Ỹ])|Trang\s*\d{1,3}(?=[A-ZĐÀ-Ỹ])|\d{1,3}(?=[A-ZĐÀ-Ỹ]{2}))")  # "Trang 1Trường ..." too


LITERAL_ESCAPES = re.compile(r"(?:\\[rnt])+")  # "\r\n" a page's script left as text


def _uncount(line: str) -> str:
    """LEADING_COUNTER.sub("", line), the regex called only when the first char can open it."""
    c = line[:1]
    return LEADING_COUNTER.sub("", line) if c == "(" or c == "T" or c.isdecimal() else line


def strip_markup(line: str) -> str:
    line = _uncount(LITERAL_ESCAPES.sub(" ", line).strip()) if "\\" in line else _uncount(line)
    if "<" not in line and "&" not in line:
        return line
    line = TAG.sub(" ", PAGE_COUNTER.sub(" ", line))
    return ENTITY.sub(lambda m: html.unescape(m.group()), line).replace("\xa0", " ")


RUN_ON_FEW_LINES = 5  # a document of so few lines is a plan that lost its line breaks ...
RUN_ON_MIN_FEW = 300  # ... so its shorter lines are run-on too


# opens with its digit so sre skips to digits in C; the look back after it is the old
# "(?:^|(?<=\s))" in front of it (start of line or white space before the number)
INLINE_ITEM = re.compile(r"(?P<n>\d(?<!\S\d)\d?)\)\s+(?=[A-ZĐÀ-Ỹ])")


def split_inline_list(line: str) -> list[str]:
    """A numbered list a page ran onto one line ("1) Ông A - Chủ tịch 2) Ông B - Phó Chủ tịch
    3) ..."): split before each item when the numbers run 1, 2, 3 ... (three at least)."""
    if ")" not in line:
        return [line]
    hits = list(INLINE_ITEM.finditer(line))
    if len(hits) < 3:
        return [line]
    run = [h for k, h in enumerate(hits) if int(h.group("n")) == k + 1]
    if len(run) != len(hits) or hits[0].start() != 0:
        return [line]
    bounds = [h.start() for h in hits] + [len(line)]
    return [line[a:b].strip() for a, b in zip(bounds, bounds[1:]) if line[a:b].strip()]


def split_run_on(line: str, min_len: int = RUN_ON_MIN, flat: Optional[Rebreaker] = None) -> list[str]:
    """Split an over-long line (a whole plan as one paragraph) at inline headings and bullets.
    A line of a flattened document (`flat`, which follows its outline from line to line) is
    only cut at the outline numbers whose sequence shows they lost their line break."""
    if len(line) < min_len:
        if flat is None:
            return split_inline_list(line)
        return [r for p in flat.cut(line) for r in split_inline_list(p)]
    pieces = (flat or Rebreaker()).cut(line)
    return [r for piece in pieces for p in RUN_ON_BREAK.split(piece) for q in RUN_ON_BARE.split(p) if q.strip()
            for r in split_inline_list(q.strip())]


FLAT_LINE = 250  # a line this long is a paragraph, or a page that lost its line breaks ...
FLAT_SHARE = 0.6  # ... and when such lines hold this share of the text, the document was flattened
# a short line that opens with an outline number: three of them, and the document kept its line breaks
OUTLINE_LINE = re.compile(r"^(?:[IVXLC]{1,5}|[A-ZĐ]|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*[./)\-–]\s*[A-ZĐÀ-Ỹ]")


def flattened(lines: list[str]) -> bool:
    """True when most of the document's text sits in long lines (a document-sharing site's
    preview or a web excerpt: site chrome in short lines, the document in one or two) and its
    headings do not open lines of their own."""
    total = sum(len(ln) for ln in lines)
    long = sum(len(ln) for ln in lines if len(ln) >= FLAT_LINE)
    return bool(total) and long >= FLAT_SHARE * total and sum(1 for ln in lines if len(ln) < 150 and OUTLINE_LINE.match(ln)) < 3


def _tidy(s: str) -> str:
    """tidy_spaces(s): runs of spaces made one (halving them with str.replace, not a regex call)."""
    while "  " in s:
        s = s.replace("  ", " ")
    return s.strip()


def _furniture(line: str) -> bool:
    """PAGE_FURNITURE matches, the regex called only when the first char can open it."""
    c = line[:1]
    return (c.isdecimal() or c == "-" or c == "T" or c == "t" or c == "P") and PAGE_FURNITURE.match(line) is not None


def assemble(raw: RawDocument) -> tuple[str, list[Block]]:
    parts: list[str] = []
    rows: list[dict] = []  # each line's Block fields
    pos = 0
    raw_lines = [s for rb in raw.blocks for ln in rb.text.split("\n") if (s := ln.strip())]
    min_len = RUN_ON_MIN_FEW if len(raw_lines) <= RUN_ON_FEW_LINES else RUN_ON_MIN
    rebreaker = Rebreaker() if flattened(raw_lines) else None
    for rb in raw.blocks:
        text = clean(rb.text)
        flat = rebreaker if rb.table is None else None
        for ln in text.split("\n"):
            ln = _tidy(strip_markup(ln))
            # split_run_on's case of a short line of no flattened document, without a call
            run_on = flat is not None or len(ln) >= min_len or ")" in ln
            for line in (split_run_on(ln, min_len, flat) if run_on else (ln,)):
                line = line.strip()
                # a bare number inside a table is a value (a table of digits), never a page number
                if not line or (rb.table is None and _furniture(line)):
                    continue
                if parts:
                    pos += 1  # the "\n" between lines
                start = pos
                parts.append(line)
                pos += len(line)
                rows.append(dict(
                    start=start, end=pos, kind=rb.kind, page=rb.page, index=len(rows),
                    table=rb.table, row=rb.row, col=rb.col, style=rb.style,
                    outline_level=rb.outline_level, bold=rb.bold, numbering=rb.numbering,
                    confidence=rb.confidence,
                ))
    return "\n".join(parts), _blocks(rows)


@lru_cache(maxsize=1)
def _block_list() -> TypeAdapter:
    return TypeAdapter(list[Block])


def _blocks(rows: list[dict]) -> list[Block]:
    """[Block(**r) for r in rows]: the same validation (Block's own schema) in one call for the
    list, without BaseModel.__init__ per block (~1/3 of a block's ~29 k instructions). A row it
    rejects is built again one by one, so the error raised is the one Block(**r) raises."""
    try:
        return _block_list().validate_python(rows)
    except ValidationError:
        return [Block(**r) for r in rows]
