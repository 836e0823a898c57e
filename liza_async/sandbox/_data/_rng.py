"""Deterministic randomness: splitmix64 mixing and a cheap per-record draw.

Nothing here touches ``hash()`` or the clock, so the same seed gives the same values in every
process, on every platform and Python version.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import TypeVar

__all__ = ["GAMMA", "MASK64", "Draw", "mix", "salt"]

T = TypeVar("T")

MASK64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15
_M1 = 0xBF58476D1CE4E5B9
_M2 = 0x94D049BB133111EB


def mix(z: int) -> int:
    """Return the splitmix64 finalizer of ``z``: a bijection on 64-bit integers.

    Args:
        z: any integer; only its low 64 bits are used.

    Returns:
        A well-mixed 64-bit integer.
    """
    z &= MASK64
    z = (z ^ (z >> 30)) * _M1 & MASK64
    z = (z ^ (z >> 27)) * _M2 & MASK64
    return z ^ (z >> 31)


def salt(*parts: object) -> int:
    """Return a stable 64-bit key for a tuple of names and numbers.

    Args:
        *parts: strings and integers, e.g. ``(seed, "crm", "contact")``.

    Returns:
        A 64-bit integer that is the same in every process.
    """
    key = 0
    for part in parts:
        key = mix(key * GAMMA + zlib.crc32(str(part).encode()) + 1)
    return key


class Draw:
    """A stream of deterministic choices for one record.

    Values come from a pool of mixed bits consumed by ``divmod``, refilled from splitmix64,
    which is several times cheaper than seeding a :class:`random.Random` per record.

    Args:
        key: the record's 64-bit key (kind salt mixed with the index).
        index: the record's index; records 0 and 1 and about one in ten others are
            "full" (every optional field present).
    """

    __slots__ = ("_pool", "_state", "full", "index")

    def __init__(self, key: int, index: int) -> None:
        self._state = mix(key + index * GAMMA)
        self._pool = self._state | mix(self._state + GAMMA) << 64
        self.index = index
        self.full = index < 2 or self.below(10) == 0

    def below(self, n: int) -> int:
        """Return an integer in ``[0, n)``.

        Args:
            n: the exclusive upper bound, at least 1.

        Returns:
            The drawn integer.
        """
        if self._pool < 1 << 48:
            self._state = (self._state + GAMMA) & MASK64
            self._pool = self._pool << 64 | mix(self._state)
        self._pool, value = divmod(self._pool, n)
        return value

    def between(self, low: int, high: int) -> int:
        """Return an integer in ``[low, high]``.

        Args:
            low: the smallest value.
            high: the largest value.

        Returns:
            The drawn integer.
        """
        return low + self.below(high - low + 1)

    def chance(self, p: float) -> bool:
        """Return True with probability ``p``.

        Args:
            p: the probability, 0 to 1.

        Returns:
            The outcome.
        """
        return self.below(1000) < p * 1000

    def opt(self, p: float) -> bool:
        """Decide whether an optional field is present: always on full records.

        Args:
            p: the probability on other records.

        Returns:
            True when the field should be emitted.
        """
        return self.chance(p) or self.full

    def pick(self, seq: Sequence[T]) -> T:
        """Return one element of ``seq``.

        Args:
            seq: a non-empty sequence.

        Returns:
            The chosen element.
        """
        return seq[self.below(len(seq))]

    def cycle(self, seq: Sequence[T]) -> T:
        """Pick from ``seq``, but take the values in turn on the first records.

        This guarantees that every value (and every field that depends on it) shows up among
        the first ``len(seq)`` records of a type, whatever the seed.

        Args:
            seq: a non-empty sequence, e.g. an enum's values.

        Returns:
            The chosen element.
        """
        return seq[self.index] if self.index < len(seq) else self.pick(seq)

    def sample(self, seq: Sequence[T], k: int) -> list[T]:
        """Return ``k`` distinct elements of ``seq`` (fewer if it is shorter).

        Args:
            seq: the population.
            k: how many to take.

        Returns:
            The chosen elements, in draw order.
        """
        chosen: list[T] = []
        taken: set[int] = set()
        for _ in range(min(k, len(seq))):
            position = self.below(len(seq))
            while position in taken:
                position = (position + 1) % len(seq)
            taken.add(position)
            chosen.append(seq[position])
        return chosen

    def digits(self, n: int) -> str:
        """Return ``n`` random decimal digits.

        Args:
            n: how many digits.

        Returns:
            The digits as a string (may start with 0).
        """
        chunks = [str(self.below(10**6)).zfill(6) for _ in range(-(-n // 6))]
        return "".join(chunks)[:n]

    def hex(self, n: int) -> str:
        """Return ``n`` random lowercase hex digits.

        Args:
            n: how many digits.

        Returns:
            The digits as a string.
        """
        chunks = [format(self.below(1 << 32), "08x") for _ in range(-(-n // 8))]
        return "".join(chunks)[:n]
