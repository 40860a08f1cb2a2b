"""Every numbering style issue 2 lists, on small plans written for the test."""
from kehoach.parser import parse_bytes
from kehoach.parser.schema import iter_sections

HEAD = "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN\nNĂM HỌC 2024-2025\n"


def tree(body: str, head: str = HEAD):
    doc = parse_bytes((head + body).encode("utf-8"), "t.txt", nlp=False, checks=False)
    return [(s.level, s.number, s.heading) for s in iter_sections(doc.sections)], doc


def test_roman_arabic_letter_and_bullets():
    body = """I. MỤC ĐÍCH YÊU CẦU
1. Mục đích
- Nâng cao chất lượng hoạt động.
+ Chi tiết một.
2. Yêu cầu
a) Đúng quy định
b) Thiết thực
II. NỘI DUNG
1/ Công tác tuyên truyền
2/ Công tác thi đua
"""
    got, _ = tree(body)
    assert got == [
        (1, "I.", "MỤC ĐÍCH YÊU CẦU"), (2, "1.", "Mục đích"), (2, "2.", "Yêu cầu"),
        (3, "a)", "Đúng quy định"), (3, "b)", "Thiết thực"), (1, "II.", "NỘI DUNG"),
        (2, "1/", "Công tác tuyên truyền"), (2, "2/", "Công tác thi đua"),
    ]


def test_parts_with_heading_on_next_line_and_letters():
    body = """PHẦN THỨ NHẤT
ĐÁNH GIÁ KẾT QUẢ NĂM HỌC 2023-2024
A. Ưu điểm
B. Tồn tại
PHẦN THỨ HAI
PHƯƠNG HƯỚNG NHIỆM VỤ
I - Nhiệm vụ chung
II - Nhiệm vụ cụ thể
"""
    got, _ = tree(body)
    assert got == [
        (1, "PHẦN THỨ NHẤT", "ĐÁNH GIÁ KẾT QUẢ NĂM HỌC 2023-2024"), (2, "A.", "Ưu điểm"), (2, "B.", "Tồn tại"),
        (1, "PHẦN THỨ HAI", "PHƯƠNG HƯỚNG NHIỆM VỤ"), (2, "I -", "Nhiệm vụ chung"), (2, "II -", "Nhiệm vụ cụ thể"),
    ]


def test_quarters_months_and_bare_numbers():
    body = """QUÝ III/2021 (Tháng 7 – 9)
Tháng 7/2021
- Họp Ban Chấp hành.
Tháng 8/2021
- Tổ chức tập huấn.
QUÝ IV/2021 (Tháng 10 – 12)
1 Tổ chức hội nghị
2 Tổng kết năm
"""
    got, _ = tree(body, head="KẾ HOẠCH CÔNG TÁC 6 THÁNG CUỐI NĂM 2021\n")
    assert [(lv, num) for lv, num, _ in got] == [
        (1, "QUÝ III/2021"), (2, "Tháng 7/2021"), (2, "Tháng 8/2021"), (1, "QUÝ IV/2021"), (2, "1"), (2, "2"),
    ]


def test_numbered_table_rows_are_not_sections():
    body = """1. Lịch công tác
STT Nội dung Thời gian Người thực hiện
1 Họp BCH Tháng 9 Chủ tịch
2 Đại hội Tháng 10 BCH
| 3 | Tổng kết | Tháng 5 | BCH |
2. Tổ chức thực hiện
"""
    got, _ = tree(body)
    assert [(lv, num) for lv, num, _ in got] == [(1, "1."), (1, "2.")]


def test_restart_inside_parent_and_sequence_guard():
    body = """CHƯƠNG TRÌNH 1
Công tác tuyên truyền
1. Học tập nghị quyết
2. Phổ biến pháp luật
CHƯƠNG TRÌNH 2
Công tác kiểm tra
1. Kiểm tra tài chính
Năm 2024 có 7 chương trình.
5. Một dòng đánh số lạc chỗ không phải mục
2. Kiểm tra giám sát
"""
    got, _ = tree(body)
    assert [(lv, num) for lv, num, _ in got] == [
        (1, "CHƯƠNG TRÌNH 1"), (2, "1."), (2, "2."), (1, "CHƯƠNG TRÌNH 2"), (2, "1."), (2, "2."),
    ]


