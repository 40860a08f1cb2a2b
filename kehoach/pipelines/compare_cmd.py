"""`kehoach compare`: topic-aligned tables across plans, to xlsx, csv or a self-contained html."""
from __future__ import annotations

from pathlib import Path
from typing import List

import typer


def expand(inputs: List[Path], note) -> List[Path]:
    """A folder holding PlanDocument JSON (a batch output, OUT/json) stays as it is; a folder of
    plan files becomes the documents the shared discovery finds in it (pipelines/discover.py)."""
    from kehoach.pipelines.discover import Input, discover

    out: List[Path] = []
    for p in inputs:
        if not p.is_dir() or (p / "json").is_dir() or any(p.glob("*.json")):
            out.append(p)
            continue
        for item in discover([p]):
            if not isinstance(item, Input) or item.local is None:
                continue  # compare reads files, not archive members
            if item.unsupported or item.kind == "zip":
                note(f"kehoach: note: {item.path}: skipped, not a format kehoach reads")
                continue
            out.append(item.local)
    return out


def register(app: typer.Typer) -> None:
    @app.command()
    def compare(
        inputs: List[Path] = typer.Argument(..., help="Plan files (parsed now), folders of plan files (found "
                                            "as check and batch find them), batch output folders (OUT/json/*.json) "
                                            "or PlanDocument .json files."),
        out: Path = typer.Option(..., "--out", "-o", help="FILE.xlsx, FILE.csv (plus FILE.<sheet>.csv) or FILE.html."),
        diff: bool = typer.Option(False, "--diff", help="Diff the inputs in the given order as one issuer's "
                                  "successive plans (by default only plans sharing an issuer are diffed)."),
    ):
        """Compare plans side by side, aligned by topic: overview, topics, targets, references,
        awards, and what changed from one year's plan to the next."""
        from kehoach.pipelines import compare as cmp
        from kehoach.pipelines import report

        def err(msg: str) -> None:
            typer.echo(msg, err=True)

        if out.suffix.lower() not in report.FORMATS:
            err(f"kehoach: error: --out must end in {', '.join(report.FORMATS)}: {out}")
            raise typer.Exit(2)
        missing = [p for p in inputs if not p.exists()]
        if missing:
            err(f"kehoach: error: no such file or folder: {', '.join(map(str, missing))}")
            raise typer.Exit(2)
        failed: list[str] = []

        def warn(msg: str) -> None:
            failed.append(msg)
            err(msg)

        docs = cmp.load_inputs(expand(inputs, err), warn=warn)
        if not docs:
            err("kehoach: error: no plans to compare")
            raise typer.Exit(2)
        from kehoach.parser import plan_likeness

        for d in docs:  # compared all the same, but said out loud
            if d.source.is_plan is None:  # JSON from before the verdict existed
                plan_likeness.apply(d)
            if not d.source.is_plan:
                err(f"kehoach compare: warning: {d.source.path}: not a plan ({'; '.join(d.source.plan_reasons)})")
        result = cmp.compare(docs, diff=diff)
        for path in report.write(result, out):
            err(f"wrote {path}")
        if failed:  # like `parse`: the report covers what could be read, the exit code tells
            raise typer.Exit(2)
