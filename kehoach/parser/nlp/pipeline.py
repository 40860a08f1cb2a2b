"""The spaCy pipeline: a blank Vietnamese tokenizer and one registered component per tagger.

Each component reads `doc.text` (`text_of`; and, for context, the PlanDocument in `doc._.plan`), puts its
spans in `doc.spans[<group>]` and the normalized fields, aligned with them, in `doc._.data[<group>]`
(span extensions are keyed by character offsets, so two groups with the same span would collide).
`run` with only our components hands them a bare Doc instead: no tokens, no spans, the text in
`doc._.src` (none of them reads tokens; tokenizing a plan cost ~9 M instructions). Components are
registered by name (`@Language.factory`) and composed by `CONFIG`, so one can be swapped:
`build(["kehoach_dates", "kehoach_refs", "my_targets", ...])`.

Long documents run in bounded pieces (`run`): the text is cut at line breaks into pieces of at
most PIECE_CHARS characters, each piece is one spaCy Doc (so spaCy's max_length, E088, is never
reached) with a view of the plan clipped and shifted to it, and the results are shifted back;
a reference cited in two pieces is merged into one entry. Time and memory stay linear in the
length (some taggers look around each hit, which grows with the text they are given). A plan is
one piece. Texts over MAX_TEXT_CHARS are refused with TooLarge before parsing starts.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kehoach.parser.schema import PlanDocument, Section

from kehoach.parser.nlp import awards as awards_mod
from kehoach.parser.nlp import entities as ent_mod
from kehoach.parser.nlp import refs as refs_mod
from kehoach.parser.nlp import targets as targets_mod
from kehoach.parser.nlp.clauses import quoted_spans
from kehoach.parser.nlp.dates import DateHit, find_dates, resolve_lunar

PIECE_CHARS = 100_000  # a long plan is ~30,000 characters: plans are one piece
MAX_TEXT_CHARS = 2_000_000  # the documented maximum (kehoach.parser refuses longer texts: TooLarge)

CONFIG: list[str] = ["kehoach_dates", "kehoach_refs", "kehoach_awards", "kehoach_targets", "kehoach_entities"]

for _name in ("plan", "date_hits", "data", "src", "quoted", "bare", "tokens"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def text_of(doc: Doc) -> str:
    """The doc's text, computed once: spaCy rebuilds `doc.text` from the tokens on every access."""
    if doc._.src is None:
        doc._.src = doc.text
    return doc._.src


def _bare_doc(nlp: Language, text: str) -> Doc:
    """A Doc without tokens that carries `text` for our components (none of them reads tokens or spans);
    `nlp`'s tokenizer is kept in doc._.bare for the rare item only the tokenized doc can judge."""
    doc = Doc(nlp.vocab)
    doc._.src, doc._.bare = text, nlp.tokenizer
    return doc


def _tokens_of(doc: Doc) -> Doc:
    """The bare doc's text tokenized, once."""
    if doc._.tokens is None:
        doc._.tokens = doc._.bare(text_of(doc))
    return doc._.tokens


def _put(doc: Doc, group: str, label: str, items: Iterable[dict]) -> None:
    """Spans in doc.spans[group]; their fields (exact char offsets: a token span may be wider) in doc._.data.
    A doc that `run` makes bare (no tokens: `_bare_doc`) gets no spans (nothing reads them: ~16,000
    instructions a span): only the items char_span would have placed on the tokenized doc."""
    data: list[dict] = []
    ext = doc._
    label_id = doc.vocab.strings.add(label)  # (what char_span does with the name for each span)
    if ext.bare is not None:
        n = len(text_of(doc))
        for it in items:
            s, e = it["start"], it["end"]
            # in the text and in order, char_span makes a span (the tokens and their trailing spaces
            # tile the text: tests/test_speed_glue24.py); else the tokenized doc's char_span decides
            # (None, or IndexError): made only then, as the tokenizer costs ~9 M instructions a plan
            if (0 <= s < n and 0 < e <= n and s <= e) or \
                    _tokens_of(doc).char_span(s, e, label_id, 0, None, "expand") is not None:
                data.append(it)
    else:
        char_span = doc.char_span
        spans: list[Span] = []
        for it in items:
            # (positional: label, kb_id, vector, alignment_mode; keywords cost a parse per call)
            sp = char_span(it["start"], it["end"], label_id, 0, None, "expand")
            if sp is not None:
                spans.append(sp)
                data.append(it)
        doc.spans[group] = spans
    if ext.data is None:
        ext.data = {}
    ext.data[group] = data


