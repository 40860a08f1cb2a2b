"""Error injection: clean plans (the seeds with their real slips fixed, synthetic plans without
errors) get one error of each kind injected at a random place (fixed seed); every code must be
found in >= 98% of its cases, and the clean plans must give no error-level finding.

Matching is score.py's: same code, and the finding's excerpt + message cover >= 50% of the
injected evidence's tokens. KEHOACH_INJECT_CASES scales the cases per code (default 40).
"""
from __future__ import annotations

import calendar
import datetime as dt
import os
import random
import re
import sys
from collections import Counter, defaultdict
from typing import Callable, Optional

import pytest

from conftest import REPO, SEEDS
from parallel import parse_many
from kehoach import models
from kehoach.parser import parse_bytes
from kehoach.parser.schema import PlanDocument, iter_sections
from scoring import score

sys.path.insert(0, str(REPO))
try:
    from corpora.synth.generate import generate
except ImportError:  # pragma: no cover - the generator ships with the repo
    generate = None

CASES_PER_CODE = int(os.environ.get("KEHOACH_INJECT_CASES", "40"))
N_SYNTH = 30
NEEDS_NLP = {"reference-date-conflict", "reference-after-document", "reference-type-mismatch", "stale-reference-date"}

# The real slips of the two seeds (see ../shared/corpora/gold), written the way they should be.
SEED_FIXES = {
    "mn-son-ca-2024-2025.txt": [
        ("Kế hoạch hoạt động Công đoàn năm học 2023-2024. Kính", "Kế hoạch hoạt động Công đoàn năm học 2024-2025. Kính"),
        ("ngày phụ nữ Việt Nam 20-11", "ngày phụ nữ Việt Nam 20-10"),
        ("ngày 01 tháng 8 năm 2023 của Liên đoàn", "ngày 01 tháng 8 năm 2024 của Liên đoàn"),
    ],
    "th-le-quy-don-2024.txt": [
        ("xây dựng Chương trình hoạt động công đoàn năm 2023", "xây dựng Chương trình hoạt động công đoàn năm 2024"),
        ("của Tổng Liên đoàn ngày 24/10/2024", "của Tổng Liên đoàn ngày 24/10/2023"),
    ],
}

FILLERS = [
    "Tổ chức tốt các hoạt động văn hóa, văn nghệ, thể dục thể thao trong đoàn viên",
    "Thực hiện tốt công tác thăm hỏi, trợ cấp đoàn viên khi gặp khó khăn",
    "Nâng cao chất lượng sinh hoạt tổ công đoàn",
    "Phối hợp với chuyên môn tổ chức Hội nghị viên chức và người lao động",
    "Công khai, minh bạch các nguồn thu chi tài chính công đoàn",
    "Vận động đoàn viên tham gia hiến máu tình nguyện",
]


# ------------------------------------------------------------------ clean corpus


def _parse(text: str, name: str, nlp: bool = True) -> PlanDocument:
    return parse_bytes(text.encode("utf-8"), name + ".txt", nlp=nlp)


def _parse_all(items: list[tuple[str, str, bool]]) -> list[PlanDocument]:
    """_parse over (text, name, nlp) items on every core (tests/parallel.py)."""
    return parse_many([(text.encode("utf-8"), name + ".txt", {"nlp": nlp}) for text, name, nlp in items])


@pytest.fixture(scope="module")
def clean_docs() -> list[tuple[str, PlanDocument]]:
    """Clean variants, re-parsed from their normalized text so that offsets are the text's own."""
    items = []
    for name, fixes in SEED_FIXES.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        for a, b in fixes:
            assert a in text, f"seed {name} changed: {a!r} not found"
            text = text.replace(a, b)
        items.append((text, name, True))
    if generate is not None:
        clean = [(text, doc_id, True) for doc_id, text, gold in generate(N_SYNTH * 3, 11)
                 if not gold.get("inconsistencies")]
        items += clean[:N_SYNTH]
    first = _parse_all(items)
    again = _parse_all([(doc.text, name, True) for doc, (_, name, _) in zip(first, items)])
    return [(name, doc) for (_, name, _), doc in zip(items, again)]


