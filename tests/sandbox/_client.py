"""A plain aiohttp client for the sandbox tests: URLs with single-segment encoding, answers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import aiohttp
import attrs
from multidict import CIMultiDictProxy
from yarl import URL

from liza_async.sandbox import RunningSandbox


def api(sandbox: RunningSandbox, *segments: str, **query: str | int) -> URL:
    """``/api/v1/integrations/<segments>``, each segment percent-encoded as exactly one."""
    path = "".join("/" + quote(segment, safe="") for segment in segments)
    url = URL(f"{sandbox.base_url}/v1/integrations{path}", encoded=True)
    return url.with_query(query) if query else url


def auth(sandbox: RunningSandbox) -> dict[str, str]:
    return {"Authorization": f"Bearer {sandbox.token}"}


@attrs.frozen
class Answer:
    status: int
    headers: CIMultiDictProxy[str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def message(self) -> str:
        error = self.json()
        assert set(error) == {"statusCode", "error", "message"}, error
        assert error["statusCode"] == self.status
        return str(error["message"])


async def call(
    http: aiohttp.ClientSession,
    method: str,
    url: URL | str,
    *,
    headers: Mapping[str, str] | None = None,
    json: Any = None,
    allow_redirects: bool = True,
) -> Answer:
    async with http.request(
        method, url, headers=headers, json=json, allow_redirects=allow_redirects
    ) as response:
        return Answer(response.status, response.headers, await response.read())


async def get(http: aiohttp.ClientSession, sandbox: RunningSandbox, url: URL) -> Answer:
    """An authenticated GET."""
    return await call(http, "GET", url, headers=auth(sandbox))


def items(sandbox: RunningSandbox, answer: Answer) -> list[dict[str, Any]]:
    """The records of a list answer, whatever the sandbox's shape."""
    assert answer.status == 200, answer.body[:300]
    body = answer.json()
    shape = sandbox.config.shape
    records = body if shape == "bare" else body["items" if shape == "mcp" else "data"]
    assert isinstance(records, list)
    return records
