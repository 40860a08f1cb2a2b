"""The glue's shortcuts (issue 14, pass 24) give what the code they replace gave.

Each shortcut is compared with the old code, kept here as the oracle, on the seeds, the generated
plans, hand-made edge cases and random text.
"""
from __future__ import annotations

import random

import pytest

from conftest import SEEDS, synth_texts
from kehoach.parser.nlp import pipeline
from kehoach.parser.schema import PlanDocument, Source


def _synth_texts(n: int = 40) -> list[str]:
    return synth_texts(n)


SEED_TEXTS = [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]
ALPHABET = list("ab đ,.;:!?-+•*–—()\"“”0123456789") + [" ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028",
                                                       "\u3000", "\x1c", "\x85", "İ", "...", ". ", "Kế hoạch "]


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(n))


def _texts() -> list[str]:
    rng = random.Random(24)
    return SEED_TEXTS + _synth_texts() + [_random_text(rng, n) for n in (0, 1, 2, 5, 40, 300, 3000) for _ in range(5)]


# --- _put: spans built from the token starts, as doc.char_span(..., alignment_mode="expand") built them

def _old_put_spans(doc, label, items):
    out = []
    for it in items:
        sp = doc.char_span(it["start"], it["end"], label=label, alignment_mode="expand")
        if sp is not None:
            out.append((sp, it))
    return out


def _items(rng: random.Random, n: int) -> list[dict]:
    pts = list(range(-2, min(n, 40) + 3)) + list(range(max(0, n - 40), n + 3)) + [rng.randrange(-3, n + 4) for _ in range(300)]
    out = []
    for s in pts:
        for e in (s, s + 1, s + 2, s + rng.randrange(0, 60)):  # (an empty item too: e == s)
            out.append({"start": s, "end": e})
    return out


def _put_or_raise(doc, items):
    try:
        pipeline._put(doc, "g", "LBL", items)
    except IndexError:
        return "IndexError"
    return doc._.data["g"]


@pytest.mark.parametrize("k", range(len(_texts())))
def test_bare_put_keeps_the_items_char_span_places(k):
    text = _texts()[k]
    nlp = pipeline.get()
    items = _items(random.Random(k), len(text))
    doc = nlp.make_doc(text)
    doc._.src = text
    old = _old_put_spans(doc, "LBL", [it for it in items if it["start"] <= it["end"]])
    bare = pipeline._bare_doc(nlp, text)
    assert len(bare) == 0  # (no tokens)
    pipeline._put(bare, "g", "LBL", [it for it in items if it["start"] <= it["end"]])
    assert bare._.data["g"] == [it for _, it in old] and not bare.spans  # (no spans made)
    if text:  # (some kept, some not: out of the text)
        assert 0 < len(bare._.data["g"]) < len(items)
    # an item out of order: char_span decides (a span, None, or IndexError), as before
    for it in items:
        if it["start"] > it["end"]:
            full, lean = nlp.make_doc(text), pipeline._bare_doc(nlp, text)
            full._.src = text
            assert _put_or_raise(lean, [it]) == _put_or_raise(full, [it])


def test_run_is_bare_with_our_components_only():
    from spacy.language import Language

    seen = []

    @Language.component("glue24_reader")
    def reader(doc):
        seen.append(sorted(doc.spans.keys()))
        return doc

    plan = PlanDocument(source=Source(path="x.txt", format="txt"), text="Căn cứ Kế hoạch số 12/KH-CĐ ngày 3/4/2024 của Công đoàn.")
    out = pipeline.run(plan)
    nlp = pipeline.build()
    nlp.add_pipe("glue24_reader")
    assert pipeline.run(plan, nlp) == out and out["legal_refs"] and out["dates"]
    # a pipeline with another component gets the spans
    assert len(seen) == 1 and {"dates", "legal_refs", "entities", "targets"} <= set(seen[0])


# --- clauses._unit_ends: the unit ends by numpy, as _UNIT_END.finditer found them

from kehoach.parser.nlp import clauses  # noqa: E402


def test_is_space_is_what_backslash_s_takes_on_every_bmp_char():
    import re

    table = clauses._is_space()
    space = re.compile(r"\s")
    assert [c for c in range(0x10000) if bool(space.match(chr(c))) != bool(table[c])] == []
    assert table[0x20] and table[0x3000] and not table[ord("a")]


def _old_unit_ends(text, start, end):
    return [m.start() for m in clauses._UNIT_END.finditer(text, start, end)]


@pytest.mark.parametrize("k", range(len(_texts())))
def test_unit_ends_equal_the_regex(k):
    text = _texts()[k]
    rng = random.Random(k)
    n = len(text)
    cuts = [(0, n), (1, n), (0, max(0, n - 1))] + [tuple(sorted((rng.randrange(n + 1), rng.randrange(n + 1))))
                                                   for _ in range(30)]
    for s, e in cuts:
        assert clauses._unit_ends(text, s, e) == _old_unit_ends(text, s, e), (s, e)
    if n > 100:
        assert _old_unit_ends(text, 0, n)  # (the texts hold unit ends)
    # _units: the numpy ends from _NUMPY_FROM chars on, trimmed as before
    old = []
    pos = 0
    for p in _old_unit_ends(text, 0, n) + [n]:
        if p > pos:
            a, b = clauses.trim(text, pos, p)
            if b > a:
                old.append((a, b))
        pos = p + 1
    assert clauses._units(text, 0, n) == old


