"""POS tagging scores its windows itself (postag._scorer/_decode: the model's weights read by
crf_attrs.weights, summed in the features' order, underthesea_core's Viterbi in numpy): the labels and
the score must be exactly underthesea_core's on sentence_features (the old path, kept here as the
oracle), and the tags underthesea's own, on seed windows, edge cases and fuzzed word lists."""
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


def test_scorer_is_used():
    assert postag._scorer() is not None


def test_weights_are_underthesea_cores():
    from underthesea_core import CRFModel

    w = crf_attrs.weights(postag._model_path())
    theirs = CRFModel.load(postag._model_path())
    assert w.labels == theirs.get_labels() == postag._model()[1].labels()
    assert len(w.labels) == 20
    assert len(w.attr_ids) == theirs.num_attributes
    assert len(w.state) == theirs.num_state_features()


def _check(word_lists):
    _predictor, model = postag._model()
    scorer, labels = postag._scorer(), model.labels()
    checked = 0
    for words in word_lists:
        if not words:
            continue
        path, score = postag._decode(scorer, words)
        tags, their_score = model.tag_with_score(postag.sentence_features(words))
        assert [labels[i] for i in path] == tags, words
        assert score == their_score, words  # the same float: the same sums in the same order
        checked += 1
    assert checked > 10


@pytest.mark.parametrize("sentences", [seed_windows(8, 3), seed_windows(24, 11), EDGES], ids=["seeds", "long", "edges"])
def test_same_labels_and_score_as_underthesea_core(sentences):
    _check([word_tokenize(s) for s in sentences])


def test_same_labels_and_score_on_fuzzed_words():
    _check(fuzzed_words(1500))


def test_long_window_past_the_indexed_lengths():
    words = " ".join(seed_windows(40, 40)).split()[:150]
    assert len(words) > postag._INDEXED
    _check([words] * 11)


@pytest.mark.parametrize("sentences", [seed_windows(8, 5), EDGES], ids=["seeds", "edges"])
def test_same_tags(sentences):
    for s in sentences:
        assert postag.pos_tag(s) == old_pos_tag(s) == underthesea_pos_tag(s), s


def test_a_model_that_tags_otherwise_keeps_underthesea_cores_tagger(monkeypatch):
    """The probe guard: weights that do not reproduce underthesea_core's scores leave its tagger in place."""
    real = crf_attrs.weights

    def skewed(path):
        w = real(path)
        w.transitions = [[x + 1e-9 for x in row] for row in w.transitions]
        return w

    postag._scorer.cache_clear()
    monkeypatch.setattr(crf_attrs, "weights", skewed)
    try:
        assert postag._scorer() is None
        assert postag.pos_tag("phấn đấu đạt đoàn viên xuất sắc") == old_pos_tag("phấn đấu đạt đoàn viên xuất sắc")
    finally:
        monkeypatch.undo()
        postag._scorer.cache_clear()
    assert postag._scorer() is not None
