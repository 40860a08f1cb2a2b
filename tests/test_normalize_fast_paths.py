"""The fast paths of text.normalize (cached fold, lookahead in the tone regex, split-join
spaces, per-char strip_accents table) give what the plain definitions give, on the seeds and
on random strings made of the characters that matter."""
from __future__ import annotations

import random
import re
import unicodedata

from conftest import SHARED
from kehoach.parser.text import normalize as N

_PLAIN_OLD = re.compile("|".join(sorted(map(re.escape, N._OLD_TO_NEW), key=len, reverse=True)))


def plain_tone(s: str) -> str:
    s = unicodedata.normalize("NFC", s)

    def repl(m: re.Match) -> str:
        if m.group(0)[0] in "uU" and m.start() > 0 and s[m.start() - 1] in "qQ":
            return m.group(0)
        end = m.end()
        if end < len(s) and s[end].isalpha():
            return m.group(0)
        return N._OLD_TO_NEW[m.group(0)]

    return _PLAIN_OLD.sub(repl, s)


def plain_clean(s: str) -> str:
    s = unicodedata.normalize("NFC", s).translate(N.ZERO_WIDTH).translate(N.SPACES)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return N.CONTROL_RE.sub("", s)


def plain_fold(s: str) -> str:
    if not s:
        return ""
    s = plain_tone(plain_clean(s)).translate(N.DASHES).casefold()
    return re.sub(r"\s+", " ", s).strip()


def plain_strip(s: str) -> str:
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "D")


def _samples() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpora" / "seeds").glob("*.txt"))]
    texts += [line for t in list(texts) for line in t.splitlines()]
    rnd = random.Random(14)
    alphabet = list("qQuUoOaAeEyY hđĐ2²½×-\u00a0\u200b\t\r\n\u2013\u2028") + list(N._OLD_TO_NEW) + ["\u0301", "\u0323"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))) for _ in range(5000)]
    wide = [chr(rnd.randint(0, 0x2FFFF)) for _ in range(3000)] + [chr(0x1D165), chr(0x302E), "Ǖ", "ấ"]
    texts += ["".join(rnd.choice(wide) for _ in range(rnd.randint(0, 8))) for _ in range(5000)]
    return texts


def test_fast_paths_equal_plain_definitions():
    samples = _samples()
    for s in samples:
        assert N.clean(s) == plain_clean(s), repr(s)
        assert N.new_tone_placement(s) == plain_tone(s), repr(s)
        assert N.fold(s) == plain_fold(s), repr(s)
        assert N.strip_accents(s) == plain_strip(s), repr(s)
        assert N.has_marks(s) == (plain_strip(s) != s), repr(s)
    assert N.fold("Thuỷ  HOÁ – Đoàn") == "thủy hóa - đoàn"
    assert N.strip_accents("Công đoàn Thủy") == "Cong doan Thuy"
