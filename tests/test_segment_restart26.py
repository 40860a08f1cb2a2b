"""A list under "3.2." that the page numbers from 1 again ("3.2.1." written "1."), as a real congress
proposal lays out its seat allocation (corpora/real r26-hsv-ute-da-bch-2025), in invented wording.
Before, its "1." and "2." were dropped (the outer list cannot go back to 1) and its "3." was taken
as a second item 3 of the outer list: a wrong tree and a false numbering-duplicate warning."""
from pathlib import Path

from kehoach.parser import parse

HEAD = ["KẾ HOẠCH", "Tổ chức đại hội công đoàn năm 2025", "I. MỤC ĐÍCH", "1. Mục đích chung", "Nội dung.",
        "2. Yêu cầu", "Nội dung.", "3. Số lượng, cơ cấu", "3.1. Số lượng: 25 đồng chí.", "3.2. Cơ cấu",
        "* Trong đó, phân bổ số lượng như sau:"]


def _tree(sections, depth=0):
    out = []
    for s in sections:
        out.append(("  " * depth) + s.number)
        out += _tree(s.children, depth + 1)
    return out


def _parse(tmp_path: Path, lines: list[str]):
    p = tmp_path / "plan.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return parse(p)


def test_restarted_list_nests_under_the_open_subsection(tmp_path: Path):
    items = []
    for n, name in enumerate(["Tổ Toán", "Tổ Văn", "Tổ Anh", "Tổ Sử"], 1):
        items += [f"{n}.", name, ": 01 đồng chí."]
    doc = _parse(tmp_path, HEAD + items + ["II. TỔ CHỨC THỰC HIỆN", "Nội dung."])
    assert _tree(doc.sections) == ["I.", "  1.", "  2.", "  3.", "    3.1.", "    3.2.",
                                   "      1.", "      2.", "      3.", "      4.", "II."]
    assert [f.code for f in doc.findings if f.code.startswith("numbering")] == []


def test_outer_list_going_on_after_the_subsections_is_not_nested(tmp_path: Path):
    doc = _parse(tmp_path, HEAD + ["4. Thời gian", "Nội dung.", "II. TỔ CHỨC THỰC HIỆN", "Nội dung."])
    assert _tree(doc.sections) == ["I.", "  1.", "  2.", "  3.", "    3.1.", "    3.2.", "  4.", "II."]


def test_a_real_repeat_of_the_outer_number_is_still_reported(tmp_path: Path):
    doc = _parse(tmp_path, HEAD + ["3. Thời gian", "Nội dung.", "II. TỔ CHỨC THỰC HIỆN", "Nội dung."])
    assert "numbering-duplicate" in [f.code for f in doc.findings]
