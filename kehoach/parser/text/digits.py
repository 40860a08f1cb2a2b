"""Where the numbers of a text start, found with numpy; a text's UTF-16 code units, shared.

sre tests \\d's category at every char of a text (~90 instructions a char: ~1.8 M for a plan);
numpy compares the text's UTF-16 code units with '0'-'9' at once. \\d is str.isdecimal(): ASCII
0-9, and every other decimal digit of the BMP lies in two code point ranges (tests/
test_speed_checks_lower.py checks all of Unicode); a char beyond the BMP is two code units,
both in the second range. A text holding a unit in those ranges is scanned by the regex.

One text is asked about by several stages (the reader's text by the legacy-font hints and the
glued headings; the document's by the language judge, the dates tagger and the checks, the
tagger's copy equal to it but another object), so the last text's code units and number starts
are kept: each is a function of the text's content, found again for another text (~0.13 M
instructions to encode a plan, ~0.3 M more for its number starts).
"""
from __future__ import annotations

import re

NUMBER = re.compile(r"\d(?<!\d\d)")  # where a number starts: a digit after a non-digit
OTHER_DIGITS = ((0x0660, 0x1C5A), (0xA620, 0xFF1A))
NUMPY_FROM = 256  # chars: a shorter text is scanned by the regex (numpy's calls cost more)

_units_memo: tuple = ("", None)  # (text, its code units): the last text asked for
_starts_memo: tuple = ("", [])  # (text, number_starts(text))


def utf16_units(text: str):
    """The text's UTF-16 code units, a read-only numpy uint16 array (one per char when the text
    has no char beyond the BMP: len(units) == len(text) says so). The last text's are kept."""
    global _units_memo
    if _units_memo[0] != text or _units_memo[1] is None:  # (equal strings: the same units)
        import numpy as np

        _units_memo = (text, np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype="<u2"))
    return _units_memo[1]


def number_starts(text: str) -> list[int]:
    """[m.start() for m in NUMBER.finditer(text)] (a new list: the caller may change it)."""
    global _starts_memo
    if len(text) < NUMPY_FROM:
        return [m.start() for m in NUMBER.finditer(text)]
    if _starts_memo[0] != text:
        _starts_memo = (text, _number_starts(text))
    return list(_starts_memo[1])


def _number_starts(text: str) -> list[int]:
    import numpy as np

    units = utf16_units(text)
    for lo, hi in OTHER_DIGITS:  # (unsigned: a unit below lo wraps round above hi - lo)
        if np.any(units - lo < hi - lo):
            return [m.start() for m in NUMBER.finditer(text)]
    digit = units - 48 < 10  # one unit a char: the same offsets
    starts = (np.flatnonzero(digit[1:] & ~digit[:-1]) + 1).tolist()
    return [0, *starts] if digit[0] else starts
