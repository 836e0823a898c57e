"""Sandboxes on their own threads (never the test's loop) and a plain aiohttp client."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import aiohttp
import pytest

from liza_async.sandbox import FaultConfig, RunningSandbox, SandboxConfig, run_in_thread

Start = Callable[..., RunningSandbox]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[RunningSandbox]:
    """A small shared sandbox without rate limit or faults, for tests that change nothing."""
    with run_in_thread(SandboxConfig(records=200, rate_limit=0)) as running:
        yield running


@pytest.fixture
def start() -> Iterator[Start]:
    """Start a sandbox of one's own: ``start(shape="bare", faults=FaultConfig(...))``."""
    with contextlib.ExitStack() as stack:

        def start(faults: FaultConfig | None = None, **options: Any) -> RunningSandbox:
            settings: dict[str, Any] = {"records": 200, "rate_limit": 0, **options}
            config = SandboxConfig(faults=faults or FaultConfig(), **settings)
            return stack.enter_context(run_in_thread(config))

        yield start


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session
