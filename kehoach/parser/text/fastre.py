"""Regexes that scan a whole text fast: sre skips to candidate positions in C only when a
pattern's first item is a plain character set (a digit, or a letter class written without
(?i)). A pattern opening with a lookaround, or with a cased letter under (?i), is entered
at every position of the text (5-10x slower on a plan). `ci("n")` gives the class (?i)
would match for a letter, so `ci("n") + "(?<!\\w.)(?i:gày...)"` finds what
`(?i)\\bngày...` finds, span for span."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=None)
def _bmp() -> str:
    # no char outside the BMP case-matches a Latin or Vietnamese letter
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))


@lru_cache(maxsize=None)
def ci(letters: str) -> str:
    """A character class, without (?i), of every char that (?i) matches for one of `letters`
    ('k' takes the Kelvin sign, 's' the long s)."""
    chars = sorted(set(re.findall("(?i)[" + re.escape(letters) + "]", _bmp())))
    return "[" + "".join(re.escape(c) for c in chars) + "]"
