"""The base of every resource: a reference to its client, nothing more."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._client import AsyncLiza

__all__ = ["AsyncResource"]


class AsyncResource:
    """An API area of an :class:`AsyncLiza` client."""

    def __init__(self, client: AsyncLiza) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
