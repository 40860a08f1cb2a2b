"""Issue 14 (speed), session 25: the landmarks shortcuts give what the code they replace
gave. Each old implementation is kept here as the oracle and compared on the seeds, the generated
plans, the real corpus, hand-made edge cases and random text."""
from __future__ import annotations

import random
import re

from conftest import REPO, SEEDS, synth_texts
from kehoach.parser import landmarks as lm

SEED_TEXTS = [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]
REAL_TEXTS = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((REPO / "corpora" / "real" / "cache").glob("*.txt"))]


def _lines() -> list[str]:
    return [ln for t in SEED_TEXTS + REAL_TEXTS + synth_texts(40) for ln in t.splitlines()]


def _fuzz(alphabet: list[str], n: int, seed: int, max_len: int = 40) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, max_len))) for _ in range(n)]


# ---- landmarks.glued_title_cut: the outline number before a stop looked for at the stop -------------

_OLD_NUMBER_BEFORE = r"(?:^|[\s.:;])(?:\d{1,2}(?:\.\d{1,2})*|[IVX]+)$"


def _old_glued_title_cut(text: str) -> set[int]:
    """landmarks.glued_title_cut as it was (f08f22f): the text before each stop searched whole, every word listed."""
    if len(text) < lm.MIN_LEN or not lm._glued_stop(text):
        return set()
    for m in lm._SENTENCE_END.finditer(text, 0, 401):
        p = m.end()
        if p > 400:
            break
        if re.search(_OLD_NUMBER_BEFORE, text[:m.start()]):
            continue
        from kehoach.parser.frame import doc_type_of

        words = list(re.finditer(r"\S+", text[p:p + 400]))
        k = 0
        while k < len(words) and (lm._caps_word(words[k].group()) or not any(c.isalpha() for c in words[k].group())):
            k += 1
        if k < 2 or k >= len(words) or not doc_type_of(" ".join(x.group() for x in words[:k])):
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


def test_number_before_same_at_every_end():
    # digits (ASCII and others \d takes), dots, I/V/X, the marks before a number, line breaks, letters
    alphabet = list("0123456789.IVX .:;\n\tab٣১Đ") + ["12.", "1.2.", "II", "IV.", "٣٣"]
    texts = _fuzz(alphabet, 4000, 25, 30) + ["như sau.2.", "a" * 30 + "1.2.3.4.5.6.7.8.9.1.2", "1.2.3.4.5.6.7.8\n",
                                             "IIIIIIIIIIIIIIIIIIII", " " + "VI" * 12 + "\n", "x" * 20 + "\n\n"]
    old = re.compile(_OLD_NUMBER_BEFORE)
    pairs = [(t, e) for t in texts for e in range(len(t) + 1)]
    got = [lm._number_before(t, e) for t, e in pairs]
    assert got == [old.search(t[:e]) is not None for t, e in pairs]
    assert 0.05 < sum(got) / len(got) < 0.95  # (both answers are tested)
    # a number longer than the window, whole text from its start
    assert lm._number_before("1.2.3.4.5.6.7.8.9", 17) and lm._number_before("x 1.2.3.4.5.6.7.8.9\n", 20)
    assert lm._number_before(" " + "IVX" * 5, 16) and not lm._number_before("x" + "IVX" * 5, 16)


