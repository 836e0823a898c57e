"""The README's examples run, against the sandbox, as real programs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from liza_async.sandbox import RunningSandbox

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(sandbox: RunningSandbox, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LIZA_API_TOKEN": sandbox.token,
        "LIZA_BASE_URL": str(sandbox.base_url),
    }
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_async_app(liza_sandbox: RunningSandbox) -> None:
    done = run(liza_sandbox, str(EXAMPLES / "async_app.py"), "--self-check")
    assert done.returncode == 0, done.stderr
    status, total, *_ = done.stdout.split(" ", 2)
    assert status == "200"
    assert int(total) > 0


def test_sync_legacy(liza_sandbox: RunningSandbox) -> None:
    done = run(liza_sandbox, str(EXAMPLES / "sync_legacy.py"))
    assert done.returncode == 0, done.stderr
    assert liza_sandbox.connection_id("crm") in done.stdout
    assert "not found, as expected: 404" in done.stdout
    assert "passthrough: 200" in done.stdout
    assert liza_sandbox.token not in done.stdout + done.stderr


def test_bulk_export_writes_every_contact_and_resumes(
    start_liza_sandbox: Callable[..., RunningSandbox], tmp_path: Path
) -> None:
    # now and then a page comes back broken (not retried): the export stops, and resumes
    faults = {"malformed": "not_json", "malformed_rate": 0.15}
    sandbox = start_liza_sandbox(records=3000, faults=faults, seed=2)
    output = tmp_path / "contacts.jsonl"
    attempts = 0
    while True:  # a flaky server stops the export now and then; each run resumes the last one
        attempts += 1
        done = run(sandbox, str(EXAMPLES / "bulk_export.py"), str(output))
        if done.returncode == 0:
            break
        assert "run again to resume" in done.stdout, done.stderr
        assert attempts < 50
    assert attempts > 1
    lines = output.read_text().splitlines()
    assert [json.loads(line) for line in lines] == list(sandbox.records("crm", "contact"))
    assert not output.with_name("contacts.jsonl.checkpoint.json").exists()
    assert "3000 contacts exported" in done.stdout


@pytest.mark.parametrize("name", ["async_app.py", "bulk_export.py", "sync_legacy.py"])
def test_examples_have_a_docstring_that_says_how_to_run_them(name: str) -> None:
    source = (EXAMPLES / name).read_text()
    assert source.startswith('"""')
    assert "liza sandbox" in source
