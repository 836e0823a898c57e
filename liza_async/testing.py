"""pytest fixtures for testing code that uses liza, against a real sandbox over loopback.

The plugin is registered automatically when liza is installed (entry point ``pytest11``).

Fixtures:

- ``liza_sandbox_config``: the :class:`SandboxConfig` of the shared sandbox (session scope;
  override it in your ``conftest.py`` to change records, shape, faults or the rate limit).
- ``liza_sandbox``: the shared :class:`RunningSandbox` (session scope), served on its own loop
  in a thread, so sync and async code under test can both call it.
- ``start_liza_sandbox``: a function ``start(**settings) -> RunningSandbox`` for a sandbox of
  your own (e.g. with faults); every one started is stopped after the test.
- ``liza_async_client``: an :class:`AsyncLiza` bound to ``liza_sandbox`` (async fixture: use it in
  ``@pytest.mark.anyio`` tests, or with pytest-asyncio), its limiter set to the sandbox's limit.
- ``liza_client``: a sync :class:`liza_sync.Liza` bound to ``liza_sandbox``, likewise.

Example::

    import pytest
    from liza_async import CrmContact

    @pytest.mark.anyio
    async def test_lists_contacts(liza_async_client, liza_sandbox):
        page = await liza_async_client.records.list(liza_sandbox.connection_id("crm"), CrmContact)
        assert len(page) == 50
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # imported lazily below: loading the plugin must stay cheap and safe
    from liza_sync import Liza

    from ._client import AsyncLiza
    from .sandbox import RunningSandbox, SandboxConfig

__all__ = [
    "liza_async_client",
    "liza_client",
    "liza_sandbox",
    "liza_sandbox_config",
    "start_liza_sandbox",
]

StartSandbox = Callable[..., "RunningSandbox"]


@pytest.fixture(scope="session")
def liza_sandbox_config() -> SandboxConfig:
    """The settings of the shared sandbox: 1,000 contacts, envelope shape, no rate limit."""
    from .sandbox import SandboxConfig

    return SandboxConfig(records=1000, rate_limit=0)


@pytest.fixture(scope="session")
def liza_sandbox(liza_sandbox_config: SandboxConfig) -> Iterator[RunningSandbox]:
    """A sandbox shared by the whole test session."""
    from .sandbox import run_in_thread

    with run_in_thread(liza_sandbox_config) as sandbox:
        yield sandbox


@pytest.fixture
def start_liza_sandbox() -> Iterator[StartSandbox]:
    """Start sandboxes of your own; each is stopped after the test.

    Call it with :class:`SandboxConfig` fields; ``faults`` may be a :class:`FaultConfig` or a
    dict of its fields, e.g. ``start_liza_sandbox(records=200, faults={"error_rate": 0.2})``.
    """
    from .sandbox import FaultConfig, SandboxConfig, run_in_thread

    with contextlib.ExitStack() as stack:

        def start(**settings: Any) -> RunningSandbox:
            faults = settings.get("faults")
            if isinstance(faults, dict):
                settings["faults"] = FaultConfig(**faults)
            settings.setdefault("rate_limit", 0)
            return stack.enter_context(run_in_thread(SandboxConfig(**settings)))

        yield start


@pytest.fixture
async def liza_async_client(liza_sandbox: RunningSandbox) -> AsyncIterator[AsyncLiza]:
    """An :class:`AsyncLiza` bound to the shared sandbox, closed after the test."""
    from ._client import AsyncLiza

    async with AsyncLiza(
        liza_sandbox.token,
        base_url=liza_sandbox.base_url,
        rate_limit=liza_sandbox.config.rate_limit or None,
    ) as client:
        yield client


@pytest.fixture
def liza_client(liza_sandbox: RunningSandbox) -> Iterator[Liza]:
    """A sync :class:`liza_sync.Liza` bound to the shared sandbox, closed after the test."""
    from liza_sync import Liza

    with Liza(
        liza_sandbox.token,
        base_url=liza_sandbox.base_url,
        rate_limit=liza_sandbox.config.rate_limit or None,
    ) as client:
        yield client
