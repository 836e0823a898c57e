"""The sync client where the calling thread already runs an event loop (Jupyter, web handlers)."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from aiohttp import web

from liza_async.sandbox import RunningSandbox
from liza_sync import CrmContact, Liza


def test_inside_asyncio_run(liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")

    async def notebook_cell() -> tuple[int, int]:
        with Liza(liza_sandbox.token, base_url=liza_sandbox.base_url, rate_limit=None) as liza:
            contacts = list(liza.records.iterate(crm, CrmContact))
            return len(liza.connections.list()), len(contacts)

    connections, contacts = asyncio.run(notebook_cell())
    assert connections >= 12
    assert contacts == len(liza_sandbox.records("crm", "contact"))


@pytest.mark.anyio
async def test_inside_an_async_test(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    page = liza.records.list(liza_sandbox.connection_id("crm"), CrmContact, limit=3)
    assert len(page) == 3


@pytest.mark.anyio
async def test_inside_an_aiohttp_handler(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    async def legacy_view(request: web.Request) -> web.Response:
        return web.json_response({"connections": len(liza.connections.list())})

    app = web.Application()
    app.router.add_get("/count", legacy_view)
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{port}/count") as response,
        ):
            assert response.status == 200
            assert (await response.json())["connections"] == len(liza.connections.list())
    finally:
        await runner.cleanup()
