"""Fixed-epoch timestamps: every date in the sandbox derives from these, never from the clock."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence

__all__ = [
    "DATES",
    "SECONDS",
    "TIMES",
    "DAY",
    "WINDOW_END",
    "WINDOW_START",
    "ceil_seconds",
    "iso",
    "iso_date",
    "times_of_day",
    "clock",
]

DAY = 86_400
WINDOW_START = 1_609_459_200  # 2021-01-01T00:00:00Z: the first record of every type
WINDOW_END = 1_751_328_000  # 2025-07-01T00:00:00Z: the last one
_SPAN = WINDOW_END - WINDOW_START
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_ORDINAL_1970 = dt.date(1970, 1, 1).toordinal()


def _date(day: int) -> str:
    return dt.date.fromordinal(_ORDINAL_1970 + day).isoformat()


DATES = {day: _date(day) for day in range(7_305, 25_567)}
"""Day number since 1970 -> ``YYYY-MM-DD``, for 1990 to 2039 (a plain dict: the fastest lookup)."""
TIMES = tuple(f"T{h:02d}:{m:02d}:" for h in range(24) for m in range(60))
"""Minute of the day -> ``THH:MM:``."""
SECONDS = tuple(f"{s:02d}Z" for s in range(60))
"""Second of the minute -> ``SSZ``."""


@functools.cache
def times_of_day() -> tuple[str, ...]:
    """Return second of the day -> ``THH:MM:SSZ`` (5 MB, built on first use: the hot path)."""
    return tuple(minute + second for minute in TIMES for second in SECONDS)


def iso(ts: int) -> str:
    """Format epoch seconds as ``YYYY-MM-DDTHH:MM:SSZ``.

    Args:
        ts: seconds since 1970-01-01 UTC.

    Returns:
        The ISO-8601 UTC timestamp.
    """
    day, second = divmod(ts, DAY)
    return (DATES.get(day) or _date(day)) + TIMES[second // 60] + SECONDS[second % 60]


def iso_date(ts: int) -> str:
    """Format epoch seconds as ``YYYY-MM-DD``.

    Args:
        ts: seconds since 1970-01-01 UTC.

    Returns:
        The ISO-8601 date.
    """
    day = ts // DAY
    return DATES.get(day) or _date(day)


def ceil_seconds(moment: dt.datetime) -> int:
    """Return the first whole epoch second at or after an aware datetime.

    Args:
        moment: a timezone-aware datetime.

    Returns:
        Epoch seconds, rounded up, so ``ts >= moment`` iff ``ts >= ceil_seconds(moment)``.
    """
    delta = moment - _EPOCH
    return delta.days * DAY + delta.seconds + (1 if delta.microseconds else 0)


def clock(count: int, key: int) -> Callable[[Sequence[int]], list[int]]:
    """Return the ``updated_at`` (epoch seconds) of records of a kind of ``count`` records.

    Records spread evenly over the window and each moves by less than the gap to its
    neighbour, so ``updated_at`` never decreases with the index and the start of an
    ``updated_gte`` filter can be found by bisection.

    Args:
        count: how many records the kind has.
        key: the kind's seeded key (the jitter depends on it).

    Returns:
        A function from record indices to their ``updated_at``.
    """
    gap = max(1, _SPAN // count)
    salt = key & 0xFFFFFFFF
    start = WINDOW_START

    def updated(indices: Sequence[int]) -> list[int]:
        return [start + i * _SPAN // count + (i * 2_654_435_761 ^ salt) % gap for i in indices]

    return updated
