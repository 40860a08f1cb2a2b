"""A parse must not recompile regexes. A full parse touches more patterns than re's cache holds
(512 entries, first in first out), so a pattern written inline (`re.match(r"...", s)`) can be
evicted by the time the next document needs it and compiled again: ~0.2 ms a Vietnamese pattern,
three of them a plan before they were compiled once at module level (issue 14)."""
from __future__ import annotations

import re

from conftest import SEEDS
from kehoach.parser import parse
from kehoach.parser.caches import clear


def test_a_second_round_of_documents_compiles_no_pattern(monkeypatch):
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) >= 2
    for f in files:  # first round: models, tables and every pattern a plan needs get built
        parse(f)
    compiled: list[str] = []
    real = re._compiler.compile

    def counting(p, flags=0):
        compiled.append(str(p)[:80])
        return real(p, flags)

    monkeypatch.setattr(re._compiler, "compile", counting)
    for _ in range(2):
        for f in files:
            clear()
            doc = parse(f)
            assert doc.sections and doc.targets  # the whole pipeline ran
    assert compiled == []
