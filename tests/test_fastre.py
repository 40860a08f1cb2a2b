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
