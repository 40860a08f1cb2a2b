"""Makes targets_table.pdf: a plan page with a ruled table of targets (wrapped cells, a merged
header cell), written with python-docx and exported by LibreOffice. Our own text, no real plan.

    .venv/bin/python tests/data/tables/make_targets_table.py   # needs soffice on PATH
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent

ROWS = [
    ("1", "Tỷ lệ đoàn viên công đoàn được tuyên truyền, phổ biến đầy đủ các chủ trương, chính sách, pháp luật "
          "của Đảng và Nhà nước", "100%", "Ban Chấp hành"),
    ("2", "Tỷ lệ cán bộ, nhà giáo, người lao động đạt danh hiệu Lao động tiên tiến", "95% trở lên", "Các tổ công đoàn"),
    ("3", "Số đoàn viên mới được kết nạp trong năm học", "05 đoàn viên", ""),
    ("4", "Số sáng kiến kinh nghiệm được Hội đồng khoa học cấp thị xã công nhận", "ít nhất 03 sáng kiến",
          "Tổ chuyên môn phối hợp"),
    ("5", "Tỷ lệ gia đình đoàn viên đạt danh hiệu Gia đình văn hóa", "100%", "Ban Nữ công"),
]


def build(docx_path: Path) -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    doc.add_paragraph("II. CHỈ TIÊU")
    doc.add_paragraph("Công đoàn cơ sở phấn đấu đạt các chỉ tiêu sau trong năm học 2024-2025:")
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"  # ruled: every cell has borders
    for cell, text in zip(table.rows[0].cells, ("TT", "Nội dung chỉ tiêu", "Chỉ tiêu", "Đơn vị thực hiện")):
        cell.text = text
    for row in ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    for row in table.rows:
        for cell, width in zip(row.cells, (Cm(1.2), Cm(8.0), Cm(3.3), Cm(3.5))):
            cell.width = width
    doc.add_paragraph("III. NHIỆM VỤ VÀ GIẢI PHÁP")
    doc.add_paragraph("1. Tổ chức tốt các phong trào thi đua trong đoàn viên.")
    doc.save(docx_path)


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found (apt-get install libreoffice-writer)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "targets_table.docx"
        build(src)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "pdf",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        shutil.copy(Path(tmp) / "targets_table.pdf", HERE / "targets_table.pdf")
    print(HERE / "targets_table.pdf")


if __name__ == "__main__":
    main()
