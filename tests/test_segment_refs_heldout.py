"""Sections and legal-reference issuers: patterns the r4 held-out documents showed (invented text)."""
from kehoach.parser import parse_bytes
from kehoach.parser.nlp.dates import find_dates
from kehoach.parser.nlp.refs import find_mentions
from kehoach.parser.schema import iter_sections

HEAD = "KẾ HOẠCH\nTổ chức Tuần lễ học tập suốt đời năm 2024\n"


def tree(body: str, head: str = HEAD, checks: bool = False):
    doc = parse_bytes((head + body).encode("utf-8"), "t.txt", nlp=False, checks=checks)
    return [(s.level, s.number, s.heading) for s in iter_sections(doc.sections)], doc


def test_a_wrapped_measure_is_no_section_number():
    # "3.5m)." opens a line only because the sentence wrapped there: a decimal point, no "3."
    body = """I. ĐẶC ĐIỂM CƠ SỞ
1. Giao thông bên trong
Sân trường rộng, cổng chính đủ cho xe cứu hỏa tiếp cận (rộng 4.2m, cao
3.5m). Đường nội bộ trong trường rộng rãi, xe chuyên dụng đi lại thuận tiện.
2. Nguồn nước
Trường có một bể nước ngầm dung tích 20 mét khối.
"""
    got, doc = tree(body, checks=True)
    assert [(lv, n) for lv, n, _ in got] == [(1, "I."), (2, "1."), (2, "2.")]
    assert not [f for f in doc.findings if f.code.startswith("numbering")]


def test_letter_item_under_a_roman_heading_in_lower_case():
    # "III. Nội dung, hình thức" then "A. Môn cờ vua": the Roman heading's first item, not a new top
    body = """I. Mục đích yêu cầu
1. Khuyến khích đoàn viên rèn luyện thân thể.
2. Tạo không khí thi đua sôi nổi.
II. Đối tượng tham gia
Toàn thể đoàn viên công đoàn trường.
III. Nội dung, hình thức, thời gian
A. Môn cờ vua
B. Môn kéo co
"""
    got, _ = tree(body)
    assert [(lv, n) for lv, n, _ in got] == [
        (1, "I."), (2, "1."), (2, "2."), (1, "II."), (1, "III."), (2, "A."), (2, "B."),
    ]


def test_outline_renumbered_by_a_web_page():
    # the page's list markup wrote I. and II. as "1." and numbered their items on from there
    # ("2. Mục đích", "1. Yêu cầu"); "III." counts the two headings in capitals before it
    body = """1. MỤC ĐÍCH, YÊU CẦU:
2. Mục đích:
Giúp học sinh Trường THCS Hòa Lạc Đông yêu thích việc đọc sách.
1. Yêu cầu:
Các hoạt động diễn ra an toàn, tiết kiệm.
1. NỘI DUNG HOẠT ĐỘNG:
2. Giới thiệu sách mới tại thư viện.
3. Thi kể chuyện theo sách.
III. TỔ CHỨC THỰC HIỆN:
1. Thời gian: từ 15/4 đến 25/4/2024.
2. Thành phần: toàn thể giáo viên và học sinh.
"""
    got, _ = tree(body)
    assert got == [
        (1, "1.", "MỤC ĐÍCH, YÊU CẦU"), (2, "2.", "Mục đích"), (2, "1.", "Yêu cầu"),
        (1, "1.", "NỘI DUNG HOẠT ĐỘNG"), (2, "2.", "Giới thiệu sách mới tại thư viện."),
        (2, "3.", "Thi kể chuyện theo sách."), (1, "III.", "TỔ CHỨC THỰC HIỆN"),
        (2, "1.", "Thời gian: từ 15/4 đến 25/4/2024."), (2, "2.", "Thành phần: toàn thể giáo viên và học sinh."),
    ]


def test_an_outline_with_its_roman_numbers_is_read_as_written():
    # the same headings with their I. and II. kept: nothing renumbered
    body = """I. MỤC ĐÍCH, YÊU CẦU:
1. Mục đích:
Giúp học sinh yêu thích việc đọc sách.
2. Yêu cầu:
Các hoạt động diễn ra an toàn.
II. NỘI DUNG HOẠT ĐỘNG:
1. Giới thiệu sách mới tại thư viện.
III. TỔ CHỨC THỰC HIỆN:
1. Thời gian: từ 15/4 đến 25/4/2024.
"""
    got, _ = tree(body)
    assert [(lv, n) for lv, n, _ in got] == [
        (1, "I."), (2, "1."), (2, "2."), (1, "II."), (2, "1."), (1, "III."), (2, "1."),
    ]


def issuers(text: str) -> dict[str, str | None]:
    return {m.symbol: m.issuer for m in find_mentions(text, find_dates(text))}


def test_a_jointly_issued_plan_keeps_every_issuer():
    # the symbol names each body by its initials: "SGDĐT", "BATGTTP", "SGTVT"
    text = ("Căn cứ Kế hoạch liên tịch số 1207/KH-SGDĐT-BATGTTP-SGTVT ngày 5 tháng 3 năm 2024 của Sở Giáo dục "
            "và Đào tạo, Ban An toàn giao thông thành phố, Sở Giao thông vận tải về bảo đảm an toàn giao "
            "thông quanh trường học;")
    assert issuers(text)["1207/KH-SGDĐT-BATGTTP-SGTVT"] == (
        "Sở Giáo dục và Đào tạo, Ban An toàn giao thông thành phố, Sở Giao thông vận tải")


def test_one_issuer_with_its_division_code_stops_at_the_comma():
    # "GDTH" is a division of the Sở, not a second body: the name after the comma is no issuer
    text = ("Thực hiện Công văn số 845/SGDĐT-GDTH ngày 2 tháng 4 năm 2024 của Sở Giáo dục và Đào tạo, "
            "Phòng Giáo dục và Đào tạo huyện Đông Sơn triển khai kế hoạch.")
    assert issuers(text)["845/SGDĐT-GDTH"] == "Sở Giáo dục và Đào tạo"


def test_an_issuer_goes_on_past_its_abbreviation_in_brackets():
    # "(LĐLĐ)" inside the name: "Việt Nam" still belongs to it; an abbreviation that ends it stays out
    text = ("Căn cứ Kế hoạch số 15/KH-TLĐ ngày 12/02/2024 của Đoàn Chủ tịch Tổng Liên đoàn Lao động (LĐLĐ) "
            "Việt Nam về tổ chức Tháng Công nhân; Công văn số 9/CV-CĐN ngày 1/3/2024 của Công đoàn ngành (CĐN) "
            "về việc hưởng ứng.")
    got = issuers(text)
    assert got["15/KH-TLĐ"] == "Đoàn Chủ tịch Tổng Liên đoàn Lao động (LĐLĐ) Việt Nam"
    assert got["9/CV-CĐN"] == "Công đoàn ngành"


def test_a_coordination_programme_between_two_bodies():
    # "giữa A và B": each body spelt out by its initials in the symbol, a comma inside the first name;
    # the unknown leading code (CTPH) is the document's type
    text = ("Căn cứ Chương trình phối hợp số 27/CTPH-BVHTTDL-TLĐLĐVN ngày 14/3/2023 giữa Bộ Văn hoá, Thể thao "
            "và Du lịch và Tổng Liên đoàn Lao động Việt Nam về phát triển phong trào văn nghệ;")
    assert issuers(text)["27/CTPH-BVHTTDL-TLĐLĐVN"] == (
        "Bộ Văn hoá, Thể thao và Du lịch và Tổng Liên đoàn Lao động Việt Nam")
