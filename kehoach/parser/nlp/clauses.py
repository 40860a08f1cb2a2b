"""Sentence and clause units of the text (offset-preserving), and spans to leave alone (quotes)."""
from __future__ import annotations

import re

# a sentence ends at a newline, ';', or '.', '!', '?' followed by a space (not "...", not "1.234")
# (the look back after the mark: every branch opens with a character, so sre skips to them in C)
_UNIT_END = re.compile(r"\n|;|[.!?](?<!\..)(?=\s|$)")
_BULLET = re.compile(r"[\s\-+•·*–—]+")
WORD = re.compile(r"\w+")


def units(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence-like unit in text[start:end], bullets and spaces trimmed."""
    end = len(text) if end is None else end
    out = []
    pos = start
    for m in _UNIT_END.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [t for t in (trim(text, s, e) for s, e in out) if t[1] > t[0]]


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _BULLET.match(text, s, e)
    if m:
        s = m.end()
    while e > s and text[e - 1] in " \t\r,.:":
        e -= 1
    while s < e and text[s] in " \t\r,":
        s += 1
    return s, e


def n_words(s: str) -> int:
    return len(WORD.findall(s))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside “...” or "..." on one line (campaign names: their numbers are not targets)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^”\n]{0,300}”|\"[^\"\n]{0,300}\"", text)]
    return spans


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _is_sep_comma(text: str, i: int) -> bool:
    """A clause comma, not a decimal comma (95,8)."""
    return not (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())


def comma_before(text: str, start: int, end: int) -> int:
    """Index of the last clause comma in text[start:end], or -1."""
    i = text.rfind(",", start, end)
    while i >= 0 and not _is_sep_comma(text, i):
        i = text.rfind(",", start, i)
    return i


def comma_after(text: str, start: int, end: int) -> int:
    """Index of the first clause comma in text[start:end], or -1."""
    i = text.find(",", start, end)
    while i >= 0 and not _is_sep_comma(text, i):
        i = text.find(",", i + 1, end)
    return i
