"""`kehoach check FILE_OR_DIR...`: the consistency checks as a linter.

Compiler-style lines `path:line:col: severity code message` (the finding's line/column as
`parse` writes them: the source file's, see checks/source_lines.py), a summary line, exit 1 when an
error-level finding exists (2 when an input cannot be read), `--format text|json|sarif`.
Inputs are found as batch and compare find them (pipelines/discover.py: folders, .zip, URLs;
a file's format by its content first, so an extensionless scan is read; a file of no readable
format met in a folder is skipped with a note); a PlanDocument .json given explicitly is
re-checked from its text without parsing again. A progress bar is drawn on a terminal only.
"""
from __future__ import annotations

import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, List, Optional

import typer

if TYPE_CHECKING:  # the CLI starts without importing the parser
    from kehoach.pipelines.discover import Input

FORMATS = ("text", "json", "sarif")
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


# ------------------------------------------------------------------ inputs


def collect(paths: Iterable[Path]) -> tuple[list[Input], list[str], list[str]]:
    """(documents to check, inputs that do not exist or cannot be opened, files skipped as not a
    readable format) by the discovery batch and compare use (pipelines/discover.py)."""
    from kehoach.pipelines import archive
    from kehoach.pipelines.discover import discover

    files: list[Input] = []
    missing: list[str] = []
    skipped: list[str] = []
    for item in discover(paths):
        if isinstance(item, archive.Rejected):
            missing.append(f"{item.path}: {item.reason}")
        elif item.unsupported and not item.path.lower().endswith(".json"):
            skipped.append(item.path)
        elif item.walked and item.path.lower().endswith(".json"):
            continue  # PlanDocument JSON is re-checked when named, not when met in a folder
        else:
            files.append(item)
    return files, missing, skipped


def check_file(path: str, config: dict, data: Optional[bytes] = None) -> dict[str, Any]:
    """Parse (or load) one plan and check it: {path, findings: [...], error, is_plan, warnings}.
    `data`: the bytes of an input with no file of its own (archive member, URL). Runs in a worker."""
    from kehoach.parser import checks, parse, parse_bytes
    from kehoach.parser.errors import KehoachError
    from kehoach.parser.schema import PlanDocument

    try:
        if path.lower().endswith(".json"):
            try:
                doc = PlanDocument.model_validate_json(Path(path).read_bytes())
            except (OSError, ValueError) as e:
                return {"path": path, "findings": [], "error": f"{path}: not a kehoach PlanDocument JSON ({type(e).__name__})"}
            if doc.text:
                from kehoach.parser.checks.source_lines import relocate_from_path

                doc.findings = checks.run(doc, config=config)
                relocate_from_path(doc)
            else:  # parsed without --with-text: its stored findings, filtered the same way
                cfg = checks.CheckConfig.from_dict(config)
                doc.findings = [f.model_copy(update={"severity": cfg.severity.get(f.code, f.severity)})
                                for f in doc.findings if cfg.enabled(f.code)]
        elif data is not None:
            doc = parse_bytes(data, path, config=config)
        else:
            doc = parse(path, config=config)
    except KehoachError as e:
        return {"path": path, "findings": [], "error": str(e)}
    except Exception as e:  # a bug on one plan of a thousand: report it, check the others
        return {"path": path, "findings": [], "error": f"{path}: internal error: {type(e).__name__}: {e}"}
    out = []
    for f in doc.findings:
        d = f.model_dump()  # line/column: the source file's, as parse writes them
        # the end: as many lines on as the span covers in the normalized text
        span = (doc.text or "")[f.start:f.end] if doc.text else f.excerpt
        d["end_line"] = f.line + span.count("\n")
        d["end_column"] = (f.column + len(span)) if "\n" not in span else len(span) - span.rfind("\n")
        out.append(d)
    warnings = [w for w in doc.source.warnings if w.startswith(f"{path}: the content is ")]
    return {"path": path, "findings": out, "error": None, "is_plan": doc.source.is_plan, "warnings": warnings}


