"""Fixed-epoch timestamps: every date in the sandbox derives from these constants, never the clock."""

from __future__ import annotations

import datetime as dt

__all__ = [
    "DAY",
    "WINDOW_END",
    "WINDOW_START",
    "ceil_seconds",
    "iso",
    "iso_date",
    "updated_at",
]

DAY = 86_400
WINDOW_START = 1_609_459_200  # 2021-01-01T00:00:00Z: the first record of every type
WINDOW_END = 1_751_328_000  # 2025-07-01T00:00:00Z: the last one
_SPAN = WINDOW_END - WINDOW_START
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_ORDINAL_1970 = dt.date(1970, 1, 1).toordinal()


class _Days(dict[int, str]):
    """Day number since 1970 -> ``"YYYY-MM-DD"``, filled on demand."""

    def __missing__(self, day: int) -> str:
        text = dt.date.fromordinal(_ORDINAL_1970 + day).isoformat()
        self[day] = text
        return text


_DAYS = _Days()
_HOURS_MINUTES = [f"T{h:02d}:{m:02d}:" for h in range(24) for m in range(60)]
_SECONDS = [f"{s:02d}Z" for s in range(60)]


def iso(ts: int) -> str:
    """Format epoch seconds as ``YYYY-MM-DDTHH:MM:SSZ``.

    Args:
        ts: seconds since 1970-01-01 UTC.

    Returns:
        The ISO-8601 UTC timestamp.
    """
    day, second = divmod(ts, DAY)
    return _DAYS[day] + _HOURS_MINUTES[second // 60] + _SECONDS[second % 60]


def iso_date(ts: int) -> str:
    """Format epoch seconds as ``YYYY-MM-DD``.

    Args:
        ts: seconds since 1970-01-01 UTC.

    Returns:
        The ISO-8601 date.
    """
    return _DAYS[ts // DAY]


def ceil_seconds(moment: dt.datetime) -> int:
    """Return the first whole epoch second at or after an aware datetime.

    Args:
        moment: a timezone-aware datetime.

    Returns:
        Epoch seconds, rounded up, so ``ts >= moment`` iff ``ts >= ceil_seconds(moment)``.
    """
    delta = moment - _EPOCH
    return delta.days * DAY + delta.seconds + (1 if delta.microseconds else 0)


def updated_at(index: int, count: int, jitter: int) -> int:
    """Return the ``updated_at`` of record ``index`` of ``count``: non-decreasing in ``index``.

    Records spread evenly over the window; ``jitter`` moves each one by less than the gap to its
    neighbour, so the order is kept and the start index of an ``updated_gte`` filter can be
    found by bisection.

    Args:
        index: the record's position, ``0 <= index < count``.
        count: how many records the type has.
        jitter: any non-negative integer (a hash of the record).

    Returns:
        Epoch seconds.
    """
    gap = _SPAN // count
    return WINDOW_START + index * _SPAN // count + (jitter % gap if gap else 0)
