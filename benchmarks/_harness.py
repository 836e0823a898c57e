"""What every benchmark shares: a sandbox in a subprocess, and side-by-side timing in rounds.

Variants run interleaved, in alternating order from round to round, so drift on a noisy machine
hits all of them alike; results are medians with min-max and ratios to a named baseline.
"""

from __future__ import annotations

import contextlib
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[1]

__all__ = ["ROOT", "Result", "SandboxProcess", "compare", "print_table", "sandbox_process"]


@attrs.frozen
class SandboxProcess:
    """A ``liza sandbox`` running in a subprocess."""

    process: subprocess.Popen[str]
    base_url: str
    token: str
    connections: Mapping[str, str]

    @property
    def root_url(self) -> str:
        """The server root (for Unified.to's own routes)."""
        return self.base_url.removesuffix("/api")


@contextlib.contextmanager
def sandbox_process(
    records: int = 100_000, *, rate_limit: int = 0, extra: Sequence[str] = ()
) -> Iterator[SandboxProcess]:
    """Run ``python -m liza_async sandbox`` on a free port until the block ends.

    Args:
        records: CRM contacts to serve.
        rate_limit: Requests per minute (0: off).
        extra: More ``liza sandbox`` flags (e.g. ``["--latency", "150"]``).

    Yields:
        Its base URL, token and seeded connection ids by category.
    """
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [
        sys.executable, "-m", "liza_async", "sandbox", "--port", "0",
        "--rate-limit", str(rate_limit), "--records", str(records), *extra,
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        banner = ""
        for line in process.stdout:
            banner += line
            if line.startswith("Ctrl-C"):
                break
        base_url = re.search(r"^base url: (\S+)$", banner, re.M)
        token = re.search(r"^token: (\S+)$", banner, re.M)
        connections = dict(re.findall(r"^  (\w+) +\S+ +(\S+)$", banner, re.M))
        if not (base_url and token and connections):
            raise RuntimeError(f"unexpected sandbox banner:\n{banner}")
        yield SandboxProcess(process, base_url.group(1), token.group(1), connections)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@attrs.frozen
class Result:
    """The timings of one variant, in seconds per run."""

    name: str
    times: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median time."""
        return statistics.median(self.times)


def compare(
    variants: Mapping[str, Callable[[], object]], *, rounds: int, warmup: int = 1
) -> list[Result]:
    """Time every variant ``rounds`` times, interleaved, alternating the order each round.

    Args:
        variants: Name -> a callable doing one run (it may return anything).
        rounds: Timed runs per variant.
        warmup: Untimed runs per variant first.

    Returns:
        One result per variant, in the given order.
    """
    names = list(variants)
    for _ in range(warmup):
        for name in names:
            variants[name]()
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(rounds):
        order = names if round_number % 2 == 0 else names[::-1]
        for name in order:
            started = time.perf_counter()
            variants[name]()
            times[name].append(time.perf_counter() - started)
    return [Result(name, tuple(times[name])) for name in names]


def print_table(
    title: str,
    results: Sequence[Result],
    *,
    baseline: str,
    unit: str = "ms",
    per: float = 1.0,
    throughput: tuple[str, float] | None = None,
) -> dict[str, float]:
    """Print medians, min-max and ratios to ``baseline``; return the ratios.

    Args:
        title: A heading.
        results: From :func:`compare`.
        baseline: The name the ratios are relative to.
        unit: "ms" or "us" for the time columns.
        per: Divide times by this (e.g. calls per run) for a per-item time.
        throughput: (unit name, items per run) to add an items/s column.

    Returns:
        Variant name -> time ratio to the baseline (lower is faster).
    """
    scale = {"ms": 1e3, "us": 1e6, "s": 1.0}[unit]
    base = next(r for r in results if r.name == baseline).median
    print(f"\n{title}")
    header = f"  {'variant':<34} {'median ' + unit:>12} {'min-max':>19} {'x ' + baseline:>14}"
    if throughput:
        header += f" {throughput[0] + '/s':>14}"
    print(header)
    ratios = {}
    for result in results:
        low, high = min(result.times) / per * scale, max(result.times) / per * scale
        ratios[result.name] = result.median / base
        line = (
            f"  {result.name:<34} {result.median / per * scale:>12.1f} "
            f"{f'{low:.1f}-{high:.1f}':>19} {ratios[result.name]:>14.2f}"
        )
        if throughput:
            line += f" {throughput[1] / result.median:>14,.0f}"
        print(line)
    return ratios
