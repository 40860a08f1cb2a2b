"""Run-level details of Word text: soft hyphens in legacy fonts and ordinary ones (issue 7)."""
import io

import docx
from docx.oxml import OxmlElement

from kehoach.parser import parse_bytes


def _para_with_soft_hyphen(d, before: str, after: str, font: str | None) -> None:
    p = d.add_paragraph()
    r = p.add_run(before)
    r._r.append(OxmlElement("w:softHyphen"))
    t = OxmlElement("w:t")
    t.text = after
    r._r.append(t)
    if font:
        r.font.name = font


def _text(d) -> str:
    buf = io.BytesIO()
    d.save(buf)
    return parse_bytes(buf.getvalue(), "plan.docx", nlp=False, checks=False).text


def test_soft_hyphen_is_u_horn_in_tcvn3_and_invisible_elsewhere():
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    _para_with_soft_hyphen(d, "ng", "êi lao ®éng", ".VnTime")  # TCVN3 bytes of "người lao động"
    _para_with_soft_hyphen(d, "công ", "đoàn viên", "Times New Roman")
    text = _text(d)
    assert "người lao động" in text
    assert "công đoàn viên" in text and "\u00ad" not in text
