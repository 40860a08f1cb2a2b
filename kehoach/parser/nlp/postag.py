"""underthesea's POS tagger (`underthesea.pos_tag`, the CRF model of 2017) with its feature
extraction done in one pass per token.

underthesea builds the CRF features in Python, re-parsing each of its 22 feature templates
with a regex and re-copying the sentence's columns for every template of every token: ~0.9
ms per 6-word window, most of our NLP time. The features here are the same strings, built
directly (`tests/test_nlp_postag.py` compares them with underthesea's on real text); the
tokenizer, the model and the tagging are underthesea's own.
"""
from __future__ import annotations

from functools import lru_cache

# underthesea.pipeline.pos_tag.model_crf.CRFPOSTagPredictor's template, in its order
TEMPLATE = [
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[0].istitle", "T[-1].istitle", "T[1].istitle",
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]",
    "T[-3][1]", "T[-2][1]", "T[-1][1]",
    "T[-3,-2][1]", "T[-2,-1][1]",
]


@lru_cache(maxsize=1)
def _model():
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    predictor = CRFPOSTagPredictor.Instance()
    if predictor.transformer.template != TEMPLATE:  # a newer underthesea: use its own path
        return predictor, None
    return predictor, predictor.model


def _istitle(word: str) -> bool:
    # underthesea's text_istitle: every space-separated piece starts with a title-case char
    if not word:
        return False
    try:
        return all(p[0].istitle() for p in word.split(" "))
    except IndexError:  # an empty piece (two spaces): underthesea's try/except says False
        return False


def features(words: list[str], i: int) -> list[str]:
    """The 22 features of token i, as underthesea's word2features(sent, i, TEMPLATE) gives them."""
    n = len(words)

    def at(k: int) -> str | None:
        j = i + k
        return "BOS" if j < 0 else "EOS" if j >= n else None

    out: list[str] = []
    for k in (-2, -1, 0, 1, 2):
        m = at(k)
        out.append(f"T[{k}].lower={m or words[i + k].lower()}")
    for k in (0, -1, 1):
        m = at(k)
        out.append(f"T[{k}].istitle={m or _istitle(words[i + k])}")
    for k in (-2, -1, 0, 1, 2):
        m = at(k)
        out.append(f"T[{k}]={m or words[i + k]}")
    for a, b in ((-2, -1), (-1, 0), (0, 1), (1, 2)):
        m = at(a) or ("EOS" if i + b >= n else None)
        out.append(f"T[{a},{b}]={m or ' '.join(words[i + a:i + b + 1])}")
    for k in (-3, -2, -1):  # the tag column: underthesea fills it with "X" before tagging
        out.append(f"T[{k}][1]={at(k) or 'X'}")
    for a, b in ((-3, -2), (-2, -1)):
        m = at(a) or ("EOS" if i + b >= n else None)
        out.append(f"T[{a},{b}][1]={m or ' '.join(['X'] * (b - a + 1))}")
    return out


def pos_tag(sentence: str) -> list[tuple[str, str]]:
    """Same result as `underthesea.pos_tag(sentence)`."""
    from underthesea import word_tokenize

    predictor, model = _model()
    words = word_tokenize(sentence)
    if model is None:
        return predictor.predict(words)
    tags = model.tag([features(words, i) for i in range(len(words))])
    return list(zip(words, tags))
