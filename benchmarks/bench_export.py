"""Bulk export throughput: liza's typed and JSONL exports against a raw aiohttp loop.

Against ``liza sandbox`` in a subprocess, without rate limit, side by side, variants interleaved
in rounds (``benchmarks._harness``):

- ``raw aiohttp``: the baseline; 4 concurrent workers GET pages at increasing offsets and decode
  them to dicts (orjson when installed, as liza does, else json), nothing else;
- ``raw aiohttp, json.loads``: the same with the standard library's decoder, for context (the
  baseline of the performance notes and of ``bench_peers``);
- ``typed``: ``async for contact in liza.records.export(conn, CrmContact)``;
- ``jsonl``: ``export.raw_batches()`` through ``JsonlWriter`` into a file.

Prints records/s as median and min-max, and each median's ratio to the baseline (issue 5's
targets: typed >= 0.6x, jsonl >= 0.9x). The peak memory of ``liza export`` is measured by
``bench_memory``, the rate-limit run by ``bench_ratelimit``.

Usage: python -m benchmarks.bench_export [--records 100000] [--rounds 5] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import itertools
import json
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks._harness import SandboxProcess, check_target, compare, print_table, sandbox_process
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


def throughput(target: Target, rounds: int) -> dict[str, float]:
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
    figures = {}
    for name, goal in TARGETS.items():
        label = f"{name} / {BASELINE}, records/s"
        figures[label] = check_target(label, 1 / ratios[name], goal)
        if "raw aiohttp, json.loads" in ratios:
            vs_json = ratios["raw aiohttp, json.loads"] / ratios[name]
            figures[f"{name} / raw aiohttp with json.loads, records/s"] = vs_json
            print(f"    ({vs_json:.2f}x raw aiohttp with json.loads)")
    return figures


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    args = parser.parse_args(argv)
    if args.quick:
        args.records, args.rounds = 2_000, 2
    with tempfile.TemporaryDirectory() as temporary, sandbox_process(args.records) as sandbox:
        return throughput(Target(sandbox, args.records, Path(temporary)), args.rounds)


if __name__ == "__main__":
    main()
