"""A date whose month word is mistyped with a hook ("thảng"), as in a real regulation (helper real26)."""
from __future__ import annotations

from kehoach.parser.nlp.dates import find_dates


def test_month_word_with_a_hook():
    hits = find_dates("ban hành ngày 07 thảng 3 năm 2019 của Bộ trưởng")
    assert [(h.kind, h.value) for h in hits] == [("date", "2019-03-07")]


def test_the_hooked_word_needs_the_month_number():
    # "thảng" elsewhere ("thảng thốt") is no month word: only the year is read
    hits = find_dates("ngày thảng thốt năm 2019")
    assert [(h.kind, h.value) for h in hits] == [("year", "2019")]
