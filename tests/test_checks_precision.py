"""Checks on real-text layouts that made false alarms (issue 11): each case is a plan written for
the test in the shape a real document had, and a true slip beside it that must still be found."""
from __future__ import annotations

from kehoach.parser import parse_bytes

HEAD = "CÔNG ĐOÀN TRƯỜNG TIỂU HỌC AN PHÚ\nKẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN\nNĂM HỌC 2023-2024\n"


def codes(text: str, code: str) -> list[str]:
    d = parse_bytes((HEAD + text).encode(), "plan.txt")
    return [d.text[f.start:f.end] for f in d.findings if f.code == code]


def test_lists_a_web_page_renumbered_are_not_duplicates():
    # the site turned every item into its own list: each reads "1."
    text = ("I. Đặc điểm tình hình\n1. Thuận lợi: đội ngũ đoàn kết.\n1. Khó khăn: cơ sở vật chất thiếu.\n"
            "II. Nhiệm vụ\n1. Tuyên truyền nghị quyết.\n1. Chăm lo đời sống đoàn viên.\n1. Phát triển đoàn viên.\n")
    assert codes(text, "numbering-duplicate") == []


def test_one_repeated_number_is_still_a_duplicate():
    text = ("I. Nhiệm vụ\n1. Tuyên truyền nghị quyết.\n2. Chăm lo đời sống đoàn viên.\n2. Phát triển đoàn viên.\n"
            "3. Kiểm tra tài chính.\nII. Tổ chức thực hiện\n1. Ban chấp hành triển khai.\n2. Các tổ thực hiện.\n")
    assert codes(text, "numbering-duplicate") == ["2. Phát triển đoàn viên."]


def test_latin_f_after_e_is_no_duplicate():
    text = ("1. Các hành vi bị cấm\na) Gây rối trật tự.\nb) Lợi dụng mạng.\nc) Phát tán tin giả.\nd) Đánh bạc.\n"
            "e) Quảng cáo sai.\nf) Thay đổi thông tin trái phép.\n2. Trách nhiệm\na) Báo cáo định kỳ.\n")
    assert codes(text, "numbering-duplicate") == [] and codes(text, "numbering-gap") == []


def test_a_heading_and_its_first_item_with_the_same_number():
    text = ("1. ĐẶC ĐIỂM TÌNH HÌNH\n1. Những thuận lợi: đoàn viên trẻ, nhiệt tình.\n2. Những khó khăn: kinh phí ít.\n"
            "2. NHIỆM VỤ TRỌNG TÂM\n- Chăm lo đời sống đoàn viên.\n")
    assert codes(text, "numbering-duplicate") == []


def test_two_unions_with_similar_names_and_their_own_founding_days():
    text = ("1. Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024) và 73 năm thành lập "
            "Công đoàn Giáo dục Việt Nam (22/7/1951 - 22/7/2024).\n2. Ngày thành lập Công đoàn Giáo dục Việt Nam "
            "22/11 tổ chức gặp mặt.\n")
    assert codes(text, "anniversary-mismatch") == []
    assert codes(text, "observance-date-wrong") == ["Ngày thành lập Công đoàn Giáo dục Việt Nam 22/11"]


def test_an_anniversary_with_its_own_years_and_a_plan_over_several_years():
    text = ("1. Chào mừng kỷ niệm 90 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2019).\n"
            "2. Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2019).\n")
    assert codes(text, "anniversary-mismatch") == ["95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2019"]
    d = parse_bytes(("LIÊN ĐOÀN LAO ĐỘNG TỈNH AN GIANG\nSố: 30/KH-LĐLĐ   An Giang, ngày 10 tháng 9 năm 2021\n"
                     "KẾ HOẠCH\nPHÁT TRIỂN ĐOÀN VIÊN ĐẾN NĂM 2023\nBan Thường vụ xây dựng Kế hoạch phát triển đoàn "
                     "viên từ nay đến hết năm 2023 như sau:\n1. Mục đích\n- Phát triển 500 đoàn viên.\n").encode(), "k.txt")
    assert (d.period.start, d.period.end) == ("2021-09", "2023-12")
    assert [f.code for f in d.findings if f.code == "period-mismatch"] == []


def test_a_list_cut_by_the_end_of_an_excerpt_is_not_counted():
    cut = "A. KẾT QUẢ\nCông đoàn thực hiện 4 chương trình trọng tâm và đạt kết quả sau:\n- Chương trình 1: chăm lo đời sống."
    assert codes(cut, "count-mismatch") == []
    whole = cut + "\n- Chương trình 2: thi đua.\nB. PHƯƠNG HƯỚNG\nTiếp tục thực hiện.\nTrên đây là báo cáo.\n"
    assert codes(whole, "count-mismatch") == ["Công đoàn thực hiện 4 chương trình trọng tâm và đạt kết quả sau:"]


