"""Render a `compare.Comparison` to a file; the format comes from the suffix of `out`.

- `.xlsx`: one sheet per table (openpyxl), header row = the documented columns.
- `.csv`: `out` holds the topics x plans table; every other table goes to `<stem>.<sheet>.csv`
  next to it (UTF-8 with BOM so spreadsheet programs read Vietnamese).
- `.html`/`.htm`: one self-contained page (inline CSS, JS and SVG; nothing fetched).
"""
from __future__ import annotations

from pathlib import Path

from kehoach.pipelines.compare import Comparison

FORMATS = (".xlsx", ".csv", ".html", ".htm")


def write(comparison: Comparison, out: Path) -> list[Path]:
    """Write `comparison` to `out`; returns every file written."""
    out = Path(out)
    suffix = out.suffix.lower()
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        from kehoach.pipelines.report.to_xlsx import write_xlsx

        return [write_xlsx(comparison, out)]
    if suffix == ".csv":
        from kehoach.pipelines.report.to_csv import write_csv

        return write_csv(comparison, out)
    if suffix in (".html", ".htm"):
        from kehoach.pipelines.report.to_html import write_html

        return [write_html(comparison, out)]
    raise ValueError(f"unsupported report format {out.suffix!r}; use one of {', '.join(FORMATS)}")
