"""Per-call latency of a 1-record GET: liza async and sync against raw aiohttp, requests and httpx.

Every variant makes ``calls`` sequential ``GET .../crm/contact?limit=1`` per run on one
long-lived client and decodes the answer: raw aiohttp (the baseline) with ``json.loads``,
``AsyncLiza`` and ``Liza`` into a ``Page[CrmContact]`` (request building, limiter, retry loop
and error mapping on the path), ``requests.Session`` and ``httpx.Client`` with ``.json()``, and
``unified-python-sdk``'s ``list_crm_contacts`` on Unified.to's own route for the direct peer.
The async variants share one event loop. Variants whose package is missing are skipped.

Targets (issues 3 and 6): AsyncLiza <= 1.2x raw aiohttp; Liza <= 1.0x requests.Session.

Usage: python -m benchmarks.bench_latency [--calls 300] [--rounds 7] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
from collections.abc import Callable, Iterator
from typing import Any

import aiohttp

from benchmarks._harness import (
    SandboxProcess,
    check_target,
    compare,
    optional_import,
    print_table,
    sandbox_process,
)
from liza_async import AsyncLiza, CrmContact
from liza_sync import Liza

BASELINE = "raw aiohttp + json.loads"
ASYNC_LIZA = "AsyncLiza records.list"
SYNC_LIZA = "Liza records.list"
REQUESTS = "requests.Session + .json()"
TARGETS = {ASYNC_LIZA: (BASELINE, 1.2), SYNC_LIZA: (REQUESTS, 1.0)}

Run = Callable[[], object]


@contextlib.contextmanager
def liza_and_raw(sandbox: SandboxProcess, calls: int) -> Iterator[dict[str, Run]]:
    """The aiohttp-based variants: raw aiohttp and AsyncLiza on one loop, and Liza."""
    crm = sandbox.connections["crm"]
    url = f"{sandbox.base_url}/v1/integrations/{crm}/crm/contact"
    headers = {"Authorization": f"Bearer {sandbox.token}", "Accept": "application/json"}
    loop = asyncio.new_event_loop()

    async def open_session() -> aiohttp.ClientSession:  # the same pool settings as liza's
        return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=64, limit_per_host=32))

    session = loop.run_until_complete(open_session())
    aliza = AsyncLiza(sandbox.token, base_url=sandbox.base_url, rate_limit=None)

    async def raw() -> None:
        for _ in range(calls):
            async with session.get(url, params={"limit": "1"}, headers=headers) as response:
                response.raise_for_status()
                json.loads(await response.read())

    async def async_liza() -> None:
        for _ in range(calls):
            await aliza.records.list(crm, CrmContact, limit=1)

    try:
        with Liza(sandbox.token, base_url=sandbox.base_url, rate_limit=None) as liza:

            def sync_liza() -> None:
                for _ in range(calls):
                    liza.records.list(crm, CrmContact, limit=1)

            yield {
                BASELINE: lambda: loop.run_until_complete(raw()),
                ASYNC_LIZA: lambda: loop.run_until_complete(async_liza()),
                SYNC_LIZA: sync_liza,
            }
    finally:
        loop.run_until_complete(aliza.aclose())
        loop.run_until_complete(session.close())
        loop.close()


@contextlib.contextmanager
def peers(sandbox: SandboxProcess, calls: int) -> Iterator[dict[str, Run]]:
    """requests, httpx and unified-python-sdk, for those that are installed."""
    crm = sandbox.connections["crm"]
    url = f"{sandbox.base_url}/v1/integrations/{crm}/crm/contact"
    headers = {"Authorization": f"Bearer {sandbox.token}", "Accept": "application/json"}
    found: dict[str, Run] = {}
    with contextlib.ExitStack() as stack:
        clients: dict[str, Any] = {}
        requests: Any = optional_import("requests")
        if requests is not None:
            clients[REQUESTS] = stack.enter_context(requests.Session())
        httpx: Any = optional_import("httpx")
        if httpx is not None:
            clients["httpx.Client + .json()"] = stack.enter_context(httpx.Client())
        for name, client in clients.items():

            def call(client: Any = client) -> None:
                for _ in range(calls):
                    response = client.get(url, params={"limit": "1"}, headers=headers)
                    response.raise_for_status()
                    response.json()

            found[name] = call
        sdk: Any = optional_import("unified_python_sdk")
        if sdk is not None and httpx is not None:  # httpx: a dependency of unified-python-sdk
            from unified_python_sdk.models import shared

            http = stack.enter_context(httpx.Client())
            unified = sdk.UnifiedTo(
                security=shared.Security(jwt=f"Bearer {sandbox.token}"),
                server_url=sandbox.root_url,
                client=http,
            )

            def unified_call() -> None:
                for _ in range(calls):
                    unified.crm.list_crm_contacts(request={"connection_id": crm, "limit": 1})

            found["unified-python-sdk list_crm_contacts"] = unified_call
        yield found


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="sequential calls per run")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (the test suite)")
    args = parser.parse_args(argv)
    calls, rounds = (20, 2) if args.quick else (args.calls, args.rounds)
    with (
        sandbox_process(records=1000) as sandbox,
        liza_and_raw(sandbox, calls) as ours,
        peers(sandbox, calls) as theirs,
    ):
        results = compare({**ours, **theirs}, rounds=rounds)
    ratios = print_table(
        f"A 1-record GET, {calls} sequential calls per run, {rounds} rounds (per call)",
        results,
        baseline=BASELINE,
        unit="us",
        per=calls,
    )
    per_call = {result.name: result.median / calls * 1e6 for result in results}
    figures = {f"{name} (us per call)": us for name, us in per_call.items()}
    for name, (reference, goal) in TARGETS.items():
        if reference in ratios:
            figures[f"{name} / {reference}"] = check_target(
                f"{name} / {reference}, time per call",
                ratios[name] / ratios[reference],
                goal,
                at_least=False,
            )
    return figures


if __name__ == "__main__":
    main()
