"""Client lifetime: context managers, closing, warnings, sessions, loops, copies."""

from __future__ import annotations

import asyncio
import gc
import warnings

import aiohttp
import pytest

from liza_async import AsyncLiza, LizaError, LizaValidationError, Timeout
from liza_async.sandbox import RunningSandbox


def make(sandbox: RunningSandbox, **options: object) -> AsyncLiza:
    return AsyncLiza(sandbox.token, base_url=sandbox.base_url, **options)  # type: ignore[arg-type]


@pytest.mark.anyio
async def test_context_manager_and_idempotent_close(liza_sandbox: RunningSandbox) -> None:
    async with make(liza_sandbox) as liza:
        assert await liza.integrations.list()
    assert liza.closed
    await liza.aclose()
    await liza.aclose()
    with pytest.raises(LizaError, match="closed"):
        await liza.integrations.list()


@pytest.mark.anyio
async def test_token_from_the_environment(
    liza_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIZA_API_TOKEN", liza_sandbox.token)
    monkeypatch.setenv("LIZA_BASE_URL", str(liza_sandbox.base_url))
    async with AsyncLiza() as liza:
        assert liza.base_url == liza_sandbox.base_url
        assert await liza.connections.list()
    monkeypatch.delenv("LIZA_API_TOKEN")
    with pytest.raises(LizaValidationError, match="LIZA_API_TOKEN"):
        AsyncLiza()


@pytest.mark.anyio
async def test_unclosed_client_warns_once_naming_where_it_was_made(
    liza_sandbox: RunningSandbox,
) -> None:
    clients = [make(liza_sandbox)]
    assert await clients[0].integrations.list()
    with pytest.warns(ResourceWarning) as caught:
        forget(clients)
    assert len(caught) == 1
    assert "test_lifecycle.py" in str(caught[0].message)
    assert "never closed" in str(caught[0].message)


def forget(clients: list[AsyncLiza]) -> None:
    clients.clear()
    gc.collect()


def test_a_client_never_used_holds_nothing_and_does_not_warn(liza_sandbox: RunningSandbox) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        liza = make(liza_sandbox)
        del liza
        gc.collect()


@pytest.mark.anyio
async def test_a_callers_session_is_used_and_left_open(liza_sandbox: RunningSandbox) -> None:
    async with aiohttp.ClientSession() as session:
        async with make(liza_sandbox, session=session) as liza:
            assert await liza.integrations.list()
        assert not session.closed
        async with session.get(liza_sandbox.base_url / "v1" / "integrations") as answer:
            assert answer.status == 401  # still usable (and it carries no token of liza's)


def test_use_from_another_event_loop_is_a_clear_error(liza_sandbox: RunningSandbox) -> None:
    liza = make(liza_sandbox)
    home = asyncio.new_event_loop()
    try:
        assert home.run_until_complete(liza.integrations.list())
        with pytest.raises(LizaError, match="another event loop"):
            asyncio.run(liza.integrations.list())
        assert home.run_until_complete(liza.integrations.list())  # still fine at home
        home.run_until_complete(liza.aclose())
    finally:
        home.close()


@pytest.mark.anyio
async def test_with_options_is_a_cheap_copy_sharing_the_session(
    liza_sandbox: RunningSandbox,
) -> None:
    async with make(liza_sandbox) as liza:
        quick = liza.with_options(timeout=5, max_retries=0, default_headers={"X-Trace": "1"})
        assert quick._transport is liza._transport
        assert quick._config.timeout == Timeout.of(5)
        assert quick._config.retry.max_retries == 0
        assert liza._config.retry.max_retries == 2
        assert await quick.connections.list()
        assert quick.records is not liza.records
    assert quick.closed


def test_repr_never_shows_the_token(liza_sandbox: RunningSandbox) -> None:
    liza = make(liza_sandbox)
    text = repr(liza) + repr(liza.records) + repr(liza._config) + repr(liza.connections)
    assert liza_sandbox.token not in text
    assert str(liza_sandbox.base_url) in repr(liza)
