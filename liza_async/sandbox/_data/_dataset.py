"""The dataset: record lookup, filtered pages and enrichment lookups over every kind.

Costs:
- ``record`` and an unfiltered ``page`` are O(1) per record: nothing is generated up front.
- ``updated_gte`` finds its first record by bisection over the monotonic ``updated_at``.
- The first ``query`` on a type scans it once and remembers the matching indices (4 bytes
  each) in an LRU of 32 queries holding at most 4 million indices; later pages of that query
  cost O(log n + limit). The scan costs about 1.5 µs per crm contact, company or marketing
  member (their searchable text is built from the index, without the record: 1.7 s for a
  million contacts) and one record build per record of the other types (20-70 µs).
- Rendered pages are kept in an LRU of 64 pages, so a page served again costs a dict lookup.
"""

from __future__ import annotations

import bisect
import functools
import json
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

import attrs

from . import (
    accounting,
    ats,
    calendar,
    crm,
    ecommerce,
    enrichment,
    hr,
    marketing,
    messaging,
    storage,
    task,
    ticketing,
)
from ._clock import ceil_seconds
from ._world import Key, Kind, World

__all__ = ["KINDS", "OBJECT_TYPES", "DataPage", "Dataset"]

KINDS: tuple[Kind, ...] = (
    *crm.KINDS,
    *ticketing.KINDS,
    *calendar.KINDS,
    *messaging.KINDS,
    *storage.KINDS,
    *task.KINDS,
    *ats.KINDS,
    *accounting.KINDS,
    *ecommerce.KINDS,
    *hr.KINDS,
    *enrichment.KINDS,
    *marketing.KINDS,
)

OBJECT_TYPES: Mapping[str, tuple[str, ...]] = {
    category: tuple(kind.name for kind in KINDS if kind.category == category)
    for category in dict.fromkeys(kind.category for kind in KINDS)
}
"""Liza category -> the object types the sandbox serves for it."""

_QUERY_CACHE = 32
_QUERY_BUDGET = 4_000_000
"""Remembered matching indices in all (16 MB): a broad query on a million records fits."""
_PAGE_CACHE = 64


@attrs.frozen
class DataPage:
    """One page of records, ready to send.

    Args:
        body: the page's records as a UTF-8 JSON array.
        count: how many records the page holds.
        total: how many records match the filters, on every page.
    """

    body: bytes
    count: int
    total: int


def _strings(value: Any, path: Sequence[str]) -> Iterator[str]:
    """Yield the strings at a dotted path, stepping into lists on the way."""
    if isinstance(value, list):
        for item in value:
            yield from _strings(item, path)
    elif not path:
        if isinstance(value, str):
            yield value
    elif isinstance(value, dict) and path[0] in value:
        yield from _strings(value[path[0]], path[1:])


def search_text(kind: Kind, record: Mapping[str, Any]) -> str:
    """Return what ``query`` matches in a record: its searchable fields, lowercased.

    Args:
        kind: the record's kind (its ``search`` fields).
        record: the record.

    Returns:
        The fields' strings joined by NUL, so a match never spans two fields.
    """
    found = (s for field in kind.search for s in _strings(record, field.split(".")))
    return "\0".join(found).lower()


