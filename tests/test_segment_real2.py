"""Section headings on patterns seen in real plans, on small texts written for the test."""
import io

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from kehoach.parser import parse_bytes
from kehoach.parser.schema import iter_sections

HEAD = "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN\nNĂM HỌC 2024-2025\n"


def tree(body: str, head: str = HEAD):
    doc = parse_bytes((head + body).encode("utf-8"), "t.txt", nlp=False, checks=False)
    return [(s.level, s.number, s.heading) for s in iter_sections(doc.sections)]


def test_a_dash_glued_to_the_number_and_the_heading():
    body = """1. Tự đánh giá:
Bản thân luôn hoàn thành nhiệm vụ được giao trong năm học.
2- Hướng khắc phục hạn chế:
Tăng cường tự học để nâng cao trình độ chuyên môn.
3-Kết quả bình xét của tổ công đoàn
Tổ thống nhất đề nghị xếp loại hoàn thành tốt nhiệm vụ.
4-Ý kiến của Ban Chấp hành
"""
    assert tree(body) == [(1, "1.", "Tự đánh giá"), (1, "2-", "Hướng khắc phục hạn chế"),
                          (1, "3-", "Kết quả bình xét của tổ công đoàn"), (1, "4-", "Ý kiến của Ban Chấp hành")]


def _docx(paragraphs) -> bytes:
    d = docx.Document()
    for text, level in paragraphs:
        p = d.add_paragraph(text)
        if level is not None:
            ppr = p._p.get_or_add_pPr()
            lvl = OxmlElement("w:outlineLvl")
            lvl.set(qn("w:val"), str(level - 1))
            ppr.append(lvl)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_one_stray_word_outline_level_heads_no_section():
    data = _docx([("BẢN TỰ KIỂM ĐIỂM CÁ NHÂN NĂM 2024", None), ("Họ và tên: Lê Thị Hoa Mai", None),
                  ("Là đoàn viên công đoàn Trường Tiểu học Sông Mây, tổ Khối Ba", 2),
                  ("1. Tự đánh giá:", None), ("Luôn hoàn thành nhiệm vụ.", None),
                  ("2. Hướng khắc phục:", None), ("Tự học thêm.", None)])
    doc = parse_bytes(data, "t.docx", nlp=False, checks=False)
    assert [(s.level, s.number, s.heading) for s in iter_sections(doc.sections)] == [
        (1, "1.", "Tự đánh giá"), (1, "2.", "Hướng khắc phục")]


def test_a_heading_line_that_stops_on_a_word_needing_more_goes_on():
    body = """Chương I
NHỮNG
QUY ĐỊNH CHUNG
Điều 1. Phạm vi áp dụng
Quy chế này áp dụng cho Công đoàn Trường Tiểu học Hoa Sen.
Điều 2. Nguyên tắc phối hợp
"""
    assert tree(body, head="QUY CHẾ PHỐI HỢP\n") == [
        (1, "Chương I", "NHỮNG QUY ĐỊNH CHUNG"), (2, "Điều 1.", "Phạm vi áp dụng"),
        (2, "Điều 2.", "Nguyên tắc phối hợp")]
    body = """I- ĐỐI VỚI CÁC
TỔ CÔNG ĐOÀN KHỐI LỚP
Nộp kinh phí trước ngày 15 hằng tháng.
II- ĐỐI VỚI BAN NỮ CÔNG
"""
    assert tree(body) == [(1, "I-", "ĐỐI VỚI CÁC TỔ CÔNG ĐOÀN KHỐI LỚP"), (1, "II-", "ĐỐI VỚI BAN NỮ CÔNG")]


def test_a_bare_number_repeating_the_open_one_is_no_heading():
    body = """IV. PHÂN CÔNG TRÁCH NHIỆM
Công đoàn chủ trì, phối hợp với nhà trường.
V. TỔ CHỨC THỰC HIỆN
Các tổ công đoàn triển khai kế hoạch này.
V TRƯỜNG HOA SEN/2S
"""
    assert [h for _, _, h in tree(body)] == ["PHÂN CÔNG TRÁCH NHIỆM", "TỔ CHỨC THỰC HIỆN"]


