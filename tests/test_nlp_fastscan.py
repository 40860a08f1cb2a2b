"""The taggers' fast paths (issue 14) find what the plain scans they replace found, on real text
and on its upper-case, lower-case and unaccented forms."""
import re

import pytest
from conftest import SEEDS

from kehoach.parser.nlp import awards, clauses, dates, entities, refs
from kehoach.parser.text.normalize import strip_accents


def _texts() -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not base:
        pytest.skip("no seed texts")
    odd = ("Căn cứ KẾ HOẠCH số 12/KH-UBND, Quyết địnhsố 3/QĐ-TTg; Thông tư liên tịch  số: 05/2020/TTLT-BGDĐT"
           " ngày 5/3/2020 về việc x. Luật Công đoàn số 12/2012/QH13, công văn số Số: 186/CV-GD&ĐT"
           " Kế hoạch tổ chức hội nghị số 7/KH-CĐ và Hướng dẫn\nsố 9-HD/TLĐ của Ban Chấp hành")
    out = []
    for t in base + [odd]:
        out += [t, t.upper(), t.lower(), strip_accents(t), t.replace("\n", " ")]
    return out


def test_odd_case_chars_are_the_ones_where_lower_and_ignorecase_part():
    # every char (?i) takes for a letter of the names, yet does not lower to it, or lowers to two chars
    names = list(refs._tables()[0]) + list(awards._tables()["phrases"])
    letters = {c for n in names for c in n.lower() if c.isalpha()}
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    odd = {c for y in letters for c in re.findall("(?i)" + re.escape(y), bmp) if c.lower() != y}
    odd |= {c for c in bmp if len(c.lower()) != 1}
    assert odd <= set(clauses._ODD_CASE)
    for c in clauses._ODD_CASE:
        assert clauses.name_starts(clauses.name_automaton(["kế hoạch"]), "kế hoạch " + c) is None


def test_name_starts_fall_back_on_odd_chars():
    auto = clauses.name_automaton(["kế hoạch"])
    assert clauses.name_starts(auto, "Theo KẾ HOẠCH và kế hoạch") == [5, 17]
    assert clauses.name_starts(auto, "Kế hoạch İ") is None


def _old_type_rx() -> re.Pattern:
    """refs' pattern with its name chars as first written: the whole type alternation per char."""
    types, _, rx = refs._tables()
    names = sorted(types, key=len, reverse=True)
    type_alt = "|".join(re.escape(n) for n in names)
    old = rf"(?:(?!(?:{type_alt})(?![{refs._LETTERS}À-ỹ]))[^\n,;:.“”\d])"
    first, rest = refs.literal_alt(names)
    new = rf"(?:(?!{first}{rest}(?![{refs._LETTERS}À-ỹ]))[^\n,;:.“”\d])"
    assert new in rx.pattern
    return re.compile(rx.pattern.replace(new, old))


def test_typed_references_match_the_plain_scan():
    old = _old_type_rx()
    for t in _texts():
        want = [(m.span(), m.groupdict()) for m in old.finditer(t)]
        assert [(m.span(), m.groupdict()) for m in refs._typed_matches(t)] == want


def _old_subject_after(text, pos):
    m = re.match(r"[ \t]*,?[ \t]*về[ \t]+(?:việc[ \t]+)?", text[pos:pos + 16])
    if not m:
        return None
    s = pos + m.end()
    e = s
    while e < len(text) and text[e] not in ";\n" and not (text[e] == "." and (e + 1 >= len(text) or text[e + 1].isspace())):
        e += 1
        if e - s > 300:
            break
    return text[s:e].strip(" ,“”\"") or None


def test_subject_after_matches_the_char_loop():
    for t in _texts()[:5] + ["về " + "x" * 400, "về việc a.\u2003b", "về a.", "về " + "y" * 299 + ". z"]:
        for i in [m.start() for m in re.finditer("về", t)]:
            for pos in (i, max(0, i - 2)):
                assert refs._subject_after(t, pos) == _old_subject_after(t, pos)


