"""Issue 11 item 2: each layout or wording met in real archives, reproduced by a document of our
own words (corpora/phenomena/NAME.txt, gold in corpora/phenomena/gold/NAME.json), parsed and
scored with score.py's own functions; a few are rebuilt as .docx / .pdf where the layout lives
in the file (header columns aligned with spaces, header as a table)."""
import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from conftest import REPO
from kehoach.parser import parse
from scoring import field_f1, field_log

PHEN = REPO / "corpora" / "phenomena"
FRAME = ["doc_type", "title", "header", "period", "sections", "headings", "signature", "recipients"]

# document -> the fields that phenomenon is about (every frame field is asserted anyway)
CASES = {
    "p01-chrome-interleaved-thang-cong-nhan": ["ref_type"],  # page counter, breadcrumb, markup; "Sô : 07 /KH - CĐ"; Tháng Công nhân = May; "I- ... - ..."
    "p02-flattened-thong-bao-he": [],  # header flattened onto one line after chrome; Thông báo; hè
    "p03-cong-van-vv": ["ref_type"],  # V/v between the number and the Quốc hiệu; "1- "
    "p04-bao-cao-dash-headings-spaces": [],  # header aligned with spaces; "I- " / "1- " headings; Báo cáo
    "p05-monthly-results-first-glued": [],  # last month's results first; words glued/split by a site
    "p06-quyet-dinh-quy-che-dieu": ["legal_refs", "ref_type", "ref_date", "ref_issuer"],  # Điều / Chương / Mục; signature before the attachment; "quy định tại Thông tư"; "(Ban hành kèm theo Quyết định số <own>)" is no reference, "Quy chế ban hành kèm theo Quyết định số ..." in a Căn cứ is
    "p07-huong-dan-lien-tich": ["ref_type"],  # joint issuers; three-line title with "trong ..."; quy định tại
    "p08-nghi-quyet-phien-hop": [],  # Nghị quyết
    "p09-phuong-huong-den-het-nam": [],  # Phương hướng; "từ nay đến hết năm"; blank number; spaces
    "p10-three-line-title-cho": [],  # title lines starting "Cho" and lower case; an event's day names the month
    # met in corpora/real (issue 11): each as our own document
    "p11-page-summary-signature-first": [],  # page heading repeats the title, signature line before the body; "I.Tình"; a list under a caps "1." heading
    "p12-party-agency-place-date": [],  # party header: agency glued to the place-date, "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 03-BC/CB"; two months
    "p13-two-authority-lines-recipients-beside": [],  # TM. + KT. lines; signature column beside the Nơi nhận items; 05/2024/QĐ-LĐLĐ
    "p14-typed-header-quirks": [],  # "(1)" counter; "Số: . . ." + "./BC- CĐCS"; motto without "do", wrapped; place over two lines
    "p15-event-title-vv-quote": [],  # "KẾ HOẠCH" + "V/v"; Quốc hiệu words inside the title; quoted line; "08 / KH - CĐCS"; "Tp Thủ Đức ngày"
    "p16-bien-ban-wrapped-term": [],  # subject wraps onto a capitalized line before "nhiệm kỳ"; no period for a Biên bản
    "p17-cong-van-vv-capitalized": ["ref_type"],  # công văn whose V/v wraps onto a capitalized line, chrome before it
    "p18-letter-headings-continuous-numbers": [],  # literal "\\r\\n" left by a page; "A."/"B." over items numbered on (3., 4., 5.)
    "p19-bien-ban-bare-roman": [],  # "I Thành phần", "1 Đại diện": numbers without a dot; "NGƯỜI LẬP BIÊN BẢN"
    "p20-excerpt-starts-at-ii": [],  # a page excerpt that starts at "II.KẾT QUẢ"
    "p21-thong-bao-vv-under-number": [],  # bare "THÔNG BÁO", its "(V/v ...)" under the number; ornament rules; "Kính gởi"; "TL. Hiệu trưởng" in ordinary case
    "p22-caps-title-glued-to-body": [],  # a title in capitals run together with the first sentence
    "p23-annex-note-until-year": [],  # "(Ban hành kèm theo ...)" glued to a title line; "ĐẾN NĂM 2027" from the document's month
    "p24-cong-van-page-title-typo": [],  # the page's title and date before a công văn whose Quốc hiệu is mistyped ("CÔNG HÒA")
    "p26-decision-caps-subject-authority": [],  # "VỀ VIỆC ..." in capitals, then the deciding body's line over "- Căn cứ"
    "p27-narrow-cell-title-then-sentence": [],  # a title wrapped in a narrow cell over six lines, one broken after "và"; then "Năm học này, ..."
    "p28-broken-type-word-dash-letters-table": [],  # "QUY" / "CHẾ ..."; "A- PHẦN THU" > "I-" > "1)"; a flattened table row "1 Lữ Thị Hòa 1978 ..."
    "p29-cited-date-in-title-hk2": ["ref_type"],  # a cited document's date in the title is no event; "HK II"
    "p30-inline-numbered-list": [],  # "1) ... 2) ... 3) ..." run onto one line by a page
    "p31-ascii-page-title-dash-wrapped-agency": [],  # a page title without marks; "LIÊN ĐOÀN ... TỈNH" / "- NINH THUẬN" across the Quốc hiệu; "CÔNGĐOÀN"; "Số:" beside the agency
    "p32-header-printed-twice": [],  # the page's preview of the header, then the header again; "tháng 10" without its year
    "p34-title-glued-to-body-after-header": [],  # "BÁOCÁOKIỂMTRA ... NĂM 2024 Đơn vị: ..." glued type word, title run into the body under the header; "TRƯỞNG ĐOÀN"
    "p35-no-title-type-from-symbol": [],  # a page that dropped the title: the type from the symbol's code ("62/HD-LĐLĐ")
    "p36-title-broken-after-giua": [],  # a title line broken off after "giữa" goes on in capitals
    "p37-bien-ban-period-glued-to-body": [],  # "NĂM HỌC 2023 - 2024Hôm nay, ...": the title's last line glued to the first sentence
    "p38-second-title-line-run-into-headings": [],  # "VÀ NHIỆM VỤ ... CẤP TIỂU HỌC A- ĐÁNH GIÁ ...": the title's second line run into the first heading; "I - QUY MÔ TRƯỜNG LỚP 1- Số lớp ...": a sub-heading run onto its heading's line
    "p39-caps-heading-run-into-body": [],  # "I. ĐẶC ĐIỂM TÌNH HÌNH Thuận lợi: ...": a heading in capitals run into its body; "... 2024 1. Công tác ...": into its first sub-heading; "NỘI DUNG: ..." kept whole
    "p40-two-signers-one-line": [],  # "THƯ KÝ CHỦ TRÌ HỘI NGHỊ": two signers' positions on one line, the right-hand one answers
    "p41-team-plan-agency-ordinary-case": [],  # "Trang 1Trường THCS ..." in ordinary case beside the Quốc hiệu over "TỔ: ..."; "ngày thứ 9 tháng 9"
    "p42-cong-van-cuc-dated-line": [],  # BỘ over CỤC; dated lines of a schedule under the V/v are no place-date; "PHÓ CỤC TRƯỞNG"
    "p43-subject-printed-twice-quoted-stage": [],  # the subject's two lines printed twice; "giai đoạn" of a quoted programme, after "03 năm thực hiện": no period
    "p44-cong-van-ve-subject-cited-date": ["ref_type", "ref_date"],  # a công văn's subject "Về ..." under the number; a cited document's "ngày 12 tháng 3 năm 2014" names no period
    "p45-preview-cut-short-then-document": [],  # a page's preview cut short ("Sơ kết học[.]") then the header again: the first whole copy holds
    "p46-youth-header-deputy-signed-copy": [],  # "ĐOÀN TNCS HỒ CHÍ MINH" where the Quốc hiệu stands; "KT." over a deputy's position, "(Đã ký)" before the name
    "p33-head-word-broken-over-lines": [],  # "BAN CHẤP HÀNH CÔNG" / "ĐOÀN VIÊN CHỨC ...": a head word broken over lines
    "p25-cell-broken-header": [],  # header cells broken line by line ("Trang 1PHÒNG" / "GIÁO DỤC ...", "Cần" / "Đước, ngày ... tháng 11" / "năm 2024"); Thể lệ
}


