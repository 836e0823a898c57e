"""Every wait is bounded: connect, read and total timeouts hold."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator

import pytest

from liza_async import APITimeoutError, AsyncLiza, Timeout
from liza_async.sandbox import RunningSandbox

pytestmark = pytest.mark.anyio

StartSandbox = Callable[..., RunningSandbox]


@pytest.fixture
def unanswering_listener() -> Iterator[int]:
    """A port whose accept queue is full: new connections are never completed."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        fillers = []
        try:
            for _ in range(4):  # fill the accept backlog; later SYNs are dropped
                filler = socket.socket()
                filler.setblocking(False)
                filler.connect_ex(("127.0.0.1", port))
                fillers.append(filler)
            time.sleep(0.1)
            yield port
        finally:
            for filler in fillers:
                filler.close()


async def test_connect_timeout_holds(unanswering_listener: int) -> None:
    timeout = Timeout(total=None, connect=0.3, read=None)
    async with AsyncLiza(
        "liza_mcp_t",
        base_url=f"http://127.0.0.1:{unanswering_listener}/api",
        timeout=timeout,
        max_retries=0,
        rate_limit=None,
    ) as liza:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            await liza.integrations.list()
        assert 0.25 < time.monotonic() - started < 2.0


async def test_read_timeout_holds(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(faults={"stall_rate": 1.0})
    timeout = Timeout(total=None, connect=5, read=0.3)
    async with AsyncLiza(
        sandbox.token, base_url=sandbox.base_url, timeout=timeout, max_retries=0, rate_limit=None
    ) as liza:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            await liza.integrations.list()
        assert time.monotonic() - started < 2.0


async def test_total_timeout_holds_against_a_slow_server(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(latency_ms=2000)
    timeout = Timeout(total=0.4, connect=5, read=None)
    async with AsyncLiza(
        sandbox.token, base_url=sandbox.base_url, timeout=timeout, max_retries=1, rate_limit=None
    ) as liza:
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as info:
            await liza.connections.list()
        assert time.monotonic() - started < 3.0
    assert info.value.attempts == 2
