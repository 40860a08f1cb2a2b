"""The spaCy pipeline: a blank Vietnamese tokenizer and one registered component per tagger.

Each component reads `doc.text` (and, for context, the PlanDocument in `doc._.plan`), puts its
spans in `doc.spans[<group>]` and the normalized fields, aligned with them, in `doc._.data[<group>]`
(span extensions are keyed by character offsets, so two groups with the same span would collide). Components are
registered by name (`@Language.factory`) and composed by `CONFIG`, so one can be swapped:
`build(["kehoach_dates", "kehoach_refs", "my_targets", ...])`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kehoach.parser.nlp import awards as awards_mod
from kehoach.parser.nlp import entities as ent_mod
from kehoach.parser.nlp import refs as refs_mod
from kehoach.parser.nlp import targets as targets_mod
from kehoach.parser.nlp.clauses import quoted_spans
from kehoach.parser.nlp.dates import DateHit, find_dates, resolve_lunar

CONFIG: list[str] = ["kehoach_dates", "kehoach_refs", "kehoach_awards", "kehoach_targets", "kehoach_entities"]

for _name in ("plan", "date_hits", "data", "src"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def text_of(doc: Doc) -> str:
    """The doc's text, computed once: spaCy rebuilds `doc.text` from the tokens on every access."""
    if doc._.src is None:
        doc._.src = doc.text
    return doc._.src


def _put(doc: Doc, group: str, label: str, items: Iterable[dict]) -> None:
    """Spans in doc.spans[group]; their fields (exact char offsets: a token span may be wider) in doc._.data."""
    spans: list[Span] = []
    data: list[dict] = []
    for it in items:
        sp = doc.char_span(it["start"], it["end"], label=label, alignment_mode="expand")
        if sp is not None:
            spans.append(sp)
            data.append(it)
    doc.spans[group] = spans
    if doc._.data is None:
        doc._.data = {}
    doc._.data[group] = data


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
    return quoted_spans(text_of(doc))


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
