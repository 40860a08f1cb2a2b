"""kehoach.parser.nlp.postag builds underthesea's POS features itself (faster): the features
and the tags must be exactly underthesea's, on real plan text."""
from __future__ import annotations

import pytest
from underthesea import pos_tag as underthesea_pos_tag
from underthesea import word_tokenize
from underthesea.pipeline.pos_tag.tagged_feature import word2features

from conftest import seed_windows
from kehoach.parser.nlp import postag


def _windows(limit: int = 400):
    return seed_windows(6, 4)[:limit] + ["", "Đạt 100%", "CBNGNLĐ  tham gia", "a  b", "TPHCM"]


@pytest.fixture(scope="module")
def windows():
    return _windows()


def test_features_are_underthesea_features(windows):
    checked = 0
    for w in windows:
        words = word_tokenize(w)
        rows = [(t, "X") for t in words]
        for i in range(len(words)):
            assert postag.features(words, i) == word2features(rows, i, postag.TEMPLATE), (w, i)
            checked += 1
    assert checked > 1000


def test_tags_are_underthesea_tags(windows):
    for w in windows:
        assert postag.pos_tag(w) == underthesea_pos_tag(w), w
    assert ("đoàn viên", "N") in postag.pos_tag("100% đoàn viên tham gia")
