"""Issue 14 (speed): the faster segment, checks, topics and line mapping give what the plain
way gives, on real plan text and on invented lines."""
from __future__ import annotations

import random

from conftest import SEEDS
from kehoach.parser import segment


def _seed_lines() -> list[str]:
    lines = []
    for f in sorted(SEEDS.glob("*.txt")):
        lines += [ln.strip() for ln in f.read_text(encoding="utf-8").split("\n")]
    return [ln for ln in lines if ln]


def _old_candidates(text: str, line: int) -> list:
    """segment.candidates as it was: every pattern tried on every line, the row test always."""
    out = []
    if segment.TABLE_ROW.search(text):
        return out
    if segment.BULLET.match(text):
        m = segment.DASHED_TOP.match(text)
        if not m or not segment.is_upper_text(text[m.end():], 0.8):
            return out
        return [c for c in _old_candidates(text[m.end():], line) if c.style in ("upper", "roman")]
    for style, rx in segment.PATTERNS:
        m = rx.match(text)
        if not m:
            continue
        vals = segment._value(style, m.group("val"))
        if not vals:
            continue
        key = style
        if style == "arabic":
            key = f"arabic:{len(vals)}"
        elif style == "arabic_bare":
            key = "arabic:1"
        elif style == "roman_bare":
            key = "roman"
        num = m.group("num").strip()
        if style == "roman" and m.group("val") in segment.OCR_ROMAN:
            num = segment.OCR_ROMAN[m.group("val")] + num[len(m.group("val")):]
        out.append(segment.Candidate(key, vals, num, m.group("rest").strip(), line))
    return out


def _invented_lines(n: int = 20000) -> list[str]:
    rng = random.Random(14)
    heads = ["PHẦN THỨ NHẤT", "Phần I", "Phần ITuyên", "CHƯƠNG TRÌNH 2", "Chơng I", "Mục 2", "ĐIỀU 3.", "Điều 12",
             "QUÝ III/2021", "Quý 2 năm 2024", "THÁNG 10/2024", "Tháng 9:", "Tuần 1 (15-21/11)", "Bước 2:", "II.",
             "IV -", "V- ", "A.", "B./", "Đ)", "HI.", "Ill.", "3.", "1.1", "2.3.1.", "4-Kết", "1,", "12", "II",
             "a)", "đ.", "b/", "- A.", "- II.", "+ 1.", "x)", "١.", "٣ ", "Ⅱ.", "ⅰ)", "", " 1.", "\t2."]
    tails = ["", " ", " KẾT QUẢ THỰC HIỆN", " Công tác tuyên truyền", " tổ chức hội thi", ": CÔNG TÁC", " - Nội dung",
             " | cột | hai", "KẾT QUẢ", " Tình hình chung 1. Thuận lợi", " năm 2024"]
    firsts = "PpCcMmĐđQqTtBbIiVvXxLlAaHhlEe0123456789-+•·*–—►▪❖✓(|١٣Ⅱⅰ "
    out = []
    for _ in range(n):
        h = rng.choice(heads)
        if rng.random() < 0.3:
            h = rng.choice(firsts) + h[1:]
        out.append(h + rng.choice(tails))
    return out


def test_candidates_are_the_old_candidates():
    lines = _seed_lines() + _invented_lines()
    memo: dict = {}
    found = 0
    for k, ln in enumerate(lines):
        want = _old_candidates(ln, k)
        assert segment.candidates(ln, k) == want, ln
        assert segment.candidates(ln, k, memo) == want, ln
        assert segment.candidates(ln, k + 1, memo) == _old_candidates(ln, k + 1), ln  # from the memo
        found += bool(want)
    assert found > 2000


def test_first_classes_cover_every_pattern():
    # a pattern left without a first class is only tried everywhere (slower, still right);
    # all of today's have one, and each is what the pattern opens with
    assert all(first is not None for _, _, first in segment._FIRSTS)
    assert segment._FIRSTS[0][2].pattern == "[P]" and segment._FIRSTS[-1][2].pattern == "[a-zđ]"


