"""wordseg.tokenize splits a leading run of plain words (Vietnamese letters only) without
underthesea's token pattern, and wordseg.sentence_features builds its gram columns in fewer
passes: both must still give exactly underthesea's tokens and underthesea_core's features --
on lower-cased seed windows (what the target tagger hands over, where the plain run is the whole
text), on the pattern's own traps ("Th.S" takes any character, a space included; "v.v", e-mail,
URL, the ʺ punctuation letter) and on fuzzed strings."""
from __future__ import annotations

import random

from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize as underthesea_tokenize

from conftest import seed_windows
from kehoach.parser.nlp import wordseg

TRAPS = ["Th sinh viên", "Thus ThuS Th s", "thạc sĩ ThS. Nguyễn", "v.v các", "xem e-mail ngay", "abc.de trang",
         "aʺb ʺa", "Đoàn viên TP.HCM", "Tp. Huế", "NĐ-CP nghị định", "a\u00a0b\x1cc", "đạt 100% kế hoạch",
         "công đoàn\n\ttrường", "  hai  khoảng  ", "Thủy Thuỷ thuỷ", "2147483648 +7 -x 007"]
ALPHABET = list("aàđêôơưhThSsTpMrDNẠĐ \t\n.,-&@:'’/()%ʺ°C1209xv=><♥‿_") + [
    " ", "Th", "Th s", "v.v", "e-mail", "http://", "abc.de", "\u0301", "\x1c", "\u00a0", "đoàn", "Viên"]


def _ref(text: str) -> list[str]:
    return underthesea_tokenize(text, use_token_normalize=True, fixed_words=[])


def _fuzzed(n: int, seed: int = 20) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 14))) for _ in range(n)]


def test_the_plain_word_path_is_on_for_this_pattern():
    rx, plain_ok = wordseg._pattern()
    assert plain_ok  # the pattern is the one the plain-word rule was proved against
    text = "phấn đấu đoàn viên tham gia"
    assert wordseg._PLAIN_WORDS.match(text).end() == len(text)
    assert wordseg._PLAIN_WORDS.match("Th sinh viên").end() == 0  # "Th" goes to the pattern
    assert wordseg._PLAIN_WORDS.match("hai ba, bốn").end() == len("hai ")  # "ba," is not plain


def test_tokens_are_underthesea_tokens_on_lowered_windows_traps_and_fuzz():
    texts = [" ".join(w.lower().split()) for w in seed_windows(6, 4)] + seed_windows(9, 7) + TRAPS + _fuzzed(20_000)
    plain = 0
    for t in texts:
        assert wordseg.tokenize(t) == _ref(t), repr(t)
        plain += bool(t.strip()) and wordseg._PLAIN_WORDS.match(t).end() == len(t)
    assert plain > 1000  # the shortcut is what most of these ran through
    assert wordseg.tokenize("Th sinh") == _ref("Th sinh") == ["Th s", "inh"]


def test_features_are_underthesea_core_features_on_odd_tokens():
    model, dictionary = wordseg._model()
    rnd = random.Random(7)
    pool = ["BOS", "EOS", "bos", "Đoàn", "viên", "đoàn viên", "2147483647", "2147483648", "-5", "+", "½", "²",
            "Th s", "a b", "ǅ", "100", "%", ",", "Thủy", "Ủy"]
    lists = [[rnd.choice(pool) for _ in range(rnd.randint(1, 9))] for _ in range(3000)] + [[t] for t in pool]
    for tokens in lists:
        ref = model.featurizer.process([[[t] for t in tokens]])[0]
        assert wordseg.sentence_features(tokens, dictionary) == ref, tokens
