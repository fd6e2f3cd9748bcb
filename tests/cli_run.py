"""Running the command line in-process, as the CLI tests do."""

from __future__ import annotations

import json
from typing import Any

import pytest

from digest.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`digest ARGV...`: its exit code, standard output and standard error."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """The JSON a `digest ... --json` command prints, after checking it exited 0."""
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)
