"""One exception tree, shared by the async client and the sync facade.

Every error is picklable (state travels, never a live object), and none carries the API token:
headers are redacted and the client scrubs its token from messages and bodies before raising.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._export import ExportCheckpoint

__all__ = [
    "LizaError",
    "LizaValidationError",
    "APIConnectionError",
    "APITimeoutError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "UpstreamError",
    "ResponseDecodeError",
    "ExportError",
    "status_error_class",
    "REDACTED",
    "redact_headers",
]

REDACTED = "[redacted]"

_SECRET_HEADER_PARTS = ("authorization", "cookie", "token", "secret", "key", "signature")


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Return a copy of ``headers`` with every credential-bearing value replaced.

    Args:
        headers: Request or response headers.

    Returns:
        A plain dict; values of headers such as ``Authorization``, ``Cookie``, ``Set-Cookie`` or
        any name containing "token", "secret", "key" or "signature" read ``[redacted]``.
    """
    return {
        name: REDACTED if any(part in name.lower() for part in _SECRET_HEADER_PARTS) else value
        for name, value in headers.items()
    }


def _rebuild(cls: type[LizaError], state: dict[str, Any]) -> LizaError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    error.args = (state.get("message", ""),)
    return error


class LizaError(Exception):
    """The base class of every error raised by liza.

    Attributes:
        message: What went wrong, in words.
    """

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        state = dict(self.__dict__)
        state.pop("__traceback__", None)
        return (_rebuild, (type(self), state))


class LizaValidationError(LizaError, ValueError):
    """An argument is invalid; raised before any request is sent.

    Attributes:
        param: The name of the offending argument.
    """

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"invalid {param}: {message}")
        self.param = param


class APIConnectionError(LizaError):
    """No usable answer arrived: the connection failed, broke, or was refused.

    Attributes:
        method: The HTTP method of the request.
        url: The URL of the request (never with credentials).
        attempts: How many attempts were made, retries included.
    """

    def __init__(self, message: str, *, method: str = "", url: str = "", attempts: int = 1) -> None:
        super().__init__(message)
        self.method = method
        self.url = url
        self.attempts = attempts

    def __str__(self) -> str:
        where = f" ({self.method} {self.url}" if self.method else ""
        if where:
            where += f", {self.attempts} attempt{'s' if self.attempts != 1 else ''})"
        return f"{self.message}{where}"


class APITimeoutError(APIConnectionError):
    """The request did not complete within its timeout."""


class APIStatusError(LizaError):
    """The API answered with an error status (4xx or 5xx).

    Attributes:
        status_code: The HTTP status.
        request_id: The request id the server sent (``X-Request-Id`` and similar), if any.
        method: The HTTP method of the request.
        url: The URL of the request.
        headers: The response headers, with credentials redacted.
        body: The raw response body.
        attempts: How many attempts were made, retries included.
    """

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        method: str = "",
        url: str = "",
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
        request_id: str | None = None,
        attempts: int = 1,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.method = method
        self.url = url
        self.headers = redact_headers(headers or {})
        self.body = body
        self.request_id = request_id
        self.attempts = attempts

    def __str__(self) -> str:
        details = [f"{self.method} {self.url}".strip()] if self.method or self.url else []
        if self.request_id:
            details.append(f"request id {self.request_id}")
        if self.attempts != 1:
            details.append(f"{self.attempts} attempts")
        suffix = f" ({', '.join(details)})" if details else ""
        return f"{self.status_code} {self.message}{suffix}"


class BadRequestError(APIStatusError):
    """400: the API rejected the request as invalid."""


class AuthenticationError(APIStatusError):
    """401: the token is missing, wrong or expired."""


class PermissionDeniedError(APIStatusError):
    """403: the token may not do this (role, or a category the connection was not granted)."""


class NotFoundError(APIStatusError):
    """404: no such connection, object type or route."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but could not be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests.

    Attributes:
        retry_after: Seconds the server asked to wait, when it said.
    """

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """5xx: the API or something behind it failed."""


class UpstreamError(APIStatusError):
    """A passthrough call reached the third-party system, which answered with an error status.

    Raised only by :meth:`PassthroughResponse.raise_for_status`; passthrough calls themselves
    return the third-party answer whatever its status.
    """


class ResponseDecodeError(LizaError):
    """The API answered, but the body is not what was expected (invalid JSON, wrong shape or type).

    Attributes:
        reason: What is wrong, without the location.
        path: Where in the body the problem is, e.g. ``data[3].emails[0].email`` ('' for the whole).
        status_code: The HTTP status of the response.
        url: The URL of the request.
        body: The raw body (at most the first 64 KiB).
    """

    def __init__(
        self,
        reason: str,
        *,
        path: str = "",
        status_code: int | None = None,
        url: str = "",
        body: bytes = b"",
    ) -> None:
        where = f" at {path}" if path else ""
        source = f" (HTTP {status_code} from {url})" if status_code is not None and url else ""
        super().__init__(f"{reason}{where}{source}")
        self.reason = reason
        self.path = path
        self.status_code = status_code
        self.url = url
        self.body = body[:65536]


class ExportError(LizaError):
    """A bulk export stopped on an error; ``checkpoint`` says where, and resumes it.

    Attributes:
        checkpoint: Pass it as ``checkpoint=`` to the same export call to continue exactly where
            this one stopped, without losing or repeating a record.
        cause: The error that stopped the export.
    """

    def __init__(self, message: str, *, checkpoint: ExportCheckpoint, cause: LizaError) -> None:
        super().__init__(message)
        self.checkpoint = checkpoint
        self.cause = cause


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """Return the exception class for an HTTP error status.

    Args:
        status: An HTTP status of 400 or more.

    Returns:
        The most specific :class:`APIStatusError` subclass for ``status``.
    """
    if status >= 500:
        return InternalServerError
    return _BY_STATUS.get(status, APIStatusError)