def test_synthetic_half_present():
    assert generate is not None, "corpora/synth/generate.py is missing: the synthetic half of the injection test cannot run"


def test_clean_variants_have_no_errors(clean_docs):
    assert len(clean_docs) >= 20
    bad = [(name, f.code, f.excerpt) for name, doc in clean_docs for f in doc.findings if f.severity == "error"]
    assert bad == []
    warnings = Counter(f.code for _, doc in clean_docs for f in doc.findings if f.severity == "warning")
    assert sum(warnings.values()) <= len(clean_docs) // 10, warnings  # warnings stay rare on clean plans


# ------------------------------------------------------------------ helpers for injectors


def _body_lines(doc: PlanDocument) -> list[int]:
    """Offsets of line starts inside the body (between the title and the closing block)."""
    text = doc.text
    end = doc.body_end if doc.body_end is not None else len(text)
    starts = [m.end() for m in re.finditer(r"\n", text[:end]) if m.end() > doc.body_start]
    return starts or [doc.body_start]


def _insert_line(doc: PlanDocument, rnd: random.Random, line: str) -> str:
    pos = rnd.choice(_body_lines(doc))
    return doc.text[:pos] + line + "\n" + doc.text[pos:]


def _own_years(doc: PlanDocument) -> tuple[str, int, int]:
    p = doc.period
    return p.kind, int(p.start[:4]), int(p.end[:4])


def _period_text(kind: str, y: int, rnd: random.Random) -> str:
    if kind == "school_year":
        return rnd.choice([f"năm học {y}-{y + 1}", f"năm học {y} - {y + 1}", f"năm học {y} – {y + 1}"])
    return f"năm {y}"


def _date_text(d: dt.date, rnd: random.Random) -> str:
    return rnd.choice([f"ngày {d.day:02d} tháng {d.month} năm {d.year}", f"ngày {d.day}/{d.month}/{d.year}",
                       f"ngày {d.day:02d}/{d.month:02d}/{d.year}", f"ngày {d.day:02d}-{d.month:02d}-{d.year}"])


def _doc_type(doc: PlanDocument) -> str:
    return doc.doc_type or "Kế hoạch"


Injected = Optional[tuple[str, str]]  # (new text, evidence)


# ------------------------------------------------------------------ injectors, one per code


def inj_period(doc: PlanDocument, rnd: random.Random) -> Injected:
    kind, y1, _ = _own_years(doc)
    other = y1 + rnd.choice([-3, -2, -1, 1, 2])
    named = _period_text(kind, other, rnd)
    text = doc.text
    where = rnd.choice(["closing", "built", "heading", "title"])
    if where == "closing":
        m = re.search(r"Trên đây là[^\n.;]*?(năm học \d{4}\s*[-–]\s*\d{4}|năm \d{4})", text)
        if m:
            ev = text[m.start():m.start(1)] + named
            return text[:m.start(1)] + named + text[m.end(1):], ev
        line = f"Trên đây là {_doc_type(doc)} hoạt động công đoàn {named}."
        return _insert_line(doc, rnd, line), line
    if where == "built":
        m = re.search(r"xây dựng (?:Kế hoạch|Chương trình)[^\n.;]*?(năm học \d{4}\s*[-–]\s*\d{4}|năm \d{4})[^\n.;]*như sau", text)
        if m:
            ev = text[m.start():m.start(1)] + named
            return text[:m.start(1)] + named + text[m.end(1):], ev
        line = f"Ban Chấp hành xây dựng {_doc_type(doc)} hoạt động công đoàn {named} như sau:"
        return _insert_line(doc, rnd, line), line
    if where == "heading":
        line = rnd.choice(["Các chỉ tiêu cơ bản", "Các chỉ tiêu thi đua", "Chỉ tiêu"]) + " " + named
        return _insert_line(doc, rnd, line), line
    title = doc.title or ""
    stem = re.sub(r"(?i)\s*năm(?:\s+học)?\s*\d{4}(?:\s*[-–]\s*\d{4})?", "", title).strip()
    if len(stem) < 8:
        return None
    line = f"{stem} {named.upper() if rnd.random() < .5 else named}"
    return _insert_line(doc, rnd, line), line