class Dataset:
    """Deterministic generated records for every category, computed on demand.

    Sizes, for ``N = records`` (integer division, never below the minimum in brackets):
    crm contact N, company N/10, deal N/5, lead N/5, event N/2, pipeline 3; ticketing ticket
    N/4, customer N/10, note N/2; calendar event N/4, calendar N/100 (5); messaging message
    N/2, channel N/500 (12); storage file N/5; task task N/4, project N/200 (3), comment N/2;
    ats candidate N/5, application N/4, job N/200 (5); accounting invoice N/5, contact N/10,
    account 32, transaction N/2; ecommerce item N/10, collection N/1000 (5), inventory N/5;
    hr employee N/20 (10), group N/1000 (5), location N/5000 (3), company 3; enrichment
    person N, company N/10 (the contacts and companies it can find); marketing list
    N/10000 (3), member N, campaign N/100 (5). Every minimum not given is 1.

    Args:
        seed: the seed; the same seed gives the same records in every process.
        records: the number of crm contacts.

    Raises:
        ValueError: when ``records`` is below 1.
    """

    def __init__(self, seed: int = 0, records: int = 1000) -> None:
        if records < 1:
            raise ValueError(f"records must be at least 1, not {records}")
        self.seed = seed
        self.records = records
        self._world = World(seed, records, KINDS)
        self._queries: OrderedDict[tuple[Key, str], array[int]] = OrderedDict()
        self._matched = 0
        self._pages: OrderedDict[tuple[object, ...], DataPage] = OrderedDict()

    def count(self, category: str, object_type: str) -> int:
        """Return how many records an object type has.

        Args:
            category: the Liza category.
            object_type: the object type.

        Returns:
            The count (for enrichment: how many objects can be looked up).
        """
        return self._world.count((category, object_type))

    def record(self, category: str, object_type: str, index: int) -> dict[str, Any]:
        """Return record ``index`` of an object type: the ground truth, a fresh dict each call.

        Args:
            category: the Liza category.
            object_type: the object type.
            index: ``0 <= index < count``.

        Returns:
            The record, as its JSON decodes.

        Raises:
            IndexError: when ``index`` is out of range.
        """
        kind = self._kind(category, object_type, index)
        if kind.render is not None:
            return json.loads(kind.render(self._world, (index,))[0])  # type: ignore[no-any-return]
        assert kind.build is not None
        return kind.build(self._world, index)

    def page(
        self,
        category: str,
        object_type: str,
        *,
        offset: int,
        limit: int,
        query: str | None = None,
        updated_gte: datetime | None = None,
    ) -> DataPage:
        """Return the records ``offset..offset+limit`` of those matching the filters.

        Args:
            category: the Liza category.
            object_type: the object type.
            offset: how many matching records to skip.
            limit: the page size.
            query: a case-insensitive substring of a searchable field (name, email, ...).
            updated_gte: only records updated at or after this aware datetime.

        Returns:
            The page and the number of matching records.
        """
        key = (category, object_type)
        kind = self._world.kinds[key]
        start = 0 if updated_gte is None else self._first_updated(key, updated_gte)
        needle = query.lower() if query else None
        cache_key = (key, start, offset, limit, needle)
        cached = self._pages.get(cache_key)
        if cached is not None:
            self._pages.move_to_end(cache_key)
            return cached
        indices: Sequence[int]
        if needle is None:
            total = self._world.count(key) - start
            indices = range(start + offset, start + min(total, offset + limit))
        else:
            matches = self._matches(key, needle)
            first = bisect.bisect_left(matches, start)
            total = len(matches) - first
            indices = matches[first + offset : first + offset + limit]
        page = DataPage(self._render(kind, indices), len(indices), total)
        self._pages[cache_key] = page
        if len(self._pages) > _PAGE_CACHE:
            self._pages.popitem(last=False)
        return page

    def lookup(
        self, category: str, object_type: str, params: Mapping[str, str]
    ) -> dict[str, Any] | None:
        """Find one enrichment object (``person`` or ``company``) by its lookup parameters.

        Args:
            category: ``"enrichment"``.
            object_type: ``"person"`` (by ``email``, ``linkedin_url``, or ``name`` with an
                optional ``company_name``) or ``"company"`` (by ``domain`` or ``name``).
            params: the query parameters; unknown ones are ignored.

        Returns:
            The object, or None when nothing matches.

        Raises:
            ValueError: for an object type that is not an enrichment lookup.
        """
        if category != "enrichment" or object_type not in OBJECT_TYPES[category]:
            raise ValueError(f"{category}/{object_type} is not an enrichment lookup")
        return enrichment.lookup(self._world, object_type, params, self._matches)

    def _kind(self, category: str, object_type: str, index: int) -> Kind:
        key = (category, object_type)
        if not 0 <= index < self._world.count(key):
            raise IndexError(f"{category}/{object_type} has no record {index}")
        return self._world.kinds[key]

    def _render(self, kind: Kind, indices: Sequence[int]) -> bytes:
        w = self._world
        if kind.render is not None:
            texts = kind.render(w, indices)
            if not texts:
                return b"[]"
            texts[0] = "[" + texts[0]  # brackets inside: one join and one encode of the page
            texts[-1] += "]"
            return ",".join(texts).encode()
        assert kind.build is not None
        records = [kind.build(w, i) for i in indices]
        return json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode()

    def _first_updated(self, key: Key, moment: datetime) -> int:
        threshold = ceil_seconds(moment)
        updated = self._world.updated
        return bisect.bisect_left(
            range(self._world.count(key)), threshold, key=lambda i: updated(key, i)
        )

    def _matches(self, key: Key, needle: str) -> array[int]:
        """Return the sorted indices whose searchable text contains ``needle`` (memoized)."""
        found = self._queries.get((key, needle))
        if found is not None:
            self._queries.move_to_end((key, needle))
            return found
        kind, w = self._world.kinds[key], self._world
        text = kind.search_text or functools.partial(self._search_text, kind)
        found = array("I", (i for i in range(w.count(key)) if needle in text(w, i)))
        self._queries[key, needle] = found
        self._matched += len(found)
        while len(self._queries) > 1 and (
            len(self._queries) > _QUERY_CACHE or self._matched > _QUERY_BUDGET
        ):
            self._matched -= len(self._queries.popitem(last=False)[1])
        return found

    def _search_text(self, kind: Kind, w: World, index: int) -> str:
        return search_text(kind, self.record(*kind.key, index))