def _old_date_at(text, pos, hits, max_gap=12):
    for h in hits:
        gap = re.sub(r"(?i)ngày", "", text[pos:h.start])
        if pos <= h.start <= pos + max_gap and h.kind in ("date", "partial") and not gap.strip(" ,\t\n"):
            return h
        if h.start > pos + max_gap:
            break
    return None


def test_date_at_matches_the_plain_loop():
    for t in _texts()[:5]:
        hits = dates.find_dates(t)
        for pos in range(0, len(t), 7):
            assert dates.date_at(t, pos, hits) is _old_date_at(t, pos, hits)


def _old_trim(text, s, e):
    m = re.compile(r"[\s\-+•·*–—]+").match(text, s, e)
    if m:
        s = m.end()
    while e > s and text[e - 1] in " \t\r,.:":
        e -= 1
    while s < e and text[s] in " \t\r,":
        s += 1
    return s, e


def _old_units(text, start=0, end=None):
    end = len(text) if end is None else end
    out, pos = [], start
    for m in re.compile(r"\n|;|[.!?](?<!\..)(?=\s|$)").finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [t for t in (_old_trim(text, s, e) for s, e in out) if t[1] > t[0]]


def test_bullet_chars_are_the_bullet_class():
    import sys

    want = {c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"[\s\-+•·*–—]", c)}
    assert set(clauses._BULLET_CHARS) == want


