"""Bulk export: concurrent offset paging, in order, in bounded memory, resumable."""

from __future__ import annotations

import attrs

__all__ = ["ExportCheckpoint"]


@attrs.frozen(kw_only=True)
class ExportCheckpoint:
    """Where an export stands: enough to resume it without losing or repeating a record.

    Attributes:
        next_offset: The offset of the first record not yet delivered.
        recent_ids: Ids delivered just before ``next_offset``, to drop them if data shifted.
        delivered: How many records were delivered so far.
    """

    next_offset: int
    recent_ids: tuple[str, ...] = ()
    delivered: int = 0
