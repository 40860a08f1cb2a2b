"""Rules over cited documents (doc.legal_refs from the NLP taggers)."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from kehoach import models
from kehoach.parser.checks.engine import Context, Hit, rule
from kehoach.parser.checks.periods import doc_period, find_periods
from kehoach.parser.schema import LegalRef, Mention
from kehoach.parser.text.normalize import fold


def _vn(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)}/{int(m)}/{y}"


def _date(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso and len(iso) == 10 else None
    except ValueError:
        return None


def _date_end(ctx: Context, m: Mention) -> int:
    """End of the mention's own date text when it follows the symbol closely, else the mention's end."""
    if not m.date:
        return m.end
    for d in ctx.doc.dates:
        if d.value == m.date and m.end <= d.start <= m.end + 160:
            return d.end
    return m.end


def _ref_label(ctx: Context, m: Mention) -> str:
    return " ".join(ctx.text[m.start:m.end].split())


_APART_DAYS = 180  # two documents of one number in two years: issued at least half a year apart
_YEAR_IN_SYMBOL = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _numbered_again(symbol: str, dates: list[str]) -> bool:
    """Numbers start again each year: a symbol without its year ("02/CT-TTg") cited with dates in
    different years, months apart, names two documents, one of each year. (The same day and month
    in two years is the one document with its year mistyped; dates a few weeks apart across New
    Year are one document with its date mistyped.)"""
    if _YEAR_IN_SYMBOL.search(symbol):
        return False
    days = [_date(d) for d in dates]
    if any(d is None for d in days) or len({d.year for d in days}) < len(days):
        return False
    if len({(d.month, d.day) for d in days}) < len(days):
        return False
    days.sort()
    return all((b - a).days >= _APART_DAYS for a, b in zip(days, days[1:]))


@rule("reference-date-conflict", "error", "one cited document is given two different dates",
      "một văn bản được dẫn với hai ngày khác nhau")
def reference_date_conflict(ctx: Context):
    for ref in ctx.doc.legal_refs:
        seen = list(dict.fromkeys(d for d in ref.dates_seen if d))
        if len(seen) < 2 or _numbered_again(ref.symbol or "", seen):
            continue
        first = seen[0]
        dated = [m for m in ref.mentions if m.date]
        # report at the first mention that disagrees with the first date given
        at = next((m for m in dated if m.date != first), dated[-1] if dated else None)
        if at is None:
            continue
        label = _ref_label(ctx, at)
        dates = ", ".join(_vn(d) for d in seen)
        yield Hit(at.start, _date_end(ctx, at),
                  f"{label} được dẫn với các ngày khác nhau: {dates}",
                  f"{ref.type or 'document'} {ref.symbol} is cited with different dates: {', '.join(seen)}",
                  {"symbol": ref.symbol, "type": ref.type, "dates": seen,
                   "mentions": [{"start": m.start, "end": m.end, "date": m.date} for m in ref.mentions]})


@rule("reference-after-document", "error", "a cited document is dated after the document itself",
      "văn bản được dẫn có ngày sau ngày ban hành văn bản")
def reference_after_document(ctx: Context):
    own = ctx.doc_date
    if own is None:
        return
    for ref in ctx.doc.legal_refs:
        done: set[str] = set()
        for m in ref.mentions:
            d = _date(m.date)
            if d is None or d <= own or m.date in done:
                continue
            done.add(m.date)
            end = _date_end(ctx, m)
            yield Hit(m.start, end,
                      f"{_ref_label(ctx, m)} ngày {_vn(m.date)} có ngày sau ngày của văn bản ({_vn(ctx.doc.header.date)})",
                      f"{ref.type or 'document'} {ref.symbol} dated {m.date} is cited by a document dated "
                      f"{ctx.doc.header.date}",
                      {"symbol": ref.symbol, "reference_date": m.date, "document_date": ctx.doc.header.date})


@lru_cache(maxsize=1)
def _type_codes() -> dict[str, dict[str, str]]:
    """code -> type name per system; the NLP engineer's table when present, else ours."""
    try:
        codes = models.load("doc_type_codes.yaml")
    except FileNotFoundError:
        codes = models.load("checks_refs.yaml")["type_codes"]
    return {sys: {fold(k): v for k, v in (codes.get(sys) or {}).items()} for sys in ("state", "party")}


