"""POS tagging hands underthesea_core only the features its model knows (postag.known_features, the
model's own strings): the lists must be sentence_features' (the old path, kept as the oracle) less the
strings the model lacks, in the same order, and the tags and the score underthesea_core's on the full
lists, on seed windows, edge cases and fuzzed word lists."""
from __future__ import annotations

import random

import pytest
from underthesea import pos_tag as underthesea_pos_tag

from conftest import seed_windows
from kehoach.parser.nlp import crf_attrs, postag
from kehoach.parser.nlp.wordseg import word_tokenize

EDGES = ["", "a", "BOS EOS bos", "EOS", "X X X", "2147483647 2147483648 -5 +7 + 007", "Đạt 100% CBNGNLĐ TP.HCM",
         "Ngày 20/11/2024, 100 % đoàn viên tham gia.", "“Học tập và làm theo”", "ß Ǆ ǅ ½ ² Σ ΑΣ", "a  b",
         "phấn đấu đạt đoàn viên xuất sắc", "thu đoàn phí từ lương cơ bản /1đv", "...kịp thời đạt", "a=b T[0]=x =",
         "Đoàn Viên Công Đoàn"]


def old_pos_tag(sentence: str) -> list[tuple[str, str]]:
    """The previous pos_tag: underthesea_core's tagger on every feature."""
    _predictor, model = postag._model()
    words = word_tokenize(sentence)
    return list(zip(words, model.tag(postag.sentence_features(words))))


def fuzzed_words(n: int, seed: int = 24) -> list[list[str]]:
    """Word lists as the segmenter gives them (syllables joined by a space), with odd words mixed in."""
    rng = random.Random(seed)
    words = " ".join(seed_windows(40, 40)).split()
    odd = ["BOS", "EOS", "X", "X X", "bos", "2024", "-1", "TP.HCM", "%", "Th.S", "Ǆ", "ǅa", "100%", "ĐẠT", "a=b",
           "=", "T[-1][1]=X", "Đoàn Viên", "đoàn Viên", "A  B", " a", "“", "ß"]
    out = []
    for _ in range(n):
        k = rng.randint(1, 30)
        ws = []
        for _ in range(k):
            w = " ".join(rng.choice(words) for _ in range(rng.choice((1, 1, 2, 3)))) if rng.random() < 0.85 \
                else rng.choice(odd)
            ws.append(w.lower() if rng.random() < 0.4 else w.upper() if rng.random() < 0.05 else w)
        out.append(ws)
    return out


def _check(word_lists):
    _predictor, model = postag._model()
    tables = postag._known()
    known = set(crf_attrs.attributes(postag._model_path()))
    checked = dropped = 0
    for words in word_lists:
        full = postag.sentence_features(words)
        ours = postag.known_features(words, tables)
        assert ours == [[f for f in fs if f in known] for fs in full], words
        dropped += sum(map(len, full)) - sum(map(len, ours))
        tags, score = model.tag_with_score(ours)
        their_tags, their_score = model.tag_with_score(full)
        assert tags == their_tags and len(tags) == len(words), words
        assert score == their_score, words  # the same float: the same sums in the same order
        checked += 1
    assert checked > 10 and dropped > 0


@pytest.mark.parametrize("sentences", [seed_windows(8, 3), seed_windows(24, 11), EDGES], ids=["seeds", "long", "edges"])
def test_known_features_tag_as_all_features(sentences):
    _check([word_tokenize(s) for s in sentences])


def test_known_features_on_fuzzed_words():
    _check(fuzzed_words(1500))


def test_known_table_is_read():
    tables = postag._known()
    assert tables is not None and len(tables) == len(postag.TEMPLATE)
    assert tables[postag.TEMPLATE.index("T[0].lower")]["đoàn kết"] == "T[0].lower=đoàn kết"
    assert "đoàn viên" not in tables[postag.TEMPLATE.index("T[0].lower")]  # a value the model lacks


@pytest.mark.parametrize("sentences", [seed_windows(8, 5), EDGES], ids=["seeds", "edges"])
def test_same_tags(sentences):
    for s in sentences:
        assert postag.pos_tag(s) == old_pos_tag(s) == underthesea_pos_tag(s), s


def test_an_unreadable_model_hands_over_every_feature(monkeypatch):
    postag._known.cache_clear()
    monkeypatch.setattr(crf_attrs, "by_template", lambda *a: (_ for _ in ()).throw(crf_attrs.NotCRFsuite("x")))
    try:
        assert postag._known() is None
        s = "phấn đấu đạt đoàn viên xuất sắc"
        assert postag.pos_tag(s) == old_pos_tag(s)
    finally:
        monkeypatch.undo()
        postag._known.cache_clear()
    assert postag._known() is not None


def test_two_label_viterbi_is_the_general_one():
    """wordseg._viterbi2 (two labels, unrolled) against wordseg._viterbi (underthesea_core's loop), ties
    included (small integer scores tie often: the first best must be kept)."""
    from kehoach.parser.nlp import wordseg

    rng = random.Random(24)
    ties = 0
    for k in range(20000):
        n = rng.randint(1, 12)
        f = (lambda: float(rng.randint(-2, 2))) if k % 2 else (lambda: rng.uniform(-5, 5))
        em, trans = [[f(), f()] for _ in range(n)], [[f(), f()], [f(), f()]]
        path, score = wordseg._viterbi2(em, trans)
        assert (path, score) == wordseg._viterbi(em, trans), (em, trans)
        assert all(type(y) is int for y in path) and type(score) is float
        ties += em[-1][0] == em[-1][1]
    assert ties > 100
