"""Topic of each section: which work area of a union plan it is about.

Rule-based on the taxonomy in `models/topics.yaml` (phrases with weights, data not code).
A section's heading names its subject, so heading phrases weigh HEADING_WEIGHT times more
than body phrases, and earlier phrases in a heading weigh more than later ones ("Chăm lo ...;
tham gia quản lý" is about chăm lo). The body only votes for work areas: words like "yêu cầu"
or "chỉ tiêu" appear in every body and say nothing about its subject. A heading with no
signal ("Đối với nhà trường") leans on its parent; a month or quarter entry ("Tháng 9: ...")
is part of the schedule (`to_chuc_thuc_hien`); a heading over children of three or more
different work areas ("Nội dung thực hiện") is an overall-tasks section (`nhiem_vu`).

Targets take the topic of the section they fall in; a target inside a list section (the
"Các chỉ tiêu" list, proposals, an overall-tasks heading) is classified by its own line,
because "100% đoàn viên đóng đoàn phí" belongs with finances, not with "chỉ tiêu".
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from functools import lru_cache

from kehoach import models
from kehoach.parser.schema import PlanDocument, Section, iter_sections
from kehoach.parser.text.normalize import fold, fold_lines, has_marks, strip_accents
from kehoach.parser.text.phrases import PhraseIndex

HEADING_WEIGHT = 4.0
# weight of the earliest heading phrase relative to one at the very end of the heading
FIRST_PHRASE_BONUS = 0.6
BODY_SHARE = 0.25  # share of the body's distribution when the heading has signal
PARENT_SHARE = 0.6  # share of the parent's topic when the heading has none
FALLBACK = "khac"
SCHEDULE = "to_chuc_thuc_hien"
CALENDAR_STYLES = ("month", "quarter")  # segmenter styles of schedule entries
WORK_AREA = "work_area"


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    label_en: str
    kind: str
    patterns: tuple[tuple[re.Pattern, re.Pattern, float, int], ...] = field(repr=False, default=())
    # per pattern, its longest word (folded, and bare): a plain `in` test that must pass before
    # the regex can match, which skips most of the hundreds of regex scans per section
    needles: tuple[tuple[str, str], ...] = field(repr=False, default=())
    # per pattern, the folded phrase and its bare form: the literals the patterns match
    phrases: tuple[tuple[str, str], ...] = field(repr=False, default=())


def _compile(phrase: str) -> tuple[re.Pattern, re.Pattern]:
    key = fold(phrase)
    body = re.escape(key).replace(r"\ ", r"\s+")
    bare = re.escape(strip_accents(key)).replace(r"\ ", r"\s+")
    return re.compile(rf"(?<!\w){body}(?!\w)"), re.compile(rf"(?<!\w){bare}(?!\w)")


def _needles(phrase: str) -> tuple[str, str]:
    word = max(fold(phrase).split() or [""], key=len)
    return word, strip_accents(word)


@lru_cache(maxsize=1)
def taxonomy() -> tuple[Topic, ...]:
    """The topics of models/topics.yaml, in file order, with compiled phrase patterns."""
    data = models.load("topics.yaml")
    out = []
    for t in data["topics"]:
        kws = sorted(t.get("keywords", {}).items(), key=lambda kv: len(kv[0]), reverse=True)
        pats = tuple((*_compile(str(k)), float(w), len(str(k))) for k, w in kws)
        needles = tuple(_needles(str(k)) for k, _ in kws)
        phrases = tuple((fold(str(k)), strip_accents(fold(str(k)))) for k, _ in kws)
        out.append(Topic(t["id"], t["label"], t.get("label_en", t["label"]), t.get("kind", WORK_AREA), pats, needles,
                         phrases))
    out.append(Topic(FALLBACK, "Khác", "Other", "structure"))
    return tuple(out)


def topic_ids() -> list[str]:
    return [t.id for t in taxonomy()]


_ORDER: tuple = (None, {})


def _order() -> dict[str, int]:
    """topic id -> its place in the taxonomy (the tie-break of a ranking), built once per taxonomy."""
    global _ORDER
    tax = taxonomy()
    if _ORDER[0] is not tax:
        _ORDER = (tax, {t: i for i, t in enumerate(topic_ids())})
    return _ORDER[1]


def get(topic_id: str | None) -> Topic | None:
    for t in taxonomy():
        if t.id == topic_id:
            return t
    return None


def label(topic_id: str | None) -> str:
    t = get(topic_id)
    return t.label if t else ""


def is_work_area(topic_id: str | None) -> bool:
    return _work_areas().get(topic_id, False)


_WORK_AREAS: tuple = (None, {})


def _work_areas() -> dict:
    """topic id -> whether get(id) is a work area (the first topic of that id, as get() finds),
    built once per taxonomy: get() walks the taxonomy, and this is asked per section and target."""
    global _WORK_AREAS
    tax = taxonomy()
    if _WORK_AREAS[0] is not tax:
        kinds: dict = {}
        for t in tax:
            kinds.setdefault(t.id, t.kind == WORK_AREA)
        _WORK_AREAS = (tax, kinds)
    return _WORK_AREAS[1]


def _has_accents(s: str) -> bool:
    return has_marks(s)  # s != strip_accents(s)


@lru_cache(maxsize=1)
def _places() -> tuple[dict, dict]:
    """Per form (folded, bare): phrase -> [(topic number, pattern number)] over all topics."""
    out = []
    for form in (0, 1):
        where: dict[str, list[tuple[int, int]]] = {}
        for ti, t in enumerate(taxonomy()):
            for pi, p in enumerate(t.phrases):
                where.setdefault(p[form], []).append((ti, pi))
        out.append(where)
    return out[0], out[1]


class _Hits:
    """A key's phrase hits per topic number (`topics`: ascending), and per topic, once asked for,
    the hits its score counts (`counted`)."""

    __slots__ = ("topics", "pats", "_counted")

    def __init__(self, pats: dict[int, list[tuple[float, list[tuple[int, int]]]]]):
        self.topics = sorted(pats)
        self.pats = pats
        self._counted: dict[int, tuple[tuple[float, int], ...]] = {}

    def counted(self, ti: int) -> tuple[tuple[float, int], ...]:
        """(weight, start) of each hit the score counts, in the order it adds them: patterns in
        file order (longest first), a phrase inside a longer one of the topic taken not again.
        Walked once per key and topic: the heading is scored with and without positions."""
        found = self._counted.get(ti)
        if found is None:
            taken: list[tuple[int, int]] = []
            counted: list[tuple[float, int]] = []
            for weight, spans in self.pats[ti]:
                for a, b in spans:
                    for s, e in taken:  # a plain loop: any(genexpr) cost more than the test
                        if a < e and s < b:
                            break
                    else:
                        taken.append((a, b))
                        counted.append((weight, a))
            found = self._counted[ti] = tuple(counted)
        return found


@lru_cache(maxsize=1 << 12)
def _found(key: str, accented: bool) -> _Hits:
    """A key's phrase hits, found once for the heading, body and target scores (they differ only
    in the weights they give and the topics they keep)."""
    # fold() leaves single spaces only (" ".join(split())): only a bare key needs the look
    if (not accented and _ODD_SPACE.search(key)) or _empty_phrase():
        return _Hits({ti: pats for ti, pats in _regex_hits(key, accented)})
    per_topic = _scan(_automata()[0 if accented else 1], key)
    # in pattern order (pi is unique within a topic: the sort never compares further)
    return _Hits({ti: [(w, spans) for _, w, spans in (sorted(hits) if len(hits) > 1 else hits)]
                  for ti, hits in per_topic.items()})


def _scan(index: PhraseIndex, key: str) -> dict[int, list[tuple[int, float, list[tuple[int, int]]]]]:
    """topic number -> (pattern number, weight, spans) of each of its phrases in `key` (whole words,
    leftmost first, non-overlapping per phrase), filed under the phrase's topics as the index
    reports it: no phrase -> spans dict and second pass."""
    per_topic: dict[int, list] = {}
    for _, entries, spans in index.hits(key):
        for ti, pi, weight in entries:
            hits = per_topic.get(ti)
            if hits is None:
                per_topic[ti] = [(pi, weight, spans)]
            else:
                hits.append((pi, weight, spans))
    return per_topic


@lru_cache(maxsize=1)
def _automata() -> tuple[PhraseIndex, PhraseIndex]:
    """Per form (folded, bare): the phrases in one index, each carrying its _entries()."""
    return tuple(PhraseIndex(entries) for entries in _entries())


@lru_cache(maxsize=1)
def _entries() -> tuple[dict, dict]:
    """Per form (folded, bare): phrase -> ((topic number, pattern number, weight), ...), the
    weight looked up once, not per hit."""
    tax = taxonomy()
    return tuple({ph: tuple((ti, pi, tax[ti].patterns[pi][2]) for ti, pi in at) for ph, at in _places()[form].items()}
                 for form in (0, 1))


@lru_cache(maxsize=1)
def _empty_phrase() -> bool:
    return any(not p[0] or not p[1] for t in taxonomy() for p in t.phrases)


# a folded key has single spaces only; a bare key could get two (a lone mark between spaces),
# where a phrase's `\s+` is no longer one literal space: such keys take the regex path
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")


def score(text: str, *, positional: bool = False, work_areas_only: bool = False) -> dict[str, float]:
    """Weighted phrase hits per topic. Within a topic a phrase inside a longer matched phrase
    is not counted again; across topics overlaps count (a phrase can serve two topics).
    Text without diacritics (OCR, typed without accents) is matched on the bare forms."""
    return dict(_score(text, positional, work_areas_only))


@lru_cache(maxsize=1 << 12)
def _score(text: str, positional: bool, work_areas_only: bool) -> tuple[tuple[str, float], ...]:
    key = fold_lines(text)  # (= fold(text), from the lines' cached keys)
    if not key:
        return ()
    accented = _has_accents(key)
    if not accented:
        key = strip_accents(key)
    n = max(len(key), 1)
    tax = taxonomy()
    out: list[tuple[str, float]] = []
    hits = _found(key, accented)
    for ti in hits.topics:
        if work_areas_only and tax[ti].kind != WORK_AREA:
            continue
        total = 0.0
        for w, a in hits.counted(ti):
            if positional:
                w *= 1.0 + FIRST_PHRASE_BONUS * (1.0 - a / n)
            total += w
        if total:
            out.append((tax[ti].id, total))
    return tuple(out)


def _regex_hits(key: str, accented: bool) -> list:
    """The one-regex-per-phrase path, for keys where a phrase's `\\s+` is not one space."""
    hits = []
    for ti, t in enumerate(taxonomy()):
        pats = []
        for (pat, bare, weight, _), needle in zip(t.patterns, t.needles):
            if needle[0 if accented else 1] not in key:
                continue
            spans = [m.span() for m in (pat if accented else bare).finditer(key)]
            if spans:
                pats.append((weight, spans))
        hits.append((ti, pats))
    return hits


