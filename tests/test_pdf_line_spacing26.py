"""A text PDF typeset at 1.5 lines (the upper bound of Vietnamese administrative style, and common
in real plans) keeps a paragraph's wrapped lines together: the space between two lines of one
paragraph is then larger than the glyphs' height allows for single spacing, so the reader compares
it with the document's own usual line pitch instead. Lesson of a real congress resolution
(corpora/real r26-hlhpn-gialam-nq-dh-2021), re-told in invented wording."""
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from kehoach.parser import parse

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")]

LONG = ("Phấn đấu hằng năm có 95% trở lên đoàn viên công đoàn và người lao động trong toàn trường được "
        "tuyên truyền phổ biến đầy đủ chủ trương của Đảng và chính sách pháp luật của Nhà nước; tham gia "
        "tích cực các phong trào thi đua do nhà trường và công đoàn phát động.")
SECOND = ("Vận động 100% cán bộ, giáo viên, nhân viên tham gia đóng góp quỹ xã hội từ thiện, ủng hộ đồng "
          "nghiệp gặp khó khăn, hoạn nạn và giữ vững danh hiệu công đoàn cơ sở vững mạnh trong năm học.")


def _pdf(tmp: Path, spacing: float, indent: bool) -> Path:
    d = docx.Document()
    for text in ["KẾ HOẠCH", "Hoạt động công đoàn năm học 2024-2025", "I. CHỈ TIÊU"]:
        d.add_paragraph(text)
    for text in (LONG, SECOND):
        p = d.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        f = p.paragraph_format
        f.line_spacing, f.space_before, f.space_after = spacing, Pt(0), Pt(0)
        if indent:
            f.first_line_indent = Pt(36)
        for r in p.runs:
            r.font.size = Pt(13)
    d.add_paragraph("II. NHIỆM VỤ")
    src = tmp / f"plan-{spacing}-{indent}.docx"
    d.save(src)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                   check=True, capture_output=True, timeout=120, env={"HOME": str(tmp), "PATH": "/usr/bin:/bin"})
    return src.with_suffix(".pdf")


@pytest.mark.parametrize("spacing", [1.0, 1.5])
def test_wrapped_paragraph_is_one_line_of_text(tmp_path: Path, spacing: float):
    doc = parse(_pdf(tmp_path, spacing, indent=True), nlp=False, checks=False)
    lines = doc.text.split("\n")
    assert LONG in lines and SECOND in lines  # each paragraph whole, on a line of its own
    assert "I. CHỈ TIÊU" in lines and "II. NHIỆM VỤ" in lines


def test_one_and_a_half_spacing_without_indent_still_splits_at_a_short_line(tmp_path: Path):
    doc = parse(_pdf(tmp_path, 1.5, indent=False), nlp=False, checks=False)
    lines = doc.text.split("\n")
    # no first-line indent: the paragraphs part where the first one's last line stops short
    assert LONG in lines and SECOND in lines


def test_target_in_a_wrapped_paragraph_is_read_whole(tmp_path: Path):
    single = parse(_pdf(tmp_path, 1.0, indent=True))
    wide = parse(_pdf(tmp_path, 1.5, indent=True))
    texts = [t.text for t in wide.targets]
    assert texts == [t.text for t in single.targets]
    # the clause runs on past the printed line's end ("... toàn trường được" / "tuyên truyền ...")
    assert any(t.startswith("Phấn đấu hằng năm có 95% trở lên đoàn viên công đoàn") and "chính sách pháp luật" in t
               for t in texts), texts
