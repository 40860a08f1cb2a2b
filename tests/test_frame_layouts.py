"""Header, title and closing block as plain text really arrives (issue 2)."""
from conftest import parse_text

BODY = "1. Nhiệm vụ trọng tâm\n- Phấn đấu 100% đoàn viên tham gia.\n2. Tổ chức thực hiện\n- Giao BCH triển khai.\n"
CLOSING = """Nơi nhận:
- LĐLĐ huyện Phú Vang;
- Lưu VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


def frame(text: str):
    return parse_text(text, nlp=False)


def test_flattened_two_columns_with_space_runs():
    text = (
        "CÔNG ĐOÀN GIÁO DỤC HUYỆN PHÚ VANG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "CĐCS TRƯỜNG THCS PHÚ ĐA                   Độc lập - Tự do - Hạnh phúc\n"
        "Số: 07/KH-CĐ                        Phú Đa, ngày 05 tháng 10 năm 2023\n\n"
        "KẾ HOẠCH\nTổ chức các hoạt động chào mừng ngày 20/10\n" + BODY + CLOSING
    )
    d = frame(text)
    h = d.header
    assert (h.superior, h.issuer, h.number, h.place, h.date) == (
        "CÔNG ĐOÀN GIÁO DỤC HUYỆN PHÚ VANG", "CĐCS TRƯỜNG THCS PHÚ ĐA", "07/KH-CĐ", "Phú Đa", "2023-10-05")
    assert d.doc_type == "Kế hoạch" and d.title == "KẾ HOẠCH Tổ chức các hoạt động chào mừng ngày 20/10"
    assert [s.number for s in d.sections] == ["1.", "2."]
    assert (d.signature.on_behalf, d.signature.position, d.signature.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình")
    assert d.recipients == ["LĐLĐ huyện Phú Vang", "Lưu VT"]


def test_interleaved_line_by_line_and_name_broken_mid_word():
    text = (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH THỪA THIÊN HU\nẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "BAN CHẤP HÀNH CÔNG ĐOÀN TRƯỜNG\nĐộc lập - Tự do - Hạnh phúc\n"
        "THPT NGUYỄN HUỆ\n\nHuế, ngày 02 tháng 01 năm 2025\n"
        "CHƯƠNG TRÌNH CÔNG TÁC\nQUÝ I NĂM 2025\n" + BODY + CLOSING
    )
    d = frame(text)
    assert d.header.superior == "LIÊN ĐOÀN LAO ĐỘNG TỈNH THỪA THIÊN HUẾ"
    assert d.header.issuer == "BAN CHẤP HÀNH CÔNG ĐOÀN TRƯỜNG THPT NGUYỄN HUỆ"
    assert d.header.date == "2025-01-02" and d.header.place == "Huế"
    assert d.doc_type == "Chương trình"
    assert (d.period.kind, d.period.start, d.period.end) == ("quarter", "2025-01", "2025-03")


def test_site_chrome_is_not_the_header():
    text = (
        "Trang chủ > Văn bản > Kế hoạch\nCập nhật lúc 08:15 ngày 12/09/2024\nLượt xem: 345\n"
        "Kế hoạch hoạt động công đoàn năm học 2024-2025 - Trường Tiểu học Kim Đồng\n"
        "CÔNG ĐOÀN TRƯỜNG TIỂU HỌC KIM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Kim Đồng, ngày 10 tháng 9 năm 2024\nKẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN\nNĂM HỌC 2024 - 2025\n" + BODY
    )
    d = frame(text)
    assert d.header.date == "2024-09-10" and d.header.issuer == "CÔNG ĐOÀN TRƯỜNG TIỂU HỌC KIM ĐỒNG"
    assert d.header.superior is None
    assert d.title == "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN NĂM HỌC 2024 - 2025"
    assert (d.period.kind, d.period.start, d.period.end) == ("school_year", "2024-09", "2025-08")
    assert d.signature is None and d.recipients == []


def test_periods():
    from kehoach.parser.frame import period_from

    cases = {
        "KẾ HOẠCH HOẠT ĐỘNG NĂM 2024": ("year", "2024-01", "2024-12"),
        "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10/2024": ("month", "2024-10", "2024-10"),
        "KẾ HOẠCH 6 THÁNG ĐẦU NĂM 2025": ("half_year", "2025-01", "2025-06"),
        "KẾ HOẠCH HỌC KỲ II NĂM HỌC 2024-2025": ("term", "2025-01", "2025-05"),
        "CHƯƠNG TRÌNH HÀNH ĐỘNG NHIỆM KỲ 2023 - 2028": ("term_of_office", "2023-01", "2028-12"),
        "KẾ HOẠCH CÔNG TÁC QUÝ 3 NĂM 2021": ("quarter", "2021-07", "2021-09"),
    }
    for title, want in cases.items():
        p = period_from(title)
        assert (p.kind, p.start, p.end) == want, title
    assert period_from("KẾ HOẠCH TỔ CHỨC HỘI THI") is None


def test_signature_variants():
    text = "KẾ HOẠCH HOẠT ĐỘNG NĂM 2024\n" + BODY + (
        "TM.BAN CHẤP HÀNH\nPHÓ CHỦ TỊCH THƯỜNG TRỰC\n(Đã ký)\nLÊ THỊ HOA\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    d = frame(text)
    assert (d.signature.on_behalf, d.signature.position, d.signature.name) == (
        "TM.BAN CHẤP HÀNH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "LÊ THỊ HOA")
    assert d.recipients == ["Như trên", "Lưu: VT"]


def test_stacked_header_with_blank_draft_number():
    # the number is left blank for the clerk; its spaces split the line into two pieces
    text = (
        "LĐLĐ THỊ XÃ HƯƠNG THỦY\nCÔNG ĐOÀN TRƯỜNG MẦM NON SƠN CA\nSố:     /CTr-CĐ\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hương Thủy, ngày 18 tháng 9 năm 2024\n\nCHƯƠNG TRÌNH\nHoạt động công đoàn năm học 2024-2025\n"
        + BODY + CLOSING
    )
    h = frame(text).header
    assert (h.superior, h.issuer, h.number, h.symbol) == (
        "LĐLĐ THỊ XÃ HƯƠNG THỦY", "CÔNG ĐOÀN TRƯỜNG MẦM NON SƠN CA", None, "/CTr-CĐ")


def test_header_table_pasted_as_pipe_rows_after_site_chrome():
    text = (
        "Trang chủ » Tin tức » Công đoàn\nKế hoạch hoạt động công đoàn tháng 10/2023\n"
        "Cập nhật lúc 08:15 ngày 03/10/2023\n"
        "| LĐLĐ HUYỆN NAM ĐÔNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "| CÔNG ĐOÀN TRƯỜNG MN HƯƠNG PHÚ | Độc lập - Tự do - Hạnh phúc |\n"
        "| Số: 09/KH-CĐ | Nam Đông, ngày 02 tháng 10 năm 2023 |\n"
        "KẾ HOẠCH\nHoạt động công đoàn tháng 10/2023\n" + BODY
        + "| TT | Nội dung | Thời gian |\n| 1 | Họp BCH | 05/10/2023 |\n" + CLOSING
    )
    d = frame(text)
    h = d.header
    assert (h.superior, h.issuer, h.number, h.place, h.date) == (
        "LĐLĐ HUYỆN NAM ĐÔNG", "CÔNG ĐOÀN TRƯỜNG MN HƯƠNG PHÚ", "09/KH-CĐ", "Nam Đông", "2023-10-02")
    assert (h.national_title, h.motto) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert d.title == "KẾ HOẠCH Hoạt động công đoàn tháng 10/2023" and d.period.kind == "month"
    assert [s.number for s in d.sections] == ["1.", "2."]


def test_superior_and_issuer_on_one_line_and_closing_on_one_line():
    text = (
        "LIÊN ĐOÀN LAO ĐỘNG QUẬN HÀ ĐÔNG CĐ TRƯỜNG TIỂU HỌC LÊ QUÝ ĐÔN\n"
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "CHƯƠNG TRÌNH HOẠT ĐỘNG\nNăm 2024\nNăm 2024 là năm đầu tiên thực hiện.\n" + BODY
        + "Trên đây là chương trình hoạt động năm 2024.\nTM. BCH CÔNG ĐOÀN CHỦ TỊCH\n"
        "Nơi nhận:\n- LĐLĐ quận Hà Đông;\n- Lưu CĐ. Nguyễn Thị Huệ\n"
    )
    d = frame(text)
    assert (d.header.superior, d.header.issuer) == ("LIÊN ĐOÀN LAO ĐỘNG QUẬN HÀ ĐÔNG", "CĐ TRƯỜNG TIỂU HỌC LÊ QUÝ ĐÔN")
    assert d.title == "CHƯƠNG TRÌNH HOẠT ĐỘNG Năm 2024"
    assert (d.signature.on_behalf, d.signature.position, d.signature.name) == ("TM. BCH CÔNG ĐOÀN", "CHỦ TỊCH", "Nguyễn Thị Huệ")
    assert d.recipients == ["LĐLĐ quận Hà Đông", "Lưu CĐ"]


def test_a_single_union_name_is_not_split():
    text = "BCH CÔNG ĐOÀN TRƯỜNG THCS PHÚ ĐA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" \
           "KẾ HOẠCH\nHoạt động năm 2024\n" + BODY + CLOSING
    d = frame(text)
    assert (d.header.superior, d.header.issuer) == (None, "BCH CÔNG ĐOÀN TRƯỜNG THCS PHÚ ĐA")


def test_pdf_copied_as_text_joins_the_columns_with_one_space():
    text = (
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN PHÚ LỘC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "CĐCS TRƯỜNG THCS LỘC ĐIỀN Độc lập – Tự do – Hạnh phúc\n"
        "Số: 14/KH-CĐ Lộc Điền, ngày 02 tháng 7 năm 2021\n"
        "KẾ HOẠCH\nHoạt động công đoàn quý III năm 2021\n" + BODY + CLOSING
    )
    d = frame(text)
    h = d.header
    assert (h.superior, h.issuer, h.number, h.place, h.date) == (
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN PHÚ LỘC", "CĐCS TRƯỜNG THCS LỘC ĐIỀN", "14/KH-CĐ", "Lộc Điền", "2021-07-02")
    assert (h.national_title, h.motto) == ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc")
    assert d.period.kind == "quarter" and [s.number for s in d.sections] == ["1.", "2."]


def test_minister_signs_and_a_degree_before_the_name():
    head = "KẾ HOẠCH\nTổ chức hội thảo chuyên đề năm 2024\n" + BODY
    d = frame(head + "Trên đây là kế hoạch của Bộ./.\nBỘ TRƯỞNG\nHoàng Minh Đức\n")
    assert (d.signature.on_behalf, d.signature.position, d.signature.name) == (None, "BỘ TRƯỞNG", "Hoàng Minh Đức")
    # the degree is part of the name as signed
    d = frame(head + "Nơi nhận: HIỆU TRƯỞNG\n- Các khoa;\n- Lưu VT.\nThS. Đinh Quang Vinh\n")
    assert (d.signature.position, d.signature.name) == ("HIỆU TRƯỞNG", "ThS. Đinh Quang Vinh")
    d = frame(head + "TL. HIỆU TRƯỞNG\nTRƯỞNG KHOA\nPGS.TS Lương Thị Mai\n")
    assert (d.signature.on_behalf, d.signature.position, d.signature.name) == ("TL. HIỆU TRƯỞNG", "TRƯỞNG KHOA", "PGS.TS Lương Thị Mai")


def test_position_naming_its_office_or_in_ordinary_case_over_the_name():
    head = "KẾ HOẠCH\nTổ chức đêm văn nghệ chào xuân 2025\n" + BODY
    d = frame(head + "Nơi nhận:\n- Ban Giám hiệu;\n- Lưu VP.\nNgười lập kế hoạch\nPhan Thu Trang\n")
    assert (d.signature.position, d.signature.name) == ("Người lập kế hoạch", "Phan Thu Trang")
    # two columns flattened: the left one's body, then the Youth Union secretary who signs
    d = frame(head + "Kính mong Ban đại diện cha mẹ học sinh giúp đỡ. BAN ĐẠI DIỆN CHA MẸ HỌC SINH\n"
              "BÍ THƯ ĐOÀN TRƯỜNG\nLâm Quốc Bảo\nHồ Ngọc Diệp\n")
    assert (d.signature.position, d.signature.name) == ("BÍ THƯ ĐOÀN TRƯỜNG", "Hồ Ngọc Diệp")
    # an office in ordinary case inside the body is no position
    d = frame(head + "Phân công phụ trách:\nHiệu trưởng nhà trường\nchỉ đạo chung.\n" + CLOSING)
    assert (d.signature.position, d.signature.name) == ("PHÓ CHỦ TỊCH", "Trần Văn Bình")


def test_form_with_its_own_header_after_the_closing():
    # a letter, then the form sent with it (its own agency and Quốc hiệu): the letter's
    # closing holds; "(đã ký) Name" beside a Nơi nhận item is the signer
    text = ("TRƯỜNG ĐẠI HỌC VĨNH AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 412/ĐHVA-SĐH\nVĩnh An, ngày 3 tháng 5 năm 2013\nV/v hướng dẫn đăng ký báo cáo chuyên đề\nKính gửi: Các khoa\n"
            "1. Học viên nộp giấy đăng ký về khoa.\n2. Khoa gửi danh sách về phòng Sau đại học.\n"
            "Trân trọng./.\nTL. HIỆU TRƯỞNG\nTRƯỞNG PHÒNG SAU ĐẠI HỌC\nNơi nhận:\n- Như trên; (đã ký) Tạ Minh Khôi\n- Lưu: VT.\n"
            "TRƯỜNG ĐẠI HỌC VĨNH AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKHOA/VIỆN ... Độc lập - Tự do - Hạnh phúc\n"
            "GIẤY ĐĂNG KÝ BÁO CÁO CHUYÊN ĐỀ\nHọ và tên học viên:\nTên chuyên đề:\nNgười hướng dẫn Học viên\n")
    d = frame(text)
    assert (d.signature.on_behalf, d.signature.position, d.signature.name) == (
        "TL. HIỆU TRƯỞNG", "TRƯỞNG PHÒNG SAU ĐẠI HỌC", "Tạ Minh Khôi")
    assert d.recipients == ["Như trên", "Lưu: VT"]


def test_heading_naming_its_own_number_without_a_header():
    # a page that kept only the heading "<Type> số X ngày ... của ..." (gazette style), in ordinary
    # case on one long line, or in capitals over lines with "CỦA <body>" before the number
    d = frame("Hướng dẫn số 245/HD-LĐLĐ ngày 14 tháng 8 năm 2021 của Liên đoàn Lao động tỉnh Hòa Bình hướng dẫn "
              "thu kinh phí công đoàn\n- Căn cứ Luật Công đoàn;\n" + BODY)
    assert (d.doc_type, d.header.number, d.header.date, d.header.issuer, d.period) == (
        "Hướng dẫn", "245/HD-LĐLĐ", "2021-08-14", None, None)
    assert d.title.endswith("thu kinh phí công đoàn")
    d = frame("CHỈ THỊ\nCỦA BỘ NỘI VỤ SỐ 09/2010/CT-BNV\nNGÀY 12 THÁNG 4 NĂM 2010\n"
              "VỀ TĂNG CƯỜNG KỶ LUẬT HÀNH CHÍNH TRONG CƠ QUAN NHÀ NƯỚC\n"
              "Thời gian qua, các cơ quan đã có nhiều cố gắng trong việc chấp hành kỷ luật.\n" + BODY)
    assert d.title == ("CHỈ THỊ CỦA BỘ NỘI VỤ SỐ 09/2010/CT-BNV NGÀY 12 THÁNG 4 NĂM 2010 "
                       "VỀ TĂNG CƯỜNG KỶ LUẬT HÀNH CHÍNH TRONG CƠ QUAN NHÀ NƯỚC")
    assert (d.header.issuer, d.header.number, d.header.date) == ("BỘ NỘI VỤ", "09/2010/CT-BNV", "2010-04-12")
    # "CỦA BỘ TRƯỞNG BỘ X" names the signer, not the issuing body
    d = frame("QUYẾT ĐỊNH\nCỦA BỘ TRƯỞNG BỘ Y TẾ SỐ 31/2012/QĐ-BYT NGÀY 05/6/2012 VỀ VIỆC BAN HÀNH QUY CHẾ\n" + BODY)
    assert (d.header.issuer, d.header.number, d.header.date) == (None, "31/2012/QĐ-BYT", "2012-06-05")


def test_site_record_card_and_a_header_without_the_quoc_hieu():
    # the site's heading over its card ("Số hiệu: ...") is no title; the document below kept its
    # motto, number and place-date but lost the Quốc hiệu line
    d = frame("Quyết định 52/QĐ-CĐN 2021 quy chế chi tiêu nội bộ Công đoàn ngành Y tế\n"
              "Số hiệu: 52/QĐ-CĐN Loại văn bản: Quyết định\n"
              "Nơi ban hành: Công đoàn ngành Y tế Người ký: Lê Văn Tâm\n"
              "Ngày ban hành: 11/01/2021 Ngày hiệu lực: Đã biết\n"
              "Quy chế gồm 5 chương, áp dụng cho cơ quan Công đoàn ngành.\n"
              "Độc lập - Tự do - Hạnh phúc\nSố: 52/QĐ-CĐN\nVinh, ngày 11 tháng 01 năm 2021\n"
              "- Căn cứ Điều lệ Công đoàn Việt Nam;\n" + BODY)
    assert (d.title, d.period) == (None, None)
    assert (d.header.number, d.header.place, d.header.date) == ("52/QĐ-CĐN", "Vinh", "2021-01-11")


def test_anniversary_span_in_a_title_names_no_month():
    from kehoach.parser.frame import period_from

    # months before the anniversary: a campaign of activities up to it, no month of its own
    assert period_from("KẾ HOẠCH tổ chức các hoạt động kỷ niệm 60 năm thành lập Công đoàn ngành Giáo dục tỉnh "
                       "(15/9/1961 - 15/9/2021)", "2021-04") is None
    # weeks before it: the event's month (corpora/phenomena p15)
    p = period_from("KẾ HOẠCH Hội diễn văn nghệ mừng 60 năm thành lập ngành (15/9/1961 - 15/9/2021)", "2021-08")
    assert (p.start, p.end) == ("2021-09", "2021-09")
    p = period_from("KẾ HOẠCH tổ chức Hội thao chào mừng 26/3/2022", "2022-02")
    assert (p.start, p.end) == ("2022-03", "2022-03")


def test_cong_van_subject_beside_the_place_date_in_one_pdf_row():
    d = frame("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NINH BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "TRUNG TÂM BỒI DƯỠNG NGHIỆP VỤ\nĐộc lập – Tự do – Hạnh phúc\nSố: 41 /TTBD-NV\n"
              "Ninh Bình, ngày 08 tháng 10 năm 2025 V/v lịch tập huấn\ngiáo viên cốt cán tháng 11/2025\n"
              "Kính gửi: Hiệu trưởng các trường tiểu học.\n" + BODY)
    assert (d.doc_type, d.title) == ("Công văn", "V/v lịch tập huấn giáo viên cốt cán tháng 11/2025")
    assert (d.header.place, d.header.date, d.header.number) == ("Ninh Bình", "2025-10-08", "41 /TTBD-NV")
    assert (d.period.start, d.period.end) == ("2025-11", "2025-11")


def test_header_cells_as_typed():
    # the place alone on the line above "ngày ...", a stray stop after "Số:", "03.năm"
    d = frame("LIÊN ĐOÀN LAO ĐỘNG\nTỈNH QUẢNG BÌNH\n|\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\n|\nSố:. 88/KH-LĐLĐ\n|\nĐồng Hới,\nngày 04 tháng 01.năm 2024\n|\n"
              "KẾ HOẠCH\nTỔ CHỨC THÁNG CÔNG NHÂN NĂM 2024\n" + BODY)
    h = d.header
    assert (h.number, h.place, h.date) == ("88/KH-LĐLĐ", "Đồng Hới", "2024-01-04")
    # a blank number with its code alone under "Số:"; a place left dotted out
    d = frame("PHÒNG GD&ĐT KIM BẢNG\nTRƯỜNG TH THANH SƠN\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\nSố:\nQC-THTS\n………, ngày 05 tháng 9 năm 2023\n"
              "QUY CHẾ PHỐI HỢP\nGIỮA NHÀ TRƯỜNG VÀ CÔNG ĐOÀN NĂM HỌC 2023-2024\n" + BODY)
    h = d.header
    assert (h.superior, h.issuer, h.number, h.symbol, h.place) == (
        "PHÒNG GD&ĐT KIM BẢNG", "TRƯỜNG TH THANH SƠN", None, "QC-THTS", None)


def test_page_heading_in_old_spelling_is_no_issuer():
    d = frame("QUI CHẾ CHI TIÊU NỘI BỘ CÔNG ĐOÀN\nHƯỚNG DẪN\nthu, chi và quản lý tài chính công đoàn cơ sở.\n"
              "Căn cứ Luật Công đoàn năm 2012;\n" + BODY)
    assert (d.doc_type, d.header.issuer, d.header.superior) == ("Hướng dẫn", None, None)


def test_quoc_hieu_half_converted_beside_a_steering_board():
    # "CỘNG HỒ": HOÀ from a legacy font half converted, beside the agency on one line; a steering
    # board (BCĐ) under its commune's people's committee
    d = frame("UBND XÃ TÂN HÀ CỘNG HỒ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBCĐ PCGD Độc lập - Tự do - Hạnh phúc\n"
              "Số 07/BC-PCGD Tân Hà, ngày 12 tháng 10 năm 2009\nBÁO CÁO\nKẾT QUẢ CÔNG TÁC PHỔ CẬP GIÁO DỤC NĂM 2009\n"
              + BODY)
    assert (d.header.superior, d.header.issuer, d.header.number) == ("UBND XÃ TÂN HÀ", "BCĐ PCGD", "07/BC-PCGD")


def test_plan_to_organise_a_congress_is_not_the_terms_plan():
    d = frame("KẾ HOẠCH\nTổ chức đại hội Công đoàn cơ sở các cấp, tiến tới Đại hội Công đoàn huyện lần thứ VIII,\n"
              "nhiệm kỳ 2023 - 2028\nCăn cứ Điều lệ Công đoàn Việt Nam;\n" + BODY)
    assert d.period is None
    d = frame("KẾ HOẠCH\nHOẠT ĐỘNG CỦA BAN CHẤP HÀNH CÔNG ĐOÀN NHIỆM KỲ 2023 - 2028\n" + BODY)
    assert (d.period.kind, d.period.start, d.period.end) == ("term_of_office", "2023-01", "2028-12")


def test_subject_listing_names_wraps_at_a_semicolon_to_its_period():
    d = frame("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Biên Hòa, ngày 12 tháng 5 năm 2016\nQUYẾT ĐỊNH\nVề việc phê duyệt chỉ tiêu tuyển sinh lớp 10\n"
              "Trường Trung học phổ thông chuyên Lương Thế Vinh;\nTrường Phổ thông Dân tộc nội trú tỉnh\n"
              "năm học 2016-2017\n___________\nCăn cứ Luật Giáo dục;\n" + BODY)
    assert d.title.endswith("Trường Phổ thông Dân tộc nội trú tỉnh năm học 2016-2017")
    assert (d.period.start, d.period.end) == ("2016-09", "2017-08")
    # a title that ended its sentence does not reach into the "Căn cứ" lines for a year
    d = frame("HƯỚNG DẪN\nThu, chi và quản lý\ntài chính công đoàn cơ sở.\nCăn cứ\nĐiều 26 Luật Công đoàn năm 2012;\n" + BODY)
    assert (d.title, d.period) == ("HƯỚNG DẪN Thu, chi và quản lý tài chính công đoàn cơ sở.", None)


def test_a_labelled_line_under_the_title_is_not_its_subject():
    # a slogan or theme line under the subject ("Khẩu hiệu: ...", wrapped onto a line with a date
    # span) ends the title; a lone type word's subject may open with "Thực hiện"
    d = frame("KẾ HOẠCH\nThực hiện nhiệm vụ tháng 3 năm 2022\nKhẩu hiệu: Đoàn kết, sáng tạo, thi đua chào mừng\n"
              "kỷ niệm 112 năm Ngày Quốc tế Phụ nữ (8/3/1910-8/3/2022)\n"
              "Thực hiện Kế hoạch số 05/KH-CĐN ngày 10/01/2022 của Công đoàn ngành;\n" + BODY)
    assert (d.title, d.period.start, d.period.end) == ("KẾ HOẠCH Thực hiện nhiệm vụ tháng 3 năm 2022", "2022-03", "2022-03")
    d = frame("KẾ HOẠCH\nTổ chức hội thi cắm hoa năm 2023\nChủ đề: Sắc hoa mùa thu\n" + BODY)
    assert d.title == "KẾ HOẠCH Tổ chức hội thi cắm hoa năm 2023"
    d = frame("BẢN TỰ KIỂM ĐIỂM\nCỦA ĐẢNG VIÊN NĂM 2021\nHỌ VÀ TÊN: LÊ VĂN KHOA\nChức vụ: Tổ trưởng chuyên môn\n" + BODY)
    assert d.title == "BẢN TỰ KIỂM ĐIỂM CỦA ĐẢNG VIÊN NĂM 2021"
    # the body's "Thực hiện ..." clause under a lone type word is not its subject
    d = frame("KẾ HOẠCH\nThực hiện Kế hoạch số 12/KH-LĐLĐ của Liên đoàn Lao động huyện;\n" + BODY)
    assert d.title == "KẾ HOẠCH"


def test_a_blank_day_keeps_the_place():
    # a draft leaves the day blank (spaces or dots), or its cell wraps right after "ngày"
    for line in ("Đà Lạt, ngày      tháng 6 năm 2019", "Đà Lạt, ngày ….. tháng 6 năm 2019",
                 "Đà Lạt, ngày\ntháng 6 năm 2019"):
        d = frame("CÔNG ĐOÀN NGÀNH Y TẾ LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                  "Số:     /KH-CĐN\n" + line + "\nKẾ HOẠCH\nTổ chức hội thao năm 2019\n" + BODY)
        assert (d.header.place, d.header.date, d.header.issuer) == ("Đà Lạt", None, "CÔNG ĐOÀN NGÀNH Y TẾ LÂM ĐỒNG")
        assert d.title == "KẾ HOẠCH Tổ chức hội thao năm 2019"


def test_event_title_periods_with_dashed_dates_and_a_lunar_year():
    from kehoach.parser.frame import period_from

    # a whole date typed with dashes (spaced) or dots names the event's month
    for title in ("KẾ HOẠCH TỔ CHỨC VUI TẾT THIẾU NHI 1- 6- 2015", "Kế hoạch vui Tết thiếu nhi 1.6.2015"):
        p = period_from(title, "2015-05")
        assert (p.kind, p.start, p.end) == ("month", "2015-06", "2015-06")
    assert period_from("Kế hoạch phụ đạo học sinh lớp 1-5", "2015-05") is None  # a range, no date
    # a Tết named by its lunar year: that year
    p = period_from("KẾ HOẠCH THĂM HỎI ĐOÀN VIÊN DỊP TẾT NGUYÊN ĐÁN QUÝ MÃO 2023", "2022-12")
    assert (p.kind, p.start, p.end) == ("year", "2023-01", "2023-12")


def test_cong_van_caption_without_a_header():
    # a page kept only its caption "Công văn số ... ngày ... của ...": number and date from it; a
    # công văn's title is its subject, none here (or the "V/v ..." it gives)
    d = frame("Công văn số 27/KH-CĐ ngày 5/3/2021 của Công đoàn Trường Cao đẳng Y tế Bạch Mai\n"
              "Kính gửi: Các tổ công đoàn\n- Căn cứ Chương trình công tác năm 2021;\n" + BODY)
    assert (d.doc_type, d.title, d.header.number, d.header.date) == ("Công văn", None, "27/KH-CĐ", "2021-03-05")
    d = frame("Công văn số 31/CĐ ngày 9/4/2021 của Công đoàn Trường V/v tổ chức giải cầu lông\nKính gửi: Các tổ công đoàn\n" + BODY)
    assert (d.title, d.header.number) == ("V/v tổ chức giải cầu lông", "31/CĐ")


def test_sharing_site_preview_title_glued_to_the_summary():
    # a document-sharing site: breadcrumbs, its listing title and counters, then the preview with
    # its line breaks lost, the title in capitals glued to the summary's full stop (and its type
    # word glued to the next word), the body glued to the title's year
    d = frame("1. Trang chủ\n2. » Tài liệu khác\nKế hoạch công tác công đoàn trường tiểu học (2022 - 2023)\n18 350 2\n"
              "Đang tải... (xem toàn văn)\nNội dung\n"
              "Kế hoạch công tác công đoàn trường tiểu học năm học 2022 2023.KẾ HOẠCHCÔNG TÁC CÔNG ĐOÀN NĂM HỌC "
              "2022 – 2023Căn cứ Hướng dẫn số 45/HD-CĐGD ngày 12/9/2022 của Công đoàn Giáo dục huyện; Công đoàn "
              "trường xây dựng kế hoạch như sau:\n" + BODY)
    assert d.title == "KẾ HOẠCHCÔNG TÁC CÔNG ĐOÀN NĂM HỌC 2022 – 2023"
    assert (d.doc_type, d.period.start, d.period.end) == ("Kế hoạch", "2022-09", "2023-08")
    # a listing title is no title with the site's counters under it
    d = frame("Kế hoạch tổ chức hội thi nữ công năm 2022\n12 200 0\n" + BODY)
    assert d.title == "Kế hoạch tổ chức hội thi nữ công năm 2022"
    # a heading glued after its outline number is no title ("...như sau: II. KẾ HOẠCH CỤ THỂ Tháng 9 ...")
    for mark in ("II.", "2."):
        d = frame("Công đoàn trường tổ chức thực hiện các nội dung như sau." + mark + " KẾ HOẠCH CỤ THỂ Tháng 9: tổ chức "
                  "hội nghị cán bộ công chức và ra mắt ban chấp hành mới\n" + BODY)
        assert d.title is None


def test_issuer_on_a_unit_line_without_a_header_column():
    d = frame("KẾ HOẠCH\nHOẠT ĐỘNG CÔNG ĐOÀN NĂM 2024\nĐơn vị: Công đoàn Trường Mầm non Hoa Sen\n"
              "Căn cứ Chương trình công tác năm 2024 của Công đoàn Giáo dục huyện;\n" + BODY)
    assert (d.header.issuer, d.header.superior, d.title) == (
        "Công đoàn Trường Mầm non Hoa Sen", None, "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN NĂM 2024")
    # with a header column, "Đơn vị:" names the unit a report is about, not the issuer
    d = frame("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN AN LÃO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "BIÊN BẢN\nKIỂM TRA CÔNG TÁC THƯ VIỆN NĂM 2024\nĐơn vị: Trường Tiểu học An Tân\n" + BODY)
    assert d.header.issuer == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN AN LÃO"


def test_a_body_named_twice_in_a_row_is_named_once():
    # a page printed its preview's header cell and the document's together
    d = frame("SỞ GIÁO DỤC VÀ ĐÀO TẠO SỞ GIÁO DỤC VÀ ĐÀO TẠO TRƯỜNG THPT AN PHÚ\nSố: 15/BC-THPT\n"
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Phú, ngày 10 tháng 1 năm 2019\n"
              "BÁO CÁO\nSơ kết học kỳ I năm học 2018 - 2019\n" + BODY)
    assert (d.header.superior, d.header.issuer) == ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT AN PHÚ")


def test_a_cover_pages_place_and_month_under_the_title():
    d = frame("LIÊN ĐOÀN LAO ĐỘNG HUYỆN KỲ ANH\nCÔNG ĐOÀN CƠ SỞ XÃ KỲ PHONG\nVĂN KIỆN ĐẠI HỘI\n"
              "ĐẠI HỘI CÔNG ĐOÀN CƠ SỞ XÃ KỲ PHONG LẦN THỨ IV\nNHIỆM KỲ 2023 - 2028\nKỳ Phong, tháng 04 năm 2023\n" + BODY)
    assert (d.header.place, d.header.date, d.header.issuer) == ("Kỳ Phong", None, "CÔNG ĐOÀN CƠ SỞ XÃ KỲ PHONG")


def test_years_counted_before_their_span_name_the_period():
    from kehoach.parser.frame import period_from

    p = period_from("BÁO CÁO TỔNG KẾT 5 NĂM PHONG TRÀO THI ĐUA YÊU NƯỚC (2011-2015)", "2015-06")
    assert (p.kind, p.start, p.end, p.text) == ("year", "2011-01", "2015-12", "(2011-2015)")
    # an anniversary counts the years between: no period of its own
    assert period_from("KẾ HOẠCH kỷ niệm 20 năm thành lập trường (2003-2023)", "2023-03") is None


def test_a_drafts_mark_in_the_header_and_a_numbered_place():
    # "(Dự thảo)" between the number and the Quốc hiệu stays inside the header; a place may end
    # with its number ("Phường 4", "Quận 3")
    d = frame("UBND PHƯỜNG 4 TRƯỜNG MẦM NON HOA MAI\nSố:   /BC-MN\n(Dự thảo)\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\nPhường 4, ngày .... tháng .... năm 2019\n"
              "BÁO CÁO TỔNG KẾT NĂM HỌC 2018 - 2019\n" + BODY)
    h = d.header
    assert (h.superior, h.issuer, h.number, h.place, h.date) == ("UBND PHƯỜNG 4", "TRƯỜNG MẦM NON HOA MAI", None, "Phường 4", None)


def test_a_recipients_wrapped_purpose_and_an_attachment_list_after_them():
    d = frame("CÔNG ĐOÀN TRƯỜNG THCS LẠC LONG\nKẾ HOẠCH TỔ CHỨC HỘI THAO\n" + BODY +
              "Nơi nhận:\n- LĐLĐ huyện Yên Lạc;\n(để báo cáo)\n- Các tổ công đoàn (để thực hiện);\n- Lưu.\n"
              "Đính kèm:\n- Danh sách vận động viên.\nTM. BAN CHẤP HÀNH\nCHỦ TỊCH\nĐỗ Thị Hằng\n")
    assert d.recipients == ["LĐLĐ huyện Yên Lạc (để báo cáo)", "Các tổ công đoàn (để thực hiện)", "Lưu"]
    assert d.signature.name == "Đỗ Thị Hằng"


def test_a_decision_whose_title_type_line_was_dropped_keeps_its_articles():
    # the page lost the "QUYẾT ĐỊNH" over the subject: the enacting "QUYẾT ĐỊNH:" over "Điều 1."
    # is no title; the subject under the place-date is, and the articles stay in the body
    d = frame("ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 118/QĐ-UBND\n"
              "Hòa Mỹ, ngày 12 tháng 03 năm 2021\n"
              "BAN HÀNH QUY ĐỊNH VỀ PHỐI HỢP GIỮA ỦY BAN NHÂN DÂN HUYỆN VỚI CÔNG ĐOÀN HUYỆN\n"
              "ỦY BAN NHÂN DÂN HUYỆN HÒA MỸ\nCăn cứ Luật Công đoàn ngày 20/6/2012;\n"
              "Xét đề nghị của Chánh Văn phòng,\nQUYẾT ĐỊNH:\n"
              "Điều 1. Ban hành kèm theo Quyết định này Quy định về phối hợp công tác.\n"
              "Điều 2. Chánh Văn phòng và Chủ tịch Công đoàn huyện chịu trách nhiệm thi hành Quyết định này.\n"
              "Nơi nhận:\n- Như Điều 2;\n- Lưu VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Khánh\n")
    assert d.doc_type == "Quyết định"
    assert d.title == "BAN HÀNH QUY ĐỊNH VỀ PHỐI HỢP GIỮA ỦY BAN NHÂN DÂN HUYỆN VỚI CÔNG ĐOÀN HUYỆN"
    assert (d.header.issuer, d.header.number) == ("ỦY BAN NHÂN DÂN", "118/QĐ-UBND")
    assert [s.number for s in d.sections] == ["Điều 1.", "Điều 2."]