def _run_all(files: list[Input], config: dict, jobs: int, progress: bool) -> list[dict]:
    results: list[dict] = []
    args = [f.path for f in files]
    datas = [None if f.local is not None else f.read() for f in files]  # archive members, URLs
    bar = _progress(len(files)) if progress else None
    try:
        if jobs <= 1 or len(files) < 4:
            it: Iterator[dict] = (check_file(a, config, d) for a, d in zip(args, datas))
            for r in it:
                results.append(r)
                if bar:
                    bar[0].advance(bar[1])
        else:
            with ProcessPoolExecutor(max_workers=jobs) as ex:
                for r in ex.map(check_file, args, [config] * len(args), datas, chunksize=max(1, min(16, len(args) // (jobs * 8) or 1))):
                    results.append(r)
                    if bar:
                        bar[0].advance(bar[1])
    finally:
        if bar:
            bar[0].stop()
    return results


def _progress(total: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    p = Progress(TextColumn("kiểm tra / checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                 console=Console(stderr=True), transient=True)
    p.start()
    return p, p.add_task("check", total=total)


# ------------------------------------------------------------------ outputs


def summarize(results: list[dict], seconds: float) -> dict[str, Any]:
    counts = {"error": 0, "warning": 0, "info": 0}
    by_code: dict[str, int] = {}
    with_findings = 0
    for r in results:
        if r["findings"]:
            with_findings += 1
        for f in r["findings"]:
            counts[f["severity"]] = counts.get(f["severity"], 0) + 1
            by_code[f["code"]] = by_code.get(f["code"], 0) + 1
    return {"files": len(results), "files_with_findings": with_findings,
            "unreadable": sum(1 for r in results if r["error"]),
            "not_plans": sum(1 for r in results if r.get("is_plan") is False), **counts,
            "by_code": dict(sorted(by_code.items())), "seconds": round(seconds, 2)}


def summary_line(s: dict) -> str:
    return (f"Checked {s['files']} file{'s' if s['files'] != 1 else ''}: {s['error']} error(s), "
            f"{s['warning']} warning(s), {s['info']} info in {s['files_with_findings']} file(s); "
            f"{s['not_plans']} not a plan; {s['unreadable']} unreadable; {s['seconds']:.1f} s")


def format_text(results: list[dict], lang: str, show_info: bool) -> Iterator[str]:
    for r in results:
        if r["error"]:
            yield f"{r['path']}:1:1: error read-error {r['error']}"
        for f in r["findings"]:
            if f["severity"] == "info" and not show_info:
                continue
            msg = f["message_en"] if lang == "en" else f["message"]
            yield f"{r['path']}:{f['line']}:{f['column']}: {f['severity']} {f['code']} {msg}"


def format_json(results: list[dict], summary: dict) -> str:
    from kehoach import __version__

    return json.dumps({"tool": "kehoach", "version": __version__, "files": results, "summary": summary},
                      ensure_ascii=False, indent=2)


def _rule_name(code: str) -> str:
    return "".join(w.capitalize() for w in code.split("-"))


def format_sarif(results: list[dict], base: Optional[Path] = None) -> str:
    """SARIF 2.1.0: one run, the rules catalogue in the driver, one result per finding."""
    from kehoach import __version__
    from kehoach.parser.checks import RULES

    codes = sorted(RULES)
    index = {c: i for i, c in enumerate(codes)}
    rules = [{
        "id": c, "name": _rule_name(c),
        "shortDescription": {"text": RULES[c].summary},
        "fullDescription": {"text": f"{RULES[c].summary_vi} / {RULES[c].summary}"},
        "defaultConfiguration": {"level": SARIF_LEVEL[RULES[c].severity]},
        "properties": {"description_vi": RULES[c].summary_vi},
    } for c in codes]
    sarif_results = []
    notes = []
    for r in results:
        uri = _uri(r["path"], base)
        if r["error"]:
            notes.append({"level": "error", "message": {"text": r["error"]},
                          "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
        for f in r["findings"]:
            res = {
                "ruleId": f["code"], "level": SARIF_LEVEL[f["severity"]],
                "message": {"text": f"{f['message']} ({f['message_en']})"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": _region(f),
                }}],
                "properties": {"evidence": f["evidence"], "message_en": f["message_en"]},
            }
            if f["code"] in index:
                res["ruleIndex"] = index[f["code"]]
            sarif_results.append(res)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "kehoach", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://kehoach.invalid/", "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notes, "toolExecutionNotifications": notes}],
            "results": sarif_results,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _region(f: dict) -> dict:
    return {"startLine": f["line"], "startColumn": f["column"], "endLine": f["end_line"], "endColumn": f["end_column"],
            "snippet": {"text": f["excerpt"]}}


def _uri(path: str, base: Optional[Path]) -> str:
    p = Path(path)
    try:
        p = p.resolve().relative_to((base or Path.cwd()).resolve())
    except ValueError:
        return p.resolve().as_uri()
    return p.as_posix()


def rules_table(lang: str = "vi") -> str:
    from kehoach.parser.checks import RULES

    rows = [f"{'code':<26}{'severity':<9}description"]
    for c in sorted(RULES):
        r = RULES[c]
        rows.append(f"{c:<26}{r.severity:<9}{r.summary if lang == 'en' else r.summary_vi}")
    return "\n".join(rows)


# ------------------------------------------------------------------ command


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        paths: Optional[List[Path]] = typer.Argument(None, help="Plan files, folders or .zip archives, found as batch "
                                                     "finds them (format by content first); PlanDocument .json "
                                                     "files named here are re-checked."),
        fmt: str = typer.Option("text", "--format", "-f", help="text | json | sarif (SARIF 2.1.0)."),
        select: Optional[str] = typer.Option(None, "--select", help="Comma-separated codes or prefixes to run (default ALL)."),
        ignore: Optional[str] = typer.Option(None, "--ignore", help="Comma-separated codes or prefixes to skip."),
        config: Optional[Path] = typer.Option(None, "--config", help="kehoach.toml / pyproject.toml to read "
                                              "[check] / [tool.kehoach.check] from (default: nearest one)."),
        no_config: bool = typer.Option(False, "--isolated", help="Ignore config files."),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to a file instead of stdout."),
        lang: str = typer.Option("vi", "--lang", help="Message language in text output: vi | en."),
        show_info: bool = typer.Option(False, "--show-info", help="Also print info-level findings in text output."),
        jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (0 = one per CPU)."),
        no_progress: bool = typer.Option(False, "--no-progress", help="Never draw the progress bar."),
        list_rules: bool = typer.Option(False, "--list-rules", help="Print the rule catalogue and exit."),
    ):
        """Check plans for inconsistencies a reviewer must not miss (a linter for plans)."""
        from kehoach.parser.checks import CheckConfig, load_config

        def err(msg: str) -> None:
            typer.echo(msg, err=True)

        if list_rules:
            typer.echo(rules_table(lang))
            raise typer.Exit()
        if fmt not in FORMATS:
            err(f"kehoach: error: --format must be one of {', '.join(FORMATS)}")
            raise typer.Exit(2)
        if not paths:
            err("kehoach: error: give at least one file or folder")
            raise typer.Exit(2)
        try:
            cfg = {} if no_config else load_config(config)
        except (OSError, ValueError) as e:
            err(f"kehoach: error: cannot read config {config}: {e}")
            raise typer.Exit(2)
        if select:
            cfg["select"] = select
        if ignore:
            cfg["ignore"] = list(cfg.get("ignore") or []) + [x for x in ignore.split(",") if x.strip()]
        try:
            parsed = CheckConfig.from_dict(cfg)
        except ValueError as e:
            err(f"kehoach: error: {e}")
            raise typer.Exit(2)
        from kehoach.parser.checks import RULES

        unknown = [c for c in parsed.select + parsed.ignore
                   if c.upper() != "ALL" and not any(r == c or r.startswith(c.rstrip("-") + "-") for r in RULES)]
        if unknown:
            err(f"kehoach: error: unknown rule code(s): {', '.join(unknown)} (see --list-rules)")
            raise typer.Exit(2)
        files, missing, skipped = collect(paths)
        for m in missing:
            err(f"kehoach: error: {m}")
        for name in skipped:
            err(f"kehoach: note: {name}: skipped, not a format kehoach reads")
        if not files:
            err("kehoach: error: no plan files to check")
            raise typer.Exit(2)
        n_jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
        t0 = time.perf_counter()
        bar = sys.stderr.isatty() and not no_progress
        results = _run_all(files, cfg, n_jobs, bar)
        results.sort(key=lambda r: r["path"])
        for r in results:
            for w in r.get("warnings") or []:
                err(f"kehoach: warning: {w}")
        summary = summarize(results, time.perf_counter() - t0)
        if fmt == "text":
            body = "\n".join(format_text(results, lang, show_info))
            body = (body + "\n" if body else "") + summary_line(summary)
        elif fmt == "json":
            body = format_json(results, summary)
        else:
            body = format_sarif(results)
        if output:
            output.write_text(body + "\n", encoding="utf-8")
            err(summary_line(summary))
        else:
            sys.stdout.write(body + "\n")
            if fmt != "text":
                err(summary_line(summary))
        if missing or summary["unreadable"]:
            raise typer.Exit(2)
        if summary["error"]:
            raise typer.Exit(1)
