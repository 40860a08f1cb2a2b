"""Checks and plan periods on layouts met in real documents (the plans here are invented for the
test): each case a miss or a false alarm the real corpus showed, and the slip beside it that must
still be found."""
from __future__ import annotations

from kehoach.parser import parse_bytes

HEAD = "CÔNG ĐOÀN TRƯỜNG TIỂU HỌC AN PHÚ\nKẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN\nNĂM HỌC 2023-2024\n"


def parsed(text: str, head: str = HEAD):
    return parse_bytes((head + text).encode(), "plan.txt")


def hits(text: str, code: str, head: str = HEAD) -> list[str]:
    d = parsed(text, head)
    return [d.text[f.start:f.end] for f in d.findings if f.code == code]


def test_a_list_under_1_1_restarting_at_1_is_no_duplicate():
    text = ("Chương 1.\nĐOÀN VIÊN\n1. Đối tượng kết nạp, bao gồm:\n1.1. Người lao động trong đơn vị.\n"
            "Người làm việc tại các cơ quan sau:\n1. Viên chức đang làm việc trong các trường học.\n"
            "2. Người lao động trong doanh nghiệp.\n")
    assert hits(text, "numbering-duplicate") == []
    slip = "I. Nhiệm vụ\n1. Tuyên truyền.\n2. Chăm lo đời sống.\n2. Phát triển đoàn viên.\n"
    assert hits(slip, "numbering-duplicate") == ["2. Phát triển đoàn viên."]


def test_parts_that_open_at_ii_lack_part_i():
    text = ("Căn cứ tình hình thực tế, nhà trường báo cáo như sau:\nII. KẾT QUẢ THỰC HIỆN\n1. Công tác tuyên truyền.\n"
            "2. Công tác kiểm tra.\nIII. PHƯƠNG HƯỚNG\n1. Tiếp tục tuyên truyền.\n")
    assert hits(text, "numbering-gap") == ["II. KẾT QUẢ THỰC HIỆN"]
    whole = "I. ĐẶC ĐIỂM\n1. Thuận lợi.\nII. KẾT QUẢ THỰC HIỆN\n1. Công tác tuyên truyền.\n"
    assert hits(whole, "numbering-gap") == []


SIGNED = ("TRƯỜNG MẦM NON HOA SEN\nSố:    /QC-MNHS          Bình An, ngày 12 tháng 9 năm 2022\n"
          "QUY CHẾ PHỐI HỢP\nGIỮA NHÀ TRƯỜNG VÀ CÔNG ĐOÀN NĂM HỌC 2022-2023\n")


def test_a_blank_date_in_a_signed_document_is_a_warning():
    # its own date is filled in: it was signed, though its number was left blank
    d = parsed("(Ban hành kèm theo quyết định số    /QĐ-MNHS ngày    tháng    năm 2022)\n"
               "I. QUY ĐỊNH CHUNG\n1. Nhà trường và công đoàn phối hợp.\n", SIGNED)
    (f,) = [f for f in d.findings if f.code == "incomplete-date"]
    assert f.severity == "warning"
    draft = SIGNED.replace("ngày 12 tháng 9", "ngày    tháng 9")
    d = parsed("I. QUY ĐỊNH CHUNG\n1. Nhà trường và công đoàn phối hợp.\n", draft)
    assert [f.severity for f in d.findings if f.code == "incomplete-date"] == ["info"]


def test_a_decision_citing_a_law_by_name_is_a_document():
    # a site's copy: the header's number and place-date, then grounds with no number
    text = ("Độc lập - Tự do - Hạnh phúc\nSố: 25/QĐ-CĐN\nBình An, ngày 03 tháng 02 năm 2021\n"
            "- Căn cứ Luật Công đoàn được Quốc hội thông qua ngày 20 tháng 6 năm 2012;\n"
            "- Căn cứ tình hình thực tế của đơn vị.\n")
    d = parse_bytes(text.encode(), "qd.txt")
    assert d.source.is_plan and not [f for f in d.findings if f.code == "not-a-plan"]
    d = parse_bytes("Số: 25/QĐ-CĐN\nCăn cứ tình hình thực tế.\n".encode(), "x.txt")
    assert not d.source.is_plan


MONTHLY = ("CHI BỘ ẤP BÌNH AN\nSố: 12-BC/CB          Bình An, ngày 05 tháng 6 năm 2025\nBÁO CÁO\n"
           "Kết quả thực hiện Nghị quyết tháng 5\nvà phương hướng, nhiệm vụ tháng 6 năm 2025\n")


def test_a_monthly_report_whose_tasks_part_names_the_month_reported_on():
    body = ("I- Kết quả thực hiện nhiệm vụ tháng 5/2025\n- Chi bộ họp đúng kỳ.\n"
            "II- Một số nhiệm vụ chủ yếu của tháng 5 năm 2025\n- Tiếp tục tuyên truyền.\n")
    assert hits(body, "period-mismatch", MONTHLY) == ["II- Một số nhiệm vụ chủ yếu của tháng 5 năm 2025"]
    right = body.replace("chủ yếu của tháng 5", "chủ yếu của tháng 6")
    assert hits(right, "period-mismatch", MONTHLY) == []


