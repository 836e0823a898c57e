"""The vocabulary of requests: category names and query values, validated with helpful errors."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

from .._types import Category
from ._render import HTTPProblem

__all__ = [
    "CATEGORIES",
    "FROM_UNIFIED",
    "TO_UNIFIED",
    "check_category",
    "int_param",
    "parse_timestamp",
    "timestamp_param",
]

CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)

# Liza renames four of Unified.to's categories; the others keep their names.
TO_UNIFIED: Mapping[str, str] = {
    **{c: c for c in CATEGORIES},
    "ecommerce": "commerce",
    "hr": "hris",
    "enrichment": "enrich",
    "marketing": "martech",
}
FROM_UNIFIED: Mapping[str, str] = {unified: liza for liza, unified in TO_UNIFIED.items()}

_DIGITS = re.compile(r"[0-9]{1,18}")
_TIMESTAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"(Z|z|[+-]\d{2}(?::?\d{2})?)?"
)


def check_category(category: str) -> None:
    """Refuse a category that is not one of the twelve.

    Args:
        category: The category from the path.

    Raises:
        HTTPProblem: 400, naming the allowed categories.
    """
    if category not in TO_UNIFIED:
        raise HTTPProblem(
            400, f"unknown category {category!r}; allowed categories: {', '.join(CATEGORIES)}"
        )


def int_param(
    query: Mapping[str, str],
    name: str,
    *,
    default: int,
    low: int,
    high: int | None = None,
    whole_floats: bool = False,
) -> int:
    """Read an integer query parameter within bounds.

    Args:
        query: The query parameters.
        name: The parameter.
        default: Its value when absent.
        low: The smallest allowed value.
        high: The largest allowed value (None: no bound).
        whole_floats: Also accept ``100.0`` (Unified.to's SDK types limit and offset as floats).

    Returns:
        The value.

    Raises:
        HTTPProblem: 400 when it is not an integer within bounds.
    """
    raw = query.get(name)
    if raw is None:
        return default
    if whole_floats and raw.endswith(".0"):
        raw = raw[:-2]
    if _DIGITS.fullmatch(raw) is None or int(raw) < low or (high is not None and int(raw) > high):
        allowed = f"an integer >= {low}" if high is None else f"an integer from {low} to {high}"
        raise HTTPProblem(400, f"{name} must be {allowed}; got {raw!r}")
    return int(raw)


def timestamp_param(query: Mapping[str, str], name: str) -> datetime | None:
    """Read an ISO 8601 date or date-time query parameter (see :func:`parse_timestamp`).

    Args:
        query: The query parameters.
        name: The parameter.

    Returns:
        An aware UTC datetime, or None when absent.

    Raises:
        HTTPProblem: 400 when it is not an ISO 8601 date or date-time.
    """
    raw = query.get(name)
    if raw is None:
        return None
    try:
        return parse_timestamp(raw)
    except ValueError:
        raise HTTPProblem(
            400,
            f"{name} must be an ISO 8601 date or date-time such as 2024-05-01 or "
            f"2024-05-01T12:00:00Z; got {raw!r}",
        ) from None


def parse_timestamp(text: str) -> datetime:
    """Parse an ISO 8601 date or date-time the same way on every Python (naive means UTC).

    Args:
        text: For example ``2024-05-01``, ``2024-05-01T12:00:00Z`` or ``2024-05-01 12:00+02:00``.

    Returns:
        An aware UTC datetime.

    Raises:
        ValueError: The text is not an ISO 8601 date or date-time.
    """
    match = _TIMESTAMP.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not an ISO 8601 date or date-time: {text!r}")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    stamp = datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
        micro, tzinfo=_zone(zone),
    )  # fmt: skip
    return stamp.astimezone(timezone.utc)


def _zone(zone: str | None) -> timezone:
    if zone is None or zone in ("Z", "z"):
        return timezone.utc
    digits = zone[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return timezone(-offset if zone[0] == "-" else offset)
