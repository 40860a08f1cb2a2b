"""Issue 13: lunar dates get their solar date by the Vietnamese lunar calendar (UTC+7), keeping
the lunar text, the flag, and `value` null (calendar checks skip them)."""
from __future__ import annotations

import pytest

from kehoach.parser import parse
from kehoach.parser.nlp import lunar
from kehoach.parser.nlp.dates import find_dates, resolve_lunar
from kehoach.parser.schema import DateMention

# Tết (1/1 âm lịch) and Trung thu (15/8 âm lịch), 2010-2030, computed with Hồ Ngọc Đức's published
# algorithm at UTC+7, written out here independently of the library under test (and checked
# against the published Vietnamese calendars for the years we remember).
TET = {
    2010: "2010-02-14", 2011: "2011-02-03", 2012: "2012-01-23", 2013: "2013-02-10", 2014: "2014-01-31",
    2015: "2015-02-19", 2016: "2016-02-08", 2017: "2017-01-28", 2018: "2018-02-16", 2019: "2019-02-05",
    2020: "2020-01-25", 2021: "2021-02-12", 2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10",
    2025: "2025-01-29", 2026: "2026-02-17", 2027: "2027-02-06", 2028: "2028-01-26", 2029: "2029-02-13",
    2030: "2030-02-02",  # the Chinese calendar (UTC+8) says 2030-02-03
    # years where the Chinese calendar differs: a Chinese-calendar library gets these wrong
    1985: "1985-01-21",  # Chinese: 1985-02-20 (another month 11 and leap month)
    2007: "2007-02-17",  # Chinese: 2007-02-18
}
TRUNG_THU = {
    2010: "2010-09-22", 2011: "2011-09-12", 2012: "2012-09-30", 2013: "2013-09-19", 2014: "2014-09-08",
    2015: "2015-09-27", 2016: "2016-09-15", 2017: "2017-10-04", 2018: "2018-09-24", 2019: "2019-09-13",
    2020: "2020-10-01", 2021: "2021-09-21", 2022: "2022-09-10", 2023: "2023-09-29", 2024: "2024-09-17",
    2025: "2025-10-06", 2026: "2026-09-25", 2027: "2027-09-15", 2028: "2028-10-03", 2029: "2029-09-22",
    2030: "2030-09-12",
}


@pytest.mark.parametrize("year", sorted(TET))
def test_tet_by_the_vietnamese_calendar(year):
    assert lunar.to_solar(1, 1, year).isoformat() == TET[year]


@pytest.mark.parametrize("year", sorted(TRUNG_THU))
def test_trung_thu_by_the_vietnamese_calendar(year):
    assert lunar.to_solar(15, 8, year).isoformat() == TRUNG_THU[year]


def test_a_day_the_lunar_month_does_not_have():
    assert lunar.to_solar(30, 12, 2024) is None  # tháng Chạp Giáp Thìn has 29 days (Tết 2025-01-29)
    assert lunar.to_solar(29, 12, 2024).isoformat() == "2025-01-28"


def _one(text, period=None, plan_date=None):
    hits = find_dates(text)
    resolve_lunar(hits, period, plan_date)
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize("text, solar, inferred", [
    ("Rằm tháng Tám năm 2024", "2024-09-17", False),
    ("vui Tết Trung thu năm 2024", "2024-09-17", False),
    ("15/8/2024 (âm lịch)", "2024-09-17", False),
    ("mùng 1 tháng Giêng năm 2025", "2025-01-29", False),
    ("Tết Nguyên đán Ất Tỵ 2025", "2025-01-29", False),
    ("Tết Nguyên đán 2030", "2030-02-02", False),
    ("Tết Giáp Thìn", "2024-02-10", False),  # the can-chi year nearest the plan's
    ("Tết Bính Ngọ", "2026-02-17", False),
    ("15/8 âm lịch", "2024-09-17", True),  # the plan's school year 2024-2025
    ("Giỗ Tổ Hùng Vương ngày 10 tháng 3 âm lịch", "2025-04-07", True),
    ("đón Tết Nguyên đán", "2025-01-29", True),
    ("tặng quà dịp Tết cổ truyền", "2025-01-29", True),
])
def test_lunar_mentions_get_their_solar_date(text, solar, inferred):
    h = _one(text, ("2024-09", "2025-08"), "2024-09-05")
    assert (h.kind, h.lunar, h.value, h.valid) == ("lunar", True, None, True)
    assert (h.solar, h.solar_year_inferred) == (solar, inferred)


def test_without_year_or_plan_there_is_no_solar_date_and_bad_days_are_invalid():
    assert _one("15/8 âm lịch").solar is None
    h = _one("30/12/2024 âm lịch")
    assert (h.lunar, h.valid, h.solar) == (True, False, None)
    # the solar National Day is no lunar date
    assert not any(h.lunar for h in find_dates("ngày 2 tháng 9 năm 2024"))


def test_a_trung_thu_plan_has_a_calendar_date(tmp_path):
    p = tmp_path / "trung-thu.txt"
    p.write_text("CÔNG ĐOÀN GIÁO DỤC THỊ XÃ HƯƠNG THỦY\nCĐCS TRƯỜNG MẦM NON SƠN CA\nSố: 12/KH-CĐCS\n"
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                 "Hương Thủy, ngày 26 tháng 8 năm 2024\n\nKẾ HOẠCH\nTổ chức vui Tết Trung thu cho con đoàn viên\n\n"
                 "I. MỤC ĐÍCH, YÊU CẦU\n1. Tạo sân chơi cho các cháu nhân dịp Rằm tháng Tám.\n"
                 "II. THỜI GIAN, ĐỊA ĐIỂM\n1. Thời gian: 15/8 âm lịch, vào lúc 19 giờ 00.\n", encoding="utf-8")
    doc = parse(p)
    lunar_dates = [d for d in doc.dates if d.lunar]
    assert [(d.text, d.solar) for d in lunar_dates] == [
        ("Tết Trung thu", "2024-09-17"), ("Rằm tháng Tám", "2024-09-17"), ("15/8 âm lịch", "2024-09-17")]
    assert all(d.value is None and d.kind == "lunar" for d in lunar_dates)
    assert "solar" in DateMention.model_json_schema()["properties"]