def _random_texts(pool: str, n: int, seed: int, longest: int = 30) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def test_source_lines_nfc_by_line_is_nfc():
    import unicodedata

    from kehoach.parser.checks import source_lines as sl

    pool = "ae\u0301\u0300\u0323o\u031b\u0302u\u0306\n\r\u2028 Aá\u1ea1ơ\u0303\u0345\u0f73\u1100\u1161\u11a8\uac00"
    texts = _random_texts(pool, 20000, 5) + [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]
    texts += [unicodedata.normalize("NFD", t) for t in texts[-3:]]
    for t in texts:
        assert sl._nfc_by_line(t) == unicodedata.normalize("NFC", t), repr(t)


def test_source_lines_squash_is_split_and_join():
    from kehoach.parser.checks import source_lines as sl

    pool = "ab  \t\u00a0\u2003\u200b\x0b\x0c\x1c\x85\u3000\u202fđ"
    for t in _random_texts(pool, 20000, 6, 12) + _seed_lines():
        assert sl._squash(t) == " ".join(t.split()), repr(t)


def _seed_texts() -> list[str]:
    return [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]


def _ctx(text: str):
    from kehoach.parser.checks.engine import CheckConfig, Context
    from kehoach.parser.schema import PlanDocument, Source

    return Context(PlanDocument(source=Source(path="x.txt", format="txt"), text=text), CheckConfig())


def _invented_date_texts(n: int = 3000) -> list[str]:
    from kehoach import models

    names = [nm for o in models.load("observances.yaml")["observances"] for nm in o["names"]]
    rng = random.Random(9)
    bits = ["ngày ", "Ngày ", "(", " - ", "– ", "", " ", "\t", "\n", "20/10", "8/3", "2 / 9", "19-5", "30.4", "1/5/2024",
            "12/2024", "3/2", "26/3", "ngày 3 tháng 2", "kỷ niệm 95 năm ", "chào mừng ", "lễ ", "1990", "x", "11"]
    texts = []
    for _ in range(n):
        parts = [rng.choice(bits) if rng.random() < 0.6 else rng.choice(names) for _ in range(rng.randint(1, 10))]
        t = "".join(parts)
        texts.append(t.upper() if rng.random() < 0.1 else t)
    return texts


def test_tone_numbers_are_the_tone_texts_numbers():
    import unicodedata

    from kehoach.parser.checks import rules_dates as rd
    from kehoach.parser.checks.engine import NUMBER

    texts = _seed_texts() + _invented_date_texts(500)
    texts += [unicodedata.normalize("NFD", t) for t in texts[:3]] + ["hoa\u0300 1\u0301 2 thuỷ 3", "\u0958 1 2"]
    for t in texts:
        ctx = _ctx(t)
        assert rd.tone_numbers(ctx) == [m.start() for m in NUMBER.finditer(rd.folded_text(ctx))], repr(t)


def test_name_dates_are_the_whole_scan():
    from kehoach import models
    from kehoach.parser.checks import rules_dates as rd

    names = [nm for o in models.load("observances.yaml")["observances"] for nm in o["names"]]
    assert all(not nm[-1].isdigit() for nm in names)  # a day right after a name starts a number
    rx = rd._observance_res()[2]
    n = 0
    for t in _seed_texts() + _invented_date_texts():
        ctx = _ctx(t)
        tone = rd.folded_text(ctx)
        want = [(m.span(), m.groupdict()) for m in rx.finditer(tone)]
        assert [(m.span(), m.groupdict()) for m in rd._name_dates(rx, tone, rd.tone_numbers(ctx))] == want, repr(t)
        n += len(want)
    assert n > 500


