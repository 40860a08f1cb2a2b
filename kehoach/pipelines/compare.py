"""Compare plans: tables that align PlanDocuments by topic, never by section number.

`compare(docs)` returns a `Comparison`: one `Table` per sheet (documented in docs/compare.md),
each with fixed columns followed, for the "x plans" tables, by one column per plan. The
renderers in `report/` (xlsx, csv, html) only lay these tables out.

Year-over-year diff (`diff` sheet): plans of one issuer, ordered by period, compared pairwise
(or all inputs in the given order with `diff=True`): targets added, dropped and changed
(matched by their wording with numbers masked, so "80% đoàn viên đạt lao động tiên tiến" and
"85% ..." are one target that changed), sections carried over verbatim (near-duplicate
sentences), and carried-over sentences that still name last period's year - the stale years.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

from kehoach.parser import topics
from kehoach.parser.schema import PlanDocument, Section, Target, iter_sections
from kehoach.parser.text.normalize import fold

Cell = Any  # str | int | float | None

# Fixed columns per sheet; the "x plans" sheets add one column per plan after these.
COLUMNS: dict[str, list[str]] = {
    "plans": ["plan", "file", "doc_type", "title", "issuer", "superior", "number", "date", "period",
              "period_start", "period_end", "sections", "topics", "targets", "legal_refs", "awards",
              "findings", "errors", "warnings"],
    "topics": ["topic", "label", "plans_covering"],
    "sections": ["plan", "number", "level", "heading", "topic", "label", "confidence", "second_topic"],
    "targets": ["topic", "label", "subject", "unit", "plans_with"],
    "target_list": ["plan", "topic", "label", "section", "subject", "value", "min", "max", "unit",
                    "comparator", "deadline", "text"],
    "legal_refs": ["symbol", "type", "issuer", "date", "subject", "plans_citing"],
    "awards": ["grantor", "title", "recipient_kind", "plans_with"],
    "diff": ["issuer", "from_plan", "to_plan", "change", "topic", "label", "subject", "old", "new",
             "similarity", "from_section", "to_section", "text"],
}
PER_PLAN = {"topics", "targets", "legal_refs", "awards"}
TITLES = {
    "plans": "Kế hoạch / Plans overview",
    "topics": "Chủ đề x kế hoạch / Topics x plans",
    "sections": "Mục và chủ đề / Sections and their topics",
    "targets": "Chỉ tiêu x kế hoạch / Targets x plans",
    "target_list": "Danh sách chỉ tiêu / All targets",
    "legal_refs": "Văn bản căn cứ x kế hoạch / Legal references x plans",
    "awards": "Khen thưởng x kế hoạch / Awards x plans",
    "diff": "So sánh qua các năm / Year-over-year diff",
}

TARGET_MATCH = 0.75  # masked-wording similarity above which two targets are the same target
SENTENCE_MATCH = 0.9  # similarity above which a sentence is carried over verbatim
SECTION_CARRIED = 0.6  # share of a section's sentences carried over to report the section
MIN_SENTENCE_WORDS = 5


@dataclass
class Table:
    name: str
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class Plan:
    key: str
    doc: PlanDocument
    paths: dict[int, str] = field(default_factory=dict)  # id(section) -> "CHƯƠNG TRÌNH 6 / 1"

    def __post_init__(self) -> None:
        self.paths = self.paths or _paths(self.doc.sections)


@dataclass
class Comparison:
    plans: list[Plan]
    tables: list[Table]

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)

    def names(self) -> list[str]:
        return [t.name for t in self.tables]


# ---------------------------------------------------------------- inputs

def load_json(path: Path) -> PlanDocument:
    return restore_text(PlanDocument.model_validate_json(path.read_text(encoding="utf-8")))


def restore_text(doc: PlanDocument) -> PlanDocument:
    """Batch JSON omits the text unless written --with-text; the carried-over sentence check
    needs it. Re-read it from the source when that file is still there and unchanged (same
    sha256), so the offsets in the JSON still point into it. OCR sources are not re-read."""
    src = doc.source
    if doc.text is not None or not src.path or src.ocr or not Path(src.path).is_file():
        return doc
    data = Path(src.path).read_bytes()
    if src.sha256 and hashlib.sha256(data).hexdigest() != src.sha256:
        return doc
    from kehoach.parser import KehoachError, parse_bytes

    try:
        text = parse_bytes(data, src.path, nlp=False, checks=False).text
    except KehoachError:
        return doc
    # another kehoach version may have normalized differently: keep the text only if the
    # stored section offsets still land on their headings
    if text and all(fold(s.heading[:12]) in fold(text[s.heading_start:s.heading_end + 2])
                    for s in iter_sections(doc.sections)):
        doc.text = text
    return doc


def load_inputs(paths: Iterable[Path], parse: Optional[Callable[[Path], PlanDocument]] = None,
                warn: Callable[[str], None] = lambda m: None) -> list[PlanDocument]:
    """Plan files are parsed; a batch output folder contributes OUT/json/*.json; a folder of
    .json files or a single .json file is read as PlanDocuments. An input that cannot be read
    is reported through `warn` and skipped."""
    if parse is None:
        from kehoach.parser import parse as _parse

        def parse(p: Path) -> PlanDocument:
            return _parse(p)
    from kehoach.parser.errors import KehoachError

    def attempt(fn: Callable[[Path], PlanDocument], f: Path) -> list[PlanDocument]:
        try:
            return [fn(f)]
        except KehoachError as e:  # the reason already names the file
            warn(f"kehoach: error: {e}")
        except ValueError as e:  # pydantic: a .json that is not a PlanDocument
            warn(f"kehoach: error: {f}: not a kehoach PlanDocument JSON ({str(e).splitlines()[0]})")
        return []

    docs: list[PlanDocument] = []
    for p in map(Path, paths):
        if p.is_dir():
            jdir = p / "json" if (p / "json").is_dir() else p
            files = sorted(jdir.glob("*.json"))
            if not files:
                warn(f"kehoach: error: {p}: no json/*.json (not a batch output folder)")
            # files are named by content hash: order them by source path instead
            found = [d for f in files for d in attempt(load_json, f)]
            docs.extend(sorted(found, key=lambda d: d.source.path or ""))
        elif p.suffix.lower() == ".json":
            docs.extend(attempt(load_json, p))
        else:
            docs.extend(attempt(parse, p))
    return docs


def ensure_topics(doc: PlanDocument) -> PlanDocument:
    """Batch JSON from before topics existed, or targets tagged after topics ran: fill in."""
    if any(s.topic is None for s in iter_sections(doc.sections)) or any(t.topic is None for t in doc.targets):
        topics.assign(doc)
    return doc


def plan_keys(docs: Sequence[PlanDocument]) -> list[str]:
    """Short unique column names: the source file stem (batch JSON keeps the original path)."""
    keys: list[str] = []
    reserved = {c for cols in COLUMNS.values() for c in cols}  # a plan named "topic" must not shadow a column
    for i, d in enumerate(docs):
        base = Path(d.source.path).stem if d.source.path else (d.source.sha256 or f"plan{i + 1}")[:12]
        key, n = base, 2
        while key in keys or key in reserved:
            key, n = f"{base}~{n}", n + 1
        keys.append(key)
    return keys


# ---------------------------------------------------------------- helpers

def _num(v: Optional[float]) -> str:
    return "" if v is None else f"{v:g}"


def target_value(t: Target) -> str:
    """'100%', '≥60%', '1–2 đoàn viên', '3–5'."""
    if t.comparator == "range" or (t.min is not None and t.max is not None):
        v = f"{_num(t.min)}–{_num(t.max)}"
    else:
        sign = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}.get(t.comparator or "=", "")
        v = sign + _num(t.value if t.value is not None else (t.min if t.min is not None else t.max))
    if t.unit:
        v += t.unit if t.unit == "%" else f" {t.unit}"
    return v


def _own_label(s: Section) -> str:
    return (s.number or s.heading[:40]).strip().rstrip(".").strip()


def _paths(sections: list[Section], parent: str = "", out: Optional[dict[int, str]] = None) -> dict[int, str]:
    out = {} if out is None else out
    for s in sections:
        own = _own_label(s)
        # "1.1." under "1." already carries its parent; "1." under "CHƯƠNG TRÌNH 6" does not
        path = own if not parent or own.startswith(parent.split(" / ")[-1] + ".") else f"{parent} / {own}"
        out[id(s)] = path
        _paths(s.children, path, out)
    return out


def _section_label(s: Optional[Section], plan: Optional["Plan"] = None) -> str:
    """A section's number with its parents' where the number alone is ambiguous
    ("CHƯƠNG TRÌNH 6 / 1"); the heading's start when it has no number."""
    if s is None:
        return ""
    if plan is not None and id(s) in plan.paths:
        return plan.paths[id(s)]
    return _own_label(s)


def _period(doc: PlanDocument) -> str:
    return doc.period.text if doc.period else ""


_UNION_PREFIX = re.compile(r"^(?:ban chấp hành\s+)?(?:công đoàn cơ sở|công đoàn|cđcs|cđ|bch\s+cđ)\.?\s+")


def issuer_key(issuer: Optional[str]) -> str:
    """One key for one school's union however the header names it: "CĐCS TRƯỜNG THCS X",
    "CÔNG ĐOÀN TRƯỜNG THCS X" and "Công đoàn cơ sở Trường THCS X" are the same issuer."""
    key = fold(issuer)
    return _UNION_PREFIX.sub("", key).strip(" .")


def _issuer_key(doc: PlanDocument) -> str:
    return issuer_key(doc.header.issuer)


def _sort_key(doc: PlanDocument) -> tuple[str, str]:
    return (doc.period.start if doc.period else "", doc.header.date or "")


# ---------------------------------------------------------------- tables

def _plans_table(plans: list[Plan]) -> Table:
    t = Table("plans", TITLES["plans"], list(COLUMNS["plans"]))
    for p in plans:
        d = p.doc
        secs = list(iter_sections(d.sections))
        sev = [f.severity for f in d.findings]
        t.rows.append([
            p.key, d.source.path, d.doc_type, d.title, d.header.issuer, d.header.superior, d.header.number,
            d.header.date, _period(d), d.period.start if d.period else None, d.period.end if d.period else None,
            len(secs), len({s.topic for s in secs if topics.is_work_area(s.topic)}), len(d.targets),
            len(d.legal_refs), len(d.awards), len(d.findings), sev.count("error"), sev.count("warning"),
        ])
    return t


def _topics_tables(plans: list[Plan]) -> tuple[Table, Table]:
    cover = Table("topics", TITLES["topics"], COLUMNS["topics"] + [p.key for p in plans])
    secs = Table("sections", TITLES["sections"], list(COLUMNS["sections"]))
    by_topic: dict[str, list[list[str]]] = {}
    def walk(i: int, p: Plan, sections: list[Section], listed: frozenset[str]) -> None:
        for s in sections:
            ranked = topics.rank(s.heading, topics.own_body(p.doc, s))
            second = next((k for k, _ in ranked if k != s.topic), None)
            secs.rows.append([p.key, s.number, s.level, s.heading, s.topic, topics.label(s.topic),
                              s.topic_confidence, second])
            # a child of a section already listed under the same topic adds nothing ("4" not "4; 4.1")
            if s.topic and s.topic not in listed:
                by_topic.setdefault(s.topic, [[] for _ in plans])[i].append(_section_label(s, p))
            walk(i, p, s.children, listed | {s.topic} if s.topic else listed)

    for i, p in enumerate(plans):
        walk(i, p, p.doc.sections, frozenset())
    for tid in topics.topic_ids():
        if tid not in by_topic:
            continue
        cells = by_topic[tid]
        cover.rows.append([tid, topics.label(tid), sum(bool(c) for c in cells)]
                          + ["; ".join(c) if c else None for c in cells])
    return cover, secs


def _targets_tables(plans: list[Plan]) -> tuple[Table, Table]:
    wide = Table("targets", TITLES["targets"], COLUMNS["targets"] + [p.key for p in plans])
    flat = Table("target_list", TITLES["target_list"], list(COLUMNS["target_list"]))
    rows: dict[tuple[str, str, str], list] = {}
    order = {t: i for i, t in enumerate(topics.topic_ids())}
    for i, p in enumerate(plans):
        for t in p.doc.targets:
            sec = topics.deepest_section(p.doc, t.start)
            flat.rows.append([p.key, t.topic, topics.label(t.topic), _section_label(sec, p), t.subject, t.value,
                              t.min, t.max, t.unit, t.comparator, t.deadline, t.text])
            key = (t.topic or "", fold(t.subject), t.unit or "")
            row = rows.setdefault(key, [t.topic, topics.label(t.topic), t.subject, t.unit, 0]
                                  + [[] for _ in plans])
            row[len(COLUMNS["targets"]) + i].append(target_value(t))
    for key in sorted(rows, key=lambda k: (order.get(k[0], 99), k[1], k[2])):
        row = rows[key]
        cells = row[len(COLUMNS["targets"]):]
        row[4] = sum(bool(c) for c in cells)
        wide.rows.append(row[:len(COLUMNS["targets"])] + ["; ".join(c) if c else None for c in cells])
    return wide, flat


def _refs_table(plans: list[Plan]) -> Table:
    t = Table("legal_refs", TITLES["legal_refs"], COLUMNS["legal_refs"] + [p.key for p in plans])
    rows: dict[str, list] = {}
    for i, p in enumerate(plans):
        for r in p.doc.legal_refs:
            key = fold(r.symbol).replace(" ", "")
            row = rows.setdefault(key, [r.symbol, r.type, r.issuer, r.date, r.subject, 0] + [None] * len(plans))
            for j, v in enumerate((r.type, r.issuer, r.date, r.subject), start=1):
                row[j] = row[j] or v
            row[len(COLUMNS["legal_refs"]) + i] = r.date or "x"
    for row in rows.values():
        row[5] = sum(c is not None for c in row[len(COLUMNS["legal_refs"]):])
        t.rows.append(row)
    t.rows.sort(key=lambda r: (-r[5], fold(r[0])))
    return t


def _awards_table(plans: list[Plan]) -> Table:
    t = Table("awards", TITLES["awards"], COLUMNS["awards"] + [p.key for p in plans])
    rows: dict[tuple[str, str, str], list] = {}
    for i, p in enumerate(plans):
        for a in p.doc.awards:
            key = (fold(a.grantor), fold(a.title), a.recipient_kind or "")
            if not any(key):
                key = ("", fold(a.text), "")
            row = rows.setdefault(key, [a.grantor, a.title or (None if a.grantor else a.text), a.recipient_kind, 0]
                                  + [None] * len(plans))
            col = len(COLUMNS["awards"]) + i
            cur = row[col]
            if a.count is not None:
                row[col] = (cur if isinstance(cur, (int, float)) else 0) + a.count
            elif cur is None:
                row[col] = "x"
    for row in rows.values():
        row[3] = sum(c is not None for c in row[len(COLUMNS["awards"]):])
        t.rows.append(row)
    return t


# ---------------------------------------------------------------- year-over-year diff

_SENT_RE = re.compile(r"[^.;!?\n]+[.;!?]?")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def sentences(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for sentences of at least MIN_SENTENCE_WORDS words."""
    end = len(text) if end is None else end
    out = []
    for m in _SENT_RE.finditer(text, start, end):
        s = m.group(0).strip(" -+·•\t")
        if len(s.split()) >= MIN_SENTENCE_WORDS:
            out.append((m.start(), m.end(), s))
    return out


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


def _masked(s: str) -> str:
    return _DIGITS.sub("#", fold(s))


def _shingles(s: str, k: int = 3) -> set[str]:
    w = fold(s).split()
    return {" ".join(w[i:i + k]) for i in range(max(len(w) - k + 1, 1))}


class SentenceIndex:
    """Near-duplicate lookup: candidates share a word 3-gram, then difflib confirms."""

    def __init__(self, items: list[tuple[int, int, str]]):
        self.items = items
        self.by_shingle: dict[str, list[int]] = {}
        for i, (_, _, s) in enumerate(items):
            for sh in _shingles(s):
                self.by_shingle.setdefault(sh, []).append(i)

    def best(self, s: str) -> tuple[Optional[int], float]:
        cands: dict[int, int] = {}
        for sh in _shingles(s):
            for i in self.by_shingle.get(sh, ()):
                cands[i] = cands.get(i, 0) + 1
        best_i, best = None, 0.0
        for i, _ in sorted(cands.items(), key=lambda kv: -kv[1])[:8]:
            r = similarity(s, self.items[i][2])
            if r > best:
                best_i, best = i, r
        return best_i, best


def _period_patterns(doc: PlanDocument) -> list[re.Pattern]:
    if not doc.period:
        return []
    y0, y1 = doc.period.start[:4], doc.period.end[:4]
    if y0 != y1:
        return [re.compile(rf"(?<!\d){y0}\s*[-–—/]\s*{y1}(?!\d)")]
    return [re.compile(rf"(?<!\d){y0}(?!\d)")]


def _diff_targets(old: Plan, new: Plan, issuer: str) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    pairs = []
    for i, a in enumerate(old.doc.targets):
        for j, b in enumerate(new.doc.targets):
            r = SequenceMatcher(None, _masked(a.text), _masked(b.text), autojunk=False).ratio()
            if r >= TARGET_MATCH:
                pairs.append((r, i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for r, i, j in sorted(pairs, reverse=True):
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        a, b = old.doc.targets[i], new.doc.targets[j]
        va, vb = target_value(a), target_value(b)
        if va != vb:
            rows.append([issuer, old.key, new.key, "target_changed", b.topic, topics.label(b.topic), b.subject,
                         va, vb, round(r, 3), _section_label(topics.deepest_section(old.doc, a.start), old),
                         _section_label(topics.deepest_section(new.doc, b.start), new), b.text])
    for i, a in enumerate(old.doc.targets):
        if i not in used_old:
            rows.append([issuer, old.key, new.key, "target_dropped", a.topic, topics.label(a.topic), a.subject,
                         target_value(a), None, None, _section_label(topics.deepest_section(old.doc, a.start), old),
                         None, a.text])
    for j, b in enumerate(new.doc.targets):
        if j not in used_new:
            rows.append([issuer, old.key, new.key, "target_added", b.topic, topics.label(b.topic), b.subject,
                         None, target_value(b), None, None,
                         _section_label(topics.deepest_section(new.doc, b.start), new), b.text])
    return rows


def _diff_text(old: Plan, new: Plan, issuer: str) -> list[list[Cell]]:
    if not old.doc.text or not new.doc.text:
        return []
    index = SentenceIndex(sentences(old.doc.text, old.doc.body_start, old.doc.body_end))
    new_sents = sentences(new.doc.text, new.doc.body_start, new.doc.body_end)
    carried: list[tuple[int, int, str, int, float]] = []  # new start, end, text, old index, ratio
    for a, b, s in new_sents:
        i, r = index.best(s)
        if i is not None and r >= SENTENCE_MATCH:
            carried.append((a, b, s, i, r))
    rows: list[list[Cell]] = []
    # sections whose own sentences were mostly carried over
    for sec in iter_sections(new.doc.sections):
        lo = sec.heading_end
        hi = sec.children[0].heading_start if sec.children else sec.end
        own = [x for x in new_sents if lo <= x[0] < hi]
        if not own:
            continue
        hits = [c for c in carried if lo <= c[0] < hi]
        share = len(hits) / len(own)
        if share >= SECTION_CARRIED:
            olds = [topics.deepest_section(old.doc, index.items[c[3]][0]) for c in hits]
            labels = [_section_label(s, old) for s in olds if s is not None]
            src = max(set(labels), key=labels.count) if labels else None
            rows.append([issuer, old.key, new.key, "section_carried_over", sec.topic, topics.label(sec.topic),
                         None, None, None, round(share, 3), src, _section_label(sec, new), sec.heading])
    # carried-over sentences that name the old period but not the new one: stale years
    old_pats, new_pats = _period_patterns(old.doc), _period_patterns(new.doc)
    if old_pats and _period(old.doc) != _period(new.doc):
        for a, b, s, i, r in carried:
            if any(p.search(s) for p in old_pats) and not any(p.search(s) for p in new_pats):
                sec = topics.deepest_section(new.doc, a)
                osec = topics.deepest_section(old.doc, index.items[i][0])
                rows.append([issuer, old.key, new.key, "stale_year", sec.topic if sec else None,
                             topics.label(sec.topic) if sec else None, None, _period(old.doc), _period(new.doc),
                             round(r, 3), _section_label(osec, old), _section_label(sec, new), s])
    return rows


def diff_pairs(plans: list[Plan], force: bool = False) -> list[tuple[str, Plan, Plan]]:
    """Consecutive plans of one issuer (by period), or all inputs in order when forced."""
    if force:
        return [(p.doc.header.issuer or "", p, q) for p, q in zip(plans, plans[1:])]
    groups: dict[str, list[Plan]] = {}
    for p in plans:
        if _issuer_key(p.doc):
            groups.setdefault(_issuer_key(p.doc), []).append(p)
    out = []
    for g in groups.values():
        g = sorted(g, key=lambda p: _sort_key(p.doc))
        out.extend((q.doc.header.issuer or "", p, q) for p, q in zip(g, g[1:]))
    return out


def diff_table(plans: list[Plan], force: bool = False) -> Optional[Table]:
    pairs = diff_pairs(plans, force)
    if not pairs:
        return None
    t = Table("diff", TITLES["diff"], list(COLUMNS["diff"]))
    for issuer, old, new in pairs:
        t.rows.extend(_diff_targets(old, new, issuer))
        t.rows.extend(_diff_text(old, new, issuer))
    return t


# ---------------------------------------------------------------- entry

def compare(docs: Sequence[PlanDocument], diff: bool = False) -> Comparison:
    """All comparison tables for `docs` (topics are filled in where missing)."""
    plans = [Plan(k, ensure_topics(d)) for k, d in zip(plan_keys(docs), docs)]
    cover, secs = _topics_tables(plans)
    wide, flat = _targets_tables(plans)
    tables = [_plans_table(plans), cover, wide, _refs_table(plans), _awards_table(plans), secs, flat]
    d = diff_table(plans, force=diff)
    if d is not None:
        tables.insert(5, d)
    return Comparison(plans, tables)