def gold(name: str) -> dict:
    return json.loads((PHEN / "gold" / f"{name}.json").read_text(encoding="utf-8"))["gold"]


def assert_fields(g, doc, fields):
    f1 = field_f1([(g, doc)])
    bad = {f: round(f1[f], 3) for f in fields if f in f1 and f1[f] != 1.0}
    assert not bad, (bad, field_log(g, doc))


@pytest.mark.parametrize("name", sorted(CASES))
def test_phenomenon_scores_full(name):
    doc = parse(PHEN / f"{name}.txt", checks=False)
    assert_fields(gold(name), doc, FRAME + CASES[name])


def test_every_phenomenon_has_gold_and_a_case():
    texts = {p.stem for p in PHEN.glob("*.txt")}
    golds = {p.stem for p in (PHEN / "gold").glob("*.json")}
    assert texts == golds == set(CASES)


def _frame(name):
    return parse(PHEN / f"{name}.txt", nlp=False, checks=False)


def test_cong_van_vv_line_keeps_the_header():
    d = _frame("p03-cong-van-vv")
    assert (d.header.issuer, d.header.number, d.header.date) == ("CÔNG ĐOÀN TRƯỜNG THCS NGUYỄN TRÃI", "21/CV-CĐ", "2024-10-28")
    assert d.doc_type == "Công văn" and d.title.startswith("V/v: đăng ký")
    assert d.header.national_title and d.header.motto


