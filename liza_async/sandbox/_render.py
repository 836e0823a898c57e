"""What the sandbox's answers look like: JSON bytes, error bodies and the three list shapes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timezone
from http import HTTPStatus
from typing import Any

from aiohttp import web

from ._config import Shape

__all__ = [
    "JSON",
    "HTTPProblem",
    "dumps",
    "error_response",
    "format_timestamp",
    "json_response",
    "list_body",
    "loads",
    "object_body",
]

JSON = "application/json; charset=utf-8"

_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - the stdlib fallback
    _orjson = None


def dumps(value: Any) -> bytes:
    """Encode ``value`` as compact UTF-8 JSON.

    Args:
        value: Plain JSON data.

    Returns:
        The encoded bytes.
    """
    if _orjson is not None:
        return _orjson.dumps(value)  # type: ignore[no-any-return]
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def loads(data: bytes) -> Any:
    """Decode JSON.

    Args:
        data: UTF-8 JSON.

    Returns:
        The decoded value.

    Raises:
        ValueError: The data is not valid JSON.
    """
    if _orjson is not None:
        return _orjson.loads(data)
    return json.loads(data)


class HTTPProblem(Exception):
    """An error answer: raised anywhere in a handler, rendered as the sandbox's error body.

    Args:
        status: The HTTP status.
        message: What was wrong and what is allowed.
        headers: Extra headers for the answer.
    """

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})


def json_response(
    status: int, body: bytes, headers: Mapping[str, str] | None = None
) -> web.Response:
    """A JSON answer.

    Args:
        status: The HTTP status.
        body: The encoded JSON.
        headers: Extra headers.

    Returns:
        The response, not yet sent.
    """
    response = web.Response(status=status, body=body, headers=headers)
    response.headers["Content-Type"] = JSON
    return response


def error_response(
    status: int, message: str, headers: Mapping[str, str] | None = None
) -> web.Response:
    """The sandbox's error body: ``{"statusCode", "error", "message"}``.

    Args:
        status: The HTTP status.
        message: What was wrong and what is allowed.
        headers: Extra headers.

    Returns:
        The response, not yet sent.
    """
    body = {"statusCode": status, "error": HTTPStatus(status).phrase, "message": message}
    return json_response(status, dumps(body), headers)


def list_body(
    shape: Shape, items: bytes, *, count: int, total: int, limit: int, offset: int
) -> tuple[bytes, dict[str, str]]:
    """Wrap an encoded JSON array in the configured list shape.

    Args:
        shape: ``envelope``, ``bare`` or ``mcp``.
        items: The encoded JSON array.
        count: How many items ``items`` holds.
        total: How many items match in all.
        limit: The page size asked for.
        offset: The offset of the first item.

    Returns:
        The body and the headers that go with it (``X-Total-Count`` for ``bare``).
    """
    if shape == "bare":
        return items, {"X-Total-Count": str(total)}
    more = b"true" if offset + count < total else b"false"
    if shape == "mcp":
        tail = b',"total":%d,"limit":%d,"offset":%d,"has_more":%s}' % (total, limit, offset, more)
        return b"".join((b'{"items":', items, tail)), {}
    tail = b',"pagination":{"limit":%d,"offset":%d,"total":%d,"has_more":%s}}' % (
        limit, offset, total, more,
    )  # fmt: skip
    return b"".join((b'{"data":', items, tail)), {}


def object_body(shape: Shape, item: bytes) -> bytes:
    """Wrap one encoded object: bare in the ``bare`` shape, ``{"data": ...}`` otherwise.

    Args:
        shape: The configured shape.
        item: The encoded JSON object.

    Returns:
        The body.
    """
    return item if shape == "bare" else b'{"data":' + item + b"}"


def format_timestamp(stamp: datetime) -> str:
    """Format an instant the way Unified.to does: ISO 8601 in UTC with a ``Z``.

    Args:
        stamp: An aware datetime.

    Returns:
        For example ``2024-05-01T12:00:00Z``.
    """
    return stamp.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
