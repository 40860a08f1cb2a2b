"""Issue 14 (speed, pass 25): the checks and the source-line mapping give what they gave before.
The implementations of main before this pass are kept here as oracles and compared on the seeds,
generated plans (conftest.synth_texts) and fuzzed text."""
from __future__ import annotations

import random
import re
import unicodedata
from typing import Optional

import pytest

from conftest import REPO, SEEDS, synth_texts
from kehoach.parser.checks import source_lines as sl
from kehoach.parser.schema import PlanDocument, Source
from kehoach.parser.text.normalize import clean


# ---------------------------------------------------------------- source_lines: the oracle

class _OldSourceLines:
    def __init__(self, src: str):
        if "\r" in src or "\u2028" in src or "\u2029" in src:
            self.lines = clean(sl._nfc_by_line(src)).split("\n")
            self.done = None
        else:
            self.lines = src.split("\n")
            self.done = bytearray(len(self.lines))

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, j: int) -> str:
        done = self.done
        if done is not None and not done[j]:
            self.lines[j] = clean(self.lines[j])
            done[j] = 1
        return self.lines[j]


class _OldAlign:
    def __init__(self, norm_lines, src_lines):
        self.norm, self.src = norm_lines, src_lines
        self.squashed: dict[int, str] = {}
        self.out: list[Optional[int]] = []
        self.ptr = 0

    def __len__(self) -> int:
        return len(self.norm)

    def __getitem__(self, i: int) -> Optional[int]:
        out, squashed, src, norm = self.out, self.squashed, self.src, self.norm
        n_src = len(src)
        while len(out) <= i:
            c = sl._head(norm[len(out)])
            if not c:
                out.append(None)
                continue
            hit = None
            ptr = self.ptr
            for j in range(ptr, min(ptr + 60, n_src)):
                sq = squashed.get(j)
                if sq is None:
                    sq = squashed[j] = sl._squash(src[j])
                if c in sq:
                    hit = j
                    break
            out.append(hit)
            if hit is not None:
                self.ptr = hit
        return out[i]


def _old_locate_all(norm: str, src: str, offsets: list[int]):
    """source_lines.locator's locate (main before this pass) over `offsets`, in order."""
    src_lines = _OldSourceLines(src)
    align = _OldAlign(norm.split("\n"), src_lines)
    out = []
    for offset in offsets:
        i = norm.count("\n", 0, offset)
        line_start = norm.rfind("\n", 0, offset) + 1
        j = align[i] if i < len(align) else None
        if j is None:
            k = next((k for k in range(min(i, len(align) - 1), -1, -1) if align[k] is not None), None)
            if k is None:
                out.append(None)
                continue
            out.append((min(align[k] + (i - k), len(src_lines)) + 1, offset - line_start + 1))
            continue
        snippet = norm[offset:offset + 40].split("\n")[0].split()
        found = None
        if snippet:
            rx = re.compile(r"\s+".join(map(re.escape, snippet[:6])))
            for k in range(j, min(j + 3, len(src_lines))):
                m = rx.search(src_lines[k])
                if m:
                    found = (k + 1, m.start() + 1)
                    break
        if found is None:
            col = offset - line_start + 1
            line = src_lines[j]
            lead = len(line) - len(line.lstrip())
            found = (j + 1, min(col + lead, len(line) + 1))
        out.append(found)
    return out


def _new_locate_all(norm: str, src: str, offsets: list[int]):
    doc = PlanDocument(source=Source(path="x.txt", format="txt"), text=norm)
    locate = sl.locator(doc, src.encode("utf-8", "surrogatepass"))
    return [locate(o) for o in offsets]


