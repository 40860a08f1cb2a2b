"""Vietnamese NLP taggers (spaCy components): legal references, dates, targets, awards, entities.

`annotate(doc)` fills `doc.legal_refs`, `doc.dates`, `doc.targets`, `doc.awards`,
`doc.entities` and `doc.abbreviations` from `doc.text`, using the section tree and frame
already on `doc`. Not built yet: issue 3.
"""
from __future__ import annotations

from kehoach.parser.schema import PlanDocument


def annotate(doc: PlanDocument) -> PlanDocument:
    return doc