def test_glued_number_and_wrapped_heading():
    body = """NHIỆM VỤ CỦA ĐƠN VỊ1. Công tác tuyên truyền, vận động đoàn viên
và người lao động
- Tuyên truyền nghị quyết.
2. Công tác chăm lo
"""
    got, _ = tree(body)
    assert got[0] == (1, "1.", "Công tác tuyên truyền, vận động đoàn viên và người lao động")
    assert got[1][:2] == (1, "2.")


def test_whole_plan_as_one_paragraph():
    filler = "Tiếp tục thực hiện tốt các nhiệm vụ được giao trong năm học. " * 15
    body = ("Căn cứ hướng dẫn của cấp trên, Công đoàn xây dựng kế hoạch như sau: 1. Nhiệm vụ trọng tâm. " + filler
            + "1.1. Chăm lo đời sống đoàn viên. " + filler + "1.2. Tuyên truyền giáo dục. " + filler
            + "2. Giải pháp thực hiện. " + filler)
    got, _ = tree(body + "\n")
    assert [(lv, num) for lv, num, _ in got] == [(1, "1."), (2, "1.1."), (2, "1.2."), (1, "2.")]
    assert got[0][2] == "Nhiệm vụ trọng tâm"


def test_capital_letters_typed_with_the_latin_alphabet():
    # A..F as typed on a Latin keyboard: no Đ between D and E, and F exists
    body = "".join(f"{c}. PHẦN {c}\nNội dung {c}.\n" for c in "ABCDEF")
    got, _ = tree(body)
    assert [n for _, n, _ in got] == ["A.", "B.", "C.", "D.", "E.", "F."]
    assert {lvl for lvl, _, _ in got} == {1}


def test_multi_level_numbers_without_a_last_dot():
    from kehoach.parser import parse_bytes

    t = ("KẾ HOẠCH HOẠT ĐỘNG\nNăm học 2014-2015\n1. Chăm lo đời sống\nViệc chăm lo được làm tốt.\n"
         "1.1 Công đoàn tổ chức các hoạt động.\nTổ chức tọa đàm.\n1.2 Công đoàn thăm hỏi.\n2. Tuyên truyền\nNội dung.\n")
    d = parse_bytes(t.encode(), "a.txt")
    assert [(s.number, [c.number for c in s.children]) for s in d.sections] == [("1.", ["1.1", "1.2"]), ("2.", [])]
    assert not [f for f in d.findings if f.code.startswith("numbering")]


def test_numbered_paragraph_wrapped_at_page_width_keeps_its_first_line():
    # a numbered paragraph broken at the page width (a PDF or a page copied as text): the
    # heading is its first line; a heading wrapped onto a short second line stays whole
    body = """Điều 1. Nay thành lập Tổ công tác chuẩn bị Hội diễn văn nghệ chào mừng ngày
thành lập Công đoàn Việt Nam của Trường Tiểu học Hòa Phú gồm các ông (bà) có tên
trong danh sách kèm theo.
Điều 2. Tổ công tác có nhiệm vụ xây dựng kịch bản
và phân công người phụ trách.
Điều 3. Quyết định có hiệu lực kể từ ngày ký.
"""
    got, _ = tree(body, "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n")
    assert [h for _, _, h in got] == [
        "Nay thành lập Tổ công tác chuẩn bị Hội diễn văn nghệ chào mừng ngày",
        "Tổ công tác có nhiệm vụ xây dựng kịch bản và phân công người phụ trách.",
        "Quyết định có hiệu lực kể từ ngày ký.",
    ]


