"""Vietnamese NLP taggers (spaCy components): legal references, dates, targets, awards, entities.

`annotate(doc)` fills `doc.legal_refs`, `doc.dates`, `doc.targets`, `doc.awards`,
`doc.entities` and `doc.abbreviations` from `doc.text` (offsets into it), using the section
tree and frame already on `doc`. The spaCy pipeline is built once per process
(`kehoach.parser.nlp.pipeline.get()`); its components are listed in `pipeline.CONFIG`.
"""
from __future__ import annotations

from kehoach.parser.schema import (Abbreviation, Award, DateMention, Entity, LegalRef, Mention, PlanDocument,
                                   Target)


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if not k.startswith("_")}


def annotate(doc: PlanDocument) -> PlanDocument:
    from kehoach.parser.nlp import pipeline

    text = doc.text or ""
    if not text:
        return doc
    groups = pipeline.run(doc)  # in bounded pieces when the text is long
    data = lambda group: [_clean(d) for d in groups.get(group, [])]  # noqa: E731
    doc.dates = [DateMention(**d) for d in data("dates")]
    from kehoach.parser.nlp.refs import drop_self

    refs = []
    for r in drop_self(data("legal_refs"), text, doc.header.number, doc.body_start):
        r["mentions"] = [Mention(**m) for m in r["mentions"]]
        refs.append(LegalRef(**r))
    doc.legal_refs = refs
    doc.targets = [Target(**t) for t in data("targets")]
    doc.awards = [Award(**a) for a in data("awards")]
    doc.entities = [Entity(**e) for e in data("entities")]
    doc.abbreviations = [Abbreviation(**a) for a in data("abbreviations")]
    return doc