def inj_observance(doc: PlanDocument, rnd: random.Random) -> Injected:
    obs = rnd.choice(models.load("observances.yaml")["observances"])
    name = rnd.choice(obs["names"])
    want_m, want_d = map(int, obs["date"].split("-"))
    while True:
        m = rnd.randint(1, 12)
        d = rnd.randint(1, calendar.monthrange(2023, m)[1])
        if (m, d) != (want_m, want_d):
            break
    ds = rnd.choice([f"{d}/{m}", f"{d:02d}/{m:02d}", f"{d}-{m}", f"{d:02d}-{m:02d}"])
    if rnd.random() < 0.7:
        ev = f"{name} {ds}"
        line = f"- Tổ chức các hoạt động chào mừng {ev}."
    else:
        ev = f"{ds} - {name}"
        line = f"- Chào mừng ngày {ev}, tổ chức tọa đàm trong đoàn viên."
    return _insert_line(doc, rnd, line), ev


def inj_anniversary(doc: PlanDocument, rnd: random.Random) -> Injected:
    ev_ = rnd.choice(models.load("founding_years.yaml")["events"])
    founded = int(ev_["date"][:4])
    _, y1, y2 = _own_years(doc)
    ok = {y - founded for y in range(y1, y2 + 1)}
    if doc.header.date:
        ok.add(int(doc.header.date[:4]) - founded)
    n = min(ok) + rnd.choice([-5, -3, -2, 2, 3, 10])
    if n in ok or n <= 0:
        return None
    name = rnd.choice(ev_["names"])
    lead = rnd.choice(["kỷ niệm", "chào mừng kỷ niệm", "chào mừng"])
    link = rnd.choice(["Ngày thành lập ", "ngày thành lập ", "Ngày truyền thống ", ""]) if lead != "chào mừng" else "Ngày thành lập "
    ev = f"{n} năm {link}{name}"
    line = f"- Phát động phong trào thi đua {lead} {ev}."
    return _insert_line(doc, rnd, line), ev


def _roman(n: int) -> str:
    vals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


VI = "abcdđeghiklmnopqrstuvxy"


def _renumber(number: str, style: str, delta: int) -> Optional[str]:
    """The same numbering with its last component moved by delta."""
    if style in ("arabic", "chapter", "part") and re.search(r"\d+(?=\D*$)", number):
        return re.sub(r"\d+(?=\D*$)", lambda m: str(int(m.group(0)) + delta), number)
    if style in ("roman", "part", "chapter"):
        m = re.search(r"[IVX]+(?=\W*$)", number)
        if not m:
            return None
        from kehoach.parser.segment import roman_value

        v = roman_value(m.group(0)) + delta
        return number[:m.start()] + _roman(v) + number[m.end():] if v > 0 else None
    if style in ("lower", "upper"):
        m = re.search(r"[A-Za-zĐđ](?=\W*$)", number)
        if not m:
            return None
        ch = m.group(0)
        i = VI.find(ch.lower())
        if i < 0 or not 0 <= i + delta < len(VI):
            return None
        new = VI[i + delta]
        return number[:m.start()] + (new.upper() if ch.isupper() else new) + number[m.end():]
    return None


def _sibling_lists(doc: PlanDocument):
    def walk(secs):
        yield secs
        for s in secs:
            yield from walk(s.children)

    return [lst for lst in walk(doc.sections) if len(lst) >= 2 and all(s.number for s in lst)
            and len({s.style for s in lst}) == 1 and lst[0].style not in ("month", "quarter")]


