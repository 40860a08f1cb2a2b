"""Issue 14 (speed), the frame's stages: each shortcut gives what the plain way gives, on the
lines of the seeds and the real corpus and on invented text."""
from __future__ import annotations

import random
import re
import sys

from conftest import REPO, SEEDS
from kehoach.parser import frame as F
from kehoach.parser.text import normalize as N


def _real_lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((REPO / "corpora" / "real" / "cache").glob("*.txt"))]
    lines = [ln.strip() for t in texts for ln in t.splitlines() if ln.strip()]
    return lines + [w for ln in lines[:400] for w in ln.split()[:3]]


def _invented(pool: str, n: int = 4000, seed: int = 5, most: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, most))) for _ in range(n)]


def test_printable_strings_hold_no_white_space_but_space():
    # fold's fast path: a printable string's split-join is itself when its spaces are single and inside
    assert [hex(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and chr(c).isprintable() and c != 0x20] == []


def _old_fold(s: str) -> str:
    if not s:
        return ""
    s = N.nfc(s)
    t = N._FOLD_CHARS.sub(N._FOLD_SUB, s)
    s = N._new_tones(t if t is s else N.nfc(t))
    return " ".join(s.casefold().split())


def test_fold_fast_path_is_the_split_join():
    texts = _real_lines()
    texts += _invented("aA đĐ ơ  \t\n\u00a0\u2028\u2029\x85\x1c\u200b\u3000-–.", most=12)
    texts += [" a", "a ", "a  b", "a\u00a0b", "", " ", "\x1f", "Ω", "ﬁ ß"]
    for t in texts:
        assert N.fold.__wrapped__(t) == _old_fold(t), repr(t)


_OLD_QUI_PLAIN = re.compile(r"(?<!\w)qu([iíìỉĩị])(?!\w)")


def test_old_qui_spelling_regex_matches_the_same():
    texts = [F.fold(x) for x in _real_lines()]
    texts += _invented("qQuiíìỉĩịyaq ._1đ", n=6000, most=14)
    for t in texts:
        assert [(m.span(), m.groups()) for m in F._OLD_QUI.finditer(t)] == \
               [(m.span(), m.groups()) for m in _OLD_QUI_PLAIN.finditer(t)], repr(t)


def _old_doc_type_of(line: str):
    f = F._new_spelling(F.fold(line))
    types = F._doc_types()
    prefixes, glued = F._type_prefixes()
    if f.startswith(prefixes):
        for p, canon in types:
            if f.startswith(p) and (len(f) == len(p) or not f[len(p)].isalnum()):
                return canon
    if "?" in f:
        return next((canon for p, canon in types if F._q_starts(f, p)), None)
    if f.replace(" ", "").startswith(glued) and N.is_upper_text(line, 0.9):
        g = f.replace(" ", "")
        for p, canon in types:
            if " " in p and g.startswith(p.replace(" ", "")) and (not f.startswith(p) or f[len(p):len(p) + 2].isalpha()):
                return canon
    return None


def test_doc_type_of_reads_a_head_of_the_glued_line():
    assert max(map(len, F._type_prefixes()[1])) <= F._GLUED_MAX
    types = [p.upper() for p, _ in F._doc_types()]
    texts = _real_lines() + [t.replace(" ", "") + " NĂM 2024" for t in types] + [t + "HOẠT ĐỘNG" for t in types]
    rng = random.Random(9)
    texts += [" ".join(rng.choice(types + ["A", "X Y", "KẾ", "HOẠCH"]) for _ in range(rng.randint(1, 30))).replace(" ", rng.choice([" ", "", "  "]))
              for _ in range(3000)]
    for t in texts:
        assert F._doc_type_of(t) == _old_doc_type_of(t), repr(t)


def test_decimal_is_what_re_calls_a_digit():
    # _date_no_year strips the line's last digits with str.isdecimal
    d = re.compile(r"\d")
    assert [hex(c) for c in range(sys.maxunicode + 1) if bool(d.match(chr(c))) != chr(c).isdecimal()] == []


def test_date_no_year_guard_finds_what_the_search_finds():
    texts = _real_lines()
    texts += _invented("ngàyNGÀYthángTHÁNG 0123456789٣ \t\n.,", n=8000, most=30)
    texts += [w + t for t in ["ngày 1 tháng", "ngày tháng 12", "NGÀY 2 THÁNG 3 \n", "ngày  tháng  1 2", "tháng 123"]
              for w in ["", "Hà Nội, ", "x"]]
    for t in texts:
        assert bool(F._date_no_year(t)) == bool(F.DATE_NO_YEAR.search(t)), repr(t)
        if F._date_no_year(t):
            assert F._date_no_year(t).span() == F.DATE_NO_YEAR.search(t).span()


def test_national_needs_its_heads():
    from kehoach.parser import landmarks as lm

    texts = _real_lines()
    texts += _invented("CcĐđộỘòàoaẢNG hòaxãhộichủnghĩaviệtnamSẢN ", n=8000, most=60)
    texts += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cộng hòa xã hội chủ nghĩa việt nam", "ĐẢNG CỘNG SẢN VIỆT NAM",
              "Cộng hoà xã hội chủ nghĩa Việt Nam"]
    found = 0
    for t in texts:
        if not lm.may_hold_national(t):
            assert lm.NATIONAL.search(t) is None, repr(t)
        found += lm.NATIONAL.search(t) is not None
    assert found >= 4


