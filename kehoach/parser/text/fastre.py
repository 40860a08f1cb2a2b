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


def literal_alt(names: list[str], esc=re.escape) -> tuple[str, str]:
    """`(?i)(?:n1|n2|...)` over literal names (tried in this order) as two pieces: the class of
    their first letters, without (?i), to open a pattern with, and what must follow that letter:
    the names grouped by first letter, each group behind a case-blind look back at the letter and
    a look ahead at the second. A name is only ever tried where the original could match it, and
    in the same order, so the match is the same. `esc` escapes a name's rest (default re.escape)."""
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(ci(n[0]), []).append(n)
    first = "[" + "".join(c[1:-1] for c in groups) + "]"
    rest = []
    for cls, ns in groups.items():
        seconds = "".join(sorted({re.escape(n[1]) for n in ns if len(n) > 1}))
        ahead = f"(?=[{seconds}])" if all(len(n) > 1 and n[1].isalnum() for n in ns) else ""
        rest.append(f"(?<={re.escape(ns[0][0])}){ahead}(?:" + "|".join(esc(n[1:]) for n in ns) + ")")
    return first, "(?i:" + "|".join(rest) + ")"


def finditer_at(rx: re.Pattern, text: str, starts: list[int]):
    """What rx.finditer(text) yields, for a pattern whose every match is non-empty and starts at
    one of `starts` (ascending): the leftmost match after the previous one, tried there only."""
    pos = 0
    for p in starts:
        if p < pos:
            continue
        m = rx.match(text, p)
        if m:
            yield m
            pos = m.end()
