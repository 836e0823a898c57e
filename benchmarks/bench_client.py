"""One small GET through AsyncLiza versus raw aiohttp on the same session settings.

Both sides fetch one connection object (``GET /v1/integrations/connections/{id}``) from a sandbox
in a subprocess, sequentially, and parse it: raw aiohttp with ``json.loads``, liza into a
``Connection`` (with its request building, retry loop, rate limiter and error mapping on the
path). Target: liza <= 1.2x raw aiohttp.

Usage: python -m benchmarks.bench_client [--calls 300] [--rounds 7] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import json

import aiohttp

from benchmarks._harness import compare, print_table, sandbox_process
from liza_async import AsyncLiza


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="sequential calls per run")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (the test suite)")
    args = parser.parse_args(argv)
    calls, rounds = (20, 2) if args.quick else (args.calls, args.rounds)
    with sandbox_process(records=1000) as sandbox:
        crm = sandbox.connections["crm"]
        loop = asyncio.new_event_loop()
        liza = AsyncLiza(sandbox.token, base_url=sandbox.base_url, rate_limit=1e9)

        async def open_session() -> aiohttp.ClientSession:  # the same pool settings as liza's
            return aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=64, limit_per_host=32)
            )

        session = loop.run_until_complete(open_session())
        url = f"{sandbox.base_url}/v1/integrations/connections/{crm}"
        headers = {"Authorization": f"Bearer {sandbox.token}", "Accept": "application/json"}

        async def raw() -> None:
            for _ in range(calls):
                async with session.get(url, headers=headers) as response:
                    json.loads(await response.read())

        async def sdk() -> None:
            for _ in range(calls):
                await liza.connections.get(crm)

        try:
            results = compare(
                {
                    "raw aiohttp + json.loads": lambda: loop.run_until_complete(raw()),
                    "AsyncLiza connections.get": lambda: loop.run_until_complete(sdk()),
                },
                rounds=rounds,
            )
        finally:
            loop.run_until_complete(liza.aclose())
            loop.run_until_complete(session.close())
            loop.close()
    return print_table(
        f"One small GET, {calls} sequential calls per run, {rounds} rounds (per call)",
        results,
        baseline="raw aiohttp + json.loads",
        unit="us",
        per=calls,
    )


if __name__ == "__main__":
    main()
