"""``liza.passthrough``: raw calls to the third-party system behind a connection."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import _validate
from .._config import Timeout
from .._converter import unstructure
from .._types import NOT_GIVEN, NotGiven
from ..models import PassthroughRequest, PassthroughResponse
from ._base import AsyncResource

__all__ = ["AsyncPassthrough", "UPSTREAM_HEADER"]

UPSTREAM_HEADER = "X-Liza-Upstream"
"""Marks an answer that comes from the third party (the sandbox sets it; see the README)."""


class AsyncPassthrough(AsyncResource):
    """Call the third-party API of a connection directly, through Liza."""

    async def request(
        self,
        connection_id: str,
        method: str,
        path: str,
        /,
        *,
        data: Mapping[str, Any] | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PassthroughResponse:
        """Send a request to the connection's third-party API and return its answer.

        The third party's answer is returned whatever its status; call
        :meth:`PassthroughResponse.raise_for_status` to turn a 4xx/5xx into
        :class:`UpstreamError`. Liza's own refusals (bad token, unknown connection, rate limit)
        raise as for every other call. A passthrough GET is retried like any GET; other methods
        only when surely not processed.

        Example::

            answer = await liza.passthrough.request(
                connection_id, "GET", "/crm/v3/objects/contacts", data={"limit": 10}
            )
            answer.raise_for_status()
            contacts = answer.json()["results"]

        Args:
            connection_id: The connection's id.
            method: GET, POST, PUT, PATCH or DELETE (any case).
            path: The path on the third-party API, relative to its root.
            data: Query parameters for GET/DELETE, the JSON body otherwise.
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retries for this call.
            extra_headers: Headers for this call only (sent to Liza).

        Returns:
            The third party's status, headers and body.

        Raises:
            LizaValidationError: An invalid argument (nothing is sent).
            APIStatusError: Liza itself refused the call (a subclass per status).
            APIConnectionError: No answer (``APITimeoutError`` on a timeout).
        """
        verb = _validate.passthrough_method(method)
        request = PassthroughRequest(
            method=verb,
            path=_validate.relative_path(path),
            data=_validate.passthrough_data(data),
        )
        response = await self._client._request(
            "POST",
            (_validate.connection_id(connection_id), "passthrough"),
            body=unstructure(request),
            idempotent=verb == "GET",
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            raise_for_status=False,
        )
        if UPSTREAM_HEADER not in response.headers and not 200 <= response.status < 300:
            raise self._client._error(response)
        return PassthroughResponse(
            status=response.status,
            headers=response.headers,
            body=response.body,
            method=verb,
            path=request.path,
            connection_id=connection_id,
        )
