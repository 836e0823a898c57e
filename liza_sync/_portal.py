"""The runtime of the sync facade: one event loop thread per client, and the hops into it.

A :class:`Portal` starts one anyio blocking portal (asyncio) with its client; the ``AsyncLiza``
and its aiohttp session live on that loop until :meth:`Portal.close`. The generated methods
hand it a coroutine (:meth:`~Portal.run`) or an async iterator (:meth:`~Portal.iterate`,
:meth:`~Portal.flatten`); an iterator crosses the thread boundary once per page, never per
record.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import os
import sys
import threading
import warnings
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine, Generator, Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, TypeVar

from anyio.from_thread import BlockingPortal, start_blocking_portal

from liza_async import LizaError

if TYPE_CHECKING:
    from liza_async import AsyncLiza

__all__ = ["Portal"]

T = TypeVar("T")

_CLOSED = "this client is closed; create a new one"
_REENTERED = (
    "a liza_sync client was called from its own event loop thread, where it would wait for "
    "itself forever; in async code use liza_async.AsyncLiza and await it instead"
)
_FORKED = (
    "this iterator was started before os.fork() and its requests belong to the parent "
    "process; start a new one in the child"
)

# Portals inherited across os.fork(): their thread does not exist in the child, so they are
# never stopped, and kept referenced so that nothing in the child closes the parent's sockets.
_INHERITED: list[object] = []


class _Loop:
    """What a portal owns: the async client and the event loop thread running it.

    It is kept apart from :class:`Portal` so that the finalizer of a client nobody closed can
    still close it.
    """

    def __init__(self, client: AsyncLiza, origin: str) -> None:
        self.client = client
        self.origin = origin
        self.lock = threading.Lock()
        self.context: AbstractContextManager[BlockingPortal] | None = None
        self.portal: BlockingPortal | None = None
        self.thread_id: int | None = None
        self.generation = 0  # counts forks, so that an iterator can tell its loop is gone
        self.closed = False
        _LOOPS.add(self)

    def start(self) -> BlockingPortal:
        """Return the running portal, starting one if this process has none yet.

        Raises:
            LizaError: The client is closed.
        """
        with self.lock:
            if self.closed:
                raise LizaError(_CLOSED)
            return self._start_locked()

    def _start_locked(self) -> BlockingPortal:
        if self.portal is None:
            context = start_blocking_portal("asyncio")
            portal = context.__enter__()
            self.thread_id = portal.call(_name_loop_thread)
            self.context, self.portal = context, portal
        return self.portal

    def error(self) -> LizaError:
        """Explain why the portal refused a call."""
        if threading.get_ident() == self.thread_id:
            return LizaError(_REENTERED)
        return LizaError(_CLOSED)

    def close(self) -> None:
        """Close the async client inside the loop, stop the loop and join its thread."""
        if threading.get_ident() == self.thread_id:
            raise LizaError(_REENTERED)
        with self.lock:
            if self.closed:
                return
            portal = self._start_locked()  # after a fork the client is closed in a new loop
            context = self.context
            self.closed = True
            self.context = self.portal = None
        try:
            portal.call(self.client.aclose)
        finally:
            portal.call(portal.stop, True)  # cancels calls still in flight in other threads
            if context is not None:
                context.__exit__(None, None, None)  # joins the thread

    def collect(self) -> None:
        """Close a client that was never closed, then warn once (the finalizer)."""
        if self.closed or self.portal is None:  # nothing runs for it in this process
            self.closed = True
            return
        if threading.get_ident() == self.thread_id:  # collected on its own loop thread
            threading.Thread(target=self.close, name="liza-sync-close").start()
        else:
            self.close()
        warnings.warn(
            f"a liza_sync.Liza client created at {self.origin} was never closed; use "
            "`with Liza(...) as liza:` or call `liza.close()`",
            ResourceWarning,
            stacklevel=2,
        )

    def forget_after_fork(self) -> None:
        """In a forked child: drop the parent's loop, so the next call starts a new one."""
        self.lock = threading.Lock()
        if self.portal is not None:
            _INHERITED.append((self.context, self.portal))
        self.context = self.portal = None
        self.thread_id = None
        self.generation += 1


_LOOPS: weakref.WeakSet[_Loop] = weakref.WeakSet()


def _forget_loops_after_fork() -> None:
    for loop in list(_LOOPS):
        loop.forget_after_fork()


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_forget_loops_after_fork)


