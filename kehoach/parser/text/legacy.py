"""Legacy Vietnamese 8-bit encodings -> Unicode: TCVN3 (ABC, `.VnTime` fonts) and VNI (`VNI-Times`).

Both put Vietnamese letters on bytes that cp1252 shows as Latin symbols ("Kª ho¹ch",
"Keá hoaïch"). Tables are data in `kehoach/models/encodings/` (see build_tables.py there
for their sources). Detection decodes the bytes every plausible way and keeps the
reading whose words are real Vietnamese syllables; it never claims valid UTF-8, and it
only claims text over cp1258 (the Windows Vietnamese code page) when its reading is
clearly better.

TCVN3 has no accented capitals: an all-caps heading is typed with the lowercase byte and
drawn as a capital by a `.VnTimeH` font. Without the font (a .txt) we restore the case
from the word's other letters ("HOạCH" -> "HOẠCH").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from kehoach import models
from kehoach.parser.text.digits import NUMPY_FROM, utf16_units

ENCODINGS = ("tcvn3", "vni")
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"

_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_NUCLEUS = "[aăâeêioôơuưy]{1,3}"
_CODA = "(?:ch|ng|nh|[cmnpt])?"
SYLLABLE = re.compile(f"{_ONSET}{_NUCLEUS}{_CODA}")
# rhymes Vietnamese never has: ơ before ng/c/nh/ch comes only after ư ("ương", never "ơng")
BAD_RHYME = re.compile(r"(?<!ư)ơ(?:ng|nh|c|ch)$")
_VOWEL = re.compile(r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
# a word for scoring: letters plus the symbol bytes legacy encodings use (¸ µ ¶ ...)
_TOKEN = re.compile(r"[^\s\d!-/:-@\[-`{-~\u2018-\u201f\u2013\u2014\u2026]+")
_LETTERS = re.compile(r"[^\W\d_]+")
# where a capital is due: line start after a list marker, or after a sentence end
_CAP_DUE = re.compile(r"(^\s*(?:[-+•*–]\s*|\d{1,2}(?:\.\d{1,2})*[.)]\s+|[a-zđ][.)]\s+)?|[.!?:]\s+)([^\W\d_])", re.M)


@lru_cache(maxsize=None)
def _table(encoding: str) -> tuple[dict[str, str], re.Pattern]:
    data = models.load(f"encodings/{encoding}.json")
    table = dict(data["map"])
    table.update(data.get("decode_aliases", {}))
    keys = sorted(table, key=len, reverse=True)  # longest first: "aù" before "a"
    return table, re.compile("|".join(re.escape(k) for k in keys))


def surface(data: bytes) -> str:
    """Bytes as the characters a legacy font shows: cp1252, latin-1 for its five holes."""
    return "".join(_byte_char(b) for b in data) if _has_holes(data) else data.decode("cp1252")


def _has_holes(data: bytes) -> bool:
    return any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def _byte_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


def font_encoding(font_name: str) -> Optional[str]:
    """'tcvn3' for .Vn* fonts (.VnTime, .VnTimeH, .VnArial), 'vni' for VNI-* fonts, else None."""
    name = (font_name or "").strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    return None


def _map(s: str, encoding: str) -> str:
    # (not str.translate for TCVN3's one-char keys: it looks up every char of a line in a dict,
    # slower than sre on the Unicode lines the legacy test reads, where few chars match)
    table, pattern = _table(encoding)
    return unicodedata.normalize("NFC", pattern.sub(lambda m: table[m.group(0)], s))


def decode_str(s: str, encoding: str, upper: bool = False) -> str:
    """Decode a run's characters typed in a legacy font. `upper`: the font draws capitals (.VnTimeH)."""
    out = _map(s, encoding)
    if upper:
        return out.upper()
    if encoding == "tcvn3":
        return restore_case(out, sentences=False)
    return out


# toned lowercase letters: in TCVN3 text each may stand for its capital
_AMBIGUOUS = frozenset(
    unicodedata.normalize("NFC", base + tone) for base in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
    for tone in TONE_MARKS
)


def _ambiguous(c: str) -> bool:
    return c in _AMBIGUOUS


