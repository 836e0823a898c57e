"""Client tests run against real sandboxes over loopback, one per response shape."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from liza_async import AsyncLiza
from liza_async.sandbox import SHAPES, RunningSandbox, SandboxConfig, run_in_thread


@pytest.fixture(scope="session", params=SHAPES)
def shaped_sandbox(request: pytest.FixtureRequest) -> Iterator[RunningSandbox]:
    """A sandbox per response shape (envelope, bare, mcp): the resource suite runs on each."""
    with run_in_thread(SandboxConfig(records=250, rate_limit=0, shape=request.param)) as sandbox:
        yield sandbox


@pytest.fixture
async def client(shaped_sandbox: RunningSandbox) -> AsyncIterator[AsyncLiza]:
    async with AsyncLiza(
        shaped_sandbox.token, base_url=shaped_sandbox.base_url, rate_limit=None
    ) as liza:
        yield liza