def _old_national_text(f: str) -> bool:
    g = F._hoa(f[:64]).replace(" ", "")
    if g.startswith("cộnghồxã"):
        g = "cộnghòa" + g[6:]
    return (g.startswith(F._NATIONAL_GLUED) or g == F._PARTY_GLUED or g in F._YOUTH_GLUED
            or F._plain(g[:len(F._NATIONAL_PLAIN)]) == F._NATIONAL_PLAIN
            or ("?" in g and bool(F._q_rx(F._NATIONAL_PLAIN).match(F._plain(g)))))


def _old_motto_text(f: str) -> bool:
    g = f.replace(" ", "")
    if "?" in g:
        g = F._plain(g)
        return bool(F._q_rx("doclap").search(g) and F._q_rx("hanhphuc").search(g))
    return "độclập" in g and "hạnhphúc" in g


def test_national_and_motto_first_char_tests():
    names = ["cộng hòa xã hội chủ nghĩa việt nam", "cộng hồ xã hội chủ nghĩa việt nam", "đảng cộng sản việt nam",
             "đoàn tncs hồ chí minh", "c?ng hòa xã h?i ch? nghĩa vi?t nam", "cong hoa xa hoi chu nghia viet nam",
             "çong hoa xa hoi chu nghia viet nam", "?ong hoa xa hoi chu nghia viet nam", "độc lập - tự do - hạnh phúc",
             "đ?c l?p - t? do - h?nh phúc", "doc lap tu do hanh phuc"]
    rng = random.Random(4)
    texts = [F.fold(x) for x in _real_lines()] + names + [" " + n for n in names] + [""]
    for _ in range(4000):
        n = rng.choice(names)
        k = rng.randrange(len(n) + 1)
        texts.append(rng.choice(["", " ", "  ", "x", "?"]) + n[:k] + rng.choice(["", " ", "?", "ĉ", "đ"]) + n[k:])
    for t in texts:
        assert F._national_text(t) == _old_national_text(t), repr(t)
        assert F._motto_text(t) == _old_motto_text(t), repr(t)


def _old_is_header_line(text: str) -> bool:
    from kehoach.parser import landmarks as lm

    written = list(lm.NATIONAL.finditer(text))
    if (any(not lm._in_sentence(text, m.start()) for m in lm._nationals(text, written)) or lm.MOTTO.search(text)
            or lm.NUMBER.match(text) or (lm.MOTTO_TAIL.match(text) and lm.PLACE_DATE.search(text))):
        return True
    pd = lm.PLACE_DATE.search(text)
    if pd and pd.start() > 0:
        words = text[:pd.start()].split()
        k = len(words)
        while k > 0 and lm._title_case(words[k - 1]) and not lm._caps_word(words[k - 1]) and len(words) - k < 4:
            k -= 1
        head = words[:k]
        if len(head) >= 2 and sum(lm._caps_word(w) for w in head) >= 2 and lm._caps_word(head[-1]) or head[-1:] and head[-1].isdigit():
            return True
    if len(text) < lm.MIN_LEN:
        return False
    doc_type, _ = lm._lexicon()
    return sum(1 for k in (written, lm.NUMBER.search(text), pd, doc_type.search(text)) if k) >= 2


def test_is_header_line_as_before():
    from kehoach.parser import landmarks as lm

    parts = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-CĐ", "Hà Nội, ngày 2 tháng 9 năm 2024",
             "KẾ HOẠCH", "Tổ chức hoạt động năm học 2024-2025", "Căn cứ Luật Công đoàn", "LĐLĐ QUẬN X", "CÔNG ĐOÀN TRƯỜNG Y",
             "nước Cộng hoà xã hội chủ nghĩa Việt Nam", "ĐẢNG CỘNG SẢN VIỆT NAM"]
    rng = random.Random(6)
    texts = _real_lines() + [" ".join(rng.sample(parts, rng.randint(1, 5))) for _ in range(3000)]
    for t in texts:
        assert lm.is_header_line(t) == _old_is_header_line(t), repr(t)


