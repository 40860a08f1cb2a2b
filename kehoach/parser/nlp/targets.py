"""Targets (chỉ tiêu): quantitative commitments — percentages, ranges of people or times,
counts after a commitment word — each as the clause that states it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kehoach import models
from kehoach.parser.nlp.clauses import comma_after, comma_before, inside, n_words, units
from kehoach.parser.nlp.dates import DateHit
from kehoach.parser.nlp.numbers import NUMBER, parse_number
from kehoach.parser.text.normalize import fold

LONG_UNIT = 30  # words: a longer sentence is cut to the clause around the quantity
MIN_CLAUSE = 14  # words: a clause shorter than this takes in the clauses before it


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _tables():
    data = models.load("units.yaml")
    units_ = data["units"]
    names = sorted((u for u in units_ if u != "%"), key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) for u in names)
    comps = data["comparators"]
    comp_alt = "|".join(re.escape(c) for c in sorted(comps, key=len, reverse=True))
    pct = re.compile(rf"(?i)(?:\b(?P<comp>{comp_alt})\s+)?(?P<num>{NUMBER})\s*(?:%|phần\s+trăm)"
                     rf"(?:\s+(?P<post>trở\s+lên|trở\s+xuống))?")
    rng = re.compile(rf"(?i)(?:\b(?P<comp>từ)\s+)?(?<![\d/.,])(?P<a>\d{{1,3}})\s*(?:đến|tới|-|–)\s*(?P<b>\d{{1,3}})"
                     rf"\s+(?P<unit>{unit_alt})\b")
    cnt = re.compile(rf"(?i)(?:\b(?P<comp>{comp_alt})\s+)?(?<![\d/.,\-–])(?P<num>\d{{1,3}})\s+(?P<unit>{unit_alt})\b")
    commit = [w.lower() for w in data["commitment_words"]]
    return units_, comps, pct, rng, cnt, commit


@dataclass
class Quantity:
    start: int
    end: int
    value: float | None
    min: float | None
    max: float | None
    unit: str
    comparator: str
    subject_from: int = -1  # where the subject noun phrase starts (the unit word of a count); -2: before it


def _unit_norm(u: str) -> str:
    units_, *_ = _tables()
    f = fold(u)
    return next((v for k, v in units_.items() if fold(k) == f), u)


def quantities(text: str, s: int, e: int, excluded: list[tuple[int, int]]) -> list[Quantity]:
    units_, comps, pct, rng, cnt, commit = _tables()
    seg = text[s:e]
    out: list[Quantity] = []
    if not _DIGIT.search(seg):
        return out
    taken: list[tuple[int, int]] = []
    for m in rng.finditer(seg):
        a, b = int(m.group("a")), int(m.group("b"))
        if a >= b:
            continue
        qs, qe = s + m.start(), s + m.end()
        if inside(qs, excluded):
            continue
        out.append(Quantity(qs, qe, None, a, b, _unit_norm(m.group("unit")), "range", s + m.start("unit")))
        taken.append((qs, qe))
    for m in pct.finditer(seg):
        qs, qe = s + m.start(), s + m.end()
        if inside(qs, excluded) or inside(qs, taken):
            continue
        comp = comps.get((m.group("comp") or "").lower(), "=")
        if m.group("post"):  # "95% trở lên"
            comp = ">=" if "lên" in m.group("post").lower() else "<="
        out.append(Quantity(qs, qe, parse_number(m.group("num")), None, None, "%", comp))
        taken.append((qs, qe))
    lowered = seg.lower()
    if "khen" not in lowered:
        for m in cnt.finditer(seg):
            qs, qe = s + m.start(), s + m.end()
            if inside(qs, excluded) or inside(qs, taken) or _unit_norm(m.group("unit")) not in ("người", "lần"):
                continue
            before = lowered[:m.start()]
            if not m.group("comp") and not any(w in before for w in commit):
                continue  # a bare count ("45 đoàn viên") is not a commitment
            comp = comps.get((m.group("comp") or "").lower(), "=")
            unit = _unit_norm(m.group("unit"))
            # "02 đoàn viên": the unit is the subject; "01 lần": the subject is who does it (before)
            out.append(Quantity(qs, qe, parse_number(m.group("num")), None, None, unit, comp,
                                s + m.start("unit") if unit == "người" else -2))
    out.sort(key=lambda q: q.start)
    return out


def _clause_of(text: str, s: int, e: int, q: Quantity) -> tuple[int, int]:
    """The comma clause around q inside [s, e), widened to MIN_CLAUSE words."""
    cs = comma_before(text, s, q.start)
    cs = s if cs < 0 else cs + 1
    ce = comma_after(text, q.end, e)
    ce = e if ce < 0 else ce
    while n_words(text[q.end:ce]) < 3 and ce < e:  # "98% cán bộ, giáo viên được ..." : a list subject
        p = comma_after(text, ce + 1, e)
        ce = e if p < 0 else p
    while n_words(text[cs:ce]) < MIN_CLAUSE:
        # a clause that opens with its quantity ("100% X ..., ...") reads on to the right;
        # one that ends with it ("..., đạt 100%") takes in what comes before
        if n_words(text[cs:q.start]) <= 2 and ce < e:
            p = comma_after(text, ce + 1, e)
            ce = e if p < 0 else p
        elif cs > s:
            p = comma_before(text, s, cs - 1)
            cs = s if p < 0 else p + 1
        elif ce < e:
            p = comma_after(text, ce + 1, e)
            ce = e if p < 0 else p
        else:
            break
    return cs, ce


def _label_cut(text: str, s: int, e: int) -> int:
    """'Chỉ tiêu và những giải pháp: ...' -> start after a short label."""
    c = text.find(":", s, e)
    if c > 0 and n_words(text[s:c]) <= 6 and n_words(text[c + 1:e]) >= 3:
        return c + 1
    return s


def regions(text: str, s: int, e: int, qs: list[Quantity]) -> list[tuple[int, int, list[Quantity]]]:
    """Split a unit holding several quantities at the commas between them."""
    s = _label_cut(text, s, e)
    groups: list[list[Quantity]] = [[qs[0]]]
    bounds = [s]
    for prev, q in zip(qs, qs[1:]):
        c = comma_before(text, prev.end, q.start)
        if c < 0:
            groups[-1].append(q)
        else:
            bounds.append(c + 1)
            groups.append([q])
    bounds.append(e)
    out = []
    for i, g in enumerate(groups):
        rs, re_ = bounds[i], bounds[i + 1] - (1 if i + 1 < len(groups) else 0)
        if n_words(text[rs:re_]) > LONG_UNIT:
            rs, re_ = _clause_of(text, rs, re_, g[0])
        out.append((rs, re_, g))
    return out


def find_targets(text: str, start: int, end: int, excluded: list[tuple[int, int]], dates: list[DateHit]):
    """Yield dicts for the Target model over text[start:end]."""
    from kehoach.parser.nlp.clauses import trim

    for us, ue in units(text, start, end):
        qs = quantities(text, us, ue, excluded)
        if not qs:
            continue
        for rs, re_, group in regions(text, us, ue, qs):
            rs, re_ = trim(text, rs, re_)
            if re_ <= rs:
                continue
            q = group[0]
            deadline = None
            for h in dates:
                if rs <= h.start < re_ and h.kind in ("date", "month", "school_year", "year") and h.valid:
                    deadline = h.end_value or h.value
            yield {"start": rs, "end": re_, "text": text[rs:re_], "value": q.value, "min": q.min, "max": q.max,
                   "unit": q.unit, "comparator": q.comparator, "deadline": deadline,
                   "_subject_window": (q.end if q.subject_from == -1 else q.subject_from, min(re_, q.end + 60)), "_before": (rs, q.start)}


_NOUN_TAGS = {"N", "Np", "Nc", "Nu", "Ny", "Nb"}


@lru_cache(maxsize=4096)
def _noun_phrase(s: str, last: bool = False) -> str | None:
    from kehoach.parser.nlp.postag import pos_tag

    tags = pos_tag(s)
    runs: list[list[str]] = []
    cur: list[str] = []
    for w, t in tags:
        if t in _NOUN_TAGS:
            cur.append(w)
        elif cur:
            runs.append(cur)
            cur = []
            if not last:
                break
    if cur:
        runs.append(cur)
    if not runs:
        return None
    return " ".join(runs[-1] if last else runs[0])


def subject(text: str, t: dict) -> str | None:
    """The noun phrase right after the quantity ('100% đoàn viên'), else the last one before it."""
    ws, we = t["_subject_window"]
    if ws == -2:  # counted in times: skip the text after the quantity
        ws = we
    after = re.sub(r"(?i)^\s*trở\s+(?:lên|xuống)\b", "", text[ws:we]).strip()
    words = after.split()
    if words and words[0].lower() not in {"so", "trong", "vào", "với", "từ", "của"}:
        np_ = _noun_phrase(" ".join(words[:6]))
        if np_:
            return np_
    bs, be = t["_before"]
    before = text[bs:be]
    m = re.search(r"(?i)\b(?:tỷ lệ|tỉ lệ|số lượng|số)\s+", before)
    if m:  # "Tỷ lệ giáo viên dạy giỏi ... đạt 98%": what the rate is of
        np_ = _noun_phrase(" ".join(before[m.end():].split()[:6]))
        if np_:
            return np_
    before = " ".join(before.split()[:8])
    return _noun_phrase(before) if before else None
