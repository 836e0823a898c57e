"""The settings of a sandbox run: what it serves, how fast, and which faults it injects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs

__all__ = ["MALFORMED_KINDS", "SHAPES", "FaultConfig", "SandboxConfig", "Shape"]

Shape = Literal["envelope", "bare", "mcp"]
SHAPES: tuple[Shape, ...] = ("envelope", "bare", "mcp")

MALFORMED_KINDS = (
    "html",
    "not_json",
    "truncated_json",
    "wrong_types",
    "empty",
    "error_object",
    "wrong_content_type",
    "invalid_utf8",
    "deep_nesting",
    "huge",
)


def _fraction(_: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1, got {value!r}")


def _not_negative(_: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value!r}")


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _one_of(choices: tuple[str, ...]) -> Any:
    def check(_: Any, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and value not in choices:
            raise ValueError(f"{attribute.name} must be one of {', '.join(choices)}; got {value!r}")

    return check


@attrs.frozen(kw_only=True)
class FaultConfig:
    """Faults to inject, all off by default and deterministic for the sandbox's ``seed``.

    Each request to a path matching ``paths`` draws its fate from a random stream seeded by the
    sandbox seed, so the same sequence of requests meets the same faults on every run.

    Args:
        error_rate: Fraction of answers replaced by a 500, 502 or 503 error.
        drop_rate: Fraction of requests whose connection is closed without an answer.
        truncate_rate: Fraction of answers whose body is cut short (``Content-Length`` promises
            more than is sent, then the connection closes).
        stall_rate: Fraction of requests that are accepted and never answered.
        burst_429_every: After every this many requests, a burst of 429s (0 = never).
        burst_429_length: How many 429s each burst holds.
        burst_429_retry_after: The ``Retry-After`` seconds sent with burst 429s.
        jitter_ms: Extra latency, uniform between 0 and this, added to each request.
        insert_every: After every this many list requests on an object type, one new record is
            inserted at offset 0, shifting the others one position later (0 = never).
        malformed: A kind of broken 200 answer for the records endpoints, one of
            ``MALFORMED_KINDS`` (None = off).
        malformed_rate: Fraction of records answers made malformed when ``malformed`` is set.
        paths: Glob patterns (``fnmatch``, ``*`` crosses ``/``) of the raw request paths that
            faults apply to. The authorize page is never faulted.

    Raises:
        ValueError: A value is out of range.
    """

    error_rate: float = attrs.field(default=0.0, validator=_fraction)
    drop_rate: float = attrs.field(default=0.0, validator=_fraction)
    truncate_rate: float = attrs.field(default=0.0, validator=_fraction)
    stall_rate: float = attrs.field(default=0.0, validator=_fraction)
    burst_429_every: int = attrs.field(default=0, validator=_not_negative)
    burst_429_length: int = attrs.field(default=1, validator=_not_negative)
    burst_429_retry_after: int = attrs.field(default=1, validator=_not_negative)
    jitter_ms: float = attrs.field(default=0.0, validator=_not_negative)
    insert_every: int = attrs.field(default=0, validator=_not_negative)
    malformed: str | None = attrs.field(default=None, validator=_one_of(MALFORMED_KINDS))
    malformed_rate: float = attrs.field(default=1.0, validator=_fraction)
    paths: tuple[str, ...] = attrs.field(default=("/api/v1/*",), converter=_strings)

    def __attrs_post_init__(self) -> None:
        total = self.error_rate + self.drop_rate + self.truncate_rate + self.stall_rate
        if total > 1.0:
            raise ValueError(
                f"error_rate + drop_rate + truncate_rate + stall_rate must be <= 1, got {total}"
            )

    @property
    def enabled(self) -> bool:
        """Whether any fault is configured."""
        return bool(
            self.error_rate
            or self.drop_rate
            or self.truncate_rate
            or self.stall_rate
            or self.burst_429_every
            or self.jitter_ms
            or self.insert_every
            or self.malformed
        )


@attrs.frozen(kw_only=True)
class SandboxConfig:
    """How a sandbox serves.

    Args:
        host: The interface to listen on.
        port: The port (0 picks a free one).
        token: The Bearer token the sandbox accepts.
        seed: Seeds the generated data, the connection ids and the faults.
        records: The number of CRM contacts; other object types have sizes derived from it.
        shape: The list shape: ``envelope`` (``{"data", "pagination"}``), ``bare`` (a JSON array
            and ``X-Total-Count``) or ``mcp`` (``{"items", "total", "limit", "offset",
            "has_more"}``).
        rate_limit: Requests per minute per token on ``/api`` routes (0 = no limit).
        rate_burst: Requests allowed at once after idling (default: ``rate_limit``).
        latency_ms: Latency added to every answer.
        faults: The faults to inject.

    Raises:
        ValueError: A value is out of range.
    """

    host: str = "127.0.0.1"
    port: int = attrs.field(default=0)
    token: str = attrs.field(default="liza_mcp_sandbox")
    seed: int = 0
    records: int = attrs.field(default=1000)
    shape: Shape = attrs.field(default="envelope", validator=_one_of(SHAPES))
    rate_limit: int = attrs.field(default=240, validator=_not_negative)
    rate_burst: int = attrs.field(
        default=attrs.Factory(lambda self: self.rate_limit, takes_self=True),
        validator=_not_negative,
    )
    latency_ms: float = attrs.field(default=0.0, validator=_not_negative)
    faults: FaultConfig = attrs.field(factory=FaultConfig)

    @port.validator
    def _check_port(self, _: attrs.Attribute[int], value: int) -> None:
        if not 0 <= value <= 65535:
            raise ValueError(f"port must be between 0 and 65535, got {value}")

    @token.validator
    def _check_token(self, _: attrs.Attribute[str], value: str) -> None:
        if not value or any(c.isspace() for c in value):
            raise ValueError("token must be a non-empty string without whitespace")

    @records.validator
    def _check_records(self, _: attrs.Attribute[int], value: int) -> None:
        if value < 1:
            raise ValueError(f"records must be >= 1, got {value}")

    def __attrs_post_init__(self) -> None:
        if self.rate_limit and self.rate_burst < 1:
            raise ValueError("rate_burst must be >= 1 when a rate limit is set")
