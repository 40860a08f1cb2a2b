"""A decision printed with the plan it issues (helper real27): "Điều 1." ... "Điều 3.", the
signature, then "KẾ HOẠCH" and the plan's "I. MỤC ĐÍCH ..." - the plan's Roman headings start
their own outline instead of nesting under the last article. Wording invented for the test."""
from conftest import parse_text

DECISION = ("UBND TỈNH HOA MAI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 41/QĐ-UBND\nHoa Mai, ngày 05 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch tổ chức ngày hội đọc sách năm 2024\n\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\nQUYẾT ĐỊNH:\n\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tổ chức ngày hội đọc sách năm 2024.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Điều 3. Chánh Văn phòng và các sở, ngành chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nCHỦ TỊCH\nLê Văn Bình\n\n")
PLAN = ("KẾ HOẠCH\nTổ chức ngày hội đọc sách năm 2024 (Kèm theo Quyết định số 41/QĐ-UBND ngày 05/3/2024)\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Khơi dậy phong trào đọc sách trong học sinh.\n2. Tiết kiệm, hiệu quả.\n"
        "II. NỘI DUNG\n1. Trưng bày sách tại các trường.\n2. Thi kể chuyện theo sách.\n")


def outline(nodes) -> list:
    return [(n.number, outline(n.children)) for n in nodes]


def test_the_plan_after_a_decision_opens_its_own_outline():
    doc = parse_text(DECISION + PLAN, nlp=False)
    assert outline(doc.sections) == [("Điều 1.", []), ("Điều 2.", []), ("Điều 3.", []),
                                     ("I.", [("1.", []), ("2.", [])]), ("II.", [("1.", []), ("2.", [])])]


def test_a_roman_heading_inside_an_article_stays_under_it():
    # no title line between: the article's own text goes on ("Điều 1. ... như sau:" / "I. MỤC TIÊU")
    text = DECISION.split("Điều 1.")[0] + ("Điều 1. Phê duyệt Kế hoạch với các nội dung sau:\n"
                                           "I. MỤC TIÊU\n1. Khơi dậy phong trào đọc sách.\nII. NỘI DUNG\n"
                                           "1. Trưng bày sách.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
                                           "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nLê Văn Bình\n")
    doc = parse_text(text, nlp=False)
    assert outline(doc.sections) == [("Điều 1.", [("I.", [("1.", [])]), ("II.", [("1.", [])])]), ("Điều 2.", [])]
