"""Targets on invented plans and reports (pass 25): patterns met in real documents (corpora/real), in our own words."""
from __future__ import annotations

from conftest import parse_text, target_texts


def test_a_prize_amount_goes_with_the_award_not_the_targets():
    text = ("KẾ HOẠCH HỘI THI Ý TƯỞNG SÁNG TẠO NĂM HỌC 2031-2032\n"
            "I. NỘI DUNG\n"
            "- Mỗi lớp đăng ký ít nhất 01 ý tưởng dự thi.\n"
            "- 20/3: Trao thưởng (giải nhất 800.000đ/nhóm, Giải nhì: 600.000đ; Giải ba: 400.000đ).\n"
            "- Kinh phí in ấn tài liệu: 700.000đ.\n"
            "II. TỔ CHỨC THỰC HIỆN\n")
    assert target_texts(text) == ["Mỗi lớp đăng ký ít nhất 01 ý tưởng dự thi", "Kinh phí in ấn tài liệu: 700.000đ"]


def test_income_described_is_no_target_but_income_aimed_at_is():
    text = ("BÁO CÁO TÌNH HÌNH ĐỜI SỐNG NGƯỜI LAO ĐỘNG NĂM 2031\n"
            "Người dân sống chủ yếu bằng nghề biển, làm muối. Thu nhập bình quân chừng 38,5 triệu đồng/người/năm.\n"
            "Phấn đấu năm 2032 thu nhập bình quân đạt 45 triệu đồng/người/năm.\n")
    targets = parse_text(text).targets
    assert [(t.text, t.value, t.unit) for t in targets] == [
        ("Phấn đấu năm 2032 thu nhập bình quân đạt 45 triệu đồng/người/năm", 45_000_000, "đồng")]


def test_an_amount_in_millions_or_thousands_is_given_in_dong():
    text = ("KẾ HOẠCH TỔ CHỨC NGÀY HỘI GIA ĐÌNH NĂM 2031\n"
            "- Công đoàn hỗ trợ 2,5 triệu đồng cho mỗi tổ tham gia.\n"
            "- Mỗi phần quà trị giá 300 nghìn đồng.\n"
            "- Tổng kinh phí dự kiến 6.400.000 đồng.\n")
    assert [(t.value, t.unit) for t in parse_text(text).targets] == [(2_500_000, "đồng"), (300_000, "đồng"),
                                                                      (6_400_000, "đồng")]
