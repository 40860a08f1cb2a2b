"""Unicode and Vietnamese normalization.

Two different needs:
- `clean()` produces the text the pipeline works on: NFC, one kind of space, no control
  characters. It keeps spelling as written (Thuỷ stays Thuỷ) so excerpts quote the source.
- `fold()` produces a comparison key: NFC, new-style tone placement (Thuỷ == Thủy,
  hoá == hóa), casefolded, dashes unified, spaces collapsed. Use it to compare, never to emit.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Two spellings of the same syllable: the mark on the second vowel of a final oa/oe/uy
# ("hoà", "thuỷ", "Uỷ") or on the first ("hòa", "thủy", "Ủy"). We fold to the first form,
# the one most official documents use today; "hoàn", "toàn" (pair not final) never change.
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below


def _old_to_new_table() -> dict[str, str]:
    pairs = {}
    for v1, v2 in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for up1, up2 in ((False, False), (True, False), (True, True)):
                a = v1.upper() if up1 else v1
                b = v2.upper() if up2 else v2
                on_second = unicodedata.normalize("NFC", a + b + tone)
                on_first = unicodedata.normalize("NFC", a + tone + b)
                pairs[on_second] = on_first
    return pairs


_OLD_TO_NEW = _old_to_new_table()
# A pair followed by a Latin/Vietnamese letter ("đoàn", "hoàng") never changes, and such
# words are everywhere: the lookahead skips them without a Python callback (only letters are
# listed, so whatever follows is still judged by `repl`)
_LETTERS = "".join(re.escape(chr(c)) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isalpha())
# every pair is two chars: one class of second chars per first char, so sre tests a candidate 'o'
# or 'u' once instead of trying ~45 alternatives there (the same pairs match)
_SECONDS: dict[str, str] = {}
for _pair in _OLD_TO_NEW:
    assert len(_pair) == 2
    _SECONDS[_pair[0]] = _SECONDS.get(_pair[0], "") + _pair[1]
_OLD_RE = re.compile("(?:" + "|".join(f"{re.escape(a)}[{re.escape(b)}]" for a, b in _SECONDS.items())
                     + f")(?![{_LETTERS}])")
# "qu" + y: "quý" keeps its mark on y in both styles, and "uỷ"/"ủy" only differ after a
# non-q consonant; the old->new table above never touches "qu" because there the u is a
# consonant glide, so guard it.
_QU_RE = re.compile(r"[qQ]$")

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f"), " ")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Icelandic eth for Vietnamese đ: cp1258 puts Đ on byte 0xD0, which cp1252/latin-1 show as Ð
# ("42/2010/NÐ-CP", "TỔNG LIÊN ÐOÀN"); Vietnamese text never means the eth.
ZERO_WIDTH.update({ord("\u00d0"): "\u0110", ord("\u00f0"): "\u0111"})
CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# the two tables in one, and a quick test whether the text needs them at all: a dict-based
# str.translate costs ~100 ns per non-ASCII character even when nothing maps
_CLEAN_TABLE = {**ZERO_WIDTH, **SPACES}
_CLEAN_CHARS = re.compile("[" + re.escape("".join(map(chr, _CLEAN_TABLE))) + "]")


def _by_table(table: dict):
    """What s.translate(table) gives for a str or None table, for `rx.sub` over the table's keys: it
    touches the matched characters only (a tab, a no-break space), not every character of the text."""
    return lambda m: table[ord(m.group())] or ""


_CLEAN_SUB = _by_table(_CLEAN_TABLE)
_DASH_SUB = _by_table(DASHES)
_DASH_CHARS = re.compile("[" + re.escape("".join(map(chr, DASHES))) + "]")
# fold's one pass for clean()'s table, its control characters and the dashes (disjoint sets, each
# char replaced on its own: the same as the three passes)
_CONTROLS = "".join(map(chr, (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)))
_FOLD_TABLE = {**_CLEAN_TABLE, **DASHES, **dict.fromkeys(map(ord, _CONTROLS), None)}
assert len(_FOLD_TABLE) == len(_CLEAN_TABLE) + len(DASHES) + len(_CONTROLS)
_FOLD_CHARS = re.compile("[" + re.escape("".join(map(chr, _FOLD_TABLE))) + "]")
_FOLD_SUB = _by_table(_FOLD_TABLE)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def clean(s: str) -> str:
    """NFC, one kind of space, no zero-width or control characters. Keeps line breaks."""
    s = unicodedata.normalize("NFC", s)
    if s.isprintable() and "\u00d0" not in s and "\u00f0" not in s:
        # (one C loop) no char for the table, no line break to unify, no control char: every one of
        # them is unprintable but Ð/ð (tests/test_speed_frame.py)
        return s
    s = _CLEAN_CHARS.sub(_CLEAN_SUB, s)
    if "\r" in s or "\u2028" in s or "\u2029" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return CONTROL_RE.sub("", s)


def tidy_spaces(s: str) -> str:
    """Collapse runs of spaces inside a line and strip it."""
    return re.sub(r" {2,}", " ", s).strip()


def _tone_repl(m: re.Match) -> str:
    s = m.string
    if m.group(0)[0] in "uU" and m.start() > 0 and _QU_RE.search(s[m.start() - 1]):
        return m.group(0)
    # only when the pair ends the syllable (hoá, thuỷ) - "hoàn", "toàn" keep theirs
    end = m.end()
    if end < len(s) and s[end].isalpha():
        return m.group(0)
    return _OLD_TO_NEW[m.group(0)]


def _new_tones(s: str) -> str:
    """new_tone_placement of a text already in NFC."""
    return s if s.isascii() else _OLD_RE.sub(_tone_repl, s)


def new_tone_placement(s: str) -> str:
    """Thuỷ -> Thủy, hoá -> hóa, Uỷ -> Ủy when the pair ends the syllable; never after q (quý)."""
    return _new_tones(nfc(s))


# fold's quick ways past its two scans (a regex scan costs ~65 instructions a char, an `in` ~1):
# - a printable string holds no char of _FOLD_TABLE but these (tests/test_speed_fold21.py), looked
#   for by `in` (memchr); without them the table's pass gives the string back
_PRINTABLE_IN_TABLE = ("\u2013", "\u2014", "\u2010", "\u2011", "\u2012", "\u2015", "\u2212", "\u00d0", "\u00f0")
assert {c for c in map(chr, _FOLD_TABLE) if c.isprintable()} == set(_PRINTABLE_IN_TABLE)
# - the tone rule changes a text only where one of its pairs stands before a char that is not a
#   letter; casefolded, such a pair is "o"/"u" and a lower second before a char outside _LETTERS
#   (casefold maps no non-letter into _LETTERS: tests/test_speed_fold21.py), so two scans of the
#   casefolded text for their literal first chars (sre's fast loop) tell whether the rule can act
_LOWER_SECONDS: dict[str, str] = {}
for _pair in _OLD_TO_NEW:
    _LOWER_SECONDS[_pair[0].casefold()] = "".join(sorted(set(_LOWER_SECONDS.get(_pair[0].casefold(), "") + _pair[1].casefold())))
assert sorted(_LOWER_SECONDS) == ["o", "u"]
_O_PAIR_END = re.compile(f"o[{_LOWER_SECONDS['o']}](?![{_LETTERS}])").search
_U_PAIR_END = re.compile(f"u[{_LOWER_SECONDS['u']}](?![{_LETTERS}])").search
_normalize = unicodedata.normalize


@lru_cache(maxsize=1 << 13)  # bounded: a batch worker parses thousands of documents
def fold(s: str | None) -> str:
    """Comparison key: tone placement unified, casefolded, dashes and spaces unified.
    Cached: the frame, topics and checks fold the same lines again and again."""
    if not s:
        return ""
    # clean() and the dashes in one pass (its line breaks need no unifying: split() takes them all)
    s = _normalize("NFC", s)
    if s.isprintable() and not ("\u2013" in s or "\u2014" in s or "\u2010" in s or "\u2011" in s or "\u2012" in s
                                or "\u2015" in s or "\u2212" in s or "\u00d0" in s or "\u00f0" in s):
        # nothing for the table; casefold and the tone rule keep a printable text printable
        # (tests/test_speed_fold21.py: every code point)
        t, printable = s, True
    else:
        t = _FOLD_CHARS.sub(_FOLD_SUB, s)  # (the same string when nothing was replaced: still NFC)
        if t is not s:
            t = _normalize("NFC", t)
        printable = None
    s = t.casefold()
    if not t.isascii() and (_O_PAIR_END(s) or _U_PAIR_END(s)):
        s = _OLD_RE.sub(_tone_repl, t).casefold()  # (_new_tones(t): t is NFC)
    # split() cuts at what re calls \s: same as sub(\s+, " ").strip(). A printable string holds no
    # white space but " " (every other isspace() char is Cc, Zs, Zl or Zp: tests/test_speed_frame.py),
    # so when its spaces are single and inside, the split-join gives it back: skip building the words
    if (printable or (printable is None and s.isprintable())) and "  " not in s and s[:1] != " " and s[-1:] != " ":
        return s
    return " ".join(s.split())


def fold_lines(s: str | None) -> str:
    """fold(s), line by line: every step of fold works within a line (a line break stops NFC's
    composing, is no letter to the tone rule, and split() cuts there), so a text's key is its
    lines' keys joined by one space. Those keys are mostly cached already (the frame folds every
    line): a section's body costs a dict lookup per line, not a fold of its text."""
    if not s:
        return ""
    if "\n" not in s:
        return fold(s)
    return " ".join(f for f in map(fold, s.split("\n")) if f)


