"""The records every connection serves: the generated dataset plus records inserted while running.

Inserted records (the ``insert_every`` fault, or a contact created through passthrough) come
first, newest first, so each insertion shifts every existing record one position later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, overload

from ._data import OBJECT_TYPES, DataPage, Dataset
from ._data._dataset import KINDS, search_text
from ._params import parse_timestamp
from ._render import HTTPProblem, dumps, format_timestamp

__all__ = ["LOOKUP_PARAMS", "RecordStore", "RecordsView"]

_KINDS = {(kind.category, kind.name): kind for kind in KINDS}

# The query parameters an enrichment lookup is found by.
LOOKUP_PARAMS: Mapping[str, tuple[str, ...]] = {
    "person": ("email", "name", "linkedin_url", "company_name"),
    "company": ("domain", "name"),
}


class RecordsView(Sequence[dict[str, Any]]):
    """The current records of one object type in list order: the ground truth a client should see.

    Records are produced on access, so a view over a million records costs nothing until read.
    """

    def __init__(
        self, dataset: Dataset, key: tuple[str, str], inserted: list[dict[str, Any]]
    ) -> None:
        self._dataset = dataset
        self._key = key
        self._inserted = inserted

    def __len__(self) -> int:
        return len(self._inserted) + self._dataset.count(*self._key)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("record index out of range")
        inserted = self._inserted
        if index < len(inserted):
            return inserted[len(inserted) - 1 - index]
        return self._dataset.record(*self._key, index - len(inserted))


class RecordStore:
    """Serves pages and lookups over a dataset and the records inserted into it.

    The dataset keeps the rendered pages it served in an LRU; pages with inserted records are
    spliced from those and the (few) inserted records.

    Args:
        dataset: The generated records.
        seed: Seeds the ids of inserted records.
    """

    def __init__(self, dataset: Dataset, seed: int) -> None:
        self.dataset = dataset
        self._seed = seed
        self._inserted: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def check_object_type(self, category: str, object_type: str) -> None:
        """Refuse an object type the category does not have.

        Args:
            category: A valid category.
            object_type: The object type from the path.

        Raises:
            HTTPProblem: 404, naming the category's object types.
        """
        allowed = OBJECT_TYPES.get(category, ())
        if object_type not in allowed:
            raise HTTPProblem(
                404,
                f"category {category!r} has no object type {object_type!r}; "
                f"allowed object types: {', '.join(allowed)}",
            )

    def page(
        self,
        category: str,
        object_type: str,
        *,
        offset: int,
        limit: int,
        query: str | None,
        updated_gte: datetime | None,
    ) -> DataPage:
        """One page of the records matching the filters, in list order.

        Args:
            category: The category.
            object_type: The object type.
            offset: The position of the first record.
            limit: The most records to return.
            query: Case-insensitive text on name and email fields.
            updated_gte: Only records updated at or after this instant.

        Returns:
            The page.
        """
        key = (category, object_type)
        inserted = self._inserted.get(key, [])
        fresh = [r for r in reversed(inserted) if _matches(r, key, query, updated_gte)]
        head = fresh[offset : offset + limit]
        rest = self.dataset.page(
            category,
            object_type,
            offset=max(0, offset - len(fresh)),
            limit=max(1, limit - len(head)),
            query=query,
            updated_gte=updated_gte,
        )
        total = len(fresh) + rest.total
        if not head:
            return DataPage(rest.body, rest.count, total)
        taken = min(rest.count, limit - len(head))
        body = b"[" + b",".join(dumps(r) for r in head)
        if taken:
            body += b"," + rest.body.strip()[1:]
        else:
            body += b"]"
        return DataPage(body, len(head) + taken, total)

    def insert(
        self, category: str, object_type: str, changes: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Insert a new record at offset 0: a generated record with a fresh id and timestamps.

        Args:
            category: The category.
            object_type: The object type.
            changes: Fields to set on the new record.

        Returns:
            The new record.
        """
        inserted = self._inserted.setdefault((category, object_type), [])
        count = self.dataset.count(category, object_type)
        record = dict(self.dataset.record(category, object_type, len(inserted) % count))
        newest = parse_timestamp(
            self.dataset.record(category, object_type, count - 1)["updated_at"]
        )
        stamp = newest + timedelta(minutes=len(inserted) + 1)
        key = f"{self._seed}/{category}/{object_type}/{len(inserted)}"
        record["id"] = hashlib.sha256(key.encode()).hexdigest()[:24]
        record["created_at"] = record["updated_at"] = format_timestamp(stamp)
        record.update(changes or {})
        inserted.append(record)
        return record

    def records(self, category: str, object_type: str) -> RecordsView:
        """The ground truth of one object type.

        Args:
            category: The category.
            object_type: The object type.

        Returns:
            A live view of the records in list order.
        """
        key = (category, object_type)
        return RecordsView(self.dataset, key, self._inserted.setdefault(key, []))

    def lookup(self, category: str, object_type: str, params: Mapping[str, str]) -> dict[str, Any]:
        """Find one enrichment object by its lookup parameters.

        Args:
            category: The category (``enrichment``).
            object_type: ``person`` or ``company``.
            params: The query parameters.

        Returns:
            The object found.

        Raises:
            HTTPProblem: 400 without a lookup parameter; 404 when nothing matches.
        """
        names = LOOKUP_PARAMS.get(object_type, ())
        given = {name: params[name] for name in names if params.get(name)}
        if not given:
            raise HTTPProblem(
                400,
                f"a {object_type} lookup needs at least one of these query parameters: "
                f"{', '.join(names)}",
            )
        found = self.dataset.lookup(category, object_type, given)
        if found is None:
            wanted = ", ".join(f"{k}={v!r}" for k, v in given.items())
            raise HTTPProblem(404, f"no {object_type} matches {wanted}")
        return found


def _matches(
    record: Mapping[str, Any], key: tuple[str, str], query: str | None, updated_gte: datetime | None
) -> bool:
    """Whether an inserted record passes the filters, by the dataset's own rules."""
    if updated_gte is not None and parse_timestamp(record["updated_at"]) < updated_gte:
        return False
    return not query or query.lower() in search_text(_KINDS[key], record)
