"""The sandbox's request handler: routing, auth, rate limit, faults, and one method per endpoint.

Routing works on the raw request path, split on ``/`` and percent-decoded once per segment, so
an id such as ``a/b``, ``..``, ``?`` or ``%`` sent encoded as one segment reaches its route
intact, never splitting or normalising the path. Literal segments (``connections``,
``connect``, ``callback``) are matched before ``{connection_id}``.

Passthrough answers carry the provider's status, headers and body unchanged plus the header
``X-Liza-Upstream: <integration_type>``; the sandbox's own errors (401, 404 for an unknown
connection, 400 for a bad body, 429...) never carry it, so a client can tell them apart.

Order of work per request: faults (for paths they apply to), then auth (every route but the
authorize page), then the rate limit (``/api`` routes only; Unified.to's list route at the
root is not limited), then the endpoint.
"""

from __future__ import annotations

import asyncio
import html
import logging
import math
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote

import attrs
from aiohttp import web
from yarl import URL

from .._ratelimit import TokenBucket
from ._config import SandboxConfig
from ._connections import ConnectionStore
from ._data import INTEGRATIONS, Dataset
from ._faults import Fate, FaultPlan, malformed_body
from ._params import FROM_UNIFIED, check_category, int_param, timestamp_param
from ._provider import FakeProvider
from ._records import RecordStore
from ._render import (
    HTTPProblem,
    dumps,
    error_response,
    json_response,
    list_body,
    loads,
    object_body,
)
from ._stats import StatsCounter

__all__ = ["SandboxApp"]

Handler = Callable[..., Awaitable[web.Response]]
_PASSTHROUGH_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_MAX_BODY = 1024**2  # aiohttp's default client_max_size
_log = logging.getLogger("liza.sandbox")


@attrs.frozen
class _Route:
    name: str
    handlers: Mapping[str, Handler]
    params: tuple[str, ...] = ()

    @property
    def api(self) -> bool:
        return self.name not in ("authorize", "unified")


