"""The seeded universe records come from: object kinds, their sizes, ids and clocks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from ._clock import clock
from ._ids import IdFormat
from ._rng import Draw, salt

__all__ = ["Builder", "Key", "Kind", "Renderer", "Size", "World", "fixed", "per"]

Key = tuple[str, str]
"""(Liza category, object type), e.g. ``("crm", "contact")``."""

Builder = Callable[["World", int], dict[str, Any]]
Renderer = Callable[["World", Sequence[int]], list[str]]


@attrs.frozen
class Size:
    """How many records a kind has for a dataset of ``records`` crm contacts.

    Args:
        divisor: one record per ``divisor`` contacts (0: a fixed count).
        minimum: the smallest count (the fixed count when ``divisor`` is 0).
    """

    divisor: int
    minimum: int = 1

    def __call__(self, records: int) -> int:
        return max(self.minimum, records // self.divisor if self.divisor else 0)


def per(divisor: int, minimum: int = 1) -> Size:
    """Return a size of one record per ``divisor`` contacts, at least ``minimum``.

    Args:
        divisor: contacts per record.
        minimum: the smallest count.

    Returns:
        The size rule.
    """
    return Size(divisor, minimum)


def fixed(count: int) -> Size:
    """Return a size that does not grow with the dataset.

    Args:
        count: the number of records.

    Returns:
        The size rule.
    """
    return Size(0, count)


@attrs.frozen
class Kind:
    """One object type of one category: how many, which ids, how each record is made.

    Args:
        category: the Liza category, e.g. ``"hr"``.
        name: the object type, e.g. ``"employee"``.
        size: how the count follows the dataset size.
        ids: the id format.
        build: makes record ``index`` as a dict (the ground truth), or None with ``render``.
        render: makes records ``indices`` as JSON texts directly (the fast path); a record's
            dict is then the parse of its text.
        search: the fields ``query`` matches, dotted into lists of objects
            (``"emails.email"``).
        search_text: a cheap way to get the searchable text of a record (lowercased, fields
            joined by NUL); by default it is read from the built record.
    """

    category: str
    name: str
    size: Size
    ids: IdFormat
    build: Builder | None = None
    render: Renderer | None = None
    search: tuple[str, ...] = ("name",)
    search_text: Callable[[World, int], str] | None = None

    @property
    def key(self) -> Key:
        """The (category, object type) pair."""
        return (self.category, self.name)


class World:
    """Everything a record builder may ask about the dataset it belongs to.

    Args:
        seed: the dataset seed.
        records: the number of crm contacts; every other count derives from it.
        kinds: every kind of the dataset, so builders can size and reference each other.
    """

    def __init__(self, seed: int, records: int, kinds: Iterable[Kind]) -> None:
        self.seed = seed
        self.records = records
        self.kinds: Mapping[Key, Kind] = {kind.key: kind for kind in kinds}
        self._counts = {key: kind.size(records) for key, kind in self.kinds.items()}
        self._salts = {key: salt(seed, *key) for key in self.kinds}
        self.ids: Mapping[Key, Callable[[Sequence[int]], list[str]]] = {
            key: kind.ids.compile(self._salts[key]) for key, kind in self.kinds.items()
        }
        """Per kind: record indices -> their ids."""
        self.clocks: Mapping[Key, Callable[[Sequence[int]], list[int]]] = {
            key: clock(self._counts[key], self._salts[key]) for key in self.kinds
        }
        """Per kind: record indices -> their ``updated_at`` in epoch seconds (non-decreasing)."""
        self.memo: dict[object, Any] = {}
        """Values modules derive once per world (fragments, small tables)."""

    def count(self, key: Key) -> int:
        """Return how many records of ``key`` exist."""
        return self._counts[key]

    def salt(self, key: Key) -> int:
        """Return the seeded 64-bit key of a kind (ids and draws derive from it)."""
        return self._salts[key]

    def id(self, key: Key, index: int) -> str:
        """Return the id of record ``index`` of ``key``."""
        return self.ids[key]((index,))[0]

    def draw(self, key: Key, index: int) -> Draw:
        """Return the deterministic choices for record ``index`` of ``key``."""
        return Draw(self._salts[key], index)

    def updated(self, key: Key, index: int) -> int:
        """Return the ``updated_at`` (epoch seconds) of record ``index``: monotonic in index."""
        return self.clocks[key]((index,))[0]

    def ref(self, r: Draw, key: Key) -> str:
        """Return the id of a random existing record of ``key``."""
        return self.id(key, r.below(self._counts[key]))

    def refs(self, r: Draw, key: Key, k: int) -> list[str]:
        """Return up to ``k`` distinct ids of random existing records of ``key``."""
        return [self.id(key, index) for index in r.sample(range(self._counts[key]), k)]
