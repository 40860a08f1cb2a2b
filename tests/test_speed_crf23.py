"""Word segmentation scores its sentences itself (wordseg._scorer/_decode: the model's weights read
by crf_attrs.weights, summed in the features' order, underthesea_core's Viterbi): the labels and the
score must be exactly underthesea_core's on the filtered features (the old path, kept here as the
oracle), and the words underthesea's own, on seed windows, edge cases and fuzzed clauses."""
from __future__ import annotations

import random

import pytest
from underthesea import word_tokenize as underthesea_word_tokenize

from conftest import seed_windows
from kehoach.parser.nlp import crf_attrs, wordseg

EDGES = ["", "a", "BOS EOS bos", "EOS", "2147483647 2147483648 -5 +7 + 007", "Đạt 100% CBNGNLĐ TP.HCM",
         "Ngày 20/11/2024, 100 % đoàn viên tham gia.", "“Học tập và làm theo”", "ß Ǆ ǅ ½ ² Σ ΑΣ", "a  b",
         "phấn đấu đạt đoàn viên xuất sắc", "thu đoàn phí từ lương cơ bản /1đv", "...kịp thời đạt"]


def old_word_tokenize(sentence: str) -> list[str]:
    """The previous word_tokenize: underthesea_core's tagger on the known features."""
    model, dictionary = wordseg._model()
    tokens = wordseg.tokenize(sentence)
    if not tokens:
        return []
    tags = model.estimator.tag(wordseg.known_features(tokens, dictionary, wordseg._known()))
    out: list[str] = []
    for tag, token in zip(tags, tokens):
        if tag == "I-W" and out:
            out[-1] = out[-1] + " " + token
        else:
            out.append(token)
    return out


def fuzzed(n: int, seed: int = 23) -> list[str]:
    rng = random.Random(seed)
    words = " ".join(seed_windows(40, 40)).split()
    odd = ["BOS", "EOS", "2024", "-1", "+99999999999", "TP.HCM", "%", "Th.S", "  ", "\t", "Ǆ", "100%", "ĐẠT"]
    out = []
    for _ in range(n):
        k = rng.randint(1, 40)
        ws = [rng.choice(words) if rng.random() < 0.85 else rng.choice(odd) for _ in range(k)]
        s = " ".join(ws)
        out.append(s.lower() if rng.random() < 0.4 else s.upper() if rng.random() < 0.1 else s)
    return out


def test_scorer_is_used():
    assert wordseg._scorer() is not None


def test_weights_are_underthesea_cores():
    from underthesea_core import CRFModel

    path = wordseg._model_path()
    w = crf_attrs.weights(path)
    theirs = CRFModel.load(path)
    assert w.labels == theirs.get_labels() == ["B-W", "I-W"]
    assert len(w.attr_ids) == theirs.num_attributes == 50671
    assert len(w.state) == theirs.num_state_features()
    assert abs(sum(map(abs, w.state.values())) + sum(abs(x) for r in w.transitions for x in r) - theirs.l1_norm()) < 1e-6


@pytest.mark.parametrize("sentences", [seed_windows(8, 3), EDGES, fuzzed(1500)], ids=["seeds", "edges", "fuzz"])
def test_same_labels_and_score_as_underthesea_core(sentences):
    model, dictionary = wordseg._model()
    scorer, tables = wordseg._scorer(), wordseg._known()
    labels = model.estimator.labels()
    checked = 0
    for s in sentences:
        tokens = wordseg.tokenize(s)
        if not tokens:
            continue
        path, score = wordseg._decode(scorer, tokens, dictionary)
        tags, their_score = model.estimator.tag_with_score(wordseg.known_features(tokens, dictionary, tables))
        assert [labels[i] for i in path] == tags, s
        assert score == their_score, s  # the same float: the same sums in the same order
        checked += 1
    assert checked > 10


@pytest.mark.parametrize("sentences", [seed_windows(8, 5), EDGES, fuzzed(400, 7)], ids=["seeds", "edges", "fuzz"])
def test_same_words(sentences):
    for s in sentences:
        assert wordseg.word_tokenize(s) == old_word_tokenize(s) == underthesea_word_tokenize(s), s


def test_long_sentence_past_the_indexed_lengths():
    s = " ".join(" ".join(seed_windows(40, 40)).split()[:150])
    assert len(wordseg.tokenize(s)) > wordseg._INDEXED
    assert wordseg.word_tokenize(s) == old_word_tokenize(s)
