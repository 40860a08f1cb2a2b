"""Issue 14 (speed, session 21): a text's UTF-16 code units and number starts are kept for the
next stage asking about the same text (text.digits); decode_mixed finds its legacy-font hints
with numpy over those units; language.detect counts the first third of a text first and stops
when that settles it, with a per-process table of char kinds instead of np.bincount. Each is
compared with the way it replaced on real texts, slices, edge cases and fuzzed strings."""
from __future__ import annotations

import random
import unicodedata

from conftest import REPO, SEEDS
from test_speed_language import _old_detect
from kehoach.parser.text import digits, legacy
from kehoach.parser.text import language as L
from kehoach.parser.text.normalize import strip_accents


def _real_texts() -> list[str]:
    files = sorted(SEEDS.glob("*.txt")) + sorted((REPO / "corpora" / "phenomena").glob("*.txt"))
    files += sorted((REPO / "corpora" / "samples").glob("*.txt"))
    cache = REPO / "corpora" / "real" / "cache"
    if cache.is_dir():
        files += sorted(cache.glob("*.txt"))[:40]
    return [f.read_bytes().decode("utf-8", errors="replace") for f in files]


def _fuzz(rng: random.Random, n: int, pools: list[str], lo: int = 0, hi: int = 3000) -> list[str]:
    out = []
    for _ in range(n):
        pool = rng.choice(pools)
        out.append("".join(rng.choice(pool) for _ in range(rng.randint(lo, hi))))
    return out


# ---------------------------------------------------------------- legacy-font hints

# every hint char, the chars beside the hints' range, chars whose low byte is a hint's (Ů, Ẩ),
# Vietnamese letters of the Latin-1 block, surrogates and a char beyond the BMP
_HINT_POOL = legacy._HINT_CHARS + "\u00aa\u00ab\u00fb\u00fc\u00ff\u01ae\u1eae\u01b5\u1ef5àáâãèéêìíòóôõùúýđơưạ\n ab1\ud800\U0001d7ce"


def _old_hint_places(text: str) -> list[int]:
    return [m.start() for m in legacy._HINT.finditer(text)]


def test_hint_places_are_the_regex_matches():
    rng = random.Random(2101)
    texts = _real_texts()
    texts += [t.encode("utf-8").decode("cp1252", errors="replace") for t in texts[:10]]  # legacy-looking surfaces
    texts += _fuzz(rng, 600, [_HINT_POOL, _HINT_POOL.replace("\U0001d7ce", ""), "aăâ ®µ\n«ÊÝ" + "x" * 20])
    texts += ["", "®", "a" * 255 + "®", "a" * 256 + "®", "®" * 300, "\U0001d7ce" + "®" * 300]
    for t in texts:
        assert legacy._hint_places(t) == _old_hint_places(t), repr(t[:80])


def _head_decode_mixed(text: str, min_lines: int = 2):
    """legacy.decode_mixed as it was before numpy (one regex search per hint line)."""
    found: dict[int, str] = {}
    line = last = 0
    m = legacy._HINT.search(text)
    while m:
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.start())
        line += text.count("\n", last, a)
        last = a
        enc = legacy.detect_str(text[a:] if b == -1 else text[a:b])
        if enc:
            found[line] = enc
        if b == -1:
            break
        m = legacy._HINT.search(text, b + 1)
    if len(found) < min_lines:
        return text, None
    lines = text.split("\n")
    enc = max(set(found.values()), key=list(found.values()).count)
    for i, ln in enumerate(lines):
        if found.get(i) == enc or (i not in found and legacy._HINT.search(ln) and legacy._legacy_only(ln)
                                   and legacy._ratio(legacy.vietnamese_score(legacy._map(ln, enc)))
                                   > legacy._ratio(legacy.vietnamese_score(ln))):
            decoded = legacy.decode_str(ln, enc)
            if enc == "tcvn3":
                decoded = legacy._LOST_U.sub(lambda m: ("Ư" if m.group(1).isupper() else "ư") + m.group(1),
                                             legacy.restore_case(decoded))
            lines[i] = decoded
    return "\n".join(lines), enc


def test_decode_mixed_is_the_regex_scan():
    rng = random.Random(2102)
    texts = _real_texts()
    uni = texts[0].split("\n")
    surfaces = [legacy.encode(ln, rng.choice(["tcvn3", "vni"])).decode("cp1252", errors="replace") for ln in uni[:80]]
    for _ in range(400):  # Unicode lines and legacy-font lines pasted together, long and short
        texts.append("\n".join(rng.choice(surfaces) if rng.random() < rng.choice([0.1, 0.4, 0.8]) else rng.choice(uni)
                               for _ in range(rng.randint(1, 40))))
    texts += ["\n".join(surfaces[:20]) + "\U0001d7ce", "®\n" * 200, "\n".join(surfaces[:3])]
    found = 0
    for t in texts:
        want = _head_decode_mixed(t)
        assert legacy.decode_mixed(t) == want, repr(t[:80])
        found += want[1] is not None
    assert found > 100, found


