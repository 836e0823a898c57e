"""The client-side limiter, shared by every task of a client, against a rate-limited sandbox."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest

from liza_async import AsyncLiza, RetryPolicy
from liza_async.sandbox import RunningSandbox

pytestmark = pytest.mark.anyio

StartSandbox = Callable[..., RunningSandbox]
PER_MINUTE = 1200  # 20 requests per second: high enough for a quick test
CALLS = 100


async def _hammer(liza: AsyncLiza, sandbox: RunningSandbox, tasks: int = 32) -> float:
    connection = sandbox.connection_id("crm")
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(CALLS):
        queue.put_nowait(n)

    async def worker() -> None:
        while not queue.empty():
            queue.get_nowait()
            await liza.connections.get(connection)

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(tasks)))
    return time.monotonic() - started


async def test_32_tasks_share_one_limiter_and_get_no_429(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(rate_limit=PER_MINUTE, rate_burst=20)
    async with AsyncLiza(sandbox.token, base_url=sandbox.base_url, rate_limit=PER_MINUTE) as liza:
        elapsed = await _hammer(liza, sandbox)
    assert sandbox.stats.rate_limited == 0
    assert sandbox.stats.statuses == {200: CALLS}
    permitted = PER_MINUTE / 60.0
    achieved = CALLS / elapsed
    burst = 10  # the client's default burst
    assert elapsed >= (CALLS - burst) / permitted * 0.95  # never faster than allowed
    assert achieved >= 0.5 * permitted  # and not far below it


async def test_without_the_limiter_the_same_load_is_throttled(
    start_liza_sandbox: StartSandbox,
) -> None:
    sandbox = start_liza_sandbox(rate_limit=PER_MINUTE, rate_burst=20)
    policy = RetryPolicy(max_retries=10, backoff_base=0.05, backoff_cap=0.2)
    async with AsyncLiza(
        sandbox.token, base_url=sandbox.base_url, rate_limit=None, retry_policy=policy
    ) as liza:
        await _hammer(liza, sandbox)
    assert sandbox.stats.rate_limited > 0
    assert sandbox.stats.statuses[200] == CALLS  # retries honoured Retry-After and got through
