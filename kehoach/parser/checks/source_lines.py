"""Map offsets in the normalized text back to line:column of a plain-text source file.

The normalized text drops blank lines and may split a line at a wide column gap, so its line
numbers differ from the file's; an editor opening `plan.txt:245:1` wants the file's. Only for
text sources (docx/pdf have no lines of their own; there the normalized text's lines are used).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Optional

from kehoach.parser.schema import PlanDocument
from kehoach.parser.text.normalize import clean

Locator = Callable[[int], Optional[tuple[int, int]]]


def source_locator(path: str | Path, doc: PlanDocument) -> Optional[Locator]:
    if doc.source.format != "txt" or not doc.text:
        return None
    try:
        from kehoach.parser.readers.txt import decode

        src, _ = decode(Path(path).read_bytes(), str(path))
    except Exception:  # the source moved or cannot be decoded again: keep normalized coordinates
        return None
    src_lines = clean(src).split("\n")
    norm = doc.text
    norm_starts = [0] + [m.end() for m in re.finditer("\n", norm)]
    align = _align(norm.split("\n"), src_lines)

    def locate(offset: int) -> Optional[tuple[int, int]]:
        import bisect

        i = bisect.bisect_right(norm_starts, offset) - 1
        j = align[i] if i < len(align) else None
        if j is None:
            return None
        snippet = norm[offset:offset + 40].split("\n")[0].split()
        if not snippet:
            return None
        rx = re.compile(r"\s+".join(map(re.escape, snippet[:6])))
        for k in range(j, min(j + 3, len(src_lines))):
            m = rx.search(src_lines[k])
            if m:
                return k + 1, m.start() + 1
        return None

    return locate


def _squash(s: str) -> str:
    return " ".join(s.split())


def _align(norm_lines: list[str], src_lines: list[str]) -> list[Optional[int]]:
    """For each normalized line, the index of the source line holding its start (None if unsure)."""
    squashed = [_squash(x) for x in src_lines]
    out: list[Optional[int]] = []
    ptr = 0
    for ln in norm_lines:
        c = _squash(ln)[:40]
        if not c:
            out.append(None)
            continue
        hit = None
        for j in range(ptr, min(ptr + 60, len(squashed))):
            if c in squashed[j]:
                hit = j
                break
        out.append(hit)
        if hit is not None:
            ptr = hit
    return out