def test_numbered_paragraph_of_two_sentences_is_its_heading():
    # one numbered item of a sentence or two stays whole however long; a heading run into a
    # body of many sentences keeps its first sentence (see test_whole_plan_as_one_paragraph)
    item = ("Tổ chức cho toàn thể đoàn viên học tập, quán triệt các nghị quyết của Đảng ủy cấp trên về công tác "
            "xây dựng Đảng và xây dựng hệ thống chính trị trong trường học năm 2025. Trọng tâm là: nghị quyết về "
            "đổi mới giáo dục; nghị quyết về chăm lo đời sống người lao động; nghị quyết về chuyển đổi số trong "
            "các cơ quan, đơn vị sự nghiệp công lập")
    got, _ = tree(f"1. {item}\n2. Xây dựng chi bộ trong sạch, vững mạnh.\n")
    assert got[0] == (1, "1.", item)


def test_letters_with_a_slash():
    # "a/", "b/" as many reports number their items (the "1/" of letters)
    body = """I/ Kết quả thực hiện nhiệm vụ năm học
1. Kết quả học tập cuối năm
a/ Về phẩm chất: 312/315 học sinh đạt, chiếm 99%.
b/ Về năng lực: 310/315 học sinh đạt.
2. Công tác thi đua
"""
    got, _ = tree(body)
    assert [(lv, num) for lv, num, _ in got] == [(1, "I/"), (2, "1."), (3, "a/"), (3, "b/"), (2, "2.")]
    assert got[1][2] == "Kết quả học tập cuối năm"


def test_weeks_lone_number_and_caps_heading_with_an_aside():
    # a schedule by weeks; a PDF line holding only "3." (its text on the next line); a heading in
    # capitals ending in a lower-case aside keeps it
    body = """I. LỊCH TỔ CHỨC (02/3 → 22/3/2025)
Tuần 1 (02-08/3) – Phát động hội thi:
04/3: Họp tổ chuyên môn phân công.
Tuần 2 (09-15/3) – Vòng sơ khảo:
12/3: Chấm bài vòng sơ khảo.
II. KINH PHÍ DỰ KIẾN (tổng 5.000.000đ)
1. Giải thưởng: 3.000.000đ.
2. Tuyên truyền: 1.000.000đ.
3.
Hỗ trợ các đội dự thi chuẩn bị sản phẩm, mô hình trưng bày tại hội trường nhà
trường trong ngày chung kết.
"""
    got, _ = tree(body)
    assert [(lv, num) for lv, num, _ in got] == [
        (1, "I."), (2, "Tuần 1"), (2, "Tuần 2"), (1, "II."), (2, "1."), (2, "2."), (2, "3.")]
    assert got[3][2] == "KINH PHÍ DỰ KIẾN (tổng 5.000.000đ)"
    assert got[6][2] == "Hỗ trợ các đội dự thi chuẩn bị sản phẩm, mô hình trưng bày tại hội trường nhà"


# A document-sharing site's preview: the site's chrome in short lines, the plan in one line with
# its headings glued after a colon or a period (invented text).
FLAT_CHROME = "1. Trang chủ\n2. » Tài liệu\nKế hoạch công đoàn trường Tiểu học Hoà Bình\nĐang tải...\nNội dung\n"
FLAT_PLAN = (
    "CÔNG ĐOÀN TRƯỜNG TIỂU HỌC HOÀ BÌNH KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN NĂM HỌC 2023 – 2024 Căn cứ Kế hoạch số "
    "45/KH-CĐGD ngày 12/9/2023 của Công đoàn Giáo dục huyện; căn cứ Điều 1. Mục 2 của Quy chế phối hợp, Công "
    "đoàn trường xây dựng kế hoạch năm học 2023 – 2024 như sau:I. TÌNH HÌNH CHUNG1. Số lượng đoàn viên:a) "
    "Biên chế: Tổng số 32 đoàn viên, nữ 27, tỷ lệ 84,4%. Chỉ thị số 05. Nhà trường có 14 lớp với 420 học "
    "sinh.b) Hợp đồng: 3 người, đều là nữ.2. Chất lượng đội ngũ: Đạt chuẩn 100%, trên chuẩn 28 người. Tuổi bình "
    "quân 41,5 năm; ngày 1. 2 hằng tháng họp tổ. II. NHIỆM VỤ TRỌNG TÂM1. Chăm lo đời sống đoàn viên: Thăm "
    "hỏi ốm đau, hiếu hỷ kịp thời; phấn đấu 100% đoàn viên được thăm hỏi. 2. Tuyên truyền, giáo dục: Tổ "
    "chức học tập nghị quyết cho 100% đoàn viên trong tháng 10/2023. Trên đây là kế hoạch của Công đoàn "
    "trường Tiểu học Hoà Bình."
)


