"""Provider-looking record ids: each format is an injective function of (kind key, index).

A format never repeats an id within a type, and a different seed (hence kind key) changes
every id.
"""

from __future__ import annotations

import functools
import math
import string
from collections.abc import Callable, Sequence
from typing import Protocol

import attrs

from ._rng import GAMMA, mix

__all__ = [
    "BASE32HEX",
    "BASE36",
    "BASE62",
    "HEX",
    "IdFormat",
    "Numeric",
    "Token",
    "Uuid",
]

HEX = "0123456789abcdef"
BASE32HEX = "0123456789abcdefghijklmnopqrstuv"
BASE36 = string.digits + string.ascii_uppercase
BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


class IdFormat(Protocol):
    """Turns a record index into its id."""

    def __call__(self, key: int, index: int) -> str:
        """Return the id of record ``index`` of the kind whose seeded key is ``key``."""

    def compile(self, key: int) -> Callable[[Sequence[int]], list[str]]:
        """Return the ids function (indices -> ids) of the kind whose seeded key is ``key``."""


class _PerIndex:
    """``compile`` for formats with nothing to precompute: one call per index."""

    def __call__(self, key: int, index: int) -> str:
        raise NotImplementedError

    def compile(self, key: int) -> Callable[[Sequence[int]], list[str]]:
        """Return the ids function (indices -> ids) of the kind whose seeded key is ``key``."""
        return lambda indices: [self(key, i) for i in indices]


@attrs.frozen
class Numeric:
    """Increasing numeric ids with gaps, like HubSpot's or Zendesk's.

    Args:
        digits: roughly how many digits the ids have.
    """

    digits: int = 8

    def __call__(self, key: int, index: int) -> str:
        return self.compile(key)((index,))[0]

    @functools.lru_cache(maxsize=256)  # noqa: B019 - a handful of kinds per dataset
    def compile(self, key: int) -> Callable[[Sequence[int]], list[str]]:
        """Return the ids function (indices -> ids) of one kind: the hot path of every page."""
        step = 2 + key % 9
        base = 10 ** (self.digits - 1) + (key >> 16) % 10 ** (self.digits - 1)

        def numeric_ids(indices: Sequence[int]) -> list[str]:
            return [str(base + i * step + (i * 2_654_435_761 >> 16) % step) for i in indices]

        return numeric_ids


def _wide(key: int, modulus: int) -> int:
    """Return a pseudo-random integer below ``modulus`` with every digit mixed."""
    value = 0
    for word in range(modulus.bit_length() // 64 + 2):
        value = value << 64 | mix(key + word * GAMMA)
    return value % modulus


@functools.cache
def _multiplier(modulus: int) -> tuple[int, int]:
    """Return a multiplier coprime to ``modulus`` and its inverse."""
    multiplier = _wide(GAMMA, modulus) | 1
    while math.gcd(multiplier, modulus) != 1:
        multiplier += 2
    return multiplier, pow(multiplier, -1, modulus)


@functools.cache
def _spellings(alphabet: str) -> tuple[str, ...]:
    """Every string of three characters (two for large alphabets) over ``alphabet``, in order."""
    pairs = tuple(a + b for a in alphabet for b in alphabet)
    return pairs if len(alphabet) > 40 else tuple(p + c for p in pairs for c in alphabet)


@functools.lru_cache(maxsize=1024)
def _offset(key: int, modulus: int) -> int:
    return _wide(key, modulus)


@attrs.frozen
class Token(_PerIndex):
    """Fixed-width tokens over an alphabet.

    An affine bijection with a wide multiplier, so every digit varies from one index to the next.

    Args:
        alphabet: the characters of the token.
        width: how many characters.
        prefix: fixed text before the token.
        suffix: fixed text after the token.
    """

    alphabet: str
    width: int
    prefix: str = ""
    suffix: str = ""

    def __call__(self, key: int, index: int) -> str:
        return self.prefix + self.encode(self.number(key, index)) + self.suffix

    @property
    def modulus(self) -> int:
        """How many distinct tokens exist (and so how many indices are injective)."""
        return int(len(self.alphabet) ** self.width)

    def number(self, key: int, index: int) -> int:
        """Return the token's integer value for ``index``."""
        modulus = self.modulus
        return (index * _multiplier(modulus)[0] + _offset(key, modulus)) % modulus

    def encode(self, value: int) -> str:
        """Spell ``value`` with ``width`` characters of the alphabet (a few at a time)."""
        if self.alphabet == HEX:
            return format(value, f"0{self.width}x")
        spellings = _spellings(self.alphabet)
        size = len(spellings[0])
        chunks = []
        for _ in range(-(-self.width // size)):
            value, chunk = divmod(value, len(spellings))
            chunks.append(spellings[chunk])
        return "".join(reversed(chunks))[-self.width :]


@attrs.frozen
class Uuid(_PerIndex):
    """Version-4-shaped UUIDs."""

    def __call__(self, key: int, index: int) -> str:
        text = _UUID_BODY(key, index)
        variant = "89ab"[mix(key + index) % 4]
        return f"{text[:8]}-{text[8:12]}-4{text[12:15]}-{variant}{text[15:18]}-{text[18:]}"


_UUID_BODY = Token(HEX, 30)
