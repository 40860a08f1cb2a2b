"""Frame rules from the held-out real set (r4): header, title, type and period as other
schools' pages write them. Invented text throughout."""
from conftest import parse_text
from kehoach.parser.text import legacy

BODY = "I. Mục đích yêu cầu\n- Phấn đấu 100% đoàn viên tham gia.\nII. Tổ chức thực hiện\n- Giao BCH triển khai.\n"
HEADER = ("PHÒNG GD&ĐT HUYỆN AN HẢI\nTRƯỜNG TH HOÀNG MAI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nSố: 05/KH-CĐ\nAn Hải, ngày 10 tháng 9 năm 2021\n")


def frame(text: str):
    return parse_text(text, nlp=False)


def test_page_opening_on_a_long_title_in_ordinary_case():
    # no header at all: the first line is the title, longer than a body line's title may be
    title = ("Kế hoạch Tổ chức các hoạt động văn hóa, thể thao chào mừng kỷ niệm 95 năm ngày thành lập "
             "Công đoàn Việt Nam (28/7/1929 - 28/7/2024) và Tháng Công nhân năm 2024")
    d = frame(title + "\n\nNhân dịp kỷ niệm ngày thành lập, Công đoàn trường xây dựng kế hoạch như sau.\n" + BODY)
    assert d.doc_type == "Kế hoạch" and d.title == title
    assert d.period is not None and (d.period.start, d.period.end) == ("2024-05", "2024-05")


def test_old_spelling_qui_names_the_type():
    d = frame(HEADER + "QUI CHẾ HOẠT ĐỘNG CỦA BAN NỮ CÔNG\n"
              "Ban nữ công nhà trường được kiện toàn từ ngày 10 tháng\n"
              "9 năm 2021, Các thành viên thống nhất những điều dưới\nđây:\n" + BODY)
    assert d.doc_type == "Quy chế"
    # a day's date broken over the body's first lines names no period of the title
    assert d.title == "QUI CHẾ HOẠT ĐỘNG CỦA BAN NỮ CÔNG"


def test_page_heading_over_a_bare_type_line():
    d = frame("QUI CHẾ CHI TIÊU NỘI BỘ CÔNG ĐOÀN\nHƯỚNG DẪN\nThu, chi tài chính Công đoàn cơ sở.\n" + BODY)
    assert d.doc_type == "Hướng dẫn" and d.title.startswith("HƯỚNG DẪN Thu, chi")


def test_site_headline_naming_a_school_year_is_no_superior():
    d = frame("Tổ chức Ngày hội thiếu nhi năm học 2022 - 2023\n\nTRƯỜNG TH HOÀNG MAI\nTỔ CHUYÊN MÔN 1\n"
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Số: 03/KH-TCM\nAn Hải, ngày 02 tháng 5 năm 2023\nKẾ HOẠCH NGÀY HỘI THIẾU NHI\n"
              "Năm học 2022 - 2023\n" + BODY)
    assert (d.header.superior, d.header.issuer) == ("TRƯỜNG TH HOÀNG MAI", "TỔ CHUYÊN MÔN 1")


def test_union_over_its_school_in_ordinary_case_with_lost_u():
    # the union's kind over the school's name ("Trờng": a page that dropped TCVN3's ư) is one body
    d = frame("Công đoàn cơ sở\nTrờng tiểu học Hoàng Mai\nCộng hoà xã hội chủ nghĩa Việt Nam\n"
              "Độc lập - Tự do - Hạnh phúc\nSố 02/KH-CĐ\nAn Hải ngày 01 tháng 10 năm 2019.\n"
              "Kế hoạch\nhoạt động công đoàn năm học 2019-2020\n" + BODY)
    assert (d.header.superior, d.header.issuer) == (None, "Công đoàn cơ sở Trờng tiểu học Hoàng Mai")


def test_handling_note_under_the_title_is_not_the_title():
    d = frame("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "PHƯƠNG ÁN PHÒNG CHÁY CHỮA CHÁY CỦA CƠ SỞ\n(Lưu hành nội bộ)\n" + BODY)
    assert d.title == "PHƯƠNG ÁN PHÒNG CHÁY CHỮA CHÁY CỦA CƠ SỞ" and d.doc_type == "Phương án"


def test_type_word_left_in_its_legacy_font_look():
    # "KẾ HOẠCH" typed in VNI-Times and pasted as its cp1252 look, amid Unicode lines
    vni = legacy.encode("KẾ HOẠCH", "vni").decode("cp1252")
    d = frame(HEADER + vni + "\nV/V TỔ CHỨC NGÀY HỘI ĐỌC SÁCH NĂM 2021\n- Thực hiện kế hoạch năm học;\n" + BODY)
    assert d.doc_type == "Kế hoạch" and d.title.startswith(vni + " V/V TỔ CHỨC")


def test_cong_van_subject_under_the_place_date_line():
    # no type word: the subject "Về ..." under the header's last line, "Kính gởi" below it
    d = frame("LIÊN ĐOÀN LAO ĐỘNG TỈNH AN HẢI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG ĐOÀN NGÀNH Y TẾ\n"
              "Độc lập - Tự do - Hạnh phúc\nSố: 31/KH-CĐYT\nAn Hải, ngày 03 tháng 12 năm 2020\n"
              "Về quyên góp sách vở\ntặng học sinh vùng lũ\nKính gởi: Chủ tịch CĐCS trực thuộc.\n"
              "Ban Thường vụ Công đoàn ngành đề nghị các đơn vị vận động đoàn viên.\n")
    assert d.doc_type == "Công văn" and d.title == "Về quyên góp sách vở tặng học sinh vùng lũ"


def test_cover_place_and_year_under_its_facts():
    d = frame("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "PHƯƠNG ÁN PHÒNG CHÁY CHỮA CHÁY CỦA CƠ SỞ\nTên cơ sở: Trường mầm non Hoàng Mai.\n"
              "Địa chỉ: xã Hoàng Mai, huyện An Hải.\nĐiện thoại: ........\n\nAn Hải, 2022\n" + BODY)
    assert (d.header.place, d.header.date) == ("An Hải", None)