_GLUED = ["- Phối hợp cùng chính quyền vận động nâng cao trình độ chuyên môn ở các cấp học.Tổ chức các hoạt động "
          "tuyên truyền chào mừng các ngày lễ lớn, sự kiện quan trọng của đất nước năm 2024.",
          "Tài liệu gồm 5 trang, kế hoạch của công đoàn trường cho năm học 2020 2021.KẾ HOẠCHHOẠT ĐỘNG CÔNG ĐOÀN "
          "NĂM HỌC 2020 – 2021Đơn vị: Công đoàn trường X trong năm học này.Căn cứ Điều lệ Công đoàn Việt Nam ...",
          "Tóm tắt: bản kế hoạch như sau, có đủ các phần theo mẫu của ngành giáo dục, như sau.2. KẾ HOẠCH CỤ THỂ "
          "Tổ chức các hoạt động",
          "Nội dung xem trước của tài liệu được trích dẫn theo trang web chia sẻ tài liệu của nhiều người dùng.KẾ HOẠCH "
          "TỔ CHỨC HỘI THI GIÁO VIÊN DẠY GIỎI CẤP TRƯỜNG",
          "Nội dung xem trước của tài liệu được trích dẫn theo trang web chia sẻ tài liệu của nhiều người dùng.BÁO CÁO "
          "TỔNG KẾT 2021Kết quả đạt được trong năm qua của đơn vị là khá tốt và đáng ghi nhận."]


def test_glued_title_cut_same():
    lines = _lines() + _GLUED
    got = [lm.glued_title_cut(t) for t in lines]
    assert got == [_old_glued_title_cut(t) for t in lines]
    assert sum(map(bool, got)) >= 2  # (cuts found, as well as none)
    rnd = random.Random(7)
    lower = ["như", "sau", "tài", "liệu", "năm", "học", "2020", "1.2", "II", "xem", "trang", ":", ";", "."]
    caps = ["HOẠT", "ĐỘNG", "NĂM", "HỌC", "2020", "–", "2021", "CÔNG", "ĐOÀN", "I.", "***"]
    texts = []
    for _ in range(4000):
        summary = " ".join(rnd.choice(lower) for _ in range(rnd.randint(0, 90)))
        stop = rnd.choice([".", ".", "!", ";", " 2.", ".2.", " IV.", "1.", ". ", "?"])
        title = rnd.choice(["KẾ HOẠCH", "BÁO CÁO", "KẾHOẠCH", "CÔNG VĂN", "HƯỚNG DẪN", "Kế hoạch", "X"])
        title += "".join(" " + rnd.choice(caps) for _ in range(rnd.randint(0, 6)))
        end = rnd.choice(["2021Đơn vị: Công đoàn", " Tổ chức", " chức", "", " Đơn", "Đơn", " (Ban"])
        body = rnd.choice(["", " trong năm.Căn cứ Điều lệ", " ...Thực hiện", " ;Kính gửi", " và thêm nữa"])
        texts.append(summary + stop + title + end + body)
    got = [lm.glued_title_cut(t) for t in texts]
    assert got == [_old_glued_title_cut(t) for t in texts]
    assert sum(map(bool, got)) > 200


# ---- landmarks._nationals: the plain Quốc hiệu's gate holds its words from "xa" on -----------------

def _old_national_plain_pattern() -> str:
    """_national_plain_on_text's pattern as it was built (f08f22f)."""
    def cls(rx: str) -> str:
        return "[" + "".join(re.escape(c) for c in lm._plain_class(rx)) + "]"

    space = cls(r"\s") + "*"
    words = "cong hoa xa hoi chu nghia viet nam".split()
    return space.join("".join(cls(f"(?i:{re.escape(ch)})") for ch in w) for w in words)


def _old_nationals(text: str, written=None) -> list:
    """landmarks._nationals as it was (f08f22f): the plain pattern's scan wherever "xa" + white space + "h" stands."""
    found = list(lm.NATIONAL.finditer(text)) if written is None else written
    if not found:
        if text.isascii():
            found = list(lm.NATIONAL_PLAIN.finditer(text)) if "x" in text or "X" in text else []
        else:
            cls = lambda rx: "[" + "".join(re.escape(c) for c in lm._plain_class(rx)) + "]"  # noqa: E731
            xah = cls("(?i:x)") + cls("(?i:a)") + cls(r"\s") + "*" + cls("(?i:h)")
            if re.search(xah, text):
                return list(lm._national_plain_on_text().finditer(text))
    return found


