"""Consistency checks: rules with stable codes over a parsed PlanDocument. Not built yet: issue 4."""
from __future__ import annotations

from kehoach.parser.schema import Finding, PlanDocument


def run(doc: PlanDocument, config: dict | None = None) -> list[Finding]:
    return []
