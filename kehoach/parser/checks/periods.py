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


@dataclass(frozen=True)
class PeriodValue:
    kind: str  # school_year | year
    start: int  # first calendar year
    end: int  # last calendar year
    span: tuple[int, int]
    text: str

    @property
    def label(self) -> str:
        return f"năm học {self.start}-{self.end}" if self.kind == "school_year" else f"năm {self.start}"


def find_periods(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[PeriodValue]:
    end = len(text) if end is None else end
    for m in PERIOD_RE.finditer(text, start, end):
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