SCAN_BODY = """I. MỤC ĐÍCH, YÊU CÀUƯ
Các hoạt động phải đạt yêu cầu đề ra, thiết thực và hiệu quả.
II. CHỈ TIỂU PHÁN ĐẦU
Trong năm học, Công đoàn Trường Mầm non Cát Tiên phấn đấu hoàn thành các chỉ tiêu sau:
III. NỘI DUNG PHÓI HỢP
Công đoàn và nhà trường phối hợp tổ chức hội thi.
"""


def test_a_scans_headings_take_the_marks_its_body_writes():
    from kehoach.parser import segment

    doc = parse_bytes((HEAD + SCAN_BODY).encode("utf-8"), "t.txt", nlp=False, checks=False)
    assert [s.heading for s in doc.sections][1] == "CHỈ TIỂU PHÁN ĐẦU"  # typed text: as written
    doc.source.ocr = True
    segment.apply(doc)
    assert [s.heading for s in doc.sections] == ["MỤC ĐÍCH, YÊU CẦU", "CHỈ TIÊU PHẤN ĐẤU", "NỘI DUNG PHỐI HỢP"]


def test_a_run_of_bare_numbered_paragraphs_whose_1_was_read_as_i():
    body = """Công đoàn Trường Tiểu học Vân Sơn đề nghị các tổ công đoàn thực hiện một số nội dung sau:
I Tăng cường tuyên truyền trong đoàn viên về ý nghĩa của Tết Trung thu, quan tâm chăm lo cho các cháu là con đoàn viên.
2 Phối hợp với nhà trường tổ chức vui Tết Trung thu cho các cháu, tặng quà các cháu có hoàn cảnh khó khăn, học giỏi.
"""
    assert [(n, h[:20]) for _, n, h in tree(body)] == [("I", "Tăng cường tuyên tru"), ("2", "Phối hợp với nhà trư")]


def test_a_lists_last_item_ends_where_its_siblings_end():
    body = """Thành phần gồm các ông, bà có tên sau đây:
1) Ông Trần Văn Bình - Hiệu trưởng - Trưởng ban
2) Bà Lê Thị Hạnh - Phó Hiệu trưởng - Uỷ viên
3) Ông Vũ Minh Tâm - Tổ trưởng tổ Toán - Uỷ viên
4) Bà Hồ Thị Lan - Tổ trưởng tổ Văn - Uỷ viên Đã tiến hành kiểm tra hồ sơ thi đua của các tổ công đoàn trong nhà trường và thống nhất kết quả như sau
"""
    got = tree(body, head="BIÊN BẢN KIỂM TRA\n")
    assert got[-1] == (1, "4)", "Bà Hồ Thị Lan - Tổ trưởng tổ Văn - Uỷ viên")


def test_a_list_at_1_under_a_sub_heading_just_opened():
    body = """1. Đối tượng kết nạp vào Công đoàn, bao gồm:
1.1. Người lao động làm việc trong nhà trường.
Người lao động làm việc có hưởng lương, tán thành Điều lệ Công đoàn.
1. Giáo viên, nhân viên hợp đồng dài hạn của Trường Mầm non Sao Mai.
2. Giáo viên, nhân viên hợp đồng dưới một năm.
1.2. Người lao động tự nguyện gia nhập Công đoàn.
"""
    assert [(lv, n) for lv, n, _ in tree(body)] == [(1, "1."), (2, "1.1."), (3, "1."), (3, "2."), (2, "1.2.")]


def test_a_list_that_lost_its_numbers_to_1_takes_a_later_1_as_an_item():
    body = """1. Ngày 02/9/2024:
Giáo viên chủ nhiệm cho học sinh vệ sinh lớp học.
1. Ngày 03/9/2024: tập dượt lễ khai giảng.
2. Tổ chức lễ khai giảng năm học mới
3. Yêu cầu:
Trang trọng, tiết kiệm, an toàn.
1. Chương trình buổi lễ gồm phần lễ và phần hội.
"""
    got = tree(body, head="KẾ HOẠCH KHAI GIẢNG NĂM HỌC 2024-2025\n")
    assert [(lv, n) for lv, n, _ in got] == [(1, "1."), (1, "1."), (1, "2."), (1, "3."), (1, "1.")]
