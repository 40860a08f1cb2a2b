"""Targets and awards on plans written for the test (issue 3)."""
from __future__ import annotations

from kehoach.parser import parse_bytes

PLAN = """CÔNG ĐOÀN TRƯỜNG THCS PHÚ ĐA          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 07/KH-CĐ                        Phú Đa, ngày 05 tháng 10 năm 2023

KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN
NĂM HỌC 2023-2024
1. Nhiệm vụ
- Tỷ lệ đoàn viên đạt danh hiệu Lao động tiên tiến trên 95,8%.
- Phấn đấu kết nạp từ 2 đến 3 đảng viên, 100% đoàn viên nữ tham gia phong trào “Giỏi việc trường - Đảm việc nhà”.
- Tham gia Chương trình “01 triệu sáng kiến” và kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam.
- Tiếp tục thực hiện nhiệm vụ năm học 2023 - 2024, 10 nhóm chỉ tiêu của Đại hội.
- Tặng quà 4 600 000 đồng cho đoàn viên khó khăn.
- Làm tốt công tác thi đua khen thưởng, gửi hồ sơ đề nghị khen thưởng đúng hạn.
2. Đăng ký danh hiệu thi đua
Danh hiệu công đoàn: Công đoàn cơ sở vững mạnh xuất sắc
Cá nhân:
+ Chiến sĩ thi đua cơ sở: 02 đồng chí
+ Lao động tiên tiến: 100% đoàn viên
Trên đây là Kế hoạch hoạt động công đoàn năm học 2023-2024./.
"""


def doc():
    return parse_bytes(PLAN.encode(), "plan.txt", checks=False)


def test_targets_values_and_non_targets():
    d = doc()
    texts = [t.text for t in d.targets]
    assert len(texts) == 3, texts
    t = d.targets[0]
    assert (t.value, t.comparator, t.unit) == (95.8, ">", "%")
    t = d.targets[1]
    assert t.text == "Phấn đấu kết nạp từ 2 đến 3 đảng viên"
    assert (t.min, t.max, t.comparator, t.unit, t.subject) == (2, 3, "range", "người", "đảng viên")
    t = d.targets[2]
    assert t.text.startswith("100% đoàn viên nữ") and t.value == 100 and t.subject == "đoàn viên nữ"
    for t in d.targets:
        assert d.text[t.start:t.end] == t.text


def test_awards_section_and_phrases():
    d = doc()
    texts = [a.text for a in d.awards]
    assert texts[-3:] == ["Danh hiệu công đoàn: Công đoàn cơ sở vững mạnh xuất sắc",
                          "Chiến sĩ thi đua cơ sở: 02 đồng chí", "Lao động tiên tiến: 100% đoàn viên"]
    # the phrase in the body is an award, the generic "thi đua khen thưởng" line is not
    assert any("Lao động tiên tiến trên 95,8%" in x for x in texts[:-3])
    assert not any("hồ sơ" in x or "khen thưởng" in x for x in texts)
    a = d.awards[-2]
    assert (a.title, a.count, a.recipient_kind) == ("Chiến sĩ thi đua cơ sở", 2, "individual")
    a = d.awards[-3]
    assert a.recipient_kind == "collective" and a.title == "Công đoàn cơ sở vững mạnh xuất sắc"


MORE = """KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN
NĂM HỌC 2024-2025
1. Chỉ tiêu
- Phấn đấu 95% trở lên đoàn viên đạt danh hiệu gia đình văn hóa.
- Tỷ lệ giáo viên dạy giỏi cấp trường đạt 98%.
- Mỗi tổ công đoàn tổ chức ít nhất 01 lần sinh hoạt chuyên đề/học kỳ.
- Kết nạp 02 đoàn viên mới.
- Tổng số đoàn viên: 45, nữ 38.
- Đề nghị LĐLĐ huyện tặng Giấy khen cho 02 tập thể.
2. Tổ chức thực hiện
Giao BCH triển khai.
"""


def test_comparators_counts_and_rate_subjects():
    d = parse_bytes(MORE.encode(), "more.txt", checks=False)
    got = {t.text: t for t in d.targets}
    assert len(got) == 4, list(got)  # "Tổng số đoàn viên: 45" is a count, not a commitment
    t = got["Phấn đấu 95% trở lên đoàn viên đạt danh hiệu gia đình văn hóa"]
    assert (t.value, t.comparator, t.subject) == (95, ">=", "đoàn viên")
    assert got["Tỷ lệ giáo viên dạy giỏi cấp trường đạt 98%"].subject == "giáo viên"
    t = got["Mỗi tổ công đoàn tổ chức ít nhất 01 lần sinh hoạt chuyên đề/học kỳ"]
    assert (t.value, t.unit, t.comparator) == (1, "lần", ">=") and "tổ" in t.subject
    t = got["Kết nạp 02 đoàn viên mới"]
    assert (t.value, t.unit, t.subject) == (2, "người", "đoàn viên")
    (a,) = d.awards
    assert (a.title, a.grantor, a.count) == ("Giấy khen", "LĐLĐ huyện", 2)


def test_award_grantor_before_the_title_and_the_counted_recipient():
    text = ("KẾ HOẠCH\nHoạt động công đoàn năm 2024\nI. KHEN THƯỞNG\n"
            "- Công đoàn ngành giáo dục tặng Giấy khen: 03 đoàn viên.\n"
            "- Đề nghị LĐLĐ tỉnh tặng Bằng khen cho 01 tập thể và 02 cá nhân.\n")
    d = parse_bytes(text.encode("utf-8"), "k.txt", checks=False)
    got = [(a.title, a.grantor, a.recipient_kind, a.count) for a in d.awards]
    assert got == [("Giấy khen", "Công đoàn ngành giáo dục", "individual", 3.0),
                   ("Bằng khen", "LĐLĐ tỉnh", "collective", 1.0)]
