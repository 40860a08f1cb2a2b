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


def test_a_bare_count_under_a_targets_heading_is_aimed_at():
    text = ("KẾ HOẠCH CÔNG TÁC CHUYÊN MÔN NĂM HỌC 2031-2032\n"
            "I. CHỈ TIÊU PHẤN ĐẤU\n"
            "- Giáo viên giỏi cấp trường: 09 đồng chí.\n"
            "II. TÌNH HÌNH ĐỘI NGŨ\n"
            "- Giáo viên giỏi cấp trường năm trước: 07 đồng chí.\n")
    assert [(t.text, t.value, t.unit) for t in parse_text(text).targets] == [
        ("Giáo viên giỏi cấp trường: 09 đồng chí", 9, "người")]


def test_a_days_wage_and_pupils_counted_as_em_are_units():
    text = ("KẾ HOẠCH VẬN ĐỘNG QUỸ XÃ HỘI NĂM 2031\n"
            "- Vận động mỗi đoàn viên đóng góp 01 ngày lương cho quỹ tương trợ.\n"
            "- Trao quà cho 14 em có hoàn cảnh khó khăn.\n")
    assert [(t.text, t.value, t.unit) for t in parse_text(text).targets] == [
        ("Vận động mỗi đoàn viên đóng góp 01 ngày lương cho quỹ tương trợ", 1, "ngày lương"),
        ("Trao quà cho 14 em có hoàn cảnh khó khăn", 14, "người")]


def test_counts_after_more_action_words_who_takes_part_and_aims_met():
    text = ("BÁO CÁO KẾT QUẢ HOẠT ĐỘNG CÔNG ĐOÀN HỌC KỲ I NĂM HỌC 2031-2032\n"
            "- Vận động được 4 học sinh bỏ học trở lại lớp.\n"
            "- Tập huấn cho 35 cán bộ công đoàn bộ phận.\n"
            "- Có 03 sáng kiến được xếp loại B cấp thị xã.\n"
            "- Hội nghị chuyên đề: đối tượng: 28 đoàn viên nữ.\n"
            "- Công đoàn hoàn thành 11/12 chỉ tiêu đề ra.\n"
            "- Trường có 52 cán bộ, giáo viên, nhân viên.\n")
    assert [(t.text, t.value, t.max, t.unit) for t in parse_text(text).targets] == [
        ("Vận động được 4 học sinh bỏ học trở lại lớp", 4, None, "người"),
        ("Tập huấn cho 35 cán bộ công đoàn bộ phận", 35, None, "người"),
        ("Có 03 sáng kiến được xếp loại B cấp thị xã", 3, None, "sáng kiến"),
        ("Hội nghị chuyên đề: đối tượng: 28 đoàn viên nữ", 28, None, "người"),
        ("Công đoàn hoàn thành 11/12 chỉ tiêu đề ra", 11, 12, "chỉ tiêu")]


def test_a_floor_and_a_ceiling_on_two_groups_are_two_targets_not_a_range():
    text = ("KẾ HOẠCH NĂM HỌC 2031-2032\n"
            "- Tỷ lệ học sinh xếp loại khá, giỏi đạt 70% trở lên, học sinh xếp loại yếu dưới 3%.\n"
            "- Mức hỗ trợ tối thiểu là 200.000 đồng, tối đa là 600.000 đồng.\n")
    got = [(t.value, t.min, t.max, t.unit, t.comparator) for t in parse_text(text).targets]
    assert got == [(70, None, None, "%", ">="), (3, None, None, "%", "<"), (None, 200_000, 600_000, "đồng", "range")]


def test_a_clause_that_reports_a_result_beside_one_on_the_staff_make_up():
    text = ("BÁO CÁO CÔNG TÁC PHÁT TRIỂN ĐOÀN VIÊN NĂM 2031\n"
            "- Kết nạp 04 đoàn viên mới, nâng tổng số đoàn viên lên 61 đồng chí.\n"
            "- Tổng số đoàn viên 61 đồng chí, nữ 50 đồng chí, tham gia bảo hiểm 61 đồng chí.\n"
            "- Tổng số 40 đồng chí, trong đó đạt chuẩn 100%.\n")
    assert [(t.text, t.value, t.unit) for t in parse_text(text).targets] == [
        ("Kết nạp 04 đoàn viên mới, nâng tổng số đoàn viên lên 61 đồng chí", 4, "người")]


def test_a_sum_of_money_is_no_head_count():
    text = ("BÁO CÁO CÔNG TÁC CHĂM LO ĐỜI SỐNG NĂM 2031\n"
            "- Công đoàn đã thăm hỏi 9 lượt đoàn viên ốm đau với tổng số tiền 2.700.000 đồng.\n")
    assert [(t.value, t.unit) for t in parse_text(text).targets] == [(9, "lượt")]


def test_a_line_opening_inside_a_parenthesis_left_open_on_the_line_before():
    text = ("KẾ HOẠCH HỘI THI KHOA HỌC KỸ THUẬT NĂM HỌC 2031-2032\n"
            "IV. PHÂN CÔNG\n"
            "1. Phó Hiệu trưởng – Theo dõi tiến độ, chỉ tiêu (mỗi lớp\n"
            "≥02 sản phẩm), báo cáo kết quả về Ban giám hiệu.\n"
            "2. Tổ trưởng chuyên môn hướng dẫn học sinh.\n")
    assert target_texts(text) == ["chỉ tiêu (mỗi lớp\n≥02 sản phẩm)"]


def test_a_count_in_words_right_after_what_is_done():
    text = ("BÁO CÁO CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN NĂM 2031\n"
            "- Chi bộ đã giới thiệu hai đoàn viên ưu tú cho Đảng ủy xem xét.\n"
            "- Công đoàn tổ chức ba buổi sinh hoạt chuyên đề cho nữ đoàn viên.\n"
            "- Hai đoàn viên nghỉ hưu trong năm; một số đoàn viên chuyển công tác.\n")
    assert [(t.text, t.value, t.unit) for t in parse_text(text).targets] == [
        ("Chi bộ đã giới thiệu hai đoàn viên ưu tú cho Đảng ủy xem xét", 2, "người"),
        ("Công đoàn tổ chức ba buổi sinh hoạt chuyên đề cho nữ đoàn viên", 3, "buổi")]
