"""underthesea's word segmentation (`underthesea.word_tokenize`, its CRF of 2023) with the CRF
features built in one pass per sentence.

underthesea_core's featurizer re-reads every one of its 43 templates for every token and joins
the n-grams again each time (~15 us a token, most of a clause's segmentation time). Here each
n-gram is joined, lowered and looked up in the dictionary once per sentence, and every feature
string is the one underthesea_core writes (`tests/test_nlp_wordseg.py` compares them on real
text). The regex tokenizer, the model and the tagging are underthesea's own; a model whose
template differs from the one read here is run through underthesea's own featurizer.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import islice, repeat

# underthesea's ws_crf_vlsp2013_20230727/features.bin, in its order
TEMPLATE = [
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]", "T[-2,0]", "T[-1,1]", "T[0,2]",
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower",
    "T[-1].isdigit", "T[0].isdigit", "T[1].isdigit",
    "T[-2].istitle", "T[-1].istitle", "T[0].istitle", "T[1].istitle", "T[2].istitle",
    "T[0,1].istitle", "T[0,2].istitle",
    "T[-2].is_in_dict", "T[-1].is_in_dict", "T[0].is_in_dict", "T[1].is_in_dict", "T[2].is_in_dict",
    "T[-2,-1].is_in_dict", "T[-1,0].is_in_dict", "T[0,1].is_in_dict", "T[1,2].is_in_dict",
    "T[-2,0].is_in_dict", "T[-1,1].is_in_dict", "T[0,2].is_in_dict",
]

_I32 = re.compile(r"[+-]?[0-9]+")
_BOOL = ("False", "True")  # str(bool), indexed by the bool
_DIGIT_START = frozenset("+-0123456789")


@lru_cache(maxsize=1)
def _model():
    """(underthesea's FastCRFSequenceTagger, its dictionary) -- the dictionary None when the
    model's template is not TEMPLATE (then underthesea's featurizer builds the features)."""
    from os.path import dirname, join

    import joblib
    import underthesea.pipeline.word_tokenize as ws
    from underthesea import word_tokenize

    if ws.word_tokenize_model is None:
        word_tokenize("khởi tạo")  # underthesea loads its model on first use
    model = ws.word_tokenize_model
    # the model keeps them only inside its featurizer: read them where underthesea does
    base = join(dirname(ws.__file__), "models", "ws_crf_vlsp2013_20230727")
    features = list(joblib.load(join(base, model.path_features)))
    if features != TEMPLATE:
        return model, None
    return model, frozenset(joblib.load(join(base, model.path_dictionary)))


def _isdigit(s: str) -> str:
    # underthesea_core: `text.parse::<i32>()` succeeds
    return str(bool(_I32.fullmatch(s)) and -2**31 <= int(s) < 2**31)


def _title_like(t: str) -> bool:
    """underthesea_core's istitle of a token: each space-separated part's first char equals its upper case."""
    return t[:1].upper() == t[:1] if " " not in t else all(p[:1].upper() == p[:1] for p in t.split(" "))


def _columns(tokens: list[str], dictionary: frozenset) -> tuple[list[str], ...]:
    """The value columns the templates read, padded (underthesea_core's rule, by position: a token spelled
    "EOS" is lowered and looked up like any other): an n-gram starting at j is BOS when j < 0, EOS when it runs
    past the end; the value of the n-gram starting at token j is at column[j + 2]. Each gram is joined,
    lowered and looked up once. Its istitle: each space-separated part's first char equals its upper case."""
    n = len(tokens)
    B, E = "BOS", "EOS"
    pairs = [tokens[j] + " " + tokens[j + 1] for j in range(n - 1)]
    triples = [tokens[j] + " " + tokens[j + 1] + " " + tokens[j + 2] for j in range(n - 2)]
    tail1, tail2, tail3 = [E, E], [E] * (n + 2 - len(pairs)), [E] * (n + 2 - len(triples))
    g1 = [B, B, *tokens, *tail1]
    g2 = [B, B, *pairs, *tail2]
    g3 = [B, B, *triples, *tail3]
    low1 = [x.lower() for x in tokens]
    low2 = [x.lower() for x in pairs]
    low3 = [x.lower() for x in triples]
    lo1 = [B, B, *low1, *tail1]
    lo2 = [B, B, *low2, *tail2]
    d1 = [B, B, *(_BOOL[x in dictionary] for x in low1), *tail1]
    d2 = [B, B, *(_BOOL[x in dictionary] for x in low2), *tail2]
    d3 = [B, B, *(_BOOL[x in dictionary] for x in low3), *tail3]
    # a gram is title-like when each of its words is: each token tested once
    title = [*map(_title_like, tokens)]
    t1 = [B, B, *(_BOOL[x] for x in title), *tail1]
    t2 = [B, B, *(_BOOL[title[j] and title[j + 1]] for j in range(n - 1)), *tail2]
    t3 = [B, B, *(_BOOL[title[j] and title[j + 1] and title[j + 2]] for j in range(n - 2)), *tail3]
    # isdigit: only a token opening on a sign or a digit can parse as an i32
    dg = [B, B, *("False" if x[:1] not in _DIGIT_START else _isdigit(x) for x in tokens), *tail1]
    return g1, g2, g3, lo1, lo2, dg, t1, t2, t3, d1, d2, d3


