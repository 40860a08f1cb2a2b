"""Repair PDF text layers whose fonts map Vietnamese to the wrong characters.

Three kinds of damage are met in school PDFs:
1. "TRƢỜNG", "ngƣời": the glyph for ư/Ư carries the code of ƣ/Ƣ (U+01A3/U+01A2, "Latin
   letter oi", never used in Vietnamese). Repaired one for one; always confident.
2. "toμn Ngμnh", "tr-êng": a TCVN3 (.VnTime) document printed to PDF, so the text layer holds
   TCVN3 bytes as Latin-1 characters, with the glyph named "mu" read as Greek μ and byte
   0xAD ("ư") read as a hyphen (put back where it makes a broken word whole). Repaired through the TCVN3 table when the decoded text is
   real Vietnamese (syllable check), else reported as damaged.
3. "CƠNG ĐỒN", "HỊA": broken composite glyphs (ô read as ơ, oà as ồ, ò as ị ...). Some
   of these give real but wrong words (ĐOÀN -> ĐỒN), so no table repairs them safely: we
   detect the damage by rhymes Vietnamese never has ("ơng", "ơc") and report it, and the
   pdf reader falls back to OCR.

`repair(text) -> (text, damaged)`: damaged=True means "do not trust this text layer".
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from kehoach.parser.text import legacy

_OI = str.maketrans({"\u01a3": "ư", "\u01a2": "Ư"})
# TCVN3 surface characters as PDF glyph names make them: Greek mu for the micro sign,
# the bullet operator for the middle dot
_TCVN3_GLYPHS = str.maketrans({"\u03bc": "\u00b5", "\u2219": "\u00b7", "\u02c9": "\u00af", "\u2126": "\u00b5"})
# byte 0xAD (ư) read as a hyphen: a hyphen touching letters, settled word by word after decoding
_HYPHENED = re.compile(r"[^\W\d_]*(?:-[^\W\d_]*)+")
# characters that only a TCVN3 surface has inside words (accents as Latin-1 symbols)
_TCVN3_MARKERS = re.compile("[\u00b5\u00b6\u00b7\u00b8\u00b9\u00bd\u00be\u00c6\u00c7\u00cb\u00cf\u00d1\u00d5\u00de\u00e6\u00ef\u00f8\u00fc\u00a8\u00a9\u00ab\u00ae\u03bc]")
_BAD_RHYME_WORD = re.compile(r"\b[^\W\d_]*(?<![ưƯ])[ơƠ](?:NG|NH|CH|C|ng|nh|ch|c)\b")
_WORD = re.compile(r"[^\W\d_]+")

MIN_VALID = 0.9  # share of Vietnamese words that must be real syllables to trust a text


def _valid_ratio(text: str) -> tuple[float, int]:
    valid, total = _syllable_score(text, limit=20000)
    return (valid / total if total else 1.0), total


def _syllable_score(text: str, limit: int) -> tuple[int, int]:
    """legacy.vietnamese_score(text, limit), each distinct word judged once: a plan repeats a
    few hundred syllables thousands of times, and the per-word loop was most of the score."""
    valid = total = 0
    for w, n in Counter(legacy._TOKEN.findall(text)).items():
        if w.isascii() or not legacy._VOWEL.search(w):
            continue  # as vietnamese_score: says nothing
        total += n
        if legacy._syllable_ok(unicodedata.normalize("NFC", w)):
            valid += n
    if total > limit:  # vietnamese_score stops at the limit: count the first `limit` as it does
        return legacy.vietnamese_score(text, limit=limit)
    return valid, total


def _tcvn3_surface(text: str) -> bool:
    """Many words carry TCVN3 accent symbols (µ ¸ ¹ ...) where Unicode text has letters."""
    if len(_TCVN3_MARKERS.findall(text)) < 3:
        return False  # a marker sits in at most two of the words counted (a letter run, a \S+ run): < 5 hits
    words = _WORD.findall(text) + re.findall(r"\S+", text)
    hits = sum(1 for w in words if _TCVN3_MARKERS.search(w))
    return hits >= 5 and hits >= 0.03 * max(1, len(words) // 2)


def _ok(piece: str) -> bool:
    return bool(piece) and legacy._syllable_ok(piece)


def _hyphen_as_u(m: re.Match) -> str:
    """"đ-ợc" -> "được", "s-" -> "sư", "-ơng" -> "ương"; "mới-", "Xanh-sạch" keep their hyphen."""
    pieces = m.group(0).split("-")
    out = pieces[0]
    for nxt in pieces[1:]:
        prev_word = out.split("-")[-1]
        u = "Ư" if (prev_word[-1:].isupper() or nxt[:1].isupper()) and not (prev_word[-1:].islower() or nxt[:1].islower()) else "ư"
        merged = prev_word + u + nxt
        broken = (prev_word and not _ok(prev_word)) or (nxt and not _ok(nxt))
        if (prev_word or nxt) and broken and _ok(merged):
            out = out[: len(out) - len(prev_word)] + merged
        else:
            out += "-" + nxt
    return out


def _repair_tcvn3(text: str) -> tuple[str, bool]:
    decoded = legacy.decode_str(text.translate(_TCVN3_GLYPHS), "tcvn3")
    decoded = legacy.restore_case(_HYPHENED.sub(_hyphen_as_u, decoded))
    ratio, total = _valid_ratio(decoded)
    return decoded, total >= 5 and ratio >= MIN_VALID


# the end of such a word: sre skips to an ơ/Ơ in C (the word's start and the letter before ơ are
# looked at in Python, on the few hits); _BAD_RHYME_WORD opened with \b and a letter loop at every word
_BAD_RHYME_END = re.compile(r"[ơƠ](?:NG|NH|CH|C|ng|nh|ch|c)\b")
_NOT_LETTER = re.compile(r"[\W\d_]")


def damage_score(text: str) -> int:
    """Words with a rhyme Vietnamese never has (cơng, CƠNG, đơc): broken composite glyphs.
    = len(_BAD_RHYME_WORD.findall(text)): a word of letters only up to its ơ/Ơ, no ư/Ư before it."""
    text = unicodedata.normalize("NFC", text)
    n = 0
    for m in _BAD_RHYME_END.finditer(text):
        p = start = m.start()
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # back to the word's start (\w)
            start -= 1
        if (start == p or text[p - 1] not in "ưƯ") and not _NOT_LETTER.search(text, start, p):
            n += 1
    return n


def repair(text: str) -> tuple[str, bool]:
    """(repaired text, damaged). Text that needs nothing comes back unchanged with False."""
    if not text or text.isascii():
        return text, False
    fixed = text.translate(_OI) if "\u01a3" in text or "\u01a2" in text else text  # a dict translate is slow per char
    if _tcvn3_surface(fixed):
        decoded, ok = _repair_tcvn3(fixed)
        if not ok:
            return text, True
        fixed = decoded
    bad = damage_score(fixed)
    ratio, total = _valid_ratio(fixed)  # once: the syllable check is most of the reader's time
    if bad >= 3 or (total and bad / total > 0.01):
        return text, True
    if total >= 20 and ratio < 0.75:  # mostly not Vietnamese syllables: an unknown broken mapping
        return text, True
    return fixed, False
