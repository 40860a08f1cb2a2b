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
from itertools import chain, repeat

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
    scorer = _scorer()
    if scorer is not None and words:
        labels = scorer[-1]
        tags = [labels[y] for y in _decode(scorer, words)[0]]
    else:
        tags = model.tag(sentence_features(words))
    return list(zip(words, tags))


def _columns(words: list[str]) -> tuple[list, ...]:
    """The value columns sentence_features reads, each padded to n + 4 (token i's gram at offset k is at
    column[i + 2 + k]): the words, lowered, their istitle, the pairs, and the tag column's position class
    min(i, 3) (underthesea's tag column is all "X": its features depend only on how far i is from the start)."""
    n = len(words)
    B, E = "BOS", "EOS"
    return ([B, B, *words, E, E],
            [B, B, *(x.lower() for x in words), E, E],
            [B, B, *(("False", "True")[x[0].istitle()] if x and " " not in x else str(_istitle(x)) for x in words),
             E, E],
            [B, B, *(words[j] + " " + words[j + 1] for j in range(n - 1)), E, E, E],
            [0, 0, *range(min(n, 3)), *repeat(3, n - 3), 0, 0])


# each template's (column of _columns, offset); the tag templates' values by position class
_SPECS = [(1, -2), (1, -1), (1, 0), (1, 1), (1, 2), (2, 0), (2, -1), (2, 1),
          (0, -2), (0, -1), (0, 0), (0, 1), (0, 2), (3, -2), (3, -1), (3, 0), (3, 1),
          (4, 0), (4, 0), (4, 0), (4, 0), (4, 0)]
_TAG_VALUES = {"T[-3][1]": ("BOS", "BOS", "BOS", "X"), "T[-2][1]": ("BOS", "BOS", "X", "X"),
               "T[-1][1]": ("BOS", "X", "X", "X"), "T[-3,-2][1]": ("BOS", "BOS", "BOS", "X X"),
               "T[-2,-1][1]": ("BOS", "BOS", "X X", "X X")}
_INDEXED = 64
_PROBES = ["phấn đấu 100% đoàn viên tham gia hội thi “giáo viên dạy giỏi” cấp trường năm học 2024 - 2025",
           "Tổ chức tốt các hoạt động chào mừng ngày Nhà giáo Việt Nam 20/11", "đạt", "a b"]


def _model_path() -> str:
    from os.path import dirname, join

    import underthesea.pipeline.pos_tag.model_crf as mc

    return join(dirname(mc.__file__), "pos_crf_2017_10_11.bin")  # where CRFPOSTagPredictor loads it


@lru_cache(maxsize=1)
def _scorer():
    """The model's weights, to tag here instead of in underthesea_core, as wordseg._scorer does: per value
    column, a table value -> the weights (float64, label by label) of each of the column's templates for that
    value, zeros where the model lacks the feature (adding 0.0 changes no sum, as dropping it does not); a
    window's weights are one lookup per column value, one join, one gather; summed in the features' order and
    decoded by underthesea_core's Viterbi. None when the weights cannot be read or do not tag a few sentences
    exactly as underthesea_core does (its score compared too)."""
    import numpy as np

    from kehoach.parser.nlp import crf_attrs

    _predictor, model = _model()
    if model is None:
        return None
    try:
        wts = crf_attrs.weights(_model_path())
    except (OSError, crf_attrs.NotCRFsuite):
        return None
    L = len(wts.labels)
    if wts.labels != model.labels():
        return None
    rows: dict[int, list[float]] = {}
    for (a, y), w in wts.state.items():
        if y < L:
            rows.setdefault(a, [0.0] * L)[y] = w
    zero = [0.0] * L
    index = {name: t for t, name in enumerate(TEMPLATE)}
    # template -> value -> weights, read from the attribute keys as underthesea_core looks the strings up
    by_value: list[dict] = [{} for _ in TEMPLATE]
    for key, a in wts.attr_ids.items():
        name, eq, value = key.partition("=")
        t = index.get(name)
        if eq and t is not None and a in rows:
            by_value[t].setdefault(value, rows[a])
    for name, values in _TAG_VALUES.items():  # the tag column: value by position class
        t = index[name]
        by_value[t] = {c: by_value[t].get(v, zero) for c, v in enumerate(values)}
    members: list[list[int]] = [[] for _ in range(5)]
    for t, (c, _) in enumerate(_SPECS):
        members[c].append(t)
    gets, defaults = [], []
    for ts in members:
        table = {v: np.array([by_value[t].get(v, zero) for t in ts]).tobytes()
                 for v in set().union(*(by_value[t] for t in ts))}
        gets.append(table.get)
        defaults.append(bytes(8 * L * len(ts)))
    width = [len(ts) for ts in members]
    before = [sum(width[:c]) for c in range(5)]
    stride = np.array([width[c] for c, _ in _SPECS])
    shift = np.array([before[c] for c, _ in _SPECS])
    const = np.array([(2 + k) * width[c] + members[c].index(t) for t, (c, k) in enumerate(_SPECS)])

    def at(n):
        return (n + 4) * shift + const + np.arange(n)[:, None] * stride

    scorer = (np, L, gets, defaults, [at(n) for n in range(_INDEXED)], at, np.array(wts.transitions),
              np.arange(L), tuple(wts.labels))
    for probe in _PROBES:  # the same path and score as underthesea_core's, or its tagger stays
        words = probe.split()
        path, score = _decode(scorer, words)
        theirs = model.tag_with_score(sentence_features(words))
        if path != [wts.labels.index(x) for x in theirs[0]] or score != theirs[1]:
            return None
    return scorer


def _decode(scorer, words: list[str]) -> tuple[list[int], float]:
    """underthesea_core's CRFTagger.tag_with_score on sentence_features(words): label ids and score."""
    np, L, gets, defaults, index, at, trans, labels, _ = scorer
    n = len(words)
    joined = b"".join(chain.from_iterable(map(g, c, repeat(d)) for g, c, d in zip(gets, _columns(words), defaults)))
    weights = np.frombuffer(joined).reshape(-1, L)[index[n] if n < _INDEXED else at(n)]  # (n, templates, L)
    # emission_scores: per label, 0.0 plus each feature's weight in the features' order
    em = np.add.accumulate(weights, axis=1)[:, -1]
    # CRFTagger::viterbi: best[y] = max over y' of score[y'] + trans[y'][y], the first y' on a tie (argmax's)
    score = em[0]
    back = []
    for e in em[1:]:
        s = score[:, None] + trans
        bp = s.argmax(0)
        score = s[bp, labels] + e
        back.append(bp.tolist())
    label = int(score.argmax())
    best = float(score[label])
    path = [label]
    for bp in reversed(back):
        label = bp[label]
        path.append(label)
    path.reverse()
    return path, best


@lru_cache(maxsize=4096)
def tags(sentence: str) -> tuple[tuple[str, str], ...]:
    """pos_tag(sentence), kept for the document: the target tagger asks for one window more than
    once (a clause, then the words it opens on). Per text: cleared by kehoach.parser.caches."""
    return tuple(pos_tag(sentence))