def _old_title_body_cut(text: str) -> set[int]:
    from kehoach.parser import landmarks as lm

    doc_type, _ = lm._lexicon()
    note = lm.ANNEX_NOTE.search(text)
    if note and note.start() > 0:
        return {note.start()}
    glued = lm.GLUED_PERIOD.match(text)
    if glued and text[glued.end():glued.end() + 2][1:].islower():
        return {glued.end()}
    if len(text) < lm.MIN_LEN or not (doc_type.match(text) or F.doc_type_of(text.split(" ", 1)[0]) or text.startswith("VÀ ")):
        return set()
    words = list(re.finditer(r"\S+", text))
    k = 0
    while k < len(words) and (lm._caps_word(words[k].group()) or not any(c.isalpha() for c in words[k].group())):
        if k >= 3 and lm.HEADING_MARK.match(words[k].group()):
            return {words[k].start()}
        k += 1
    lead = len(words[k].group()) - len(words[k].group().lstrip("-–•*+")) if k < len(words) else 0
    w = words[k].group()[lead:] if k < len(words) else ""
    if 3 <= k < len(words) and w[:1].isupper() and not lm._caps_word(w):
        return {words[k].start()}
    return set()


def test_title_body_cut_as_before():
    from kehoach.parser import landmarks as lm

    parts = ["KẾ HOẠCH", "KẾHOẠCH", "QUY CHẾ", "TỔ CHỨC", "NĂM 2022", "Năm 2022, dự báo tình hình", "VÀ", "NHIỆM VỤ", "I./CÔNG TÁC",
             "A-", "-Thực hiện", "***", "2021", "(Ban hành kèm theo Quyết định số 1)", "NĂM HỌC 2016 - 2017Hôm nay", "- Tổ chức",
             "Căn cứ", "\t", "BÁOCÁOKIỂMTRA THỰC HIỆN"]
    rng = random.Random(8)
    texts = _real_lines() + [" ".join(rng.choice(parts) for _ in range(rng.randint(1, 12))) for _ in range(6000)]
    cut = 0
    for t in texts:
        assert lm.title_body_cut(t) == _old_title_body_cut(t), repr(t)
        cut += bool(lm.title_body_cut(t))
    assert cut > 100


def _old_is_person_name(text: str, allow_caps: bool = False) -> bool:
    m = F.DEGREE.match(text)
    if m and (text[m.end() - 1] in ". " or text[m.end():m.end() + 1].isspace()):
        text = text[m.end():]
    toks = text.strip(" .").split()
    if not 2 <= len(toks) <= 6:
        return False
    if all(F.NAME_TOKEN.match(t) for t in toks):
        return True
    f = F.fold(text)
    return (allow_caps and all(t.isalpha() and t.isupper() for t in toks) and not F._org_head(f)
            and not f.startswith(F._folded("positions"))
            and not f.startswith(("phó ", "chánh ")) and not {"trưởng", "nhiệm", "đốc"} & set(f.split()))


def test_person_name_and_legacy_type_as_before():
    from kehoach.parser.text import legacy

    words = ["Nguyễn", "Văn", "A", "NGUYỄN", "THỊ", "HUỆ", "ThS.", "Lê", "B", "PHÓ", "CHỦ", "TỊCH", "x", ".", "  "]
    rng = random.Random(12)
    texts = _real_lines() + [" ".join(rng.choice(words) for _ in range(rng.randint(0, 9))) for _ in range(4000)]
    for t in texts:
        for caps in (False, True):
            assert F._is_person_name(t, caps) == _old_is_person_name(t, caps), repr(t)
    surfaces = [legacy.encode(p, enc).decode("cp1252", errors="replace") for p, _ in F._doc_types() for enc in legacy.ENCODINGS]
    surfaces += [s.upper() + " NĂM 2024" for s in surfaces] + ["KEÁ HOAÏCH", "Kế hoạch", "Ké"]
    for t in surfaces + _real_lines()[:3000]:
        old = None
        if not (len(t) > 200 or t.isascii() or not legacy._legacy_only(t) or not any("\x80" <= c <= "\xff" for c in t)):
            old = next((x for enc in legacy.ENCODINGS if (x := F._doc_type_of(legacy.decode_str(t, enc)))), None)
        assert F._legacy_doc_type(t) == old, repr(t)
    assert sum(F._legacy_doc_type(t) is not None for t in surfaces) > 10