def _apply_numbers(doc: PlanDocument, changes: list[tuple[int, str, str]]) -> str:
    text = doc.text
    for pos, old, new in sorted(changes, reverse=True):
        assert text[pos:pos + len(old)] == old
        text = text[:pos] + new + text[pos + len(old):]
    return text


def inj_gap(doc: PlanDocument, rnd: random.Random) -> Injected:
    lists = _sibling_lists(doc)
    if not lists:
        return None
    lst = rnd.choice(lists)
    k = rnd.randrange(1, len(lst))
    # letters skip two places: "d, e" skips the Vietnamese đ and is written that way on purpose
    delta = 2 if lst[0].style in ("lower", "upper") else rnd.choice([1, 1, 2])
    changes = []
    for s in lst[k:]:
        new = _renumber(s.number, s.style, delta)
        if new is None or doc.text[s.heading_start:s.heading_start + len(s.number)] != s.number:
            return None
        changes.append((s.heading_start, s.number, new))
    ev = changes[0][2] + " " + lst[k].heading
    return _apply_numbers(doc, changes), ev


def inj_duplicate(doc: PlanDocument, rnd: random.Random) -> Injected:
    lists = _sibling_lists(doc)
    if not lists:
        return None
    lst = rnd.choice(lists)
    k = rnd.randrange(1, len(lst))
    changes = []
    for s in lst[k:]:
        new = _renumber(s.number, s.style, -1)
        if new is None or doc.text[s.heading_start:s.heading_start + len(s.number)] != s.number:
            return None
        changes.append((s.heading_start, s.number, new))
    ev = changes[0][2] + " " + lst[k].heading
    return _apply_numbers(doc, changes), ev