def test_a_total_in_two_counts_whose_parts_add_up_for_one_only():
    text = ("I. ĐẶC ĐIỂM TÌNH HÌNH\n- Tổng số học sinh toàn trường: 180 trẻ/07 lớp. Trong đó:\n"
            ". Nhóm nhà trẻ: 30 trẻ/02 lớp\n. Lớp mầm: 60 trẻ 02 lớp\n. Lớp lá: 90 trẻ/04 lớp\n- Số điểm trường: 02 điểm\n")
    assert hits(text, "count-mismatch") == ["Tổng số học sinh toàn trường: 180 trẻ/07 lớp"]
    right = text.replace("90 trẻ/04 lớp", "90 trẻ/03 lớp")
    assert hits(right, "count-mismatch") == []
    # neither count adds up: the lines are some of the classes, not all
    some = text.replace("30 trẻ/02 lớp", "20 trẻ/02 lớp")
    assert hits(some, "count-mismatch") == []


def test_members_by_training_level_outnumber_the_members():
    text = ("1. ĐẶC ĐIỂM TÌNH HÌNH:\nTổng số đoàn viên :\n12 người;\nSố nữ: 10 người.\n"
            "Trình độ chuyên môn: Đại học: 11\n; Cao đẳng: 2\n")
    assert hits(text, "count-mismatch") == ["Tổng số đoàn viên :\n12 người"]
    assert hits(text.replace("Đại học: 11", "Đại học: 10"), "count-mismatch") == []


def test_an_undated_event_plan_takes_its_year_from_the_event_day_in_the_body():
    text = ("KẾ HOẠCH\nTổ chức gặp mặt Kỷ niệm Ngày Quốc tế phụ nữ 8/3\nTrong nữ đoàn viên Công đoàn Trường TH Hòa Bình\n"
            "I. Mục đích\n1. Động viên nữ đoàn viên.\nII. Thời gian\n- Bắt đầu lúc 7 giờ ngày 08/03/2019.\n")
    p = parse_bytes(text.encode(), "k.txt").period
    assert (p.kind, p.start, p.end) == ("month", "2019-03", "2019-03")


