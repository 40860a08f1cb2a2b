"""Issue 14 (speed): language.detect counts letters, words and Vietnamese words with numpy;
the counts are findall's and the verdicts the old detect's, on real texts, their slices and
accent-stripped copies, and invented texts of odd chars (Hangul, digits of other scripts,
numerals that are letters to \\w, combining marks, chars beyond the BMP)."""
from __future__ import annotations

import random
import unicodedata

from conftest import REPO, SEEDS
from kehoach.parser.text import language as L
from kehoach.parser.text.normalize import strip_accents


def _old_counts(text: str) -> tuple[int, int, int]:
    words = L._WORD.findall(text)
    vi_letters = {c for c in set(text) if L._vi_only_char(c)}
    return sum(map(len, words)), len(words), len(words) - sum(map(vi_letters.isdisjoint, words))


def _old_detect(text: str) -> L.Verdict:
    """language.detect before numpy (the chunked fast path, then langid)."""
    text = L.sample(text)
    fast = L._fast_path(text)
    if fast is not None:
        return fast
    ranked = dict(L._identifier().rank(text))
    top, conf = max(ranked.items(), key=lambda kv: kv[1])
    vi_prob = float(ranked.get(L.VI, 0.0))
    meant_vi = top == L.VI or vi_prob >= L.MIN_VI_PROB
    return L.Verdict(L.VI if meant_vi else top, meant_vi, round(vi_prob if meant_vi else float(conf), 3))


def _real_texts() -> list[str]:
    files = sorted(SEEDS.glob("*.txt")) + sorted((REPO / "corpora" / "phenomena").glob("*.txt"))
    files += sorted((REPO / "corpora" / "samples").glob("*.txt"))
    cache = REPO / "corpora" / "real" / "cache"
    if cache.is_dir():
        files += sorted(cache.glob("*.txt"))[:40]
    return [f.read_bytes().decode("utf-8", errors="replace") for f in files]


def _invented(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pools = [
        "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặ  \n,.;:-0123456789",
        "the quick brown fox jumps over lazy dogs  \n,.0123",
        "a\u0301\u0323\u0309\u031b\u0306 ĐđĂ ²³½ⅫⅰⅯ_٣٤੫\uff11 \uac00\uac01\ud55c 한 x y\n\t\u00a0",
        "Ωωάέ ђћ ḍṃ ǖǘ ǚ ỗ ữ ạ a b c _ 1 2 \U0001d7ce \U0001f600 \ud800 .",
    ]
    out = []
    for _ in range(n):
        pool = rng.choice(pools)
        k = rng.randint(1990, 2600) if rng.random() < 0.8 else rng.randint(0, 3000)
        out.append("".join(rng.choice(pool) for _ in range(k)))
    return out


def test_counts_are_findalls():
    texts = _real_texts()
    texts += [strip_accents(t) for t in texts[:20]] + [unicodedata.normalize("NFD", t) for t in texts[:10]]
    texts += _invented(400, 21)
    counted = 0
    for t in texts:
        got = L._counts(t)
        if got is None:
            assert len(t) < L.NUMPY_FROM or any(ord(c) > 0xFFFF for c in t)
            continue
        assert got == _old_counts(t), repr(t[:80])
        counted += 1
    assert counted > 250


def test_verdicts_are_the_old_verdicts():
    rng = random.Random(22)
    texts = []
    for t in _real_texts():
        texts += [t, strip_accents(t)]
        for _ in range(3):
            a = rng.randrange(len(t) + 1)
            texts.append(t[a:a + rng.choice([500, 2100, 5000, 70000])])
    # few Vietnamese words among many plain ones: around the 8% share, where the two paths could part
    for share in (0.05, 0.075, 0.08, 0.085, 0.1):
        words = [rng.choice(["học", "được", "trường"]) if rng.random() < share else rng.choice(["the", "on", "a", "plan"])
                 for _ in range(rng.randint(400, 900))]
        texts.append(" ".join(words))
    texts += _invented(150, 23)
    for t in texts:
        assert L.detect(t) == _old_detect(t), repr(t[:80])
