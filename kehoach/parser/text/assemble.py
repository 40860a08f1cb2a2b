"""RawDocument -> the one normalized text, with a `Block` (offsets + provenance) per line.

Each raw block is cleaned (NFC, spaces), split at line breaks, and appended as its own line
of the text. Lines that are only page furniture (a bare page number, "Trang 2/5", "- 3 -")
are dropped here so that no later stage sees them.
"""
from __future__ import annotations

import re

from kehoach.parser.readers.base import RawDocument
from kehoach.parser.schema import Block
from kehoach.parser.text.normalize import clean, tidy_spaces

PAGE_FURNITURE = re.compile(
    r"^(?:\d{1,3}|-\s*\d{1,3}\s*-|[Tt]rang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|Page\s+\d+(?:\s+of\s+\d+)?)$"
)


# In a plan that arrives as one paragraph, headings and bullets follow a sentence end
# inline: "... như sau: 1. Nhiệm vụ trọng tâm 1.1. Tổ chức ... - Phấn đấu ...".
RUN_ON_BREAK = re.compile(
    r"(?<=[.;:!?…”\"])\s+(?=(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[IVXLC]{1,5}[.)]|[a-zđ]\)|[A-ZĐ]\.|"
    r"(?:CHƯƠNG TRÌNH|PHẦN|Phần|MỤC)\s+\w+|[-+•]\s)\s*[A-ZĐÀ-Ỹ0-9])"
)
RUN_ON_MIN = 1200


def split_run_on(line: str) -> list[str]:
    """Split an over-long line (a whole plan as one paragraph) at inline headings and bullets."""
    if len(line) < RUN_ON_MIN:
        return [line]
    return [p for p in RUN_ON_BREAK.split(line) if p.strip()]


def assemble(raw: RawDocument) -> tuple[str, list[Block]]:
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for rb in raw.blocks:
        text = clean(rb.text)
        for line in (piece for ln in text.split("\n") for piece in split_run_on(tidy_spaces(ln))):
            line = line.strip()
            if not line or PAGE_FURNITURE.match(line):
                continue
            if parts:
                pos += 1  # the "\n" between lines
            start = pos
            parts.append(line)
            pos += len(line)
            blocks.append(
                Block(
                    start=start, end=pos, kind=rb.kind, page=rb.page, index=len(blocks),
                    table=rb.table, row=rb.row, col=rb.col, style=rb.style,
                    outline_level=rb.outline_level, bold=rb.bold, numbering=rb.numbering,
                    confidence=rb.confidence,
                )
            )
    return "\n".join(parts), blocks
