"""The only module that talks to aiohttp's client: sessions, retries, backoff and rate limiting.

Every aiohttp and asyncio failure is mapped to liza's own errors here; none reaches a user.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import warnings
from typing import Any

import aiohttp

from ._config import ClientConfig, RetryPolicy, Timeout
from ._errors import APIConnectionError, APITimeoutError, LizaError, ResponseDecodeError
from ._http import RETRYABLE_STATUSES, Request, Response, backoff_delay, retry_after
from ._ratelimit import AsyncRateLimiter

__all__ = ["Transport", "logger"]

from ._logging import logger

# Sessions inherited across os.fork(): kept referenced forever so the child never closes (and
# so never shuts down, or writes a TLS close to) sockets that still belong to the parent.
_INHERITED: list[Any] = []


class _AttemptFailed(Exception):
    """One attempt got no answer; ``before_send`` tells whether the request surely never left."""

    def __init__(self, error: APIConnectionError, *, before_send: bool) -> None:
        super().__init__(error.message)
        self.error = error
        self.before_send = before_send


def _client_timeout(timeout: Timeout) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(
        total=timeout.total, sock_connect=timeout.connect, sock_read=timeout.read
    )


class Transport:
    """Sends requests through one aiohttp session, shared by every task (and copy) of a client.

    Args:
        config: The client's settings (rate limit, response size cap).
        session: A session the caller owns and closes; ``None`` to let liza create one lazily,
            inside the running loop, and close it in :meth:`aclose`.
        origin: Where the client was created ("file:line"), named by the unclosed warning.
    """

    def __init__(
        self, config: ClientConfig, session: aiohttp.ClientSession | None, origin: str
    ) -> None:
        self._config = config
        self._session = session
        self._owns_session = session is None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pid = os.getpid()
        self._origin = origin
        self._closed = False
        self.limiter = (
            AsyncRateLimiter(config.rate_limit, config.rate_limit_burst)
            if config.rate_limit
            else None
        )

    @property
    def closed(self) -> bool:
        """Whether :meth:`aclose` was called."""
        return self._closed

    def _session_for_running_loop(self) -> aiohttp.ClientSession:
        if self._closed:
            raise LizaError("this client is closed; create a new one")
        loop = asyncio.get_running_loop()
        if self._pid != os.getpid():
            self._forget_inherited_session()
        if self._loop is None:
            self._loop = loop
        elif loop is not self._loop:
            raise LizaError(
                "this client was first used in another event loop, and its connections belong "
                "to that loop; create one AsyncLiza per event loop (or use liza_sync.Liza, "
                "which keeps its own loop)"
            )
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=64, limit_per_host=32),
                timeout=_client_timeout(self._config.timeout),
                raise_for_status=False,
            )
        return self._session

    def _forget_inherited_session(self) -> None:
        if self._session is not None and self._owns_session:
            _INHERITED.append(self._session)
            self._session = None
        elif self._session is not None:
            raise LizaError(
                "this client uses a session created before os.fork(); create a new session and "
                "client in the child process"
            )
        self._pid = os.getpid()
        self._loop = None

    async def send(self, request: Request, *, timeout: Timeout, retry: RetryPolicy) -> Response:
        """Send ``request``, retrying what is safe to retry.

        Retried: connection failures and timeouts, and 429/500/502/503/504 answers, for idempotent
        requests; for the others, only 429 (never processed) and failures to connect.

        Args:
            request: The request.
            timeout: Per-attempt timeouts.
            retry: When and how long to wait before retrying.

        Returns:
            The final answer, whatever its status (the caller maps errors).

        Raises:
            APIConnectionError: No answer after the allowed attempts (``APITimeoutError`` on a
                timeout).
            ResponseDecodeError: The body is larger than the configured cap.
        """
        session = self._session_for_running_loop()
        client_timeout = _client_timeout(timeout)
        started = time.monotonic()
        attempts = throttled = 0
        while True:
            attempts += 1
            if self.limiter is not None:
                await self.limiter.acquire()
            attempt_started = time.monotonic()
            try:
                status, headers, body = await self._exchange(session, request, client_timeout)
            except _AttemptFailed as failed:
                self._log(request, f"failed: {failed.error.message}", attempt_started, attempts)
                if attempts <= retry.max_retries and (request.idempotent or failed.before_send):
                    await asyncio.sleep(backoff_delay(attempts, retry))
                    continue
                failed.error.attempts = attempts
                raise failed.error from None
            self._log(request, str(status), attempt_started, attempts)
            throttled += status == 429
            response = Response(
                status=status,
                headers=headers,
                body=body,
                request=request,
                attempts=attempts,
                throttled=throttled,
                elapsed=time.monotonic() - started,
            )
            if (
                status not in RETRYABLE_STATUSES
                or attempts > retry.max_retries
                or not (request.idempotent or status == 429)
            ):
                return response
            asked = retry_after(headers, now=time.time()) if status in (429, 503) else None
            if asked is not None and asked > retry.max_retry_after:
                return response
            delay = asked if asked is not None else backoff_delay(attempts, retry)
            if status == 429 and self.limiter is not None:
                self.limiter.pause(delay)  # every task of this client waits, not just this one
            else:
                await asyncio.sleep(delay)

    async def _exchange(
        self, session: aiohttp.ClientSession, request: Request, timeout: aiohttp.ClientTimeout
    ) -> tuple[int, Any, bytes]:
        """One HTTP exchange; every aiohttp/asyncio failure becomes :class:`_AttemptFailed`."""
        method, url = request.method, str(request.url)
        try:
            async with session.request(
                request.method,
                request.url,
                headers=request.headers,
                data=request.body,
                timeout=timeout,
                allow_redirects=False,
            ) as resp:
                return resp.status, resp.headers, await self._read_body(resp)
        except (asyncio.TimeoutError, aiohttp.ServerTimeoutError) as exc:
            detail = f" ({exc})" if str(exc) else ""
            raise _AttemptFailed(
                APITimeoutError(f"the request timed out{detail}", method=method, url=url),
                before_send=False,
            ) from None
        except aiohttp.ClientConnectorError as exc:
            raise _AttemptFailed(
                APIConnectionError(
                    f"could not connect: {exc.strerror or exc}", method=method, url=url
                ),
                before_send=True,
            ) from None
        except (aiohttp.ClientError, OSError) as exc:
            reason = str(exc) or type(exc).__name__
            raise _AttemptFailed(
                APIConnectionError(f"the connection failed: {reason}", method=method, url=url),
                before_send=False,
            ) from None

    async def _read_body(self, resp: aiohttp.ClientResponse) -> bytes:
        cap = self._config.max_response_bytes
        if resp.content_length is not None and resp.content_length > cap:
            raise self._too_large(resp, cap)
        if resp.content_length is not None:
            return await resp.read()
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.content.iter_chunked(65536):
            size += len(chunk)
            if size > cap:
                raise self._too_large(resp, cap)
            chunks.append(chunk)
        return b"".join(chunks)

    @staticmethod
    def _too_large(resp: aiohttp.ClientResponse, cap: int) -> ResponseDecodeError:
        resp.close()
        return ResponseDecodeError(
            f"the answer is larger than max_response_bytes={cap}; raise the limit if expected",
            status_code=resp.status,
            url=str(resp.url),
        )

    def _log(self, request: Request, outcome: str, started: float, attempt: int) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            elapsed_ms = (time.monotonic() - started) * 1000.0
            logger.debug(
                "%s %s -> %s in %.1f ms (attempt %d)",
                request.method,
                request.url,
                outcome,
                elapsed_ms,
                attempt,
            )

    async def aclose(self) -> None:
        """Close the session liza created (a caller's session is left open). Idempotent."""
        if self._closed:
            return
        self._closed = True
        session, self._session = self._session, None
        if session is not None and self._owns_session and self._pid == os.getpid():
            await session.close()

    def __del__(self) -> None:
        session = getattr(self, "_session", None)
        if session is None or not self._owns_session or self._closed or session.closed:
            return
        warnings.warn(
            f"an AsyncLiza client created at {self._origin} was never closed; use "
            "`async with AsyncLiza(...)` or `await client.aclose()`",
            ResourceWarning,
            stacklevel=2,
        )
        # Close the sockets now and silence aiohttp's own warnings: one warning is enough.
        connector = session.connector
        session.detach()
        if connector is not None and self._pid == os.getpid():
            connector._close()
