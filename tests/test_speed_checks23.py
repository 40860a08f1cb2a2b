"""Speed work of session 23 against the code it replaced (kept here as the oracle):
observance-date-wrong's candidate places (rules_dates._name_dates / _date_names / _dm_lines)
and topics._found's per-phrase entries."""
from __future__ import annotations

import random
import re
import unicodedata

from test_speed_checks import _ctx, _invented_date_texts, _seed_texts


def _old_observance(ctx):
    """observance_date_wrong's matches before: name_date scanned over each day/month line,
    date_name tried at every number."""
    from kehoach.parser.checks import rules_dates as rd
    from kehoach.parser.checks.engine import finditer_at, lines_at

    _, _, name_date, date_name = rd._observance_res()
    text, numbers = rd.dated_text(ctx), rd.tone_numbers(ctx)
    found = [m for a, b in lines_at(text, numbers, rd._DM_AT) for m in name_date.finditer(text, a, b)]
    return found, list(finditer_at(date_name, text, numbers))


def _new_observance(ctx):
    from kehoach.parser.checks import rules_dates as rd

    _, _, name_date, date_name = rd._observance_res()
    text, numbers = rd.dated_text(ctx), rd.tone_numbers(ctx)
    lines = rd._dm_lines(text, numbers)
    return list(rd._name_dates(name_date, text, numbers, lines)), list(rd._date_names(date_name, text, lines))


def _spans(ms) -> list:
    return [(m.span(), m.groupdict()) for m in ms]


def _texts() -> list[str]:
    rng = random.Random(23)
    odd = ["\u0130", "\u0131", "\u017f", "\u212a", "NGÀY", "xNgày", "chiến", "Hiến chương Nhà giáo 20/11", "thầy thuốc",
           "Thầy thuốc Việt Nam 27/2", "quốc  tế\tPhụ nữ 8/3", "5/3 Quốc tế Phụ nữ", "20/10 - Ngày Phụ nữ Việt Nam", "ſinh",
           "Sinh nhật Bác (19/5)", "giảigiải phóng miền Nam 30/4", "ngàyNgày Nhà giáo Việt Nam 20/11", "\n"]
    base = _seed_texts() + _invented_date_texts(2500)
    texts = base + ["".join(rng.choice(odd + base[2:200]) for _ in range(rng.randint(1, 6))) for _ in range(1500)]
    return texts + [unicodedata.normalize("NFD", t) for t in texts[:2]] + [t.upper() for t in base[2:300]]


def test_observance_matches_are_the_old_scans():
    n = 0
    for t in _texts():
        old, new = _old_observance(_ctx(t)), _new_observance(_ctx(t))
        assert _spans(new[0]) == _spans(old[0]), repr(t)
        assert _spans(new[1]) == _spans(old[1]), repr(t)
        n += len(old[0]) + len(old[1])
    assert n > 1000, n


def test_observance_rule_same_hits_on_seeds_and_fuzz():
    from kehoach.parser.checks import rules_dates as rd

    found = 0
    for t in _texts()[:1500]:
        got = [(h.start, h.end, h.message, h.evidence) for h in rd.observance_date_wrong(_ctx(t))]
        # the same rule over the old candidate scans
        old_ctx = _ctx(t)
        by_name, dates, _, _ = rd._observance_res()
        names, dns = _old_observance(old_ctx)
        claimed = {m.start("d") for m in names}
        want = []
        for m, order in [(m, "name_date") for m in names] + [(m, "date_name") for m in dns if m.start("d") not in claimed]:
            oid = by_name.get(rd.fold(m.group("name")))
            if oid is None:
                continue
            d, mo = int(m.group("d")), int(m.group("m"))
            want_m, want_d = map(int, dates[oid].split("-"))
            if (d, mo) != (want_d, want_m):
                want.append((m.start(), m.end(), order))
        assert [(s, e, ev["order"]) for s, e, _, ev in got] == want, repr(t)
        found += len(got)
    assert found > 100, found


def test_first_words_are_letters_and_start_every_name():
    from kehoach import models
    from kehoach.parser.checks import rules_dates as rd

    rx = rd._first_words()
    names = [rd.new_tone_placement(n) for o in models.load("observances.yaml")["observances"] for n in o["names"]]
    words = rx.pattern.split("|")
    assert all(w.isalpha() and w == w.lower() for w in words)  # an overlap can only start inside a word
    assert all(rx.match(n.lower()) for n in names)


def _old_found(key: str, accented: bool):
    from kehoach.parser import topics as T

    tax = T.taxonomy()
    where = T._places()[0 if accented else 1]  # (topics keeps no phrase -> spans index since session 26)
    index = _phrase_index(where)
    per_topic: dict = {}
    for ph, spans in index.find(key).items():
        for ti, pi in where[ph]:
            per_topic.setdefault(ti, []).append((pi, spans))
    return {ti: [(tax[ti].patterns[pi][2], spans) for pi, spans in sorted(hits)] for ti, hits in per_topic.items()}


