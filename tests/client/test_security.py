"""Secrets never leak; path parameters never change the route; redirects are not followed."""

from __future__ import annotations

import contextlib
import logging
import pickle
from collections.abc import AsyncIterator, Callable

import pytest
from aiohttp import web

from liza_async import (
    APIConnectionError,
    APIStatusError,
    AsyncLiza,
    AuthenticationError,
    CrmContact,
    LizaError,
    NotFoundError,
    RetryPolicy,
)
from liza_async._logging import configure_from_env
from liza_async.sandbox import RunningSandbox

pytestmark = pytest.mark.anyio

StartSandbox = Callable[..., RunningSandbox]
SECRET = "liza_mcp_do_not_leak_me_0123456789"


def everything_about(error: LizaError) -> str:
    parts = [str(error), repr(error), repr(vars(error)), pickle.dumps(error).decode("latin-1")]
    return "\n".join(parts)


async def test_the_token_never_appears_in_logs_errors_or_reprs(
    start_liza_sandbox: StartSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    sandbox = start_liza_sandbox(token=SECRET, faults={"error_rate": 0.5}, seed=1)
    caplog.set_level(logging.DEBUG, logger="liza")
    texts: list[str] = []
    policy = RetryPolicy(max_retries=3, backoff_base=0.01)
    async with AsyncLiza(SECRET, base_url=sandbox.base_url, retry_policy=policy) as liza:
        texts += [repr(liza), repr(liza._config), repr(liza.records)]
        crm = sandbox.connection_id("crm")
        for call in (
            liza.connections.get("missing"),
            liza.records.list(crm, "ticketing", "ticket"),
            liza.records.list(crm, CrmContact, limit=5),
            liza.passthrough.request(crm, "GET", "/nope"),
        ):
            try:
                texts.append(repr(await call))
            except LizaError as error:
                texts.append(everything_about(error))
    async with AsyncLiza("liza_mcp_wrong", base_url=sandbox.base_url) as stranger:
        with pytest.raises(AuthenticationError) as info:
            await stranger.integrations.list()
        texts.append(everything_about(info.value))
    assert caplog.records, "liza logs one DEBUG line per attempt"
    attempt_lines = [r.getMessage() for r in caplog.records if "attempt" in r.getMessage()]
    assert any("GET http://127.0.0.1" in line and "-> 200" in line for line in attempt_lines)
    texts += [record.getMessage() for record in caplog.records]
    texts.append(caplog.text)
    for text in texts:
        assert SECRET not in text


async def test_a_server_echoing_the_token_is_scrubbed(aiohttp_echo_server: str) -> None:
    async with AsyncLiza(SECRET, base_url=aiohttp_echo_server, max_retries=0) as liza:
        with pytest.raises(APIStatusError) as info:
            await liza.integrations.list()
    assert SECRET not in everything_about(info.value)
    assert "[redacted]" in info.value.message
    assert b"[redacted]" in info.value.body


async def test_redirects_are_not_followed_with_the_token(
    redirecting_server: tuple[str, list[str]],
) -> None:
    base_url, seen_elsewhere = redirecting_server
    async with AsyncLiza(SECRET, base_url=base_url, max_retries=0) as liza:
        with pytest.raises(APIStatusError) as info:
            await liza.integrations.list()
    assert info.value.status_code == 302
    assert "redirect" in info.value.message
    assert seen_elsewhere == []


async def test_path_parameters_cannot_change_the_route(liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    async with AsyncLiza(liza_sandbox.token, base_url=liza_sandbox.base_url) as liza:
        for hostile in ("../connections", f"{crm}/crm/contact", "..", "%2e%2e", f"{crm}?x=1"):
            with pytest.raises(NotFoundError):
                await liza.connections.get(hostile)
            with pytest.raises(NotFoundError):
                await liza.records.list(hostile, CrmContact)
        # the genuine id still works, proving the 404s came from the id, not a broken route
        assert (await liza.connections.get(crm)).id == crm


def test_liza_log_env_turns_on_stderr_logging(monkeypatch: pytest.MonkeyPatch) -> None:
    import liza_async._logging as liza_logging

    logger = logging.getLogger("liza")
    monkeypatch.setattr(liza_logging, "_configured", False)
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    monkeypatch.setenv("LIZA_LOG", "debug")
    configure_from_env()
    assert logger.level == logging.DEBUG
    assert len(logger.handlers) == 1


async def test_connection_errors_carry_no_token() -> None:
    async with AsyncLiza(
        SECRET, base_url="http://127.0.0.1:9/api", max_retries=0, rate_limit=None
    ) as liza:
        with pytest.raises(APIConnectionError) as info:
            await liza.integrations.list()
    assert SECRET not in everything_about(info.value)


@pytest.fixture
async def aiohttp_echo_server() -> AsyncIterator[str]:
    async def echo(request: web.Request) -> web.Response:
        token = request.headers.get("Authorization", "")
        return web.json_response({"message": f"token {token} is not valid"}, status=401)

    async with _serve(web.get("/api/v1/integrations", echo)) as url:
        yield f"{url}/api"


@pytest.fixture
async def redirecting_server() -> AsyncIterator[tuple[str, list[str]]]:
    seen: list[str] = []

    async def elsewhere(request: web.Request) -> web.Response:
        seen.append(request.headers.get("Authorization", ""))
        return web.json_response([])

    async with _serve(web.get("/collect", elsewhere)) as other:

        async def redirect(request: web.Request) -> web.Response:
            raise web.HTTPFound(f"{other}/collect")

        async with _serve(web.get("/api/v1/integrations", redirect)) as url:
            yield f"{url}/api", seen


def _serve(route: web.RouteDef) -> contextlib.AbstractAsyncContextManager[str]:
    @contextlib.asynccontextmanager
    async def run() -> AsyncIterator[str]:
        app = web.Application()
        app.add_routes([route])
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        try:
            yield f"http://{host}:{port}"
        finally:
            await runner.cleanup()

    return run()