def test_announced_sections_running_off_a_cut_text():
    cut = ("A. KẾT QUẢ THỰC HIỆN 4 CHƯƠNG TRÌNH\nCông đoàn thực hiện 4 chương trình trọng tâm và đạt kết quả sau:\n"
           "1. Chăm lo đời sống đoàn viên\nViệc chăm lo được thực hiện thường xuyên.\n"
           "2. Tuyên truyền, giáo dục\nCông đoàn tổ chức học tập nghị quyết cho đoàn vi")
    assert codes(cut, "count-mismatch") == []


def test_a_numeric_date_with_a_blank_day():
    text = "1. Họp hội đồng sư phạm ngày /5/2024 để bình xét thi đua.\n2. Tổng kết ngày 25/5/2024.\n"
    assert codes(text, "incomplete-date") == ["ngày /5/2024"]


def test_two_lists_with_different_closing_signs_are_not_one():
    # a committee named "1/ 2/ 3/", later a blank form numbered "1) 2) 3)": no repeat, no gap
    text = ("I. Thành lập ban kiểm phiếu\n1/ Đ/c Lê Thu Hà - Trưởng ban.\n2/ Đ/c Trần Minh - Ủy viên.\n"
            "3/ Đ/c Vũ Lan - Ủy viên.\nCác đồng chí trúng cử:\n1)..................\n2)..................\n"
            "3)..................\n4)..................\n"
            "II. Kết quả\n1. Bầu đủ số lượng.\n3. Biên bản lập xong.\n")
    assert codes(text, "numbering-duplicate") == []
    assert codes(text, "numbering-gap") == ["3. Biên bản lập xong."]


def test_a_blank_date_is_shown_with_the_words_that_say_which_date():
    d = parse_bytes((HEAD + "Số: 05/KH-CĐ\nAn Phú, ngày      tháng 9 năm 2023\n1. Nhiệm vụ\n").encode(), "plan.txt")
    (f,) = [f for f in d.findings if f.code == "incomplete-date"]
    assert f.severity == "warning" and f.excerpt == "An Phú, ngày tháng 9 năm 2023"


def test_a_share_its_own_count_does_not_make():
    text = ("1. Đội ngũ\n- Đạt chuẩn đào tạo: 28/29 - 100%.\n- Trên chuẩn: 20/29 = 69%.\n- Đảng viên 2/3 - 66%.\n"
            "- Tháng 5/2024 đạt 90% kế hoạch.\n- Ngày 3/4 - 50% đoàn viên dự mít tinh.\n")
    assert codes(text, "count-mismatch") == ["28/29 - 100%"]
    d = parse_bytes((HEAD + text).encode(), "plan.txt")
    (f,) = [f for f in d.findings if f.code == "count-mismatch"]
    assert f.excerpt == "Đạt chuẩn đào tạo: 28/29 - 100%" and f.evidence["how"] == "share"


def test_a_monthly_plan_whose_closing_names_last_month():
    head = "CÔNG ĐOÀN TRƯỜNG MẦM NON HOA SEN\nKẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN THÁNG 10/2024\n"
    body = "1. Nhiệm vụ\n- Tổ chức ngày 20/10.\nTrên đây là kế hoạch hoạt động công đoàn tháng {m}/2024 của trường./.\n"
    for m, slip in ((9, True), (10, False)):
        d = parse_bytes((head + body.format(m=m)).encode(), "plan.txt")
        found = [f for f in d.findings if f.code == "period-mismatch"]
        assert bool(found) is slip, (m, [f.message for f in found])
        if slip:
            assert found[0].severity == "error" and "tháng 9/2024" in found[0].message
    # a date in the closing sentence is no period; a month inside the school year is the plan's own
    d = parse_bytes((HEAD + "1. Nhiệm vụ\nTrên đây là kế hoạch ban hành ngày 5 tháng 9 năm 2022, thực hiện từ "
                     "tháng 9/2023 đến tháng 5/2024.\n").encode(), "plan.txt")
    assert [f for f in d.findings if f.code == "period-mismatch"] == []


def test_numbering_slips_in_ocr_text_are_info():
    from kehoach.parser import checks

    text = "I. Mục đích\n1. Một.\nII. Chỉ tiêu\n1. Hai.\nIV. Nội dung\n1. Ba.\n"
    d = parse_bytes((HEAD + text).encode(), "plan.txt")
    assert [(f.code, f.severity) for f in d.findings if f.code == "numbering-gap"] == [("numbering-gap", "warning")]
    d.source.ocr = True  # the same text read off a scan: "III." may have come out as "IV."
    (f,) = [f for f in checks.run(d) if f.code == "numbering-gap"]
    assert f.severity == "info" and "OCR" in f.message