class Portal:
    """Runs one ``AsyncLiza`` (and its copies) on a private event loop thread.

    It starts the thread at once; the thread lives until :meth:`close`, or until the portal is
    collected or the interpreter exits, which close it with a ``ResourceWarning``. After
    ``os.fork()`` the child starts a loop of its own on first use.

    Args:
        client: The async client to run; :meth:`close` closes it.
    """

    def __init__(self, client: AsyncLiza) -> None:
        self._loop = _Loop(client, _origin())
        self._loop.start()
        self._finalizer = weakref.finalize(self, self._loop.collect)

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the loop thread and wait for its result.

        A ``KeyboardInterrupt`` (or any exception) while waiting cancels the coroutine.

        Args:
            coroutine: A coroutine of this portal's client.

        Returns:
            What the coroutine returns.

        Raises:
            LizaError: The client is closed (or was closed while waiting), or this is the loop
                thread itself.
        """
        loop = self._loop
        settled = threading.Event()
        try:
            portal = loop.portal if loop.portal is not None else loop.start()
            future: concurrent.futures.Future[T] = portal.start_task_soon(
                _await, coroutine, settled
            )
        except RuntimeError:  # anyio: the portal is stopped, or this is its own thread
            coroutine.close()
            raise loop.error() from None
        except BaseException:
            coroutine.close()
            raise
        try:
            return future.result()
        except concurrent.futures.CancelledError:
            raise LizaError("the client was closed while this call was in flight") from None
        except BaseException:
            if future.cancel():  # still running: return once the cancellation has unwound it
                settled.wait()
            raise

    def iterate(self, items: AsyncIterator[T]) -> Generator[T, None, None]:
        """Step an async iterator on the loop thread, one hop per item.

        Args:
            items: An async iterator of this portal's client (e.g. pages).

        Returns:
            A generator of the items; see :meth:`steps`.
        """
        return self.steps(items, functools.partial(_step, items))

    def steps(
        self, items: AsyncIterator[Any], step: Callable[[], Coroutine[Any, Any, list[T]]]
    ) -> Generator[T, None, None]:
        """Run ``step`` on the loop thread, one hop each time, until it returns nothing.

        Leaving the ``for`` loop early (``break``, an exception, closing or collecting the
        generator) closes ``items`` on the loop, which cancels its requests.

        Args:
            items: The async iterator that ``step`` advances.
            step: Takes what comes next from ``items``: a list, empty at the end.

        Yields:
            What each step returns, item by item.

        Raises:
            LizaError: The client is closed, or the iteration began before ``os.fork()``.
        """
        loop = self._loop
        generation = loop.generation
        finished = False
        try:
            while True:
                if loop.generation != generation:
                    raise LizaError(_FORKED)
                taken = self.run(step())
                if not taken:
                    finished = True
                    return
                yield from taken
        finally:
            if not finished and loop.generation == generation:
                self._close_iterator(items)

    def flatten(self, batches: AsyncIterator[Iterable[T]]) -> Generator[T, None, None]:
        """Yield the items of each batch (e.g. the records of each page), one hop per batch.

        Args:
            batches: An async iterator of iterables.

        Yields:
            Each item of each batch.
        """
        steps = self.iterate(batches)
        try:
            for batch in steps:
                yield from batch
        finally:
            steps.close()

    def _close_iterator(self, items: AsyncIterator[Any]) -> None:
        aclose = getattr(items, "aclose", None)
        loop = self._loop
        if aclose is None or loop.closed or threading.get_ident() == loop.thread_id:
            return  # closing the client closed it; on the loop thread, asyncio's hooks will
        with contextlib.suppress(LizaError):  # the client was closed meanwhile: so is this
            self.run(aclose())

    def close(self) -> None:
        """Close the client inside the loop, then stop the loop. Safe to call more than once.

        Raises:
            LizaError: Called from the loop thread itself.
        """
        self._loop.close()
        self._finalizer.detach()


async def _await(coroutine: Coroutine[Any, Any, T], settled: threading.Event) -> T:
    try:
        return await coroutine
    finally:
        settled.set()


async def _step(items: AsyncIterator[T]) -> list[T]:
    """The next item as a one-item list, or an empty list at the end."""
    try:
        return [await items.__anext__()]
    except StopAsyncIteration:
        return []


def _name_loop_thread() -> int:
    thread = threading.current_thread()
    thread.name = "liza-sync-loop"
    return threading.get_ident()


def _origin() -> str:
    """Where the user created the client: the first caller outside this package."""
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("liza_sync"):
        frame = frame.f_back
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"