class _BareTable(dict):
    """str.translate table char -> char without marks, filled on first sight of a char.
    Per-char NFD equals whole-string NFD minus reordering of combining marks, and removing
    every Mn makes reordering moot, unless a decomposition holds a spacing mark (Mc) that
    reorders; such chars are remembered in `hazards` and send the string to the slow path."""

    hazards: set[str] = set()

    def __missing__(self, cp: int) -> str:
        d = unicodedata.normalize("NFD", chr(cp))
        if any(unicodedata.combining(x) and unicodedata.category(x) != "Mn" for x in d):
            self.hazards.add(chr(cp))
        out = "".join(x for x in d if unicodedata.category(x) != "Mn").replace("đ", "d").replace("Đ", "D")
        self[cp] = out
        return out


_BARE = _BareTable()


def _strip_accents_slow(s: str) -> str:
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return s.replace("đ", "d").replace("Đ", "D")


def strip_accents(s: str) -> str:
    """ASCII-ish key: no diacritics, đ -> d. For loose matching only."""
    if s.isascii():
        return s
    out = s.translate(_BARE)
    if _BARE.hazards and any(h in s for h in _BARE.hazards):
        return _strip_accents_slow(s)
    return out


# Latin, combining marks, Vietnamese, punctuation, currency and letterlike symbols: the chars a
# plan is made of; a string with others takes the plain comparison
_COMMON = ((0x80, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070), (0x20A0, 0x20D0), (0x2100, 0x2150))
_BEYOND = re.compile("[^\\x00-\\x7f" + "".join(f"\\u{a:04x}-\\u{b - 1:04x}" for a, b in _COMMON) + "]")


