"""One self-contained HTML page: inline CSS, a few lines of JS to sort tables by a click on a
column header, and inline SVG bar charts (targets and sections by topic, one bar per plan).
Nothing is fetched, so the file works offline and can be mailed as it is."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from kehoach.parser import topics
from kehoach.parser.schema import iter_sections
from kehoach.pipelines.compare import Comparison, Table

PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac"]

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:24px;color:#1d2733}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
nav a{margin-right:12px}.note{color:#5b6673;font-size:12px}
table{border-collapse:collapse;margin:6px 0 18px;font-size:13px}
th,td{border:1px solid #ccd5df;padding:4px 7px;vertical-align:top;text-align:left;max-width:420px}
th{background:#e6edf5;cursor:pointer;user-select:none;position:sticky;top:0}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
td.hit{background:#e3f4e1}td.num{text-align:right}tr:nth-child(even) td:not(.hit){background:#f8fafc}
.chart{margin:8px 0 20px}.chart text{font-size:12px;fill:#1d2733}
"""

JS = """
document.querySelectorAll('table.sortable').forEach(function(table){
  table.querySelectorAll('th').forEach(function(th, col){
    th.addEventListener('click', function(){
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      function key(r){var t = r.cells[col] ? r.cells[col].textContent.trim() : '';
        // numbers (100, 60%, 0.5) sort as numbers; ISO dates and section numbers as text
        var m = /^[-+\\u2265\\u2264<>]?(\\d+(?:[.,]\\d+)?)\\s*%?$/.exec(t);
        return m ? parseFloat(m[1].replace(',', '.')) : t.toLowerCase();}
      rows.sort(function(a, b){var x = key(a), y = key(b);
        if (x === '' && y !== '') return 1; if (y === '' && x !== '') return -1;
        if (typeof x === typeof y) return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
        return (typeof x === 'number' ? -1 : 1) * (asc ? 1 : -1);});
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
});
"""


def _e(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return html.escape(f"{v:g}")
    return html.escape(str(v))


def table_html(table: Table, plan_keys: set[str]) -> str:
    head = "".join(f"<th scope=col>{_e(c)}</th>" for c in table.columns)
    body = []
    for row in table.rows:
        cells = []
        for col, v in zip(table.columns, row):
            cls = []
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cls.append("num")
            if col in plan_keys and v not in (None, ""):
                cls.append("hit")
            attr = f' class="{" ".join(cls)}"' if cls else ""
            cells.append(f"<td{attr}>{_e(v)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table class="sortable" id="t-{table.name}" data-table="{table.name}">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def bar_chart(title: str, categories: list[str], series: list[tuple[str, list[int]]], chart_id: str) -> str:
    """Grouped horizontal bars: one group per category, one bar per series (plan)."""
    if not categories or not any(any(v) for _, v in series):
        return f'<p class="note" id="{chart_id}">{_e(title)}: —</p>'
    bar_h, gap, label_w, plot_w = 12, 10, 270, 420
    n = max(len(series), 1)
    group_h = n * bar_h + gap
    legend_h = 18 * ((len(series) + 2) // 3)
    height = 30 + len(categories) * group_h + legend_h + 10
    vmax = max(max(v) for _, v in series) or 1
    parts = [f'<svg class="chart" id="{chart_id}" role="img" aria-label="{_e(title)}" '
             f'xmlns="http://www.w3.org/2000/svg" width="{label_w + plot_w + 60}" height="{height}">',
             f'<text x="0" y="16" style="font-weight:600;font-size:14px">{_e(title)}</text>']
    y = 30
    for ci, cat in enumerate(categories):
        parts.append(f'<text x="{label_w - 8}" y="{y + n * bar_h / 2 + 4}" text-anchor="end">{_e(cat)}</text>')
        for si, (name, values) in enumerate(series):
            v = values[ci]
            w = plot_w * v / vmax
            color = PALETTE[si % len(PALETTE)]
            parts.append(f'<rect x="{label_w}" y="{y + si * bar_h}" width="{w:.1f}" height="{bar_h - 2}" '
                         f'fill="{color}"><title>{_e(name)}: {v}</title></rect>')
            if v:
                parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + si * bar_h + bar_h - 3}">{v}</text>')
        y += group_h
    for si, (name, _) in enumerate(series):
        lx, ly = (si % 3) * 240, y + 6 + (si // 3) * 18
        parts.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{PALETTE[si % len(PALETTE)]}"/>'
                     f'<text x="{lx + 16}" y="{ly + 11}">{_e(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _counts(comparison: Comparison, what: str) -> tuple[list[str], list[tuple[str, list[int]]]]:
    ids = topics.topic_ids()
    per_plan = []
    for p in comparison.plans:
        c: dict[str, int] = {}
        items = p.doc.targets if what == "targets" else list(iter_sections(p.doc.sections))
        for it in items:
            if it.topic:
                c[it.topic] = c.get(it.topic, 0) + 1
        per_plan.append((p.key, c))
    used = [t for t in ids if any(t in c for _, c in per_plan)]
    return [topics.label(t) for t in used], [(k, [c.get(t, 0) for t in used]) for k, c in per_plan]


def render(comparison: Comparison) -> str:
    keys = {p.key for p in comparison.plans}
    nav = " ".join(f'<a href="#{t.name}">{_e(t.title.split(" / ")[0])}</a>' for t in comparison.tables)
    cats, series = _counts(comparison, "targets")
    chart_t = bar_chart("Số chỉ tiêu theo chủ đề / Targets by topic", cats, series, "chart-targets")
    cats, series = _counts(comparison, "sections")
    chart_s = bar_chart("Số mục theo chủ đề / Sections by topic", cats, series, "chart-sections")
    sections = []
    for t in comparison.tables:
        sections.append(f'<section id="{t.name}"><h2>{_e(t.title)}</h2>'
                        f'<p class="note">{len(t.rows)} dòng / rows — bấm tiêu đề cột để sắp xếp (click a header to sort)</p>'
                        f"{table_html(t, keys)}</section>")
    plans = ", ".join(_e(p.key) for p in comparison.plans)
    return ("<!DOCTYPE html><html lang=vi><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width,initial-scale=1'>"
            f"<title>So sánh kế hoạch — {plans}</title><style>{CSS}</style></head><body>"
            f"<h1>So sánh kế hoạch công đoàn</h1><p class=note>{len(comparison.plans)} kế hoạch: {plans}</p>"
            f"<nav>{nav}</nav><h2>Biểu đồ / Charts</h2>{chart_t}{chart_s}{''.join(sections)}"
            f"<script>{JS}</script></body></html>\n")


def write_html(comparison: Comparison, out: Path) -> Path:
    out.write_text(render(comparison), encoding="utf-8")
    return out
