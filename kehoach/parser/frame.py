"""Frame: header block, title, document type, period, signature and recipients."""
from __future__ import annotations

from kehoach.parser.schema import PlanDocument


def apply(doc: PlanDocument) -> PlanDocument:
    return doc
