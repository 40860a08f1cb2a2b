"""Where the numbers of a text start, found with numpy.

sre tests \\d's category at every char of a text (~90 instructions a char: ~1.8 M for a plan);
numpy compares the text's UTF-16 code units with '0'-'9' at once. \\d is str.isdecimal(): ASCII
0-9, and every other decimal digit of the BMP lies in two code point ranges (tests/
test_speed_checks_lower.py checks all of Unicode); a char beyond the BMP is two code units,
both in the second range. A text holding a unit in those ranges is scanned by the regex.
"""
from __future__ import annotations

import re

NUMBER = re.compile(r"\d(?<!\d\d)")  # where a number starts: a digit after a non-digit
OTHER_DIGITS = ((0x0660, 0x1C5A), (0xA620, 0xFF1A))
NUMPY_FROM = 256  # chars: a shorter text is scanned by the regex (numpy's calls cost more)


def number_starts(text: str) -> list[int]:
    """[m.start() for m in NUMBER.finditer(text)]."""
    if len(text) < NUMPY_FROM:
        return [m.start() for m in NUMBER.finditer(text)]
    import numpy as np

    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype="<u2")
    for lo, hi in OTHER_DIGITS:  # (unsigned: a unit below lo wraps round above hi - lo)
        if np.any(units - lo < hi - lo):
            return [m.start() for m in NUMBER.finditer(text)]
    digit = units - 48 < 10  # one unit a char: the same offsets
    starts = (np.flatnonzero(digit[1:] & ~digit[:-1]) + 1).tolist()
    return [0, *starts] if digit[0] else starts