def _normalise(s: dict[str, float]) -> dict[str, float]:
    total = sum(s.values())
    return {k: v / total for k, v in s.items()} if total else {}


def _mix(*parts: tuple[float, dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for share, dist in parts:
        for k, v in dist.items():
            out[k] = out.get(k, 0.0) + share * v
    return out


def _best(dist: dict[str, float]) -> tuple[str, float]:
    order = _order()
    k = min(dist, key=lambda t: (-dist[t], order.get(t, 99)))
    return k, dist[k]


def rank(heading: str, body: str = "", parent: str | None = None) -> list[tuple[str, float]]:
    """Topics for one section, best first, with scores that sum to 1 (empty if no signal)."""
    head = score(heading, positional=True)
    head = {k: v * HEADING_WEIGHT for k, v in head.items()}
    body_d = _normalise(score(body, work_areas_only=True))
    if head:
        dist = _mix((1 - BODY_SHARE, _normalise(head)), (BODY_SHARE, body_d)) if body_d else _normalise(head)
    elif parent and parent != FALLBACK:
        dist = _mix((PARENT_SHARE, {parent: 1.0}), (1 - PARENT_SHARE, body_d)) if body_d else {parent: 1.0}
    else:
        dist = body_d
    order = _order()
    return sorted(dist.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99)))


