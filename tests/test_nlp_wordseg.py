"""kehoach.parser.nlp.wordseg builds underthesea's word-segmentation features itself (faster):
the features and the words must be exactly underthesea's, on real plan text and on edge cases
of underthesea_core's rules (i32 digits, istitle of digits and punctuation, n-grams at the ends)."""
from __future__ import annotations

import pytest
import underthesea.pipeline.word_tokenize as ws
from underthesea import word_tokenize as underthesea_word_tokenize
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

from conftest import seed_windows
from kehoach.parser.nlp import wordseg

EDGES = ["", "Đạt", "2147483647 2147483648 -5 +7 + 007", "ß Ǆ ǅ ½ ² Σ ΑΣ", "a  b",
         "TP.HCM 100% CBNGNLĐ", "Ngày 20/11/2024, 100 % đoàn viên tham gia.", "“Học tập và làm theo”",
         "Ðoàn viên ðạt", "nghành giáo dục baì học", "e\u0301 cafe\u0301 Hoa\u0300", "http://a.vn/x?y=1 a@b.vn 0912.345.678 :) ..."]


def _windows(limit: int = 1500):
    return seed_windows(8, 5)[:limit] + EDGES


@pytest.fixture(scope="module")
def windows():
    return _windows()


def test_the_model_template_is_the_one_read(windows):
    model, dictionary = wordseg._model()
    assert dictionary is not None and len(dictionary) > 50_000  # the fast path is the one tested


def test_tokens_are_underthesea_regex_tokens(windows):
    # the fast regex tokenizer gives underthesea's tokens, normalization included (ð -> đ, NFD -> NFC, token map)
    for w in windows:
        assert wordseg.tokenize(w) == tokenize(w, use_token_normalize=True, fixed_words=[]), w
    assert wordseg.tokenize("nghành Ðoàn") == ["ngành", "Đoàn"]


def test_features_are_underthesea_core_features(windows):
    model, dictionary = wordseg._model()
    checked = 0
    for w in windows:
        tokens = tokenize(w, use_token_normalize=True, fixed_words=[])
        if not tokens:
            continue
        ref = model.featurizer.process([[[t] for t in tokens]])[0]
        assert wordseg.sentence_features(tokens, dictionary) == ref, w
        checked += len(tokens)
    assert checked > 5000


def test_words_are_underthesea_words(windows):
    for w in windows:
        assert wordseg.word_tokenize(w) == underthesea_word_tokenize(w), w
    assert "đoàn viên" in wordseg.word_tokenize("100% đoàn viên tham gia")
    assert ws.word_tokenize_model is not None
