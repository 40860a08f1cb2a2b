"""Is this text meant to be Vietnamese? Decides whether a damaged-looking PDF text layer is
repaired/OCRed (Vietnamese set in broken fonts) or read as is (a foreign document).

Two steps, so the common case costs nothing:
1. Fast path: text whose words often carry letters only Vietnamese writes (ă đ ơ ư, a dot
   below, a hook above, stacked marks) is Vietnamese.
2. Otherwise py3langid (a naive Bayes over byte n-grams, its model ships in the wheel; loaded
   once per process, ~1.5 s). It still says "vi" for Vietnamese whose fonts map it wrongly
   (TCVN3 surfaces "toµn Ngµnh", "TRƢỜNG", "CƠNG ĐỒN", accents stripped), which is the point:
   only text that is some other language is left alone.

Too little text to judge (a title, digits, a table of numbers) counts as Vietnamese: this is
a Vietnamese parser, and the old behaviour is the safe default there.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

VI = "vi"
MIN_LETTERS = 200  # fewer letters than this: do not judge, assume Vietnamese
SAMPLE_CHARS = 60_000  # judge a sample spread over the document, not all of a 1 MB text
FAST_SHARE = 0.08  # share of words with a Vietnamese-only letter that settles it without the model
MIN_VI_PROB = 0.2  # langid's probability for "vi" above which the text may be Vietnamese

_WORD = re.compile(r"[^\W\d_]+")
# combining marks only Vietnamese uses among Latin scripts: dot below, hook above, horn
_VI_MARKS = {"\u0323", "\u0309", "\u031b"}


@dataclass(frozen=True)
class Verdict:
    language: str  # ISO 639-1 code ("vi", "en", "fr" ...), "und" when not judged
    vietnamese: bool  # meant to be Vietnamese (or too short to tell)
    confidence: float


@lru_cache(maxsize=4096)
def _vi_only_char(c: str) -> bool:
    if c in "ăĂđĐ":
        return True
    if ord(c) < 0xC0:
        return False
    marks = unicodedata.normalize("NFD", c)[1:]
    return len(marks) > 1 or any(m in _VI_MARKS for m in marks)


def sample(text: str, size: int = SAMPLE_CHARS) -> str:
    """Up to `size` characters taken from ten places spread over the text."""
    if len(text) <= size:
        return text
    step, piece = len(text) // 10, size // 10
    return "\n".join(text[i * step: i * step + piece] for i in range(10))


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Verdict:
    """The language the text is written in, and whether it is meant to be Vietnamese."""
    text = sample(text)
    counts = _counts(text, settle=True)
    if counts is None:
        fast = _fast_path(text)
        if fast is not None:
            return fast
    else:  # the fast path's test on the whole text's counts
        letters, n_words, n_vi = counts
        if letters >= MIN_LETTERS and n_vi >= FAST_SHARE * n_words:
            return Verdict(VI, True, 1.0)
        if letters < MIN_LETTERS:
            return Verdict("und", True, 0.0)
    ident = _identifier()
    ranked = dict(ident.rank(text))
    top, conf = max(ranked.items(), key=lambda kv: kv[1])
    vi_prob = float(ranked.get(VI, 0.0))
    meant_vi = top == VI or vi_prob >= MIN_VI_PROB
    return Verdict(VI if meant_vi else top, meant_vi, round(vi_prob if meant_vi else float(conf), 3))


def _fast_path(text: str) -> Verdict | None:
    """The fast path's verdict (VI, or "und" for too few letters), None when it cannot tell."""
    # The fast path, counted a tenth of the text at a time (cut at a space: no word is
    # split): once the words seen so far would carry the share even if the rest of the text
    # were all one-letter words without a Vietnamese letter, the verdict is settled; after
    # the last tenth the counts are those of the whole text, so the test is the same.
    n = len(text)
    step = max(n // 10, 1)
    letters = n_words = n_vi = pos = 0
    while pos < n:
        cut = text.find(" ", pos + step)
        if cut == -1:
            cut = n
        words = _WORD.findall(text, pos, cut)
        letters += sum(map(len, words))
        # the letters of the text that only Vietnamese writes, then a C-level set test per word
        vi_letters = {c for c in set(text[pos:cut]) if _vi_only_char(c)}
        n_vi += len(words) - sum(map(vi_letters.isdisjoint, words))
        n_words += len(words)
        pos = cut
        if letters >= MIN_LETTERS and n_vi >= FAST_SHARE * (n_words + (n - pos + 1) // 2):
            return Verdict(VI, True, 1.0)
    if letters < MIN_LETTERS:
        return Verdict("und", True, 0.0)
    return None


NUMPY_FROM = 2000  # chars: a shorter text is counted word by word (numpy's calls cost more there)


@lru_cache(maxsize=4096)
def _char_kind(c: str) -> int:
    """1: a letter of a word (_WORD), 3: a letter only Vietnamese writes, 0: neither."""
    return (1 + 2 * _vi_only_char(c)) if _WORD.match(c) else 0


_KINDS = None  # each BMP char's _char_kind, 255 until a text holds it (per process, like _char_kind's cache)
HEAD_SHARE = 3  # the first 1/HEAD_SHARE of a text is counted first: it settles a Vietnamese plan


def _counts(text: str, settle: bool = False) -> tuple[int, int, int] | None:
    """(letters, words, words holding a letter only Vietnamese writes) of the whole text, as
    _WORD.findall and the per-word test count them: each char's kind looked up at once over
    its UTF-16 code units with numpy (findall and a set per word cost ~450 instructions a char).
    None for a short text, or one with chars beyond the BMP (two code units each).

    settle: the counts of the text up to a space a third of the way in, when they settle the
    fast path's test whatever the rest holds (as _fast_path stops early: the rest, n chars
    opening with a space, holds (n + 1) // 2 words at most, none of them Vietnamese; its
    letters and Vietnamese words only add). Words never cross a space, so a part's counts and
    the rest's add up to the whole text's."""
    if len(text) < NUMPY_FROM:
        return None
    from kehoach.parser.text.digits import utf16_units

    units = utf16_units(text)
    if len(units) != len(text):
        return None
    kind = _kinds(units)
    cut = text.find(" ", len(text) // HEAD_SHARE) if settle else -1
    if cut == -1:
        return _tally(kind)
    letters, n_words, n_vi = _tally(kind[:cut])
    if letters >= MIN_LETTERS and n_vi >= FAST_SHARE * (n_words + (len(text) - cut + 1) // 2):
        return letters, n_words, n_vi  # (the whole text's pass the same test: the verdict is VI)
    more = _tally(kind[cut:])
    return letters + more[0], n_words + more[1], n_vi + more[2]


def _kinds(units):
    """_char_kind of each code unit, through a table of the BMP filled in as chars turn up (a
    plan's hundred-odd distinct chars were counted with np.bincount, ~0.5 M instructions)."""
    global _KINDS
    import numpy as np

    if _KINDS is None:
        _KINDS = np.full(0x10000, 255, dtype=np.uint8)
    kind = _KINDS.take(units)
    if kind.max() == 255:
        new = np.unique(units[kind == 255]).tolist()
        _KINDS[new] = [_char_kind(chr(u)) for u in new]
        kind = _KINDS.take(units)
    return kind


def _tally(kind) -> tuple[int, int, int]:
    """(letters, words, words holding a kind-3 letter) of a run of chars' kinds (not empty)."""
    import numpy as np

    letter = kind != 0
    # a word: a run of letters; it starts at a letter after a non-letter (or at the text's start)
    starts = np.empty_like(letter)
    starts[0] = letter[0]
    np.greater(letter[1:], letter[:-1], out=starts[1:])
    run = np.cumsum(starts)  # each char's word number (valid on letters)
    vi_runs = run[kind == 3]  # nondecreasing: count its distinct values
    n_vi = int(np.count_nonzero(vi_runs[1:] != vi_runs[:-1])) + 1 if len(vi_runs) else 0
    return int(np.count_nonzero(letter)), int(run[-1]), n_vi


def not_vietnamese_warning(v: Verdict) -> str:
    return (f"the document is not Vietnamese (language detected: {v.language}, confidence {v.confidence:.2f}): "
            "its text is read as is (no font repair, no OCR); the Vietnamese taggers may find little")
