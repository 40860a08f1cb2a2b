"""Clean Tesseract output before parsing: line joins, broken diacritics, common confusions.

Generic rules only, each for a known OCR failure mode:
- wrapped lines: "2023-" + "2024" joins without a space; a word split with a hyphen at the
  line end ("phát tri-" + "ển") is rejoined only when the halves are not both words;
- broken diacritics: a combining mark left alone after a space or on a non-letter is
  glued back or dropped, and the text is recomposed (NFC);
- look-alikes: Icelandic eth (ð/Ð) for đ/Đ, "0"/"O" and "1"/"l"/"I" mixed into numbers
  ("2O24", "l5/KH"), stray table rules and bullets read as "|" or "¢";
- spacing: space before , ; : . ) and after (, doubled spaces.
"""
from __future__ import annotations

import re
import unicodedata

_COMBINING = re.compile(r"(\w)\s+([\u0300-\u036f]+)")
_LONE_MARK = re.compile(r"(?:(?<=^)|(?<=[^\w\u0300-\u036f]))[\u0300-\u036f]+", re.M)
_ETH = str.maketrans({"ð": "đ", "Ð": "Đ"})
_ETH_IN_CAPS = re.compile(r"\b(?=\w*ð)(?:[A-ZÀ-ỸĐ]|ð)+\b".replace("À-Ỹ", "À-ÝĂÂÊÔƠƯẠ-Ỹ"))
# a token that is a number with look-alike letters inside: 2O24, l5, 1O/KH
_NUMERIC_TOKEN = re.compile(r"(?<![^\W\d_])(?=[0-9OolI|]*\d)[0-9OolI|]{2,}(?![^\W\d_])")
_DIGIT_FOR = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_SPACE_BEFORE = re.compile(r"[ \t]+([,;:.!?)\]%])(?=\s|$)", re.M)
_SPACE_AFTER_OPEN = re.compile(r"([(\[])[ \t]+")
_MULTI_SPACE = re.compile(r"[ \t]{2,}")
_STRAY_RULE = re.compile(r"^\s*[|¦]\s*|\s*[|¦]\s*$", re.M)
_BULLET_LOOKALIKE = re.compile(r"^[¢®©•◦▪●*»›]\s+", re.M)
_BULLET_MISREAD = re.compile(r"^(?:[-–—_•·*°¢©®«»]|[eoc][_.]?|se|ce|-[.,]|[-–] ?[-–_])(?:\s*[-–_.])?\s+(?=[A-ZÀ-ÝĂÂÊÔƠƯĐẠ-Ỹ\d])")
_ITEM_OR_DIGIT_START = re.compile(r"^\d")


def fix_line(line: str) -> str:
    """Clean one OCR line (no joining)."""
    s = unicodedata.normalize("NFD", line)
    s = _COMBINING.sub(r"\1\2", s)
    s = _LONE_MARK.sub("", s)
    s = _ETH_IN_CAPS.sub(lambda m: m.group(0).replace("ð", "Đ"), unicodedata.normalize("NFC", s)).translate(_ETH)
    s = _NUMERIC_TOKEN.sub(lambda m: m.group(0).translate(_DIGIT_FOR) if _mostly_digits(m.group(0)) else m.group(0), s)
    s = _STRAY_RULE.sub("", s)
    s = _BULLET_LOOKALIKE.sub("- ", s)
    s = _SPACE_BEFORE.sub(r"\1", s)
    s = _SPACE_AFTER_OPEN.sub(r"\1", s)
    s = _MULTI_SPACE.sub(" ", s)
    return s.strip()


def _mostly_digits(tok: str) -> bool:
    digits = sum(c.isdigit() for c in tok)
    return digits >= 2 and digits * 2 > len(tok) or (digits >= 1 and len(tok) <= 3 and not tok.isalpha())


def join_lines(lines: list[str]) -> str:
    """Wrapped lines of one paragraph -> one string."""
    out = ""
    for ln in lines:
        ln = ln.strip()
        if not ln:
            continue
        if not out:
            out = ln
        elif re.search(r"\d[-–]$", out) and _ITEM_OR_DIGIT_START.match(ln):
            out += ln  # "năm học 2023-" + "2024"
        elif re.search(r"[^\W\d_]{2,}-$", out) and ln[:1].islower():
            out = out[:-1] + ln  # a word hyphenated at the margin
        else:
            out += " " + ln
    return out


def fix_bullet(text: str) -> str:
    """A bullet glyph read as letters ("e ", "se ", "e_ ", "-. ", "- - ") before the item -> "- "."""
    return _BULLET_MISREAD.sub("- ", text, count=1)


def clean_paragraph(lines: list[str]) -> str:
    return fix_bullet(join_lines([fix_line(ln) for ln in lines]))
