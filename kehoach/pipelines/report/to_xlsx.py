"""XLSX via openpyxl: one sheet per table, header row = documented columns, frozen and filterable."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kehoach.pipelines.compare import Comparison

HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
HIT_FILL = PatternFill("solid", fgColor="E3F4E1")
WIDE = {"title", "heading", "text", "subject", "issuer", "file", "label", "superior"}


def write_xlsx(comparison: Comparison, out: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    plan_keys = {p.key for p in comparison.plans}
    for table in comparison.tables:
        ws = wb.create_sheet(table.name[:31])
        ws.append(table.columns)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
        for row in table.rows:
            ws.append(list(row))
        for j, col in enumerate(table.columns, start=1):
            letter = get_column_letter(j)
            longest = max([len(str(col))] + [len(str(r[j - 1])) for r in table.rows if r[j - 1] is not None])
            ws.column_dimensions[letter].width = min(max(10, longest + 2), 60 if col in WIDE else 30)
            if col in WIDE:
                for cell in ws[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            if col in plan_keys:  # per-plan cells: shade the ones a plan fills
                for cell in ws[letter][1:]:
                    if cell.value not in (None, ""):
                        cell.fill = HIT_FILL
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        ws.sheet_properties.tabColor = "4F81BD" if table.name in ("topics", "targets") else None
    wb.properties.title = "kehoach compare"
    wb.save(out)
    return out
