"""How many pages of 100 contacts per second the sandbox serves (it must never be the bottleneck).

Starts ``liza sandbox`` in a subprocess (no rate limit), then hammers the records endpoint with
a raw aiohttp client for a few seconds per scenario:

- cold: distinct offsets over all the records (every page is generated and encoded);
- warm: one page requested again and again (served from the page cache).

It prints pages/s and, where psutil is installed, the server's CPU time, so the figure per
server CPU-second ("on one core") holds even when the client competes for the same cores.

Usage: python -m benchmarks.bench_sandbox [--seconds 3] [--concurrency 8] [--records 100000]
       [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import itertools
import time
from collections.abc import Iterator
from typing import Any

import aiohttp

from benchmarks._harness import optional_import, sandbox_process

PAGE = 100


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


def cpu_seconds(server: Any) -> float:
    """The CPU time a ``psutil.Process`` has used so far."""
    times = server.cpu_times()
    return float(times.user + times.system)


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (the test suite)")
    args = parser.parse_args(argv)
    seconds, records = (0.3, 2_000) if args.quick else (args.seconds, args.records)
    psutil: Any = optional_import("psutil")
    scenarios = {
        "cold": itertools.cycle(range(0, records - PAGE + 1, PAGE)),
        "warm": itertools.repeat(0),
    }
    figures: dict[str, float] = {}
    with sandbox_process(records=records) as sandbox:
        url = f"{sandbox.base_url}/v1/integrations/{sandbox.connections['crm']}/crm/contact"
        server = psutil.Process(sandbox.process.pid) if psutil is not None else None
        hammering = functools.partial(hammer, url, sandbox.token, concurrency=args.concurrency)
        asyncio.run(hammering(itertools.repeat(0), min(seconds, 0.5)))  # warm-up
        print(f"\npages of {PAGE} of {records:,} contacts, concurrency {args.concurrency}")
        for name, offsets in scenarios.items():
            cpu_before = cpu_seconds(server) if server is not None else 0.0
            started = time.perf_counter()
            pages = asyncio.run(hammering(offsets, seconds))
            elapsed = time.perf_counter() - started
            figures[f"{name} pages/s"] = pages / elapsed
            line = f"  {name}: {pages / elapsed:8.0f} pages/s"
            if server is not None:
                busy = cpu_seconds(server) - cpu_before
                figures[f"{name} pages per server CPU-second"] = pages / busy
                line += (
                    f"  server CPU {busy / elapsed:4.0%}, {pages / busy:8.0f} pages per CPU-second"
                )
            print(line, flush=True)
    return figures


if __name__ == "__main__":
    main()
