"""The two-column header of a PDF exported from Word/LibreOffice, where the left cell's text runs
close to the Quốc hiệu cell: the two cells must come out as two blocks (issue 2)."""
import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from kehoach.parser import parse

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")]

HEADER = [("LIÊN ĐOÀN LAO ĐỘNG HUYỆN PHÚ LỘC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
          ("CĐCS TRƯỜNG THCS LỘC ĐIỀN", "Độc lập - Tự do - Hạnh phúc"),
          ("Số: 14/KH-CĐ", "Lộc Điền, ngày 02 tháng 7 năm 2021")]


def test_long_left_cell_does_not_swallow_the_motto(tmp_path: Path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=2)
    for i, (a, b) in enumerate(HEADER):
        t.cell(i, 0).text, t.cell(i, 1).text = a, b
    for ln in ["KẾ HOẠCH", "Hoạt động công đoàn quý III năm 2021", "1. Tuyên truyền", "Nội dung tuyên truyền.",
               "2. Chăm lo", "Nội dung chăm lo."]:
        d.add_paragraph(ln)
    src = tmp_path / "plan.docx"
    d.save(src)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pdf = parse(tmp_path / "plan.pdf", nlp=False, checks=False)
    h = pdf.header
    assert (h.superior, h.issuer, h.number, h.date) == (
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN PHÚ LỘC", "CĐCS TRƯỜNG THCS LỘC ĐIỀN", "14/KH-CĐ", "2021-07-02")
    assert h.motto == "Độc lập - Tự do - Hạnh phúc"
    assert pdf.period.kind == "quarter" and [s.number for s in pdf.sections] == ["1.", "2."]
