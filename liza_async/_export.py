"""Bulk export: concurrent offset paging, delivered in order, in bounded memory, resumable.

A window of at most ``concurrency`` page requests runs ahead of the consumer at increasing
offsets. Pages are delivered strictly in offset order, so at most ``concurrency`` pages wait in
memory plus the one being consumed. The first end-of-data page stops the export and cancels
every request beyond it. Records already delivered are remembered by id for a while (a window of
recent ids) so a record that shifted across a page boundary is not delivered twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from types import TracebackType
from typing import Any, Generic, TypeVar

import attrs

from ._converter import converter, structure_list
from ._errors import ExportError, LizaError, LizaValidationError, ResponseDecodeError
from ._http import Response, decoding, read_list
from ._pagination import ends_data

__all__ = ["AsyncExport", "ExportCheckpoint", "ExportStats", "RawPage"]

T = TypeVar("T")

_CHECKPOINT_VERSION = 1


@attrs.frozen(kw_only=True)
class ExportCheckpoint:
    """Where an export stands: enough to resume it without losing or repeating a record.

    Save it with :meth:`to_json`, load it with :meth:`from_json`, and pass it as
    ``checkpoint=`` to the same export call.

    Attributes:
        connection_id: The connection exported.
        category: The category exported.
        object_type: The object type exported.
        query: The export's ``query`` filter.
        updated_gte: The export's ``updated_gte`` filter (ISO 8601).
        next_offset: The offset of the first record not yet delivered.
        recent_ids: Ids delivered just before ``next_offset``; dropped if they show up again.
        delivered: How many records were delivered so far.
    """

    connection_id: str
    category: str
    object_type: str
    query: str | None = None
    updated_gte: str | None = None
    next_offset: int = 0
    recent_ids: tuple[str, ...] = ()
    delivered: int = 0

    def to_json(self) -> str:
        """Return the checkpoint as a JSON document."""
        return json.dumps({"version": _CHECKPOINT_VERSION, **converter.unstructure(self)})

    @classmethod
    def from_json(cls, text: str | bytes) -> ExportCheckpoint:
        """Load a checkpoint saved by :meth:`to_json`.

        Args:
            text: The JSON document.

        Returns:
            The checkpoint.

        Raises:
            LizaValidationError: The document is not a checkpoint of this version.
        """
        problem = f"not a liza export checkpoint (version {_CHECKPOINT_VERSION})"
        try:
            data = json.loads(text)
        except ValueError:
            raise LizaValidationError("checkpoint", f"{problem}: invalid JSON") from None
        if not isinstance(data, dict) or data.pop("version", None) != _CHECKPOINT_VERSION:
            raise LizaValidationError("checkpoint", problem)
        try:
            checkpoint = converter.structure(data, cls)
        except Exception as exc:  # cattrs reports a mismatch in several ways; all mean "bad"
            raise LizaValidationError("checkpoint", f"{problem}: {exc}") from None
        if checkpoint.next_offset < 0 or checkpoint.delivered < 0:
            raise LizaValidationError("checkpoint", f"{problem}: negative offset or count")
        return checkpoint


@attrs.define
class ExportStats:
    """Counters of an export so far.

    Attributes:
        records: Records delivered.
        pages: Pages received.
        duplicates: Records dropped because their id was already delivered.
        retries: Requests retried (failures and throttling included).
        throttled: 429 answers received.
        total: The total the API reported, when it did.
        started: ``time.monotonic()`` when the export started.
    """

    records: int = 0
    pages: int = 0
    duplicates: int = 0
    retries: int = 0
    throttled: int = 0
    total: int | None = None
    started: float = attrs.field(factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        """Seconds since the export started."""
        return time.monotonic() - self.started


@attrs.frozen
class RawPage:
    """One page as received: raw JSON items and what the API said about the rest."""

    offset: int
    limit: int
    items: list[dict[str, Any]]
    total: int | None
    has_more: bool | None
    path: str
    attempts: int
    throttled: int

    @classmethod
    def read(cls, response: Response, *, offset: int, limit: int) -> RawPage:
        """Parse a page answer (done when the page's turn comes, so parsed pages die young).

        Raises:
            ResponseDecodeError: The answer is not a list of JSON objects.
        """
        with decoding(response):
            listed = read_list(response)
            for index, item in enumerate(listed.items):
                if type(item) is not dict:
                    where = f"{listed.path}[{index}]"
                    raise ResponseDecodeError(f"expected an object, got {item!r:.40}", path=where)
        return cls(
            offset=offset,
            limit=limit,
            items=listed.items,
            total=listed.total,
            has_more=listed.has_more,
            path=listed.path,
            attempts=response.attempts,
            throttled=response.throttled,
        )

    @property
    def is_last(self) -> bool:
        """Whether no records follow (the end rules of design.md §2)."""
        return ends_data(
            offset=self.offset,
            count=len(self.items),
            limit=self.limit,
            total=self.total,
            has_more=self.has_more,
        )


FetchPage = Callable[[int], Awaitable[Response]]

_RECENT_PAGES = 3
"""Pages of ids an export remembers (the last two, and the checkpoint it resumed from)."""


class AsyncExport(Generic[T]):
    """An export in progress. Iterate it (``async for``) for records, or :meth:`batches`.

    Get one from ``liza.records.export(...)``; nothing is requested until iteration starts.
    Leaving the loop early (``break``, an exception, cancellation) cancels every request in
    flight. After an :class:`ExportError`, ``error.checkpoint`` resumes the export.

    Attributes:
        stats: Counters so far (records, pages, duplicates, retries, 429s, total).
    """

    def __init__(
        self,
        fetch: FetchPage,
        model: type[T] | None,
        *,
        concurrency: int,
        page_size: int,
        start: ExportCheckpoint,
    ) -> None:
        self._fetch = fetch
        self._model = model
        self._concurrency = concurrency
        self._page_size = page_size
        self._start = start
        # What the consumer has been handed: every page before ``_offset`` in full, then
        # ``_taken`` of the current page's fresh records. Ids are remembered per page, for as
        # many pages as cover twice a page size, so records shifting across a boundary are
        # recognised.
        self._offset = start.next_offset
        self._delivered = start.delivered
        self._recent: deque[frozenset[str]] = deque(
            [frozenset(start.recent_ids)], maxlen=_RECENT_PAGES
        )
        self._current: RawPage | None = None
        self._fresh: list[tuple[int, str | None, Any]] = []
        self._taken = 0
        self._iterator: AsyncGenerator[Any, None] | None = None
        self.stats = ExportStats()

    @property
    def checkpoint(self) -> ExportCheckpoint:
        """Where the export stands now: resume from here to continue after what was delivered."""
        taken = self._fresh[: self._taken]
        recent = [i for ids in self._recent for i in ids]
        recent += [record_id for _, record_id, _ in taken if record_id is not None]
        page = self._current
        return attrs.evolve(
            self._start,
            next_offset=page.offset + taken[-1][0] + 1 if page and taken else self._offset,
            recent_ids=tuple(recent),
            delivered=self._delivered + len(taken),
        )

    @property
    def total(self) -> int | None:
        """The number of matching records, once the API has said."""
        return self.stats.total

    def __aiter__(self) -> AsyncIterator[T]:
        return self._track(self._records())

    def batches(self) -> AsyncIterator[list[T]]:
        """Yield the records page by page.

        A batch may be shorter than a page (records already delivered are dropped). The
        checkpoint covers a batch as soon as it is yielded.

        Returns:
            An async iterator of lists of records.
        """
        return self._track(self._batches(self._model))

    def raw_batches(self) -> AsyncIterator[list[dict[str, Any]]]:
        """Like :meth:`batches`, but each record is the JSON object as received, not decoded.

        This is the fast path for writing files.

        Returns:
            An async iterator of lists of JSON objects.
        """
        return self._track(self._batches(None))

    def _track(self, iterator: AsyncGenerator[Any, None]) -> AsyncGenerator[Any, None]:
        if self._iterator is not None:
            raise LizaError("an export can be iterated only once; start a new one to repeat it")
        self._iterator = iterator
        return iterator

    async def _records(self) -> AsyncGenerator[T, None]:
        async with contextlib.aclosing(self._deliver(self._model)) as pages:
            async for fresh in pages:
                for _, _, item in fresh:
                    self._taken += 1  # before the yield: a record counts once handed over
                    yield item
                self._finish_page()

    async def _batches(self, model: type[Any] | None) -> AsyncGenerator[list[Any], None]:
        async with contextlib.aclosing(self._deliver(model)) as pages:
            async for fresh in pages:
                self._finish_page()
                yield [item for _, _, item in fresh]

    async def _deliver(
        self, model: type[Any] | None
    ) -> AsyncGenerator[list[tuple[int, str | None, Any]], None]:
        """Make each page current and yield its fresh records: (position, id, record)."""
        async with contextlib.aclosing(self._pages()) as pages:
            async for page in pages:
                ids = [item.get("id") for item in page.items]
                unique = set(ids)
                if len(unique) == len(ids) and all(unique.isdisjoint(s) for s in self._recent):
                    fresh = list(zip(range(len(ids)), ids, page.items, strict=True))
                else:
                    fresh = self._drop_seen(ids, page.items)
                if model is not None and fresh:
                    decoded = structure_list([item for *_, item in fresh], model, path=page.path)
                    fresh = [(p, i, d) for (p, i, _), d in zip(fresh, decoded, strict=True)]
                self._current, self._fresh, self._taken = page, fresh, 0
                yield fresh

    def _drop_seen(self, ids: list[Any], items: list[Any]) -> list[tuple[int, str | None, Any]]:
        """The slow path: keep the records whose id was not delivered before (or has none)."""
        fresh: list[tuple[int, str | None, Any]] = []
        seen: set[str] = set()
        for position, (record_id, item) in enumerate(zip(ids, items, strict=True)):
            if not isinstance(record_id, str):
                fresh.append((position, None, item))
            elif record_id in seen or any(record_id in s for s in self._recent):
                self.stats.duplicates += 1
            else:
                seen.add(record_id)
                fresh.append((position, record_id, item))
        return fresh

    def _finish_page(self) -> None:
        """Count the whole current page as handed over."""
        page, fresh = self._current, self._fresh
        if page is None:
            return
        self._offset = page.offset + len(page.items)
        self._delivered += len(fresh)
        self.stats.records += len(fresh)
        self._recent.append(frozenset(i for _, i, _ in fresh if i is not None))
        self._current, self._fresh, self._taken = None, [], 0

    async def _pages(self) -> AsyncGenerator[RawPage, None]:
        """Fetch pages concurrently; yield them in offset order up to the first last page."""
        # The window holds answers as bytes: a page is parsed only when its turn comes, so the
        # objects it becomes are freed young instead of aging in the collector's generations.
        window: dict[int, asyncio.Task[Response]] = {}
        next_request = next_delivery = self._offset

        def refill() -> None:
            nonlocal next_request
            total = self.stats.total
            while len(window) < self._concurrency and (total is None or next_request < total):
                window[next_request] = asyncio.ensure_future(self._fetch(next_request))
                next_request += self._page_size

        try:
            refill()
            while (task := window.pop(next_delivery, None)) is not None:
                try:
                    page = RawPage.read(await task, offset=next_delivery, limit=self._page_size)
                except LizaError as exc:
                    raise ExportError(
                        f"the export stopped at offset {self.checkpoint.next_offset}: {exc}; pass "
                        "error.checkpoint as checkpoint= to resume from there",
                        checkpoint=self.checkpoint,
                        cause=exc,
                    ) from exc
                self.stats.pages += 1
                self.stats.retries += page.attempts - 1
                self.stats.throttled += page.throttled
                if page.total is not None:
                    self.stats.total = page.total
                if page.is_last:
                    yield page
                    return
                next_delivery = page.offset + len(page.items)
                refill()  # before yielding, so requests run while the consumer works
                yield page
        finally:
            for pending in window.values():
                pending.cancel()
            if window:
                await asyncio.gather(*window.values(), return_exceptions=True)

    async def aclose(self) -> None:
        """Stop the export and cancel every request in flight. Safe to call more than once."""
        iterator = self._iterator
        if iterator is None:
            self._iterator = _closed()
        else:
            await iterator.aclose()

    async def __aenter__(self) -> AsyncExport[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


async def _closed() -> AsyncGenerator[Any, None]:
    return
    yield  # an async generator that yields nothing


def start_checkpoint(
    checkpoint: ExportCheckpoint | None,
    *,
    connection_id: str,
    category: str,
    object_type: str,
    query: str | None,
    updated_gte: str | None,
) -> ExportCheckpoint:
    """Return where an export starts: the given checkpoint, checked to belong to this export.

    Raises:
        LizaValidationError: The checkpoint was made by a different export.
    """
    fresh = ExportCheckpoint(
        connection_id=connection_id,
        category=category,
        object_type=object_type,
        query=query,
        updated_gte=updated_gte,
    )
    if checkpoint is None:
        return fresh
    if not isinstance(checkpoint, ExportCheckpoint):
        raise LizaValidationError("checkpoint", "expected an ExportCheckpoint or None")
    mine = (connection_id, category, object_type, query, updated_gte)
    theirs = (
        checkpoint.connection_id,
        checkpoint.category,
        checkpoint.object_type,
        checkpoint.query,
        checkpoint.updated_gte,
    )
    if mine != theirs:
        raise LizaValidationError(
            "checkpoint",
            f"it was made by another export ({'/'.join(map(str, theirs))}); "
            f"this export is {'/'.join(map(str, mine))}",
        )
    return checkpoint