def test_unit_ends_edge_cases():
    cases = ["a.. b. c", "x.\ny", "1.234. Hết!", "a?", "a.", ".", "..", "?.", "a;b\nc", "a.\u3000b", "a.\u00a0b",
             "a.\x1cb", "a.\x85b", "a.\u2028b", "a.\u200bb", "Trên đây là... kế hoạch. ", "“a.” b."]
    for t in cases:
        text = t * 80  # (over _NUMPY_FROM)
        for s, e in [(0, len(text)), (1, len(text) - 1), (2, len(text) - 2), (len(t), len(text) - 1)]:
            assert clauses._unit_ends(text, s, e) == _old_unit_ends(text, s, e), (t, s, e)
    astral = "Kế hoạch 𝟕. Năm học.\n" * 80  # a char beyond the BMP: the regex scans
    assert clauses._unit_ends(astral, 0, len(astral)) is None
    assert clauses._units(astral, 0, len(astral))[:3] == [(0, 10), (12, 19), (21, 31)]


# --- clauses.literal_starts: str.find over the lowered text, as the automaton's name_starts

PHRASE_ALPHABET = ALPHABET + ["Bằng khen", "bằng KHEN", "giấy khen", "Chiến sĩ thi đua cơ sở", "chiến sĩ thi đua",
                              "Cờ thi đua", "cờ thi đua cờ thi đua", "ı", "ſ", "K", "Lao động tiên tiến", "tiên tiến"]


@pytest.mark.parametrize("k", range(len(_texts()) + 30))
def test_literal_starts_equal_the_automaton(k):
    from kehoach.parser.nlp import awards

    rng = random.Random(k)
    texts = _texts()
    text = texts[k] if k < len(texts) else "".join(rng.choice(PHRASE_ALPHABET) for _ in range(rng.randrange(1, 400)))
    for names in (awards._tables()["phrases"], ["ab", "b", "aba", "AB"], ["thi đua", "đua"], []):
        got = clauses.literal_starts(names, text)
        want = clauses.name_starts(clauses.name_automaton(names), text)
        assert got == want
    if k >= len(texts) and "ı" not in text and "ſ" not in text and "İ" not in text and "khen" in text.lower():
        assert clauses.literal_starts(["khen"], text)  # (found)


def test_clean_drops_the_underscore_fields_as_before():
    from kehoach.parser import nlp

    def old(d):
        for k in d:
            if k.startswith("_"):
                return {k: v for k, v in d.items() if not k.startswith("_")}
        return d

    cases = [{}, {"a": 1}, {"_key": 1, "a": 2}, {"a": 1, "_": 2}, {"a_b": 1}, {"a\0_b": 1, "c": 2}, {"\0": 1},
             {"x": 1, "y": {"_z": 1}}, {"start": 0, "end": 3, "_key": "k", "mentions": []}]
    for d in cases:
        got, want = nlp._clean(d), old(d)
        assert got == want and (got is d) == (want is d and "\0_" not in "\0" + "\0".join(d))
    assert nlp._clean({"_a": 1, "b": 2}) == {"b": 2}
    with pytest.raises(AttributeError):  # a key that is no str: as before
        nlp._clean({1: 2, "_a": 3})


# --- dates._word_starts: the words found by str.find, as the automaton found them

def _old_word_starts(text):
    from kehoach.parser.nlp import dates as D
    from kehoach.parser.text.digits import number_starts

    out = {w: [] for w in ("ngày", "năm", "từ", "tháng", "tết", "mùng", "rằm")}
    low = clauses.lowered(text)
    if len(low) == len(text):
        import ahocorasick

        auto = ahocorasick.Automaton()
        for w, key in D._WORDS.items():
            auto.add_word(w, (len(w), key))
        auto.make_automaton()
        for end, (n, key) in auto.iter(low):
            p = end + 1 - n
            if p and ((c := text[p - 1]).isalnum() or c == "_"):
                continue
            out[key].append(p)
        for v in out.values():
            v.sort()
    else:
        for rx in (D._NGAY_NAM, D._T_WORDS, D._MR_WORDS):
            for m in rx.finditer(text):
                out[D._SECOND[text[m.start() + 1].lower()]].append(m.start())
    out["number"] = number_starts(text)
    return out


DATE_ALPHABET = ALPHABET + ["ngày", "Ngày", "NGÀY", "năm", "NĂM", "từ", "Từ", "tháng", "THÁNG", "tết", "Tết", "mùng",
                            "mồng", "Mồng", "rằm", "RẰM", "_", "x", "1", "ngàyngày", "mùngmồng", "nămnăm", "ẞ"]


@pytest.mark.parametrize("k", range(len(_texts()) + 40))
def test_word_starts_equal_the_automaton(k):
    from kehoach.parser.nlp import dates as D

    rng = random.Random(k)
    texts = _texts()
    text = texts[k] if k < len(texts) else "".join(rng.choice(DATE_ALPHABET) for _ in range(rng.randrange(1, 600)))
    got, want = D._word_starts(text), _old_word_starts(text)
    assert got == want
    if k < 2:
        assert got["ngày"] and got["năm"]  # (the seeds hold them)


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_bare_run_equals_the_tokenized_run_on_the_seeds(seed):
    """The token-less doc `run` makes for our components gives what spaCy's tokenized doc gave."""
    from spacy.language import Language

    from kehoach.parser import parse

    if "glue24_tokens" not in Language.factories:
        @Language.component("glue24_tokens")
        def tokens(doc):
            assert len(doc) > 0  # (the tokenized doc: a foreign component gets spaCy's own)
            return doc

    plan = parse(seed, nlp=False, checks=False)
    nlp = pipeline.build()
    nlp.add_pipe("glue24_tokens")
    bare, full = pipeline.run(plan), pipeline.run(plan, nlp)
    assert bare == full and len(bare["targets"]) >= 3 and len(bare["legal_refs"]) >= 3
