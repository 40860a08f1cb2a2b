"""Legal references as real documents damage them (corpora/real, helper real26): a "số" or a type
word whose toned letters a legacy conversion dropped, '&' spaced inside a code, a symbol whose
slashes a site lost, a second symbol listed after the first one's "V/v" subject, the ministries
after "liên Bộ:", and a symbol OCR cut to one letter. Wording invented for these tests."""
from __future__ import annotations

from kehoach.parser.nlp.dates import find_dates
from kehoach.parser.nlp.refs import find_mentions, merge, parse_symbol


def refs(text: str) -> dict[str, dict]:
    return {r["symbol"]: r for r in merge(find_mentions(text, find_dates(text)))}


def test_so_without_its_letter():
    got = refs("- Căn cứ Thông tư liên tịch s 09/TT/LT của Bộ Y tế và Công đoàn Y tế qui định về phối hợp;")
    assert list(got) == ["09/TT/LT"]
    r = got["09/TT/LT"]
    assert (r["type"], r["number"], r["issuer"]) == ("Thông tư liên tịch", "09", "Bộ Y tế và Công đoàn Y tế")


def test_lone_s_needs_a_number_after_it():
    # "s" is a "số" only before a number: a stray letter elsewhere makes no reference
    assert refs("Theo kế hoạch s ABC/KH của trường; Công văn s đã gửi.") == {}


def test_type_words_without_their_toned_letters():
    text = ("- Căn c ch th s 41/CT-TW ngày 02/3/2009 ca b chính tr v công tác dân ch.\n"
            "- Căn c ngh định s 07/2016-NĐCP ngày 11/02/2016 ca chính ph.\n"
            "- Căn c lut CĐ và ngh định s 88/HDBT ngày 05/6/1992 ca HĐBT.")
    got = refs(text)
    assert {s: (r["type"], r["date"]) for s, r in got.items()} == {
        "41/CT-TW": ("Chỉ thị", "2009-03-02"),
        "07/2016-NĐCP": ("Nghị định", "2016-02-11"),
        "88/HDBT": ("Nghị định", "1992-06-05"),
    }


def test_a_damaged_type_word_alone_is_no_reference():
    # without a symbol after it, "ch th" is nothing
    assert refs("Tổ ch th hiện tốt; ngh định hướng rõ.") == {}


def test_code_name_and_older_spellings_as_type_words():
    got = refs("Căn cứ QĐ số 15/2001/BGD&ĐT ban hành quy chế; căn cứ qui chế số 77/CĐN-PGD ngày 3/9/2019 "
               "của Phòng GD&ĐT về phối hợp.")
    assert (got["15/2001/BGD&ĐT"]["type"], got["77/CĐN-PGD"]["type"]) == ("Quyết định", "Quy chế")


def test_ampersand_spaced_inside_a_code():
    got = refs("Căn cứ Công văn số 3140/SGD &ĐT -KTKĐ ngày 12/9/2022 của Sở GD&ĐT; "
               "Hướng dẫn số 45/ CĐN - PGD & ĐT ngày 20/9/2022 của liên ngành.")
    assert set(got) == {"3140/SGD &ĐT -KTKĐ", "45/ CĐN - PGD & ĐT"}
    assert got["3140/SGD &ĐT -KTKĐ"]["date"] == "2022-09-12"
    # the spaces around '&' make no other symbol than the code written tight
    assert parse_symbol("3140/SGD &ĐT -KTKĐ")["key"] == parse_symbol("3140/SGD&ĐT-KTKĐ")["key"]


def test_ampersand_before_lower_case_ends_the_code():
    got = refs("Căn cứ Kế hoạch số 18/KH-CĐ & đoàn thanh niên ngày 2/10/2021;")
    assert list(got) == ["18/KH-CĐ"]


def test_symbol_glued_after_a_type_word():
    got = refs("Căn cứ Công văn số 275KHLĐLĐ, ngày 1692021 của Liên đoàn Lao động huyện về kế hoạch năm học;")
    assert list(got) == ["275KHLĐLĐ"]
    assert got["275KHLĐLĐ"]["number"] == "275"


def test_glued_capitals_need_a_type_word():
    # after a bare "số" (no type word) digits and capitals run together are no symbol
    assert refs("Tổng số 25ĐV, nữ 20.") == {}


def test_second_symbol_after_the_first_ones_subject():
    got = refs("- Thực hiện Công văn số 214 /CV – PGDĐT V/v tổ chức Ngày hội đọc sách năm 2023; "
               "số 230 /PGDĐT Về việc tổ chức tuần lễ học tập suốt đời năm 2023;")
    assert {s: r["type"] for s, r in got.items()} == {"214 /CV – PGDĐT": "Công văn", "230 /PGDĐT": "Công văn"}


def test_a_sentence_after_the_subject_is_no_list():
    # the subject closed by a full stop, the next sentence's "số" starts no listed reference
    got = refs("Thực hiện Công văn số 214/CV-PGDĐT V/v tổ chức Ngày hội đọc sách. Có số 30/PGDĐT học sinh.")
    assert list(got) == ["214/CV-PGDĐT"]


def test_ministries_after_lien_bo():
    got = refs("Căn cứ Thông tư liên tịch số 14/2010/TTLT-BYT-BCA ngày 03/4/2010 của liên Bộ: Y tế – Công an "
               "về phối hợp;")
    assert got["14/2010/TTLT-BYT-BCA"]["issuer"] == "liên Bộ: Y tế – Công an"
    # any other body still ends at its colon
    got = refs("Căn cứ Công văn số 12/PGD-TH của Phòng Giáo dục: hướng dẫn ôn tập.")
    assert got["12/PGD-TH"]["issuer"] == "Phòng Giáo dục"


def test_symbol_cut_to_one_letter_joins_the_whole_one():
    text = ("Thực hiện Chỉ thị số 61- CT/TW về công tác dân vận; quán triệt Chỉ thị 61- C1/IW "
            "“Về công tác dân vận”; Kế hoạch số 61/KH-CĐ ngày 2/3/2022.")
    got = refs(text)
    assert set(got) == {"61- CT/TW", "61/KH-CĐ"}
    assert len(got["61- CT/TW"]["mentions"]) == 2


def test_a_one_letter_code_alone_stays():
    # nothing to join it to: kept as written
    got = refs("Căn cứ Quyết định số 12/Q ngày 3/4/2020 của Giám đốc.")
    assert list(got) == ["12/Q"]
