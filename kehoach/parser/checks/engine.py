"""The rule engine: a registry of rules by stable code, a per-document context, and findings.

A rule is a function `(ctx) -> Iterable[Hit]` registered with `@rule(code, severity, ...)`.
The engine owns what every finding shares: severity (overridable per code in the config),
line/column from the offsets, the excerpt, the order. Rules stay small and only say what
they saw (span, messages in Vietnamese and English, evidence).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional

from kehoach.parser.schema import Finding, PlanDocument, Severity
from kehoach.parser.text import digits
from kehoach.parser.text.fastre import ci, finditer_at  # noqa: F401  (the rules import it from here)

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass
class Hit:
    """What a rule reports; the engine turns it into a `Finding`."""

    start: int
    end: int
    message: str
    message_en: str
    evidence: dict[str, Any] = field(default_factory=dict)
    severity: Optional[Severity] = None  # None: the rule's default
    excerpt: Optional[str] = None  # None: text[start:end]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str  # one English line, for `--list` and the README table
    summary_vi: str
    func: Callable[["Context"], Iterable[Hit]]


RULES: dict[str, Rule] = {}


def rule(code: str, severity: Severity, summary: str, summary_vi: str = ""):
    """Register a rule under a stable code."""

    def deco(func: Callable[["Context"], Iterable[Hit]]):
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(code, severity, summary, summary_vi or summary, func)
        return func

    return deco


@dataclass
class CheckConfig:
    """Which rules run and how loud. Codes match exactly or by prefix ("reference-")."""

    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # code -> error|warning|info
    options: dict[str, Any] = field(default_factory=dict)  # rule tunables, e.g. stale_months

    @classmethod
    def from_dict(cls, d: dict | None) -> "CheckConfig":
        d = dict(d or {})
        if "check" in d and isinstance(d["check"], dict):  # the whole [tool.kehoach] table
            d = d["check"]
        cfg = cls()
        if d.get("select"):
            cfg.select = _as_list(d["select"])
        if d.get("extend-select") or d.get("extend_select"):
            cfg.select += _as_list(d.get("extend-select") or d.get("extend_select"))
        cfg.ignore = _as_list(d.get("ignore") or [])
        sev = d.get("severity") or {}
        bad = {k: v for k, v in sev.items() if v not in SEVERITIES}
        if bad:
            raise ValueError(f"unknown severity in check config: {bad}")
        cfg.severity = dict(sev)
        opts = d.get("options") or {}
        cfg.options = {k.replace("-", "_"): v for k, v in opts.items()}
        return cfg

    def enabled(self, code: str) -> bool:
        return _matches(code, self.select) and not _matches(code, self.ignore)


def _as_list(v) -> list[str]:
    if isinstance(v, str):
        return [x.strip() for x in v.split(",") if x.strip()]
    return [str(x).strip() for x in v]


def _matches(code: str, patterns: list[str]) -> bool:
    for p in patterns:
        if p.upper() == "ALL" or code == p or (p.endswith("-") and code.startswith(p)) or code.startswith(p + "-"):
            return True
    return False


class Context:
    """One document as the rules see it, with shared, lazily computed helpers."""

    def __init__(self, doc: PlanDocument, config: CheckConfig):
        self.doc = doc
        self.text: str = doc.text or ""
        self.config = config
        self._line_starts: list[int] | None = None
        self._cache: dict[str, Any] = {}

    def option(self, name: str, default):
        return self.config.options.get(name, default)

    def line_col(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            starts = [0]
            i = self.text.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = self.text.find("\n", i + 1)
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def cached(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    @property
    def doc_date(self) -> dt.date | None:
        return self.cached("doc_date", lambda: _iso_date(self.doc.header.date))

    @property
    def body_start(self) -> int:
        return self.doc.body_start or 0

    @property
    def body_end(self) -> int:
        return self.doc.body_end if self.doc.body_end is not None else len(self.text)


def _iso_date(s: str | None) -> dt.date | None:
    if not s or len(s) != 10 or s.startswith("--"):
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        return None


def excerpt_of(text: str, start: int, end: int, limit: int = 200) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def lines_holding(text: str, rx: re.Pattern) -> Iterator[tuple[int, int]]:
    """(start, end) of each line where `rx` (a character, say) is found, end at its newline.
    A pattern whose matches never cross a newline, and whose closing look ahead takes a newline
    as it takes the end of the text, finds the same matches running over these lines only
    (`finditer(text, start, end)`); the lines without that character are never scanned."""
    pos = 0
    while True:
        m = rx.search(text, pos)
        if m is None:
            return
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.start())
        if b == -1:
            b = len(text)
        yield a, b
        pos = b + 1


def lines_at(text: str, starts: list[int], at: re.Pattern) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, once, holding one of `starts` (ascending) where `at` matches;
    end at its newline. The lines where a rule's match can begin, for `finditer(text, start, end)`."""
    done = -1
    for q in starts:
        if q < done or not at.match(text, q):
            continue
        a = text.rfind("\n", 0, q) + 1
        done = text.find("\n", q)
        if done == -1:
            done = len(text)
        yield a, done


def char_positions(text: str, cls: str) -> list[int]:
    """Where the chars of `cls` (a class of plain letters, as fastre.ci gives) stand, ascending:
    str.find per char, several times faster than sre stepping through the class char by char
    (~0.1 ms on a plan) when they are rare."""
    out: list[int] = []
    for c in cls[1:-1]:
        i = text.find(c)
        while i != -1:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