def test_trim_and_units_match_the_char_loops():
    odd = "\u3000- • , .: a.b... c;\n\t–—x, \r\n,, . : \x85y. z"
    for t in _texts()[:5] + [odd, ""]:
        for s in range(0, len(t), 37 if len(t) > 500 else 1):
            for e in (s - 1, s, s + 1, s + 5, s + 90):
                assert clauses.trim(t, s, min(e, len(t))) == _old_trim(t, s, min(e, len(t)))
        assert clauses._units(t, 0, len(t)) == _old_units(t)
        for a, b in ((0, len(t) // 2), (len(t) // 3, len(t)), (5, len(t) - 3)):
            assert clauses.units(t, a, b) == _old_units(t, a, b)


def test_award_phrases_match_the_plain_scan():
    rx = awards._phrase_rx()
    for t in _texts():
        for a, b in ((0, len(t)), (len(t) // 3, len(t) - 7)):
            assert [m.span() for m in awards._phrases_in(t, a, b)] == [m.span() for m in rx.finditer(t, a, b)]


def test_counted_words_pick_the_units_the_lower_case_test_picks():
    for t in _texts():
        starts, ends = awards._counted_words(t)
        for s, e in clauses.units(t):
            low = t[s:e].lower()
            want = any(w in low for w in awards._COUNTED_WORDS)
            i = awards.bisect_left(starts, s)
            assert (i < len(starts) and ends[i] <= e) == want


def test_org_and_abbreviation_patterns_match_the_lookahead_ones():
    import re as _re

    from kehoach import models

    orgs, abbr = models.load("gazetteer_orgs.yaml"), models.load("abbreviations.yaml")
    heads = sorted(orgs["heads"], key=len, reverse=True)
    org_rx, abbr_rx, *_ = entities._tables()
    tail = org_rx.pattern[org_rx.pattern.index(")(?:[ \\t]+") + 1:]
    firsts = "".join(sorted({h[0].upper() for h in heads}))
    old_org = _re.compile(rf"(?=[{firsts}])(?<![\wÀ-ỹ])(?P<head>(?i:{'|'.join(map(_re.escape, heads))})){tail}")
    old_abbr = _re.compile(rf"(?=[{''.join(sorted({a[0] for a in abbr}))}])(?<![\wÀ-ỹ&])("
                           + "|".join(_re.escape(a) for a in sorted(abbr, key=len, reverse=True)) + r")(?![\wÀ-ỹ&])")
    for t in _texts():
        assert [m.groupdict() | {"s": m.span()} for m in org_rx.finditer(t)] == \
            [m.groupdict() | {"s": m.span()} for m in old_org.finditer(t)]
        assert [(m.span(), m.group(1)) for m in abbr_rx.finditer(t)] == [(m.span(), m.group(1)) for m in old_abbr.finditer(t)]


def test_date_word_starts_match_the_three_scans():
    for t in _texts() + ["Ngày 1, NGÀY 2; xngày 3 _năm 4 Tháng 5 từ 6 Tết 7 mồng 8 Mùng 9 RẰM 10 İ ngày 11"]:
        want = {w: [] for w in ("ngày", "năm", "từ", "tháng", "tết", "mùng", "rằm")}
        for rx in (dates._NGAY_NAM, dates._T_WORDS, dates._MR_WORDS):
            for m in rx.finditer(t):
                want[dates._SECOND[t[m.start() + 1].lower()]].append(m.start())
        got = dates._word_starts(t)
        assert {k: v for k, v in got.items() if k != "number"} == want


def test_units_from_any_start_match():
    t = "a.. b. c.\n.d ;e? f!g. h...  i.\u3000j. 1.234 k .l."
    for a in range(len(t)):
        for b in range(a, len(t) + 1):
            assert clauses._units(t, a, b) == _old_units(t, a, b)
    seed = _texts()[0]
    for p in [i + 1 for i, c in enumerate(seed) if c in ".;\n"][:60]:
        assert clauses._units(seed, p, len(seed)) == _old_units(seed, p, len(seed))


_OLD_COUNT = r"\b\d{1,3}\b"
_OLD_COUNTED_AWARD = re.compile(
    rf"(?i)(?:{_OLD_COUNT}[^\n]{{0,80}}\bkhen\b(?!\s+thưởng)|\bkhen\b(?!\s+thưởng)[^\n]{{0,30}}{_OLD_COUNT}\s+\w"
    rf"|\bdanh\s+hiệu\b[^\n:]{{0,80}}:\s*{_OLD_COUNT}|\b(?:đạt|đạt\s+được|công\s+nhận)\s+danh\s+hiệu\b"
    rf"|\bđạt\s+(?:LĐTT|CSTĐ|Lao động tiên tiến|Chiến sĩ thi đua)\b[^\n]{{0,40}}{_OLD_COUNT}"
    rf"|{_OLD_COUNT}[^\n]{{0,40}}\bđạt\s+(?:danh\s+hiệu\s+)?(?:giáo\s+viên\s+(?:dạy\s+)?giỏi|GVDG|GVG|LĐTT|CSTĐ"
    rf"|Lao động tiên tiến|Chiến sĩ thi đua)\b"
    rf"|\bgiải\s+(?:nhất|nhì|ba|khuyến\s+khích)\s*:?\s*\d"
    rf"|\btặng\s+(?:giấy\s+chứng\s+nhận|thư\s+khen)\s+của\s+(?-i:[A-ZĐÀ-Ỹ]))")


def test_counted_award_pattern_matches_the_ignorecase_one():
    lines = ["Có 4 đoàn viên xuất sắc – LĐLĐ huyện khen", "được Công đoàn ngành khen 02 cá nhân",
             "đạt danh hiệu CSTĐ: 02", "ĐẠT ĐƯỢC DANH HIỆU x", "công nhận danh hiệu", "đạt LĐTT năm 2024: 12 người",
             "1234 khen", "x12 khen", "Có 4 giáo viên đạt giáo viên dạy giỏi", "Giải nhì: 1.000.000đ",
             "tặng thư khen của BCH", "tặng thư khen của bch", "\u212ahen 3 người", "5 khen thưởng", "khen thưởng 3 x"]
    for t in _texts():
        lines += t.split("\n")
    for line in lines:
        a, b = awards._COUNTED_AWARD.search(line), _OLD_COUNTED_AWARD.search(line)
        assert (a and a.span()) == (b and b.span()), line


def test_quoted_spans_match_the_scan():
    for t in _texts() + ['a "b" “c” "d\n" “e"f” ""“”', '"' * 7 + "“" * 3 + "”"]:
        assert clauses.quoted_spans(t) == [m.span() for m in re.finditer(r"“[^”\n]{0,300}”|\"[^\"\n]{0,300}\"", t)]
