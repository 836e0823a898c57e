"""``liza.connections``: the account's connections and the connect (OAuth) flow."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping

from .. import _validate
from .._config import Timeout
from .._converter import unstructure
from .._errors import ResponseDecodeError
from .._types import NOT_GIVEN, Category, NotGiven
from ..models import CallbackRequest, Connection, ConnectRequest, ConnectSession
from ._base import AsyncResource

__all__ = ["AsyncConnections"]


class AsyncConnections(AsyncResource):
    """The connections of the account to third-party systems, and how to add one."""

    async def list(
        self,
        *,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> builtins.list[Connection]:
        """List the account's active connections.

        Example::

            for connection in await liza.connections.list():
                print(connection.id, connection.integration_type, connection.categories)

        Args:
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retries for this call.
            extra_headers: Headers for this call only.

        Returns:
            Every connection.

        Raises:
            APIStatusError: The API answered with an error status (a subclass per status).
            APIConnectionError: No answer (``APITimeoutError`` on a timeout).
            ResponseDecodeError: The answer is not a list of connections.
        """
        response = await self._client._request(
            "GET",
            ("connections",),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        return self._client._decode_list(response, Connection)[0]

    async def get(
        self,
        connection_id: str,
        /,
        *,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection:
        """Get one connection.

        Example::

            connection = await liza.connections.get("66a1f0c2e4b0a1b2c3d4e5f6")

        Args:
            connection_id: The connection's id.
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retries for this call.
            extra_headers: Headers for this call only.

        Returns:
            The connection.

        Raises:
            LizaValidationError: ``connection_id`` is empty (nothing is sent).
            NotFoundError: No connection has this id.
            APIStatusError: Another error status.
            APIConnectionError: No answer (``APITimeoutError`` on a timeout).
            ResponseDecodeError: The answer is not a connection.
        """
        response = await self._client._request(
            "GET",
            ("connections", _validate.connection_id(connection_id)),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        return self._client._decode_object(response, Connection)

    async def delete(
        self,
        connection_id: str,
        /,
        *,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Remove a connection.

        Example::

            await liza.connections.delete("66a1f0c2e4b0a1b2c3d4e5f6")

        Args:
            connection_id: The connection's id.
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retries for this call.
            extra_headers: Headers for this call only.

        Raises:
            LizaValidationError: ``connection_id`` is empty (nothing is sent).
            NotFoundError: No connection has this id (or it was already removed).
            APIStatusError: Another error status.
            APIConnectionError: No answer (``APITimeoutError`` on a timeout).
        """
        await self._client._request(
            "DELETE",
            ("connections", _validate.connection_id(connection_id)),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def connect(
        self,
        *,
        integration_type: str,
        categories: Iterable[Category | str],
        redirect_url: str | None = None,
        external_xref: str | None = None,
        scopes: Iterable[str] | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ConnectSession:
        """Start connecting an integration: the user authorizes at the returned URL.

        Example::

            session = await liza.connections.connect(
                integration_type="hubspot",
                categories=["crm"],
                redirect_url="https://example.com/connected",
            )
            print("Open", session.url)
            # ... once the user is back on redirect_url:
            connection = await liza.connections.finalize(session.connection_id)

        Args:
            integration_type: The integration's slug, e.g. ``"hubspot"`` (see
                ``integrations.list()``).
            categories: The categories to grant (at least one; :class:`Category` or names).
            redirect_url: Where the user lands after authorizing (absolute http(s) URL); the
                connection id is appended as ``id=...``.
            external_xref: Your own reference for this connection (e.g. your user id).
            scopes: Optional permission scopes to ask for.
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retries for this call (a POST is retried only
                when it surely was not processed: 429, or no connection made).
            extra_headers: Headers for this call only.

        Returns:
            The authorization URL (a ``yarl.URL``) and the new connection's id.

        Raises:
            LizaValidationError: An invalid argument (nothing is sent).
            BadRequestError: The API refused the arguments (e.g. an unknown integration).
            APIStatusError: Another error status.
            APIConnectionError: No answer (``APITimeoutError`` on a timeout).
            ResponseDecodeError: The answer lacks the URL or the id.
        """
        request = ConnectRequest(
            integration_type=_validate.non_empty("integration_type", integration_type),
            categories=_validate.category_list(categories),
            redirect_url=(
                None if redirect_url is None else _validate.http_url("redirect_url", redirect_url)
            ),
            external_xref=(
                None
                if external_xref is None
                else _validate.non_empty("external_xref", external_xref)
            ),
            scopes=None if scopes is None else _validate.string_list("scopes", scopes),
        )
        response = await self._client._request(
            "POST",
            ("connect",),
            body=unstructure(request),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        session = self._client._decode_object(response, ConnectSession)
        if session.url is None or not session.connection_id:
            raise ResponseDecodeError(
                "the connect answer lacks url or connection_id",
                status_code=response.status,
                url=str(response.request.url),
                body=response.body,
            )
        return session

    async def finalize(
        self,
        connection_id: str,
        /,
        *,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection:
        """Finalize a connection once the user has authorized it (the OAuth callback).

        Example::

            connection = await liza.connections.finalize(session.connection_id)

        Args:
            connection_id: The id returned by :meth:`connect`.
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retries for this call.
            extra_headers: Headers for this call only.

        Returns:
            The connection, now active.

        Raises:
            LizaValidationError: ``connection_id`` is empty (nothing is sent).
            ConflictError: The user has not authorized the connection yet.
            NotFoundError: No pending connection has this id.
            APIStatusError: Another error status.
            APIConnectionError: No answer (``APITimeoutError`` on a timeout).
            ResponseDecodeError: The answer is not a connection.
        """
        request = CallbackRequest(connection_id=_validate.connection_id(connection_id))
        response = await self._client._request(
            "POST",
            ("callback",),
            body=unstructure(request),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        return self._client._decode_object(response, Connection)