def test_flattened_preview_recovers_its_outline():
    doc = parse_bytes((FLAT_CHROME + FLAT_PLAN + "\n").encode("utf-8"), "t.txt", nlp=False, checks=False)
    got = [(s.level, s.number, s.heading) for s in iter_sections(doc.sections)]
    assert got == [
        (1, "I.", "TÌNH HÌNH CHUNG"), (2, "1.", "Số lượng đoàn viên"),
        (3, "a)", "Biên chế: Tổng số 32 đoàn viên, nữ 27, tỷ lệ 84,4%. Chỉ thị số 05. Nhà trường có 14 lớp với 420 học sinh."),
        (3, "b)", "Hợp đồng: 3 người, đều là nữ."),
        (2, "2.", "Chất lượng đội ngũ: Đạt chuẩn 100%, trên chuẩn 28 người. Tuổi bình quân 41,5 năm; ngày 1. 2 hằng tháng họp tổ."),
        (1, "II.", "NHIỆM VỤ TRỌNG TÂM"),
        (2, "1.", "Chăm lo đời sống đoàn viên: Thăm hỏi ốm đau, hiếu hỷ kịp thời; phấn đấu 100% đoàn viên được thăm hỏi."),
        (2, "2.", "Tuyên truyền, giáo dục: Tổ chức học tập nghị quyết cho 100% đoàn viên trong tháng 10/2023. "
                 "Trên đây là kế hoạch của Công đoàn trường Tiểu học Hoà Bình."),
    ]
    # the text is cut, never rewritten: every block's offsets point at its own words
    assert all(doc.text[s.start:s.start + len(s.number)] == s.number for s in iter_sections(doc.sections))
    assert "Điều 1. Mục 2" in doc.text and "ngày 1. 2 hằng" in doc.text and "Chỉ thị số 05. Nhà" in doc.text


def test_flattened_excerpt_with_dot_slash_numbers_and_caps_headings():
    # a web excerpt on one line: "I./", "A./", "1./" numbers, some after a figure rather than
    # a period; letters under a Roman heading in capitals
    text = (
        "CÔNG ĐOÀN TRƯỜNG THCS SƠN TRUNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Sơn "
        "Trung, ngày 20 tháng 5 năm 2022 BÁO CÁO TỔNG KẾT HOẠT ĐỘNG CÔNG ĐOÀN NĂM HỌC 2021 - 2022 I./CÔNG TÁC "
        "TỔ CHỨC: A./Tư tưởng chính trị: Đoàn viên chấp hành tốt chủ trương của Đảng, pháp luật của Nhà nước; "
        "không có đoàn viên vi phạm. B./TÌNH HÌNH ĐOÀN VIÊN: 1./Tổng số đoàn viên: 41 người, nữ 30 2./Trình độ "
        "chuyên môn: Đại học 35, cao đẳng 6 3./Tổ công đoàn: 04 tổ. II./KẾT QUẢ THỰC HIỆN: Tổ chức tốt các "
        "phong trào thi đua trong năm học, tham gia đầy đủ các hội thi do cấp trên phát động. "
        + "Các tổ công đoàn sinh hoạt đều đặn hằng tháng theo kế hoạch đã đề ra. " * 6
    )
    got, _ = tree(text + "\n", "")
    assert [(lv, n) for lv, n, _ in got] == [(1, "I."), (2, "A./"), (2, "B./"), (3, "1."), (3, "2."), (3, "3."), (1, "II.")]
    assert got[0][2] == "CÔNG TÁC TỔ CHỨC" and got[2][2] == "TÌNH HÌNH ĐOÀN VIÊN"