NUMBER = digits.NUMBER  # where a number starts: a digit after a non-digit


def lead_in(text: str, start: int, words: int = 8, stops: tuple[str, ...] = (". ", ";", ":")) -> str:
    """Up to `words` words before `start` on its line, back to a stop: what a short hit is about
    (an excerpt "ngày   tháng 12" says little; "Nam Định, ngày   tháng 12" says which date)."""
    ls = text.rfind("\n", 0, start) + 1
    cut = max(text.rfind(s, ls, start) for s in stops)
    before = text[(cut + 1 if cut >= 0 else ls):start].lstrip(" \t-+•*–").split()
    return " ".join(before[-words:])


def number_starts(ctx: "Context", key: str, text: str) -> list[int]:
    """Where the numbers of `text` start (one scan per text, cached under `key`): the starts of
    every pattern that opens with a number's first digit ("\\d(?<![\\d...]\\d)")."""
    return ctx.cached("numbers:" + key, lambda: digits.number_starts(text))  # (numpy: ~7x fewer instructions)


# ---- case-blind words found with str.find in the lower-cased text
# A regex opening on a class of letters is entered at every char of that class, each char tested
# through the class (~45 instructions a char of the text); str.find in the text lower-cased once
# (the taggers' copy, nlp.clauses.lowered: free after them) finds where a word may start, and the
# rule's own pattern is tried there only. str.lower() and sre's (?i) agree on every char for the
# letters of these words but İ ı ſ, and only İ lowers to more than one char (which would shift
# offsets): a text holding one of them is scanned the old way (tests/test_speed_checks_lower.py).
_ODD_CASE = ("\u0130", "\u0131", "\u017f")


def lowered(ctx: "Context") -> Optional[str]:
    """ctx.text.lower(), same offsets; None when the text holds a char of _ODD_CASE."""
    def make():
        text = ctx.text
        if _ODD_CASE[0] in text or _ODD_CASE[1] in text or _ODD_CASE[2] in text:
            return None
        from kehoach.parser.nlp.clauses import lowered as lower_once

        return lower_once(text)
    return ctx.cached("lowered", make)


def find_all(s: str, sub: str, start: int = 0) -> list[int]:
    """Where `sub` starts in s[start:], ascending (overlaps included)."""
    out: list[int] = []
    i = s.find(sub, start)
    while i != -1:
        out.append(i)
        i = s.find(sub, i + 1)
    return out


def word_places(ctx: "Context", words: Iterable[str], start: int = 0) -> Optional[list[int]]:
    """Ascending places from `start` on where one of `words` (lower case) starts in the lower-cased
    text: where a pattern opening with one of them, (?i), can match (for finditer_at). None when
    the text cannot be searched lower-cased (lowered())."""
    low = lowered(ctx)
    if low is None:
        return None
    return sorted({p for w in words for p in find_all(low, w, start)})


# "từ", "tổng", "tháng", "trên" where no letter stands before them: where the ranges, the totals,
# the months of invalid-date and the closing sentence of period-mismatch can start (each opening
# on a t; each pattern still makes its own look back there)
_T_WORDS = re.compile(ci("t") + r"(?<![^\W\d_].)(?i:(?P<từ>ừ)|(?P<tổng>ổng)|(?P<tháng>háng)|(?P<trên>rên))")


def t_words(ctx: "Context") -> dict[str, list[int]]:
    """Where "từ", "tổng", "tháng" and "trên" start (by those keys), each list ascending."""
    def make():
        out: dict[str, list[int]] = {k: [] for k in _T_WORDS.groupindex}
        low = lowered(ctx)
        if low is not None:  # each word's places in the lower-cased text, the pattern tried there
            text, match = ctx.text, _T_WORDS.match
            for k, at in out.items():
                at += [p for p in find_all(low, k) if match(text, p)]
            return out
        for m in _T_WORDS.finditer(ctx.text):
            out[m.lastgroup].append(m.start())
        return out
    return ctx.cached("t_words", make)


def iter_rules(config: CheckConfig) -> Iterator[Rule]:
    for code in sorted(RULES):
        if config.enabled(code):
            yield RULES[code]


def run_rules(doc: PlanDocument, config: CheckConfig) -> tuple[list[Finding], list[str]]:
    """All enabled rules over one document -> (findings in text order, rule failures)."""
    ctx = Context(doc, config)
    out: list[Finding] = []
    failures: list[str] = []
    if not ctx.text:
        return out, failures
    for r in iter_rules(config):
        try:
            hits = list(r.func(ctx))
        except Exception as e:  # one broken rule must not lose the document or the other rules
            failures.append(f"check {r.code} failed: {type(e).__name__}: {e}")
            continue
        seen: set[tuple[int, int]] = set()
        for h in hits:
            if (h.start, h.end) in seen:
                continue
            seen.add((h.start, h.end))
            line, col = ctx.line_col(h.start)
            sev = config.severity.get(r.code) or h.severity or r.severity
            out.append(Finding(
                code=r.code, severity=sev, message=h.message, message_en=h.message_en,
                excerpt=h.excerpt if h.excerpt is not None else excerpt_of(ctx.text, h.start, h.end),
                start=h.start, end=h.end, line=line, column=col, evidence=h.evidence,
            ))
    out.sort(key=lambda f: (f.start, f.code))
    return out, failures
