"""Peak memory of a JSONL export by ``liza export``, at 100,000 and 1,000,000 contacts.

For each size a sandbox subprocess serves that many contacts and ``liza export CONNECTION crm
contact -o FILE.jsonl`` runs as another subprocess, which must write one line per contact. The
export streams page by page, so its memory must not grow with the size. For scale, the first
row is ``liza export --help``: the interpreter and the CLI's imports, no data.

The peak RSS comes from ``wait4`` in a small launcher process: Linux counts the RSS of the
process that forked a child into the child's ``ru_maxrss``, so waiting for the CLI straight
from this (large) benchmark process would report this process's size instead.

Targets: peak RSS <= 120 MB at the largest size; largest / smallest <= 1.1 (flat).

Usage: python -m benchmarks.bench_memory [--records 100000 1000000] [--quick]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._harness import check_target, python_env, sandbox_process
from benchmarks.bench_export import RSS_TARGET_MB, Target

FLAT = 1.1
LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""
"""Runs a command; prints its exit code and peak RSS (KiB on Linux), its own size apart."""


def peak_rss(command: list[str]) -> tuple[float, float]:
    """Run ``command`` through :data:`LAUNCHER`; return its peak RSS (MB) and the seconds."""
    started = time.perf_counter()
    launcher = [sys.executable, "-c", LAUNCHER, *command]
    answer = subprocess.run(launcher, env=python_env(), capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    code, kib = map(int, answer.stdout.split())
    if code != 0:
        raise RuntimeError(f"{' '.join(command[:5])} ... failed with exit code {code}")
    return kib / 1024, seconds


def lines(path: Path) -> int:
    """Count the lines of a file in bounded memory."""
    count = 0
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            count += chunk.count(b"\n")
    return count


def export(records: int, folder: Path) -> tuple[float, float]:
    """Export ``records`` contacts with the CLI; return its peak RSS in MB and the seconds."""
    output = folder / "contacts.jsonl"
    with sandbox_process(records=records) as sandbox:
        target = Target(sandbox, records, folder)
        command = [
            sys.executable, "-m", "liza_async", "export", target.connection_id, "crm", "contact",
            "-o", str(output), "--token", target.token, "--base-url", target.base_url,
            "--rate-limit", "0", "--progress", "off",
        ]  # fmt: skip
        rss, seconds = peak_rss(command)
    target.check("liza export", lines(output))
    output.unlink()
    return rss, seconds


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (the test suite)")
    args = parser.parse_args(argv)
    sizes = sorted([1_000, 5_000] if args.quick else args.records)
    print("\nPeak RSS of `liza export CONNECTION crm contact -o FILE.jsonl` (a subprocess)")
    print(f"  {'records':>12} {'peak RSS MB':>12} {'seconds':>8} {'records/s':>10}")
    floor, _ = peak_rss([sys.executable, "-m", "liza_async", "export", "--help"])
    print(f"  {'--help':>12} {floor:>12.1f}")
    rss: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            rss[size], seconds = export(size, Path(folder))
            print(f"  {size:>12,} {rss[size]:>12.1f} {seconds:>8.1f} {size / seconds:>10,.0f}")
    smallest, largest = rss[sizes[0]], rss[sizes[-1]]
    figures = {f"peak RSS MB at {size:,}": mb for size, mb in rss.items()}
    figures["peak RSS MB of --help"] = floor
    check_target(f"peak RSS MB at {sizes[-1]:,}", largest, RSS_TARGET_MB, at_least=False)
    figures["largest / smallest peak RSS"] = check_target(
        f"peak RSS at {sizes[-1]:,} / at {sizes[0]:,}", largest / smallest, FLAT, at_least=False
    )
    return figures


if __name__ == "__main__":
    main()
