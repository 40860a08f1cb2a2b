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


# --- case-blind literal names found in C -------------------------------------------------
# A scan that opens on a class of lower-case letters (c, n, t, h ...) enters the regex at a third
# of a text's positions. An Aho-Corasick pass over the lower-cased text finds where a name may
# start; the regex is then tried there only (fastre.finditer_at). str.lower() and sre's (?i)
# agree on every char but these three for the letters of our names (İ also lowers to two chars,
# which would shift offsets): a text holding one is scanned the old way (tests/test_nlp_fastscan.py).
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")
_low_memo: tuple[str, str] = ("", "")


def lowered(text: str) -> str:
    """text.lower(), computed once per text (dates, references, awards and places all ask)."""
    global _low_memo
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


def name_starts(auto, text: str) -> list[int] | None:
    """Ascending offsets where one of the automaton's names starts in `text`, any case: every
    place `(?i)name` matches; None when the text holds a char on which lower() and (?i) part."""
    if _ODD_CASE.search(text):
        return None
    if not len(auto):
        return []
    return sorted({end + 1 - n for end, n in auto.iter(lowered(text))})
