"""``Page``: one page of records, as plain data shared by the async and the sync style."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar

import attrs

__all__ = ["MAX_LIMIT", "Page", "ends_data"]

T = TypeVar("T")

MAX_LIMIT = 100
"""The largest page the API serves."""


def ends_data(
    *, offset: int, count: int, limit: int, total: int | None, has_more: bool | None
) -> bool:
    """Whether a page is the last one (design.md §2; a total is never required).

    Args:
        offset: The page's offset.
        count: The records it holds.
        limit: The page size asked for.
        total: The total the API reported, if any.
        has_more: The API's has-more flag, if any.

    Returns:
        True for an empty page, a page shorter than its limit, ``has_more`` false, or an
        offset that reaches the total.
    """
    return (
        count == 0
        or count < limit
        or has_more is False
        or (total is not None and offset + count >= total)
    )


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
        return ends_data(
            offset=self.offset,
            count=len(self.items),
            limit=self.limit,
            total=self.total,
            has_more=self.has_more,
        )

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