def test_dash_numbered_headings_build_the_tree():
    d = _frame("p04-bao-cao-dash-headings-spaces")
    assert [s.number for s in d.sections] == ["I-", "II-", "III-"]
    assert [len(s.children) for s in d.sections] == [2, 3, 3]
    assert d.sections[0].heading == "ĐẶC ĐIỂM - TÌNH HÌNH"


def test_regulation_attached_after_the_signature():
    d = _frame("p06-quyet-dinh-quy-che-dieu")
    assert [s.number for s in d.sections] == ["Điều 1.", "Điều 2.", "Điều 3.", "Chương I", "Chương II", "Chương III"]
    ch2 = d.sections[4]
    assert ch2.heading == "NỘI DUNG CHI" and [m.number for m in ch2.children] == ["Mục 1", "Mục 2"]
    assert [a.number for a in ch2.children[0].children] == ["Điều 3.", "Điều 4."]
    assert d.signature.name == "Ngô Thanh Tùng" and d.recipients[0] == "Như Điều 3"


def test_joint_issuers_and_cited_type_after_quy_dinh_tai():
    d = parse(PHEN / "p07-huong-dan-lien-tich.txt", checks=False)
    assert d.header.superior is None
    assert d.header.issuer == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN ĐẠI THÀNH - CÔNG ĐOÀN GIÁO DỤC HUYỆN ĐẠI THÀNH"
    assert {r.symbol: r.type for r in d.legal_refs}["12/2024/TT-BGDĐT"] == "Thông tư"
    assert [s.number for s in d.sections] == ["A.", "B.", "C."]


def test_named_stretches_give_their_months():
    p = _frame("p01-chrome-interleaved-thang-cong-nhan").period
    assert (p.kind, p.start, p.end) == ("month", "2025-05", "2025-05")
    p = _frame("p02-flattened-thong-bao-he").period
    assert (p.start, p.end) == ("2024-06", "2024-08")
    p = _frame("p09-phuong-huong-den-het-nam").period  # from the document's own month
    assert (p.start, p.end) == ("2024-08", "2024-12")


