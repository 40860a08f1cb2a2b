"""Word segmentation hands underthesea_core's tagger only the features its model knows
(kehoach.parser.nlp.crf_attrs): the attributes read from the model file must be the model's, and
the filtered features must be the full ones less the unknown, in order, giving the same tags."""
from __future__ import annotations

import random
from os.path import dirname, join

import pycrfsuite
import pytest
import underthesea.pipeline.pos_tag.model_crf as pos_model_crf
import underthesea.pipeline.word_tokenize as ws
from underthesea_core import CRFModel

from conftest import seed_windows
from kehoach.parser.nlp import crf_attrs, wordseg

WS_MODEL = join(dirname(ws.__file__), "models", "ws_crf_vlsp2013_20230727", "models.bin")
POS_MODEL = join(dirname(pos_model_crf.__file__), "pos_crf_2017_10_11.bin")
EDGES = ["", "BOS EOS bos", "EOS", "2147483647 2147483648 -5 +7 + 007", "Đạt 100% CBNGNLĐ TP.HCM",
         "Ngày 20/11/2024, 100 % đoàn viên tham gia.", "“Học tập và làm theo”", "ß Ǆ ǅ ½ ² Σ ΑΣ", "a  b"]


@pytest.mark.parametrize("path", [WS_MODEL, POS_MODEL])
def test_attributes_are_the_models(path):
    attrs = crf_attrs.attributes(path)
    assert len(attrs) == CRFModel.load(path).num_attributes > 30_000  # underthesea_core's count
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    assert set(attrs) == set(tagger.info().attributes)  # CRFsuite's own reading of the file
    assert len(set(attrs)) == len(attrs) and all(attrs)


def test_tables_map_values_to_attribute_strings():
    tables = crf_attrs.by_template(WS_MODEL, tuple(wordseg.TEMPLATE))
    assert len(tables) == len(wordseg.TEMPLATE)
    attrs = set(crf_attrs.attributes(WS_MODEL))
    for name, table in zip(wordseg.TEMPLATE, tables):
        assert table and all(a == f"{name}={v}" and a in attrs for v, a in table.items())
    assert sum(map(len, tables)) == sum(1 for a in attrs if a.partition("=")[0] in wordseg.TEMPLATE)
    # a value holding "=" stays whole
    assert all("=" not in name for name in wordseg.TEMPLATE)


def test_not_a_crfsuite_model_is_refused(tmp_path):
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"not a model at all, a text file instead of lCRF" * 2)
    with pytest.raises(crf_attrs.NotCRFsuite, match="not a CRFsuite model"):
        crf_attrs.attributes(str(bad))
    cut = tmp_path / "cut.bin"
    with open(WS_MODEL, "rb") as f:
        cut.write_bytes(f.read(200_000))  # the header holds; the attribute chunk lies past the end
    with pytest.raises(crf_attrs.NotCRFsuite, match="cut.bin"):
        crf_attrs.attributes(str(cut))
    (tmp_path / "short.bin").write_bytes(b"lCRF")
    with pytest.raises(crf_attrs.NotCRFsuite, match="too short"):
        crf_attrs.attributes(str(tmp_path / "short.bin"))


def _fuzzed(n: int, seed: int = 14) -> list[str]:
    rnd = random.Random(seed)
    words = [w for w in " ".join(seed_windows(8, 8)).split() if w][:4000] + ["BOS", "EOS", "7", "-3", "Thủy", "ĐV"]
    return [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 30))) for _ in range(n)]


def test_known_features_are_the_full_ones_less_the_unknown_and_tag_the_same():
    model, dictionary = wordseg._model()
    tables = wordseg._known()
    assert tables is not None  # the filtered path is the one in use
    attrs = set(crf_attrs.attributes(WS_MODEL))
    texts = seed_windows(8, 5) + [" ".join(w.lower().split()) for w in seed_windows(24, 17)] + EDGES + _fuzzed(2000)
    dropped = kept = 0
    for t in texts:
        tokens = wordseg.tokenize(t)
        if not tokens:
            continue
        full = wordseg.sentence_features(tokens, dictionary)
        known = wordseg.known_features(tokens, dictionary, tables)
        assert known == [[f for f in row if f in attrs] for row in full], t
        assert model.estimator.tag(known) == model.estimator.tag(full), t
        kept += sum(map(len, known))
        dropped += sum(map(len, full)) - sum(map(len, known))
    assert dropped > 0.2 * (kept + dropped)  # a fair share is dropped: the filter does something
