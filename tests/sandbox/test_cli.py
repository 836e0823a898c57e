"""``liza sandbox``: a subprocess that prints how to reach it, serves, and stops on a signal."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from liza_async.cli import main
from liza_async.sandbox._params import CATEGORIES

ROOT = Path(__file__).resolve().parents[2]


def _start(*args: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "liza_async", "sandbox", *args]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def _banner(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.startswith("Ctrl-C stops it."):
            return "".join(lines)
    raise AssertionError(f"no banner; stderr: {process.stderr.read() if process.stderr else ''}")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_it_prints_url_token_and_connections_serves_and_stops_cleanly(signum: int) -> None:
    process = _start("--port", "0", "--records", "60", "--token", "liza_mcp_cli", "--seed", "4")
    try:
        banner = _banner(process)
        base_url = re.search(r"^base url: (http://127\.0\.0\.1:\d+/api)$", banner, re.M)
        assert base_url is not None
        assert "\ntoken: liza_mcp_cli\n" in banner
        connections = re.findall(r"^  (\w+) +(\w+) +([0-9a-f]{24})$", banner, re.M)
        assert [c[0] for c in connections] == list(CATEGORIES)
        curl = re.search(r'curl -H "Authorization: Bearer (\S+)" "(\S+)"', banner)
        assert curl is not None
        assert curl.group(2).startswith(f"{base_url.group(1)}/v1/integrations/{connections[0][2]}/")
        request = urllib.request.Request(
            curl.group(2), headers={"Authorization": f"Bearer {curl.group(1)}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = json.loads(response.read())
        assert body["pagination"]["limit"] == 20
    finally:
        process.send_signal(signum)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert out.endswith("liza sandbox: stopped\n")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--records", "0"], "records must be >= 1"),
        (["--error-rate", "1.5"], "error_rate must be between 0 and 1"),
        (["--shape", "xml"], "invalid choice: 'xml'"),
        (["--port", "99999"], "port must be between 0 and 65535"),
        (["--malformed", "nope"], "invalid choice: 'nope'"),
        (["--records", "many"], "invalid int value: 'many'"),
    ],
)
def test_bad_flags_exit_2_with_a_message(
    capsys: pytest.CaptureFixture[str], args: list[str], error: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["sandbox", *args])
    assert exit_info.value.code == 2
    assert error in capsys.readouterr().err


def test_help_shows_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["sandbox", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--burst-429-every N" in out
    assert "examples:\n  liza sandbox " in out


def test_a_port_in_use_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["sandbox", "--port", str(port)]) == 1
    assert f"liza sandbox: cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err
