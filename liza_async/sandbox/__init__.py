"""A local, faithful Liza Integrations API for development and tests: ``liza sandbox``.

It serves the eight ``/api/v1/integrations`` endpoints on loopback with deterministic generated
data for the twelve categories, the OAuth connect flow, passthrough to a small fake provider,
Bearer auth, a token-bucket rate limit, a choice of list shape, and fault injection. It also
serves Unified.to's own list route, ``GET /{unified_category}/{connection_id}/{object}``.

Example::

    from liza_async.sandbox import SandboxConfig, run_in_thread

    with run_in_thread(SandboxConfig(records=100, rate_limit=0)) as sandbox:
        url = sandbox.base_url / "v1/integrations" / sandbox.connection_id("crm") / "crm/contact"
        ...  # GET url with "Authorization: Bearer " + sandbox.token

Errors have the body ``{"statusCode": N, "error": "<reason phrase>", "message": "..."}`` and
every answer carries ``X-Request-Id``. Passthrough answers carry ``X-Liza-Upstream``.
"""

from ._config import MALFORMED_KINDS, SHAPES, FaultConfig, SandboxConfig, Shape
from ._records import RecordsView
from ._server import RunningSandbox, run_in_thread, serve
from ._stats import SandboxStats

__all__ = [
    "SandboxConfig",
    "FaultConfig",
    "Shape",
    "SHAPES",
    "MALFORMED_KINDS",
    "serve",
    "run_in_thread",
    "RunningSandbox",
    "RecordsView",
    "SandboxStats",
]
