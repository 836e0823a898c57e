"""What several sync tests look at: the tasks left on a client's loop, and its threads."""

from __future__ import annotations

import asyncio
import threading

from liza_sync import Liza

LOOP_THREAD = "liza-sync-loop"


def tasks_in_flight(liza: Liza) -> int:
    """The tasks on the client's loop besides the portal's own and the one counting."""

    async def count() -> int:
        return len(asyncio.all_tasks()) - 2

    return liza._portal.run(count())


def loop_threads() -> int:
    """How many liza_sync loop threads are alive."""
    return sum(thread.name == LOOP_THREAD for thread in threading.enumerate())
