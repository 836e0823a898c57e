"""An export handed to a sync loop: whole pages per hop, and a checkpoint exact to the record."""

from __future__ import annotations

import operator
from collections.abc import AsyncIterator, Generator, Iterator
from typing import Any, Generic, TypeVar

import attrs

from liza_async import AsyncExport, ExportCheckpoint

from ._portal import Portal

__all__ = ["PAGES_PER_HOP", "ExportCursor"]

T = TypeVar("T")
B = TypeVar("B")

PAGES_PER_HOP = 2
"""Pages an export moves per thread hop: half the hops of one page, for one page more in memory.

The hop, not the page, is what the sync facade pays for; with the export's window fetching ahead,
waiting for a second page costs next to nothing (measured in benchmarks/bench_sync.py).
"""


class ExportCursor(Generic[T]):
    """Moves an export's batches to a sync loop, and says where that loop stands.

    The async export counts a batch as delivered once it hands it over, but the sync loop gets
    its batches a hop ahead, and a ``for`` loop over records may stop anywhere in one. So the
    checkpoint is the export's own, taken on the loop right after each batch, plus the records
    the loop has taken from the batch it is in: listed among the ids already delivered, so that a
    resumed export skips them and delivers the rest (a record without an ``id`` cannot be listed,
    and may come again).

    Args:
        portal: The portal of the export's client.
        export: The async export.
    """

    def __init__(self, portal: Portal, export: AsyncExport[T]) -> None:
        self._portal = portal
        self._export = export
        self._before = export.checkpoint  # where the loop stood before its current batch
        self._batch: list[T] = []  # the current batch, and what the loop has not taken of it
        self._rest: Iterator[T] = iter(self._batch)

    @property
    def checkpoint(self) -> ExportCheckpoint:
        """Where the export stands, counting only what the loop has taken."""
        before = self._before
        taken = self._batch[: len(self._batch) - operator.length_hint(self._rest)]
        if not taken:
            return before
        ids = [i for i in (getattr(record, "id", None) for record in taken) if isinstance(i, str)]
        return attrs.evolve(
            before,
            recent_ids=(*before.recent_ids, *ids),
            delivered=before.delivered + len(taken),
        )

    def batches(self, batches: AsyncIterator[list[B]]) -> Generator[list[B], None, None]:
        """Yield each batch; the checkpoint covers it once yielded.

        Args:
            batches: ``batches()`` or ``raw_batches()`` of the export.

        Yields:
            Each batch.
        """
        hops = self._hops(batches)
        try:
            for batch, after in hops:
                self._before = after
                yield batch
        finally:
            hops.close()

    def records(self, batches: AsyncIterator[list[T]]) -> Generator[T, None, None]:
        """Yield the records of each batch; the checkpoint covers each once yielded.

        Args:
            batches: ``batches()`` of the export.

        Yields:
            Each record, in order.
        """
        hops = self._hops(batches)
        try:
            for batch, after in hops:
                self._batch, self._rest = batch, iter(batch)
                yield from self._rest  # a record counts as taken once yielded
                self._before, self._batch = after, []
        finally:
            hops.close()

    def _hops(
        self, batches: AsyncIterator[list[B]]
    ) -> Generator[tuple[list[B], ExportCheckpoint], None, None]:
        return self._portal.steps(batches, _Taker(self._export, batches).take)


class _Taker(Generic[B]):
    """Takes up to :data:`PAGES_PER_HOP` batches on the loop, each with the checkpoint after it.

    A failure after the first batch of a hop is kept for the next hop, so that the batches
    taken before it still reach the loop first.
    """

    def __init__(self, export: AsyncExport[Any], batches: AsyncIterator[list[B]]) -> None:
        self._export = export
        self._batches = batches
        self._failure: Exception | None = None

    async def take(self) -> list[tuple[list[B], ExportCheckpoint]]:
        if self._failure is not None:
            raise self._failure
        taken: list[tuple[list[B], ExportCheckpoint]] = []
        for _ in range(PAGES_PER_HOP):
            try:
                batch = await self._batches.__anext__()
            except StopAsyncIteration:
                break
            except Exception as failure:
                if not taken:
                    raise
                self._failure = failure
                break
            taken.append((batch, self._export.checkpoint))
        return taken