def _offsets(norm: str, rng: random.Random, n: int = 60) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer("\n", norm)]
    picks = rng.sample(starts, min(len(starts), n // 2)) + [rng.randrange(len(norm) + 5) for _ in range(n // 2)]
    return sorted(set(picks + [len(norm), len(norm) + 3]))


def _same_alignment(norm: str, src: str, rng: random.Random) -> int:
    """The whole alignment, the lines cleaned on the way, and locate() over random offsets."""
    new_src, old_src = sl._SourceLines(src), _OldSourceLines(src)
    new, old = sl._Align(norm.split("\n"), new_src), _OldAlign(norm.split("\n"), old_src)
    order = list(range(len(new)))
    if rng.random() < 0.3:
        rng.shuffle(order)
    for i in order:
        assert new[i] == old[i], (i, norm.split("\n")[i][:60])
    assert new.squashed == old.squashed
    for j in range(len(new_src)):  # a line cleaned on the way is what clean() gives
        assert new_src[j] == old_src[j], j
    offs = _offsets(norm, rng)
    assert _new_locate_all(norm, src, offs) == _old_locate_all(norm, src, offs)
    return len(norm.split("\n"))


def _norm_of(src: str) -> Optional[str]:
    from kehoach.parser import parse_bytes

    try:
        return parse_bytes(src.encode("utf-8", "surrogatepass"), "x.txt", nlp=False, checks=False).text
    except Exception:
        return None


def _source_texts() -> list[str]:
    out = [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]
    out += [f.read_text(encoding="utf-8", errors="replace") for f in sorted((REPO / "corpora" / "phenomena").glob("*.txt"))]
    return out


def _variants(text: str, rng: random.Random) -> list[str]:
    lines = text.split("\n")
    nfd = "\n".join(unicodedata.normalize("NFD", ln) if rng.random() < 0.3 else ln for ln in lines)
    odd = "\n".join(ln.replace(" ", rng.choice(["  ", "\u00a0", "\u200b ", " \x85", "\u1680", " \x01", "\t", "   "]), 1)
                    if rng.random() < 0.4 else ln for ln in lines)
    blank = "\n".join(rng.choice(["", " ", "\t", "\u3000"]) if rng.random() < 0.3 else ln for ln in lines)
    return [text, nfd, odd, blank, text.replace("Đ", "\u00d0").replace("đ", "\u00f0"), text.replace("\n", "\r\n", 5)]


def test_alignment_on_seeds_phenomena_and_variants():
    rng = random.Random(2501)
    n = 0
    for text in _source_texts():
        for v in _variants(text, rng):
            norm = _norm_of(v)
            if norm:
                n += _same_alignment(norm, v, rng)
    assert n > 3000


def test_alignment_on_generated_plans():
    rng = random.Random(2502)
    n = 0
    for text in synth_texts(40, seed=25):
        for v in (text, _variants(text, rng)[rng.randrange(1, 6)]):
            norm = _norm_of(v)
            if norm:
                n += _same_alignment(norm, v, rng)
    assert n > 2000


def test_alignment_on_fuzzed_text():
    rng = random.Random(2503)
    words = ["Kế", "hoạch", "năm", "học", "2024-2025", "Đ", "\u00d0oàn", "\u00f0", "a\u0301", "hoà", "1.", "-", "|",
             "", " ", "  ", "\t", "\u00a0", "\u200b", "\x85", "\u3000", "\x0c", "\x1c", "ﬁ", "\u2126", "e\u0323\u0302"]
    n = 0
    for _ in range(500):
        src_lines = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) if rng.random() < 0.7 else ""
                     for _ in range(rng.randint(1, 50))]
        src = "\n".join(src_lines)
        norm_lines = []
        for ln in src_lines:
            r = rng.random()
            if r < 0.15:
                continue
            ln = " ".join(clean(ln).split()) if r < 0.8 else ln[: rng.randint(0, 60)]
            if rng.random() < 0.1:
                norm_lines.append(" ".join(rng.choice(words) for _ in range(3)))
            norm_lines += ln.split("  ") if rng.random() < 0.2 else [ln]
        norm = "\n".join(norm_lines)
        if norm:
            n += _same_alignment(norm, src, rng)
    assert n > 5000


@pytest.mark.parametrize("line", ["", " ", "a", "  a  b  ", "Đ", "\u00d0oàn", "\u00f0", "a\u0301", "x\x85y", "\tx",
                                  "\u200bx", "x\u00a0 y", "e\u0323\u0302", "\u2126", "ﬁ", "a" * 50 + "   " + "b"])
