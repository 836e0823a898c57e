"""How many pages of 100 contacts per second the sandbox serves (it must never be the bottleneck).

Starts ``liza sandbox`` in a subprocess (no rate limit), then hammers the records endpoint with
a raw aiohttp client for a few seconds per scenario:

- cold: distinct offsets over all the records (every page is generated and encoded);
- warm: one page requested again and again (served from the page cache).

It prints pages/s and, where psutil is installed, the server's CPU time, so the figure per
server CPU-second ("on one core") holds even when the client competes for the same cores.

Usage: python benchmarks/bench_sandbox.py [--seconds 3] [--concurrency 8] [--records 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp

try:
    import psutil
except ImportError:  # pragma: no cover - the figure per CPU-second is then omitted
    psutil = None

ROOT = Path(__file__).resolve().parents[1]
PAGE = 100


def start_sandbox(records: int) -> tuple[subprocess.Popen[str], str, str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "liza_async", "sandbox", "--port", "0", "--rate-limit", "0"]
    process = subprocess.Popen(
        [*command, "--records", str(records)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    banner = ""
    for line in process.stdout:
        banner += line
        if line.startswith("Ctrl-C"):
            break
    base_url = re.search(r"^base url: (\S+)$", banner, re.M)
    token = re.search(r"^token: (\S+)$", banner, re.M)
    crm = re.search(r"^  crm +\S+ +(\S+)$", banner, re.M)
    if not (base_url and token and crm):
        process.kill()
        raise RuntimeError(f"unexpected banner:\n{banner}")
    return process, base_url.group(1), token.group(1), crm.group(1)


async def hammer(
    url: str, token: str, offsets: Iterator[int], seconds: float, concurrency: int
) -> int:
    pages = 0
    deadline = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=concurrency)
    headers = {"Authorization": f"Bearer {token}"}
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:

        async def worker() -> None:
            nonlocal pages
            while time.perf_counter() < deadline:
                params = {"limit": str(PAGE), "offset": str(next(offsets))}
                async with session.get(url, params=params) as response:
                    await response.read()
                    if response.status != 200:
                        raise RuntimeError(f"status {response.status}")
                pages += 1

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return pages


def cpu_seconds(pid: int) -> float | None:
    if psutil is None:
        return None
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()

    process, base_url, token, crm = start_sandbox(args.records)
    url = f"{base_url}/v1/integrations/{crm}/crm/contact"
    scenarios = {
        "cold": itertools.cycle(range(0, args.records - PAGE + 1, PAGE)),
        "warm": itertools.repeat(0),
    }
    try:
        asyncio.run(hammer(url, token, itertools.repeat(0), 0.5, args.concurrency))  # warm-up
        print(f"pages of {PAGE} of {args.records} contacts, concurrency {args.concurrency}")
        for name, offsets in scenarios.items():
            cpu_before, started = cpu_seconds(process.pid), time.perf_counter()
            pages = asyncio.run(hammer(url, token, offsets, args.seconds, args.concurrency))
            elapsed, cpu_after = time.perf_counter() - started, cpu_seconds(process.pid)
            line = f"{name}: {pages / elapsed:8.0f} pages/s"
            if cpu_before is not None and cpu_after is not None:
                busy = cpu_after - cpu_before
                line += (
                    f"  server CPU {busy / elapsed:4.0%}, {pages / busy:8.0f} pages per CPU-second"
                )
            print(line, flush=True)
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
