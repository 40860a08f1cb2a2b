"""Lunar dates to solar ones by the Vietnamese lunar calendar (`lunar_vn`: Hồ Ngọc Đức's algorithm
at UTC+7). The Chinese calendar (UTC+8) puts some new moons on another day: Tết 1985, 2007 and
2030 fall on other dates there, so a Chinese-calendar library would be wrong for those years.

`resolve(hit, ...)` fills a lunar DateHit's `solar` (ISO). The lunar year is the one written (digits
or a can-chi name like "Giáp Thìn"); when none is written it is the one that puts the date inside
the plan's period, else the one nearest the plan's date (`solar_year_inferred` is then set).
"""
from __future__ import annotations

import datetime as dt

from lunar_vn import can_chi, convert_lunar_to_solar, solar_to_lunar

from kehoach.parser.text.normalize import fold

VN_TZ = 7.0


def to_solar(day: int, month: int, year: int) -> dt.date | None:
    """The solar date of a lunar (non-leap) date; None when the lunar month has no such day."""
    try:
        d = convert_lunar_to_solar(day, month, year, 0, VN_TZ)
    except ValueError:
        return None
    back = solar_to_lunar(d, VN_TZ)
    if (back.day, back.month) != (day, month):  # day 30 of a 29-day month rolls over
        return None
    return d


def year_of_can_chi(name: str, near: int) -> int:
    """The year called `name` ("Giáp Thìn") nearest to `near` (the cycle is 60 years)."""
    key = fold(name)
    return min((y for y in range(near - 30, near + 31) if fold(can_chi.get_year_can_chi(y)) == key),
               key=lambda y: abs(y - near))


def _month_bounds(ym: str, last: bool) -> dt.date:
    y, m = int(ym[:4]), int(ym[5:7])
    if not last:
        return dt.date(y, m, 1)
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def infer_year(day: int, month: int, period: tuple[str, str] | None, plan_date: str | None) -> int | None:
    """The lunar year for a date written without one: inside the period (YYYY-MM, YYYY-MM), else the
    one whose solar date is nearest the plan's ISO date; None without either."""
    if period:
        lo, hi = _month_bounds(period[0], False), _month_bounds(period[1], True)
        for y in range(lo.year - 1, hi.year + 1):
            d = to_solar(day, month, y)
            if d and lo <= d <= hi:
                return y
    if plan_date and len(plan_date) == 10 and plan_date[:4].isdigit():
        ref = dt.date.fromisoformat(plan_date)
        best = [(abs((d - ref).days), y) for y in (ref.year - 1, ref.year, ref.year + 1)
                if (d := to_solar(day, month, y))]
        return min(best)[1] if best else None
    return None
