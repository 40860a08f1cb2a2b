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


def assemble(raw: RawDocument) -> tuple[str, list[Block]]:
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for rb in raw.blocks:
        text = clean(rb.text)
        for line in text.split("\n"):
            line = tidy_spaces(line)
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
