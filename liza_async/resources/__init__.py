"""One class per API area; each method validates its arguments and makes one request."""

from .connections import AsyncConnections
from .integrations import AsyncIntegrations
from .passthrough import AsyncPassthrough
from .records import AsyncRecords

__all__ = ["AsyncConnections", "AsyncIntegrations", "AsyncPassthrough", "AsyncRecords"]
