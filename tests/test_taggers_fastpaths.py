"""Session 20 fast paths of the awards tagger and of annotate() give what the code they replace
gave: the heading-line scan match for match (real text, its case/accent variants, edge cases and
fuzzed lines), the heading test, and the models validated as one list (same values, same fields set)."""
import random
import re

import pytest
from conftest import SEEDS, seed_windows

import kehoach.parser.nlp as nlp
from kehoach.parser.nlp import awards, pipeline
from kehoach.parser.schema import Abbreviation, Award, DateMention, Entity, LegalRef, Mention, Target
from kehoach.parser.text.normalize import fold, strip_accents

_OLD_HEADING_LINE = r"(?m)^[ \t]*(?:[\dIVX]+[.)]?[\d.]*[ \t]*|[a-zđ][.)][ \t]*)?([^\n]{5,80})$"


def _texts() -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not base:
        pytest.skip("no seed texts")
    out = []
    for t in base:
        out += [t, t.upper(), t.lower(), strip_accents(t), t.replace("\n", " ")]
    return out


def _edge_lines() -> list[str]:
    digits = "1١۱߁१"  # ASCII and other decimal digits (\d)
    heads = ["", " ", "\t", "1.", "1.2.3.", "IV.", "IV)", "a)", "đ.", "b.", "X", "12 ", "1.2.3.4.5.6.7.8.9.", "١.٢."]
    bodies = ["Đăng ký danh hiệu thi đua", "abcd", "abcde", "x" * 79, "x" * 80, "x" * 81, "y" * 200,
              "Chỉ tiêu danh hiệu", "a) b) c) d) e)"]
    out = []
    for h in heads:
        for b in bodies:
            out += [h + b, h * 30 + b, " " * 90 + b, digits * 20 + " " + b, h + "." * 100 + b]
    rnd = random.Random(20)
    alphabet = " \t\n.)IVXabcđĐ1١9-x:" + "ăâêôơư"
    out += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 260))) for _ in range(3000)]
    return out


def test_heading_lines_match_the_plain_scan():
    old = re.compile(_OLD_HEADING_LINE)
    texts = _texts() + seed_windows(12, 5) + _edge_lines()
    joined = "\n".join(_edge_lines())
    for t in texts + [joined, "", "\n", "\n\n", "abcde\n", "\nabcde"]:
        assert [(m.span(), m.groups()) for m in awards._heading_lines(t)] == \
               [(m.span(), m.groups()) for m in old.finditer(t)], t[:80]


def _old_is_awards_heading(heading: str) -> bool:
    f = fold(heading)
    return any(all(fold(w) in f for w in combo) for combo in awards._tables()["section_heading"])


def test_awards_heading_test_as_before():
    lines = [ln for t in _texts() for ln in t.splitlines()] + seed_windows(6, 3) + [
        "ĐĂNG KÝ DANH HIỆU THI ĐUA", "Đăng kí khen thưởng", "Danh hiệu thi đua", "chỉ tiêu và danh hiệu", "", "khen"]
    for ln in lines:
        assert awards._is_awards_heading(ln) == _old_is_awards_heading(ln), ln


def _old_annotate_models(groups: dict, text: str, number, body_start: int) -> dict:
    """annotate()'s model building before session 20: one model per item, by its __init__."""
    def clean(d):
        return {k: v for k, v in d.items() if not k.startswith("_")}

    data = lambda g: [clean(d) for d in groups.get(g, [])]  # noqa: E731
    from kehoach.parser.nlp.refs import drop_self

    refs = []
    for r in drop_self(data("legal_refs"), text, number, body_start):
        r["mentions"] = [Mention(**m) for m in r["mentions"]]
        refs.append(LegalRef(**r))
    return {"dates": [DateMention(**d) for d in data("dates")], "legal_refs": refs,
            "targets": [Target(**t) for t in data("targets")], "awards": [Award(**a) for a in data("awards")],
            "entities": [Entity(**e) for e in data("entities")],
            "abbreviations": [Abbreviation(**a) for a in data("abbreviations")]}


def _dump(models: list) -> list:
    out = []
    for m in models:
        sets = [sorted(m.model_fields_set)]
        if isinstance(m, LegalRef):
            sets += [sorted(x.model_fields_set) for x in m.mentions]
            assert all(type(x) is Mention for x in m.mentions)
        out.append((type(m).__name__, m.model_dump(), sets, [type(v).__name__ for v in m.model_dump().values()]))
    return out


def test_models_validated_as_one_list_are_the_same(monkeypatch):
    import copy

    from kehoach.parser import parse

    checked = []
    real_run, real_annotate = pipeline.run, nlp.annotate

    def annotate(doc):
        seen = {}

        def run(d, nlp_=None):
            seen["groups"] = real_run(d)
            return copy.deepcopy(seen["groups"])

        monkeypatch.setattr(pipeline, "run", run)
        args = (doc.text, doc.header.number, doc.body_start)
        out = real_annotate(doc)
        monkeypatch.setattr(pipeline, "run", real_run)
        old = _old_annotate_models(seen["groups"], *args)
        for group, models in old.items():  # (before the topics are put on the targets)
            assert _dump(getattr(out, group)) == _dump(models), group
        checked.append(sum(len(v) for v in old.values()))
        return out

    monkeypatch.setattr(nlp, "annotate", annotate)
    for p in sorted(SEEDS.glob("*.txt")):
        parse(p)
    assert len(checked) >= 2 and min(checked) > 50


def test_clean_drops_only_underscore_fields():
    d = {"start": 1, "end": 2}
    assert nlp._clean(d) is d
    assert nlp._clean({"a": 1, "_b": 2, "c": 3}) == {"a": 1, "c": 3}
    assert nlp._clean({}) == {}
    # counts become floats and Literal fields are checked, as the models' own __init__ does
    assert nlp._models(Award, [{"start": 0, "end": 1, "text": "x", "count": 3}])[0].count == 3.0
    with pytest.raises(Exception):
        nlp._models(Entity, [{"start": 0, "end": 1, "text": "x", "label": "XXX"}])


def test_put_makes_the_spans_char_span_made():
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))[:40000]
    nlp_ = pipeline.get()
    doc = nlp_.make_doc(text)
    items = [{"start": s, "end": s + w} for s in range(0, len(text), 7) for w in (0, 1, 5, 40)]
    items = [it for it in items if it["end"] <= len(text)] + [{"start": 0, "end": len(text)}]
    pipeline._put(doc, "g", "LBL", items)
    old_spans, old_data = [], []
    for it in items:
        sp = doc.char_span(it["start"], it["end"], label="LBL", alignment_mode="expand")
        if sp is not None:
            old_spans.append(sp)
            old_data.append(it)
    assert [(s.start, s.end, s.label_) for s in doc.spans["g"]] == [(s.start, s.end, s.label_) for s in old_spans]
    assert doc._.data["g"] == old_data and len(old_data) < len(items)
