"""Retries, timeouts and faults, against sandboxes that inject them."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable
from typing import Any

import pytest

from liza_async import (
    APIConnectionError,
    APITimeoutError,
    AsyncLiza,
    CrmContact,
    InternalServerError,
    RateLimitError,
    RetryPolicy,
    Timeout,
)
from liza_async.sandbox import RunningSandbox

pytestmark = pytest.mark.anyio

FAST = RetryPolicy(max_retries=2, backoff_base=0.01, backoff_cap=0.05)
StartSandbox = Callable[..., RunningSandbox]


def client_for(sandbox: RunningSandbox, **options: Any) -> AsyncLiza:
    options.setdefault("retry_policy", FAST)
    return AsyncLiza(sandbox.token, base_url=sandbox.base_url, rate_limit=None, **options)


async def test_5xx_is_retried_then_raised_with_attempts(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(faults={"error_rate": 1.0})
    async with client_for(sandbox) as liza:
        with pytest.raises(InternalServerError) as info:
            await liza.connections.list()
    assert info.value.attempts == 3
    assert info.value.status_code in (500, 502, 503)
    assert sandbox.stats.requests == 3


async def test_max_retries_per_call_and_per_client(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(faults={"error_rate": 1.0})
    async with client_for(sandbox, max_retries=0) as liza:
        with pytest.raises(InternalServerError):
            await liza.connections.list()
        assert sandbox.stats.requests == 1
        with pytest.raises(InternalServerError):
            await liza.connections.list(max_retries=4)
        assert sandbox.stats.requests == 6
        with pytest.raises(InternalServerError):
            await liza.with_options(max_retries=1).connections.list()
        assert sandbox.stats.requests == 8


async def test_post_is_not_retried_on_5xx(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(faults={"error_rate": 1.0})
    async with client_for(sandbox) as liza:
        with pytest.raises(InternalServerError) as info:
            await liza.connections.connect(integration_type="hubspot", categories=["crm"])
    assert info.value.attempts == 1
    assert sandbox.stats.requests == 1


async def test_passthrough_get_is_retried_but_post_is_not(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(faults={"error_rate": 1.0})
    crm = sandbox.connection_id("crm")
    async with client_for(sandbox) as liza:
        with pytest.raises(InternalServerError):
            await liza.passthrough.request(crm, "GET", "/echo")
        assert sandbox.stats.requests == 3
        with pytest.raises(InternalServerError):
            await liza.passthrough.request(crm, "POST", "/echo", data={"a": 1})
        assert sandbox.stats.requests == 4


async def test_429_is_retried_even_for_post(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(
        faults={"burst_429_every": 1, "burst_429_length": 1, "burst_429_retry_after": 0}
    )
    async with client_for(sandbox) as liza:
        assert await liza.integrations.list()  # the first request of each cycle passes
        session = await liza.connections.connect(integration_type="hubspot", categories=["crm"])
    assert session.connection_id
    assert sandbox.stats.faults == {"burst_429": 1}
    assert sandbox.stats.requests == 3


async def test_retry_after_beyond_the_cap_raises_at_once(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(
        faults={"burst_429_every": 1, "burst_429_length": 5, "burst_429_retry_after": 120}
    )
    policy = RetryPolicy(max_retries=3, backoff_base=0.01, max_retry_after=5)
    async with client_for(sandbox, retry_policy=policy) as liza:
        assert await liza.integrations.list()  # the first request of each cycle passes
        started = time.monotonic()
        with pytest.raises(RateLimitError) as info:
            await liza.connections.list()
        assert time.monotonic() - started < 5
    assert info.value.retry_after == 120
    assert sandbox.stats.requests == 2


async def test_dropped_connections_are_retried_then_reported(
    start_liza_sandbox: StartSandbox,
) -> None:
    sandbox = start_liza_sandbox(faults={"drop_rate": 1.0})
    async with client_for(sandbox) as liza:
        with pytest.raises(APIConnectionError) as info:
            await liza.integrations.list()
    assert not isinstance(info.value, APITimeoutError)
    assert info.value.attempts == 3
    assert "connection" in info.value.message


async def test_truncated_bodies_are_retried(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(faults={"truncate_rate": 1.0})
    async with client_for(sandbox) as liza:
        with pytest.raises(APIConnectionError) as info:
            await liza.records.list(sandbox.connection_id("crm"), CrmContact)
    assert info.value.attempts == 3


async def test_stalled_server_times_out_within_the_timeout(
    start_liza_sandbox: StartSandbox,
) -> None:
    sandbox = start_liza_sandbox(faults={"stall_rate": 1.0})
    async with client_for(sandbox, max_retries=0, timeout=0.5) as liza:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            await liza.connections.list()
        assert time.monotonic() - started < 3
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            await liza.connections.list(timeout=Timeout(total=None, connect=1, read=0.3))
        assert time.monotonic() - started < 3


async def test_refused_connection_is_retried_even_for_post() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with AsyncLiza(
        "t", base_url=f"http://127.0.0.1:{port}/api", retry_policy=FAST, rate_limit=None
    ) as liza:
        with pytest.raises(APIConnectionError) as info:
            await liza.connections.connect(integration_type="hubspot", categories=["crm"])
    assert info.value.attempts == 3
    assert "could not connect" in info.value.message


async def test_calls_succeed_through_mixed_faults(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(
        faults={"error_rate": 0.15, "drop_rate": 0.05, "truncate_rate": 0.05}, seed=7
    )
    crm = sandbox.connection_id("crm")
    truth = sandbox.records("crm", "contact")
    async with client_for(sandbox, max_retries=8) as liza:
        pages = await asyncio.gather(
            *(liza.records.list(crm, CrmContact, limit=10, offset=10 * i) for i in range(40))
        )
    ids = [contact.id for page in pages for contact in page]
    assert ids == [truth[i]["id"] for i in range(400)]
    assert sum(sandbox.stats.faults.values()) > 0


async def test_body_size_cap(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox()
    async with client_for(sandbox, max_response_bytes=2000) as liza:
        from liza_async import ResponseDecodeError

        with pytest.raises(ResponseDecodeError, match="max_response_bytes=2000"):
            await liza.records.list(sandbox.connection_id("crm"), CrmContact, limit=100)
        assert (await liza.connections.get(sandbox.connection_id("crm"))).id
