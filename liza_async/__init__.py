"""liza: the async Python SDK for the Liza Integrations API.

Quick start::

    from liza_async import AsyncLiza, CrmContact

    async with AsyncLiza() as liza:  # token from LIZA_API_TOKEN
        connection = (await liza.connections.list())[0]
        async for contact in liza.records.export(connection.id, CrmContact):
            print(contact.name)
"""

from . import models
from ._client import AsyncLiza
from ._config import RetryPolicy, Timeout
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
from ._export import AsyncExport, ExportCheckpoint, ExportStats
from ._pagination import Page
from ._types import NOT_GIVEN, Category, NotGiven
from ._version import __version__
from .models import *  # noqa: F403  (every model is part of the public API)

__all__ = [
    "__version__",
    "AsyncLiza",
    "Timeout",
    "RetryPolicy",
    "Category",
    "Page",
    "AsyncExport",
    "ExportCheckpoint",
    "ExportStats",
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
    *models.__all__,
]
