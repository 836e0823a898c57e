"""Auth, routing, path-segment decoding, request ids and the error body."""

from __future__ import annotations

import aiohttp
import pytest
from yarl import URL

from liza_async.sandbox import RunningSandbox

from ._client import api, auth, call, get

pytestmark = pytest.mark.anyio

ENDPOINTS = [
    ("GET", ()),
    ("GET", ("connections",)),
    ("POST", ("connect",)),
    ("POST", ("callback",)),
    ("GET", ("connections", "x")),
    ("DELETE", ("connections", "x")),
    ("GET", ("x", "crm", "contact")),
    ("POST", ("x", "passthrough")),
]


@pytest.mark.parametrize(("method", "segments"), ENDPOINTS)
@pytest.mark.parametrize(
    ("token", "message"),
    [
        (None, "missing Authorization header; send 'Authorization: Bearer <token>'"),
        ("Bearer wrong", "invalid token; send 'Authorization: Bearer <token>'"),
        ("Basic bGl6YQ==", "invalid token; send 'Authorization: Bearer <token>'"),
    ],
)
async def test_every_endpoint_refuses_a_missing_or_wrong_token_with_a_401(
    http: aiohttp.ClientSession,
    sandbox: RunningSandbox,
    method: str,
    segments: tuple[str, ...],
    token: str | None,
    message: str,
) -> None:
    headers = {"Authorization": token} if token else {}
    answer = await call(http, method, api(sandbox, *segments), headers=headers, json={})
    assert answer.status == 401
    assert answer.json() == {"statusCode": 401, "error": "Unauthorized", "message": message}
    assert answer.headers["WWW-Authenticate"] == 'Bearer realm="liza"'


async def test_every_answer_carries_a_distinct_request_id(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    answers = [
        await get(http, sandbox, api(sandbox)),
        await call(http, "GET", api(sandbox)),
        await get(http, sandbox, sandbox.base_url / "nowhere"),
    ]
    ids = [a.headers["X-Request-Id"] for a in answers]
    assert len(set(ids)) == 3
    assert all(i.startswith("req_") for i in ids)


async def test_an_unknown_route_is_a_404_and_a_wrong_method_a_405_with_allow(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    missing = await get(http, sandbox, sandbox.base_url / "v2/integrations")
    assert missing.status == 404
    assert missing.message == (
        "no such route: '/api/v2/integrations'; the API lives under /api/v1/integrations"
    )
    wrong = await call(http, "PATCH", api(sandbox, "connections", "x"), headers=auth(sandbox))
    assert wrong.status == 405
    assert wrong.headers["Allow"] == "GET, DELETE"
    assert wrong.message == "PATCH is not allowed here; allowed: GET, DELETE"


@pytest.mark.parametrize(
    "connection_id", ["a/b", "..", "../x", ".", "a?b=c", "a#b", "100%", "%41", "a b", "é/ü"]
)
async def test_an_encoded_id_reaches_its_route_as_one_segment_decoded_once(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, connection_id: str
) -> None:
    one = await get(http, sandbox, api(sandbox, "connections", connection_id))
    assert one.status == 404
    assert one.message.startswith(f"no connection {connection_id!r};")
    records = await get(http, sandbox, api(sandbox, connection_id, "crm", "contact"))
    assert records.message.startswith(f"no connection {connection_id!r};")


async def test_dot_segments_encoded_as_percent_2e_are_not_normalised(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    url = URL(f"{sandbox.base_url}/v1/integrations/connections/%2E%2E", encoded=True)
    answer = await get(http, sandbox, url)
    assert answer.message.startswith("no connection '..';")


async def test_literal_segments_win_over_connection_ids(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    listed = await get(http, sandbox, api(sandbox, "connections"))
    assert listed.status == 200
    passthrough = await call(
        http, "POST", api(sandbox, "connections", "passthrough"), headers=auth(sandbox), json={}
    )
    assert passthrough.status == 405