def test_found_is_the_old_grouping():
    from kehoach.parser import topics as T
    from kehoach.parser.text.normalize import fold, strip_accents

    rng = random.Random(5)
    phrases = [p[0] for t in T.taxonomy() for p in t.phrases]
    keys = [fold(ln) for t in _seed_texts() for ln in t.split("\n") if ln.strip()]
    keys += [" ".join(rng.choice(phrases + ["và", "x", "100%"]) for _ in range(rng.randint(1, 12))) for _ in range(1500)]
    hits = 0
    for key in keys:
        for accented, k in ((True, key), (False, strip_accents(key))):
            if not accented and T._ODD_SPACE.search(k):
                continue
            got = T._found.__wrapped__(k, accented)
            want = _old_found(k, accented)
            assert got.topics == sorted(want) and got.pats == want, repr(k)
            hits += sum(len(v) for v in want.values())
    assert hits > 5000, hits


def test_dm_lines_are_lines_at():
    from kehoach.parser.checks import rules_dates as rd
    from kehoach.parser.checks.engine import lines_at

    for t in _texts()[:2000]:
        ctx = _ctx(t)
        text, numbers = rd.dated_text(ctx), rd.tone_numbers(ctx)
        got = rd._dm_lines(text, numbers)
        assert [(a, b) for a, b, _, _ in got] == list(lines_at(text, numbers, rd._DM_AT)), repr(t)
        for a, b, low, starts in got:
            line = text[a:b]
            assert low == (None if re.search("[\u0130\u0131\u017f]", line) else line.lower())
            assert starts == [p for p in numbers if a <= p < b and rd._DM_AT.match(text, p)]


def _old_caps(h: str) -> bool:
    letters = "".join(filter(str.isalpha, h))
    return len(letters) >= 4 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def test_caps_is_the_old_count():
    from types import SimpleNamespace

    from kehoach.parser.checks import rules_numbering as rn

    rng = random.Random(7)
    heads = [ln for t in _seed_texts() for ln in t.split("\n")]
    heads += [ln.upper() for ln in heads[:200]] + ["", "ABC", "ABCD", "ABCDe", "I. ĐẶC ĐIỂM TÌNH HÌNH", "ǅabc", "ℂℍℕℙ", "İİİİ"]
    pool = [chr(i) for i in range(0, 0x2100)] + ["\U0001d400", "中", "\u0301", "ǅ", "ℂ", "Σ", "ß", "ẞ", "ǈ"]
    for _ in range(30000):
        common = rng.choice(["ABCĐÊỆ abcđêệ.,1", "ABCĐÊỆƯ Ơ.,:1a"])  # mixed, or mostly capitals
        heads.append("".join(rng.choice(pool if rng.random() < 0.3 else common) for _ in range(rng.randint(0, 30))))
    n = 0
    for h in heads:
        want = _old_caps(h)
        assert rn._caps(SimpleNamespace(heading=h)) is want, repr(h)
        n += want
    assert n > 1000, n


def test_deepest_and_work_areas_are_the_old_walks():
    from kehoach.parser import topics as T
    from kehoach.parser.schema import Section, iter_sections

    ids = [t.id for t in T.taxonomy()] + [None, "", "nhiem_vu", "khong_co"]
    for tid in ids:
        t = T.get(tid)
        assert T.is_work_area(tid) is bool(t and t.kind == T.WORK_AREA), tid
    assert sum(map(T.is_work_area, ids)) >= 5

    rng = random.Random(3)

    def tree(depth: int, lo: int, hi: int) -> list:
        out = []
        for _ in range(rng.randint(0, 3) if depth < 4 else 0):
            a = rng.randint(lo, hi)
            b = rng.randint(a, hi + 5)
            out.append(Section(start=a, end=b, level=rng.randint(1, 4), heading="x", style="arabic", heading_start=a,
                               heading_end=a, children=tree(depth + 1, a, b)))
        return out
    hits = 0
    for _ in range(1500):
        secs = tree(0, 0, 60)
        flat = list(iter_sections(secs))
        spans = [(s.start, s.end, s.level, s) for s in flat]
        for off in range(0, 70, 3):
            want = T.deepest_section(None, off, flat)
            assert T._deepest(spans, off) is want
            hits += want is not None
    assert hits > 3000, hits


_PHRASE_INDEXES: dict = {}


def _phrase_index(where: dict):
    """A PhraseIndex of the topics' phrases (one per form, built once)."""
    from kehoach.parser.text.phrases import PhraseIndex

    if id(where) not in _PHRASE_INDEXES:
        _PHRASE_INDEXES[id(where)] = PhraseIndex(where)
    return _PHRASE_INDEXES[id(where)]