@lru_cache(maxsize=1)
def _marked_class() -> re.Pattern:
    """The chars of _COMMON that strip_accents changes (a mark, or đ/Đ); built on first use."""
    changed = [chr(c) for a, b in _COMMON for c in range(a, b) if _BARE[c] != chr(c)]
    return re.compile("[" + "".join(re.escape(c) for c in changed) + "]")


def has_marks(s: str) -> bool:
    """strip_accents(s) != s, without building the stripped copy (one regex scan)."""
    if s.isascii():
        return False
    # a marked char of _COMMON is one strip_accents never leaves in its result (it is not in NFD
    # form, a Mn, or đ/Đ): found, the answer is yes, on either path below. In a Vietnamese text
    # one stands in the first few chars, where _BEYOND's class-led scan reads the whole text
    # (~100 instructions a char; tests/test_speed_frame24.py)
    if _marked_class().search(s) is not None:
        return True
    if _BEYOND.search(s) or _BARE.hazards:
        return strip_accents(s) != s
    return False


class _FirstTable(dict):
    """str.translate table char -> the first char of its NFD (its base letter), đ -> d."""

    def __missing__(self, cp: int) -> str:
        out = unicodedata.normalize("NFD", chr(cp))[0].replace("đ", "d").replace("Đ", "D")
        self[cp] = out
        return out


_FIRST = _FirstTable()


def plain_chars(s: str) -> str:
    """Without tone marks and diacritics, one char for one char (đ -> d), so offsets into the
    result are offsets into `s`. A cached translate table: ~10x a per-char NFD."""
    return s if s.isascii() else s.translate(_FIRST)


_ISALPHA, _ISUPPER = str.isalpha, str.isupper


def is_upper_text(s: str, threshold: float = 0.8) -> bool:
    """True when most letters are capitals (headings, org names, titles)."""
    # (the same counts through filter/map in C: a third fewer instructions than a comprehension
    # and a generator; tests/test_speed_frame20.py)
    letters = list(filter(_ISALPHA, s))
    if not letters:
        return False
    return sum(map(_ISUPPER, letters)) / len(letters) >= threshold
