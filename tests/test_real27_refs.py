"""reference-date-conflict and numbers that start again each year (helper real27): two directives
"số 02/CT-TTg" of two years are two documents, not one cited with two dates; the same day and
month in two years is still one document with a mistyped year. Invented wording."""
from conftest import parse_text

HEAD = ("UBND TỈNH HOA MAI\nSỞ VĂN HÓA\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 12/KH-SVH\nHoa Mai, ngày 10 tháng 3 năm 2024\n\nKẾ HOẠCH\nBảo vệ tài liệu năm 2024\n\n")


def conflicts(body: str) -> list[str]:
    doc = parse_text(HEAD + body, checks=True)
    return [f.code for f in doc.findings if f.code == "reference-date-conflict"]


def test_one_number_in_two_years_names_two_documents():
    body = ("I. CĂN CỨ\n1. Chỉ thị số 05/CT-TTg ngày 12 tháng 11 năm 2019 về tăng cường công tác lưu trữ.\n"
            "2. Chỉ thị số 05/CT-TTg ngày 03/7/2018 của Thủ tướng Chính phủ về lưu trữ điện tử.\n")
    assert conflicts(body) == []


def test_the_same_day_in_two_years_is_a_mistyped_year():
    body = ("I. CĂN CỨ\n1. Thông báo số 77/TB-SVH ngày 14/5/2023 của Sở Văn hóa.\n"
            "2. Thực hiện Thông báo số 77/TB-SVH ngày 14/5/2024 của Sở Văn hóa, tổ chức kiểm tra.\n")
    assert conflicts(body) == ["reference-date-conflict"]


def test_two_dates_in_one_year_are_a_conflict():
    body = ("I. CĂN CỨ\n1. Kế hoạch số 9/KH-UBND ngày 02/02/2024 của UBND tỉnh.\n"
            "2. Thực hiện Kế hoạch số 9/KH-UBND ngày 20/02/2024 của UBND tỉnh, tổ chức kiểm tra.\n")
    assert conflicts(body) == ["reference-date-conflict"]


def test_a_symbol_with_its_year_is_one_document_whatever_the_dates():
    body = ("I. CĂN CỨ\n1. Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.\n"
            "2. Thực hiện Nghị định số 30/2020/NĐ-CP ngày 15/7/2021 của Chính phủ về công tác văn thư.\n")
    assert conflicts(body) == ["reference-date-conflict"]


def test_dates_weeks_apart_across_new_year_are_a_conflict():
    # numbered again only when the two years' documents stand months apart
    body = ("I. CĂN CỨ\n1. Hướng dẫn số 4/HD-SVH ngày 08/01/2024 của Sở Văn hóa.\n"
            "2. Thực hiện Hướng dẫn số 4/HD-SVH ngày 20/12/2023 của Sở Văn hóa, tổ chức kiểm tra.\n")
    assert conflicts(body) == ["reference-date-conflict"]


# --- issuers ------------------------------------------------------------------------------------

from kehoach.parser.nlp.dates import find_dates  # noqa: E402
from kehoach.parser.nlp.refs import find_mentions, merge  # noqa: E402


def issuers(text: str) -> dict[str, str | None]:
    return {r["symbol"]: r["issuer"] for r in merge(find_mentions(text, find_dates(text)))}


def test_joint_ministries_listed_with_commas():
    got = issuers("theo Thông tư liên tịch số 14/2019/TTLT-BVH-BTC ngày 02/5/2019 của Liên Bộ Văn hóa, Bộ Tài chính, "
                  "Bộ Nội vụ.")
    assert got == {"14/2019/TTLT-BVH-BTC": "Liên Bộ Văn hóa, Bộ Tài chính, Bộ Nội vụ"}
    got = issuers("Căn cứ Thông tư liên tịch số 8/2017/TTLT-BVH-BTC ngày 1/3/2017 của liên Bộ: Văn hóa, Tài chính, "
                  "Nội vụ về việc hướng dẫn")
    assert got == {"8/2017/TTLT-BVH-BTC": "liên Bộ: Văn hóa, Tài chính, Nội vụ"}


def test_a_single_body_still_ends_at_its_comma():
    got = issuers("Căn cứ Quyết định số 12/QĐ-BVH ngày 3/4/2020 của Bộ Văn hóa, Sở Văn hóa tổ chức thực hiện.")
    assert got == {"12/QĐ-BVH": "Bộ Văn hóa"}


def test_a_body_after_the_dates_comma_opens_the_next_clause():
    got = issuers("Xét công văn số 58/BVH-TC ngày 30/10/2021 về chế độ trợ cấp theo Quyết định số 14/2020/QĐ-TTg "
                  "ngày 27/10/2020, Thủ tướng Chính phủ có ý kiến như sau:")
    assert got["14/2020/QĐ-TTg"] is None


