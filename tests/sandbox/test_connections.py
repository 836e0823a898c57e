"""The catalogue, the connections API and the OAuth connect flow, end to end."""

from __future__ import annotations

import io
import json
from typing import Any

import aiohttp
import pytest
from yarl import URL

from liza_async.sandbox import RunningSandbox
from liza_async.sandbox._params import CATEGORIES

from ._client import Answer, api, auth, call, get
from .conftest import Start

pytestmark = pytest.mark.anyio

UNIFIED_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "workspace_id",
    "integration_type",
    "integration_name",
    "categories",
    "permissions",
    "environment",
    "is_paused",
}


async def post(http: aiohttp.ClientSession, sandbox: RunningSandbox, url: URL, body: Any) -> Answer:
    return await call(http, "POST", url, headers=auth(sandbox), json=body)


async def test_the_catalogue_lists_at_least_20_integrations_covering_the_12_categories(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    catalogue = (await get(http, sandbox, api(sandbox))).json()["data"]
    assert len(catalogue) >= 20
    assert {c for entry in catalogue for c in entry["categories"]} == set(CATEGORIES)
    types = {entry["type"] for entry in catalogue}
    assert types >= {"hubspot", "salesforce", "zendesk", "slack", "shopify"}


async def test_seeded_connections_one_per_category_with_unified_fields_and_no_secrets(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    answer = await get(http, sandbox, api(sandbox, "connections"))
    listed = answer.json()["data"]
    assert listed == list(sandbox.connections)
    assert [c["categories"] for c in listed] == [[c] for c in CATEGORIES]
    for connection in listed:
        assert set(connection) >= UNIFIED_FIELDS
        assert "auth" not in connection
        assert len(connection["id"]) == 24
        int(connection["id"], 16)
    crm = listed[0]
    assert crm["integration_type"] == "hubspot"
    assert "crm_contact_read" in crm["permissions"]
    assert answer.json()["pagination"] == {"limit": 12, "offset": 0, "total": 12, "has_more": False}


async def test_get_a_connection_then_delete_it_twice(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start()
    crm = sandbox.connection_id("crm")
    answer = await get(http, sandbox, api(sandbox, "connections", crm))
    assert answer.json() == {"data": sandbox.connections[0]}
    deleted = await call(http, "DELETE", api(sandbox, "connections", crm), headers=auth(sandbox))
    assert (deleted.status, deleted.body) == (204, b"")
    again = await call(http, "DELETE", api(sandbox, "connections", crm), headers=auth(sandbox))
    assert again.status == 404
    assert (await get(http, sandbox, api(sandbox, "connections", crm))).status == 404
    listed = (await get(http, sandbox, api(sandbox, "connections"))).json()["data"]
    assert crm not in {c["id"] for c in listed}
    records = await get(http, sandbox, api(sandbox, crm, "crm", "contact"))
    assert records.status == 404


async def test_a_single_connection_is_bare_in_the_bare_shape(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(shape="bare")
    answer = await get(http, sandbox, api(sandbox, "connections", sandbox.connection_id("ats")))
    assert answer.json() == sandbox.connections[CATEGORIES.index("ats")]
    listed = await get(http, sandbox, api(sandbox, "connections"))
    assert listed.json() == list(sandbox.connections)
    assert listed.headers["X-Total-Count"] == "12"


async def test_the_oauth_flow_end_to_end(http: aiohttp.ClientSession, start: Start) -> None:
    sandbox = start()
    body = {
        "integration_type": "hubspot",
        "categories": ["crm"],
        "redirect_url": "https://app.example.com/done?state=xyz",
        "external_xref": "user-42",
        "scopes": ["crm_contact_read"],
    }
    started = await post(http, sandbox, api(sandbox, "connect"), body)
    assert started.status == 200
    session = started.json()["data"]
    connection_id = session["connection_id"]
    url = URL(session["url"])
    assert url.origin() == sandbox.base_url.origin()
    assert url.path.startswith("/sandbox/authorize/")

    early = await post(http, sandbox, api(sandbox, "callback"), {"connection_id": connection_id})
    assert early.status == 409
    assert "has not been authorized yet" in early.message

    authorized = await call(http, "GET", url, allow_redirects=False)
    assert authorized.status == 302
    location = URL(authorized.headers["Location"])
    assert location.with_query(None) == URL("https://app.example.com/done")
    assert dict(location.query) == {"state": "xyz", "id": connection_id}

    done = await post(http, sandbox, api(sandbox, "callback"), {"connection_id": connection_id})
    assert done.status == 200
    connection = done.json()["data"]
    assert connection["id"] == connection_id
    assert connection["external_xref"] == "user-42"
    assert connection["categories"] == ["crm"]
    assert set(connection) >= UNIFIED_FIELDS
    assert "auth" not in connection
    listed = (await get(http, sandbox, api(sandbox, "connections"))).json()["data"]
    assert listed[-1] == connection
    records = await get(http, sandbox, api(sandbox, connection_id, "crm", "contact", limit=1))
    assert records.status == 200


async def test_without_redirect_url_the_authorize_page_says_it_is_authorized(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start()
    body = {"integration_type": "slack", "categories": ["messaging"]}
    session = (await post(http, sandbox, api(sandbox, "connect"), body)).json()["data"]
    page = await call(http, "GET", session["url"], allow_redirects=False)
    assert page.status == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert f"Connection {session['connection_id']} is authorized" in page.body.decode()
    missing = await call(http, "GET", sandbox.base_url.origin() / "sandbox/authorize/nope")
    assert missing.status == 404
    assert missing.message == "no pending connection 'nope'"


async def test_callback_for_an_unknown_connection_is_a_404(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    answer = await post(http, sandbox, api(sandbox, "callback"), {"connection_id": "f" * 24})
    assert answer.status == 404
    assert answer.message == f"no pending connection {'f' * 24!r}"
    answer = await post(http, sandbox, api(sandbox, "callback"), {})
    assert answer.status == 400


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"integration_type": None}, "integration_type is required"),
        ({"integration_type": "myspace"}, "unknown integration_type 'myspace'; known types: "),
        ({"categories": []}, "categories is required: a non-empty list drawn from crm, "),
        ({"categories": "crm"}, "categories is required"),
        ({"categories": ["crm", "gaming"]}, "unknown categories 'gaming'; allowed categories: "),
        ({"categories": ["ats"]}, "hubspot does not support 'ats'; it supports: "),
        ({"redirect_url": "/relative"}, "redirect_url must be an absolute http or https URL"),
        ({"redirect_url": "ftp://x.example"}, "redirect_url must be an absolute http or https"),
        ({"external_xref": 42}, "external_xref must be a string"),
        ({"scopes": "all"}, "scopes must be a list of strings"),
    ],
)
async def test_connect_validates_its_body(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, change: dict[str, Any], message: str
) -> None:
    body = {"integration_type": "hubspot", "categories": ["crm"], **change}
    body = {k: v for k, v in body.items() if v is not None}
    answer = await post(http, sandbox, api(sandbox, "connect"), body)
    assert answer.status == 400
    assert answer.message.startswith(message)


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b""])
async def test_a_body_that_is_not_a_json_object_is_a_400(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, raw: bytes
) -> None:
    async with http.post(api(sandbox, "connect"), data=raw, headers=auth(sandbox)) as response:
        answer = Answer(response.status, response.headers, await response.read())
    assert answer.status == 400
    assert answer.message == "the request body must be a JSON object"


async def test_a_body_over_a_mebibyte_is_a_413(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    body = {"integration_type": "hubspot", "categories": ["crm"], "external_xref": "x" * 2**20}
    data = io.BytesIO(json.dumps(body).encode())
    async with http.post(api(sandbox, "connect"), data=data, headers=auth(sandbox)) as response:
        answer = Answer(response.status, response.headers, await response.read())
    assert answer.status == 413
    assert answer.message == "the request body must be at most 1048576 bytes"
