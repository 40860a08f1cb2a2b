"""`--help` shows every word of the option texts and no value placeholder for flags."""
import pytest
from typer.testing import CliRunner

from kehoach.pipelines.cli import app

runner = CliRunner()


def _help(*cmd: str) -> str:
    res = runner.invoke(app, [*cmd, "--help"], terminal_width=100)
    assert res.exit_code == 0, res.output
    return " ".join(res.output.split())  # undo the wrapping


def test_parse_help_keeps_bracketed_config_table_names():
    text = _help("parse")
    assert "Check configuration (kehoach.toml [check] or pyproject [tool.kehoach.check]) applied" in text
    assert "--with-text Add the normalized text" in text


def test_check_help_keeps_bracketed_config_table_names():
    text = _help("check")
    assert "to read [check] / [tool.kehoach.check] from" in text


@pytest.mark.parametrize("cmd", [(), ("parse",), ("check",), ("batch",), ("compare",), ("query",), ("serve",)])
def test_flags_print_without_a_value_placeholder(cmd):
    text = _help(*cmd)
    assert "<bool>" not in text and "--help Show this message and exit." in text
