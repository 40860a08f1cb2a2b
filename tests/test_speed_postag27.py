"""The POS path's per-call costs (issue 14): wordseg.tokenize reads underthesea's normalization tables
once (wordseg._normalizer) instead of importing them on every call, and postag imports word_tokenize
once. The old tokenize is kept here as the oracle; the tags must stay underthesea's own, on seed
windows of 6 to 24 words (lower-cased as the target tagger hands them over, and as written) and on
edge cases."""
from __future__ import annotations

import random

import pytest
from underthesea import pos_tag as underthesea_pos_tag

from conftest import seed_windows
from kehoach.parser.nlp import postag, wordseg

EDGES = ["", " ", "a", "Đạt", "đạt", "100%", "2024", "-5 +7 007 2147483648", ".", "...", "“", ",,", "a  b", "\t x \n",
         "TP.HCM", "Th.S Nguyễn Văn A", "CBNGNLĐ  tham gia", "BOS EOS", "ð Ð ðoàn Ðoàn viên", "xyzqw qwzx",
         "Phấn Đấu Đạt Danh Hiệu", "PHẤN ĐẤU ĐẠT", "ß Ǆ ǅ ½ ² Σ ΑΣ", "e\u0301 đoàn vie\u0302n", "tp hcm", "ko đc",
         "đoàn viên tham gia, đạt 100% chỉ tiêu.", "...kịp thời đạt", "thu đoàn phí từ lương cơ bản /1đv"]


def old_tokenize(text: str) -> list[str]:
    """wordseg.tokenize before: its normalization tables imported on every call."""
    import unicodedata

    from underthesea.pipeline.text_normalize.text_normalizer import character_map, token_map

    text = unicodedata.normalize("NFC", text)
    for odd, std in character_map.items():
        if odd in text:
            text = text.replace(odd, std)
    rx, plain_ok = wordseg._pattern()
    at = wordseg._PLAIN_WORDS.match(text).end() if plain_ok else 0
    out = text[:at].split() if at else []
    out.extend(m.group() for m in rx.finditer(text, at))
    for i, t in enumerate(out):
        if len(t) <= 6:
            t = unicodedata.normalize("NFC", t)
            out[i] = token_map.get(t, t)
    return out


def windows(seed: int = 27, count: int = 600) -> list[str]:
    """Seed lines cut into windows of 6 to 24 words at random places, half of them lower-cased."""
    rng = random.Random(seed)
    lines = [w for w in seed_windows(400, 400) if w.strip()]
    out = []
    for _ in range(count):
        ws = rng.choice(lines).split()
        k = rng.randint(6, 24)
        at = rng.randint(0, max(0, len(ws) - k))
        s = " ".join(ws[at:at + k])
        out.append(s.lower() if rng.random() < 0.5 else s)
    return out


def test_normalizer_is_underthesea_tables():
    from underthesea.pipeline.text_normalize.text_normalizer import character_map, token_map

    chars, tokens = wordseg._normalizer()
    assert chars == tuple(character_map.items()) and ("ð", "đ") in chars
    assert tokens is token_map and len(tokens) > 1000


def test_tokenize_is_the_old_tokenize():
    from underthesea.pipeline.text_normalize.text_normalizer import token_map

    mapped = [k for k in token_map if k != token_map[k]][:300]  # every short token the map rewrites
    cases = EDGES + windows(5, 300) + [" ".join(mapped[i:i + 7]) for i in range(0, len(mapped), 7)]
    changed = 0
    for s in cases:
        assert wordseg.tokenize(s) == old_tokenize(s), s
        changed += wordseg.tokenize(s) != s.split()
    assert changed > 50  # the cases do reach the normalizing


@pytest.mark.parametrize("sentences", [windows(), EDGES], ids=["windows", "edges"])
def test_tags_are_underthesea_tags(sentences):
    for s in sentences:
        assert postag.pos_tag(s) == underthesea_pos_tag(s), s
