"""Vietnamese NLP taggers (spaCy components): legal references, dates, targets, awards, entities.

`annotate(doc)` fills `doc.legal_refs`, `doc.dates`, `doc.targets`, `doc.awards`,
`doc.entities` and `doc.abbreviations` from `doc.text` (offsets into it), using the section
tree and frame already on `doc`. The spaCy pipeline is built once per process
(`kehoach.parser.nlp.pipeline.get()`); its components are listed in `pipeline.CONFIG`.
"""
from __future__ import annotations

from functools import lru_cache

from pydantic import TypeAdapter

from kehoach.parser.schema import (Abbreviation, Award, DateMention, Entity, LegalRef, PlanDocument, Target)


def _clean(d: dict) -> dict:
    """d without its "_" fields (a tagger's own); d itself when it has none (most: no copy).
    (The keys joined in C, each after a NUL, are sought for a NUL and '_' once: not a method
    call per key. A key holding NUL '_' only costs a copy.)"""
    try:
        found = "\0_" in "\0" + "\0".join(d)
    except TypeError:  # a key that is no str: asked one by one, as before
        found = any(k.startswith("_") for k in d)
    if found:
        return {k: v for k, v in d.items() if not k.startswith("_")}
    return d


@lru_cache(maxsize=None)
def _list_of(model: type) -> TypeAdapter:
    return TypeAdapter(list[model])


def _models(model: type, items: list[dict]) -> list:
    """[model(**d) for d in items], validated as one list: the same models (each validated from
    the same dict), without a Python __init__ per item."""
    return _list_of(model).validate_python(items)


def annotate(doc: PlanDocument) -> PlanDocument:
    from kehoach.parser.nlp import pipeline

    text = doc.text or ""
    if not text:
        return doc
    groups = pipeline.run(doc)  # in bounded pieces when the text is long
    data = lambda group: [_clean(d) for d in groups.get(group, [])]  # noqa: E731
    doc.dates = _models(DateMention, data("dates"))
    from kehoach.parser.nlp.refs import drop_self

    # (a reference's mentions are validated as Mention models inside it)
    doc.legal_refs = _models(LegalRef, drop_self(data("legal_refs"), text, doc.header.number, doc.body_start))
    doc.targets = _models(Target, data("targets"))
    doc.awards = _models(Award, data("awards"))
    doc.entities = _models(Entity, data("entities"))
    doc.abbreviations = _models(Abbreviation, data("abbreviations"))
    return doc