def _caps_around(chars: str) -> bool:
    """All cased letters except the ambiguous ones are capitals, and there are at least two.
    (Stops at the first small letter: most lines and words have one near their start.)"""
    capitals = 0
    for c in chars:
        if c in _AMBIGUOUS or not c.isalpha():
            continue
        if c.islower():
            return False
        if c.isupper():
            capitals += 1
    return capitals >= 2


def restore_case(text: str, sentences: bool = True) -> str:
    """Capitalise toned letters inside all-caps lines and words (TCVN3 text without its font).

    `sentences`: also where a capital is due (after a list marker, a sentence end, or at the
    start of a line that follows a finished one); off for a run that is part of a paragraph.
    """
    lines = text.split("\n")
    prev_done = True
    for i, line in enumerate(lines):
        done_after = not line.strip() or line.rstrip()[-1:] in ".;:!?"
        if not _AMBIGUOUS.isdisjoint(line):
            if _caps_around(line):
                line = line.upper()
            else:
                line = _LETTERS.sub(lambda m: m.group(0).upper() if _caps_around(m.group(0)) else m.group(0), line)
                if sentences:
                    line = _CAP_DUE.sub(lambda m: _cap(m, prev_done), line)
            lines[i] = line
        prev_done = done_after
    return "\n".join(lines)


def _cap(m: re.Match, line_start_due: bool) -> str:
    lead, letter = m.group(1), m.group(2)
    at_bare_line_start = m.start() == 0 and not lead.strip()
    if _ambiguous(letter) and (line_start_due or not at_bare_line_start):
        letter = letter.upper()
    return lead + letter


@lru_cache(maxsize=1 << 14)
def _syllable_ok(word: str) -> bool:
    # cached: a page repeats the same few hundred syllables, and PDF repair scores every word
    d = unicodedata.normalize("NFD", word.lower())
    if sum(d.count(m) for m in TONE_MARKS) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONE_MARKS))
    return SYLLABLE.fullmatch(base) is not None and not BAD_RHYME.search(base)


def vietnamese_score(text: str, limit: int = 4000) -> tuple[int, int]:
    """(valid, total) over words holding non-ASCII characters: how Vietnamese a reading looks."""
    valid = total = 0
    for m in _TOKEN.finditer(text):
        w = m.group(0)
        if w.isascii() or not _VOWEL.search(w):
            continue  # ASCII, or an abbreviation with no vowel (CĐCS, LĐLĐ): says nothing
        total += 1
        valid += _syllable_ok(unicodedata.normalize("NFC", w))
        if total >= limit:
            break
    return valid, total


def _ratio(score: tuple[int, int]) -> float:
    return score[0] / score[1] if score[1] else 0.0


def _best(surf: str, baseline: str, min_words: int = 3) -> Optional[str]:
    base = _ratio(vietnamese_score(baseline))
    best: Optional[str] = None
    best_r = 0.0
    for enc in ENCODINGS:
        valid, total = vietnamese_score(_map(surf, enc))  # case does not matter to the score
        r = valid / total if total else 0.0
        if total >= min_words and r >= 0.6 and r > base + 0.1 and r > best_r:
            best, best_r = enc, r
    return best


def detect_and_decode(data: bytes) -> Optional[tuple[str, str]]:
    """(unicode text, 'tcvn3'|'vni') when the bytes are legacy-encoded Vietnamese, else None."""
    if not data or max(data) < 0x80:
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    surf = surface(data)
    baseline = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    enc = _best(surf, baseline)
    if enc is None:
        return None
    text = decode_str(surf, enc)
    return (restore_case(text) if enc == "tcvn3" else text), enc