# ---------------------------------------------------------------- the kept units and number starts

def test_units_and_number_starts_of_each_text_asked():
    rng = random.Random(2103)
    texts = _real_texts()[:12]
    texts += _fuzz(rng, 200, ["0123456789 ab\n٣\uff11", "12 a 3\U0001d7ce 4", "ab 12.3/4 ngày"], 200, 2000)
    for _ in range(3000):  # asked in any order, again, through another object with the same text
        t = rng.choice(texts)
        if rng.random() < 0.3:
            t = "".join(list(t))  # equal, not the same object
        units = digits.utf16_units(t)
        assert units.tobytes() == t.encode("utf-16-le", "surrogatepass")
        got = digits.number_starts(t)
        assert got == [m.start() for m in digits.NUMBER.finditer(t)], repr(t[:60])
        got.append(-1)  # the caller's own list: the kept one is not changed
        assert digits.number_starts(t) == [m.start() for m in digits.NUMBER.finditer(t)]


# ---------------------------------------------------------------- language

def _head_counts(text: str):
    """language._counts as it was (the kinds of the text's distinct chars through np.bincount)."""
    import numpy as np

    if len(text) < L.NUMPY_FROM:
        return None
    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype="<u2")
    if len(units) != len(text):
        return None
    present = np.flatnonzero(np.bincount(units))
    table = np.zeros(int(present[-1]) + 1, dtype=np.uint8)
    table[present] = [L._char_kind(chr(u)) for u in present.tolist()]
    kind = table.take(units)
    letter = kind != 0
    starts = np.empty_like(letter)
    starts[0] = letter[0]
    np.greater(letter[1:], letter[:-1], out=starts[1:])
    run = np.cumsum(starts)
    vi_runs = run[kind == 3]
    n_vi = int(np.count_nonzero(vi_runs[1:] != vi_runs[:-1])) + 1 if len(vi_runs) else 0
    return int(np.count_nonzero(letter)), int(run[-1]), n_vi


def _language_texts() -> list[str]:
    rng = random.Random(2104)
    texts = []
    for t in _real_texts():
        texts += [t, strip_accents(t), unicodedata.normalize("NFD", t)]
        for _ in range(3):
            a = rng.randrange(len(t) + 1)
            texts.append(t[a:a + rng.choice([1999, 2000, 2100, 5000, 70000])])
    # Vietnamese words few (around the 8% share) or all in the head or all in the tail
    for share in (0.03, 0.05, 0.075, 0.08, 0.085, 0.1, 0.2):
        for n in (300, 700, 2000):
            words = [rng.choice(["học", "được", "trường"]) if rng.random() < share else rng.choice(["the", "on", "a", "plan"])
                     for _ in range(n)]
            texts.append(" ".join(words))
            texts.append(" ".join(sorted(words, key=lambda w: w in ("the", "on", "a", "plan"))))
            texts.append(" ".join(sorted(words, key=lambda w: w not in ("the", "on", "a", "plan"))))
    vi = texts[0]
    texts += [vi[:3000].replace(" ", "\n"), vi[:700] + "x" * 3000, vi[:3000] + "\U0001d7ce", "\U0001d7ce" + vi[:3000],
              vi[:2500] + " ", " " * 2500, "đ" * 2500, ("ạ " * 1500), ("a " * 1500) + vi[:1000]]
    texts += _fuzz(rng, 150, ["aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặ  \n,.;:-0123456789",
                              "the quick brown fox jumps over lazy dogs  \n,.0123",
                              "a\u0301\u0323\u0309\u031b\u0306 ĐđĂ ²³½ⅫⅰⅯ_٣٤੫\uff11 \uac00\uac01\ud55c 한 x y\n\t\u00a0",
                              "Ωωάέ ђћ ḍṃ ǖǘ ǚ ỗ ữ ạ a b c _ 1 2 \U0001d7ce \U0001f600 \ud800 ."], 1990, 6000)
    return texts


def test_whole_counts_are_the_bincount_counts():
    for t in _language_texts():
        assert L._counts(t) == _head_counts(t), repr(t[:80])


def test_settled_counts_settle_as_the_whole_text_does():
    settled = 0
    for t in _language_texts():
        whole = _head_counts(t)
        got = L._counts(t, settle=True)
        if whole is None:
            assert got is None
            continue
        if got != whole:  # stopped early: both pass the fast path's test
            settled += 1
            for letters, n_words, n_vi in (got, whole):
                assert letters >= L.MIN_LETTERS and n_vi >= L.FAST_SHARE * n_words, repr(t[:80])
    assert settled > 50, settled


def test_verdicts_are_the_old_verdicts():
    for t in _language_texts():
        assert L.detect(t) == _old_detect(t), repr(t[:80])