def test_squashed_is_squash_of_clean(line):
    lines = sl._SourceLines(line + "\nx")
    assert lines.squashed(0) == sl._squash(clean(line))
    assert lines[0] == clean(line)  # and the line stays what clean() gives
    assert lines.squashed(0) == sl._squash(clean(line))  # asked again, cleaned already


# ---------------------------------------------------------------- rules: the oracles

def _parsed(texts: list[str]):
    from conftest import parse_text

    out = []
    for t in texts:
        try:
            out.append(parse_text(t, nlp=True, checks=False))
        except Exception:
            continue
    return out


def _ctx(doc):
    from kehoach.parser.checks.engine import CheckConfig, Context

    return Context(doc, CheckConfig())


_FUZZ_BITS = ["ngày", "Ngày", "NGÀY", "nhà", "Nhà giáo", "giáo", "gia", "Gia đình", "quốc", "Quốc khánh", "phụ", "Phụ nữ",
              "phụy", "thầy", "thành", "chiến", "hiến", "Hiến pháp", "sinh", "cách", "giải", "thương", "tc", "20/11", "8/3",
              " ", "  ", "\t", "-", "(", ")", "gồm", "Gồm có", "bao gồm", "BAO GỒM", "với", "có", "3", "12", "ba", "Bảy",
              "chương", "CHƯƠNG", "trình", "TRÌNH", "chương trình", "chươngtrình", "x", "ſ", "K", "đ", ":", ";", ".", "\n"]


def _fuzz(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice(_FUZZ_BITS) + rng.choice(["", " "]) for _ in range(rng.randint(1, 40))) for _ in range(n)]


def _corpus_texts(n_synth: int = 30) -> list[str]:
    return [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))] + synth_texts(n_synth, seed=2525)


def _old_chapter_count(ctx):
    from kehoach.parser.checks import rules_counts as rc
    from kehoach.parser.checks.engine import Hit
    from kehoach.parser.text.normalize import fold

    tops = [s for s in ctx.doc.sections if s.style == "chapter" and fold(s.number or "").startswith("chương trình")]
    if len(tops) < 2:
        return
    first = tops[0].heading_start
    c = rc._cfg()
    rx = re.compile(rf"(?i)(?:{rc._alt(c['chapter_leads'])})[ \t]+(?P<n>\d{{1,2}}|{rc._alt(list(c['number_words']))})"
                    rf"[ \t]+chương[ \t]+trình(?!{rc._W})")
    for m in rx.finditer(ctx.text, ctx.body_start, first):
        n = rc._number(m.group("n"))
        if n is not None and n != len(tops):
            yield Hit(m.start("n"), m.end(), f"Văn bản nêu {m.group('n')} chương trình nhưng có {len(tops)} chương trình",
                      f"the document announces {m.group('n')} programmes but has {len(tops)}",
                      {"announced": n, "listed": len(tops), "noun": "chương trình", "how": "sections"})


