"""An asyncio service that reads CRM data through liza.

It lists the account's connections, picks the CRM one, and serves a tiny JSON API with
aiohttp: ``GET /contacts?q=acme`` returns the first matching contacts. One ``AsyncLiza`` lives
as long as the app (its connection pool and rate limiter are shared by every request).

Run it against the sandbox:

    liza sandbox --port 8765 &
    export LIZA_API_TOKEN=liza_mcp_sandbox LIZA_BASE_URL=http://127.0.0.1:8765/api
    python examples/async_app.py
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web

from liza_async import AsyncLiza, Category, CrmContact, LizaError, NotFoundError

LIZA = web.AppKey("liza", AsyncLiza)
CRM = web.AppKey("crm", str)


async def lifespan(app: web.Application) -> AsyncIterator[None]:
    async with AsyncLiza() as liza:  # token and base URL from the environment
        connections = await liza.connections.list()
        crm = next(c for c in connections if Category.CRM in (c.categories or []))
        app[LIZA], app[CRM] = liza, crm.id or ""
        yield


async def contacts(request: web.Request) -> web.Response:
    liza, crm = request.app[LIZA], request.app[CRM]
    try:
        page = await liza.records.list(crm, CrmContact, query=request.query.get("q"), limit=10)
    except NotFoundError:
        raise web.HTTPNotFound() from None
    except LizaError as error:  # every liza error is one of these; the token is never in them
        raise web.HTTPBadGateway(text=str(error)) from None
    found = [
        {"id": c.id, "name": c.name, "email": c.emails[0].email if c.emails else None} for c in page
    ]
    return web.json_response({"total": page.total, "contacts": found})


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(lifespan)
    app.router.add_get("/contacts", contacts)
    return app


async def self_check() -> None:
    """Start the app, call it once, print the answer, stop (what the test suite runs)."""
    runner = web.AppRunner(make_app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://{host}:{port}/contacts", params={"q": "a"}) as response,
        ):
            answer = await response.json()
            print(response.status, answer["total"], answer["contacts"][:2])
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--self-check", action="store_true", help="start, call once, stop")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    if args.self_check:
        asyncio.run(self_check())
    else:
        web.run_app(make_app(), host="127.0.0.1", port=args.port)