def _invented_t_texts(n: int = 3000) -> list[str]:
    rng = random.Random(11)
    bits = ["Trên đây là ", "TRÊN ĐÂY LÀ ", "trên đây là toàn bộ ", "kế hoạch ", "Kế hoạch ", "chương trình công tác ",
            "năm học 2023-2024", "năm 2024", "tháng 9", " như sau", "Tổng số ", "TỔNG SỐ ", "tổng số đoàn viên: ",
            "từ 5 đến 3 người", "Từ 12 - 5 buổi", "12 - 5 đoàn viên", "tháng 13/2024", "Tháng 2 năm 2023",
            "THÁNG 0/2024", "Các chỉ tiêu năm học 2024-2025", "1. CHỈ TIÊU NĂM 2023", "- chỉ tiêu thi đua:",
            "nhóm Chỉ Tiêu ", "chỉ  tiêu", "Chỉ tiêu cơ bản năm 2025", "nữ 30, nam 20", "trong đó: ", ": 45 người",
            "5t", "_t", "9từ", "xtừ", "\n", "\n", " ", "\t", "ừ", "ổng", "háng", "rên", "T", "t", "1", "a", ".", ":"]
    return ["".join(rng.choice(bits) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def _spans_of(ms) -> list:
    return [(m.span(), m.groupdict()) for m in ms]


def test_t_words_find_what_the_whole_scans_find():
    from kehoach.parser.checks import rules_counts as rc
    from kehoach.parser.checks import rules_dates as rd
    from kehoach.parser.checks import rules_period as rp
    from kehoach.parser.checks.engine import NUMBER, finditer_at, t_words

    month = dict(rd._INVALID_RES)["month"]
    closing, heading = rp._patterns()["closing"], rp._patterns()["targets_heading"]
    found = dict.fromkeys(["tổng", "range", "month", "closing", "heading"], 0)
    for t in _seed_texts() + _invented_t_texts():
        ctx = _ctx(t)
        tw = t_words(ctx)
        for rx in (rc._TOTAL, rc._TOTAL2, rc._HEADCOUNT):
            want = _spans_of(rx.finditer(t))
            assert _spans_of(finditer_at(rx, t, tw["tổng"])) == want, repr(t)
            found["tổng"] += len(want)
        numbers = [m.start() for m in NUMBER.finditer(t)]
        want = _spans_of(rc._range_re().finditer(t))
        assert _spans_of(finditer_at(rc._range_re(), t, sorted(tw["từ"] + numbers))) == want, repr(t)
        found["range"] += len(want)
        want = _spans_of(month.finditer(t))
        assert _spans_of(finditer_at(month, t, tw["tháng"])) == want, repr(t)
        found["month"] += len(want)
        for lo in {0, len(t) // 3, t.find("\n") + 1}:
            want = _spans_of(closing.finditer(t, lo))
            assert _spans_of(finditer_at(closing, t, [p for p in tw["trên"] if p >= lo])) == want, repr(t)
            found["closing"] += len(want)
            for hi in {len(t), len(t) - 7, (2 * len(t)) // 3}:
                if hi < lo:
                    continue
                ctx.doc.body_start, ctx.doc.body_end = lo, hi
                want = _spans_of(heading.finditer(t, lo, hi))
                assert _spans_of(rp._targets_headings(ctx, heading)) == want, (repr(t), lo, hi)
                found["heading"] += len(want)
    assert min(found.values()) > 50, found


def _old_score(text: str, positional: bool, work_areas_only: bool) -> tuple:
    """topics._score as it was: the automaton's hits, then per variant the overlap walk."""
    from kehoach.parser import topics as T

    key = T.fold_lines(text)
    if not key:
        return ()
    accented = T._has_accents(key)
    if not accented:
        key = T.strip_accents(key)
    n = max(len(key), 1)
    tax = T.taxonomy()
    if (not accented and T._ODD_SPACE.search(key)) or T._empty_phrase():
        hits = [(ti, pats) for ti, pats in T._regex_hits(key, accented)
                if not (work_areas_only and tax[ti].kind != T.WORK_AREA)]
    else:
        where = T._places()[0 if accented else 1]  # (topics keeps no phrase -> spans index since session 26)
        index = _phrase_index(where)
        per_topic: dict = {}
        for ph, spans in index.find(key).items():
            for ti, pi in where[ph]:
                per_topic.setdefault(ti, []).append((pi, spans))
        hits = [(ti, [(tax[ti].patterns[pi][2], spans) for pi, spans in sorted(per_topic[ti])])
                for ti in sorted(per_topic) if not (work_areas_only and tax[ti].kind != T.WORK_AREA)]
    out = []
    for ti, pats in hits:
        taken: list = []
        total = 0.0
        for weight, spans in pats:
            for a, b in spans:
                if any(a < e and s < b for s, e in taken):
                    continue
                taken.append((a, b))
                w = weight
                if positional:
                    w *= 1.0 + T.FIRST_PHRASE_BONUS * (1.0 - a / n)
                total += w
        if total:
            out.append((tax[ti].id, total))
    return tuple(out)


def test_topic_scores_are_the_old_scores():
    from kehoach.parser import topics as T
    from kehoach.parser.text.normalize import strip_accents

    texts = _seed_lines() + [strip_accents(ln) for ln in _seed_lines()[::3]]
    texts += _seed_texts() + ["", "  ", "Công tác  tuyên truyền", "cong tac tuyen truyen \u0301 thi dua", "Chăm lo đời sống"]
    scored = 0
    for t in texts:
        for positional in (False, True):
            for wa in (False, True):
                got = T._score.__wrapped__(t, positional, wa)
                assert got == _old_score(t, positional, wa), (t, positional, wa)
                scored += bool(got)
    assert scored > 500


def test_topics_second_assign_reuses_only_the_same_inputs():
    from kehoach.parser import parse, topics

    doc = parse(sorted(SEEDS.glob("*.txt"))[0], nlp=False, checks=False)
    flat = lambda d: [(s.heading, s.topic, s.topic_confidence) for s in topics.iter_sections(d.sections)]  # noqa: E731
    first = flat(topics.assign(doc))
    assert flat(topics.assign(doc)) == first
    s = doc.sections[0]
    s.heading = "Công tác chăm lo đời sống, bảo vệ quyền lợi của đoàn viên"
    fresh = topics._CLASSIFIED.pop(id(doc))  # what a document never seen would get
    want = flat(topics.assign(doc))
    topics._CLASSIFIED[id(doc)] = fresh
    assert flat(topics.assign(doc)) == want and want != first


def test_ngay_starts_and_announcements_are_the_whole_scans():
    import re

    from kehoach.parser.checks import rules_counts as rc
    from kehoach.parser.checks import rules_dates as rd
    from kehoach.parser.text.fastre import ci

    ngay = re.compile(ci("n") + r"(?<!\w.)(?i:gày)")
    rng = random.Random(13)
    bits = ["ngày", "NGÀY", "Ngày", "xngày", "5ngày", "_ngày", "ngàY", "ngà\ny", "này", "gày", " ", "\n", "ng", "à", "y",
            "3 nhiệm vụ:", "04 nhóm chỉ tiêu: ", "Hai giải pháp như sau:", "ba nội dung; ", "5 chỉ tiêu. ", ":", ";", ".",
            "- gồm 6 phong trào trọng tâm sau: a; b; c", "mười  tiêu chí:", "2.5 nhiệm vụ:", "x", "\t", "12 hoạt động trọng tâm"]
    texts = _seed_texts() + ["".join(rng.choice(bits) for _ in range(rng.randint(1, 16))) for _ in range(4000)]
    n_ngay = n_ann = 0
    for t in texts:
        want = [m.start() for m in ngay.finditer(t)]
        assert rd._ngay_starts(_ctx(t)) == want, repr(t)
        want_a = _spans_of(rc._announce_re().finditer(t))
        assert _spans_of(rc._announcements(t)) == want_a, repr(t)
        n_ngay, n_ann = n_ngay + len(want), n_ann + len(want_a)
    assert n_ngay > 1000 and n_ann > 300, (n_ngay, n_ann)


def test_char_positions_are_the_class_scan():
    import re

    from kehoach.parser.checks.engine import char_positions
    from kehoach.parser.text.fastre import ci

    for t in _seed_texts() + ["", "y", "Yy ỉỈ", "chỉ tiêu CHỈ TIÊU"]:
        for letter in "yỉnt":
            cls = ci(letter)
            assert cls[1:-1].isalpha()
            assert char_positions(t, cls) == [m.start() for m in re.finditer(cls, t)]


_PHRASE_INDEXES: dict = {}


def _phrase_index(where: dict):
    """A PhraseIndex of the topics' phrases (one per form, built once)."""
    from kehoach.parser.text.phrases import PhraseIndex

    if id(where) not in _PHRASE_INDEXES:
        _PHRASE_INDEXES[id(where)] = PhraseIndex(where)
    return _PHRASE_INDEXES[id(where)]
