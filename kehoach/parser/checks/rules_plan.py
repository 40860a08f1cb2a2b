"""not-a-plan: the input does not look like a plan (kehoach/parser/plan_likeness.py), so an
empty result from the other rules says nothing about it."""
from __future__ import annotations

from typing import Iterator

from kehoach.parser import plan_likeness
from kehoach.parser.checks.engine import Context, Hit, rule


@rule("not-a-plan", "warning", "the input does not look like a plan (no title, header, period, sections, closing)",
      "tệp không giống một kế hoạch (không có tiêu đề, phần đầu, thời kỳ, mục đánh số, phần cuối)")
def not_a_plan(ctx: Context) -> Iterator[Hit]:
    src = ctx.doc.source
    if src.is_plan is None:  # a PlanDocument JSON from before the verdict existed
        plan_likeness.apply(ctx.doc)
    if src.is_plan:
        return
    end = ctx.text.find("\n")
    end = len(ctx.text) if end < 0 else end
    why = "; ".join(src.plan_reasons)
    vi = ", ".join(plan_likeness.missing_vi(ctx.doc))
    yield Hit(0, end, f"Tệp không giống một kế hoạch: không có {vi}", f"Not a plan: {why}",
              evidence={"reasons": list(src.plan_reasons)})
