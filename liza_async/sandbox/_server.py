"""Running a sandbox: on the current event loop, or on its own loop in a daemon thread."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from aiohttp import web
from yarl import URL

from ._app import SandboxApp
from ._config import SandboxConfig
from ._data import Dataset
from ._records import RecordsView
from ._stats import SandboxStats

__all__ = ["RunningSandbox", "run_in_thread", "serve"]

# How long shutdown waits for answers in progress (stalled requests are released at once).
_SHUTDOWN_SECONDS = 2.0


class RunningSandbox:
    """A sandbox that is serving.

    Attributes:
        base_url: The API base, ``http://127.0.0.1:PORT/api``: append ``/v1/integrations/...``.
        token: The Bearer token it accepts.
        config: Its settings.
        dataset: The generated records it serves.
        connections: The seeded connection objects, one per category.
    """

    def __init__(self, app: SandboxApp, base_url: URL) -> None:
        self._app = app
        self.base_url = base_url
        self.token = app.config.token
        self.config = app.config
        self.dataset: Dataset = app.dataset
        self.connections: tuple[dict[str, Any], ...] = app.connections.seeded

    def __repr__(self) -> str:
        return f"<RunningSandbox {self.base_url}>"

    def connection_id(self, category: str) -> str:
        """The id of the seeded connection for a category.

        Args:
            category: One of the twelve categories.

        Returns:
            The connection id.

        Raises:
            KeyError: Not one of the twelve categories.
        """
        for connection in self.connections:
            if category in connection["categories"]:
                return str(connection["id"])
        raise KeyError(category)

    @property
    def stats(self) -> SandboxStats:
        """What it has served so far (a snapshot)."""
        return self._app.stats.snapshot()

    def records(self, category: str, object_type: str) -> RecordsView:
        """The ground truth of one object type, including records inserted while running.

        Args:
            category: The category.
            object_type: The object type.

        Returns:
            A live, lazily generated sequence of the records in list order.
        """
        return self._app.records.records(category, object_type)


@contextlib.asynccontextmanager
async def serve(config: SandboxConfig | None = None) -> AsyncIterator[RunningSandbox]:
    """Serve a sandbox on the current event loop until the block ends.

    A client in the same process should not share this loop with a blocking caller; for test
    suites and sync code use :func:`run_in_thread`.

    Args:
        config: The settings (default: :class:`SandboxConfig`'s defaults).

    Yields:
        The running sandbox.

    Raises:
        OSError: The address cannot be bound.
    """
    app = SandboxApp(config or SandboxConfig())
    runner = web.ServerRunner(web.Server(app, access_log=None), shutdown_timeout=_SHUTDOWN_SECONDS)
    await runner.setup()
    try:
        site = web.TCPSite(runner, app.config.host, app.config.port)
        await site.start()
        host, port = runner.addresses[0][:2]
        yield RunningSandbox(app, URL.build(scheme="http", host=host, port=port, path="/api"))
    finally:
        app.stopping.set()
        await runner.cleanup()


@contextlib.contextmanager
def run_in_thread(config: SandboxConfig | None = None) -> Iterator[RunningSandbox]:
    """Serve a sandbox on its own event loop in a daemon thread until the block ends.

    Args:
        config: The settings (default: :class:`SandboxConfig`'s defaults).

    Yields:
        The running sandbox.

    Raises:
        OSError: The address cannot be bound.
    """
    started: concurrent.futures.Future[tuple[RunningSandbox, Callable[[], None]]]
    started = concurrent.futures.Future()

    async def host() -> None:
        try:
            async with serve(config) as running:
                stopped = asyncio.Event()
                loop = asyncio.get_running_loop()

                def stop() -> None:
                    loop.call_soon_threadsafe(stopped.set)

                started.set_result((running, stop))
                await stopped.wait()
        except BaseException as error:
            if started.done():
                raise
            started.set_exception(error)

    thread = threading.Thread(target=asyncio.run, args=(host(),), name="liza-sandbox", daemon=True)
    thread.start()
    running, stop_serving = started.result()
    try:
        yield running
    finally:
        stop_serving()
        thread.join()
