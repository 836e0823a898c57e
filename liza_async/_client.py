"""``AsyncLiza``: settings, lifetime, and one attribute per API area."""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping, Sequence
from functools import cached_property
from types import TracebackType
from typing import Any, TypeVar

import aiohttp
import attrs
import yarl

from ._config import ClientConfig, RetryPolicy, Timeout, check_retries, load_config
from ._converter import structure, structure_list
from ._errors import APIStatusError
from ._http import (
    ListBody,
    Request,
    Response,
    build_request,
    decoding,
    error_for,
    read_list,
    read_object,
)
from ._logging import configure_from_env
from ._transport import Transport
from ._types import NOT_GIVEN, NotGiven
from .resources import AsyncConnections, AsyncIntegrations, AsyncPassthrough, AsyncRecords

__all__ = ["AsyncLiza"]

T = TypeVar("T")


def _caller() -> str:
    frame = sys._getframe(2)
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"


class AsyncLiza:
    """The async client of the Liza Integrations API.

    Use it as an async context manager, or call :meth:`aclose` when done::

        async with AsyncLiza() as liza:
            for connection in await liza.connections.list():
                print(connection.id, connection.integration_type)

    Args:
        token: The API token; default: the ``LIZA_API_TOKEN`` environment variable.
        base_url: The API root; default: ``LIZA_BASE_URL``, else ``https://api.eu.liza.app/api``.
        timeout: Seconds per attempt, a :class:`Timeout`, or ``None`` for no limit (default: 60 s
            in all, 10 s to connect, 30 s of silence while reading; ``LIZA_TIMEOUT`` sets seconds).
        max_retries: Retries after a failed attempt (default 2, or ``LIZA_MAX_RETRIES``).
        retry_policy: Backoff base and cap, and the longest ``Retry-After`` honoured
            (default: full-jitter backoff from 0.5 s, capped at 8 s; ``Retry-After`` up to 60 s).
        rate_limit: Requests per minute for the limiter shared by every task of this client
            (default 240, the documented limit); ``None`` turns it off.
        rate_limit_burst: Requests that may go out at once after an idle period.
        session: An ``aiohttp.ClientSession`` to use; you keep ownership and close it yourself.
        default_headers: Headers sent with every request.
        allow_insecure_http: Allow ``http://`` to a host other than loopback.
        max_response_bytes: The largest response body accepted (default 64 MiB).

    Raises:
        LizaValidationError: A missing token or an invalid setting.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | yarl.URL | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_policy: RetryPolicy | None = None,
        rate_limit: float | NotGiven | None = NOT_GIVEN,
        rate_limit_burst: float = 10.0,
        session: aiohttp.ClientSession | None = None,
        default_headers: Mapping[str, str] | None = None,
        allow_insecure_http: bool = False,
        max_response_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        configure_from_env()
        self._config = load_config(
            token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            rate_limit=rate_limit,
            rate_limit_burst=rate_limit_burst,
            default_headers=default_headers,
            allow_insecure_http=allow_insecure_http,
            max_response_bytes=max_response_bytes,
        )
        self._transport = Transport(self._config, session, _caller())

    @classmethod
    def _sharing(cls, config: ClientConfig, transport: Transport) -> AsyncLiza:
        client = cls.__new__(cls)
        client._config = config
        client._transport = transport
        return client

    def with_options(
        self,
        *,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
    ) -> AsyncLiza:
        """Return a copy with other settings, sharing this client's connections and limiter.

        Args:
            timeout: Seconds per attempt, a :class:`Timeout`, or ``None`` for no limit.
            max_retries: Retries after a failed attempt.
            default_headers: Headers added to (and overriding) this client's defaults.

        Returns:
            A cheap copy; closing either closes the connections of both.

        Raises:
            LizaValidationError: An invalid setting.
        """
        config = self._config
        if not isinstance(timeout, NotGiven):
            config = attrs.evolve(config, timeout=Timeout.of(timeout))
        if not isinstance(max_retries, NotGiven):
            retry = attrs.evolve(config.retry, max_retries=check_retries(max_retries))
            config = attrs.evolve(config, retry=retry)
        if default_headers:
            config = attrs.evolve(
                config, default_headers={**config.default_headers, **default_headers}
            )
        return AsyncLiza._sharing(config, self._transport)

    @property
    def base_url(self) -> yarl.URL:
        """The API root requests go to."""
        return self._config.base_url

    @property
    def rate_limit(self) -> float | None:
        """Requests per minute allowed by the client-side limiter (``None``: no limiter)."""
        return self._config.rate_limit

    @cached_property
    def integrations(self) -> AsyncIntegrations:
        """The integrations that can be connected."""
        return AsyncIntegrations(self)

    @cached_property
    def connections(self) -> AsyncConnections:
        """The account's connections, and the connect flow."""
        return AsyncConnections(self)

    @cached_property
    def records(self) -> AsyncRecords:
        """The data of a connection: pages, iteration, and bulk export."""
        return AsyncRecords(self)

    @cached_property
    def passthrough(self) -> AsyncPassthrough:
        """Raw calls to the third-party system behind a connection."""
        return AsyncPassthrough(self)

    async def __aenter__(self) -> AsyncLiza:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections this client opened. Safe to call more than once."""
        await self._transport.aclose()

    @property
    def closed(self) -> bool:
        """Whether :meth:`aclose` was called (on this client or a copy of it)."""
        return self._transport.closed

    def __repr__(self) -> str:
        return f"AsyncLiza(base_url={str(self._config.base_url)!r})"

    async def _request(
        self,
        method: str,
        segments: Sequence[str],
        *,
        params: Mapping[str, str | int] | None = None,
        body: Any = None,
        idempotent: bool | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        raise_for_status: bool = True,
    ) -> Response:
        """Send one request; resources call this and decode the answer."""
        config = self._config
        request: Request = build_request(
            config,
            method,
            ("v1", "integrations", *segments),
            params=params,
            body=body,
            extra_headers=extra_headers,
            idempotent=idempotent,
        )
        retry = config.retry
        if not isinstance(max_retries, NotGiven):
            retry = attrs.evolve(retry, max_retries=check_retries(max_retries))
        response = await self._transport.send(
            request,
            timeout=config.timeout if isinstance(timeout, NotGiven) else Timeout.of(timeout),
            retry=retry,
        )
        if raise_for_status and not 200 <= response.status < 300:
            raise self._error(response)
        return response

    def _error(self, response: Response) -> APIStatusError:
        return error_for(response, token=self._config.token, now=time.time())

    @staticmethod
    def _decode_object(response: Response, cls: type[T]) -> T:
        with decoding(response):
            return structure(read_object(response), cls)

    @staticmethod
    def _decode_list(response: Response, cls: type[T]) -> tuple[list[T], ListBody]:
        with decoding(response):
            listed = read_list(response)
            return structure_list(listed.items, cls, path=listed.path), listed
