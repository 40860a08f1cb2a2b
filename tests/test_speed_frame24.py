"""Issue 14 (speed), session 24: the frame/segment/topics shortcuts give what the code they replace
gave. Each old implementation is kept here as the oracle and compared on the seeds, the generated
plans, the real corpus, hand-made edge cases, random text and (where a fact is about single
characters) every code point."""
from __future__ import annotations

import random

from conftest import REPO, SEEDS, synth_texts
from kehoach.parser.text import normalize as N


def _synth_texts(n: int = 40) -> list[str]:
    return synth_texts(n)


SEED_TEXTS = [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]
REAL_TEXTS = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((REPO / "corpora" / "real" / "cache").glob("*.txt"))]


def _lines() -> list[str]:
    return [ln for t in SEED_TEXTS + REAL_TEXTS + _synth_texts() for ln in t.splitlines()]


# ---- normalize.has_marks: the marked-char search first -------------------------------------------

def _old_has_marks(s: str) -> bool:
    """has_marks as it was (90a31e2): _BEYOND's scan of the whole text first."""
    if s.isascii():
        return False
    if N._BEYOND.search(s) or N._BARE.hazards:
        return N.strip_accents(s) != s
    return N._marked_class().search(s) is not None


def _marked_alphabet() -> list[str]:
    return list("aAđĐáàảãạăắâấêếôốơớưứýỳÁẮẤÐðİKµß\u0301\u0300\u0323\u0309\u0303\u0302\u0306\u031b .,-\n") + [
        "\u4e2d", "\u0915\u093e", "\u09cb", "\u0b4b", "\u0dda", "\u1100\u1161", "\uac00", "\U0001d400", "\u212b", "\u2126",
        "ǅ", "ﬁ", "\u00a0", "½", "ͅ", "\u0344", "\u0f73", "\u1b3b"]


def test_has_marks_every_code_point():
    # the fact the shortcut rests on: no char of the marked class survives strip_accents, on either
    # of its paths, beside any other char
    marked = N._marked_class()
    chars = [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000]
    ms = [c for c in chars if marked.match(c)]
    assert "á" in ms and "đ" in ms and "\u0301" in ms and "a" not in ms
    for m in ms:
        assert m not in N.strip_accents(m) and m not in N._strip_accents_slow(m + "\u0dda")
    for c in chars:  # each char alone (beside others: every 17th, and all of the BMP's Latin and marks)
        for s in ((c, "á" + c, c + "a") if ord(c) < 0x2200 or ord(c) % 17 == 0 else (c,)):
            assert N.has_marks(s) == _old_has_marks(s), (hex(ord(c)), s)


def test_has_marks_on_real_and_random_text():
    texts = SEED_TEXTS + REAL_TEXTS + _lines()
    texts += [N.fold(t) for t in texts] + [N.strip_accents(t) for t in texts[:400]]
    rng = random.Random(24)
    alpha = _marked_alphabet()
    texts += ["".join(rng.choice(alpha) for _ in range(rng.randint(0, 12))) for _ in range(40000)]
    texts += ["", "a", "đ", "\u0301", "e\u0301", "\u0dda", "\u0dd9\u0dca"]
    trues = 0
    for t in texts:
        got = N.has_marks(t)
        assert got == _old_has_marks(t), repr(t)
        trues += got
    assert 0 < trues < len(texts)  # both answers are tested


# ---- segment._caps_run_end: the words read lazily --------------------------------------------------

import re  # noqa: E402

from kehoach.parser import segment as S  # noqa: E402


def _old_caps_run_end(rest: str):
    """_caps_run_end as it was (90a31e2): the list of every word of the line first."""
    words = list(re.finditer(r"\S+", rest))
    caps = lambda w: any(c.isalpha() for c in w) and all(c.isupper() for c in w if c.isalpha())  # noqa: E731
    k, marker = 0, False
    while k < len(words):
        w = words[k].group()
        nxt = words[k + 1].group() if k + 1 < len(words) else ""
        if k >= 2 and (S._roman_mark(w) or S._NUMBER_MARK.fullmatch(w) or (S._ROMAN_WORD.fullmatch(w) and (nxt in ("-", "–") or not caps(nxt)))):
            marker = True
            break
        if not (caps(w) or not any(c.isalpha() for c in w)):
            break
        k += 1
    if k < 2 or k >= len(words) or len(rest) - words[k].start() < 15:
        return None
    if not marker and rest[words[k].start()] == "(" and rest.rstrip().endswith(")") and rest.count("(") == 1:
        return None
    after = [w.group() for w in words[k:k + 4]]
    if not marker and ((words[k - 1].group().endswith(":") and S._title_word(after[0]))
                       or any(caps(w) and sum(c.isalpha() for c in w) >= 3 for w in after[1:])):
        return None
    return words[k].start()


