"""Client settings: frozen, validated once, read from arguments first and the environment second."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping

import attrs
import yarl

from ._errors import LizaValidationError
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "ClientConfig",
    "RetryPolicy",
    "Timeout",
    "load_config",
]

DEFAULT_BASE_URL = yarl.URL("https://api.eu.liza.app/api")
DEFAULT_RATE_LIMIT = 240.0
"""The documented limit: requests per minute per token."""


@attrs.frozen
class Timeout:
    """How long a request may take, in seconds (``None``: no limit of that kind).

    Args:
        total: The whole request, from asking for a connection to the last byte (per attempt).
        connect: Opening a connection (including waiting for a free one in the pool).
        read: The longest silence while reading the answer.
    """

    total: float | None = 60.0
    connect: float | None = 10.0
    read: float | None = 30.0

    @classmethod
    def of(cls, value: float | Timeout | None) -> Timeout:
        """Normalise a user's ``timeout=`` argument.

        Args:
            value: Seconds for the whole request, a :class:`Timeout`, or ``None`` for no limit.

        Returns:
            A :class:`Timeout`.

        Raises:
            LizaValidationError: A number that is not positive.
        """
        if isinstance(value, Timeout):
            return value
        if value is None:
            return cls(total=None, connect=None, read=None)
        if isinstance(value, bool) or value <= 0:
            raise LizaValidationError(
                "timeout", f"expected seconds > 0, a Timeout, or None; got {value!r}"
            )
        seconds = float(value)
        return cls(total=seconds, connect=min(seconds, 10.0), read=seconds)


def check_retries(value: int | float) -> int:
    """Validate a ``max_retries`` value.

    Args:
        value: The number of retries asked for.

    Returns:
        It, as an int.

    Raises:
        LizaValidationError: Not a whole number from 0 to 100.
    """
    if isinstance(value, bool) or value != int(value) or not 0 <= value <= 100:
        raise LizaValidationError(
            "max_retries", f"expected a whole number from 0 to 100; got {value!r}"
        )
    return int(value)


@attrs.frozen
class RetryPolicy:
    """When and how long to wait before trying again.

    Args:
        max_retries: Retries after the first attempt (0 disables retrying).
        backoff_base: The first backoff ceiling in seconds; it doubles per retry.
        backoff_cap: The largest backoff ceiling in seconds ("full jitter": the wait is uniform
            between 0 and the ceiling).
        max_retry_after: The longest ``Retry-After`` liza waits for; a longer one raises
            :class:`RateLimitError` with ``retry_after`` set instead of sleeping.
    """

    max_retries: int = attrs.field(default=2)
    backoff_base: float = attrs.field(default=0.5)
    backoff_cap: float = attrs.field(default=8.0)
    max_retry_after: float = attrs.field(default=60.0)

    @max_retries.validator
    def _check_retries(self, _: attrs.Attribute[int], value: int) -> None:
        check_retries(value)

    @backoff_base.validator
    @backoff_cap.validator
    @max_retry_after.validator
    def _check_seconds(self, attribute: attrs.Attribute[float], value: float) -> None:
        if isinstance(value, bool) or not value >= 0:
            raise LizaValidationError(attribute.name, f"expected seconds >= 0; got {value!r}")


@attrs.frozen
class ClientConfig:
    """Everything a client needs to send requests. Build it with :func:`load_config`."""

    token: str = attrs.field(repr=False)
    base_url: yarl.URL
    timeout: Timeout = Timeout()
    retry: RetryPolicy = RetryPolicy()
    rate_limit: float | None = DEFAULT_RATE_LIMIT
    rate_limit_burst: float = 10.0
    default_headers: Mapping[str, str] = attrs.field(factory=dict)
    max_response_bytes: int = 64 * 1024 * 1024
    user_agent: str = f"liza/{__version__} python"


def _is_loopback(host: str | None) -> bool:
    if host is None:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _parse_base_url(value: str | yarl.URL, *, allow_insecure_http: bool) -> yarl.URL:
    url = yarl.URL(value) if isinstance(value, str) else value
    if url.scheme not in ("http", "https") or not url.host:
        raise LizaValidationError(
            "base_url",
            f"expected an absolute http(s) URL such as {DEFAULT_BASE_URL}; got {value!s}",
        )
    if url.user or url.password:
        raise LizaValidationError("base_url", "credentials in the URL are not allowed; use token=")
    if url.scheme == "http" and not allow_insecure_http and not _is_loopback(url.host):
        raise LizaValidationError(
            "base_url",
            f"plain http:// to {url.host} would send the token unencrypted; use https://, "
            "or pass allow_insecure_http=True if you really mean it",
        )
    return url.with_query(None).with_fragment(None).with_path(url.path.rstrip("/"))


def _env_number(env: Mapping[str, str], name: str) -> float | None:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return None
    try:
        return float(raw)
    except ValueError:
        raise LizaValidationError(name, f"expected a number; got {raw!r}") from None


def load_config(
    token: str | None = None,
    *,
    base_url: str | yarl.URL | None = None,
    timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    retry_policy: RetryPolicy | None = None,
    rate_limit: float | NotGiven | None = NOT_GIVEN,
    rate_limit_burst: float = 10.0,
    default_headers: Mapping[str, str] | None = None,
    allow_insecure_http: bool = False,
    max_response_bytes: int = 64 * 1024 * 1024,
    env: Mapping[str, str] | None = None,
) -> ClientConfig:
    """Build and validate a :class:`ClientConfig`; explicit arguments win over the environment.

    Environment variables: ``LIZA_API_TOKEN``, ``LIZA_BASE_URL``, ``LIZA_TIMEOUT`` (seconds),
    ``LIZA_MAX_RETRIES``.

    Args:
        token: The API token (``liza_mcp_...``).
        base_url: The API root, default ``https://api.eu.liza.app/api``.
        timeout: Seconds per attempt, a :class:`Timeout`, or ``None`` for no limit.
        max_retries: Retries after the first attempt (overrides ``retry_policy``'s).
        retry_policy: Backoff and ``Retry-After`` settings (default :class:`RetryPolicy`).
        rate_limit: Requests per minute for the client-side limiter, ``None`` to turn it off.
        rate_limit_burst: Requests that may go out at once after an idle period.
        default_headers: Headers sent with every request.
        allow_insecure_http: Allow ``http://`` to a host other than loopback.
        max_response_bytes: The largest response body accepted.
        env: The environment to read (default ``os.environ``).

    Returns:
        The validated settings.

    Raises:
        LizaValidationError: A setting is missing or invalid; the message says what is allowed.
    """
    env = os.environ if env is None else env
    token = token if token is not None else env.get("LIZA_API_TOKEN")
    if not token or not token.strip():
        raise LizaValidationError(
            "token", "no API token given: pass token=... or set the LIZA_API_TOKEN variable"
        )
    if any(c in token for c in "\r\n") or token != token.strip():
        raise LizaValidationError("token", "the token contains whitespace or line breaks")
    url = _parse_base_url(
        base_url or env.get("LIZA_BASE_URL") or DEFAULT_BASE_URL,
        allow_insecure_http=allow_insecure_http,
    )
    if isinstance(timeout, NotGiven):
        env_timeout = _env_number(env, "LIZA_TIMEOUT")
        resolved_timeout = Timeout() if env_timeout is None else Timeout.of(env_timeout)
    else:
        resolved_timeout = Timeout.of(timeout)
    retries: int | float | None = (
        _env_number(env, "LIZA_MAX_RETRIES") if isinstance(max_retries, NotGiven) else max_retries
    )
    retry = retry_policy or RetryPolicy()
    if not isinstance(retry, RetryPolicy):
        raise LizaValidationError("retry_policy", f"expected a RetryPolicy; got {retry!r}")
    if retries is not None:
        retry = attrs.evolve(retry, max_retries=check_retries(retries))
    limit = DEFAULT_RATE_LIMIT if isinstance(rate_limit, NotGiven) else rate_limit
    if limit is not None and (isinstance(limit, bool) or limit <= 0):
        raise LizaValidationError(
            "rate_limit", f"expected requests per minute > 0 or None; got {limit!r}"
        )
    if rate_limit_burst < 1:
        raise LizaValidationError("rate_limit_burst", f"expected >= 1; got {rate_limit_burst!r}")
    if max_response_bytes < 1:
        raise LizaValidationError(
            "max_response_bytes", f"expected >= 1; got {max_response_bytes!r}"
        )
    return ClientConfig(
        token=token,
        base_url=url,
        timeout=resolved_timeout,
        retry=retry,
        rate_limit=limit,
        rate_limit_burst=rate_limit_burst,
        default_headers=dict(default_headers or {}),
        max_response_bytes=max_response_bytes,
    )
