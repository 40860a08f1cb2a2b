"""Section segmentation: numbering styles -> section tree."""
from __future__ import annotations

from kehoach.parser.schema import PlanDocument


def apply(doc: PlanDocument) -> PlanDocument:
    return doc
