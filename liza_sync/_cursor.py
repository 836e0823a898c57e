"""The records of an export for a sync ``for`` loop, with a checkpoint exact to the record."""

from __future__ import annotations

from collections.abc import Generator
from typing import Generic, TypeVar

import attrs

from liza_async import AsyncExport, ExportCheckpoint

__all__ = ["RecordCursor"]

T = TypeVar("T")


class RecordCursor(Generic[T]):
    """Hands out an export's records one by one from whole batches, keeping the checkpoint exact.

    A batch crosses the thread boundary in one hop, and the async export counts it as delivered
    from then on; a ``for`` loop may still stop anywhere in it. Until the loop has taken every
    record of a batch, :attr:`checkpoint` resumes at the start of that batch's page and lists the
    records taken so far among the ids already delivered, so a resumed export skips them and
    delivers the rest: nothing is lost or repeated (a record without an ``id`` cannot be listed,
    and may come again).

    Args:
        export: The async export whose batches are handed out.
    """

    def __init__(self, export: AsyncExport[T]) -> None:
        self._export = export
        self._before: ExportCheckpoint | None = None  # the checkpoint before the current batch
        self._taken: list[str] = []
        self._count = 0
        self._size = 0

    @property
    def checkpoint(self) -> ExportCheckpoint:
        """Where the export stands, counting only the records the loop has taken."""
        before = self._before
        if before is None or self._count == self._size:
            return self._export.checkpoint
        return attrs.evolve(
            before,
            recent_ids=(*before.recent_ids, *self._taken),
            delivered=before.delivered + self._count,
        )

    def records(self, batches: Generator[list[T], None, None]) -> Generator[T, None, None]:
        """Yield the records of each batch.

        Args:
            batches: The export's batches, one hop each; closed when this generator is.

        Yields:
            Each record, in order.
        """
        try:
            while True:
                before = self._export.checkpoint  # read between hops, when nothing runs
                batch = next(batches, None)
                if batch is None:
                    return
                self._before, self._taken, self._count, self._size = before, [], 0, len(batch)
                for record in batch:
                    record_id = getattr(record, "id", None)
                    if isinstance(record_id, str):
                        self._taken.append(record_id)
                    self._count += 1
                    yield record
        finally:
            batches.close()
