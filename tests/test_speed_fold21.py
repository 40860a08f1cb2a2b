"""Issue 14 (speed), session 21: fold's quick ways past its two regex scans give what the old fold
gave, on the seeds' lines and windows, the real corpus, invented and random text, and every code
point (the facts each quick way rests on)."""
from __future__ import annotations

import random
import sys

from conftest import REPO, SEEDS, seed_windows
from kehoach.parser.text import normalize as N


def _old_fold(s):
    """fold as it was (eb19b33): the table's regex pass and the tone rule's regex on every text."""
    if not s:
        return ""
    s = N.nfc(s)
    t = N._FOLD_CHARS.sub(N._FOLD_SUB, s)
    s = N._new_tones(t if t is s else N.nfc(t)).casefold()
    if s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " ":
        return s
    return " ".join(s.split())


def _lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((REPO / "corpora" / "real" / "cache").glob("*.txt"))]
    return [ln for t in texts for ln in t.splitlines()]


def _tone_pairs() -> list[str]:
    """Every pair of the tone table in every case, in its NFD spelling too."""
    out = []
    for pair in N._OLD_TO_NEW:
        for a in {pair[0], pair[0].lower(), pair[0].upper()}:
            for b in {pair[1], pair[1].lower(), pair[1].upper()}:
                out += [a + b, N._normalize("NFD", a + b)]
    return out


def _invented(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pairs = _tone_pairs()
    # the pairs, q, letters and non-letters around them, what the table replaces, what casefold
    # expands or maps oddly (ß, ﬁ, İ, K, µ, ͅ, ς), marks to compose, controls and spaces
    bits = pairs + list("qQoOuUyYaAeEnN.,;:)( \t\n-–—‐‑‒―−ÐðßﬁİKµͅςΣ\u00a0\u200b\u00ad\x00\x1f\x7f\u2028\u3000\u0301\u0300\u0323\u0309\u0303ǅ1") + ["  "]
    return ["".join(rng.choice(bits) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def test_fold_is_the_old_fold_on_real_text():
    texts = _lines() + seed_windows(3, 1) + seed_windows(8, 5) + [w for ln in _lines()[:3000] for w in ln.split()]
    for t in texts:
        assert N.fold.__wrapped__(t) == _old_fold(t), repr(t)


def test_fold_is_the_old_fold_on_invented_text():
    texts = _invented(60000, 21) + _tone_pairs() + [p + c for p in _tone_pairs() for c in ("", " ", ".", "n", "ͅ", "K", "İ", "\u200b", "\u0301")]
    texts += ["q" + p for p in _tone_pairs()] + ["", " ", "a  b", " a", "a ", "–", "Ð", "ð", "\x1f", "ß", "ﬁ"]
    for t in texts:
        assert N.fold.__wrapped__(t) == _old_fold(t), repr(t)


def test_fold_is_the_old_fold_on_random_text():
    rng = random.Random(14)
    for _ in range(20000):
        t = "".join(chr(rng.choice((rng.randrange(0x20, 0x250), rng.randrange(0x1E00, 0x1F00), rng.randrange(0, 0x3100),
                                     rng.randrange(0, sys.maxunicode + 1)))) for _ in range(rng.randint(0, 12)))
        assert N.fold.__wrapped__(t) == _old_fold(t), repr(t)


def test_the_facts_the_quick_ways_rest_on():
    chars = [chr(c) for c in range(sys.maxunicode + 1)]
    # a printable string holds no char of the table but those fold looks for by `in`
    assert {c for c in map(chr, N._FOLD_TABLE) if c.isprintable()} == set(N._PRINTABLE_IN_TABLE)
    # casefold works char by char (so a text's casefold is its chars' casefolds joined), gives each
    # printable char printable chars, and maps no non-letter to a char that opens with one of _LETTERS
    letters = set(N._LETTERS.replace("\\", ""))
    for c in chars:
        f = c.casefold()
        assert f, hex(ord(c))
        if c.isprintable():
            assert f.isprintable(), hex(ord(c))
        if not c.isalpha():
            assert f[0] not in letters, hex(ord(c))
    assert "".join(chars).casefold() == "".join(c.casefold() for c in chars)
    # the rule's replacements are printable; each pair casefolds to a pair the two quick scans look for
    for pair, new in N._OLD_TO_NEW.items():
        assert new.isprintable()
        low = pair.casefold()
        assert len(low) == 2 and low[1] in N._LOWER_SECONDS[low[0]]
