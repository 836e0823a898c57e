"""The sync facade side by side: one small GET, and a bulk export, against a sandbox subprocess.

1. Per-call latency of a 1-record GET (``records.list(..., limit=1)``), sequential: ``Liza``
   versus ``requests.Session`` and ``httpx.Client`` (both decoding the JSON), with ``AsyncLiza``
   on a plain event loop to show what the thread hop costs. Target: Liza <= 1.0x requests.
2. Export throughput, every contact decoded into ``CrmContact``: ``Liza.records.export`` versus
   ``AsyncLiza.records.export``. Target: sync >= 0.9x async.

Usage: python -m benchmarks.bench_sync [--calls 300] [--records 20000] [--rounds 7] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import httpx
import requests

from benchmarks._harness import SandboxProcess, compare, print_table, sandbox_process
from liza_async import AsyncLiza, CrmContact
from liza_sync import Liza

RunAsync = Callable[[Coroutine[Any, Any, None]], None]


@contextlib.contextmanager
def clients(sandbox: SandboxProcess) -> Iterator[tuple[Liza, AsyncLiza, RunAsync]]:
    """A Liza, and an AsyncLiza with a loop of its own to run it on; no client-side limiter."""
    loop = asyncio.new_event_loop()
    aliza = AsyncLiza(sandbox.token, base_url=sandbox.base_url, rate_limit=None)
    try:
        with Liza(sandbox.token, base_url=sandbox.base_url, rate_limit=None) as liza:
            yield liza, aliza, loop.run_until_complete
    finally:
        loop.run_until_complete(aliza.aclose())
        loop.close()


def small_get(sandbox: SandboxProcess, *, calls: int, rounds: int) -> dict[str, float]:
    """Time ``calls`` sequential 1-record GETs per run through each client."""
    crm = sandbox.connections["crm"]
    url = f"{sandbox.base_url}/v1/integrations/{crm}/crm/contact"
    params = {"limit": "1", "offset": "0"}
    headers = {"Authorization": f"Bearer {sandbox.token}", "Accept": "application/json"}
    with (
        clients(sandbox) as (liza, aliza, run_async),
        requests.Session() as session,
        httpx.Client() as client,
    ):

        def sync_liza() -> None:
            for _ in range(calls):
                liza.records.list(crm, CrmContact, limit=1)

        def with_requests() -> None:
            for _ in range(calls):
                response = session.get(url, params=params, headers=headers)
                response.raise_for_status()
                response.json()

        def with_httpx() -> None:
            for _ in range(calls):
                response = client.get(url, params=params, headers=headers)
                response.raise_for_status()
                response.json()

        async def async_liza() -> None:
            for _ in range(calls):
                await aliza.records.list(crm, CrmContact, limit=1)

        results = compare(
            {
                "requests.Session + .json()": with_requests,
                "httpx.Client + .json()": with_httpx,
                "Liza records.list": sync_liza,
                "AsyncLiza records.list (own loop)": lambda: run_async(async_liza()),
            },
            rounds=rounds,
        )
    return print_table(
        f"A 1-record GET, {calls} sequential calls per run, {rounds} rounds (per call)",
        results,
        baseline="requests.Session + .json()",
        unit="us",
        per=calls,
    )


def export(sandbox: SandboxProcess, *, records: int, rounds: int) -> dict[str, float]:
    """Time a whole export of ``records`` contacts per run, sync and async."""
    crm = sandbox.connections["crm"]
    with clients(sandbox) as (liza, aliza, run_async):

        def sync_export() -> None:
            count = sum(1 for _ in liza.records.export(crm, CrmContact))
            assert count == records, count

        async def async_export() -> None:
            count = 0
            async for _ in aliza.records.export(crm, CrmContact):
                count += 1
            assert count == records, count

        results = compare(
            {
                "AsyncLiza export (own loop)": lambda: run_async(async_export()),
                "Liza export": sync_export,
            },
            rounds=rounds,
        )
    return print_table(
        f"Export of {records:,} contacts into CrmContact, {rounds} rounds (per run)",
        results,
        baseline="AsyncLiza export (own loop)",
        throughput=("contacts", records),
    )


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="sequential GETs per run")
    parser.add_argument("--records", type=int, default=20_000, help="contacts to export")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for a smoke run")
    args = parser.parse_args(argv)
    calls, records, rounds = args.calls, args.records, args.rounds
    if args.quick:
        calls, records, rounds = 20, 1000, 2
    with sandbox_process(records=records) as sandbox:
        latency = small_get(sandbox, calls=calls, rounds=rounds)
        throughput = export(sandbox, records=records, rounds=rounds)
    sync_vs_requests = latency["Liza records.list"]
    sync_vs_async = 1 / throughput["Liza export"]
    print(
        f"\nLiza latency: {sync_vs_requests:.2f}x requests.Session (target <= 1.0); "
        f"Liza export throughput: {sync_vs_async:.2f}x AsyncLiza (target >= 0.9)"
    )
    return {"latency_vs_requests": sync_vs_requests, "export_vs_async": sync_vs_async}


if __name__ == "__main__":
    main()
