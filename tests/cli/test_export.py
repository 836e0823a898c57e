"""``liza export`` in real processes: content, progress, exit codes, safe files, kill and resume."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import select
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from liza_async.sandbox import FaultConfig, RunningSandbox, SandboxConfig, run_in_thread
from liza_async.writers import EXTRA_COLUMN, CsvWriter

from .conftest import Run, liza_command, run_liza, subprocess_env

SUMMARY = re.compile(
    r"^liza: exported (?P<records>[\d,]+) records in [\d.]+ s \([\d,]+ records/s, "
    r"(?P<pages>[\d,]+) pages, (?P<retries>\d+) retries, (?P<throttled>\d+) 429s\) to (?P<to>.+)$",
    re.M,
)
KILL_RECORDS = {"jsonl": 50_000, "csv": 10_000}
LATENCY_MS = "10"


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def leftovers(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(target.name + "."))


def test_jsonl_file_equals_the_ground_truth(
    sandbox: RunningSandbox, api_env: dict[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "contacts.jsonl"
    connection = sandbox.connection_id("crm")
    done = run_liza(
        "export", connection, "crm", "contact", "-o", str(target), "--page-size", "40",
        "--concurrency", "3", env=api_env,
    )  # fmt: skip
    assert done.code == 0, done.err
    assert lines_of(target) == list(sandbox.records("crm", "contact"))
    summary = SUMMARY.search(done.err)
    assert summary is not None, done.err
    assert summary.group("records", "pages", "retries", "throttled", "to") == (
        "300", "8", "0", "0", str(target)
    )  # fmt: skip
    progress = re.findall(
        r"^liza: ([\d,]+) records, ([\d,]+) pages, [\d.]+ pages/s", done.err, re.M
    )
    assert progress[0] == ("40", "1")  # a first plain line (stderr is no terminal), then rarely
    assert done.err.splitlines()[-1] == summary.group(0)
    assert done.out == ""
    assert leftovers(target) == []


def test_csv_file_equals_the_ground_truth(
    sandbox: RunningSandbox, api_env: dict[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "contacts.csv"
    connection = sandbox.connection_id("crm")
    done = run_liza("export", connection, "crm", "contact", "-o", str(target), env=api_env)
    assert done.code == 0, done.err
    truth = list(sandbox.records("crm", "contact"))
    expected = io.BytesIO()
    writer = CsvWriter(expected)
    for start in range(0, len(truth), 100):
        writer.write(truth[start : start + 100])
    assert target.read_bytes() == expected.getvalue()

    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert [row["id"] for row in rows] == [record["id"] for record in truth]
    for row, record in zip(rows, truth, strict=True):
        assert row["address.city"] == record.get("address", {}).get("city", "")
        assert row["emails.0.email"] == record["emails"][0]["email"]
        assert (json.loads(row["raw"]) if row["raw"] else None) == record.get("raw")
        assert row[EXTRA_COLUMN] == ""


def test_stdout_gets_the_data_and_stderr_the_summary(
    sandbox: RunningSandbox, api_env: dict[str, str]
) -> None:
    since = "2021-06-01T00:00:00Z"
    connection = sandbox.connection_id("crm")
    done = run_liza("export", connection, "crm", "contact", "--updated-gte", since, env=api_env)
    assert done.code == 0, done.err
    expected = [r for r in sandbox.records("crm", "contact") if r["updated_at"] >= since]
    assert 0 < len(expected) < 300
    assert [json.loads(line) for line in done.out.splitlines()] == expected
    summary = SUMMARY.search(done.err)
    assert summary is not None, done.err
    assert summary.group("records", "to") == (f"{len(expected):,}", "stdout")


def test_a_terminal_gets_a_progress_bar(
    sandbox: RunningSandbox, api_env: dict[str, str], tmp_path: Path
) -> None:
    controller, terminal = pty.openpty()
    command = liza_command("export", sandbox.connection_id("crm"), "crm", "contact")
    with (tmp_path / "out.jsonl").open("wb") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=terminal, env={**api_env, "COLUMNS": "120"}
        )
    os.close(terminal)
    shown = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (chunk := _read(controller)):
        shown += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 0
    assert len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 300
    text = shown.decode(errors="replace")
    assert "exporting" in text
    assert "pages/s" in text
    assert "\x1b[" in text  # drawn with terminal control sequences
    summary = text[text.index("liza: exported") :].replace("\r\n", "\n")
    assert SUMMARY.fullmatch(summary.rstrip("\n")) is not None  # the bar erased, the summary kept


def test_without_rich_a_bar_falls_back_to_lines(
    sandbox: RunningSandbox, api_env: dict[str, str]
) -> None:
    connection = sandbox.connection_id("crm")
    args = ["export", connection, "crm", "contact", "--progress", "bar"]
    code = (
        "import sys; sys.modules['rich'] = None; from liza_async.cli import main; "
        f"sys.exit(main({args!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=api_env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 300
    assert re.search(r"^liza: 100 records, 1 pages, [\d.]+ pages/s", done.stderr, re.M)
    assert SUMMARY.search(done.stderr) is not None


def _read(descriptor: int) -> bytes:
    if not select.select([descriptor], [], [], 10)[0]:
        return b""
    try:
        return os.read(descriptor, 65536)
    except OSError:  # the terminal closed with the process
        return b""


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The files an uninterrupted ``--sandbox`` export writes, by format."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    files = {}
    for fmt, records in KILL_RECORDS.items():
        target = folder / f"full.{fmt}"
        done = run_liza(
            "export", "--sandbox", "crm", "contact", "--sandbox-records", str(records),
            "-o", str(target), "--progress", "off",
        )  # fmt: skip
        assert done.code == 0, done.err
        files[fmt] = target.read_bytes()
    return files


def _slow_export(target: Path, fmt: str) -> list[str]:
    return [
        "export", "--sandbox", "crm", "contact", "--sandbox-records", str(KILL_RECORDS[fmt]),
        "--sandbox-latency", LATENCY_MS, "-o", str(target), "--progress", "lines",
    ]  # fmt: skip


def _start_and_wait_for_progress(args: list[str], target: Path, past: int) -> subprocess.Popen[str]:
    """Start an export; return once its checkpoint records more than ``past`` bytes written."""
    process = subprocess.Popen(
        liza_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=subprocess_env(),
    )  # fmt: skip
    checkpoint = target.with_name(target.name + ".checkpoint.json")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if json.loads(checkpoint.read_text())["output_bytes"] > past:
                return process
        except (FileNotFoundError, ValueError):
            pass
        time.sleep(0.02)
    process.kill()
    raise AssertionError(f"no progress; stderr: {process.communicate()[1]}")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_killed_and_resumed_equals_uninterrupted(
    uninterrupted: dict[str, bytes], tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"out.{fmt}"
    full = uninterrupted[fmt]
    args = _slow_export(target, fmt)
    process = _start_and_wait_for_progress(args, target, len(full) // 4)
    process.send_signal(signal.SIGKILL)
    _, err = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert re.search(r"^liza: [\d,]+ records, [\d,]+ pages, [\d.]+ pages/s", err, re.M), err
    assert not target.exists()  # a crash never leaves a complete-looking file
    assert leftovers(target) == [f"out.{fmt}.checkpoint.json", f"out.{fmt}.part"]
    saved = json.loads(target.with_name(f"out.{fmt}.checkpoint.json").read_text())
    assert len(full) // 4 < saved["output_bytes"] <= (tmp_path / f"out.{fmt}.part").stat().st_size
    assert 0 < saved["checkpoint"]["delivered"] < KILL_RECORDS[fmt]

    resumed = run_liza(*args, "--resume")
    assert resumed.code == 0, resumed.err
    assert f"(resumed: {KILL_RECORDS[fmt]:,} records in all)" in resumed.err
    assert target.read_bytes() == full
    assert leftovers(target) == []


def test_ctrl_c_keeps_the_partial_file_and_prints_the_command_that_resumes(
    uninterrupted: dict[str, bytes], tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    process = _start_and_wait_for_progress(_slow_export(target, "jsonl"), target, 0)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert out == ""
    assert re.search(r"^liza: interrupted after [\d,]+ records$", err, re.M)
    assert not target.exists()
    command = re.search(r"resume it with:\n  (liza export .+)$", err, re.M)
    assert command is not None, err
    words = shlex.split(command.group(1))
    assert words[-1] == "--resume"
    assert "--token" not in words

    resumed = run_liza(*words[1:], cwd=tmp_path)  # the printed command, as it is
    assert resumed.code == 0, resumed.err
    assert target.read_bytes() == uninterrupted["jsonl"]
    assert leftovers(target) == []


@pytest.fixture
def flaky_sandbox() -> Iterator[RunningSandbox]:
    """Every third records answer (deterministically, for requests in order) is not JSON."""
    faults = FaultConfig(malformed="not_json", malformed_rate=0.3)
    with run_in_thread(SandboxConfig(records=300, rate_limit=0, faults=faults)) as running:
        yield running


def test_a_failure_mid_way_keeps_a_resumable_prefix(
    flaky_sandbox: RunningSandbox, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    connection = sandbox.connection_id("crm")
    assert flaky_sandbox.connection_id("crm") == connection  # same seed, same data
    args = ["export", connection, "crm", "contact", "-o", str(target), "--concurrency", "1"]
    args += ["--page-size", "20"]
    env = subprocess_env(LIZA_API_TOKEN=sandbox.token)
    failed = run_liza(*args, "--base-url", str(flaky_sandbox.base_url), env=env)
    assert failed.code == 1
    assert re.search(r"^liza: error: the export stopped after [\d,]+ records: ", failed.err, re.M)
    assert "resume it with:\n  liza export " in failed.err
    assert not target.exists()
    assert leftovers(target) == ["out.csv.checkpoint.json", "out.csv.part"]
    partial = (tmp_path / "out.csv.part").read_bytes()
    assert partial.count(b"\r\n") > 1  # the header and rows of the pages before the failure

    changed = run_liza(*args, "--query", "other", "--resume", "--base-url",
                       str(sandbox.base_url), env=env)  # fmt: skip
    assert changed.code == 2
    assert "another export" in changed.err
    other_format = run_liza(*args, "--format", "jsonl", "--resume", env=env)
    assert other_format.code == 2
    assert "resume it with --format csv" in other_format.err

    resumed = run_liza(*args, "--resume", "--base-url", str(sandbox.base_url), env=env)
    assert resumed.code == 0, resumed.err
    truth = list(sandbox.records("crm", "contact"))
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert [row["id"] for row in rows] == [record["id"] for record in truth]
    assert target.read_bytes().startswith(partial)


def test_an_api_failure_exits_1_and_leaves_no_target(
    api_env: dict[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    failed = run_liza("export", "no-such-connection", "crm", "contact", "-o", str(target),
                      env=api_env)  # fmt: skip
    assert failed.code == 1
    assert "404" in failed.err
    assert not target.exists()


def test_an_unwritable_file_exits_1_with_a_message(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.jsonl"
    failed = run_liza("export", "--sandbox", "crm", "contact", "--sandbox-records", "10",
                      "-o", str(target))  # fmt: skip
    assert failed.code == 1
    assert f"liza: error: [Errno 2] No such file or directory: '{target}.part'" in failed.err
    assert "Traceback" not in failed.err


def test_a_full_disk_mid_way_is_resumable(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    args = [
        "export",
        "--sandbox",
        "crm",
        "contact",
        "--sandbox-records",
        "20000",
        "-o",
        str(target),
    ]
    small_files = (  # writes past 1 MB fail with EFBIG, as on a full disk
        "import resource, runpy, sys; "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20)); "
        f"sys.argv = ['liza', *{args!r}]; runpy.run_module('liza_async', run_name='__main__')"
    )
    full = subprocess.run(
        [sys.executable, "-c", small_files], capture_output=True, text=True,
        env=subprocess_env(), timeout=60, check=False,
    )  # fmt: skip
    assert full.returncode == 1, full.stderr
    assert "liza: error: [Errno 27] File too large" in full.stderr
    assert "resume it with:\n  liza export " in full.stderr
    assert not target.exists()

    resumed = run_liza(*args, "--resume")
    assert resumed.code == 0, resumed.err
    assert "resumed: 20,000 records in all" in resumed.err
    assert [record["id"] for record in lines_of(target)] == [
        record["id"] for record in _sandbox_contacts(20_000)
    ]


def _sandbox_contacts(records: int) -> list[dict[str, Any]]:
    with run_in_thread(SandboxConfig(records=records, rate_limit=0)) as sandbox:
        return list(sandbox.records("crm", "contact"))


def test_starting_again_without_resume_starts_over(
    sandbox: RunningSandbox, api_env: dict[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    connection = sandbox.connection_id("crm")
    interrupted = {"liza_export": 1, "format": "jsonl", "output_bytes": 16, "columns": None,
                   "checkpoint": {"version": 1, "connection_id": connection, "category": "crm",
                                  "object_type": "contact", "next_offset": 1,
                                  "recent_ids": [], "delivered": 1}}  # fmt: skip
    (tmp_path / "out.jsonl.checkpoint.json").write_text(json.dumps(interrupted))
    (tmp_path / "out.jsonl.part").write_bytes(b'{"stale": true}\n')
    again = run_liza("export", connection, "crm", "contact", "-o", str(target), env=api_env)
    assert again.code == 0, again.err
    assert "starting over: discarding the interrupted export in" in again.err
    assert lines_of(target) == list(sandbox.records("crm", "contact"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crm", "contact"], "give CONNECTION_ID (see `liza connections list`), or try --sandbox"),
        (["--sandbox", "crm", "contact", "-o", "out.txt"], "cannot tell the format of 'out.txt'"),
        (["--sandbox", "crm", "contact", "--resume"], "--resume needs -o FILE"),
        (["--sandbox", "--token", "t", "crm", "contact"], "leave out --token and --base-url"),
        (["--sandbox", "crm", "contact", "-o", "x.jsonl", "--page-size", "0"], "page_size"),
        (["--sandbox", "crm", "contact", "--sandbox-records", "0"], "records must be >= 1"),
        (["--sandbox", "crm", "contact", "-o", "x.csv", "--updated-gte", "soon"], "updated_gte"),
        (["--sandbox", "crmm", "contact"], "invalid choice: 'crmm'"),
    ],
)
def test_bad_usage_exits_2_and_writes_nothing(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    refused = cli("export", *args)
    assert refused.code == 2
    assert message in refused.err
    assert refused.out == ""
    assert list(tmp_path.iterdir()) == []