class SandboxApp:
    """Answers every request of one sandbox (an aiohttp low-level server handler).

    Args:
        config: The sandbox settings.
    """

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.dataset = Dataset(seed=config.seed, records=config.records)
        self.records = RecordStore(self.dataset, config.seed)
        self.connections = ConnectionStore(config.seed, INTEGRATIONS)
        self.provider = FakeProvider(self.records)
        self.faults = FaultPlan(config.faults, config.seed)
        self.stats = StatsCounter()
        self.stopping = asyncio.Event()
        self._bucket = (
            TokenBucket(config.rate_limit, config.rate_burst) if config.rate_limit else None
        )
        self._token = config.token
        self._latency = config.latency_ms / 1000.0
        count = len(INTEGRATIONS)
        self._integrations = list_body(
            config.shape, dumps(list(INTEGRATIONS)), count=count, total=count, limit=count, offset=0
        )

    async def __call__(self, request: web.BaseRequest) -> web.StreamResponse:
        """Answer one request.

        Args:
            request: The request.

        Returns:
            The answer.
        """
        self.stats.requests += 1
        request_id = f"req_{self.stats.requests:010d}"
        path = request.raw_path.partition("?")[0]
        fate = self.faults.draw() if self.faults.applies(path) else None
        delay = self._latency + (fate.delay if fate else 0.0)
        if delay:
            await asyncio.sleep(delay)
        action = fate.action if fate else None
        if action is not None:
            self.stats.faults[action] += 1
        if action == "stall":
            await self.stopping.wait()
        if action in ("drop", "stall"):
            return _drop(request)
        if fate is not None and action in ("error", "burst_429"):
            response = self._injected_error(fate)
        else:
            response = await self._answer(request, path, fate)
        response.headers["X-Request-Id"] = request_id
        if action == "truncate":
            return await _truncated(request, response)
        self.stats.statuses[response.status] += 1
        return response

    def _injected_error(self, fate: Fate) -> web.Response:
        if fate.action == "error":
            return error_response(fate.status, _injected(fate.status, "error_rate"))
        retry_after = str(self.config.faults.burst_429_retry_after)
        message = f"{_injected(429, 'burst_429_every')}; retry after {retry_after} s"
        return error_response(429, message, {"Retry-After": retry_after})

    async def _answer(self, request: web.BaseRequest, path: str, fate: Fate | None) -> web.Response:
        try:
            route = self._route(request.method, [unquote(s) for s in path.split("/")[1:]])
            if route.name != "authorize":
                self._authenticate(request)
            if route.api and self._bucket is not None:
                self._take_token()
            response = await route.handlers[request.method](request, *route.params)
        except HTTPProblem as problem:
            response = error_response(problem.status, problem.message, problem.headers)
        except Exception as error:  # a sandbox bug still answers with the error body
            _log.exception("the sandbox failed to answer %s %s", request.method, path)
            response = error_response(500, f"the sandbox failed: {error!r}")
        else:
            if fate is not None and route.name in ("records", "unified") and response.status == 200:
                response = self._fault_records(route, response, fate)
        if self._bucket is not None:
            response.headers["X-RateLimit-Limit"] = str(self.config.rate_limit)
        return response

    def _route(self, method: str, segments: list[str]) -> _Route:
        match segments:
            case ["api", "v1", "integrations"]:
                route = _Route("integrations", {"GET": self._list_integrations})
            case ["api", "v1", "integrations", "connections"]:
                route = _Route("connections", {"GET": self._list_connections})
            case ["api", "v1", "integrations", "connect"]:
                route = _Route("connect", {"POST": self._connect})
            case ["api", "v1", "integrations", "callback"]:
                route = _Route("callback", {"POST": self._callback})
            case ["api", "v1", "integrations", "connections", connection_id]:
                route = _Route(
                    "connection",
                    {"GET": self._get_connection, "DELETE": self._delete_connection},
                    (connection_id,),
                )
            case ["api", "v1", "integrations", connection_id, "passthrough"]:
                route = _Route("passthrough", {"POST": self._passthrough}, (connection_id,))
            case ["api", "v1", "integrations", connection_id, category, object_type]:
                route = _Route(
                    "records", {"GET": self._records}, (connection_id, category, object_type)
                )
            case ["sandbox", "authorize", connection_id]:
                route = _Route("authorize", {"GET": self._authorize}, (connection_id,))
            case [unified, connection_id, object_type] if unified in FROM_UNIFIED:
                route = _Route(
                    "unified",
                    {"GET": self._unified_records},
                    (connection_id, FROM_UNIFIED[unified], object_type),
                )
            case _:
                raise HTTPProblem(
                    404,
                    f"no such route: {'/' + '/'.join(segments)!r}; the API lives under "
                    "/api/v1/integrations",
                )
        if method not in route.handlers:
            allowed = ", ".join(route.handlers)
            raise HTTPProblem(
                405, f"{method} is not allowed here; allowed: {allowed}", {"Allow": allowed}
            )
        return route

    def _authenticate(self, request: web.BaseRequest) -> None:
        header = request.headers.get("Authorization")
        scheme, _, token = (header or "").partition(" ")
        if scheme.lower() == "bearer" and token.strip() == self._token:
            return
        problem = "missing Authorization header" if header is None else "invalid token"
        raise HTTPProblem(
            401,
            f"{problem}; send 'Authorization: Bearer <token>'",
            {"WWW-Authenticate": 'Bearer realm="liza"'},
        )

    def _take_token(self) -> None:
        assert self._bucket is not None
        wait = self._bucket.try_take()
        if wait:
            self.stats.rate_limited += 1
            seconds = max(1, math.ceil(wait))
            raise HTTPProblem(
                429,
                f"rate limit of {self.config.rate_limit} requests per minute exceeded; "
                f"retry after {seconds} s",
                {"Retry-After": str(seconds)},
            )

    def _fault_records(self, route: _Route, response: web.Response, fate: Fate) -> web.Response:
        _, category, object_type = route.params
        if self.faults.insert_due(category, object_type) and category != "enrichment":
            self.stats.faults["insert"] += 1
            self.records.insert(category, object_type)
        kind = self.config.faults.malformed
        if not fate.malformed or kind is None:
            return response
        self.stats.faults["malformed"] += 1
        shape = "bare" if route.name == "unified" else self.config.shape
        assert isinstance(response.body, bytes)
        body, content_type = malformed_body(kind, shape, response.body)
        broken = web.Response(status=200, body=body, headers=response.headers)
        broken.headers["Content-Type"] = content_type
        return broken

    def _object(self, value: Any, status: int = 200) -> web.Response:
        return json_response(status, object_body(self.config.shape, dumps(value)))

    async def _list_integrations(self, request: web.BaseRequest) -> web.Response:
        body, headers = self._integrations
        return json_response(200, body, headers)

    async def _list_connections(self, request: web.BaseRequest) -> web.Response:
        active = self.connections.active()
        count = len(active)
        body, headers = list_body(
            self.config.shape, dumps(active), count=count, total=count, limit=count, offset=0
        )
        return json_response(200, body, headers)

    async def _get_connection(self, request: web.BaseRequest, connection_id: str) -> web.Response:
        return self._object(self.connections.get(connection_id))

    async def _delete_connection(
        self, request: web.BaseRequest, connection_id: str
    ) -> web.Response:
        self.connections.delete(connection_id)
        return web.Response(status=204)

    async def _connect(self, request: web.BaseRequest) -> web.Response:
        body = await _json_object(request)
        authorize = URL.build(scheme=request.scheme, authority=request.host) / "sandbox/authorize"
        return self._object(self.connections.start(body, authorize))

    async def _callback(self, request: web.BaseRequest) -> web.Response:
        return self._object(self.connections.finalize(await _json_object(request)))

    async def _authorize(self, request: web.BaseRequest, connection_id: str) -> web.Response:
        try:
            target = self.connections.authorize(connection_id)
        except KeyError:
            raise HTTPProblem(404, f"no pending connection {connection_id!r}") from None
        if target is None:
            return _authorized_page(connection_id)
        return web.Response(status=302, headers={"Location": str(target)})

    async def _passthrough(self, request: web.BaseRequest, connection_id: str) -> web.Response:
        connection = self.connections.get(connection_id)
        body = await _json_object(request)
        method, path, data = body.get("method"), body.get("path"), body.get("data")
        if method not in _PASSTHROUGH_METHODS:
            raise HTTPProblem(
                400, f"method must be one of {', '.join(_PASSTHROUGH_METHODS)}; got {method!r}"
            )
        if not isinstance(path, str) or not path or _absolute(path):
            raise HTTPProblem(
                400,
                "path must be a path relative to the provider's API, such as "
                f"'/crm/v3/objects/contacts', without scheme or host; got {path!r}",
            )
        if data is not None and not isinstance(data, dict):
            raise HTTPProblem(400, f"data must be a JSON object or null; got {type(data).__name__}")
        path, _, raw_query = path.partition("?")
        query = parse_qsl(raw_query, keep_blank_values=True)
        if method in ("GET", "DELETE"):
            query.extend(_query_pairs(data or {}))
            data = None
        answer = self.provider.call(connection, method, path, query, data)
        headers = {**answer.headers, "X-Liza-Upstream": connection["integration_type"]}
        return web.Response(status=answer.status, body=answer.body, headers=headers)

    async def _records(
        self, request: web.BaseRequest, connection_id: str, category: str, object_type: str
    ) -> web.Response:
        return self._serve_records(request, connection_id, category, object_type, unified=False)

    async def _unified_records(
        self, request: web.BaseRequest, connection_id: str, category: str, object_type: str
    ) -> web.Response:
        return self._serve_records(request, connection_id, category, object_type, unified=True)

    def _serve_records(
        self,
        request: web.BaseRequest,
        connection_id: str,
        category: str,
        object_type: str,
        *,
        unified: bool,
    ) -> web.Response:
        check_category(category)
        connection = self.connections.get(connection_id)
        self.records.check_object_type(category, object_type)
        self.connections.check_granted(connection, category)
        query = request.query
        shape = "bare" if unified else self.config.shape
        if category == "enrichment":
            found = self.records.lookup(category, object_type, query)
            return json_response(200, object_body(shape, dumps(found)))
        default_limit = 100 if unified else 50
        limit = int_param(
            query, "limit", default=default_limit, low=1, high=100, whole_floats=unified
        )
        offset = int_param(query, "offset", default=0, low=0, whole_floats=unified)
        page = self.records.page(
            category,
            object_type,
            offset=offset,
            limit=limit,
            query=query.get("query") or None,
            updated_gte=timestamp_param(query, "updated_gte"),
        )
        body, headers = list_body(
            shape, page.body, count=page.count, total=page.total, limit=limit, offset=offset
        )
        return json_response(200, body, headers)