def test_a_campaign_year_named_in_quotes_takes_the_year_the_body_gives_it():
    text = ("LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH AN\nSố: 07/KH-LĐLĐ\nBình An, ngày 15 tháng 01 năm 2019\n"
            "KẾ HOẠCH\nTRIỂN KHAI “NĂM AN TOÀN LAO ĐỘNG”\nCăn cứ Nghị quyết về việc chọn năm 2019 là “Năm an toàn "
            "lao động”, Ban Thường vụ xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    p = parse_bytes(text.encode(), "k.txt").period
    assert (p.kind, p.start, p.end) == ("year", "2019-01", "2019-12")


def test_an_observance_day_in_a_subject_line_names_its_month():
    text = ("CÔNG ĐOÀN NGÀNH GIÁO DỤC\nSố: 15/CĐN\nV/v tổ chức kỷ niệm ngày 20/11/2018\n"
            "Kính gửi: Công đoàn các trường\nCông đoàn ngành đề nghị các trường tổ chức như sau:\n1. Gặp mặt nhà giáo.\n")
    p = parse_bytes(text.encode(), "cv.txt").period
    assert (p.kind, p.start, p.end) == ("month", "2018-11", "2018-11")


def test_kinds_of_body_over_the_company_name_are_one_issuer():
    text = ("CÔNG ĐOÀN – ĐOÀN THANH NIÊN\nCÔNG TY CỔ PHẦN SỮA BÌNH AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập – Tự do – Hạnh phúc\nSố: 12/KH-CĐ-ĐTN\nBình An, ngày 04 tháng 8 năm 2019\nKẾ HOẠCH\n"
            "Tổ chức Hội thao năm 2019\nI. Mục đích\n1. Tạo không khí vui tươi.\n")
    h = parse_bytes(text.encode(), "k.txt").header
    assert (h.superior, h.issuer) == (None, "CÔNG ĐOÀN – ĐOÀN THANH NIÊN CÔNG TY CỔ PHẦN SỮA BÌNH AN")
    parent = text.replace("CÔNG ĐOÀN – ĐOÀN THANH NIÊN\n", "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH AN\n")
    h = parse_bytes(parent.encode(), "k.txt").header
    assert (h.superior, h.issuer) == ("LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH AN", "CÔNG TY CỔ PHẦN SỮA BÌNH AN")


def test_a_number_broken_at_a_dash_ends_under_the_place_date():
    text = ("UBND HUYỆN BÌNH AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN CHỈ ĐẠO PCGD, XMC\n"
            "Độc lập – Tự do – Hạnh phúc\nSố: 118 / BC-BCĐPCGD\n-\nBình An, ngày 13 tháng 11 năm 2021\nXMC\n"
            "BÁO CÁO\nKẾT QUẢ PHỔ CẬP GIÁO DỤC NĂM 2021\nI. KẾT QUẢ\n1. Huy động trẻ ra lớp.\n")
    h = parse_bytes(text.encode(), "bc.txt").header
    assert (h.number, h.issuer) == ("118 / BC-BCĐPCGD-XMC", "BAN CHỈ ĐẠO PCGD, XMC")


def test_a_type_word_going_on_with_the_sentence_above_is_no_title():
    text = ("PHÒNG GD&ĐT BÌNH AN\nTRƯỜNG TH HÒA BÌNH\nSỐ: 25/BC-TH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập – Tự do – Hạnh phúc\nHòa Bình, ngày 14 tháng 04 năm 2019\n"
            "Sơ kết thực hiện Quy chế dân chủ ở cơ sở\nThực hiện Nghị định 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ và\n"
            "chỉ thị 30 của Bộ Chính trị về “Xây dựng và thực hiện quy chế dân chủ ở cơ sở”;\nI. KẾT QUẢ\n1. Công khai tài chính.\n")
    d = parse_bytes(text.encode(), "bc.txt")
    assert d.doc_type == "Báo cáo" and d.title is None


def test_a_place_date_with_its_place_left_as_a_dot_and_glued_numbers():
    text = ("CÔNG ĐOÀN TRƯỜNG TH HÒA BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "., ngày 3 tháng5 năm2015\nBÁO CÁO\nTỔNG KẾT NĂM HỌC 2014-2015\nI. KẾT QUẢ\n1. Chăm lo đời sống.\n")
    assert parse_bytes(text.encode(), "bc.txt").header.date == "2015-05-03"


def test_a_cover_page_kept_from_the_last_term():
    cover = ("CÔNG ĐOÀN GIÁO DỤC HUYỆN BÌNH AN\nCÔNG ĐOÀN TRƯỜNG TH HÒA BÌNH\nBÁO CÁO TỔNG KẾT\ncông tác công đoàn\n"
             "nhiệm kỳ 2015-2017\nBình An, tháng 5 năm 2019\n")
    doc = ("CÔNG ĐOÀN TRƯỜNG TH HÒA BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "Bình An, ngày 3 tháng 5 năm 2019\nBÁO CÁO TỔNG KẾT\ncông tác công đoàn nhiệm kỳ 2017-2019\n"
           "I. KẾT QUẢ\n1. Chăm lo đời sống đoàn viên.\n")
    assert hits("", "period-mismatch", cover + doc) == ["tác công đoàn\nnhiệm kỳ 2015-2017"]
    assert hits("", "period-mismatch", cover.replace("2015-2017", "2017-2019") + doc) == []


def test_a_page_that_lost_its_vietnamese_letters_to_question_marks():
    # a legacy page shown in Latin-1: the letters beyond it became "?" (ư, ơ, ă as u, o, a)
    text = ("NỘI DUNG VĂN BẢN\nLI?N ĐOÀN LAO Đ?NG T?NH BÌNH AN\nC?NG HOÀ XÃ H?I CH? NGHIA VI?T NAM\n"
            "Đ?c l?p - T? do - H?nh phúc\nS?: 77/HD-LĐLĐ\nBình An, ngày 12 tháng 4 nam 2016\n"
            "HU?NG D?N\nCÔNG TÁC THI ĐUA N?M 2016\n1. V? d?i tu?ng.\n2. V? h? so.\n")
    d = parse_bytes(text.encode(), "hd.txt")
    h = d.header
    assert d.doc_type == "Hướng dẫn" and d.title == "HU?NG D?N CÔNG TÁC THI ĐUA N?M 2016"
    assert (h.issuer, h.number, h.date) == ("LI?N ĐOÀN LAO Đ?NG T?NH BÌNH AN", "77/HD-LĐLĐ", "2016-04-12")
    assert not [f for f in d.findings if f.code == "not-a-plan"]


def test_training_levels_of_another_scale_are_not_added():
    text = ("1. ĐẶC ĐIỂM TÌNH HÌNH:\nTổng số đoàn viên: 40 người.\nTrình độ chuyên môn: Đại học 35; Cao đẳng 5; "
            "Trình độ chính trị: Trung cấp 5, Sơ cấp 10\n")
    assert hits(text, "count-mismatch") == []


def test_a_parent_and_a_school_on_one_line_in_ordinary_case():
    text = ("Sở GD&ĐT tỉnh Bình An Trường THPT Hòa Bình\nSố: 12/KH-THPT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBình An, ngày 10 tháng 9 năm 2019\nKẾ HOẠCH\nCÔNG TÁC NĂM HỌC 2019-2020\n"
            "I. MỤC ĐÍCH\n1. Nâng cao chất lượng.\n")
    h = parse_bytes(text.encode(), "kh.txt").header
    assert (h.superior, h.issuer) == ("Sở GD&ĐT tỉnh Bình An", "Trường THPT Hòa Bình")
