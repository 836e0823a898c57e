"""Export throughput of 100,000 CRM contacts: liza against raw HTTP clients and unified-python-sdk.

Every variant exports all the contacts of one sandbox connection in pages of 100 per run,
opening and closing its own client, and must deliver exactly that many records:

- ``liza async export (typed)``: ``async for c in liza.records.export(conn, CrmContact)``;
- ``liza export to JSONL``: ``export.raw_batches()`` through ``JsonlWriter`` into a file;
- ``liza sync export (typed)``: ``for c in Liza(...).records.export(conn, CrmContact)``;
- ``raw aiohttp c4, json.loads`` (the baseline): 4 workers at increasing offsets, each page
  decoded to dicts with the standard library, nothing else;
- ``httpx.AsyncClient c4, .json()``: the same loop with httpx;
- ``requests.Session sequential, .json()``: one page after the other;
- ``unified-python-sdk`` sync and async: ``crm.list_crm_contacts[_async]`` against Unified.to's
  own route on the sandbox (bare arrays, the same data), with the offset loop the SDK leaves to
  its users: sequential, and for async also 4 concurrent workers.

Targets (issue 7): liza typed >= 2x the records/s of unified-python-sdk's best variant; liza
JSONL >= 0.9x raw aiohttp. Variants whose package is not installed are skipped (printed).

Usage: python -m benchmarks.bench_peers [--records 100000] [--rounds 5] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from benchmarks import bench_export
from benchmarks._harness import (
    check_target,
    compare,
    optional_import,
    print_table,
    sandbox_process,
)
from benchmarks.bench_export import CONCURRENCY, PAGE, Target
from liza_async import CrmContact
from liza_sync import Liza

BASELINE = "raw aiohttp c4, json.loads"
TYPED = "liza async export (typed)"
JSONL = "liza export to JSONL"
UNIFIED = "unified-python-sdk"
TARGETS = {"typed_vs_unified_best": 2.0, "jsonl_vs_raw_aiohttp": 0.9}


async def concurrent_offsets(
    fetch: Callable[[int], Awaitable[int]], workers: int = CONCURRENCY
) -> int:
    """Run ``workers`` tasks over increasing offsets until a page comes back short.

    Args:
        fetch: Fetches the page at an offset and returns how many records it held.
        workers: Requests in flight at once (1: one page after the other).

    Returns:
        The records fetched.
    """
    offsets = itertools.count(0, PAGE)
    records = 0
    finished = False

    async def worker() -> None:
        nonlocal records, finished
        while not finished:
            count = await fetch(next(offsets))
            records += count
            if count < PAGE:
                finished = True

    await asyncio.gather(*(worker() for _ in range(workers)))
    return records


def sequential_offsets(fetch: Callable[[int], int]) -> int:
    """Fetch pages one after the other until one comes back short; return the records."""
    records = 0
    for offset in itertools.count(0, PAGE):
        count = fetch(offset)
        records += count
        if count < PAGE:
            return records
    raise AssertionError("unreachable")  # pragma: no cover


def liza_sync(target: Target) -> int:
    with Liza(target.token, base_url=target.base_url, rate_limit=None) as liza:
        return sum(1 for _ in liza.records.export(target.connection_id, CrmContact))


def liza_variants(target: Target) -> dict[str, Callable[[], int]]:
    return {
        TYPED: lambda: asyncio.run(bench_export.typed(target)),
        JSONL: lambda: asyncio.run(bench_export.jsonl(target)),
        "liza sync export (typed)": lambda: liza_sync(target),
        BASELINE: lambda: asyncio.run(bench_export.raw_aiohttp(target, json.loads)),
    }


def query(offset: int) -> dict[str, int]:
    return {"limit": PAGE, "offset": offset}


def http_peer_variants(target: Target) -> dict[str, Callable[[], int]]:
    """The httpx and requests loops, for the packages that are installed."""
    headers = {"Authorization": f"Bearer {target.token}"}
    found: dict[str, Callable[[], int]] = {}
    httpx: Any = optional_import("httpx")
    if httpx is not None:

        async def with_httpx() -> int:
            limits = httpx.Limits(max_connections=CONCURRENCY)
            async with httpx.AsyncClient(headers=headers, limits=limits) as client:

                async def fetch(offset: int) -> int:
                    response = await client.get(target.contacts_url, params=query(offset))
                    response.raise_for_status()
                    return len(response.json()["data"])

                return await concurrent_offsets(fetch)

        found["httpx.AsyncClient c4, .json()"] = lambda: asyncio.run(with_httpx())
    requests: Any = optional_import("requests")
    if requests is not None:

        def with_requests() -> int:
            with requests.Session() as session:
                session.headers.update(headers)

                def fetch(offset: int) -> int:
                    response = session.get(target.contacts_url, params=query(offset))
                    response.raise_for_status()
                    return len(response.json()["data"])

                return sequential_offsets(fetch)

        found["requests.Session sequential, .json()"] = with_requests
    return found


def unified_variants(target: Target, root_url: str) -> dict[str, Callable[[], int]]:
    """unified-python-sdk's ``list_crm_contacts`` with its users' offset loop, if installed."""
    sdk: Any = optional_import("unified_python_sdk")
    if sdk is None:
        return {}
    import httpx  # a dependency of unified-python-sdk
    from unified_python_sdk.models import shared

    security = shared.Security(jwt=f"Bearer {target.token}")

    def request(offset: int) -> dict[str, Any]:
        return {"connection_id": target.connection_id, **query(offset)}

    def sync() -> int:
        with httpx.Client() as http:
            unified = sdk.UnifiedTo(security=security, server_url=root_url, client=http)

            def fetch(offset: int) -> int:
                response = unified.crm.list_crm_contacts(request=request(offset))
                return len(response.crm_contacts or ())

            return sequential_offsets(fetch)

    async def asynchronous(workers: int) -> int:
        async with httpx.AsyncClient() as http:
            unified = sdk.UnifiedTo(security=security, server_url=root_url, async_client=http)

            async def fetch(offset: int) -> int:
                response = await unified.crm.list_crm_contacts_async(request=request(offset))
                return len(response.crm_contacts or ())

            return await concurrent_offsets(fetch, workers)

    return {
        f"{UNIFIED} sync, sequential": sync,
        f"{UNIFIED} async, sequential": lambda: asyncio.run(asynchronous(workers=1)),
        f"{UNIFIED} async c4": lambda: asyncio.run(asynchronous(CONCURRENCY)),
    }


def checked(target: Target, name: str, run: Callable[[], int]) -> Callable[[], None]:
    return lambda: target.check(name, run())


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (the test suite)")
    args = parser.parse_args(argv)
    records, rounds = (1_000, 2) if args.quick else (args.records, args.rounds)
    with tempfile.TemporaryDirectory() as folder, sandbox_process(records=records) as sandbox:
        target = Target(sandbox, records, Path(folder))
        variants = {
            **liza_variants(target),
            **http_peer_variants(target),
            **unified_variants(target, sandbox.root_url),
        }
        results = compare(
            {name: checked(target, name, run) for name, run in variants.items()}, rounds=rounds
        )
    ratios = print_table(
        f"Export of {records:,} contacts, pages of {PAGE}, {rounds} rounds (one run: the whole "
        "export, client opened and closed)",
        results,
        baseline=BASELINE,
        throughput=("records", records),
    )
    figures = {f"{name} (x {BASELINE} speed)": 1 / ratio for name, ratio in ratios.items()}
    unified = [ratio for name, ratio in ratios.items() if name.startswith(UNIFIED)]
    if unified:
        figures["typed_vs_unified_best"] = check_target(
            f"{TYPED} / {UNIFIED}'s best, records/s",
            min(unified) / ratios[TYPED],
            TARGETS["typed_vs_unified_best"],
        )
    else:
        print(f"  target: {TYPED} / {UNIFIED}'s best: not measured ({UNIFIED} not installed)")
    figures["jsonl_vs_raw_aiohttp"] = check_target(
        f"{JSONL} / {BASELINE}, records/s", 1 / ratios[JSONL], TARGETS["jsonl_vs_raw_aiohttp"]
    )
    return figures


if __name__ == "__main__":
    main()
