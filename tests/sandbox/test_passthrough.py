"""Passthrough to the fake provider: HubSpot-like contacts, echo, provider errors, validation."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from liza_async.sandbox import RunningSandbox

from ._client import Answer, api, auth, call, get, items
from .conftest import Start

pytestmark = pytest.mark.anyio


async def passthrough(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, body: Any, category: str = "crm"
) -> Answer:
    url = api(sandbox, sandbox.connection_id(category), "passthrough")
    return await call(http, "POST", url, headers=auth(sandbox), json=body)


async def test_the_docs_passthrough_get_lists_hubspot_contacts_from_the_same_data(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    # curl -X POST https://api.eu.liza.app/api/v1/integrations/CONN_ID/passthrough \
    #   -H "Authorization: Bearer TOKEN" -H "Content-Type: application/json" \
    #   -d '{"method": "GET", "path": "/crm/v3/objects/contacts", "data": {"limit": 5}}'
    docs = "https://api.eu.liza.app/api/v1/integrations/CONN_ID/passthrough"
    url = docs.replace("https://api.eu.liza.app/api", str(sandbox.base_url))
    url = url.replace("CONN_ID", sandbox.connection_id("crm"))
    body = {"method": "GET", "path": "/crm/v3/objects/contacts", "data": {"limit": 5}}
    headers = {"Authorization": f"Bearer {sandbox.token}", "Content-Type": "application/json"}
    answer = await call(http, "POST", url, headers=headers, json=body)
    assert answer.status == 200
    assert answer.headers["X-Liza-Upstream"] == "hubspot"
    listed = answer.json()
    truth = sandbox.records("crm", "contact")[:5]
    assert [c["id"] for c in listed["results"]] == [r["id"] for r in truth]
    first = listed["results"][0]
    assert set(first) == {"id", "properties", "createdAt", "updatedAt", "archived"}
    assert first["properties"]["firstname"] == truth[0]["first_name"]
    assert first["archived"] is False
    assert listed["paging"] == {"next": {"after": "5"}}


async def test_hubspot_paging_with_after_reaches_the_end_without_a_next_cursor(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    total = sandbox.dataset.count("crm", "contact")
    query = {"limit": 100, "after": str(total - 3)}
    body = {"method": "GET", "path": "crm/v3/objects/contacts", "data": query}
    listed = (await passthrough(http, sandbox, body)).json()
    assert len(listed["results"]) == 3
    assert "paging" not in listed
    bad = await passthrough(http, sandbox, {**body, "data": {"limit": 500}})
    assert bad.status == 400
    assert bad.json()["category"] == "VALIDATION_ERROR"
    assert bad.headers["X-Liza-Upstream"] == "hubspot"


async def test_a_hubspot_post_creates_a_contact_served_first_by_the_records_route(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start()
    properties = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}
    body = {
        "method": "POST",
        "path": "/crm/v3/objects/contacts",
        "data": {"properties": properties},
    }
    created = await passthrough(http, sandbox, body)
    assert created.status == 201
    contact = created.json()
    assert contact["properties"]["email"] == "ada@example.com"
    url = api(sandbox, sandbox.connection_id("crm"), "crm", "contact", limit=1)
    first = items(sandbox, await get(http, sandbox, url))
    assert first[0]["id"] == contact["id"]
    assert first[0]["name"] == "Ada Lovelace"
    assert sandbox.records("crm", "contact")[0] == first[0]


@pytest.mark.parametrize("method", ["GET", "DELETE"])
async def test_echo_turns_data_into_the_query_for_get_and_delete(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, method: str
) -> None:
    data = {"q": "a b", "n": 3, "tags": ["x", "y"], "flag": True, "none": None}
    body = {"method": method, "path": "/echo/v2/users?page=2", "data": data}
    answer = await passthrough(http, sandbox, body, category="messaging")
    assert answer.status == 200
    assert answer.headers["X-Liza-Upstream"] == "slack"
    assert answer.json() == {
        "method": method,
        "path": "/echo/v2/users",
        "query": {"page": ["2"], "q": ["a b"], "n": ["3"], "tags": ["x", "y"], "flag": ["true"]},
        "body": None,
    }


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH"])
async def test_echo_sends_data_as_the_json_body_otherwise(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, method: str
) -> None:
    data = {"name": "x", "nested": {"list": [1, 2]}}
    answer = await passthrough(http, sandbox, {"method": method, "path": "echo", "data": data})
    assert answer.json() == {"method": method, "path": "/echo", "query": {}, "body": data}


async def test_an_unknown_provider_path_is_the_providers_own_404(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    hubspot = await passthrough(http, sandbox, {"method": "GET", "path": "/crm/v3/nothing"})
    assert hubspot.status == 404
    assert hubspot.headers["X-Liza-Upstream"] == "hubspot"
    assert hubspot.json()["category"] == "OBJECT_NOT_FOUND"
    body = {"method": "GET", "path": "/crm/v3/objects/contacts"}
    other = await passthrough(http, sandbox, body, category="task")
    assert other.status == 404
    assert other.headers["X-Liza-Upstream"] == "asana"
    assert other.json()["error"]["code"] == 404
    put = await passthrough(http, sandbox, {"method": "PUT", "path": "/crm/v3/objects/contacts"})
    assert put.status == 405


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"method": "get", "path": "/echo"}, "method must be one of GET, POST, PUT, PATCH, DELETE"),
        ({"method": "TRACE", "path": "/echo"}, "method must be one of"),
        ({"path": "/echo"}, "method must be one of"),
        ({"method": "GET"}, "path must be a path relative to the provider's API"),
        ({"method": "GET", "path": "https://evil.example/x"}, "path must be a path relative"),
        ({"method": "GET", "path": "//evil.example/x"}, "path must be a path relative"),
        ({"method": "GET", "path": "/echo", "data": [1]}, "data must be a JSON object or null"),
    ],
)
async def test_an_invalid_body_is_liza_s_own_400_without_the_upstream_header(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, body: Any, message: str
) -> None:
    answer = await passthrough(http, sandbox, body)
    assert answer.status == 400
    assert answer.message.startswith(message)
    assert "X-Liza-Upstream" not in answer.headers


async def test_liza_s_own_errors_never_carry_the_upstream_header(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    body = {"method": "GET", "path": "/echo"}
    unknown = await call(
        http, "POST", api(sandbox, "f" * 24, "passthrough"), headers=auth(sandbox), json=body
    )
    assert unknown.status == 404
    assert "X-Liza-Upstream" not in unknown.headers
    url = api(sandbox, sandbox.connection_id("crm"), "passthrough")
    anonymous = await call(http, "POST", url, json=body)
    assert anonymous.status == 401
    assert "X-Liza-Upstream" not in anonymous.headers
