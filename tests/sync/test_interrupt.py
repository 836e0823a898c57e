"""Ctrl-C during a call cancels the request in flight and leaves the client usable."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable

import pytest

from liza_async.sandbox import RunningSandbox
from liza_sync import Liza

from ._support import tasks_in_flight


def _interrupt_once_received(sandbox: RunningSandbox, requests: int) -> threading.Thread:
    """SIGINT the main thread as soon as the sandbox has received ``requests`` requests."""
    main = threading.main_thread().ident
    assert main is not None

    def watch() -> None:
        deadline = time.monotonic() + 30
        while sandbox.stats.requests < requests and time.monotonic() < deadline:
            time.sleep(0.005)
        signal.pthread_kill(main, signal.SIGINT)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    return watcher


def test_keyboard_interrupt_cancels_the_call_and_the_client_still_works(
    start_liza_sandbox: Callable[..., RunningSandbox],
) -> None:
    sandbox = start_liza_sandbox(
        faults={"stall_rate": 1.0, "paths": ("/api/v1/integrations/connections/*",)}
    )
    with Liza(sandbox.token, base_url=sandbox.base_url, rate_limit=None) as liza:
        assert liza.integrations.list()
        watcher = _interrupt_once_received(sandbox, sandbox.stats.requests + 1)
        with pytest.raises(KeyboardInterrupt):
            liza.connections.get(sandbox.connection_id("crm"))  # never answered
        watcher.join()
        assert sandbox.stats.faults["stall"] == 1
        assert tasks_in_flight(liza) == 0  # the request was cancelled, not left running
        assert len(liza.connections.list()) >= 12