def inj_invalid_date(doc: PlanDocument, rnd: random.Random) -> Injected:
    _, y, _ = _own_years(doc)
    y += rnd.choice([0, 1])
    form = rnd.randrange(4)
    if form == 0:
        d, m = rnd.choice([(30, 2), (31, 2), (29, 2 if calendar.isleap(y) is False else 13), (31, 4), (31, 6), (31, 9),
                           (31, 11), (32, 1), (0, 5)])
    elif form == 1:
        d, m = rnd.randint(1, 28), rnd.randint(13, 19)
    else:
        d, m = rnd.choice([(30, 2), (31, 4), (31, 11), (31, 6), (40, 3), (31, 9)])
    if form == 1 or rnd.random() < 0.4:
        ev = f"ngày {d} tháng {m} năm {y}"
    else:
        ev = rnd.choice([f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d:02d}-{m:02d}-{y}"])
    line = rnd.choice([f"- Hạn nộp hồ sơ thi đua trước {'' if ev.startswith('ngày') else 'ngày '}{ev}.",
                       f"Tổ chức hội nghị sơ kết vào {'' if ev.startswith('ngày') else 'ngày '}{ev} tại hội trường."])
    return _insert_line(doc, rnd, line), ev


def inj_incomplete(doc: PlanDocument, rnd: random.Random) -> Injected:
    text = doc.text
    m = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", text[:400])
    if m and rnd.random() < 0.5:
        blank = " " * rnd.randint(2, 6) if rnd.random() < .7 else " ... "
        new = f"ngày{blank}tháng {m.group(2)} năm {m.group(3)}" if rnd.random() < .8 else f"ngày{blank}tháng{blank}năm {m.group(3)}"
        return text[:m.start()] + new + text[m.end():], new
    _, y, _ = _own_years(doc)
    blank = " " * rnd.randint(2, 5)
    ev = f"ngày{blank}tháng {rnd.randint(1, 12)} năm {y}"
    return _insert_line(doc, rnd, f"- Tổ chức hội nghị sơ kết vào {ev}."), ev


NUM_WORDS = {2: "hai", 3: "ba", 4: "bốn", 6: "sáu"}


def inj_count(doc: PlanDocument, rnd: random.Random) -> Injected:
    form = rnd.randrange(3)
    if form == 0:
        k = rnd.randint(2, 5)
        n = k + rnd.choice([-1, 1, 2]) if k > 2 else k + rnd.choice([1, 2])
        noun = rnd.choice(["nhiệm vụ trọng tâm", "nhóm chỉ tiêu", "giải pháp", "nội dung", "mục tiêu"])
        ns = rnd.choice([str(n), f"{n:02d}", NUM_WORDS.get(n, str(n))])
        head = rnd.choice([f"Năm nay Công đoàn tập trung thực hiện {ns} {noun} sau:", f"Gồm {ns} {noun} như sau:",
                           f"Công đoàn đề ra {ns} {noun}:"])
        bullet = rnd.choice(["- ", "+ ", "• "])
        items = "\n".join(bullet + rnd.choice(FILLERS) + ";" for _ in range(k))
        # before a line that is not itself a list item: a reader would count a following item too
        spots = [p for p in _body_lines(doc) if not re.match(r"[ \t]*[-+•·*]", doc.text[p:p + 3])]
        pos = rnd.choice(spots or _body_lines(doc))
        return doc.text[:pos] + head + "\n" + items + "\n" + doc.text[pos:], head
    if form == 1:
        a, b = rnd.randint(5, 60), rnd.randint(1, 30)
        t = a + b + rnd.choice([-7, -3, -1, 1, 2, 10])
        ev = rnd.choice([f"Tổng số đoàn viên: {t} đồng chí, trong đó nữ {a}, nam {b}",
                         f"tổng số {t}, nữ {a}, nam {b}", f"Tổng số CBGVNV là {t} người; nữ: {a}; nam: {b}"])
        return _insert_line(doc, rnd, ev[0].upper() + ev[1:] + "."), ev
    a = rnd.randint(5, 60)
    t = a - rnd.randint(1, 4)
    ev = f"Tổng số đoàn viên {t} đồng chí, trong đó có {a} đồng chí nữ"
    return _insert_line(doc, rnd, ev + "."), ev


def inj_percent(doc: PlanDocument, rnd: random.Random) -> Injected:
    v = rnd.choice(["101", "105", "110", "120", "150", "100,5", "102.5"])
    who = rnd.choice(["đoàn viên", "giáo viên", "CBNGNLĐ", "cán bộ, giáo viên", "gia đình đoàn viên"])
    ev = f"{v}% {who}"
    return _insert_line(doc, rnd, f"- Phấn đấu {ev} tham gia đầy đủ các hoạt động do công đoàn phát động."), ev


def inj_range(doc: PlanDocument, rnd: random.Random) -> Injected:
    b = rnd.randint(1, 5)
    a = b + rnd.randint(1, 4)
    unit = rnd.choice(["đảng viên", "đoàn viên", "lần", "đồng chí"])
    ev = rnd.choice([f"từ {a} đến {b} {unit}", f"{a:02d} - {b:02d} {unit}", f"{a} – {b} {unit}"])
    return _insert_line(doc, rnd, f"- Phấn đấu hàng năm có {ev} được biểu dương."), ev


def _preamble_pos(doc: PlanDocument) -> int:
    text = doc.text
    m = re.search(r"(?m)^(?:Căn cứ|Thực hiện)", text[doc.body_start:])
    return doc.body_start + m.start() if m else doc.body_start


def _insert_preamble(doc: PlanDocument, line: str) -> str:
    pos = _preamble_pos(doc)
    return doc.text[:pos] + line + "\n" + doc.text[pos:]


def _doc_date(doc: PlanDocument) -> dt.date:
    if doc.header.date:
        return dt.date.fromisoformat(doc.header.date)
    kind, y1, _ = _own_years(doc)
    return dt.date(y1, 9, 15) if kind == "school_year" else dt.date(y1, 1, 10)


def inj_ref_conflict(doc: PlanDocument, rnd: random.Random) -> Injected:
    text = doc.text
    dated = [r for r in doc.legal_refs if r.date and len(r.dates_seen) == 1 and r.mentions]
    if dated and rnd.random() < 0.7:
        r = rnd.choice(dated)
        first = r.mentions[0]
        d0 = dt.date.fromisoformat(r.date)
        other = rnd.choice([d0.replace(year=d0.year - 1) if not (d0.month == 2 and d0.day == 29) else d0 - dt.timedelta(days=365),
                            d0 - dt.timedelta(days=rnd.randint(1, 40))])
        typed = " ".join(text[first.start:first.end].split())
        ev = f"{typed} {_date_text(other, rnd)}"
        return _insert_line(doc, rnd, f"- Tiếp tục triển khai {ev} đến toàn thể đoàn viên."), typed
    d0 = _doc_date(doc) - dt.timedelta(days=rnd.randint(10, 90))
    other = d0 - dt.timedelta(days=rnd.randint(1, 60))
    num = rnd.randint(100, 999)
    typed = f"Hướng dẫn số {num}/HD-CĐN"
    new = _insert_preamble(doc, f"Căn cứ {typed} {_date_text(d0, rnd)} của Công đoàn ngành Giáo dục về việc hướng dẫn nhiệm vụ công đoàn;")
    tmp = PlanDocument(source=doc.source, text=new, body_start=doc.body_start, body_end=None)
    return _insert_line(tmp, rnd, f"- Thực hiện {typed} {_date_text(other, rnd)} đến các tổ công đoàn."), typed


def inj_ref_after(doc: PlanDocument, rnd: random.Random) -> Injected:
    if not doc.header.date:
        return None
    d = dt.date.fromisoformat(doc.header.date) + dt.timedelta(days=rnd.randint(1, 300))
    typ, code = rnd.choice([("Công văn", None), ("Hướng dẫn", "HD"), ("Thông báo", "TB"), ("Kế hoạch", "KH"), ("Quyết định", "QĐ")])
    num = rnd.randint(10, 1500)
    sym = f"{num}/{code}-LĐLĐ" if code else f"{num}/LĐLĐ"
    typed = f"{typ} số {sym}"
    ev = f"{typed} {_date_text(d, rnd)}"
    line = f"Căn cứ {ev} của Liên đoàn Lao động về việc triển khai nhiệm vụ công đoàn;"
    return (_insert_preamble(doc, line) if rnd.random() < .6 else _insert_line(doc, rnd, "- Thực hiện " + line)), ev


def inj_ref_type(doc: PlanDocument, rnd: random.Random) -> Injected:
    codes = models.load("doc_type_codes.yaml")["state"]
    pairs = [("Báo cáo", "KH"), ("Kế hoạch", "BC"), ("Thông báo", "HD"), ("Hướng dẫn", "TB"), ("Quyết định", "KH"),
             ("Kế hoạch", "QĐ"), ("Chương trình", "KH"), ("Nghị quyết", "QĐ"), ("Báo cáo", "TB"), ("Thông báo", "KH")]
    typ, code = rnd.choice(pairs)
    assert codes[code] != typ
    d = _doc_date(doc) - dt.timedelta(days=rnd.randint(5, 120))
    num = rnd.randint(1, 999)
    issuer = rnd.choice(["LĐLĐ", "CĐGD", "PGDĐT", "UBND"])
    typed = f"{typ} số {num}/{code}-{issuer}"
    line = f"Căn cứ {typed} {_date_text(d, rnd)} của cấp trên về việc triển khai nhiệm vụ;"
    return (_insert_preamble(doc, line) if rnd.random() < .6 else _insert_line(doc, rnd, "- Thực hiện " + line)), typed


def inj_stale(doc: PlanDocument, rnd: random.Random) -> Injected:
    kind, y1, _ = _own_years(doc)
    pstart = dt.date(y1, 9 if kind == "school_year" else 1, 1)
    d = pstart - dt.timedelta(days=rnd.randint(200, 500))
    num = rnd.randint(10, 999)
    typ, code = rnd.choice([("Hướng dẫn", "HD-CĐN"), ("Công văn", "LĐLĐ"), ("Kế hoạch", "KH-LĐLĐ")])
    typed = f"{typ} số {num}/{code}"
    ev = f"{typed} {_date_text(d, rnd)}"
    line = f"Căn cứ {ev} của Liên đoàn Lao động về việc hướng dẫn thực hiện nhiệm vụ {_period_text(kind, y1, rnd)};"
    return _insert_preamble(doc, line), ev


INJECTORS: dict[str, Callable[[PlanDocument, random.Random], Injected]] = {
    "period-mismatch": inj_period,
    "observance-date-wrong": inj_observance,
    "anniversary-mismatch": inj_anniversary,
    "numbering-gap": inj_gap,
    "numbering-duplicate": inj_duplicate,
    "invalid-date": inj_invalid_date,
    "incomplete-date": inj_incomplete,
    "count-mismatch": inj_count,
    "percent-over-100": inj_percent,
    "range-inverted": inj_range,
    "reference-date-conflict": inj_ref_conflict,
    "reference-after-document": inj_ref_after,
    "reference-type-mismatch": inj_ref_type,
    "stale-reference-date": inj_stale,
}


def _found(doc: PlanDocument, code: str, evidence: str) -> bool:
    ev = set(score.tokens(evidence))
    for f in doc.findings:
        if f.code != code:
            continue
        got = set(score.tokens(f.excerpt + " " + f.message))
        if ev and len(ev & got) / len(ev) >= 0.5:
            return True
    return False


def test_injected_errors_are_found(clean_docs):
    rnd = random.Random(20241)
    results: dict[str, list[bool]] = defaultdict(list)
    misses: dict[str, list[str]] = defaultdict(list)
    extra_errors = 0
    cases = []  # (code, name, text, evidence): the injections first (the parse does not touch rnd)
    for code, inject in INJECTORS.items():
        tries = n = 0
        while n < CASES_PER_CODE and tries < CASES_PER_CODE * 5:
            tries += 1
            name, clean = rnd.choice(clean_docs)
            if clean.period is None:
                continue
            got = inject(clean, rnd)
            if got is None:
                continue
            n += 1
            cases.append((code, name, *got))
    docs = _parse_all([(text, f"{name}-{code}", code in NEEDS_NLP) for code, name, text, _ in cases])
    for (code, name, _text, evidence), doc in zip(cases, docs):
        ok = _found(doc, code, evidence)
        results[code].append(ok)
        if not ok:
            misses[code].append(f"{name}: {evidence!r} -> {[(f.code, f.excerpt) for f in doc.findings]}")
        extra_errors += sum(1 for f in doc.findings if f.severity == "error" and f.code != code)
    total = sum(len(v) for v in results.values())
    table = {c: f"{sum(v)}/{len(v)}" for c, v in results.items()}
    print("\ninjection recall per code:", table, "extra error-level findings:", extra_errors)
    assert total >= 500, table
    for code, oks in results.items():
        assert len(oks) >= CASES_PER_CODE * 0.9, (code, len(oks))
        assert sum(oks) / len(oks) >= 0.98, (code, table[code], misses[code][:5])
    assert extra_errors <= total * 0.01, extra_errors


def test_incomplete_date_is_info_in_a_draft(clean_docs):
    """The same blank day is a warning in a numbered plan and info in a draft ('Số:    /KH-CĐ')."""
    name, doc = next((n, d) for n, d in clean_docs if n.endswith(".txt") and d.header.date)
    text = re.sub(r"ngày (\d{1,2}) tháng", "ngày     tháng", doc.text, count=1)
    numbered = _parse(text, name, nlp=False)
    sev = {f.severity for f in numbered.findings if f.code == "incomplete-date"}
    draft_text = "DỰ THẢO\n" + text
    draft = _parse(draft_text, name, nlp=False)
    dsev = {f.severity for f in draft.findings if f.code == "incomplete-date"}
    assert sev == {"warning"} and dsev == {"info"}