def classify(heading: str, body: str = "", parent: str | None = None) -> tuple[str, float]:
    """(topic, confidence in 0..1) for one section."""
    ranked = rank(heading, body, parent)
    if not ranked:
        return FALLBACK, 0.0
    top, p = ranked[0]
    head = score(heading)
    if not head:
        # no word of the heading names a topic: the guess rests on the parent or the body
        p *= 0.8 if parent else 0.6
    elif max(head.values()) < 2.0:
        p *= 0.8  # one weak, generic word
    return top, round(min(p, 1.0), 3)


def own_body(doc: PlanDocument, s: Section) -> str:
    """The section's own text: after its heading, before its first child."""
    if not doc.text:
        return ""
    end = s.children[0].heading_start if s.children else s.end
    return doc.text[s.heading_end:max(end, s.heading_end)]


# classify()'s answers per document while it lives: assign() runs twice per parse (before and
# after the taggers), and a section whose heading, body and parent are the same gets the same
# answer (classify is a function of them and the taxonomy alone)
_CLASSIFIED: dict[int, dict] = {}


def _classified(doc: PlanDocument) -> dict:
    memo = _CLASSIFIED.get(id(doc))
    if memo is None:
        memo = _CLASSIFIED[id(doc)] = {}
        weakref.finalize(doc, _CLASSIFIED.pop, id(doc), None)  # (before its id can be another's)
    return memo