def test_rebreak_leaves_numbers_inside_sentences():
    from kehoach.parser.text.rebreak import rebreak

    prose = ("Thực hiện Điều 1. Mục 2 của Điều lệ, ngày 1. 2 năm 2019 2020. Theo Chỉ thị số 05. Tỷ lệ tăng 8,5% so "
             "với 1.5. Trong năm có 3 đợt thi đua. Ông Nguyễn Văn A. Trần xếp thứ 2. Sau đó Số: 01/KH-CĐCS được gửi.")
    assert rebreak(prose) == [prose]
    # a list after a colon, cut; "2." glued to the period before it too
    assert rebreak("gồm các nội dung sau: 1. Khai mạc hội nghị. 2. Báo cáo kết quả.3. Bế mạc") == [
        "gồm các nội dung sau:", "1. Khai mạc hội nghị.", "2. Báo cáo kết quả.", "3. Bế mạc"]


def test_lines_of_a_normal_document_are_not_rebroken():
    # a plan with its line breaks: a long paragraph holding "như sau: 1. ... 2. ..." stays one line
    para = ("Công đoàn phối hợp với chuyên môn tổ chức các hoạt động như sau: 1. Hội thi giáo viên dạy giỏi cấp trường. "
            "2. Hội thao chào mừng ngày Nhà giáo Việt Nam. " + "Mọi đoàn viên tham gia tích cực, có trách nhiệm. " * 6).strip()
    body = "I. MỤC ĐÍCH\n1. Nâng cao đời sống.\n2. Thi đua dạy tốt.\nII. NỘI DUNG\n" + para + "\n" + "- Tham gia.\n" * 12
    got, doc = tree(body)
    assert [n for _, n, _ in got] == ["I.", "1.", "2.", "II."]
    assert para in doc.text.split("\n")


def test_caps_heading_run_into_a_long_body_after_its_colon():
    # a heading in capitals, its colon, then a body of two long sentences on the same line
    body = ("I. MỤC ĐÍCH, YÊU CẦU: Tạo không khí phấn khởi cho toàn thể đoàn viên và người lao động trước thềm năm "
            "học mới, gắn bó đoàn kết trong tập thể nhà trường, nâng cao ý thức trách nhiệm của mỗi người đối với "
            "công việc được giao. Chuẩn bị chu đáo mọi mặt để các hoạt động diễn ra an toàn, tiết kiệm, đúng kế "
            "hoạch và mang lại niềm vui thiết thực cho các thầy cô giáo cùng các em học sinh\nII. NỘI DUNG\n")
    got, _ = tree(body)
    assert [(n, h) for _, n, h in got] == [("I.", "MỤC ĐÍCH, YÊU CẦU"), ("II.", "NỘI DUNG")]


def test_comma_numbers_and_a_chapter_that_lost_its_u():
    # "1, Công tác ..." typed with a comma; "Chơng I" from a TCVN3 page that dropped its ư
    got, _ = tree("PHẦN I\nĐÁNH GIÁ NĂM HỌC 2023 - 2024\n1, Công tác tư tưởng:\n- Học tập nghị quyết.\n"
                  "2, Công tác chăm lo:\n- Thăm hỏi đoàn viên.\n")
    assert [(lv, n) for lv, n, _ in got] == [(1, "PHẦN I"), (2, "1,"), (2, "2,")]
    body = ("Chơng I\nNhững quy định chung\nĐiều 1: Quy chế này quy định việc phối hợp giữa nhà trờng và công đoàn.\n"
            "Điều 2: Hai bên tôn trọng chức năng của nhau.\nChơng II\nNội dung phối hợp\nĐiều 3: Phối hợp chăm lo đời sống.\n")
    got, _ = tree(body, "QUY CHẾ\nPhối hợp công tác giữa Ban giám hiệu và Công đoàn\n")
    assert [(lv, n, h) for lv, n, h in got][:2] == [(1, "Chơng I", "Những quy định chung"), (2, "Điều 1:", got[1][2])]
    assert [(lv, n) for lv, n, _ in got] == [(1, "Chơng I"), (2, "Điều 1:"), (2, "Điều 2:"), (1, "Chơng II"), (2, "Điều 3:")]