def test_a_type_word_in_lower_case_ends_the_issuer():
    got = issuers("Nghị định số 90/2020/NĐ-CP ngày 13/8/2020 của Chính phủ nghị định về đánh giá, xếp loại cán bộ;")
    assert got == {"90/2020/NĐ-CP": "Chính phủ"}


# --- a date told before the document -------------------------------------------------------------


def dates_of(text: str) -> dict[str, str | None]:
    return {r["symbol"]: r["date"] for r in merge(find_mentions(text, find_dates(text)))}


def test_a_sentence_that_opens_with_the_date_a_body_issued_the_document():
    got = dates_of("Qua sơ kết tại 06 địa phương, ngày 16/8/2021 Bộ Văn hóa đã có Công văn số 33/BVH-TC gửi các sở. "
                   "Ngày 12/6/2022, Sở Y tế đã có Công văn số 49/SYT-NV trả lời Ủy ban. "
                   "Ngày 15 tháng 11 năm 2020 Liên Bộ Văn hóa, Bộ Tài chính ban hành Thông tư liên tịch số "
                   "14/2020/TTLT-BVH-BTC hướng dẫn việc thu phí.")
    assert got == {"33/BVH-TC": "2021-08-16", "49/SYT-NV": "2022-06-12", "14/2020/TTLT-BVH-BTC": "2020-11-15"}


def test_a_date_of_something_else_before_a_document_is_not_its_date():
    got = dates_of("Ngày 20/11/2024, trường tổ chức hội nghị theo Kế hoạch số 12/KH-CĐ của Công đoàn. "
                   "Ngày 3/5/2024 đoàn viên nhận quà; căn cứ Kế hoạch số 15/KH-CĐ của Công đoàn.")
    assert got == {"12/KH-CĐ": None, "15/KH-CĐ": None}


def test_a_list_whose_lead_names_the_issuer_before_the_numbers():
    got = issuers("Căn cứ các Quyết định của Thủ tướng Chính phủ số 14/2008/QĐ-TTg ngày 27/10/2008, "
                  "số 5/2010/QĐ-TTg ngày 20/8/2010 và số 6/2011/QĐ-TTg ngày 09/11/2011 để xây dựng dự toán.")
    assert got == {"14/2008/QĐ-TTg": "Thủ tướng Chính phủ", "5/2010/QĐ-TTg": "Thủ tướng Chính phủ",
                   "6/2011/QĐ-TTg": "Thủ tướng Chính phủ"}


def test_a_short_name_before_the_number_is_no_issuer():
    assert issuers("Căn cứ Luật Công đoàn số 12/2012/QH13 ngày 20/6/2012;") == {"12/2012/QH13": None}


def stale(body: str) -> list[str]:
    doc = parse_text(HEAD.replace("Bảo vệ tài liệu năm 2024", "Dự toán thu chi năm 2025") + body, checks=True)
    return [f.code for f in doc.findings if f.code == "stale-reference-date"]


def test_guidance_for_drawing_up_next_years_budget_comes_ahead_by_design():
    body = "I. CĂN CỨ\n1. Chỉ thị số 16/CT-UBND ngày 25/5/2024 về xây dựng dự toán ngân sách năm 2025.\n"
    assert stale(body) == []


def test_other_guidance_for_the_period_dated_long_before_it_is_still_stale():
    body = "I. CĂN CỨ\n1. Chỉ thị số 16/CT-UBND ngày 25/5/2024 về nhiệm vụ thu chi năm 2025.\n"
    assert stale(body) == ["stale-reference-date"]


# --- targets: two bounds joined by "nhưng" ---------------------------------------------------------

def test_a_bound_then_another_joined_by_but_are_two_targets():
    from conftest import target_texts

    got = target_texts("KẾ HOẠCH\nThu chi năm 2024\n1. Mức chi phục vụ tối đa bằng 40% mức phí quản lý của toàn tỉnh "
                       "nhưng phải bảo đảm mức chi của cấp xã tối thiểu bằng 30% và mức chi của cấp huyện tối thiểu "
                       "bằng 60% mức hiện hưởng.\n")
    assert got == ["Mức chi phục vụ tối đa bằng 40% mức phí quản lý của toàn tỉnh",
                   "phải bảo đảm mức chi của cấp xã tối thiểu bằng 30%",
                   "mức chi của cấp huyện tối thiểu bằng 60% mức hiện hưởng"]
    # one quantity and a "nhưng" after it: one target, whole
    assert target_texts("KẾ HOẠCH\nThu chi năm 2024\n1. Phấn đấu 100% đoàn viên tham gia nhưng không bắt buộc.\n") == [
        "Phấn đấu 100% đoàn viên tham gia nhưng không bắt buộc"]
