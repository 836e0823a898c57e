"""A token bucket, shared by the client's limiter (which waits) and the sandbox (which refuses)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

__all__ = ["AsyncRateLimiter", "TokenBucket"]


class TokenBucket:
    """``per_minute`` tokens a minute, refilled continuously, at most ``burst`` stored.

    The balance may go negative: :meth:`reserve` hands out future tokens, so waiting callers are
    served in the order they asked, without a lock or a queue.

    Args:
        per_minute: The sustained rate.
        burst: How many tokens may accumulate while idle (the largest instant burst).
        clock: A monotonic clock in seconds.
    """

    def __init__(
        self, per_minute: float, burst: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if per_minute <= 0 or burst < 1:
            raise ValueError("per_minute must be > 0 and burst >= 1")
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._clock = clock
        self._tokens = float(burst)
        self._stamp = clock()

    def _refill(self) -> float:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now
        return now

    def try_take(self) -> float:
        """Take a token if one is available now.

        Returns:
            0.0 when a token was taken; otherwise the seconds until one will be (nothing taken).
        """
        self._refill()
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return 0.0
        return (1.0 - self._tokens) / self.rate

    def reserve(self) -> float:
        """Take a token now or in the future.

        Returns:
            The seconds the caller must wait before using its token (0.0 for none).
        """
        self._refill()
        self._tokens -= 1.0
        return 0.0 if self._tokens >= 0.0 else -self._tokens / self.rate

    def pause(self, seconds: float) -> None:
        """Hand out no token for the next ``seconds`` (the server said to wait)."""
        self._refill()
        self._tokens = min(self._tokens, -seconds * self.rate)


class AsyncRateLimiter:
    """A limiter shared by every task of one client: each request first awaits :meth:`acquire`.

    Args:
        per_minute: Requests allowed per minute.
        burst: Requests that may go out at once after an idle period.
    """

    def __init__(self, per_minute: float, burst: float) -> None:
        self.bucket = TokenBucket(per_minute, burst)
        self.per_minute = per_minute

    async def acquire(self) -> float:
        """Wait for a slot.

        Returns:
            The seconds waited.
        """
        delay = self.bucket.reserve()
        if delay > 0.0:
            await asyncio.sleep(delay)
        return delay

    def pause(self, seconds: float) -> None:
        """Hold every task back for ``seconds``, e.g. after a 429 with ``Retry-After``."""
        self.bucket.pause(seconds)