def detect_str(s: str) -> Optional[str]:
    """'tcvn3'|'vni' when a Unicode string is really legacy bytes shown as cp1252 characters."""
    if not s or s.isascii():
        return None
    try:
        s.encode("cp1252")
    except UnicodeEncodeError:
        if any(ord(c) > 0xFF for c in s if c not in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac"):
            return None  # real Unicode letters (ư, ơ, ạ ...) are never in a legacy surface
    return _best(s, unicodedata.normalize("NFC", s), min_words=2)


# cp1252 symbols that legacy fonts use for Vietnamese letters and that Vietnamese Unicode text
# never needs: TCVN3 "®" (đ), "µ" (à), "¬" (â), "«" (ô), "¹" (ạ) ...; VNI "ñ" (đ), "ö" (ư), "ô" (ơ) ...
_HINT_CHARS = "®µ¬«¹¸¶·¾ÊÌÕÖ×ØÝÞßæçñöõû"
_HINT = re.compile(f"[{_HINT_CHARS}]")
_HINT_LO = min(map(ord, _HINT_CHARS))
_HINT_SPAN = max(map(ord, _HINT_CHARS)) + 1 - _HINT_LO


def _hint_places(text: str) -> list[int]:
    """[m.start() for m in _HINT.finditer(text)]. sre tests the class at every char of the text
    (~50 instructions a char: ~1 M for a plan); numpy finds the chars in the hints' code point
    range over the text's UTF-16 code units (text.digits, shared with the number scan), then
    keeps the hints among them. A short text, or one with a char beyond the BMP (two units),
    is scanned by the regex."""
    if len(text) >= NUMPY_FROM:
        import numpy as np

        units = utf16_units(text)
        if len(units) == len(text):
            near = np.flatnonzero(units - _HINT_LO < _HINT_SPAN)  # (unsigned: a unit below wraps round)
            return near[_hint_table()[units[near] - _HINT_LO]].tolist()
    return [m.start() for m in _HINT.finditer(text)]


@lru_cache(maxsize=1)
def _hint_table():
    import numpy as np

    table = np.zeros(_HINT_SPAN, dtype=bool)
    table[[ord(c) - _HINT_LO for c in _HINT_CHARS]] = True
    return table


def decode_mixed(text: str, min_lines: int = 2) -> tuple[str, Optional[str]]:
    """Unicode text whose lines were typed in a legacy font and pasted as their cp1252 look (a web
    page that kept "c«ng ®oµn"): each such line decoded, the rest kept. Returns (text, encoding
    or None when nothing was legacy). Line by line, because a page mixes Unicode site text with
    the legacy document."""
    found: dict[int, str] = {}
    # the lines holding a hint, from one scan of the text (each line judged once, at its first
    # hint): what searching every line gives
    line = last = after = 0  # after: the hints before it are on lines judged already
    for p in _hint_places(text):
        if p < after:
            continue
        a = text.rfind("\n", 0, p) + 1
        b = text.find("\n", p)
        line += text.count("\n", last, a)
        last = a
        enc = detect_str(text[a:] if b == -1 else text[a:b])
        if enc:
            found[line] = enc
        if b == -1:
            break
        after = b + 1
    if len(found) < min_lines:
        return text, None
    lines = text.split("\n")
    enc = max(set(found.values()), key=list(found.values()).count)
    for i, line in enumerate(lines):
        if found.get(i) == enc or (i not in found and _HINT.search(line) and _legacy_only(line)
                                   and _ratio(vietnamese_score(_map(line, enc))) > _ratio(vietnamese_score(line))):
            decoded = decode_str(line, enc)
            if enc == "tcvn3":
                decoded = _LOST_U.sub(lambda m: ("Ư" if m.group(1).isupper() else "ư") + m.group(1), restore_case(decoded))
            lines[i] = decoded
    return "\n".join(lines), enc


# TCVN3 writes ư as byte 0xAD, the soft hyphen, which web pages drop: "trêng" for "tr­êng". ơ before
# ng/c/nh/ch only ever follows ư (BAD_RHYME), so there the lost ư is certain ("trờng" -> "trường").
_LOST_U = re.compile(r"(?<![ưƯ])([ơờớởỡợƠỜỚỞỠỢ])(?=(?:ng|c|nh|ch|NG|C|NH|CH)(?!\w))")


def _legacy_only(line: str) -> bool:
    """No real Vietnamese letter (beyond cp1252) on the line: it can be a legacy surface."""
    return not any(ord(c) > 0xFF and c not in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac" for c in line)


@lru_cache(maxsize=None)
def _inverse(encoding: str) -> dict[str, str]:
    data = models.load(f"encodings/{encoding}.json")
    return {uni: surf for surf, uni in data["map"].items()}


def encode(text: str, encoding: str) -> bytes:
    """Unicode -> legacy bytes (for building test data). TCVN3 writes accented capitals lowercase."""
    inv = _inverse(encoding)
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c in inv:
            out.append(inv[c])
        elif c.isupper() and c.lower() in inv and encoding == "tcvn3":
            out.append(inv[c.lower()])
        else:
            out.append(c)
    return "".join(out).encode("cp1252", errors="replace")
