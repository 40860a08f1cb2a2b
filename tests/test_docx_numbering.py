"""Word-generated list numbers (numPr) are rendered as the visible number and drive the tree."""
import io

import docx

from kehoach.parser import parse_bytes
from kehoach.parser.schema import iter_sections


def make_docx(build) -> bytes:
    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_list_number_style_renders_numbers():
    def build(d):
        d.add_paragraph("KẾ HOẠCH HOẠT ĐỘNG NĂM 2025").runs[0].bold = True
        d.add_paragraph("Nhiệm vụ trọng tâm", style="List Number")
        d.add_paragraph("Nội dung chi tiết của nhiệm vụ.")
        d.add_paragraph("Giải pháp thực hiện", style="List Number")
        d.add_paragraph("Phấn đấu 100% đoàn viên tham gia.", style="List Bullet")
        d.add_paragraph("Tổ chức thực hiện", style="List Number")

    doc = parse_bytes(make_docx(build), "plan.docx", nlp=False, checks=False)
    assert [(s.number, s.heading) for s in doc.sections] == [
        ("1.", "Nhiệm vụ trọng tâm"), ("2.", "Giải pháp thực hiện"), ("3.", "Tổ chức thực hiện")]
    numbered = [b.numbering for b in doc.blocks if b.numbering]
    assert numbered == ["1.", "2.", "•", "3."]
    assert (doc.period.kind, doc.period.start) == ("year", "2025-01")


def test_unnumbered_word_headings_take_outline_levels():
    def build(d):
        d.add_paragraph("KẾ HOẠCH TỔ CHỨC NGÀY HỘI")
        d.add_heading("MỤC ĐÍCH, YÊU CẦU", level=1)
        d.add_heading("Mục đích", level=2)
        d.add_paragraph("Tạo không khí vui tươi.")
        d.add_heading("Yêu cầu", level=2)
        d.add_heading("NỘI DUNG", level=1)
        d.add_paragraph("Tổ chức hội thi.")

    doc = parse_bytes(make_docx(build), "plan.docx", nlp=False, checks=False)
    got = [(s.level, s.number, s.heading) for s in iter_sections(doc.sections)]
    assert got == [(1, None, "MỤC ĐÍCH, YÊU CẦU"), (2, None, "Mục đích"), (2, None, "Yêu cầu"), (1, None, "NỘI DUNG")]