def test_plain_national_same():
    assert lm._national_plain_on_text().pattern == _old_national_plain_pattern()
    phrases = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CONG HOA XA HOI CHU NGHIA VIET NAM", "Cộng hoà xã hội chủ nghĩa Việt Nam",
               "CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆTNAM", "cộng hoà  xã hội chủ  nghĩa việt  nam", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT",
               "xã hội chủ nghĩa", "kinh tế - xã hội", "Xã hội chủ nghĩa Việt Nam", "CỘNG HÒA XẢ HỘI CHỦ NGHỈA VIỆT NAM",
               "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG\tHÒA\u00a0XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cong hoa xa hoi chu nghia viet nam"]
    lines = _lines() + phrases + ["TRƯỜNG THCS X " + p + " Độc lập" for p in phrases]
    rnd = random.Random(3)
    words = phrases + ["xã", "hội", "chủ", "nghĩa", "Việt", "Nam", "cộng", "hòa", "HOÀ", "X", "ẋ", " ", "\n", "-"]
    lines += [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12))) for _ in range(4000)]
    got = [[m.span() for m in lm._nationals(t)] for t in lines]
    assert got == [[m.span() for m in _old_nationals(t)] for t in lines]
    assert sum(map(bool, got)) > 500


# ---- frame._attachment_start: ATTACHMENT tried only on a line that may open its match --------------

def test_attachment_first_chars_every_code_point():
    from kehoach.parser.frame import _ATTACHMENT_FIRST, ATTACHMENT

    # each branch's rest after its first char: "(", "b" (ban hành kèm theo), "k" (kèm theo), "p" (phụ lục), white space
    rests = [" kèm theo x", "kèm theo x", "an hành kèm theo x", "èm theo x", "hụ lục x", " ban hành kèm theo x", "Ụ LỤC"]
    opening = [chr(cp) for cp in range(0x110000) if any(ATTACHMENT.match(chr(cp) + r) for r in rests)]
    assert {c for c in opening if not c.isspace()} == set(_ATTACHMENT_FIRST)
    assert "\u212a" in opening and "(" in opening and " " in opening


def _old_attachment_start(lines, body_i):
    """frame._attachment_start as it was (f08f22f): ATTACHMENT tried on every line."""
    from kehoach.parser import frame

    for ln in lines[body_i + 1:]:
        if not (frame.ATTACHMENT.match(ln.text.strip()) or frame._is_national(ln)
                or ("cộng" in ln.f and lm.NATIONAL.search(ln.text) and lm.header_landmarks(ln.text) == 1
                    and frame.is_upper_text(ln.text, 0.8))):
            continue
        k = ln.i
        for prev in lines[max(body_i, ln.i - 3):ln.i][::-1]:
            if frame.is_upper_text(prev.text, 0.7) and frame.doc_type_of(prev.text):
                k = prev.i
                break
        before = lines[max(body_i, k - 25):k]
        if any(frame.ON_BEHALF.match(b.text) or frame._is_position(b) for b in before):
            return k
    return None


def test_attachment_start_same():
    from kehoach.parser import frame, parse_bytes

    annex = ("\n\nTM. BAN CHẤP HÀNH\nCHỦ TỊCH\n\nNguyễn Văn A\n\nPHỤ LỤC\n(Ban hành kèm theo Kế hoạch số 12/KH-CĐ)\n"
             "1. Nội dung\n  (kèm theo danh sách)\nKèm theo\nphụ lục 2\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
    texts = SEED_TEXTS + REAL_TEXTS[:40] + synth_texts(20)
    texts += [t + annex for t in texts[:10]]
    found = 0
    for t in texts:
        doc = parse_bytes(t.encode("utf-8"), "x.txt", nlp=False, checks=False)
        lines = frame._lines(doc)
        for body_i in (0, 3, len(lines) // 2):
            new = frame._attachment_start(lines, body_i)
            assert new == _old_attachment_start(lines, body_i)
            found += new is not None
    assert found >= 10