def group_data(doc: Doc, group: str) -> list[dict]:
    return list((doc._.data or {}).get(group, []))


@Language.factory("kehoach_dates")
def make_dates(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        hits = find_dates(text_of(doc))
        plan = doc._.plan
        if plan is not None:  # a lunar date without its year takes the plan's
            period = (plan.period.start, plan.period.end) if plan.period else None
            resolve_lunar(hits, period, plan.header.date if plan.header else None)
        doc._.date_hits = hits
        _put(doc, "dates", "DATE", ({"start": h.start, "end": h.end, "text": h.text, "value": h.value,
                                      "end_value": h.end_value, "kind": h.kind, "valid": h.valid, "lunar": h.lunar,
                                      "solar": h.solar, "solar_year_inferred": h.solar_year_inferred}
                                     for h in hits))
        return doc
    return component


@Language.factory("kehoach_refs")
def make_refs(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        hits: list[DateHit] = doc._.date_hits if doc._.date_hits is not None else find_dates(text_of(doc))
        mentions = refs_mod.find_mentions(text_of(doc), hits)
        refs = refs_mod.merge(mentions)
        _put(doc, "legal_refs", "REF", refs)
        return doc
    return component


def _excluded(doc: Doc) -> list[tuple[int, int]]:
    """The quoted spans of the text, found once for the awards and the targets (a fresh list each)."""
    if doc._.quoted is None:
        doc._.quoted = quoted_spans(text_of(doc))
    return list(doc._.quoted)


@Language.factory("kehoach_awards")
def make_awards(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        plan = doc._.plan
        if plan is None:
            _put(doc, "awards", "AWARD", [])
            return doc
        regions = awards_mod.awards_regions(plan)
        _put(doc, "awards_regions", "AWARDS_SECTION", ({"start": s, "end": e} for s, e in regions))
        _put(doc, "awards", "AWARD", awards_mod.find_awards(plan, regions, _excluded(doc)))
        return doc
    return component


@Language.factory("kehoach_targets")
def make_targets(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        plan = doc._.plan
        text = text_of(doc)
        start = plan.body_start if plan is not None else 0
        end = plan.body_end if plan is not None and plan.body_end else len(text)
        excluded = _excluded(doc) + [(d["start"], d["end"]) for d in group_data(doc, "awards_regions")]
        excluded += [(d["start"], d["end"]) for d in group_data(doc, "legal_refs")]
        items = list(targets_mod.find_targets(text, start, end, excluded, doc._.date_hits or []))
        for t in items:
            t["subject"] = targets_mod.subject(text, t)
        _put(doc, "targets", "TARGET", items)
        return doc
    return component


@Language.factory("kehoach_entities")
def make_entities(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        orgs = ent_mod.find_orgs(text_of(doc))
        places = ent_mod.find_places(text_of(doc), orgs)
        ents = orgs + places
        plan = doc._.plan
        sig = plan.signature if plan is not None else None
        if sig is not None and sig.name and text_of(doc):
            i = text_of(doc).rfind(sig.name)
            if i >= 0:
                ents.append({"start": i, "end": i + len(sig.name), "label": "PER", "text": sig.name,
                             "normalized": sig.name})
        _put(doc, "entities", "ENT", ents)
        _put(doc, "abbreviations", "ABBR", ent_mod.find_abbreviations(text_of(doc)))
        return doc
    return component


_FACTORIES = frozenset(CONFIG)  # the factories registered here (the components' names)


def build(components: list[str] | None = None) -> Language:
    """A blank Vietnamese pipeline with the given components (default CONFIG). Its tokenizer splits on
    whitespace in Cython (4x faster than the Python one of spacy.lang.vi without pyvi): the taggers
    work on characters and only need tokens to hang their spans on."""
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = Tokenizer(nlp.vocab)
    for c in components or CONFIG:
        nlp.add_pipe(c)
    return nlp


@lru_cache(maxsize=1)
def get() -> Language:
    """The default pipeline, built once per process."""
    return build()


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of at most `size` characters, cut after a line break
    (else after a space) in the second half of the window."""
    out: list[tuple[int, int]] = []
    a, n = 0, len(text)
    while n - a > size:
        cut = text.rfind("\n", a + size // 2, a + size)
        if cut < 0:
            cut = text.rfind(" ", a + size // 2, a + size)
        b = cut + 1 if cut >= 0 else a + size
        out.append((a, b))
        a = b
    out.append((a, n))
    return out


def _clip_sections(sections: list[Section], a: int, b: int) -> list[Section]:
    out = []
    for s in sections:
        if s.end <= a or s.start >= b:
            continue
        out.append(s.model_copy(update={
            "start": max(s.start, a) - a, "end": min(s.end, b) - a,
            "heading_start": min(max(s.heading_start, a), b) - a, "heading_end": min(max(s.heading_end, a), b) - a,
            "children": _clip_sections(s.children, a, b)}))
    return out


def _piece_plan(plan: PlanDocument, a: int, b: int, last: bool) -> PlanDocument:
    """The plan as a piece's components see it: its text, sections and body bounds shifted to the piece."""
    n = b - a
    body_start = min(max(plan.body_start - a, 0), n)
    body_end = None if plan.body_end is None else min(max(plan.body_end - a, 0), n)
    if body_end is not None and body_end <= 0:  # the piece lies in the closing block: no body in it
        body_start = body_end = n
    return plan.model_copy(update={
        "text": plan.text[a:b], "sections": _clip_sections(plan.sections, a, b), "body_start": body_start,
        "body_end": body_end, "signature": plan.signature if last else None, "blocks": []})


def _shift(item: dict, a: int) -> dict:
    if not a:
        return item
    out = dict(item, start=item["start"] + a, end=item["end"] + a)
    if "mentions" in out:
        out["mentions"] = [dict(m, start=m["start"] + a, end=m["end"] + a) for m in out["mentions"]]
    return out


def _merge_refs(refs: list[dict]) -> list[dict]:
    """One entry per reference across pieces (refs.merge did it within each piece)."""
    by_key: dict[str, dict] = {}
    for r in refs:
        key = r.get("_key") or f"{r.get('number')}|{r.get('symbol')}"
        m = by_key.get(key)
        if m is None:
            by_key[key] = dict(r, mentions=list(r["mentions"]), dates_seen=list(r["dates_seen"]))
            continue
        m["mentions"].extend(r["mentions"])
        m["dates_seen"].extend(d for d in r["dates_seen"] if d not in m["dates_seen"])
        m["date"] = m["date"] or r["date"]
        if r["issuer"] and (m["issuer"] is None or len(r["issuer"]) > len(m["issuer"])):
            m["issuer"] = r["issuer"]
        m["subject"] = m["subject"] or r["subject"]
    return list(by_key.values())


def run(plan: PlanDocument, nlp: Language | None = None) -> dict[str, list[dict]]:
    """Every component over the plan's text, piece by piece: group name -> items (offsets into plan.text)."""
    nlp = nlp or get()
    text = plan.text or ""
    spans = pieces(text)
    # only our components: none reads tokens or doc.spans (they pass their results in doc._), so the
    # text is not tokenized and no spans are made; with any other component, the doc is spaCy's own
    bare = all(nlp.get_pipe_meta(name).factory in _FACTORIES for name in nlp.pipe_names)
    out: dict[str, list[dict]] = {}
    for k, (a, b) in enumerate(spans):
        sub = plan if len(spans) == 1 else _piece_plan(plan, a, b, last=k == len(spans) - 1)
        if bare:
            sdoc = _bare_doc(nlp, text[a:b])
        else:
            sdoc = nlp.make_doc(text[a:b])
            sdoc._.src = text[a:b]
        sdoc._.plan = sub
        for _, proc in nlp.pipeline:
            sdoc = proc(sdoc)
        for group, items in (sdoc._.data or {}).items():
            out.setdefault(group, []).extend(_shift(d, a) for d in items)
        del sdoc
    if len(spans) > 1 and "legal_refs" in out:
        out["legal_refs"] = _merge_refs(out["legal_refs"])
    return out