def sentence_features(tokens: list[str], dictionary: frozenset) -> list[list[str]]:
    """The 43 features of every token, as underthesea_core's CRFFeaturizer writes them."""
    g1, g2, g3, lo1, lo2, dg, t1, t2, t3, d1, d2, d3 = _columns(tokens, dictionary)
    out = []
    for j in range(2, len(tokens) + 2):  # token j - 2; the gram starting at token j - 2 + k is at index j + k
        out.append([
            f"T[-2]={g1[j - 2]}", f"T[-1]={g1[j - 1]}", f"T[0]={g1[j]}", f"T[1]={g1[j + 1]}", f"T[2]={g1[j + 2]}",
            f"T[-2,-1]={g2[j - 2]}", f"T[-1,0]={g2[j - 1]}", f"T[0,1]={g2[j]}", f"T[1,2]={g2[j + 1]}",
            f"T[-2,0]={g3[j - 2]}", f"T[-1,1]={g3[j - 1]}", f"T[0,2]={g3[j]}",
            f"T[-2].lower={lo1[j - 2]}", f"T[-1].lower={lo1[j - 1]}", f"T[0].lower={lo1[j]}",
            f"T[1].lower={lo1[j + 1]}", f"T[2].lower={lo1[j + 2]}",
            f"T[-2,-1].lower={lo2[j - 2]}", f"T[-1,0].lower={lo2[j - 1]}", f"T[0,1].lower={lo2[j]}",
            f"T[1,2].lower={lo2[j + 1]}",
            f"T[-1].isdigit={dg[j - 1]}", f"T[0].isdigit={dg[j]}", f"T[1].isdigit={dg[j + 1]}",
            f"T[-2].istitle={t1[j - 2]}", f"T[-1].istitle={t1[j - 1]}", f"T[0].istitle={t1[j]}",
            f"T[1].istitle={t1[j + 1]}", f"T[2].istitle={t1[j + 2]}",
            f"T[0,1].istitle={t2[j]}", f"T[0,2].istitle={t3[j]}",
            f"T[-2].is_in_dict={d1[j - 2]}", f"T[-1].is_in_dict={d1[j - 1]}", f"T[0].is_in_dict={d1[j]}",
            f"T[1].is_in_dict={d1[j + 1]}", f"T[2].is_in_dict={d1[j + 2]}",
            f"T[-2,-1].is_in_dict={d2[j - 2]}", f"T[-1,0].is_in_dict={d2[j - 1]}", f"T[0,1].is_in_dict={d2[j]}",
            f"T[1,2].is_in_dict={d2[j + 1]}",
            f"T[-2,0].is_in_dict={d3[j - 2]}", f"T[-1,1].is_in_dict={d3[j - 1]}", f"T[0,2].is_in_dict={d3[j]}",
        ])
    return out