def _assign_section(doc: PlanDocument, s: Section, parent: str | None, memo: dict) -> None:
    if s.style in CALENDAR_STYLES:
        # "Tháng 9: ...", "QUÝ I": an entry of the schedule, whatever activities it lists
        topic, conf = SCHEDULE, 0.8
    else:
        key = (s.heading, own_body(doc, s), parent, id(taxonomy()))
        found = memo.get(key)
        if found is None:
            found = memo[key] = classify(s.heading, key[1], parent)
        topic, conf = found
    s.topic, s.topic_confidence = topic, conf
    for c in s.children:
        # children inherit only a real work area or a list topic (kiến nghị's "Đối với ...")
        _assign_section(doc, c, topic if topic not in ("nhiem_vu", FALLBACK) else None, memo)
    if len(s.children) >= 2:
        kids = {c.topic for c in s.children if is_work_area(c.topic)}
        head = score(s.heading)
        weak = not head or max(head.values()) < 2.0
        if len(kids) >= 3 and weak:  # a heading that names its subject keeps it
            s.topic, s.topic_confidence = "nhiem_vu", round(min(0.9, 0.5 + 0.1 * len(kids)), 3)


def _line_at(text: str, start: int, end: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a:b if b >= 0 else len(text)]


def deepest_section(doc: PlanDocument, offset: int, flat: list[Section] | None = None) -> Section | None:
    """`flat`: iter_sections(doc.sections) as a list, when the caller asks many times."""
    found = None
    for s in (iter_sections(doc.sections) if flat is None else flat):
        if s.start <= offset < s.end and (found is None or s.level >= found.level):
            found = s
    return found


def _deepest(spans: list[tuple[int, int, int, Section]], offset: int) -> Section | None:
    """deepest_section() over (start, end, level, section) of each section, in iter_sections
    order: read off the models once per document, not once per target (~1 k instructions a
    section and target)."""
    found = None
    found_level = 0
    for a, b, level, s in spans:
        if a <= offset < b and (found is None or level >= found_level):
            found, found_level = s, level
    return found


def target_topic(doc: PlanDocument, start: int, end: int, text: str,
                 flat: list[Section] | None = None) -> str | None:
    return _target_topic(doc, start, end, text, deepest_section(doc, start, flat))


def _target_topic(doc: PlanDocument, start: int, end: int, text: str, s: Section | None) -> str | None:
    sec_topic = s.topic if s else None
    if is_work_area(sec_topic):
        return sec_topic
    line = _line_at(doc.text, start, end) if doc.text else text
    ranked = _normalise(score(line, work_areas_only=True))
    if ranked:
        return _best(ranked)[0]
    return sec_topic


def assign(doc: PlanDocument) -> PlanDocument:
    """Set `topic`/`topic_confidence` on every section and `topic` on every target. Idempotent:
    call it after segmentation and again after the taggers have found targets."""
    memo = _classified(doc)
    for s in doc.sections:
        _assign_section(doc, s, None, memo)
    if doc.targets:
        spans = [(s.start, s.end, s.level, s) for s in iter_sections(doc.sections)]  # walked once, not per target
        for t in doc.targets:
            t.topic = _target_topic(doc, t.start, t.end, t.text, _deepest(spans, t.start))
    return doc