def _caps_words(rng: random.Random, n: int) -> str:
    bits = ["KẾ", "HOẠCH", "NĂM", "2024", "–", "-", "I.", "II", "I", "1.", "12)", "Tình", "hình", "(tổng", "8.000đ)",
            "NỘI DUNG:", "Tổ", "chức", "ĐẶC ĐIỂM", "VIỆC", "ITình", "I.Đặc", "BAN", "thanh", "NHÂNDÂN", "3-", "X", "V", "IV)"]
    seps = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003"]
    return "".join(rng.choice(bits) + rng.choice(seps) for _ in range(n)).strip(rng.choice(["", " "]))


def test_caps_run_end_is_the_old_walk():
    texts = _lines()
    texts += [ln.split(None, 1)[-1] for ln in texts if ln.strip()]  # the rest after a number
    rng = random.Random(24)
    texts += [_caps_words(rng, n) for n in (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 20, 40) for _ in range(800)]
    texts += ["", " ", "A B", "A B C", "KẾ HOẠCH NĂM 2024 Tình hình chung của đơn vị", "A B C D E F G H I J K L M N O P"]
    found = 0
    for t in texts:
        got = S._caps_run_end(t)
        assert got == _old_caps_run_end(t), repr(t)
        found += got is not None
    assert found > 100


# ---- landmarks: ON_BEHALF gated by its heads, recipient_cut's word count ---------------------------

from kehoach.parser import landmarks as L  # noqa: E402


def _old_is_closing(text: str) -> bool:
    return bool((L.may_open_closing(text) and L.CLOSING_START.search(text)) or L.ON_BEHALF.search(text))


def _old_name_cut(text: str) -> set[int]:
    stripped = text.rstrip(" ./")
    s = L._name_run_start(stripped, len(stripped))
    if s and L.DEGREE.fullmatch(text[:s].strip()):
        return set()
    if s and (text[:s].rstrip()[-1:] in (".", ";", ":") or L.ON_BEHALF.search(text[:s])):
        return {s}
    return set()


def _old_recipient_cut(text: str) -> set[int]:
    if not L._ITEM.match(text):
        return set()
    _, position = L._lexicon()
    for m in L._ITEM_END.finditer(text):
        tail = text[m.end():].rstrip()
        words = tail.split()
        note = tail[:1] == "("
        if (L.ON_BEHALF.match(tail) or position.fullmatch(tail.rstrip(" .:"))
                or (note and L._SIGNED_NOTE.fullmatch(tail))
                or (2 <= len(words) <= 4 and all(L._title_case(w) for w in words))):
            return {m.end()}
        signed = L._SIGNED_NOTE_NAME.fullmatch(tail) if note else None
        if signed and all(L._title_case(w) for w in signed.group(1).split()):
            return {m.end(), m.end() + signed.start(1)}
    return set()


def _closing_texts() -> list[str]:
    rng = random.Random(241)
    bits = ["TM.", "TM", "T/M", "TL.", "TUQ.", "KT.", "K/T", "Q.", "Q", "T", "K", "U", "M", "L", "/", ".", " ", "  ", "\t",
            "BCH", "CHỦ TỊCH", "Chủ tịch", "PHÓ HIỆU TRƯỞNG", "Nguyễn Văn An", "- ", "-", "+ ", "; ", ";", ". ", "(đã ký)",
            "(Ký)", "Lưu VT", "Như trên", "ThS.", "a", "đ", "Đ", "x", "Nơi nhận:", "Trên đây là", "\u00a0", "\u2003", "1"]
    out = ["".join(rng.choice(bits) for _ in range(rng.randint(0, 12))) for _ in range(30000)]
    # the heads glued to what comes before and after them
    out += [a + h + b for h in L._ON_BEHALF_HEADS + ("TUQ.",) for a in ("", "x", "/", " ", "XT", "1") for b in ("", "A", " Ạ", " a", "Đ")]
    return out + _lines()


def test_on_behalf_heads_gate():
    assert L._ON_BEHALF_HEADS == ("TM.", "T/M", "TL.", "Q.", "KT.", "K/T")
    hits = 0
    for t in _closing_texts():
        may = L.may_hold_on_behalf(t)
        assert may == any(h in t for h in L._ON_BEHALF_HEADS), repr(t)
        m = L.ON_BEHALF.search(t)
        if m:
            hits += 1
            assert may and any(m.group().startswith(h) for h in L._ON_BEHALF_HEADS + ("TUQ.",)), repr(t)
    assert hits > 1000


def test_closing_landmarks_are_the_old_ones():
    cuts = 0
    for t in _closing_texts():
        assert L.is_closing(t) == _old_is_closing(t), repr(t)
        assert L.name_cut(t) == _old_name_cut(t), repr(t)
        got = L.recipient_cut(t)
        assert got == _old_recipient_cut(t), repr(t)
        cuts += bool(got)
    assert cuts > 50
