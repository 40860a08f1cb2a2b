"""The `kehoach` command line (typer). Each subcommand lives in its own module with a
`register(app)` function; this file only assembles them and owns `parse` and `schema`.

Unix habits: results to stdout or --out, messages and progress to stderr, exit 0 on
success, 1 when checks find errors, 2 on bad input.
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from kehoach import __version__

app = typer.Typer(
    name="kehoach",
    help="Đọc kế hoạch công đoàn (.docx/.doc/.pdf/.txt) thành JSON có cấu trúc. "
    "Turn Vietnamese plan documents into structured, checked JSON, tables and a database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain click help: rich markup would eat "[check]" and "[tool.kehoach.check]" from the
    # texts and print flags as "--help <bool>" although they take no value
    rich_markup_mode=None,
)

# Subcommands implemented in their own modules; each module defines register(app).
COMMAND_MODULES = [
    "kehoach.pipelines.check_cmd",
    "kehoach.pipelines.batch_cmd",
    "kehoach.pipelines.compare_cmd",
    "kehoach.pipelines.serve_cmd",
]


def err(msg: str) -> None:
    typer.echo(msg, err=True)


def _version(value: bool):
    if value:
        typer.echo(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
):
    pass


@app.command()
def parse(
    files: List[Path] = typer.Argument(..., help="Plan files: .txt, .docx, .doc, .pdf, .html, images."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write DIR/<stem>.json per input; without it, JSON goes to stdout."),
    with_text: bool = typer.Option(False, "--with-text", help="Add the normalized text and reader blocks the offsets point into."),
    no_nlp: bool = typer.Option(False, "--no-nlp", help="Skip references/dates/targets/awards tagging."),
    no_checks: bool = typer.Option(False, "--no-checks", help="Skip consistency checks."),
    compact: bool = typer.Option(False, "--compact", help="One-line JSON."),
    config: Optional[Path] = typer.Option(
        None, "--config", help="Check configuration (kehoach.toml [check] or pyproject [tool.kehoach.check]) "
        "applied to the findings. Without it the output uses the default rules, as batch and the HTTP service do."),
):
    """Parse plans into JSON (one file per input with --out, else JSON on stdout)."""
    from kehoach.parser import parse as parse_file
    from kehoach.parser.errors import KehoachError

    check_config = None
    if config is not None:
        from kehoach.parser.checks.config import load_config

        try:
            check_config = load_config(config)
        except (OSError, ValueError) as e:  # tomllib.TOMLDecodeError is a ValueError
            err(f"kehoach: error: {config}: cannot read the check configuration: {e}")
            raise typer.Exit(2)
    failed = 0
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for f in files:
        try:
            doc = parse_file(f, nlp=not no_nlp, checks=not no_checks, config=check_config)
        except KehoachError as e:
            err(f"kehoach: error: {e}")
            failed += 1
            continue
        payload = doc.to_json(with_text=with_text, indent=None if compact else 2)
        if out:
            (out / f"{f.stem}.json").write_text(payload + "\n", encoding="utf-8")
            err(f"{f} -> {out / (f.stem + '.json')}")
        else:
            sys.stdout.write(payload + "\n")
    if failed:
        raise typer.Exit(2)


@app.command()
def schema(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the JSON Schema to this file."),
):
    """Print the JSON Schema of the parse output (PlanDocument)."""
    from kehoach.parser.schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    if out:
        out.write_text(text + "\n", encoding="utf-8")
    else:
        typer.echo(text)


for _mod in COMMAND_MODULES:
    try:
        importlib.import_module(_mod).register(app)
    except ModuleNotFoundError as _e:
        if _e.name != _mod:  # the module exists but one of its imports is missing: a real error
            raise


def main() -> None:
    app()


if __name__ == "__main__":
    main()