def known_features(tokens: list[str], dictionary: frozenset, tables: tuple[dict[str, str], ...]) -> list[list[str]]:
    """sentence_features(tokens, dictionary) without the features the model lacks, in the same order: what
    underthesea_core tags with (crf_attrs). `tables`: crf_attrs.by_template(model, TEMPLATE); each feature is
    looked up by its value, and the string handed on is the model's own, never built."""
    g1, g2, g3, lo1, lo2, dg, t1, t2, t3, d1, d2, d3 = _columns(tokens, dictionary)
    (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23,
     a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40, a41, a42) = \
        [t.get for t in tables]
    out = []
    for j in range(2, len(tokens) + 2):  # in TEMPLATE's order, as sentence_features
        out.append([*filter(None, (
            a0(g1[j - 2]), a1(g1[j - 1]), a2(g1[j]), a3(g1[j + 1]), a4(g1[j + 2]),
            a5(g2[j - 2]), a6(g2[j - 1]), a7(g2[j]), a8(g2[j + 1]),
            a9(g3[j - 2]), a10(g3[j - 1]), a11(g3[j]),
            a12(lo1[j - 2]), a13(lo1[j - 1]), a14(lo1[j]), a15(lo1[j + 1]), a16(lo1[j + 2]),
            a17(lo2[j - 2]), a18(lo2[j - 1]), a19(lo2[j]), a20(lo2[j + 1]),
            a21(dg[j - 1]), a22(dg[j]), a23(dg[j + 1]),
            a24(t1[j - 2]), a25(t1[j - 1]), a26(t1[j]), a27(t1[j + 1]), a28(t1[j + 2]),
            a29(t2[j]), a30(t3[j]),
            a31(d1[j - 2]), a32(d1[j - 1]), a33(d1[j]), a34(d1[j + 1]), a35(d1[j + 2]),
            a36(d2[j - 2]), a37(d2[j - 1]), a38(d2[j]), a39(d2[j + 1]),
            a40(d3[j - 2]), a41(d3[j - 1]), a42(d3[j]),
        ))])
    return out


