"""Bulk export speed and memory: liza's typed and JSONL exports against a raw aiohttp loop.

Three measurements, each against ``liza sandbox`` in a subprocess:

1. Throughput without rate limit, side by side, variants interleaved in rounds
   (``benchmarks._harness``):
   - ``raw aiohttp``: the baseline; 4 concurrent workers GET pages at increasing offsets and
     decode them to dicts (orjson when installed, as liza does, else json), nothing else;
   - ``raw aiohttp, json.loads``: the same with the standard library's decoder, for context
     (the baseline of the performance notes);
   - ``typed``: ``async for contact in liza.records.export(conn, CrmContact)``;
   - ``jsonl``: ``export.raw_batches()`` through ``JsonlWriter`` into a file.
   Prints records/s as median and min-max, and each median's ratio to the baseline
   (targets: typed >= 0.6x, jsonl >= 0.9x).
2. Peak RSS of ``liza export ... -o FILE.jsonl`` run as a subprocess (read with ``wait4``),
   for the small and the large size (target: under 120 MB, flat as N grows).
3. With ``--rate-run``: 2 minutes against a sandbox limited to 240 requests/min with 150 ms of
   latency, the client at its default limiter; prints the share of the permitted request rate
   used (target >= 97%) and the 429s received (target 0).

Usage: python -m benchmarks.bench_export [--records 100000] [--rounds 5]
       [--rss-records 100000 1000000] [--rate-run] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks._harness import ROOT, SandboxProcess, compare, print_table, sandbox_process
from liza_async import AsyncLiza, CrmContact
from liza_async.writers import JsonlWriter

Loads = Callable[[bytes], Any]
FASTEST_LOADS: Loads
try:
    from orjson import loads as FASTEST_LOADS
except ImportError:  # pragma: no cover - the baseline then decodes with the standard library
    FASTEST_LOADS = json.loads

CONCURRENCY = 4
PAGE = 100
RSS_TARGET_MB = 120
TARGETS = {"typed": 0.6, "jsonl": 0.9}
BASELINE = "raw aiohttp"
"""Decodes with orjson when it is installed (as liza does), else with json."""


class Target:
    """The sandbox connection every variant exports, and the records it must yield."""

    def __init__(self, sandbox: SandboxProcess, records: int, folder: Path) -> None:
        self.base_url = sandbox.base_url
        self.token = sandbox.token
        self.connection_id = sandbox.connections["crm"]
        self.records = records
        self.folder = folder

    @property
    def contacts_url(self) -> str:
        return f"{self.base_url}/v1/integrations/{self.connection_id}/crm/contact"

    def check(self, name: str, count: int) -> None:
        if count != self.records:
            raise RuntimeError(f"{name} exported {count} records, expected {self.records}")


async def raw_aiohttp(target: Target, loads: Loads = FASTEST_LOADS) -> int:
    offsets = itertools.count(0, PAGE)
    records = 0
    finished = False
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    headers = {"Authorization": f"Bearer {target.token}"}
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:

        async def worker() -> None:
            nonlocal records, finished
            while not finished:
                params = {"limit": str(PAGE), "offset": str(next(offsets))}
                async with session.get(target.contacts_url, params=params) as response:
                    body = await response.read()
                    if response.status != 200:
                        raise RuntimeError(f"status {response.status}")
                items = loads(body)["data"]
                records += len(items)
                if len(items) < PAGE:
                    finished = True

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return records


def client(target: Target) -> AsyncLiza:
    return AsyncLiza(target.token, base_url=target.base_url, rate_limit=None)


async def typed(target: Target) -> int:
    records = 0
    async with client(target) as liza:
        async for contact in liza.records.export(target.connection_id, CrmContact):
            records += contact.id is not None
    return records


async def jsonl(target: Target) -> int:
    async with client(target) as liza:
        export = liza.records.export(target.connection_id, "crm", "contact")
        with (target.folder / "contacts.jsonl").open("wb") as file:
            writer = JsonlWriter(file)
            async for batch in export.raw_batches():
                writer.write(batch)
        return export.stats.records


VARIANTS: dict[str, Callable[[Target], Coroutine[Any, Any, int]]] = {
    BASELINE: raw_aiohttp,
    "typed": typed,
    "jsonl": jsonl,
}
if FASTEST_LOADS is not json.loads:  # the baseline of reference/performance-notes.md, for context
    VARIANTS["raw aiohttp, json.loads"] = functools.partial(raw_aiohttp, loads=json.loads)


def throughput(target: Target, rounds: int) -> None:
    def run(name: str) -> Callable[[], None]:
        return lambda: target.check(name, asyncio.run(VARIANTS[name](target)))

    results = compare({name: run(name) for name in VARIANTS}, rounds=rounds)
    title = (
        f"throughput: {target.records:,} contacts, pages of {PAGE}, concurrency {CONCURRENCY}, "
        f"{rounds} rounds"
    )
    ratios = print_table(
        title, results, baseline=BASELINE, unit="ms", throughput=("records", target.records)
    )
    for name, goal in TARGETS.items():
        speed = 1 / ratios[name]
        verdict = "ok" if speed >= goal else "MISSED"
        line = f"  {name}: {speed:.2f}x the baseline's records/s (target >= {goal}x: {verdict})"
        if "raw aiohttp, json.loads" in ratios:
            line += f"; {ratios['raw aiohttp, json.loads'] / ratios[name]:.2f}x raw + json.loads"
        print(line)


def peak_rss(target: Target) -> tuple[float, float]:
    """Run ``liza export`` to a file in a subprocess; return its peak RSS (MB) and seconds."""
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    command = [
        sys.executable, "-m", "liza_async", "export", target.connection_id, "crm", "contact",
        "-o", str(target.folder / "cli.jsonl"), "--token", target.token,
        "--base-url", target.base_url, "--rate-limit", "0", "--progress", "off",
    ]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env={**os.environ, "PYTHONPATH": path}, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)  # the usage of this child alone
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"liza export failed with exit code {process.returncode}")
    return usage.ru_maxrss / 1024, time.perf_counter() - started  # ru_maxrss: KiB on Linux


def memory(sizes: list[int], folder: Path) -> None:
    print("\npeak RSS of `liza export CONNECTION crm contact -o FILE.jsonl` (a subprocess)")
    for size in sizes:
        with sandbox_process(records=size) as sandbox:
            rss, seconds = peak_rss(Target(sandbox, size, folder))
        verdict = "ok" if rss < RSS_TARGET_MB else "MISSED"
        print(
            f"  {size:>10,} records: {rss:6.1f} MB (target < {RSS_TARGET_MB} MB: {verdict}), "
            f"{seconds:5.1f} s, {size / seconds:,.0f} records/s"
        )


async def rate_limited_export(target: Target, seconds: float) -> tuple[int, int, int, float]:
    async with AsyncLiza(target.token, base_url=target.base_url) as liza:  # default: 240/min
        export = liza.records.export(target.connection_id, "crm", "contact")
        with (target.folder / "rate.jsonl").open("wb") as file:
            writer = JsonlWriter(file)
            async with export:
                async for batch in export.raw_batches():
                    writer.write(batch)
                    if export.stats.elapsed >= seconds:
                        break
        stats = export.stats
        return stats.pages, stats.retries, stats.throttled, stats.elapsed


def rate_run(seconds: float, folder: Path) -> None:
    per_minute, latency_ms, records = 240, 150, 100_000
    with sandbox_process(
        records, rate_limit=per_minute, extra=["--latency", str(latency_ms)]
    ) as sandbox:
        target = Target(sandbox, records, folder)
        pages, retries, throttled, elapsed = asyncio.run(rate_limited_export(target, seconds))
    rate = pages / elapsed * 60
    used = rate / per_minute
    print(
        f"\nrate limit {per_minute}/min, {latency_ms} ms latency, {elapsed:.0f} s: {pages} pages, "
        f"{rate:.1f}/min = {used:.1%} of the permitted rate (target >= 97%: "
        f"{'ok' if used >= 0.97 else 'MISSED'}); {retries} retries, {throttled} 429s "
        f"(target 0: {'ok' if throttled == 0 else 'MISSED'})"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rss-records", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--rate-run", action="store_true", help="add the 2-minute rate-limit run")
    parser.add_argument("--rate-seconds", type=float, default=120.0)
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    args = parser.parse_args(argv)
    if args.quick:
        args.records, args.rounds, args.rss_records, args.rate_seconds = 2_000, 2, [2_000], 5.0
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with sandbox_process(records=args.records) as sandbox:
            throughput(Target(sandbox, args.records, folder), args.rounds)
        memory(args.rss_records, folder)
        if args.rate_run:
            rate_run(args.rate_seconds, folder)


if __name__ == "__main__":
    main()
