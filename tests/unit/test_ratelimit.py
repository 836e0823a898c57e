"""The token bucket on a fake clock."""

from __future__ import annotations

import pytest

from liza_async._ratelimit import TokenBucket


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_steady_rate() -> None:
    clock = Clock()
    bucket = TokenBucket(per_minute=60, burst=3, clock=clock)
    assert [bucket.try_take() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.try_take() == pytest.approx(1.0)
    clock.now = 0.5
    assert bucket.try_take() == pytest.approx(0.5)
    clock.now = 1.0
    assert bucket.try_take() == 0.0


def test_reservations_queue_in_order() -> None:
    clock = Clock()
    bucket = TokenBucket(per_minute=120, burst=1, clock=clock)
    waits = [bucket.reserve() for _ in range(4)]
    assert waits == pytest.approx([0.0, 0.5, 1.0, 1.5])


def test_pause_holds_every_caller_back() -> None:
    clock = Clock()
    bucket = TokenBucket(per_minute=60, burst=10, clock=clock)
    bucket.pause(5.0)
    assert bucket.reserve() == pytest.approx(6.0)
    clock.now = 100.0
    assert bucket.reserve() == 0.0


def test_refill_never_exceeds_burst() -> None:
    clock = Clock()
    bucket = TokenBucket(per_minute=600, burst=2, clock=clock)
    clock.now = 1000.0
    assert [bucket.try_take() for _ in range(2)] == [0.0, 0.0]
    assert bucket.try_take() > 0


def test_invalid_settings() -> None:
    with pytest.raises(ValueError, match="per_minute"):
        TokenBucket(per_minute=0, burst=1)
