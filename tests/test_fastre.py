"""fastre.ci: a letter class that matches what (?i) matches, so a scan can open with it."""
import re

from kehoach.parser.text.fastre import ci


def test_ci_takes_every_case_form():
    assert ci("n") == "[Nn]"
    assert "\u212a" in ci("k")  # Kelvin sign: (?i)k matches it
    assert "\u017f" in ci("s")  # long s


def test_ci_pattern_finds_what_the_ignorecase_one_finds():
    text = "Năm 2024, xnăm 2023; NĂM 2022 _năm 2021 ănăm 2020\nnăm 2019 3năm 2018"
    old = re.compile(r"(?i)(?=n)\bnăm\s+(\d{4})")
    new = re.compile(ci("n") + r"(?<!\w.)(?i:ăm\s+(\d{4}))")
    spans = [(m.span(), m.group(1)) for m in new.finditer(text)]
    assert spans == [(m.span(), m.group(1)) for m in old.finditer(text)]
    assert [g for _, g in spans] == ["2024", "2022", "2019"]


def test_literal_alt_keeps_the_first_name_that_matches():
    from kehoach.parser.text.fastre import literal_alt

    names = ["Ngày Nhà giáo Việt Nam", "Ngày Nhà giáo", "ngày Phụ nữ", "Quốc khánh", "Tết"]
    text = "NGÀY NHÀ GIÁO VIỆT NAM 20/11, ngày nhà giáo 20/11; xNgày Phụ nữ 20/10, Quốc Khánh 2/9, tết 1/1"
    old = re.compile(r"(?i)(?<!\w)(?P<name>" + "|".join(map(re.escape, names)) + r")\s*\d")
    first, rest = literal_alt(names)
    new = re.compile(rf"(?P<name>{first}(?<!\w.){rest})\s*\d")
    found = [m.group("name") for m in new.finditer(text)]
    assert found == [m.group("name") for m in old.finditer(text)]
    assert found == ["NGÀY NHÀ GIÁO VIỆT NAM", "ngày nhà giáo", "Quốc Khánh", "tết"]
