"""Argument checks, run before any request is sent; each failure says what is allowed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone
from typing import Any

import yarl

from ._converter import format_datetime, parse_datetime
from ._errors import LizaValidationError
from ._pagination import MAX_LIMIT
from ._types import Category, HTTPMethod

__all__ = [
    "category",
    "category_list",
    "connection_id",
    "http_url",
    "limit",
    "non_empty",
    "offset",
    "passthrough_data",
    "passthrough_method",
    "relative_path",
    "string_list",
    "updated_gte",
    "whole_number",
]

_CATEGORIES = ", ".join(c.value for c in Category)
_METHODS: tuple[HTTPMethod, ...] = ("GET", "POST", "PUT", "PATCH", "DELETE")


def non_empty(param: str, value: object) -> str:
    """Check a required string (an id, a type name).

    Args:
        param: The argument's name, for the message.
        value: The value given.

    Returns:
        The string.

    Raises:
        LizaValidationError: Not a string, or empty/blank.
    """
    if not isinstance(value, str):
        raise LizaValidationError(param, f"expected a string, got {type(value).__name__}")
    if not value.strip():
        raise LizaValidationError(param, "must not be empty")
    return value


def connection_id(value: object) -> str:
    """Check a connection id (any non-empty string; it is sent as one path segment)."""
    return non_empty("connection_id", value)


def category(value: object, param: str = "category") -> Category:
    """Check a category given as a :class:`Category` or its name.

    Raises:
        LizaValidationError: Not one of the twelve categories.
    """
    if isinstance(value, Category):
        return value
    if isinstance(value, str):
        try:
            return Category(value.strip().lower())
        except ValueError:
            pass
    raise LizaValidationError(param, f"{value!r} is not a category; allowed: {_CATEGORIES}")


def category_list(value: object) -> list[str]:
    """Check the categories of a connect call: a non-empty list of distinct categories.

    Raises:
        LizaValidationError: Empty, not a list, or containing something else than a category.
    """
    if isinstance(value, str | Category) or not isinstance(value, Iterable):
        raise LizaValidationError(
            "categories", f"expected a list of categories such as ['crm']; got {value!r}"
        )
    checked = [category(item, "categories").value for item in value]
    if not checked:
        raise LizaValidationError("categories", f"give at least one of: {_CATEGORIES}")
    return list(dict.fromkeys(checked))


def string_list(param: str, value: object) -> list[str]:
    """Check an optional list of strings (e.g. scopes).

    Raises:
        LizaValidationError: Not a list of strings.
    """
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise LizaValidationError(param, f"expected a list of strings; got {value!r}")
    items = list(value)
    if not all(isinstance(item, str) and item for item in items):
        raise LizaValidationError(param, f"expected non-empty strings; got {items!r}")
    return items


def whole_number(param: str, value: object, low: int, high: int | None = None) -> int:
    """Check a whole number within bounds (``bool`` is not a number here).

    Args:
        param: The argument's name, for the message.
        value: The value given.
        low: The smallest allowed value.
        high: The largest allowed value, if any.

    Returns:
        The number.

    Raises:
        LizaValidationError: Not an int, or out of bounds.
    """
    if type(value) is not int or value < low or (high is not None and value > high):
        allowed = f"from {low} to {high}" if high is not None else f">= {low}"
        raise LizaValidationError(param, f"expected a whole number {allowed}; got {value!r}")
    return value


def limit(value: object, param: str = "limit") -> int:
    """Check a page size: a whole number from 1 to 100."""
    return whole_number(param, value, 1, MAX_LIMIT)


def offset(value: object) -> int:
    """Check an offset: a whole number >= 0."""
    return whole_number("offset", value, 0)


def updated_gte(value: object) -> str | None:
    """Check ``updated_gte`` and format it as ISO 8601 UTC.

    Args:
        value: A ``datetime`` (naive means UTC), a ``date`` (midnight UTC), an ISO 8601 string, or
            ``None``.

    Returns:
        The ISO 8601 text to send, or ``None``.

    Raises:
        LizaValidationError: Anything else, or a string that is not ISO 8601.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    elif isinstance(value, str):
        try:
            moment = parse_datetime(value.strip())
        except ValueError:
            raise LizaValidationError(
                "updated_gte",
                f"{value!r} is not ISO 8601 (e.g. 2024-05-01 or 2024-05-01T10:00:00Z)",
            ) from None
    else:
        raise LizaValidationError(
            "updated_gte", f"expected a datetime, a date or an ISO 8601 string; got {value!r}"
        )
    return format_datetime(moment.astimezone(timezone.utc))


def http_url(param: str, value: object) -> str:
    """Check an absolute http(s) URL (e.g. a redirect URL).

    Raises:
        LizaValidationError: Not a string, not absolute, or another scheme.
    """
    text = non_empty(param, value)
    try:
        url = yarl.URL(text)
    except (ValueError, TypeError):
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise LizaValidationError(
            param,
            f"expected an absolute http(s) URL such as https://example.com/done; got {text!r}",
        )
    return text


def passthrough_method(value: object) -> HTTPMethod:
    """Check a passthrough method (case-insensitive).

    Raises:
        LizaValidationError: Not one of GET, POST, PUT, PATCH, DELETE.
    """
    if isinstance(value, str):
        for method in _METHODS:
            if value.strip().upper() == method:
                return method
    raise LizaValidationError(
        "method", f"{value!r} is not allowed; use one of {', '.join(_METHODS)}"
    )


def relative_path(value: object) -> str:
    """Check a passthrough path: relative to the third party's API root.

    Raises:
        LizaValidationError: Empty, or carrying a scheme or a host.
    """
    text = non_empty("path", value)
    stripped = text.strip()
    if "://" in stripped or stripped.startswith("//") or yarl.URL(stripped).scheme:
        raise LizaValidationError(
            "path",
            f"{text!r} must be relative to the third party's API (e.g. /crm/v3/objects/contacts), "
            "without a scheme or host",
        )
    return stripped


def passthrough_data(value: object) -> dict[str, Any] | None:
    """Check passthrough data: a mapping (query for GET/DELETE, JSON body otherwise) or ``None``.

    Raises:
        LizaValidationError: Anything but a mapping with string keys, or ``None``.
    """
    if value is None:
        return None
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise LizaValidationError(
            "data", f"expected a dict with string keys, or None; got {value!r}"
        )
    return dict(value)