async def _json_object(request: web.BaseRequest) -> dict[str, Any]:
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise HTTPProblem(413, f"the request body must be at most {_MAX_BODY} bytes") from None
    try:
        value = loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise HTTPProblem(400, "the request body must be a JSON object")
    return value


def _absolute(path: str) -> bool:
    try:
        url = URL(path)
    except ValueError:
        return True
    return bool(url.scheme or url.host)


def _query_pairs(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Turn passthrough ``data`` into query parameters (lists repeat the name)."""
    pairs = []
    for key, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                pairs.append((key, item if isinstance(item, str) else dumps(item).decode()))
    return pairs


def _injected(status: int, option: str) -> str:
    return f"the sandbox injected this {status} (FaultConfig.{option})"


def _authorized_page(connection_id: str) -> web.Response:
    text = html.escape(f"Connection {connection_id} is authorized. You can close this page.")
    body = f"<!DOCTYPE html><html><head><title>Liza sandbox</title></head><body><p>{text}</p>"
    return web.Response(text=body + "</body></html>", content_type="text/html")


def _drop(request: web.BaseRequest) -> web.Response:
    """Close the connection without an answer."""
    if request.transport is not None:
        request.transport.close()
    return web.Response()


async def _truncated(request: web.BaseRequest, response: web.Response) -> web.StreamResponse:
    """Send the headers and half the body, promising all of it, then close the connection."""
    body = response.body if isinstance(response.body, bytes) else b""
    stream = web.StreamResponse(status=response.status, headers=response.headers)
    stream.content_length = len(body)
    await stream.prepare(request)
    await stream.write(body[: len(body) // 2])
    if request.transport is not None:
        request.transport.close()
    return stream
