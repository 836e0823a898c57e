"""Run liza's benchmark suite: ``python -m benchmarks [--quick] [--only NAME ...] [--full]``.

Each benchmark starts its own sandbox subprocess on loopback, warms up, runs its variants
interleaved in rounds and prints medians, min-max and ratios to a named baseline, then its
targets ("met" or "NOT MET"). A benchmark whose module needs a package that is not installed
(the peers: ``tox -e bench`` installs them) is skipped and says so; a benchmark that fails is
reported and the suite goes on, exiting 1 at the end. ``--quick`` uses tiny sizes: a smoke run
that proves every benchmark works (``tests/test_benchmarks.py`` runs it), not a measurement.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from typing import cast

import attrs

from benchmarks._harness import PEER_PACKAGES

Main = Callable[[list[str]], Mapping[str, float] | None]


@attrs.frozen
class Benchmark:
    """One script of the suite."""

    module: str
    summary: str
    full_flags: tuple[str, ...] = ()
    """What ``--full`` adds to its arguments."""


SUITE = {
    "peers": Benchmark(
        "benchmarks.bench_peers", "1. export throughput of 100k contacts, liza vs peers"
    ),
    "latency": Benchmark("benchmarks.bench_latency", "2. per-call latency of a 1-record GET"),
    "decode": Benchmark("benchmarks.bench_decode", "3. decode cost of a 100-contact page"),
    "memory": Benchmark("benchmarks.bench_memory", "4. peak RSS of JSONL exports, 100k vs 1M"),
    "ratelimit": Benchmark(
        "benchmarks.bench_ratelimit",
        "5. rate-limit use at 240/min, liza vs a naive loop",
        ("--full",),
    ),
    "client": Benchmark("benchmarks.bench_client", "one small GET, AsyncLiza vs raw aiohttp"),
    "sync": Benchmark("benchmarks.bench_sync", "the sync facade: latency and export"),
    "export": Benchmark(
        "benchmarks.bench_export", "typed and JSONL export vs raw aiohttp (orjson)"
    ),
    "sandbox": Benchmark("benchmarks.bench_sandbox", "pages/s the sandbox serves"),
    "data": Benchmark("benchmarks.bench_data", "µs per page of the data generator"),
}


@attrs.frozen
class Outcome:
    """What one benchmark gave: its figures, or the missing package it was skipped for."""

    name: str
    figures: Mapping[str, float]
    seconds: float
    skipped: str | None = None


def run_benchmark(name: str, *, quick: bool = False, full: bool = False) -> Outcome:
    """Run one benchmark of the suite.

    Args:
        name: A key of :data:`SUITE`.
        quick: Tiny sizes (a smoke run).
        full: The longest variant where a benchmark has one (the 2-minute rate run).

    Returns:
        Its figures (empty when its ``main`` returns none), or the package it was skipped for.

    Raises:
        ModuleNotFoundError: A module outside the bench env's peers is missing.
    """
    benchmark = SUITE[name]
    started = time.perf_counter()
    print(f"\n=== {name}: {benchmark.summary} ===", flush=True)
    try:
        module = importlib.import_module(benchmark.module)
    except ModuleNotFoundError as error:
        package = PEER_PACKAGES.get((error.name or "").partition(".")[0])
        if package is None:
            raise
        print(f"  skipped: {package} not installed")
        return Outcome(name, {}, time.perf_counter() - started, skipped=package)
    argv = ["--quick"] if quick else list(benchmark.full_flags if full else ())
    figures = cast(Main, module.main)(argv)
    return Outcome(name, dict(figures or {}), time.perf_counter() - started)


def print_summary(outcomes: Sequence[Outcome], failed: Sequence[str]) -> None:
    print("\n=== summary ===")
    for outcome in outcomes:
        status = f"skipped: {outcome.skipped} not installed" if outcome.skipped else "ran"
        print(f"{outcome.name:<10} {outcome.seconds:6.1f} s  {status}")
        for figure, value in outcome.figures.items():
            print(f"    {figure}: {value:,.3g}")
    for name in failed:
        print(f"{name:<10} FAILED (traceback above)")


def main(argv: list[str] | None = None) -> int:
    """Run the suite, or the benchmarks named with ``--only``.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0, or 1 when a benchmark failed.
    """
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    parser.add_argument(
        "--full", action="store_true", help="the longest runs (the 2-minute rate-limit run)"
    )
    parser.add_argument(
        "--only", nargs="+", choices=list(SUITE), metavar="NAME", help=f"of: {', '.join(SUITE)}"
    )
    args = parser.parse_args(argv)
    outcomes: list[Outcome] = []
    failed: list[str] = []
    for name in args.only or SUITE:
        try:
            outcomes.append(run_benchmark(name, quick=args.quick, full=args.full))
        except Exception:
            traceback.print_exc()
            failed.append(name)
    print_summary(outcomes, failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