def test_top_list_numbers_lost_to_one():
    # a web page turned the top list's I., II. into "1." each time; "III." counts the headings
    # before it; "Phần ITập huấn" has its Roman number glued to the heading
    body = """1. MỤC ĐÍCH, YÊU CẦU
– Giúp đoàn viên hiểu ý nghĩa ngày thành lập Công đoàn Việt Nam.
1. NỘI DUNG
Phần ITập huấn kỹ năng
1. Kỹ năng thương lượng tập thể;
2. Kỹ năng đối thoại tại nơi làm việc;
Phần II: Giao lưu văn nghệ
– Mỗi tổ công đoàn một tiết mục.
III. THÀNH PHẦN, THỜI GIAN
– Toàn thể đoàn viên công đoàn.
1. Chương trình buổi lễ
Phần I: Phần lễ
1. Chào cờ, tuyên bố lý do.
2. Phát biểu của Chủ tịch Công đoàn.
"""
    got, _ = tree(body)
    assert [(lv, n) for lv, n, _ in got] == [
        (1, "1."), (1, "1."), (2, "Phần I"), (3, "1."), (3, "2."), (2, "Phần II"), (1, "III."),
        (1, "1."), (2, "Phần I"), (3, "1."), (3, "2."),
    ]
    assert got[2][2] == "Tập huấn kỹ năng"


def test_a_dashed_top_letter_and_a_b_after_a_lost_a():
    # "- A. KẾT QUẢ ...": a dash before a top heading's letter in capitals still opens it; a bullet
    # item's "- B. ..." in ordinary case stays a bullet
    body = """- A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM HỌC
1. Công tác tuyên truyền
- B. trình bày ở phần sau.
2. Công tác chăm lo đời sống
"""
    got, _ = tree(body)
    assert [(lv, n) for lv, n, _ in got] == [(1, "A."), (2, "1."), (2, "2.")]
    assert got[0][2] == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM HỌC"
    # the page lost "A." over its first part: "B." counts the top headings before it
    body = """1. ĐẶC ĐIỂM TÌNH HÌNH:
1. Thuận lợi
2. Khó khăn
B. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM HỌC 2024 – 2025:
I. PHƯƠNG HƯỚNG CHUNG:
II. CÁC CHỈ TIÊU:
"""
    got, _ = tree(body)
    assert [(lv, n) for lv, n, _ in got] == [(1, "1."), (2, "1."), (2, "2."), (1, "B."), (2, "I."), (2, "II.")]


def test_long_paragraphs_numbered_bare_make_a_list():
    # a scan's "1 Tuyên truyền ..." with no mark after the number: long paragraphs of prose numbered
    # 1, 2 in turn are its items; a lone long "1 ..." paragraph with figures stays a paragraph
    body = ("Ban Thường vụ đề nghị các công đoàn cơ sở thực hiện những nội dung sau:\n"
            "1 Tuyên truyền cho đoàn viên hiểu rõ ý nghĩa của ngày Nhà giáo Việt Nam, gắn với phong trào thi đua "
            "dạy tốt, học tốt và cuộc vận động mỗi thầy cô giáo là một tấm gương tự học, sáng tạo trong năm 2024.\n"
            "2 Phối hợp cùng chuyên môn tổ chức gặp mặt các thầy cô giáo đã nghỉ hưu, thăm hỏi đoàn viên có hoàn cảnh khó khăn.\n"
            "3 Hằng năm, ban chấp hành công đoàn và ban giám hiệu cùng tổng kết việc thực hiện quy chế phối hợp, rút kinh nghiệm "
            "và báo cáo kết quả về công đoàn cấp trên đúng thời hạn quy định.\n")
    got, _ = tree(body, head="")
    assert [(lv, n) for lv, n, _ in got] == [(1, "1"), (1, "2"), (1, "3")]
    assert got[1][2].startswith("Phối hợp cùng chuyên môn")
    body = ("Ban Thường vụ đề nghị các công đoàn cơ sở thực hiện những nội dung sau:\n"
            "1 Tuyên truyền cho đoàn viên hiểu rõ ý nghĩa của ngày 20 tháng 11, gắn với phong trào thi đua "
            "dạy tốt, học tốt và cuộc vận động mỗi thầy cô giáo là một tấm gương tự học, sáng tạo trong năm 2024.\n"
            "Các đơn vị báo cáo kết quả về Công đoàn ngành trước ngày 25/11.\n")
    got, _ = tree(body, head="")
    assert got == []


