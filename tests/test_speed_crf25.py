"""Word segmentation and POS tagging memoise each gram's weights or features per text (wordseg.MEMO,
postag.MEMO; kehoach.parser.caches clears both): the results must not depend on what the memo holds
(empty, warm from other windows, or restarted at its bound), and wordseg's grams are lowered word by
word, which must equal lowering the joined gram. The scores against underthesea_core's own are in
test_speed_crf23 (segmentation) and test_speed_crf24 (POS features)."""
from __future__ import annotations

import random
import sys

import pytest

from conftest import seed_windows
from kehoach.parser.caches import clear
from kehoach.parser.nlp import postag, wordseg


def old_known_features(words: list[str], tables) -> list[list[str]]:
    """postag.known_features before the memo (the oracle): every lookup made per token."""
    n = len(words)
    w, lo, ti, pr = postag._columns(words)
    a = [t.get for t in tables]
    tag = [[*filter(None, (tables[17].get(x), tables[18].get(y), tables[19].get(z), tables[20].get(u),
                           tables[21].get(v)))]
           for x, y, z, u, v in (("BOS",) * 5, ("BOS", "BOS", "X", "BOS", "BOS"), ("BOS", "X", "X", "BOS", "X X"),
                                 ("X", "X", "X", "X X", "X X"))]
    return [[*filter(None, (a[0](lo[i]), a[1](lo[i + 1]), a[2](lo[i + 2]), a[3](lo[i + 3]), a[4](lo[i + 4]),
                            a[5](ti[i + 1]), a[6](ti[i]), a[7](ti[i + 2]),
                            a[8](w[i]), a[9](w[i + 1]), a[10](w[i + 2]), a[11](w[i + 3]), a[12](w[i + 4]),
                            a[13](pr[i]), a[14](pr[i + 1]), a[15](pr[i + 2]), a[16](pr[i + 3]))), *tag[min(i, 3)]]
            for i in range(n)]


def _windows() -> list[str]:
    rng = random.Random(25)
    ws = seed_windows(8, 3) + [w.lower() for w in seed_windows(24, 11)]
    rng.shuffle(ws)
    return ws[:600]


def _cold(fn, items):
    out = []
    for x in items:
        clear()
        out.append(fn(x))
    return out


def test_segmentation_does_not_depend_on_the_memo(monkeypatch):
    windows = _windows()
    cold = _cold(wordseg.word_tokenize, windows)
    clear()
    warm = [wordseg.word_tokenize(w) for w in windows]
    assert warm == cold
    assert len(wordseg.MEMO.ones) > 100  # the memo was used
    monkeypatch.setattr(wordseg._Memo, "LIMIT", 7)  # restarted over and over
    clear()
    assert [wordseg.word_tokenize(w) for w in windows] == cold
    assert len(wordseg.MEMO.ones) <= 7 + 40  # one window's words past the bound at most


def test_pos_features_do_not_depend_on_the_memo(monkeypatch):
    tables = postag._known()
    words = [wordseg.word_tokenize(w) for w in _windows()]
    cold = _cold(lambda ws: postag.known_features(ws, tables), words)
    assert cold == [old_known_features(ws, tables) for ws in words]
    clear()
    warm = [postag.known_features(ws, tables) for ws in words]
    assert warm == cold
    assert len(postag.MEMO.ones) > 100
    monkeypatch.setattr(postag._Memo, "LIMIT", 5)
    clear()
    assert [postag.known_features(ws, tables) for ws in words] == cold


def test_pos_memo_follows_its_tables():
    """A different table set (another model) restarts the memo: no feature of the old one leaks."""
    tables = postag._known()
    words = ["Đoàn viên", "tham gia", "đầy đủ"]
    clear()
    want = postag.known_features(words, tables)
    other = tuple({} for _ in tables)
    assert postag.known_features(words, other) == [[] for _ in words]
    assert postag.known_features(words, tables) == want


def test_caches_clear_empties_the_memos():
    wordseg.word_tokenize("đoàn viên công đoàn tham gia đầy đủ")
    postag.known_features(["đoàn viên"], postag._known())
    clear()
    assert not wordseg.MEMO.ones and not wordseg.MEMO.twos and not wordseg.MEMO.threes
    assert not postag.MEMO.ones and not postag.MEMO.twos


@pytest.mark.parametrize("seed", range(3))
def test_lowering_word_by_word_is_lowering_the_gram(seed):
    """str.lower of "a b" is lower(a) + " " + lower(b), final sigma and multi-char lowerings included."""
    rng = random.Random(seed)
    special = ["Σ", "ΑΣ", "ΣΑ", "Σ.", ".Σ", "İ", "ẞ", "Ǆ", "ǅ", "'Σ'", "A\u0301Σ", "Σ\u0301", "ΑΣ\u0345"]
    pool = special + [chr(rng.randrange(32, sys.maxunicode)) for _ in range(3000)]
    for _ in range(20000):
        a = "".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
        b = "".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
        assert (a + " " + b).lower() == a.lower() + " " + b.lower(), (a, b)
