"""Closings and titles as legal sites' pages saved as Markdown write them (helper real27): the
"Nơi nhận" list run on one line ("- A; - B; (để b/c) - C") in a table row with the signature
column beside it, a signature cell holding the position and the name ("THỦ TƯỚNG Nguyễn Văn A"),
and a decision's deciding authority ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") under its title. The
wording is invented for these tests."""
from conftest import parse_text

HEAD = ("| ỦY BAN NHÂN DÂN TỈNH HOA MAI ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ------ |\n"
        "|---|---|\n"
        "| Số: 41/QĐ-UBND | Hoa Mai, ngày 05 tháng 3 năm 2024 |\n\n")
BODY = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\n"
        "QUYẾT ĐỊNH:\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tổ chức ngày hội đọc sách năm 2024.\n\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n")


def closing(row: str) -> str:
    return HEAD + "QUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH TỔ CHỨC NGÀY HỘI ĐỌC SÁCH NĂM 2024\n\n" + BODY + row + "\n|---|---|\n"


def test_a_recipients_list_run_on_one_table_row_is_cut_into_its_items():
    doc = parse_text(closing("| Nơi nhận: - Sở Văn hóa; (để b/c) - Thường trực Huyện ủy; (để b/c) - Như Điều 2; "
                             "- Trường học (Khối A - để thực hiện); - Lưu: VT, VX. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Thị Lan |"),
                     nlp=False)
    assert doc.recipients == ["Sở Văn hóa; (để b/c)", "Thường trực Huyện ủy; (để b/c)", "Như Điều 2",
                              "Trường học (Khối A - để thực hiện)", "Lưu: VT, VX"]
    s = doc.signature
    assert (s.on_behalf, s.position, s.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Lan")


def test_a_position_and_a_name_in_one_signature_cell():
    doc = parse_text(closing("| Nơi nhận: - Các sở, ngành; - Lưu: VT. | CHỦ TỊCH Lê Văn Bình |"), nlp=False)
    assert doc.recipients == ["Các sở, ngành", "Lưu: VT"]
    s = doc.signature
    assert (s.on_behalf, s.position, s.name) == (None, "CHỦ TỊCH", "Lê Văn Bình")


def test_a_head_of_government_signs_by_position_and_name():
    doc = parse_text(closing("| Nơi nhận: - Các Bộ, cơ quan ngang Bộ; - Lưu: Văn thư. | THỦ TƯỚNG Đỗ Minh Khang |"),
                     nlp=False)
    s = doc.signature
    assert (s.position, s.name) == ("THỦ TƯỚNG", "Đỗ Minh Khang")


def test_a_dash_inside_an_item_does_not_cut_it():
    # "(Khối A - để ...)" and "Lao động -Thương binh" keep their dashes: only a dash after ";", "." or ")"
    doc = parse_text(closing("| Nơi nhận: - Bộ Lao động -Thương binh và Xã hội; - Phòng Y (Tổ 2 - để biết); "
                             "- Lưu: VT. | CHỦ TỊCH Lê Văn Bình |"), nlp=False)
    assert doc.recipients == ["Bộ Lao động -Thương binh và Xã hội", "Phòng Y (Tổ 2 - để biết)", "Lưu: VT"]


def test_the_deciding_authority_under_a_decisions_title_is_not_the_title():
    text = (HEAD + "QUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH TỔ CHỨC NGÀY HỘI ĐỌC SÁCH NĂM 2024\n\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n" + BODY)
    doc = parse_text(text, nlp=False)
    assert doc.title == "QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH TỔ CHỨC NGÀY HỘI ĐỌC SÁCH NĂM 2024"


def test_a_title_line_in_capitals_that_names_no_authority_still_goes_on():
    text = (HEAD + "QUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH TỔ CHỨC NGÀY HỘI ĐỌC SÁCH\n\nCHO HỌC SINH TIỂU HỌC NĂM 2024\n\n"
            "ỦY BAN NHÂN DÂN TỈNH HOA MAI\n\n" + BODY)
    doc = parse_text(text, nlp=False)
    assert doc.title == "QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH TỔ CHỨC NGÀY HỘI ĐỌC SÁCH CHO HỌC SINH TIỂU HỌC NĂM 2024"


def test_an_office_with_two_titles_over_its_deputy():
    # "KT. BỘ TRƯỞNG, CHỦ NHIỆM" is one office; the deputy's position follows it
    doc = parse_text(closing("| Nơi nhận: - Như trên; - Lưu: VT. | KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Vũ Đức Hải |"),
                     nlp=False)
    s = doc.signature
    assert (s.on_behalf, s.position, s.name) == ("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Vũ Đức Hải")
    doc = parse_text(HEAD + "QUYẾT ĐỊNH\n\nVỀ VIỆC TỔ CHỨC NGÀY HỘI ĐỌC SÁCH\n\n" + BODY
                     + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nVũ Đức Hải\n", nlp=False)
    s = doc.signature
    assert (s.on_behalf, s.position, s.name) == ("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Vũ Đức Hải")


def test_a_letters_first_paragraph_is_not_its_issuer():
    # a dated sentence of the body ("Ngày 12/6/2015, Sở X đã có ...") is no place-date of the header,
    # and the body's first paragraph, opening with the ministry's name, is no body's name
    text = ("| BỘ VĂN HÓA ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ------ |\n|---|---|\n"
            "| Số: 77/BVH-TC V/v trả lời kiến nghị về chế độ trợ cấp | Hà Nội , ngày 22 tháng 07 năm 2015 |\n\n"
            "Kính gửi: Ủy ban nhân dân tỉnh Hoa Mai\n\n"
            "Bộ Văn hóa nhận được Công văn số 18/UBND-VX ngày 27/05/2015 của Ủy ban nhân dân tỉnh Hoa Mai về việc giải quyết "
            "chế độ trợ cấp cho các nghệ nhân cao tuổi, Bộ Văn hóa có ý kiến như sau:\n\n"
            "Ngày 12/6/2015, Sở Văn hóa đã có Công văn số 49/SVH-TC trả lời Ủy ban nhân dân tỉnh Hoa Mai.\n\n"
            "Các nghệ nhân được hưởng chế độ theo quy định hiện hành.\n")
    h = parse_text(text, nlp=False).header
    assert (h.superior, h.issuer, h.number) == (None, "BỘ VĂN HÓA", "77/BVH-TC")


def test_an_annex_after_the_signature_ends_the_recipients_and_opens_its_own_outline():
    text = (HEAD + "V/v tổ chức ngày hội đọc sách\n\nKính gửi: Các trường học\n\n"
            "I. Nội dung\n1. Trưng bày sách.\n2. Thi kể chuyện.\nII. Tổ chức\n1. Các trường báo cáo kết quả.\n\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Thị Lan\n\n"
            "THUYẾT MINH KẾT QUẢ NĂM 2024\n1. Tình hình thực hiện\n- Báo cáo số đầu sách đã mua.\n"
            "- Báo cáo số lượt đọc.\n2. Kiến nghị\n- Những đề xuất khác.\n")
    doc = parse_text(text, nlp=False)
    assert doc.recipients == ["Như trên", "Lưu: VT"]
    assert [(n.number, [c.number for c in n.children]) for n in doc.sections] == [
        ("I.", ["1.", "2."]), ("II.", ["1."]), ("1.", []), ("2.", [])]


def _annex_rows(n: int) -> str:
    rows = "".join(f"| {i} | Trường Tiểu học số {i}: xây dựng bổ sung 04 phòng học | {600 + i} |  |\n" for i in range(1, n + 1))
    return ("PHỤ LỤC 01:\n\nDANH MỤC DỰ ÁN VÀ KẾ HOẠCH VỐN NĂM 2024\n\nĐVT: triệu đồng\n\n"
            "| STT | Danh mục dự án | Kế hoạch vốn năm 2024 | Ghi chú |\n|---|---|---|---|\n" + rows)


def test_a_closing_row_followed_by_a_long_annex_table():
    # the signature row stands 50 lines before the end: it is still the closing, the table no body text
    doc = parse_text(closing("| Nơi nhận: - Như Điều 3; - KBNN tỉnh; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn Bình |")
                     + "\n" + _annex_rows(50))
    assert doc.recipients == ["Như Điều 3", "KBNN tỉnh", "Lưu: VT"]
    s = doc.signature
    assert (s.on_behalf, s.position, s.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình")
    # the annex's rows are records of a table, not the plan's targets; the article's amount is one
    assert [t.text for t in doc.targets if "phòng học" in t.text] == []


def test_a_long_title_subject_on_one_line_under_the_type_word():
    subject = ("VỀ VIỆC PHÂN BỔ CHI TIẾT DANH MỤC VÀ KẾ HOẠCH VỐN NĂM 2024 THỰC HIỆN ĐỀ ÁN ĐẢM BẢO CƠ SỞ VẬT CHẤT "
               "CHO CÁC TRƯỜNG MẦM NON VÀ TIỂU HỌC TRÊN ĐỊA BÀN TỈNH HOA MAI GIAI ĐOẠN 2022-2025 VÀ ĐỀ ÁN NÂNG CAO "
               "NĂNG LỰC HOẠT ĐỘNG CỦA CÁC TRẠM Y TẾ XÃ, PHƯỜNG CỦA TỈNH HOA MAI GIAI ĐOẠN 2022-2025.")
    assert len(subject) > 250
    doc = parse_text(HEAD + "QUYẾT ĐỊNH\n\n" + subject + "\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n" + BODY, nlp=False)
    assert doc.title == "QUYẾT ĐỊNH " + subject


def test_the_rows_of_an_annex_table_are_no_targets():
    text = (HEAD + "QUYẾT ĐỊNH\n\nVỀ VIỆC PHÂN BỔ KẾ HOẠCH VỐN NĂM 2024\n\n"
            "Căn cứ Luật Đầu tư công ngày 13/6/2019;\n\nQUYẾT ĐỊNH:\n\n"
            "Điều 1. Phân bổ kế hoạch vốn năm 2024 cho Đề án xây dựng trường học: 5.000 triệu đồng.\n\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\n"
            "| Nơi nhận: - Như Điều 2; - Lưu: VT. | CHỦ TỊCH Lê Văn Bình |\n|---|---|\n\n" + _annex_rows(5))
    got = [t.text for t in parse_text(text).targets]
    assert [t for t in got if "phòng học" in t] == []
    assert any("5.000 triệu đồng" in t for t in got)