def test_chapter_pattern_finds_what_the_old_one_found():
    from kehoach.parser.checks import rules_counts as rc

    c = rc._cfg()
    old = re.compile(rf"(?i)(?:{rc._alt(c['chapter_leads'])})[ \t]+(?P<n>\d{{1,2}}|{rc._alt(list(c['number_words']))})"
                     rf"[ \t]+chương[ \t]+trình(?!{rc._W})")
    new = rc._chapter_re()
    rng = random.Random(2505)
    found = 0
    def phrase():
        bits = [rng.choice(["gồm", "Gồm có", "bao gồm", "BAO  GỒM", "với", "có", "CÓ", "gom", "xcó", "ſ"]),
                rng.choice([" ", "\t", "  ", ""]), rng.choice(["3", "12", "ba", "Bảy", "mười", "123", "x"]),
                rng.choice([" ", "\t ", ""]), rng.choice(["chương", "CHƯƠNG", "Chương", "chuong"]), rng.choice([" ", "\t", ""]),
                rng.choice(["trình", "TRÌNH", "trìnhx", "trình1"])]
        return "".join(bits)
    made = [" ".join(phrase() for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    for t in _corpus_texts() + _fuzz(rng, 2000) + made:
        want = [(m.span(), m.group("n")) for m in old.finditer(t)]
        assert [(m.span(), m.group("n")) for m in new.finditer(t)] == want
        found += len(want)
    assert found > 200


def test_chuong_lowered_is_what_case_blind_sre_matches():
    # the gate of _chapter_count: a (?i) "chương" stands as "chương" in the text lower-cased
    from kehoach.parser.text.fastre import ci

    for letter in "chương":
        chars = ci(letter)[1:-1].replace("\\", "")
        assert chars and all(c.lower() == letter for c in chars), letter


_CHAPTER_PLAN = """UBND HUYỆN X
TRƯỜNG THCS Y
CHƯƠNG TRÌNH HOẠT ĐỘNG NĂM 2024
Kế hoạch {lead} {n} chương trình hành động như sau:
CHƯƠNG TRÌNH 1: Nâng cao chất lượng dạy học
Nội dung thứ nhất.
CHƯƠNG TRÌNH 2: Phát triển đội ngũ
Nội dung thứ hai.
{more}"""


def test_chapter_count_gives_what_it_gave():
    from kehoach.parser.checks import rules_counts as rc

    rng = random.Random(2506)
    texts = _corpus_texts(20)
    for _ in range(40):
        more = "".join(f"CHƯƠNG TRÌNH {k}: Việc {k}\nNội dung.\n" for k in range(3, rng.randint(3, 6)))
        texts.append(_CHAPTER_PLAN.format(lead=rng.choice(["gồm", "Bao gồm", "GỒM CÓ", "với", "có", "gom"]),
                                          n=rng.choice(["2", "3", "4", "ba", "Bốn", "mười", "7"]), more=more))
    hits = 0
    for doc in _parsed(texts):
        old = [vars(h) for h in _old_chapter_count(_ctx(doc))]
        assert [vars(h) for h in rc._chapter_count(_ctx(doc))] == old
        hits += len(old)
    assert hits > 5


def test_non_alpha_count_is_the_class_scan():
    from kehoach.parser.checks import rules_numbering as rn

    chars = [chr(i) for a, b in rn._CAPS_RANGES for i in range(a, b + 1)]
    # char by char (every count is a sum over the chars: a UTF-8 lead byte E2 stands for one char)
    assert [rn._non_alpha_count(c) for c in chars] == [0 if c.isalpha() else 1 for c in chars]
    non_alpha = rn._caps_res()[1]
    rng = random.Random(2507)
    for _ in range(20000):
        h = "".join(rng.choice(chars) for _ in range(rng.randint(0, 80)))
        assert rn._non_alpha_count(h) == len(non_alpha.findall(h)), repr(h)


def _old_caps(s) -> bool:
    h = s.heading or ""
    letters = "".join(filter(str.isalpha, h))
    return len(letters) >= 4 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def test_caps_gives_what_it_gave():
    from kehoach.parser.checks import rules_numbering as rn
    from kehoach.parser.schema import Section, iter_sections

    heads = [s.heading for d in _parsed(_corpus_texts(20)) for s in iter_sections(d.sections)]
    rng = random.Random(2508)
    pool = "AĐẶCĐIỂMaặcđiểmƠƯơư 1.–“”…,:()ªµº×÷\u00a0\u2003ßǅ" + "Хх"
    heads += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 60))) for _ in range(5000)]
    heads += [h.upper() for h in heads[-2000:]] + [h.upper() for h in heads[:200] if h]
    both = [0, 0]
    for h in heads:
        s = Section(heading=h, level=1, style="arabic", start=0, end=1, heading_start=0, heading_end=1)
        got = rn._caps(s)
        assert got == _old_caps(s), repr(h)
        both[got] += 1
    assert min(both) > 100
