"""What a sandbox has served: counted while running, read as a snapshot."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import attrs

__all__ = ["SandboxStats", "StatsCounter"]


@attrs.frozen
class SandboxStats:
    """A snapshot of what a sandbox has served.

    Attributes:
        requests: Requests received.
        statuses: Answers sent, by status (dropped, stalled and truncated answers excluded).
        faults: Faults injected, by kind (``error``, ``drop``, ``stall``, ``truncate``,
            ``burst_429``, ``malformed``, ``insert``).
        rate_limited: 429 answers sent by the rate limiter (burst faults excluded).
    """

    requests: int
    statuses: Mapping[int, int]
    faults: Mapping[str, int]
    rate_limited: int


class StatsCounter:
    """The running counts behind :class:`SandboxStats`."""

    def __init__(self) -> None:
        self.requests = 0
        self.rate_limited = 0
        self.statuses: Counter[int] = Counter()
        self.faults: Counter[str] = Counter()

    def snapshot(self) -> SandboxStats:
        """Copy the counts.

        Returns:
            The snapshot.
        """
        return SandboxStats(
            requests=self.requests,
            statuses=dict(self.statuses),
            faults=dict(self.faults),
            rate_limited=self.rate_limited,
        )