# A run of whitespace-separated words made of these letters only tokenizes as its words: in
# underthesea's pattern (checked by its hash below) every alternative before `word` (\w+) needs a
# character outside this class (a digit, '.', '-', '&', '@', ':', a quote...) -- except "Th.S" and
# "Th.s", whose '.' takes any character, a space included, so a word opening on "Th" is left to the
# pattern -- and none matches at a space.
_LETTERS = ("A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
            "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
_PLAIN_WORDS = re.compile(r"\s*+(?:(?!Th)[" + _LETTERS + r"]++(?=\s|\Z)\s*+)*+")
_PATTERN_SHA256 = "ed7f6df4bba1133b1fd2baf02d612b7ef6912f0460f7a8166bd6b4aa8f072d25"


@lru_cache(maxsize=1)
def _pattern():
    """underthesea's token pattern, and whether it is the one _PLAIN_WORDS was proved against."""
    import hashlib

    from underthesea.pipeline.word_tokenize import regex_tokenize

    rx = regex_tokenize.patterns
    return rx, hashlib.sha256(rx.pattern.encode()).hexdigest() == _PATTERN_SHA256 and rx.flags == 96


@lru_cache(maxsize=1)
def _normalizer() -> tuple[tuple[tuple[str, str], ...], dict[str, str]]:
    """underthesea's text normalization tables (character_map's items, token_map), imported once: an import
    statement in tokenize costs more than the rest of a short clause's normalizing."""
    from underthesea.pipeline.text_normalize.text_normalizer import character_map, token_map

    return tuple(character_map.items()), token_map


def tokenize(text: str) -> list[str]:
    """Same result as underthesea's `regex_tokenize.tokenize(text, use_token_normalize=True,
    fixed_words=[])`, with its own pattern and normalization tables. underthesea finds each token's
    text by walking the match's 14 named groups (one is the whole match: every alternative is a
    named group) and normalizes every short token again from scratch; here the match's text is
    taken directly and the text-wide character map is applied once; the leading plain words
    (_PLAIN_WORDS) are split off without the pattern, which tries a dozen alternatives at each word
    (tests/test_nlp_wordseg.py, tests/test_nlp_tokenize_fast.py)."""
    normalize = unicodedata.normalize
    character_map, token_map = _normalizer()
    text = normalize("NFC", text)
    for odd, std in character_map:  # underthesea's character_normalize
        if odd in text:
            text = text.replace(odd, std)
    rx, plain_ok = _pattern()
    at = _PLAIN_WORDS.match(text).end() if plain_ok else 0
    # the pattern resumes where the plain words end, as its own scan would after their last match
    out = text[:at].split() if at else []
    out.extend(m.group() for m in rx.finditer(text, at))
    for i, t in enumerate(out):
        if len(t) <= 6:  # token_normalize: short tokens only
            t = normalize("NFC", t)
            out[i] = token_map.get(t, t)
    return out


@lru_cache(maxsize=1)
def _known():
    """crf_attrs.by_template of the model underthesea loaded, or None when its file cannot be read as
    CRFsuite's (then every feature is handed over, as underthesea does)."""
    from kehoach.parser.nlp import crf_attrs

    try:
        return crf_attrs.by_template(_model_path(), tuple(TEMPLATE))
    except (OSError, crf_attrs.NotCRFsuite):
        return None


def word_tokenize(sentence: str) -> list[str]:
    """Same result as `underthesea.word_tokenize(sentence)`."""
    model, dictionary = _model()
    tokens = tokenize(sentence)
    if not tokens:
        return []
    scorer = _scorer()
    if scorer is not None:
        labels = scorer[-1]
        tags = [labels[y] for y in _decode(scorer, tokens, dictionary)[0]]
    elif dictionary is None:
        tags = model.predict([[t] for t in tokens])
    else:
        tables = _known()
        tags = model.estimator.tag(known_features(tokens, dictionary, tables) if tables is not None
                                   else sentence_features(tokens, dictionary))
    out: list[str] = []
    for tag, token in zip(tags, tokens):
        if tag == "I-W" and out:
            out[-1] = out[-1] + " " + token
        else:
            out.append(token)
    return out


# Each template reads one of _columns' value columns at an offset from the token: (column, offset).
# _columns returns g1, g2, g3, lo1, lo2, dg, t1, t2, t3, d1, d2, d3 (a gram of 1, 2 or 3 tokens).
_KIND = {"": (0, 1, 2), ".lower": (3, 4, None), ".isdigit": (5, None, None), ".istitle": (6, 7, 8),
         ".is_in_dict": (9, 10, 11)}


def _spec(template: str) -> tuple[int, int]:
    grams, _, kind = template[2:].partition("]")
    a, *b = map(int, grams.split(","))
    return _KIND[kind][b[0] - a if b else 0], a


@lru_cache(maxsize=1)
def _scorer():
    """The model's weights, to score a sentence here instead of in underthesea_core (crf_attrs.weights:
    the same numbers, summed in the same order, decoded by the same Viterbi), or None when they cannot
    be read or do not tag a few sentences exactly as underthesea_core does (its score compared too).

    Per value column, a table: value -> the weights (float64, label by label) of each of the column's
    templates taking that value, zeros where the model lacks the feature (adding 0.0 changes no sum,
    as dropping it does not); a sentence's weights are then one lookup per column value, one join and
    one gather by an index that depends only on the sentence's length."""
    import numpy as np

    from kehoach.parser.nlp import crf_attrs

    model, dictionary = _model()
    tables = _known()
    if dictionary is None or tables is None:
        return None
    try:
        wts = crf_attrs.weights(_model_path())
    except (OSError, crf_attrs.NotCRFsuite):
        return None
    if wts.labels != model.estimator.labels():
        return None
    ids, L = wts.attr_ids, len(wts.labels)
    rows: dict[int, list[float]] = {}
    for (a, y), w in wts.state.items():
        if y < L:
            rows.setdefault(a, [0.0] * L)[y] = w
    zero = [0.0] * L
    specs = [_spec(t) for t in TEMPLATE]
    members: list[list[int]] = [[] for _ in range(12)]  # per column, its templates in TEMPLATE order
    for t, (c, _) in enumerate(specs):
        members[c].append(t)
    gets, defaults = [], []
    for ts in members:
        table = {}
        for v in set().union(*(tables[t] for t in ts)):
            table[v] = np.array([rows.get(ids.get(tables[t].get(v), -1), zero) for t in ts]).tobytes()
        gets.append(table.get)
        defaults.append(bytes(8 * L * len(ts)))
    # The columns grouped by gram size (1: g1 lo1 dg t1 d1; 2: g2 lo2 t2 d2; 3: g3 t3 d3): a position's
    # weights for all the columns of its gram are one piece, memoised per gram (_Grams) -- a document's
    # windows overlap, and most of a window's cost is building and looking up its grams' values.
    group = [0] * 12  # each column's gram size - 1
    for cols in _KIND.values():
        for size, c in enumerate(cols):
            if c is not None:
                group[c] = size
    in_group = [[c for c in range(12) if group[c] == g] for g in range(3)]
    width = [sum(len(members[c]) for c in cols) for cols in in_group]
    before = [sum(width[:g]) for g in range(3)]
    # the weights of template t of token i are item (n + 4) * before[g] + (i + 2 + offset) * width[g] + member
    # of the joined weights (group by group, each padded to n + 4 positions, a position its group's templates)
    place = {}
    for g, cols in enumerate(in_group):
        at_ = 0
        for c in cols:
            for m, t in enumerate(members[c]):
                place[t] = at_ + m
            at_ += len(members[c])
    # (templates, n): each template's weights for all tokens in a row, so that summing over axis 0 adds
    # template after template, token by token, in TEMPLATE's order (an outer-axis reduction, never pairwise)
    stride = np.array([width[group[c]] for c, _ in specs])[:, None]
    shift = np.array([before[group[c]] for c, _ in specs])[:, None]
    const = np.array([(2 + k) * width[group[c]] + place[t] for t, (c, k) in enumerate(specs)])[:, None]

    def at(n):
        return (n + 4) * shift + const + np.arange(n) * stride

    index = [at(n) for n in range(_INDEXED)]  # by the sentence's length, a model-derived table
    pads = [(b"".join(gets[c]("BOS", defaults[c]) for c in cols), b"".join(gets[c]("EOS", defaults[c]) for c in cols))
            for cols in in_group]
    grams = _Grams(dictionary, [(gets[c], defaults[c]) for c in range(12)], pads)
    # the row and float types made once: a dtype parsed from its string on every sentence costs more than the sum
    scorer = (np, L, grams, index, at, wts.transitions, np.dtype(f"V{8 * L}"), np.dtype(np.float64), np.add.reduce,
              tuple(wts.labels))
    for probe in _PROBES:  # the same path and score as underthesea_core's, or its tagger stays
        tokens = tokenize(probe)
        path, score = _decode(scorer, tokens, dictionary)
        theirs = model.estimator.tag_with_score(known_features(tokens, dictionary, tables))
        if path != [wts.labels.index(x) for x in theirs[0]] or score != theirs[1]:
            return None
    return scorer


_INDEXED = 64
_PROBES = ["Phấn đấu 100% đoàn viên tham gia Hội thi “Giáo viên dạy giỏi” cấp trường năm học 2024 - 2025",
           "Tổ chức tốt các hoạt động chào mừng ngày Nhà giáo Việt Nam 20/11", "đạt"]


def _model_path() -> str:
    from os.path import dirname, join

    import underthesea.pipeline.word_tokenize as ws

    return join(dirname(ws.__file__), "models", "ws_crf_vlsp2013_20230727", _model()[0].path_model)


def _decode(scorer, tokens: list[str], dictionary: frozenset) -> tuple[list[int], float]:
    """underthesea_core's CRFTagger.tag_with_score on known_features(tokens): label ids and score."""
    np, L, grams, index, at, trans, row, f64, add_reduce, _ = scorer
    n = len(tokens)
    joined = b"".join(grams.rows(tokens))
    # one item per (template, token): all L weights at once (a plain copy per item, not L strided reads)
    weights = np.frombuffer(joined, dtype=row)[index[n] if n < _INDEXED else at(n)]
    # emission_scores: per label, 0.0 plus each feature's weight in the features' order
    em = add_reduce(weights.view(f64), axis=0).reshape(n, L).tolist()
    return _viterbi2(em, trans) if L == 2 else _viterbi(em, trans)


class _Memo:
    """Per document (kehoach.parser.caches clears it), and bounded: a text's grams' weights."""

    LIMIT = 1 << 13  # grams of each size (some 3 MB in all); past it the memo starts again

    def __init__(self):
        self.ones: dict = {}
        self.twos: dict = {}
        self.threes: dict = {}

    def cache_clear(self) -> None:
        self.ones.clear()
        self.twos.clear()
        self.threes.clear()


MEMO = _Memo()


class _Grams:
    """A text's grams' weights (_scorer's groups), each built once: the values _columns gives a gram,
    looked up in the model's tables, kept in MEMO."""

    def __init__(self, dictionary: frozenset, tables: list, pads: list[tuple[bytes, bytes]]):
        self.dictionary, self.tables, self.pads = dictionary, tables, pads
        f, t = "False", "True"
        # the bool columns' weights by the bool (dg's "False" too: most tokens are not numbers)
        self.bools = [(get(f, d), get(t, d)) for get, d in tables]

    def rows(self, tokens: list[str]) -> list[bytes]:
        """The weights of _columns(tokens, dictionary)'s values, group after group, position after position.
        Each n-gram is lowered word by word (str.lower of "a b" is lower(a) + " " + lower(b): a space is
        neither cased nor case-ignorable, so no context rule -- final sigma -- reaches across it)."""
        if len(MEMO.ones) > MEMO.LIMIT or len(MEMO.twos) > MEMO.LIMIT or len(MEMO.threes) > MEMO.LIMIT:
            MEMO.cache_clear()
        ones, twos, threes = MEMO.ones, MEMO.twos, MEMO.threes
        one = [ones.get(x) or self._one(x) for x in tokens]
        two = [twos.get(k) or self._two(k, a, b) for k, a, b in zip(zip(tokens, islice(tokens, 1, None)), one,
                                                                    islice(one, 1, None))]
        three = [threes.get(k) or self._three(k, a, b)
                 for k, a, b in zip(zip(tokens, islice(tokens, 1, None), islice(tokens, 2, None)), two,
                                    islice(one, 2, None))]
        n = len(tokens)
        out: list[bytes] = []
        for (bos, eos), grams in zip(self.pads, (one, two, three)):
            out += (bos, bos)
            out += [x[0] for x in grams]
            out += [eos] * (n + 2 - len(grams))
        return out

    def _one(self, x: str) -> tuple[bytes, str, bool]:
        (g1, d1), _, _, (lo1, dl1), _, (dg, ddg), _, _, _, _, _, _ = self.tables
        b = self.bools
        low = x.lower()
        title = _title_like(x)
        digit = b[5][0] if x[:1] not in _DIGIT_START else dg(_isdigit(x), ddg)
        r = MEMO.ones[x] = (g1(x, d1) + lo1(low, dl1) + digit + b[6][title] + b[9][low in self.dictionary],
                            low, title)
        return r

    def _two(self, key: tuple[str, str], a: tuple, b: tuple) -> tuple[bytes, str, bool]:
        _, (g2, d2), _, _, (lo2, dl2), _, _, _, _, _, _, _ = self.tables
        bo = self.bools
        low, title = a[1] + " " + b[1], a[2] and b[2]
        r = MEMO.twos[key] = (g2(key[0] + " " + key[1], d2) + lo2(low, dl2) + bo[7][title]
                              + bo[10][low in self.dictionary], low, title)
        return r

    def _three(self, key: tuple[str, str, str], a: tuple, b: tuple) -> tuple[bytes]:
        _, _, (g3, d3), _, _, _, _, _, _, _, _, _ = self.tables
        bo = self.bools
        low, title = a[1] + " " + b[1], a[2] and b[2]
        r = MEMO.threes[key] = (g3(key[0] + " " + key[1] + " " + key[2], d3) + bo[8][title]
                                + bo[11][low in self.dictionary],)
        return r


def _viterbi(em: list[list[float]], trans: list[list[float]]) -> tuple[list[int], float]:
    """underthesea_core's CRFTagger::viterbi, step for step (the first best kept on a tie)."""
    inf = float("-inf")
    labels = range(len(trans))
    score = em[0]
    back = []
    for e in em[1:]:
        new, bp = [], []
        for y in labels:
            best, arg = inf, 0
            for yp in labels:
                s = score[yp] + trans[yp][y]
                if s > best:
                    best, arg = s, yp
            new.append(best + e[y])
            bp.append(arg)
        score = new
        back.append(bp)
    best, label = inf, 0
    for y in labels:
        if score[y] > best:
            best, label = score[y], y
    path = [label]
    for bp in reversed(back):
        label = bp[label]
        path.append(label)
    path.reverse()
    return path, best


def _viterbi2(em: list[list[float]], trans: list[list[float]]) -> tuple[list[int], float]:
    """_viterbi for two labels, unrolled: with finite scores the first candidate always beats -inf, so the
    second wins only when strictly greater (underthesea_core keeps the first best on a tie)."""
    (t00, t01), (t10, t11) = trans
    s0, s1 = em[0]
    back = []
    for e0, e1 in islice(em, 1, None):
        a, b, c, d = s0 + t00, s1 + t10, s0 + t01, s1 + t11
        back.append((b > a, d > c))
        s0 = (b if b > a else a) + e0
        s1 = (d if d > c else c) + e1
    label = s1 > s0
    best = s1 if label else s0
    path = [label]
    for bp in reversed(back):
        label = bp[label]
        path.append(label)
    path.reverse()
    return [*map(int, path)], best