@rule("reference-type-mismatch", "error", "the named type disagrees with the type code in the symbol",
      "loại văn bản ghi khác với mã loại trong số/ký hiệu")
def reference_type_mismatch(ctx: Context):
    cfg = models.load("checks_refs.yaml")
    loose = {fold(x) for x in cfg["types_without_code"]}
    equiv = {fold(k): {fold(x) for x in v} for k, v in cfg["equivalent_types"].items()}
    tables = _type_codes()
    for ref in ctx.doc.legal_refs:
        if not ref.type or not ref.type_code or fold(ref.type) in loose:
            continue
        expected = tables.get(ref.system or "state", {}).get(fold(ref.type_code))
        if not expected:
            continue
        named, want = fold(ref.type), fold(expected)
        if named == want or want in equiv.get(named, set()):
            continue
        m = ref.mentions[0] if ref.mentions else None
        if m is None:
            continue
        yield Hit(m.start, m.end,
                  f"{_ref_label(ctx, m)}: gọi là “{ref.type}” nhưng mã “{ref.type_code}” là {expected}",
                  f"{ref.symbol} is called '{ref.type}' but its type code '{ref.type_code}' means {expected}",
                  {"symbol": ref.symbol, "named_type": ref.type, "type_code": ref.type_code, "code_type": expected})


def _prepares(ref: LegalRef) -> bool:
    """A reference about drawing up the period's plan or budget ("về xây dựng Kế hoạch ... và dự
    toán ngân sách nhà nước năm 2020"): such guidance comes out the year before, by design."""
    subject = fold(ref.subject or "")
    return any(p in subject for p in _preparation_words())


@lru_cache(maxsize=1)
def _preparation_words() -> tuple[str, ...]:
    return tuple(fold(x) for x in models.load("checks_refs.yaml")["preparation_subjects"])


def _guided_periods(ref: LegalRef):
    subject = ref.subject or ""
    return list(find_periods(subject))


@rule("stale-reference-date", "warning", "a reference that guides the document's period is dated long before it",
      "văn bản hướng dẫn cho thời kỳ của kế hoạch nhưng có ngày quá sớm")
def stale_reference_date(ctx: Context):
    own = doc_period(ctx.doc.period)
    if own is None:
        return
    kind, y1, y2 = own
    months = int(ctx.option("stale_months", models.load("checks_refs.yaml")["stale_months"]))
    pstart = dt.date(y1, 9 if kind == "school_year" else 1, 1)
    limit_m = pstart.year * 12 + pstart.month - 1 - months
    limit = dt.date(limit_m // 12, limit_m % 12 + 1, 1)
    for ref in ctx.doc.legal_refs:
        seen = [d for d in ref.dates_seen if d]
        if len(set(seen)) != 1:
            continue  # no date, or two dates: reference-date-conflict tells that story
        d = _date(seen[0])
        if d is None or d >= limit:
            continue
        guided = [p for p in _guided_periods(ref) if p.kind == kind and (p.start, p.end) == (y1, y2)]
        if not guided or _prepares(ref):
            continue
        m = next((m for m in ref.mentions if m.date == seen[0]), ref.mentions[0] if ref.mentions else None)
        if m is None:
            continue
        yield Hit(m.start, _date_end(ctx, m),
                  f"{_ref_label(ctx, m)} ngày {_vn(seen[0])} hướng dẫn cho {guided[0].text} nhưng ban hành trước "
                  f"thời kỳ đó hơn {months} tháng (có thể gõ nhầm năm)",
                  f"{ref.symbol} dated {seen[0]} guides {guided[0].label} yet is dated more than {months} months "
                  f"before that period starts (a mistyped year?)",
                  {"symbol": ref.symbol, "reference_date": seen[0], "guides": guided[0].label,
                   "period_start": pstart.isoformat()[:7]})

