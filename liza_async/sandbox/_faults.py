"""Fault injection: which request meets which fault, and what a malformed answer looks like.

Each request whose raw path matches ``FaultConfig.paths`` takes the next draws from one random
stream seeded by the sandbox seed, so a given sequence of requests meets the same faults on
every run (concurrent clients vary only in which request comes first).
"""

from __future__ import annotations

import fnmatch
import functools
import random
import re
from collections import Counter
from typing import Literal

import attrs

from ._config import FaultConfig, Shape
from ._render import JSON, dumps, list_body

__all__ = ["HUGE_BYTES", "Fate", "FaultPlan", "malformed_body"]

Action = Literal["error", "drop", "stall", "truncate", "burst_429"]

# The size of the ``huge`` malformed answer: a valid page far larger than any real one.
HUGE_BYTES = 32 * 1024 * 1024
_DEPTH = 100_000


@attrs.frozen
class Fate:
    """What happens to one request.

    Attributes:
        action: The fault replacing or breaking the answer, or None.
        status: The error status for ``error``.
        malformed: Whether a records answer is replaced by a malformed one.
        delay: Extra latency in seconds.
    """

    action: Action | None
    status: int
    malformed: bool
    delay: float


class FaultPlan:
    """Decides the faults for a sandbox, request by request.

    Args:
        config: The faults to inject.
        seed: Seeds the random stream.
    """

    def __init__(self, config: FaultConfig, seed: int) -> None:
        self.config = config
        self.enabled = config.enabled
        self._random = random.Random(seed)
        self._seen = 0
        self._paths = re.compile("|".join(fnmatch.translate(p) for p in config.paths) or "$^")
        self._lists: Counter[tuple[str, str]] = Counter()

    def applies(self, path: str) -> bool:
        """Whether faults apply to a raw request path.

        Args:
            path: The raw path, without the query.

        Returns:
            True when faults are on and the path matches ``paths`` (never the authorize page).
        """
        return (
            self.enabled
            and not path.startswith("/sandbox/")
            and self._paths.match(path) is not None
        )

    def draw(self) -> Fate:
        """The fate of the next faultable request.

        Returns:
            Its fate.
        """
        config = self.config
        band, pick, malformed, jitter = (self._random.random() for _ in range(4))
        seen, self._seen = self._seen, self._seen + 1
        action: Action | None = None
        cycle = config.burst_429_every + config.burst_429_length
        if config.burst_429_every and seen % cycle >= config.burst_429_every:
            action = "burst_429"
        else:
            for name, rate in (
                ("error", config.error_rate),
                ("drop", config.drop_rate),
                ("stall", config.stall_rate),
                ("truncate", config.truncate_rate),
            ):
                if band < rate:
                    action = name  # type: ignore[assignment]
                    break
                band -= rate
        return Fate(
            action=action,
            status=(500, 502, 503)[int(pick * 3)],
            malformed=config.malformed is not None and malformed < config.malformed_rate,
            delay=jitter * config.jitter_ms / 1000.0,
        )

    def insert_due(self, category: str, object_type: str) -> bool:
        """Count one served list of an object type.

        Args:
            category: The category.
            object_type: The object type.

        Returns:
            True when a new record is due (every ``insert_every`` lists).
        """
        every = self.config.insert_every
        if not every:
            return False
        self._lists[category, object_type] += 1
        return self._lists[category, object_type] % every == 0


def malformed_body(kind: str, shape: Shape, body: bytes) -> tuple[bytes, str]:
    """A broken version of a records answer (still sent with status 200).

    Args:
        kind: One of ``MALFORMED_KINDS``.
        shape: The configured list shape.
        body: The real answer's body.

    Returns:
        The body and its content type.
    """
    if kind == "html":
        return b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"
    if kind == "not_json":
        return b"Service temporarily unavailable; please try again later.", JSON
    if kind == "truncated_json":
        return body[: len(body) // 2], JSON
    if kind == "wrong_types":
        return _wrong_types(shape), JSON
    if kind == "empty":
        return b"", JSON
    if kind == "error_object":
        return b'{"error":{"code":"UPSTREAM_ERROR","message":"the provider failed"}}', JSON
    if kind == "wrong_content_type":
        return body, "text/plain; charset=utf-8"
    if kind == "invalid_utf8":
        start = body.find(b'":"') + 3
        return (body[:start] + b"\xff\xfe" + body[start:] if start > 2 else b'["\xff\xfe"]'), JSON
    if kind == "deep_nesting":
        return b"[" * _DEPTH + b"]" * _DEPTH, JSON
    if kind == "huge":
        return _huge(shape), JSON
    raise ValueError(f"unknown malformed kind {kind!r}")


def _wrong_types(shape: Shape) -> bytes:
    """Records whose fields have the wrong JSON types, with pagination numbers as strings."""
    records = [
        {
            "id": 12345,
            "name": ["not", "a", "string"],
            "emails": "nobody@example.com",
            "created_at": 1700000000,
            "updated_at": True,
        }
    ]
    page = {"limit": "50", "offset": "0", "total": "1", "has_more": "false"}
    if shape == "bare":
        return dumps(records)
    if shape == "mcp":
        return dumps({"items": records, **page})
    return dumps({"data": records, "pagination": page})


@functools.lru_cache(maxsize=1)
def _huge(shape: Shape) -> bytes:
    items = b'[{"id":"huge","notes":"' + b"x" * HUGE_BYTES + b'"}]'
    return list_body(shape, items, count=1, total=1, limit=50, offset=0)[0]
