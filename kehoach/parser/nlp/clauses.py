"""Sentence and clause units of the text (offset-preserving), and spans to leave alone (quotes)."""
from __future__ import annotations

import re
from functools import lru_cache

from kehoach.parser.text.fastre import finditer_at

# a sentence ends at a newline, ';', or '.', '!', '?' followed by a space (not "...", not "1.234")
# (the look back after the mark: every branch opens with a character, so sre skips to them in C)
# (one class opens the pattern, so sre skips to it in C: `\n|;|[.!?](?<!\..)(?=\s|$)`, match for match)
_UNIT_END = re.compile(r"[\n;.!?](?:(?<=[\n;])|(?<!\..)(?=\s|$))")
WORD = re.compile(r"\w+")


_units_memo: tuple = (None, 0, 0, [])


def units(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence-like unit in text[start:end], bullets and spaces trimmed (the
    awards and the targets both read the body's: found once per text, a fresh list each)."""
    global _units_memo
    end = len(text) if end is None else end
    t, a, b, found = _units_memo
    if t is not text or a != start or b != end:  # identity: the memo holds the text, its id is not reused
        found = _units(text, start, end)
        if len(text) >= 1000:
            _units_memo = (text, start, end, found)
    return list(found)


def _units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    marks = _unit_ends(text, start, end) if end - start >= _NUMPY_FROM else None
    if marks is None:
        marks = [m.start() for m in _UNIT_END.finditer(text, start, end)]
    for p in marks + [end]:  # (a mark is one char)
        if p > pos:
            s, e = trim(text, pos, p)
            if e > s:
                out.append((s, e))
        pos = p + 1
    return out


_NUMPY_FROM = 1000  # chars: a shorter span is scanned by the regex (numpy's calls cost more)


@lru_cache(maxsize=1)
def _is_space():
    """Whether each UTF-16 code unit is white space as \\s takes it (str.isspace: tests/test_speed_glue24.py)."""
    import numpy as np

    return np.array([chr(c).isspace() for c in range(0x10000)], dtype=bool)


def _unit_ends(text: str, start: int, end: int) -> list[int] | None:
    """[m.start() for m in _UNIT_END.finditer(text, start, end)] by numpy over the text's code units
    (None for a text with a char beyond the BMP): every newline and ';', and each '.', '!', '?' not
    after a '.' (the look back reads before `start` too) and before white space or `end`
    (sre's per-char scan costs ~100 instructions a char)."""
    import numpy as np

    from kehoach.parser.text.digits import utf16_units

    u = utf16_units(text)
    if len(u) != len(text):
        return None
    seg = u[start:end]
    hard = np.flatnonzero((seg == 10) | (seg == 59)) + start
    soft = np.flatnonzero((seg == 46) | (seg == 33) | (seg == 63)) + start
    if len(soft):
        ok = np.ones(len(soft), dtype=bool)
        before = soft - 1
        ok[before >= 0] &= u[before[before >= 0]] != 46
        after = soft + 1
        inner = after < end
        ok[inner] &= _is_space()[u[after[inner]]]
        hard = np.concatenate((hard, soft[ok]))
        hard.sort()
    return hard.tolist()


# the bullets and spaces a unit opens with, `[\s\-+•·*–—]`, as str.strip chars (`\s` is what
# str.isspace() takes: tests/test_nlp_fastscan.py)
_BULLET_CHARS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                 "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000-+•·*–—")


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """text[s:e] without its leading bullets and spaces, trailing " ,.:" and leading " ,"
    (str.strip on the slice: in C, not a loop per char)."""
    if e <= s:
        return s, e
    a = text[s:e].lstrip(_BULLET_CHARS)
    s += e - s - len(a)
    b = a.rstrip(" \t\r,.:")
    e = s + len(b)
    return e - len(b.lstrip(" \t\r,")), e


def n_words(s: str) -> int:
    return len(WORD.findall(s))


def more_words(s: str, n: int) -> bool:
    """n_words(s) > n, the words read up to the (n+1)-th only (a long line is not counted to its end)."""
    return _words_rx(n + 1).match(s) is not None


@lru_cache(maxsize=None)
def _words_rx(n: int) -> re.Pattern:
    # n rounds, each the non-word chars then one whole word, held (possessive: a run is never cut back, so a
    # short text fails without backtracking), written out (no repeat op whose every round saves its state)
    return re.compile(r"\W*+\w++" * n)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside “...” or "..." on one line (campaign names: their numbers are not targets)."""
    # tried where a quote opens only (str.find is a memchr; sre's class scan reads every char)
    starts = sorted(_positions(text, "“") + _positions(text, '"'))
    return [m.span() for m in finditer_at(_QUOTED, text, starts)]


_QUOTED = re.compile(r"“[^”\n]{0,300}”|\"[^\"\n]{0,300}\"")


def _positions(text: str, ch: str) -> list[int]:
    out = []
    i = text.find(ch)
    while i >= 0:
        out.append(i)
        i = text.find(ch, i + 1)
    return out


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


# --- case-blind literal names found in C -------------------------------------------------
# A scan that opens on a class of lower-case letters (c, n, t, h ...) enters the regex at a third
# of a text's positions. An Aho-Corasick pass over the lower-cased text finds where a name may
# start; the regex is then tried there only (fastre.finditer_at). str.lower() and sre's (?i)
# agree on every char but these three for the letters of our names (İ also lowers to two chars,
# which would shift offsets): a text holding one is scanned the old way (tests/test_nlp_fastscan.py).
_ODD_CASE = "\u0130\u0131\u017f"  # (sought with `in`: a regex class of them scans 50x slower)
_low_memo: tuple[str, str] = ("", "")


def lowered(text: str) -> str:
    """text.lower(), computed once per text (dates, references, awards and places all ask)."""
    global _low_memo
    if len(text) < 1000:
        return text.lower()  # a name or a line: cheap, and it keeps the whole text in the memo
    if _low_memo[0] is not text:  # identity: the memo holds the text, so its id is not reused
        _low_memo = (text, text.lower())
    return _low_memo[1]


def name_automaton(names) -> object:
    """An Aho-Corasick automaton of the lower-cased names (value: the name's length)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for n in names:
        auto.add_word(n.lower(), len(n.lower()))
    auto.make_automaton()
    return auto


def literal_starts(names, text: str) -> list[int] | None:
    """name_starts(name_automaton(names), text) by str.find over the lower-cased text, every
    occurrence of each name (for a few names: C's fast search skips along the text, where the
    automaton steps through every char, ~65 instructions a char)."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:  # _ODD_CASE
        return None
    low = lowered(text)
    found = set()
    for name in {n.lower() for n in names}:
        if not name:
            continue
        find = low.find
        i = find(name)
        while i >= 0:
            found.add(i)
            i = find(name, i + 1)
    return sorted(found)


def name_starts(auto, text: str) -> list[int] | None:
    """Ascending offsets where one of the automaton's names starts in `text`, any case: every
    place `(?i)name` matches; None when the text holds a char on which lower() and (?i) part."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:  # _ODD_CASE
        return None
    if not len(auto):
        return []
    return sorted({end + 1 - n for end, n in auto.iter(lowered(text))})
