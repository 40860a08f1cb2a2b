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


def _columns(words: list[str]) -> tuple[list[str], ...]:
    """The padded columns the templates index: words (T[k] of token i: w[i + 2 + k]), lowered (the
    same), title tests (T[k].istitle: ti[i + 1 + k]) and pairs (T[a,a+1]: pr[i + 2 + a], BOS when a
    word is before the start, EOS when one is past the end)."""
    w = ["BOS", "BOS", *words, "EOS", "EOS"]
    lo = ["BOS", "BOS", *(x.lower() for x in words), "EOS", "EOS"]
    # a word without a space is one piece: its first char decides
    ti = ["BOS", *(("False", "True")[x[0].istitle()] if x and " " not in x else str(_istitle(x)) for x in words),
          "EOS"]
    pr = ["BOS", "BOS", *(words[j] + " " + words[j + 1] for j in range(len(words) - 1)), "EOS", "EOS"]
    return w, lo, ti, pr


def sentence_features(words: list[str]) -> list[list[str]]:
    """features(words, i) for every i: each word lowered, title-tested and paired once, the
    sentence padded with BOS/EOS so every template is an index."""
    n = len(words)
    w, lo, ti, pr = _columns(words)
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
    tables = _known()
    tags = model.tag(known_features(words, tables) if tables is not None else sentence_features(words))
    return list(zip(words, tags))


@lru_cache(maxsize=1)
def _known():
    """crf_attrs.by_template of the POS model, or None when its file cannot be read as CRFsuite's (then
    every feature is handed over)."""
    from kehoach.parser.nlp import crf_attrs

    try:
        return crf_attrs.by_template(_model_path(), tuple(TEMPLATE))
    except (OSError, crf_attrs.NotCRFsuite):
        return None


def _model_path() -> str:
    from os.path import dirname, join

    import underthesea.pipeline.pos_tag.model_crf as mc

    return join(dirname(mc.__file__), "pos_crf_2017_10_11.bin")  # where CRFPOSTagPredictor loads it


def known_features(words: list[str], tables: tuple[dict[str, str], ...]) -> list[list[str]]:
    """sentence_features(words) without the features the model lacks, in the same order: underthesea_core
    drops those unread (crf_attrs), so the tags are the same; each string handed on is the model's own
    (`tables`: crf_attrs.by_template(model, TEMPLATE)), looked up by its value, never built."""
    n = len(words)
    w, lo, ti, pr = _columns(words)
    a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16 = [t.get for t in tables[:17]]
    # the tag column's five features (the last ones) depend only on min(i, 3)
    tag = [[*filter(None, (tables[17].get(x), tables[18].get(y), tables[19].get(z), tables[20].get(u),
                           tables[21].get(v)))]
           for x, y, z, u, v in (("BOS",) * 5, ("BOS", "BOS", "X", "BOS", "BOS"), ("BOS", "X", "X", "BOS", "X X"),
                                 ("X", "X", "X", "X X", "X X"))]
    out = []
    for i in range(n):
        out.append([*filter(None, (
            a0(lo[i]), a1(lo[i + 1]), a2(lo[i + 2]), a3(lo[i + 3]), a4(lo[i + 4]),
            a5(ti[i + 1]), a6(ti[i]), a7(ti[i + 2]),
            a8(w[i]), a9(w[i + 1]), a10(w[i + 2]), a11(w[i + 3]), a12(w[i + 4]),
            a13(pr[i]), a14(pr[i + 1]), a15(pr[i + 2]), a16(pr[i + 3]))), *tag[min(i, 3)]])
    return out


@lru_cache(maxsize=4096)
def tags(sentence: str) -> tuple[tuple[str, str], ...]:
    """pos_tag(sentence), kept for the document: the target tagger asks for one window more than
    once (a clause, then the words it opens on). Per text: cleared by kehoach.parser.caches."""
    return tuple(pos_tag(sentence))
