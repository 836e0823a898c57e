r"""Stream records to JSON Lines or CSV, batch by batch, in bounded memory.

Both writers take batches of records, each record a JSON object as received (what
``export.raw_batches()`` yields: the fast path) or a model (converted with the SDK's converter),
and write them to a binary file object, returning the bytes written::

    with open("contacts.jsonl", "wb") as file:
        writer = JsonlWriter(file)
        async for batch in liza.records.export(connection_id, "crm", "contact").raw_batches():
            writer.write(batch)

JSON Lines: one compact JSON object per line, UTF-8, non-ASCII characters written as they are
(orjson when it is installed, the standard library otherwise: the same values and, but for the
spelling of some float exponents, ``1.5e-7`` or ``1.5e-07``, the same bytes).

CSV (RFC 4180, UTF-8, a header line) flattens each record into cells:

- nested objects become dotted columns: ``address.city``;
- lists of objects become indexed columns: ``emails.0.email``, ``emails.1.type``;
- lists of scalars become one cell, the items joined with ``|`` (``a|b``); when an item contains
  ``|`` itself, or the list holds lists or mixes objects and scalars, the cell holds the
  list as JSON;
- a ``raw`` value (the provider's original payload, at any depth) is one cell of JSON;
- ``true``/``false`` for booleans, numbers as JSON writes them, an empty cell for null, an empty
  list or an empty object;
- a ``.`` or ``\`` inside a key is escaped with ``\``, so a column names one path only.

The columns are the flattened paths of the first non-empty batch (or ``columns=``), ordered as
the fields first appear, list items in index order. A record's cells outside those columns
(a third email when the first page had at most two, a new field) are never dropped: they go
into the last column, ``_extra``, as a JSON object of column name to cell text.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from ._converter import unstructure
from .models._base import Model

__all__ = ["EXTRA_COLUMN", "CsvWriter", "JsonlWriter", "BinaryOutput", "flatten"]

EXTRA_COLUMN = "_extra"
"""The last CSV column: the cells of a record that have no column of their own, as JSON."""

_orjson_line: Callable[[Any], bytes] | None
try:
    import orjson

    _orjson_line = functools.partial(orjson.dumps, option=orjson.OPT_APPEND_NEWLINE)
except ImportError:  # pragma: no cover - exercised by the no-orjson test in a subprocess
    _orjson_line = None

_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


class BinaryOutput(Protocol):
    """Where a writer writes: any object with ``write(bytes)`` (a file opened ``"wb"``)."""

    def write(self, data: bytes, /) -> Any:
        """Write ``data``."""


Records = Iterable[Mapping[str, Any] | Model]


def _plain(record: Mapping[str, Any] | Model) -> dict[str, Any]:
    if type(record) is dict:
        return record
    if isinstance(record, Model):
        data: dict[str, Any] = unstructure(record)
        return data
    return dict(record)


def _json_lines(records: list[dict[str, Any]]) -> bytes:
    if _orjson_line is not None:
        try:
            return b"".join(map(_orjson_line, records))
        except TypeError:  # e.g. an integer beyond 64 bits, which the standard library writes
            pass
    return ("\n".join(map(_json, records)) + "\n").encode()


class _Writer:
    """Encodes each batch whole, then writes it with one call."""

    def __init__(self, file: BinaryOutput) -> None:
        self._file = file
        self.bytes_written = 0

    def write(self, records: Records) -> int:
        """Write a batch of records.

        Args:
            records: JSON objects (dicts) or models.

        Returns:
            The bytes written.

        Raises:
            TypeError: A record holds a value JSON cannot represent (nothing is written).
            ValueError: A record holds NaN or infinity (nothing is written).
        """
        data = self._encode(records)
        if data:
            self._file.write(data)
            self.bytes_written += len(data)
        return len(data)

    def _encode(self, records: Records) -> bytes:
        raise NotImplementedError


class JsonlWriter(_Writer):
    """Write records as JSON Lines: one compact JSON object per line.

    Args:
        file: A binary file object (or anything with ``write(bytes)``).

    Attributes:
        bytes_written: The bytes written so far.
    """

    def _encode(self, records: Records) -> bytes:
        batch = [record if type(record) is dict else _plain(record) for record in records]
        return _json_lines(batch) if batch else b""


def _escaped(name: str) -> str:
    return name.replace("\\", "\\\\").replace(".", "\\.")


def _text(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    return value if type(value) is str else _json(value)


def _flatten_into(cells: dict[str, str], prefix: str, record: Mapping[str, Any]) -> None:
    # The hottest loop of a CSV export: strings first, no call for what needs none.
    for name, value in record.items():
        column = prefix + (name if "." not in name and "\\" not in name else _escaped(name))
        kind = type(value)
        if kind is str:
            cells[column] = value
        elif value is None:
            continue
        elif kind is dict or kind is list:
            if name == "raw":
                cells[column] = _json(value)
            elif kind is dict:
                _flatten_into(cells, column + ".", value)
            else:
                _flatten_list(cells, column, value)
        else:
            cells[column] = _text(value)


def _flatten_list(cells: dict[str, str], column: str, items: list[Any]) -> None:
    if not items:
        return
    if all(type(item) is dict for item in items):
        for index, item in enumerate(items):
            _flatten_into(cells, f"{column}.{index}.", item)
        return
    if not any(type(item) is dict or type(item) is list for item in items):
        texts = [_text(item) for item in items]
        if not any("|" in text for text in texts):
            cells[column] = "|".join(texts)
            return
    cells[column] = _json(items)


def flatten(record: Mapping[str, Any] | Model) -> dict[str, str]:
    """Flatten one record into CSV cells by column name, following the rules of this module.

    Args:
        record: A JSON object or a model.

    Returns:
        The non-empty cells, in the order of the record's fields.
    """
    cells: dict[str, str] = {}
    _flatten_into(cells, "", _plain(record))
    return cells


_INDEX = re.compile(r"[0-9]+")


def _ordered(columns: Iterable[str]) -> list[str]:
    """Order columns as their fields first appeared, list items in index order."""
    rank: dict[str, int] = {}

    def sort_key(column: str) -> tuple[int, ...]:
        template, key = "", []
        for part in column.split("."):
            if _INDEX.fullmatch(part):
                template += ".#"
                key.append(int(part))
            else:
                template += "." + part
                key.append(rank.setdefault(template, len(rank)))
        return tuple(key)

    keys = {column: sort_key(column) for column in columns}
    return sorted(keys, key=keys.__getitem__)


class CsvWriter(_Writer):
    """Write records as CSV, flattened as this module describes, with a header line.

    Args:
        file: A binary file object (or anything with ``write(bytes)``).
        columns: The data columns (``_extra`` is always added last); default: the columns of the
            first non-empty batch. Pass the :attr:`columns` of an earlier writer to continue its
            file.
        header: Whether to write the header line before the first row (``False`` to append to a
            file that has one).

    Attributes:
        bytes_written: The bytes written so far.
    """

    def __init__(
        self, file: BinaryOutput, *, columns: Sequence[str] | None = None, header: bool = True
    ) -> None:
        super().__init__(file)
        self._columns = None if columns is None else tuple(columns)
        self._header_due = header

    @property
    def columns(self) -> tuple[str, ...] | None:
        """The data columns, once known (without the final ``_extra`` column)."""
        return self._columns

    def _encode(self, records: Records) -> bytes:
        rows = [flatten(record) for record in records]
        if not rows:
            return b""
        if self._columns is None:
            self._columns = tuple(_ordered({c: None for row in rows for c in row}))
        text = io.StringIO()
        out = csv.writer(text)
        if self._header_due:
            out.writerow((*self._columns, EXTRA_COLUMN))
            self._header_due = False
        for cells in rows:
            row = [cells.pop(column, "") for column in self._columns]
            row.append(_json(cells) if cells else "")
            try:
                out.writerow(row)
            except csv.Error:  # Python 3.10 cannot write NUL; 3.11+ writes it as this does
                text.write(",".join(map(_quoted, row)) + "\r\n")
        return text.getvalue().encode()


_NEEDS_QUOTES = re.compile(r'[",\r\n]')


def _quoted(cell: str) -> str:
    """Quote a cell as the csv module does (``QUOTE_MINIMAL``)."""
    if _NEEDS_QUOTES.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell
