"""underthesea's POS tagger (`underthesea.pos_tag`, the CRF model of 2017) with its feature
extraction done in one pass per token.

underthesea builds the CRF features in Python, re-parsing each of its 22 feature templates
with a regex and re-copying the sentence's columns for every template of every token: ~0.9
ms per 6-word window, most of our NLP time. The features here are the same strings, built
directly (`tests/test_nlp_postag.py` compares them with underthesea's on real text); the
tokenizer, the model and the tagging are underthesea's own; the words come from
`wordseg.word_tokenize` (underthesea's segmentation, its features built the same way).
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
    return sentence_features(words)[i]


def sentence_features(words: list[str]) -> list[list[str]]:
    """features(words, i) for every i: each word lowered, title-tested and paired once, the
    sentence padded with BOS/EOS so every template is an index."""
    n = len(words)
    w = ["BOS", "BOS", *words, "EOS", "EOS"]  # T[k] of token i: w[i + 2 + k]
    lo = ["BOS", "BOS", *(x.lower() for x in words), "EOS", "EOS"]
    # T[k].istitle: ti[i + 1 + k]; a word without a space is one piece: its first char decides
    ti = ["BOS", *(("False", "True")[x[0].istitle()] if x and " " not in x else str(_istitle(x)) for x in words),
          "EOS"]
    # T[a,a+1]: BOS when a word is before the start, EOS when one is past the end: pr[i + 2 + a]
    pr = ["BOS", "BOS", *(words[j] + " " + words[j + 1] for j in range(n - 1)), "EOS", "EOS"]
    out = []
    for i in range(n):
        out.append([
            f"T[-2].lower={lo[i]}", f"T[-1].lower={lo[i + 1]}", f"T[0].lower={lo[i + 2]}",
            f"T[1].lower={lo[i + 3]}", f"T[2].lower={lo[i + 4]}",
            f"T[0].istitle={ti[i + 1]}", f"T[-1].istitle={ti[i]}", f"T[1].istitle={ti[i + 2]}",
            f"T[-2]={w[i]}", f"T[-1]={w[i + 1]}", f"T[0]={w[i + 2]}", f"T[1]={w[i + 3]}", f"T[2]={w[i + 4]}",
            f"T[-2,-1]={pr[i]}", f"T[-1,0]={pr[i + 1]}", f"T[0,1]={pr[i + 2]}", f"T[1,2]={pr[i + 3]}",
            # the tag column: underthesea fills it with "X" before tagging
            "T[-3][1]=BOS" if i < 3 else "T[-3][1]=X", "T[-2][1]=BOS" if i < 2 else "T[-2][1]=X",
            "T[-1][1]=BOS" if i < 1 else "T[-1][1]=X",
            "T[-3,-2][1]=BOS" if i < 3 else "T[-3,-2][1]=X X", "T[-2,-1][1]=BOS" if i < 2 else "T[-2,-1][1]=X X",
        ])
    return out


def pos_tag(sentence: str) -> list[tuple[str, str]]:
    """Same result as `underthesea.pos_tag(sentence)`."""
    from kehoach.parser.nlp.wordseg import word_tokenize  # underthesea's, its features built in one pass

    predictor, model = _model()
    words = word_tokenize(sentence)
    if model is None:
        return predictor.predict(words)
    tags = model.tag(sentence_features(words))
    return list(zip(words, tags))


@lru_cache(maxsize=4096)
def tags(sentence: str) -> tuple[tuple[str, str], ...]:
    """pos_tag(sentence), kept for the document: the target tagger asks for one window more than
    once (a clause, then the words it opens on). Per text: cleared by kehoach.parser.caches."""
    return tuple(pos_tag(sentence))
