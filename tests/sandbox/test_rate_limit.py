"""The per-token rate limit: 429 with Retry-After in whole seconds, on /api routes only."""

from __future__ import annotations

import aiohttp
import pytest

from ._client import api, call, get
from .conftest import Start

pytestmark = pytest.mark.anyio


async def test_past_the_burst_a_429_carries_retry_after_in_whole_seconds(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(rate_limit=6, rate_burst=3)
    answers = [await get(http, sandbox, api(sandbox)) for _ in range(4)]
    assert [a.status for a in answers] == [200, 200, 200, 429]
    limited = answers[-1]
    # 6 per minute: the next token is 10 s away, rounded up to whole seconds.
    assert limited.headers["Retry-After"] == "10"
    assert limited.message == "rate limit of 6 requests per minute exceeded; retry after 10 s"
    assert all(a.headers["X-RateLimit-Limit"] == "6" for a in answers)
    assert sandbox.stats.rate_limited == 1
    assert sandbox.stats.statuses == {200: 3, 429: 1}


async def test_the_default_is_240_per_minute_with_a_one_minute_burst(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(rate_limit=240)
    assert sandbox.config.rate_burst == 240
    statuses = [(await get(http, sandbox, api(sandbox))).status for _ in range(241)]
    assert statuses.count(200) >= 240
    assert statuses[-1] in (200, 429)
    assert (await get(http, sandbox, api(sandbox))).status == 429


async def test_refused_tokens_and_the_authorize_page_do_not_spend_the_budget(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(rate_limit=1, rate_burst=1)
    for _ in range(3):
        assert (await call(http, "GET", api(sandbox))).status == 401
        page = await call(http, "GET", sandbox.base_url.origin() / "sandbox/authorize/x")
        assert page.status == 404
    assert (await get(http, sandbox, api(sandbox))).status == 200
    assert (await get(http, sandbox, api(sandbox))).status == 429


async def test_rate_limit_zero_turns_it_off(http: aiohttp.ClientSession, start: Start) -> None:
    sandbox = start(rate_limit=0)
    answers = [await get(http, sandbox, api(sandbox)) for _ in range(300)]
    assert {a.status for a in answers} == {200}
    assert "X-RateLimit-Limit" not in answers[0].headers
