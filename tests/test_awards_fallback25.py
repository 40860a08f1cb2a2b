"""The awards tagger's fallback (no section heading names an awards list) takes a short line naming
one as its heading. A bullet stating a count ("Có 25 đoàn viên đăng ký thi đua.") reports or aims:
it heads nothing, and the targets after it must still be found. Invented plan text."""
from __future__ import annotations

from kehoach.parser import parse_bytes
from kehoach.parser.nlp.awards import _COUNTED

PLAN = """CÔNG ĐOÀN TRƯỜNG TIỂU HỌC AN BÌNH
KẾ HOẠCH
Hoạt động công đoàn năm học 2024-2025
I. MỤC TIÊU
- Có 25 đoàn viên đăng ký thi đua.
- Phấn đấu 100% đoàn viên tham gia học tập nghị quyết.
- Phấn đấu 95% đoàn viên đạt danh hiệu lao động tiên tiến.
II. BIỆN PHÁP
- Tổ chức tốt các phong trào thi đua.
"""

HEADED = PLAN.replace("- Có 25 đoàn viên đăng ký thi đua.\n", "").replace(
    "II. BIỆN PHÁP\n", "II. BIỆN PHÁP\nĐăng ký danh hiệu thi đua\n- Tập thể: Lao động xuất sắc.\n")


def test_a_counted_line_heads_no_awards_list():
    doc = parse_bytes(PLAN.encode(), "plan.txt")
    texts = [t.text for t in doc.targets]
    assert any("100% đoàn viên tham gia học tập" in t for t in texts), texts
    assert any("95% đoàn viên đạt danh hiệu" in t for t in texts), texts


def test_a_heading_line_still_opens_the_awards_list():
    doc = parse_bytes(HEADED.encode(), "plan.txt")
    from kehoach.parser.nlp.awards import awards_regions

    regions = awards_regions(doc)
    assert len(regions) == 1
    assert doc.text[regions[0][0]:regions[0][1]].strip().startswith("- Tập thể: Lao động xuất sắc.")


def test_counts_are_told_from_years_dates_and_numbering():
    assert _COUNTED.search("Có 25 đoàn viên đăng ký thi đua.")
    assert _COUNTED.search("100% đoàn viên đăng ký thi đua")
    for heading in ("Đăng ký thi đua năm học 2024-2025", "ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM 2024",
                    "Đăng ký thi đua chào mừng 20/11", "Đăng ký thi đua 1.2", "Đăng ký thi đua lần 2"):
        assert not _COUNTED.search(heading), heading
