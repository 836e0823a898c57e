"""The ``liza`` command under test: in this process (``main``) or as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from liza_async.cli import main
from liza_async.sandbox import RunningSandbox, SandboxConfig, run_in_thread

ROOT = Path(__file__).resolve().parents[2]


class Result(NamedTuple):
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[RunningSandbox]:
    """A sandbox on its own thread, no rate limit, shared by the tests of a module."""
    with run_in_thread(SandboxConfig(records=300, rate_limit=0)) as running:
        yield running


@pytest.fixture
def api_env(sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Point ``LIZA_API_TOKEN``/``LIZA_BASE_URL`` at the sandbox; the env for subprocesses."""
    monkeypatch.setenv("LIZA_API_TOKEN", sandbox.token)
    monkeypatch.setenv("LIZA_BASE_URL", str(sandbox.base_url))
    return subprocess_env()


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment of a ``python -m liza_async`` child: this checkout first on the path."""
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path, **extra}


def liza_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "liza_async", *args]


def run_liza(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Result:
    """Run ``python -m liza_async ARGS`` to completion."""
    done = subprocess.run(
        liza_command(*args),
        capture_output=True,
        text=True,
        env=env or subprocess_env(),
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``liza ARGS`` in this process; argparse's exits become exit codes."""

    def run(*args: str) -> Result:
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run
