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

from kehoach.parser.nlp.wordseg import word_tokenize  # underthesea's, its features built in one pass

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


def _title_value(word: str) -> str:
    # a word without a space is one piece: its first char decides
    return ("False", "True")[word[0].istitle()] if word and " " not in word else str(_istitle(word))


def features(words: list[str], i: int) -> list[str]:
    """The 22 features of token i, as underthesea's word2features(sent, i, TEMPLATE) gives them."""
    return sentence_features(words)[i]


def _columns(words: list[str]) -> tuple[list[str], ...]:
    """The padded columns the templates index: words (T[k] of token i: w[i + 2 + k]), lowered (the
    same), title tests (T[k].istitle: ti[i + 1 + k]) and pairs (T[a,a+1]: pr[i + 2 + a], BOS when a
    word is before the start, EOS when one is past the end)."""
    w = ["BOS", "BOS", *words, "EOS", "EOS"]
    lo = ["BOS", "BOS", *(x.lower() for x in words), "EOS", "EOS"]
    ti = ["BOS", *map(_title_value, words), "EOS"]
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
    (`tables`: crf_attrs.by_template(model, TEMPLATE)), looked up by its value, never built. A word's (and a
    pair's) lookups for every template that reads it are done once per text (MEMO): windows overlap."""
    n = len(words)
    if MEMO.tables is not tables or len(MEMO.ones) > MEMO.LIMIT or len(MEMO.twos) > MEMO.LIMIT:
        MEMO.cache_clear()
        MEMO.tables, MEMO.pads, MEMO.gets = tables, _pads(tables), [t.get for t in tables]
    ones, twos = MEMO.ones, MEMO.twos
    bos, eos, bos2, eos2, tag = MEMO.pads
    e = [bos, bos, *[ones.get(x) or _one(x, tables) for x in words], eos, eos]
    p = [bos2, bos2, *[twos.get(k) or _two(k, tables) for k in zip(words, words[1:])], eos2, eos2]
    # the tag column's five features (the last ones) depend only on min(i, 3)
    tags = tag[:n] if n <= 3 else [*tag, *[tag[3]] * (n - 4)]
    # token i: e[i + 2 + k] is T[k]'s word, p[i + 2 + a] the pair starting at word i + a
    return [[*filter(None, (e0[0], e1[1], e2[2], e3[3], e4[4], e2[5], e1[6], e3[7],
                            e0[8], e1[9], e2[10], e3[11], e4[12], p0[0], p1[1], p2[2], p3[3])), *t]
            for e0, e1, e2, e3, e4, p0, p1, p2, p3, t in zip(e, e[1:], e[2:], e[3:], e[4:], p, p[1:], p[2:], p[3:],
                                                            tags)]


class _Memo:
    """Per text (kehoach.parser.caches clears it), and bounded: each word's and pair's features."""

    LIMIT = 1 << 13  # words and pairs each; past it the memo starts again

    def __init__(self):
        self.ones: dict = {}
        self.twos: dict = {}
        self.tables = self.pads = self.gets = None  # the tables the memo was made with, their padding's features

    def cache_clear(self) -> None:
        self.ones.clear()
        self.twos.clear()


MEMO = _Memo()


def _one(x: str, tables) -> tuple:
    """The features of each template reading word x (_columns' lo, ti, w values), in TEMPLATE's order."""
    a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12 = MEMO.gets[:13]
    lo = x.lower()
    ti = _title_value(x)
    r = MEMO.ones[x] = (a0(lo), a1(lo), a2(lo), a3(lo), a4(lo), a5(ti), a6(ti), a7(ti),
                        a8(x), a9(x), a10(x), a11(x), a12(x))
    return r


def _two(k: tuple[str, str], tables) -> tuple:
    a13, a14, a15, a16 = MEMO.gets[13:17]
    pr = k[0] + " " + k[1]
    r = MEMO.twos[k] = (a13(pr), a14(pr), a15(pr), a16(pr))
    return r


def _pads(tables) -> tuple:
    """The padding's features (BOS before the start, EOS past the end) and the tag column's (by min(i, 3))."""
    pad = [tuple(t.get(v) for t in tables[:13]) for v in ("BOS", "EOS")]
    pad2 = [tuple(t.get(v) for t in tables[13:17]) for v in ("BOS", "EOS")]
    tag = [[*filter(None, (tables[17].get(x), tables[18].get(y), tables[19].get(z), tables[20].get(u),
                           tables[21].get(v)))]
           for x, y, z, u, v in (("BOS",) * 5, ("BOS", "BOS", "X", "BOS", "BOS"), ("BOS", "X", "X", "BOS", "X X"),
                                 ("X", "X", "X", "X X", "X X"))]
    return pad[0], pad[1], pad2[0], pad2[1], tag


@lru_cache(maxsize=4096)
def tags(sentence: str) -> tuple[tuple[str, str], ...]:
    """pos_tag(sentence), kept for the document: the target tagger asks for one window more than
    once (a clause, then the words it opens on). Per text: cleared by kehoach.parser.caches."""
    return tuple(pos_tag(sentence))
