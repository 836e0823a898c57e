"""The benchmark suite's quick mode runs end to end and yields figures, so it never rots.

Each benchmark starts real sandbox subprocesses on loopback at tiny sizes. Nothing here asserts
speed: only that every benchmark runs, prints its rows and returns finite figures, or is
skipped because a peer package of the bench env is really missing.
"""

from __future__ import annotations

import importlib.util
import math

import pytest

from benchmarks.__main__ import SUITE, main, run_benchmark
from benchmarks._harness import PEER_PACKAGES

ROWS = {
    "peers": ["liza async export (typed)", "liza export to JSONL", "raw aiohttp c4, json.loads"],
    "latency": ["raw aiohttp + json.loads", "AsyncLiza records.list", "Liza records.list"],
    "decode": ["json.loads", "liza parse+structure", "liza structure only"],
    "memory": ["--help", "1,000", "5,000"],
    "ratelimit": ["liza export (defaults)", "naive loop, 4 workers"],
    "client": ["AsyncLiza connections.get"],
    "sync": ["Liza records.list", "Liza export"],
    "export": ["typed", "jsonl", "raw aiohttp"],
    "sandbox": ["cold:", "warm:"],
    "data": ["crm/contact cold"],
}
"""Rows each benchmark must print in quick mode."""


def test_every_benchmark_of_the_suite_is_checked_here() -> None:
    assert set(ROWS) == set(SUITE)


@pytest.mark.parametrize("name", list(SUITE))
def test_quick_mode_runs_and_yields_figures(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_benchmark(name, quick=True)
    output = capsys.readouterr().out
    if outcome.skipped is not None:
        module = next(m for m, package in PEER_PACKAGES.items() if package == outcome.skipped)
        assert importlib.util.find_spec(module) is None
        assert f"skipped: {outcome.skipped} not installed" in output
        return
    for row in ROWS[name]:
        assert row in output
    assert outcome.figures
    assert all(math.isfinite(value) and value >= 0 for value in outcome.figures.values())


def test_peer_variants_are_skipped_when_their_package_is_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    figures = run_benchmark("latency", quick=True).figures
    output = capsys.readouterr().out
    for module, package in [("requests", "requests"), ("httpx", "httpx")]:
        installed = importlib.util.find_spec(module) is not None
        assert (f"skipped: {package} not installed" in output) is not installed
    sdk = importlib.util.find_spec("unified_python_sdk") is not None
    assert ("unified-python-sdk list_crm_contacts (us per call)" in figures) is sdk


def test_the_runner_selects_benchmarks_and_sums_them_up(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--quick", "--only", "decode", "data"]) == 0
    output = capsys.readouterr().out
    summary = output.split("=== summary ===")[1]
    assert "decode" in summary
    assert "data" in summary
    assert "peers" not in summary
    assert "liza structure only (x json.loads):" in summary
