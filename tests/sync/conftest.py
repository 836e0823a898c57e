"""Sync facade tests: real sandboxes on their own threads, clients without a client-side limiter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from liza_async.sandbox import RunningSandbox
from liza_sync import Liza


@pytest.fixture
def liza(liza_sandbox: RunningSandbox) -> Iterator[Liza]:
    """A client of the shared sandbox whose limiter never throttles the tests."""
    with Liza(liza_sandbox.token, base_url=liza_sandbox.base_url, rate_limit=None) as client:
        yield client
