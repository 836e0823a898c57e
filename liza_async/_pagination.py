"""``Page``: one page of records, as plain data shared by the async and the sync style."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar

import attrs

__all__ = ["MAX_LIMIT", "Page"]

T = TypeVar("T")

MAX_LIMIT = 100
"""The largest page the API serves."""


@attrs.frozen
class Page(Generic[T]):
    """One page of a list, and what the API said about the rest.

    Iterate over it (or use :attr:`items`) for its records.

    Attributes:
        items: The records of this page, in order.
        offset: The offset this page starts at.
        limit: The page size asked for.
        total: How many records match in all, when the API said.
        has_more: Whether more records follow, when the API said.
    """

    items: Sequence[T]
    offset: int
    limit: int
    total: int | None = None
    has_more: bool | None = None

    @property
    def next_offset(self) -> int:
        """The offset of the page after this one."""
        return self.offset + len(self.items)

    @property
    def is_last(self) -> bool:
        """Whether no records follow this page.

        True for an empty page, a page shorter than its limit, ``has_more`` false, or an offset
        that reaches the total. A total is never required.
        """
        return (
            not self.items
            or len(self.items) < self.limit
            or self.has_more is False
            or (self.total is not None and self.next_offset >= self.total)
        )

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