def test_clean_fast_path():
    # what clean() replaces or removes is unprintable, but the eths of its table
    printable = [c for c in (*map(chr, N._CLEAN_TABLE), "\r", "\u2028", "\u2029", *N._CONTROLS) if c.isprintable()]
    assert sorted(printable) == ["\u00d0", "\u00f0"]
    assert all(bool(N.CONTROL_RE.match(chr(c))) == (chr(c) in N._CONTROLS) for c in range(0x10000))

    def old_clean(s: str) -> str:
        s = N.unicodedata.normalize("NFC", s)
        s = N._CLEAN_CHARS.sub(N._CLEAN_SUB, s)
        if "\r" in s or "\u2028" in s or "\u2029" in s:
            s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
        return N.CONTROL_RE.sub("", s)

    texts = _real_lines() + _invented("aÐðđ\u00a0\u200b\t\r\n\u2028\x01\x7f\u0301 e", n=6000, most=12)
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for t in texts:
        assert N.clean(t) == old_clean(t), repr(t)


def test_position_by_set_and_tuple():
    def old(ln, any_case):
        if len(ln.text) > 45 or not (any_case or N.is_upper_text(ln.text, 0.7)):
            return False
        f = ln.f.strip(" .:")
        return (any(f == p or (any_case and f.startswith(p + " ")) for p in F._folded("positions"))
                or (not any_case and F._second_position(ln.text) is not None))

    texts = [ln for ln in _real_lines() if len(ln) <= 45]
    texts += [p + s for p in F._data()["positions"] for s in ("", " Đào tạo", "S", ".", " :")]
    texts += [p.upper() + s for p in F._data()["positions"] for s in ("", " CÔNG ĐOÀN", "X")]
    hits = 0
    for t in texts:
        for any_case in (False, True):
            assert F._judge_position(F.Line(0, t, F.fold(t), 0, 0), any_case) == old(F.Line(0, t, F.fold(t), 0, 0), any_case), t
            hits += F._is_position(F.Line(0, t, F.fold(t), 0, 0), any_case)
    assert hits > 50


def test_txt_blocks_as_before():
    from kehoach.parser.readers import txt as R

    def old(text):
        blocks = []
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            pieces = R.split_line(line)
            for col, piece in enumerate(pieces):
                for part in (R.GLUED_HEADING.split(piece) if R.GLUE_HINT.search(piece) else (piece,)):
                    if part.strip():
                        blocks.append(R.RawBlock(text=part.strip(), kind="line", col=col if len(pieces) > 1 else None))
        return blocks

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["\n".join(_invented("ab |\t  \u3000\x85ĐƠN VỊ1. Công 2.", n=300, seed=k, most=30)) for k in range(20)]
    for t in texts:
        assert R.text_to_blocks(t) == old(t)


def test_glued_title_cut_reads_the_first_400_chars():
    from kehoach.parser import landmarks as lm

    def old(text):
        if len(text) < lm.MIN_LEN:
            return set()
        for m in lm._SENTENCE_END.finditer(text):
            p = m.end()
            if p > 400:
                break
            if re.search(r"(?:^|[\s.:;])(?:\d{1,2}(?:\.\d{1,2})*|[IVX]+)$", text[:m.start()]):
                continue
            words = list(re.finditer(r"\S+", text[p:p + 400]))
            k = 0
            while k < len(words) and (lm._caps_word(words[k].group()) or not any(c.isalpha() for c in words[k].group())):
                k += 1
            if k < 2 or k >= len(words) or not F.doc_type_of(" ".join(x.group() for x in words[:k])):
                continue
            w = words[k]
            glued = lm._GLUED_DIGITS.match(w.group())
            if glued:
                end = p + w.start() + glued.end()
            elif w.group()[:1].isupper() and k >= 2:
                end = p + w.start()
            else:
                return set()
            cuts = {p, end}
            body = lm._GLUED_BODY.search(text, end)
            if body and body.end() > end:
                cuts.add(body.end())
            return cuts
        return set()

    rng = random.Random(13)
    glued = "năm học 2020 2021.KẾ HOẠCHHOẠT ĐỘNG NĂM HỌC 2020 – 2021Đơn vị: Công đoàn trường X ...Căn cứ Luật"
    texts = _real_lines()
    for _ in range(3000):
        pad = "x" * rng.randint(300, 420)
        texts.append(pad[:rng.randint(0, len(pad))] + rng.choice([glued, "a.B", "1.KẾ", "tốt.KẾ HOẠCH NĂM Học"]) + pad)
    hits = 0
    for t in texts:
        assert lm.glued_title_cut(t) == old(t), repr(t[:80])
        hits += bool(old(t))
    assert hits > 100
