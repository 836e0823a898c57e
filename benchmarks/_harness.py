"""What every benchmark shares: a sandbox in a subprocess, and side-by-side timing in rounds.

Variants run interleaved, in alternating order from round to round, so drift on a noisy machine
hits all of them alike; results are medians with min-max and ratios to a named baseline.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import ModuleType

import attrs

ROOT = Path(__file__).resolve().parents[1]

__all__ = [
    "ROOT",
    "PEER_PACKAGES",
    "Result",
    "SandboxProcess",
    "check_target",
    "compare",
    "optional_import",
    "print_table",
    "python_env",
    "sandbox_process",
]

PEER_PACKAGES = {
    "httpx": "httpx",
    "requests": "requests",
    "unified_python_sdk": "unified-python-sdk",
    "psutil": "psutil",
    "pydantic": "pydantic",
}
"""Import name -> distribution of the packages only the bench env installs (``tox -e bench``)."""


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


def python_env() -> dict[str, str]:
    """The environment for a Python subprocess that imports this checkout."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }


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
    command = [
        sys.executable, "-m", "liza_async", "sandbox", "--port", "0",
        "--rate-limit", str(rate_limit), "--records", str(records), *extra,
    ]  # fmt: skip
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, env=python_env()
    ) as process:  # leaving closes the pipe and reaps the process
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

    A ratio is the median over the rounds of the variant's time over the baseline's time in the
    same round: a slow spell of the machine moves both sides of a round alike.

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
    base = next(r for r in results if r.name == baseline).times
    print(f"\n{title}")
    width = max(34, *(len(result.name) for result in results))
    ratio_header = f"x {baseline} time"
    header = f"  {'variant':<{width}} {'median ' + unit:>12} {'min-max':>19} {ratio_header}"
    if throughput:
        header += f" {throughput[0] + '/s':>14}"
    print(header)
    ratios = {}
    for result in results:
        low, high = min(result.times) / per * scale, max(result.times) / per * scale
        ratios[result.name] = statistics.median(
            time / reference for time, reference in zip(result.times, base, strict=True)
        )
        line = (
            f"  {result.name:<{width}} {result.median / per * scale:>12.1f} "
            f"{f'{low:.1f}-{high:.1f}':>19} {ratios[result.name]:>{len(ratio_header)}.2f}"
        )
        if throughput:
            line += f" {throughput[1] / result.median:>14,.0f}"
        print(line)
    return ratios


def optional_import(module: str) -> ModuleType | None:
    """Import a package of the bench env, or say that what needs it is skipped.

    Args:
        module: The import name (a key of :data:`PEER_PACKAGES`).

    Returns:
        The module, or None after printing "skipped: <package> not installed".
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        print(f"  skipped: {PEER_PACKAGES.get(module, module)} not installed")
        return None


def check_target(label: str, measured: float, goal: float, *, at_least: bool = True) -> float:
    """Print a target line, "met" or "NOT MET", and return the measured figure.

    Args:
        label: What is measured, e.g. "typed / unified-python-sdk's best".
        measured: The figure (a ratio, a share, a count).
        goal: The target.
        at_least: True when the figure must be >= the goal, False when <=.

    Returns:
        ``measured``.
    """
    met = measured >= goal if at_least else measured <= goal
    sign = ">=" if at_least else "<="
    shown = f"{measured:g}" if float(measured).is_integer() else f"{measured:.3f}"
    print(f"  target: {label} = {shown} ({sign} {goal:g}: {'met' if met else 'NOT MET'})")
    return measured
