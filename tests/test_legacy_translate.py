"""TCVN3 decoding goes through str.translate (every key of its table is one character); the result
must be the alternation substitution's, the way VNI (two-character keys) still goes."""
from __future__ import annotations

import random
import unicodedata
from pathlib import Path

from kehoach.parser.text import legacy

SAMPLE = Path(__file__).resolve().parents[1] / "corpora" / "samples" / "mn-son-ca-2024-2025_tcvn3.txt"


def _by_regex(s: str, encoding: str) -> str:
    table, pattern = legacy._table(encoding)
    return unicodedata.normalize("NFC", pattern.sub(lambda m: table[m.group(0)], s))


def test_tcvn3_takes_the_translate_path_and_vni_does_not():
    assert legacy._char_table("tcvn3") is not None
    assert legacy._char_table("vni") is None


def test_translate_equals_the_substitution():
    surface = legacy.surface(SAMPLE.read_bytes())
    all_chars = "".join(legacy._byte_char(b) for b in range(256))
    rnd = random.Random(7)
    fuzz = ["".join(rnd.choice(all_chars) for _ in range(60)) for _ in range(300)]
    for s in [surface, all_chars, *fuzz]:
        assert legacy._map(s, "tcvn3") == _by_regex(s, "tcvn3")
    decoded = legacy._map(surface, "tcvn3")
    assert decoded != surface and "đoàn" in decoded.lower()  # real Vietnamese came out


def _caps_around_before(chars: str) -> bool:  # the list-building version this replaced
    cased = [c for c in chars if c.isalpha() and (c.isupper() or c.islower()) and not legacy._ambiguous(c)]
    return len(cased) >= 2 and all(c.isupper() for c in cased)


def test_caps_around_is_unchanged():
    decoded = legacy._map(legacy.surface(SAMPLE.read_bytes()), "tcvn3")
    pieces = decoded.split("\n") + decoded.split()
    rnd = random.Random(11)
    alphabet = "aAàÀảẢăĂắẮđĐêÊếẾơƠưƯyYỳỲ ǅǈΣσßẞ1-.,()Ⓐⓐ"
    pieces += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))) for _ in range(5000)]
    assert sum(legacy._caps_around(p) for p in pieces) > 50  # capitals are there to be found
    for p in pieces:
        assert legacy._caps_around(p) == _caps_around_before(p), p