def test_an_excerpt_of_a_regulation_from_a_later_chapter():
    # a page quoting one chapter of a charter: "Chương V" and its articles numbered on from before
    body = """Chương V: CÔNG TÁC KIỂM TRA
Điều 28. Nhiệm vụ kiểm tra
Ban chấp hành công đoàn các cấp tổ chức kiểm tra việc chấp hành điều lệ.
Điều 29. Ủy ban kiểm tra
1. Ủy ban kiểm tra do ban chấp hành bầu ra.
2. Nhiệm kỳ của ủy ban kiểm tra theo nhiệm kỳ của ban chấp hành.
"""
    got, _ = tree(body, head="ĐIỀU LỆ CÔNG ĐOÀN TRƯỜNG HOA SEN\n")
    assert [(lv, n) for lv, n, _ in got] == [(1, "Chương V"), (2, "Điều 28."), (2, "Điều 29."), (3, "1."), (3, "2.")]
    assert got[0][2] == "CÔNG TÁC KIỂM TRA"


def test_a_procedures_steps_under_its_lettered_items():
    body = """I. TRÌNH TỰ ĐÁNH GIÁ
1. Đối với đoàn viên
a) Đoàn viên là giáo viên
Bước 1: Đoàn viên tự nhận xét bằng văn bản.
Bước 2: Tổ công đoàn góp ý.
b) Đoàn viên là nhân viên
Bước 1: Đoàn viên tự nhận xét.
Bước 2: Ban chấp hành kết luận.
II. TỔ CHỨC THỰC HIỆN
"""
    got, _ = tree(body)
    assert [(lv, n) for lv, n, _ in got] == [
        (1, "I."), (2, "1."), (3, "a)"), (4, "Bước 1"), (4, "Bước 2"), (3, "b)"), (4, "Bước 1"), (4, "Bước 2"), (1, "II.")]
    assert got[3][2] == "Đoàn viên tự nhận xét bằng văn bản."


def test_a_scans_iii_read_as_hi():
    body = """I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao đời sống văn hóa của đoàn viên.
II. CHỈ TIÊU PHẤN ĐẤU
- 90% đoàn viên tham gia các hoạt động.
HI. NỘI DUNG PHỐI HỢP
1. Tuyên truyền, phổ biến.
2. Tổ chức hội thao.
IV. TỔ CHỨC THỰC HIỆN
"""
    got, _ = tree(body)
    assert [(lv, n) for lv, n, _ in got] == [(1, "I."), (2, "1."), (1, "II."), (1, "III."), (2, "1."), (2, "2."), (1, "IV.")]
    assert got[3][2] == "NỘI DUNG PHỐI HỢP"
    # "HI." opening no list of Roman numbers is no heading
    got, _ = tree("HI. CHÀO MỪNG NGÀY HỘI\n1. Tổ chức văn nghệ.\n")
    assert [n for _, n, _ in got] == ["1."]


def test_a_part_whose_heading_line_runs_into_its_first_sub_heading():
    body = """Ban chấp hành báo cáo kết quả nhiệm kỳ như sau:
Phần thứ nhất
KẾT QUẢ HOẠT ĐỘNG CÔNG ĐOÀN GIAI ĐOẠN 2020 – 2025 I Tình hình đoàn viên, lao động
1 Tình hình chung:
+ Thuận lợi: nhà trường luôn quan tâm.
II Kết quả thực hiện các nhiệm vụ
"""
    got, _ = tree(body, head="BÁO CÁO TỔNG KẾT NHIỆM KỲ 2020 – 2025\n")
    assert [(lv, n) for lv, n, _ in got] == [(1, "Phần thứ nhất"), (2, "I"), (3, "1"), (2, "II")]
    assert got[0][2] == "KẾT QUẢ HOẠT ĐỘNG CÔNG ĐOÀN GIAI ĐOẠN 2020 – 2025"
    assert got[1][2] == "Tình hình đoàn viên, lao động"
