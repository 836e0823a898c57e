"""Sans-I/O protocol logic: build requests, read responses, map statuses to errors, plan retries.

Nothing here touches the network, so all of it is tested on recorded answers without a server.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import json
import math
import random
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import quote

import attrs
import yarl

from ._config import ClientConfig, RetryPolicy
from ._errors import (
    REDACTED,
    APIStatusError,
    RateLimitError,
    ResponseDecodeError,
    status_error_class,
)
from ._gc import paused

try:  # orjson is optional (the "fast" extra); the stdlib parser is the fallback.
    import orjson

    _loads: Callable[[bytes], Any] = orjson.loads
    _DECODE_ERRORS: tuple[type[BaseException], ...] = (orjson.JSONDecodeError, ValueError)
except ImportError:  # pragma: no cover - exercised in environments without orjson
    _loads = json.loads
    _DECODE_ERRORS = (ValueError,)

__all__ = [
    "ListBody",
    "Request",
    "Response",
    "RETRYABLE_STATUSES",
    "backoff_delay",
    "build_request",
    "decoding",
    "encode_json",
    "error_for",
    "parse_json",
    "path_url",
    "read_list",
    "read_object",
    "retry_after",
]

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
_REQUEST_ID_HEADERS = (
    "X-Request-Id",
    "Request-Id",
    "X-Correlation-Id",
    "X-Amzn-RequestId",
    "X-Trace-Id",
)
_ERROR_KEYS = frozenset(
    {"error", "errors", "message", "statusCode", "status", "code", "detail", "success"}
)


@attrs.frozen
class Request:
    """One HTTP request, ready to send.

    Attributes:
        method: The HTTP method.
        url: The full URL.
        headers: Every header, the ``Authorization`` one included (so never shown in ``repr``).
        body: The encoded body, if any.
        idempotent: Whether sending it twice is harmless; decides what may be retried.
    """

    method: str
    url: yarl.URL
    headers: Mapping[str, str] = attrs.field(repr=False)
    body: bytes | None = attrs.field(default=None, repr=False)
    idempotent: bool = True


@attrs.frozen
class Response:
    """One HTTP answer, read whole.

    Attributes:
        status: The HTTP status.
        headers: The response headers (case-insensitive mapping).
        body: The raw body.
        request: The request that was answered.
        attempts: Attempts made, retries included.
        throttled: How many of those attempts were answered 429.
        elapsed: Seconds from the first attempt to this answer.
    """

    status: int
    headers: Mapping[str, str]
    body: bytes = attrs.field(repr=lambda body: f"<{len(body)} bytes>")
    request: Request
    attempts: int = 1
    throttled: int = 0
    elapsed: float = 0.0


@attrs.frozen
class ListBody:
    """The items of a list answer, and what it said about the rest.

    Attributes:
        items: The raw JSON items.
        total: The total number of matching items, when the API said.
        has_more: Whether more items follow, when the API said.
        path: Where the items sit in the body ("data", "items", or "" for a bare array).
    """

    items: list[Any]
    total: int | None = None
    has_more: bool | None = None
    path: str = ""


@functools.lru_cache(maxsize=1024)  # ids repeat on every page of an export
def _segment(value: str) -> str:
    # quote() leaves "." alone; a segment of dots would be resolved as "here" or "up" by URL
    # normalisation, so those are escaped too.
    encoded = quote(value, safe="")
    return encoded.replace(".", "%2E") if set(value) <= {"."} else encoded


def path_url(base: yarl.URL, segments: Iterable[str]) -> yarl.URL:
    """Append ``segments`` to ``base``, each encoded as exactly one path segment.

    Args:
        base: The API root, e.g. ``https://api.eu.liza.app/api``.
        segments: Path segments such as ``("v1", "integrations", connection_id)``; any character
            is allowed in them (``/``, ``..``, ``?``, ``#``, ``%``, spaces...).

    Returns:
        The URL; no segment can change the route.
    """
    path = base.raw_path.rstrip("/") + "/" + "/".join(_segment(s) for s in segments)
    return base.with_path(path, encoded=True)


def encode_json(data: Any) -> bytes:
    """Encode JSON-ready data compactly as UTF-8."""
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def build_request(
    config: ClientConfig,
    method: str,
    segments: Iterable[str],
    *,
    params: Mapping[str, str | int] | None = None,
    body: Any = None,
    extra_headers: Mapping[str, str] | None = None,
    idempotent: bool | None = None,
) -> Request:
    """Build a request to the Liza API.

    Args:
        config: The client's settings (base URL, token, default headers).
        method: The HTTP method.
        segments: Path segments below the base URL.
        params: Query parameters.
        body: JSON-ready data for the body, or ``None`` for no body.
        extra_headers: Headers for this call, over the defaults.
        idempotent: Whether a retry is harmless (default: true for GET and DELETE).

    Returns:
        The request.
    """
    url = path_url(config.base_url, segments)
    if params:
        url = url.with_query(params)
    headers = {
        "Accept": "application/json",
        "User-Agent": config.user_agent,
        **config.default_headers,
        **(extra_headers or {}),
        "Authorization": f"Bearer {config.token}",
    }
    encoded = None
    if body is not None:
        encoded = encode_json(body)
        headers["Content-Type"] = "application/json"
    if idempotent is None:
        idempotent = method in ("GET", "HEAD", "DELETE", "PUT")
    return Request(method=method, url=url, headers=headers, body=encoded, idempotent=idempotent)


def retry_after(headers: Mapping[str, str], *, now: float) -> float | None:
    """Read how long the server asked to wait.

    Understands ``retry-after-ms``, ``Retry-After`` (seconds or an HTTP date) and
    ``X-RateLimit-Reset`` (seconds, or a Unix time).

    Args:
        headers: The response headers.
        now: The current Unix time (for dates).

    Returns:
        Seconds to wait (>= 0), or ``None`` when the server did not say.
    """
    value = headers.get("retry-after-ms")
    if value is not None:
        seconds = _number(value)
        if seconds is not None:
            return seconds / 1000.0
    value = headers.get("Retry-After")
    if value is not None:
        seconds = _number(value)
        if seconds is not None:
            return seconds
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            when = None
        if when is not None:
            return max(0.0, when.timestamp() - now)
    value = headers.get("X-RateLimit-Reset")
    if value is not None:
        seconds = _number(value)
        if seconds is not None:
            return max(0.0, seconds - now) if seconds > 1e9 else seconds
    return None


def _number(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def backoff_delay(
    retry_number: int, policy: RetryPolicy, rand: Callable[[], float] = random.random
) -> float:
    """Return the wait before a retry: exponential backoff with full jitter.

    Args:
        retry_number: 1 for the first retry, 2 for the second, ...
        policy: The retry settings (base and cap).
        rand: A source of floats in [0, 1).

    Returns:
        Seconds, uniform between 0 and ``min(cap, base * 2 ** (retry_number - 1))``.
    """
    ceiling = min(policy.backoff_cap, policy.backoff_base * 2.0 ** (retry_number - 1))
    return rand() * ceiling


_MIN_SCRUB = 6  # shorter "tokens" (test stubs) would garble every message they appear in


def _scrub(text: str, token: str) -> str:
    return text.replace(token, REDACTED) if len(token) >= _MIN_SCRUB else text


def _message_from(payload: Any) -> str | None:
    """Find a human message in an error body (design.md §2)."""
    if not isinstance(payload, dict):
        return None
    candidates: list[Any] = [payload.get("message")]
    error = payload.get("error")
    if isinstance(error, dict):
        candidates.append(error.get("message"))
    candidates += [payload.get("detail"), error]
    errors = payload.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        candidates.append(errors[0].get("message"))
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    return None


def _request_id(headers: Mapping[str, str]) -> str | None:
    for name in _REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None


def error_for(response: Response, *, token: str, now: float) -> APIStatusError:
    """Build the typed error for an answer that is not a success.

    Args:
        response: An answer with a status of 300 or more.
        token: The client's token, scrubbed from the message and the body.
        now: The current Unix time (to read an HTTP-date ``Retry-After``).

    Returns:
        The most specific :class:`APIStatusError` for the status, carrying status, message,
        request id, method, URL, redacted headers, body and attempts.
    """
    status = response.status
    try:
        payload = json.loads(response.body) if response.body else None
    except (ValueError, RecursionError):
        payload = None
    message = _message_from(payload)
    if message is None:
        if 300 <= status < 400:
            location = response.headers.get("Location", "?")
            message = f"unexpected redirect to {location} (liza does not follow redirects)"
        else:
            snippet = response.body[:200].decode("utf-8", errors="replace").strip()
            message = snippet or "no message in the answer"
    token_bytes = token.encode()
    fields: dict[str, Any] = {
        "status_code": status,
        "method": response.request.method,
        "url": str(response.request.url),
        "headers": response.headers,
        "body": response.body.replace(token_bytes, REDACTED.encode())
        if len(token) >= _MIN_SCRUB
        else response.body,
        "request_id": _request_id(response.headers),
        "attempts": response.attempts,
    }
    cls = status_error_class(status) if status >= 400 else APIStatusError
    if cls is RateLimitError:
        return RateLimitError(
            _scrub(message, token), retry_after=retry_after(response.headers, now=now), **fields
        )
    return cls(_scrub(message, token), **fields)


def _decode_error(response: Response, message: str, path: str = "") -> ResponseDecodeError:
    return ResponseDecodeError(
        message,
        path=path,
        status_code=response.status,
        url=str(response.request.url),
        body=response.body,
    )


def parse_json(response: Response) -> Any:
    """Parse a success body as JSON.

    Args:
        response: An answer with a 2xx status.

    Returns:
        The parsed body.

    Raises:
        ResponseDecodeError: The body is empty, not JSON, not UTF-8, nested too deeply, or the
            content type says it is something else.
    """
    content_type = response.headers.get("Content-Type", "")
    if content_type and "json" not in content_type.lower():
        kind = content_type.split(";")[0].strip()
        snippet = response.body[:120].decode("utf-8", errors="replace").strip()
        raise _decode_error(
            response,
            f"expected a JSON answer, got {kind}: {snippet!r}"
            if snippet
            else f"expected a JSON answer, got an empty {kind}",
        )
    if not response.body.strip():
        raise _decode_error(response, "expected a JSON answer, got an empty body")
    try:
        with paused():
            return _loads(response.body)
    except RecursionError:
        raise _decode_error(response, "the JSON answer is nested too deeply") from None
    except _DECODE_ERRORS as exc:
        raise _decode_error(response, f"the answer is not valid JSON ({exc})") from None


def _looks_like_error(payload: dict[str, Any]) -> bool:
    return payload.keys() <= _ERROR_KEYS and (
        "error" in payload or "errors" in payload or payload.get("success") is False
    )


def _check_error_object(response: Response, payload: Any) -> None:
    if isinstance(payload, dict) and payload and _looks_like_error(payload):
        message = _message_from(payload) or "no message"
        raise _decode_error(
            response, f"the API answered {response.status} but the body is an error: {message}"
        )


def read_object(response: Response) -> dict[str, Any]:
    """Read a single-object answer, bare or wrapped in ``{"data": {...}}``.

    Args:
        response: A 2xx answer.

    Returns:
        The object.

    Raises:
        ResponseDecodeError: The body is not a JSON object, or is an error object.
    """
    payload = parse_json(response)
    _check_error_object(response, payload)
    if (
        isinstance(payload, dict)
        and isinstance(payload.get("data"), dict)
        and payload.keys() <= {"data", "meta", "success", "message"}
    ):
        payload = payload["data"]
    if not isinstance(payload, dict):
        raise _decode_error(response, f"expected a JSON object, got {_kind(payload)}")
    return payload


def read_list(response: Response) -> ListBody:
    """Read a list answer in any of the shapes design.md §2 tolerates.

    Shapes: a bare array; ``{"data": [...]}`` with or without ``pagination``;
    ``{"items": [...], "total", "has_more"}``. A total may also come as ``X-Total-Count``.

    Args:
        response: A 2xx answer.

    Returns:
        The items, and the total and has-more flag when the answer gave them.

    Raises:
        ResponseDecodeError: The body is none of these shapes, or a total/flag has the wrong type.
    """
    payload = parse_json(response)
    _check_error_object(response, payload)
    total: Any = None
    has_more: Any = None
    where = path = ""
    if isinstance(payload, list):
        items = payload
    elif isinstance(payload, dict) and isinstance(payload.get("data"), list):
        items, path = payload["data"], "data"
        meta = payload.get("pagination", payload.get("meta"))
        if isinstance(meta, dict):
            total, has_more, where = meta.get("total"), meta.get("has_more"), "pagination."
        elif meta is not None:
            raise _decode_error(response, f"expected an object, got {_kind(meta)}", "pagination")
    elif isinstance(payload, dict) and isinstance(payload.get("items"), list):
        items, total, has_more = payload["items"], payload.get("total"), payload.get("has_more")
        path = "items"
    else:
        raise _decode_error(
            response,
            'expected a list: a JSON array, {"data": [...]} or {"items": [...]}; '
            f"got {_kind(payload)}",
        )
    if total is None:
        header = response.headers.get("X-Total-Count")
        if header is not None:
            total, where = _header_int(response, header), ""
    if total is not None and (type(total) is not int or total < 0):
        raise _decode_error(response, f"expected a count >= 0, got {total!r}", f"{where}total")
    if has_more is not None and type(has_more) is not bool:
        raise _decode_error(
            response, f"expected true or false, got {has_more!r}", f"{where}has_more"
        )
    return ListBody(items=items, total=total, has_more=has_more, path=path)


@contextlib.contextmanager
def decoding(response: Response) -> Iterator[None]:
    """Give any :class:`ResponseDecodeError` raised inside the answer's status, URL and body."""
    try:
        yield
    except ResponseDecodeError as exc:
        if exc.status_code is not None:
            raise
        raise ResponseDecodeError(
            exc.reason,
            path=exc.path,
            status_code=response.status,
            url=str(response.request.url),
            body=response.body,
        ) from None


def _header_int(response: Response, value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise _decode_error(response, f"X-Total-Count is not a whole number: {value!r}") from None


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        keys = ", ".join(sorted(value)[:6])
        return f"an object with keys {keys}" if keys else "an empty object"
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )
