"""liza: the async Python SDK for the Liza Integrations API."""

from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ExportError,
    InternalServerError,
    LizaError,
    LizaValidationError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    UnprocessableEntityError,
    UpstreamError,
)
from ._types import NOT_GIVEN, Category, NotGiven
from ._version import __version__

__all__ = [
    "__version__",
    "Category",
    "NOT_GIVEN",
    "NotGiven",
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
]