def _docx(name: str, tmp: Path, header_table: int = 0) -> Path:
    """The .txt as a Word file: one paragraph per line, or its first `header_table` lines as a
    two-column table (left: the agency column, right: Quốc hiệu, motto, place-date)."""
    lines = (PHEN / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    d = docx.Document()
    if header_table:
        head, lines = lines[:header_table], lines[header_table:]
        left = [x for x in head if not any(k in x for k in ("CỘNG HÒA", "Độc lập", ", ngày"))]
        right = [x for x in head if x not in left]
        t = d.add_table(rows=max(len(left), len(right)), cols=2)
        for i, x in enumerate(left):
            t.cell(i, 0).text = x
        for i, x in enumerate(right):
            t.cell(i, 1).text = x
    for ln in lines:
        d.add_paragraph(ln)
    out = tmp / f"{name}.docx"
    d.save(out)
    return out


def test_docx_header_aligned_with_spaces(tmp_path):
    name = "p04-bao-cao-dash-headings-spaces"
    doc = parse(_docx(name, tmp_path), checks=False)
    assert_fields(gold(name), doc, FRAME)


def test_docx_header_as_a_table(tmp_path):
    name = "p06-quyet-dinh-quy-che-dieu"
    doc = parse(_docx(name, tmp_path, header_table=6), checks=False)
    assert_fields(gold(name), doc, FRAME)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_pdf_of_space_aligned_header(tmp_path):
    name = "p09-phuong-huong-den-het-nam"
    src = _docx(name, tmp_path)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    doc = parse(tmp_path / f"{name}.pdf", checks=False)
    assert_fields(gold(name), doc, FRAME)


def test_letter_dash_headings_and_table_rows():
    d = _frame("p28-broken-type-word-dash-letters-table")
    assert d.doc_type == "Quy chế"
    assert [s.number for s in d.sections] == ["A-", "B-"]
    assert [s.number for s in d.sections[0].children] == ["I-", "II-"]
    assert d.sections[0].children[1].children == []  # the member table's rows are no sections


def test_a_titles_day_is_an_event_only_when_it_can_be_one():
    from kehoach.parser.frame import period_from

    p = period_from("KẾ HOẠCH tổ chức Ngày Nhà giáo Việt Nam 20/11", "2024-10")
    assert (p.kind, p.start, p.end) == ("month", "2024-11", "2024-11")
    # a cited document's date, a page's time stamp, a date years before the plan: none
    assert period_from("KẾ HOẠCH thực hiện Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư", "2020-03") is None
    assert period_from("Thông báo tổng vệ sinh Cập nhật lúc 08:51 17/04/2018", "2018-04") is None
    assert period_from("KẾ HOẠCH triển khai Đề án (Quyết định 1400 của Thủ tướng, 30/9/2008)", "2018-03") is None
    p = period_from("KẾ HOẠCH phát triển đoàn viên giai đoạn 2024-2026", None)
    assert (p.kind, p.start, p.end) == ("year", "2024-01", "2026-12")
    assert period_from("KẾ HOẠCH CHIẾN LƯỢC TỪ NĂM 2025 - ĐẾN NĂM 2030", "2025-01") is None


def test_joint_issuers_over_two_lines_a_dash_between(tmp_path):
    # "ỦY BAN NHÂN DÂN -" / "LIÊN ĐOÀN LAO ĐỘNG" / "TỈNH X": two bodies that issue together
    p = tmp_path / "joint.txt"
    p.write_text("ỦY BAN NHÂN DÂN -\nLIÊN ĐOÀN LAO ĐỘNG\nTỈNH HẬU GIANG\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Độc lập - Tự do - Hạnh phúc\nSố: 15/QCPH-UBND-LĐLĐ\nVị Thanh, ngày 3 tháng 6 năm 2024\n"
                 "QUY CHẾ PHỐI HỢP\nGIỮA ỦY BAN NHÂN DÂN TỈNH VÀ LIÊN ĐOÀN LAO ĐỘNG TỈNH\n"
                 "Điều 1. Quy chế này quy định việc phối hợp công tác giữa hai cơ quan.\n", encoding="utf-8")
    h = parse(p, nlp=False, checks=False).header
    assert (h.superior, h.issuer) == (None, "ỦY BAN NHÂN DÂN - LIÊN ĐOÀN LAO ĐỘNG TỈNH HẬU GIANG")


def test_a_stage_that_is_not_the_documents_own():
    from kehoach.parser.frame import period_from

    p = period_from("BÁO CÁO Sơ kết phong trào thi đua “Dạy tốt, học tốt” giai đoạn 2022-2024", "2024-12")
    assert (p.start, p.end) == ("2022-01", "2024-12")
    # the stage of a quoted programme, a strategy with its vision, a report on its first years
    assert period_from("KẾ HOẠCH triển khai Đề án “Phát triển văn hóa đọc giai đoạn 2021 - 2030” tại trường", "2022-03") is None
    assert period_from("KẾ HOẠCH CHIẾN LƯỢC PHÁT TRIỂN TRƯỜNG GIAI ĐOẠN 2021 - 2025, TẦM NHÌN 2030", "2021-09") is None
    assert period_from("BÁO CÁO Sơ kết 03 năm thực hiện Chương trình chuyển đổi số giai đoạn 2022-2026", "2025-05") is None


def test_caps_heading_ends_before_its_first_sub_heading_not_inside_a_word():
    from kehoach.parser.segment import _heading_text

    # "VIỆC" opens with "VI", no roman number; the sub-heading "I - ..." ends the heading
    assert _heading_text("ĐÁNH GIÁ VIỆC THỰC HIỆN NHIỆM VỤ NĂM HỌC 2023 - 2024 I - TÌNH HÌNH CHUNG 1- Số lớp, số học sinh") \
        == "ĐÁNH GIÁ VIỆC THỰC HIỆN NHIỆM VỤ NĂM HỌC 2023 - 2024"
    assert _heading_text("NỘI DUNG: Tổ chức hội thi cắm hoa chào mừng ngày 8/3") == "NỘI DUNG: Tổ chức hội thi cắm hoa chào mừng ngày 8/3"
