"""The all-caps test of TCVN3 case restoring stops at the first small letter: the same answer as
the list-building version it replaced, on the TCVN3 sample's lines and words and on invented strings."""
from __future__ import annotations

import random
from pathlib import Path

from kehoach.parser.text import legacy

SAMPLE = Path(__file__).resolve().parents[1] / "corpora" / "samples" / "mn-son-ca-2024-2025_tcvn3.txt"


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
