"""Period expressions in running text ("năm học 2023-2024", "năm 2024") as comparable values."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from kehoach.parser.schema import Period

_DASH = r"[ \t]*[\-–—][ \t]*"
# "năm học 2023-2024", "năm 2023 - 2024" (a school year written without "học"), "năm 2024"
PERIOD_RE = re.compile(
    rf"(?i)(?<![^\W\d_])năm(?P<hoc>[ \t]+học)?[ \t]*(?P<y1>\d{{4}})(?:{_DASH}(?P<y2>\d{{4}}))?(?![\d/])"
)


# "tháng 10/2024", "tháng 3 năm 2026", "THÁNG 9 - 2024", "tháng 9" (a monthly plan names its month);
# not the month of a date ("ngày 5 tháng 3 năm 2026")
MONTH_RE = re.compile(
    r"(?i)(?<![^\W\d_])tháng[ \t]*(?P<m>\d{1,2})(?:[ \t]*(?:/|năm|[\-–])[ \t]*(?P<y>\d{4}))?(?![\d/])")
_DATE_BEFORE = re.compile(r"(?i)ngày[ \t]*\d{1,2}[ \t,]*$")


@dataclass(frozen=True)
class PeriodValue:
    kind: str  # school_year | year | month
    start: int  # first calendar year (a month without its year: 0)
    end: int  # last calendar year
    span: tuple[int, int]
    text: str
    month: int = 0  # kind month: 1-12

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"tháng {self.month}" + (f"/{self.start}" if self.start else "")
        return f"năm học {self.start}-{self.end}" if self.kind == "school_year" else f"năm {self.start}"


def find_periods(text: str, start: int = 0, end: Optional[int] = None, months: bool = False) -> Iterator[PeriodValue]:
    """Periods named in text[start:end], in order; `months`: months too (a month's own "năm
    YYYY" is part of it, not a year of its own)."""
    end = len(text) if end is None else end
    if not months:
        yield from _years(text, start, end)
        return
    found = []
    for m in MONTH_RE.finditer(text, start, end):
        mo = int(m.group("m"))
        if 1 <= mo <= 12 and not _DATE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            y = int(m.group("y")) if m.group("y") else 0
            found.append(PeriodValue("month", y, y, (m.start(), m.end()), m.group(0), mo))
    for p in _years(text, start, end):
        if not any(q.span[0] <= p.span[0] < q.span[1] for q in found):
            found.append(p)
    yield from sorted(found, key=lambda p: p.span[0])


_MONTH_BEFORE = re.compile(r"(?i)tháng[ \t]*\d{1,2}[ \t]*$")


def _years(text: str, start: int, end: int) -> Iterator[PeriodValue]:
    for m in PERIOD_RE.finditer(text, start, end):
        if _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "ngày 5 tháng 9 năm 2022": the year of a date (or of a month) is no period of its own
        y1 = int(m.group("y1"))
        y2 = int(m.group("y2")) if m.group("y2") else None
        if y2 is not None:
            if y2 != y1 + 1:
                continue  # "năm 2021 - 2025": a multi-year span, not a plan period
            yield PeriodValue("school_year", y1, y2, (m.start(), m.end()), m.group(0))
        elif m.group("hoc"):
            continue  # "năm học 2024" alone is ambiguous
        else:
            yield PeriodValue("year", y1, y1, (m.start(), m.end()), m.group(0))


def doc_period(period: Period | None) -> Optional[tuple[str, int, int]]:
    """(kind, first year, last year) of the document's own period, for the kinds we compare."""
    if period is None or period.kind not in ("school_year", "year"):
        return None
    try:
        return period.kind, int(period.start[:4]), int(period.end[:4])
    except ValueError:
        return None


def disagrees(own: tuple[str, int, int], named: PeriodValue) -> bool:
    """A named period that cannot be the document's own."""
    kind, y1, y2 = own
    if named.kind == kind == "year" and y2 > y1:
        # a plan "đến năm 2023" written in 2021 runs over several years: each of them is its own
        return not (y1 <= named.start <= y2)
    if named.kind == kind:
        return (named.start, named.end) != (y1, y2)
    if named.kind == "year":  # "năm 2025" inside school year 2024-2025 may well be its own
        return not (y1 <= named.start <= y2)
    return not (named.start <= y1 <= named.end)  # school year named in a calendar-year plan


def month_range(period: Period | None) -> Optional[tuple[int, int]]:
    """The document's own period as months (year * 12 + month - 1), first and last, for the kinds
    a named month can be compared with."""
    if period is None or period.kind not in ("school_year", "year", "month", "quarter", "half_year", "term"):
        return None
    try:
        a, b = period.start, period.end
        return int(a[:4]) * 12 + int(a[5:7]) - 1, int(b[:4]) * 12 + int(b[5:7]) - 1
    except (ValueError, TypeError, IndexError):
        return None


def disagrees_months(own: tuple[int, int], named: PeriodValue) -> bool:
    """A named period that cannot be the document's own, at the resolution of months."""
    a, b = own
    if named.kind == "month":
        if named.start:
            return not a <= named.start * 12 + named.month - 1 <= b
        return (named.month - 1) not in {m % 12 for m in range(a, b + 1)}  # "tháng 9" without its year
    if named.kind == "year":
        return not a // 12 <= named.start <= b // 12
    sy = named.start * 12 + 8, named.end * 12 + 7  # a school year: September to August
    return not (sy[0] <= a and b <= sy[1])
