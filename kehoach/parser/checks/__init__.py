"""Consistency checks: rules with stable codes over a parsed PlanDocument (a linter for plans).

`run(doc, config)` returns the findings of every enabled rule. `config` is the `[check]`
table of a config file as a dict (select / ignore / severity / options); see config.py.
Rules live in rules_*.py, one small function per code, registered in engine.RULES.
"""
from __future__ import annotations

from kehoach.parser.checks import rules_counts, rules_dates, rules_numbering, rules_period, rules_refs  # noqa: F401  (register)
from kehoach.parser.checks import rules_plan  # noqa: F401  (register)
from kehoach.parser.checks.config import find_config, load_config
from kehoach.parser.checks.engine import RULES, CheckConfig, Rule, run_rules
from kehoach.parser.schema import Finding, PlanDocument

__all__ = ["run", "RULES", "Rule", "CheckConfig", "load_config", "find_config"]


def run(doc: PlanDocument, config: dict | CheckConfig | None = None) -> list[Finding]:
    cfg = config if isinstance(config, CheckConfig) else CheckConfig.from_dict(config)
    findings, failures = run_rules(doc, cfg)
    for f in failures:
        if f not in doc.source.warnings:
            doc.source.warnings.append(f)
    return findings
