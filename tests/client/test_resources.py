"""Every endpoint through AsyncLiza, against the sandbox in each response shape."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import aiohttp
import pytest
import yarl

from liza_async import (
    AuthenticationError,
    BadRequestError,
    Category,
    ConflictError,
    Connection,
    CrmCompany,
    CrmContact,
    Integration,
    NotFoundError,
    PermissionDeniedError,
    Record,
    UpstreamError,
)
from liza_async._client import AsyncLiza
from liza_async._converter import parse_datetime
from liza_async.sandbox import RunningSandbox
from liza_async.sandbox._data import OBJECT_TYPES

pytestmark = pytest.mark.anyio


async def test_integrations_list(client: AsyncLiza) -> None:
    integrations = await client.integrations.list()
    assert len(integrations) >= 20
    assert all(isinstance(i, Integration) for i in integrations)
    types = {i.type for i in integrations}
    assert {"hubspot", "salesforce", "zendesk", "slack", "shopify", "bamboohr"} <= types
    covered = {c for i in integrations for c in (i.categories or [])}
    assert covered == set(Category)
    assert all(isinstance(c, Category) for i in integrations for c in (i.categories or []))


async def test_connections_list_and_get(client: AsyncLiza, shaped_sandbox: RunningSandbox) -> None:
    connections = await client.connections.list()
    assert {c.id for c in connections} >= {c["id"] for c in shaped_sandbox.connections}
    crm_id = shaped_sandbox.connection_id("crm")
    connection = await client.connections.get(crm_id)
    assert isinstance(connection, Connection)
    assert connection.id == crm_id
    assert Category.CRM in (connection.categories or [])
    assert connection.created_at is not None
    assert connection.created_at.tzinfo is not None
    assert connection.auth is None


async def test_connect_authorize_finalize_delete(
    client: AsyncLiza, shaped_sandbox: RunningSandbox
) -> None:
    session = await client.connections.connect(
        integration_type="hubspot",
        categories=[Category.CRM],
        redirect_url="https://app.example.com/connected?tab=crm",
        external_xref="user-42",
        scopes=["crm_contact_read"],
    )
    assert isinstance(session.url, yarl.URL)
    assert session.connection_id
    with pytest.raises(ConflictError, match="authoriz"):
        await client.connections.finalize(session.connection_id)
    async with (
        aiohttp.ClientSession() as browser,
        browser.get(session.url, allow_redirects=False) as page,
    ):
        assert page.status in (302, 303)
        location = yarl.URL(page.headers["Location"])
    assert location.host == "app.example.com"
    assert location.query["id"] == session.connection_id
    assert location.query["tab"] == "crm"
    connection = await client.connections.finalize(session.connection_id)
    assert connection.id == session.connection_id
    assert connection.integration_type == "hubspot"
    assert connection.external_xref == "user-42"
    assert session.connection_id in {c.id for c in await client.connections.list()}
    await client.connections.delete(session.connection_id)
    with pytest.raises(NotFoundError):
        await client.connections.delete(session.connection_id)
    with pytest.raises(NotFoundError):
        await client.connections.get(session.connection_id)


async def test_connect_refusals_from_the_api(client: AsyncLiza) -> None:
    with pytest.raises(BadRequestError, match="integration"):
        await client.connections.connect(integration_type="no-such-system", categories=["crm"])
    with pytest.raises(BadRequestError, match="ticketing"):
        await client.connections.connect(integration_type="salesforce", categories=["ticketing"])
    with pytest.raises(NotFoundError):
        await client.connections.finalize("never-issued")


async def test_records_list_typed(client: AsyncLiza, shaped_sandbox: RunningSandbox) -> None:
    crm = shaped_sandbox.connection_id("crm")
    page = await client.records.list(crm, CrmContact, limit=20, offset=10)
    assert len(page) == 20
    assert all(isinstance(c, CrmContact) for c in page)
    truth = shaped_sandbox.records("crm", "contact")
    assert [c.id for c in page] == [truth[i]["id"] for i in range(10, 30)]
    assert (page.offset, page.limit) == (10, 20)
    assert page.total == len(truth)
    assert not page.is_last
    first = page.items[0]
    assert first.updated_at is not None
    assert first.updated_at.tzinfo is not None


async def test_records_string_form_returns_the_registered_model(
    client: AsyncLiza, shaped_sandbox: RunningSandbox
) -> None:
    crm = shaped_sandbox.connection_id("crm")
    page = await client.records.list(crm, "crm", "company", limit=5)
    assert all(isinstance(c, CrmCompany) for c in page)
    page2 = await client.records.list(crm, Category.CRM, "company", limit=5)
    assert [c.id for c in page2] == [c.id for c in page]


async def test_last_page_and_offset_past_the_end(
    client: AsyncLiza, shaped_sandbox: RunningSandbox
) -> None:
    crm = shaped_sandbox.connection_id("crm")
    total = len(shaped_sandbox.records("crm", "contact"))
    last = await client.records.list(crm, CrmContact, limit=100, offset=total - 7)
    assert len(last) == 7
    assert last.is_last
    beyond = await client.records.list(crm, CrmContact, limit=100, offset=total + 5)
    assert len(beyond) == 0
    assert beyond.is_last


async def test_query_and_updated_gte(client: AsyncLiza, shaped_sandbox: RunningSandbox) -> None:
    crm = shaped_sandbox.connection_id("crm")
    truth = list(shaped_sandbox.records("crm", "contact"))
    name = truth[3]["first_name"]
    page = await client.records.list(crm, CrmContact, query=name.upper(), limit=100)
    assert len(page) > 0
    assert all(name.lower() in (c.name or "").lower() + str(c.emails).lower() for c in page)
    pivot = parse_datetime(truth[200]["updated_at"])
    expected = [r["id"] for r in truth if parse_datetime(r["updated_at"]) >= pivot]
    for since in (pivot, pivot.isoformat(), pivot.replace(tzinfo=None)):
        got = [c.id async for c in client.records.iterate(crm, CrmContact, updated_gte=since)]
        assert got == expected
    as_date = pivot.date() + timedelta(days=1)
    later = await client.records.list(crm, CrmContact, updated_gte=as_date, limit=100)
    midnight = datetime(as_date.year, as_date.month, as_date.day, tzinfo=timezone.utc)
    assert all(c.updated_at is not None and c.updated_at >= midnight for c in later)
    assert isinstance(as_date, date)


async def test_object_type_without_a_typed_model_is_a_generic_record(
    client: AsyncLiza, shaped_sandbox: RunningSandbox
) -> None:
    crm = shaped_sandbox.connection_id("crm")
    with pytest.raises(NotFoundError, match="contact"):
        await client.records.list(crm, "crm", "interview")


async def test_every_object_type_decodes_without_leftovers(
    client: AsyncLiza, shaped_sandbox: RunningSandbox
) -> None:
    for category in Category:
        if category is Category.ENRICHMENT:
            continue
        connection = shaped_sandbox.connection_id(category.value)
        for object_type in OBJECT_TYPES[category.value]:
            page = await client.records.list(connection, category, object_type, limit=50)
            assert len(page) > 0, (category, object_type)
            for record in page:
                assert type(record) is not Record, (category, object_type)
                assert not record.extra, (category, object_type, dict(record.extra))


async def test_forbidden_category_and_bad_token(
    client: AsyncLiza, shaped_sandbox: RunningSandbox
) -> None:
    crm = shaped_sandbox.connection_id("crm")
    with pytest.raises(PermissionDeniedError, match="ticketing"):
        await client.records.list(crm, "ticketing", "ticket")
    async with AsyncLiza("liza_mcp_wrong", base_url=shaped_sandbox.base_url) as stranger:
        with pytest.raises(AuthenticationError) as info:
            await stranger.connections.list()
    assert info.value.status_code == 401
    assert info.value.request_id


async def test_enrichment_lookup(client: AsyncLiza, shaped_sandbox: RunningSandbox) -> None:
    from liza_async import EnrichmentCompany, EnrichmentPerson

    connection = shaped_sandbox.connection_id("enrichment")
    people = shaped_sandbox.records("enrichment", "person")
    email = people[0]["emails"][0]["email"]
    person = await client.records.lookup(connection, EnrichmentPerson, email=email.upper())
    assert isinstance(person, EnrichmentPerson)
    assert person.id == people[0]["id"]
    domain = shaped_sandbox.records("enrichment", "company")[0]["domain"]
    company = await client.records.lookup(connection, "enrichment", "company", domain=domain)
    assert isinstance(company, EnrichmentCompany)
    with pytest.raises(NotFoundError):
        await client.records.lookup(connection, EnrichmentPerson, email="nobody@nowhere.invalid")


async def test_passthrough_provider_answers(
    client: AsyncLiza, shaped_sandbox: RunningSandbox
) -> None:
    crm = shaped_sandbox.connection_id("crm")
    answer = await client.passthrough.request(
        crm, "get", "/crm/v3/objects/contacts", data={"limit": 3}
    )
    assert answer.ok
    assert answer.status == 200
    results = answer.json()["results"]
    assert len(results) == 3
    assert results[0]["id"]
    assert answer.headers["X-Liza-Upstream"]
    echo = await client.passthrough.request(crm, "POST", "echo/path", data={"x": [1, 2]})
    assert echo.json()["method"] == "POST"
    assert echo.json()["body"] == {"x": [1, 2]}
    missing = await client.passthrough.request(crm, "GET", "/no/such/route")
    assert missing.status == 404
    assert not missing.ok
    with pytest.raises(UpstreamError) as info:
        missing.raise_for_status()
    assert info.value.status_code == 404
    with pytest.raises(NotFoundError):
        await client.passthrough.request("no-such-connection", "GET", "/echo")


async def test_ids_with_special_characters_reach_the_right_route(client: AsyncLiza) -> None:
    for weird in ("a/b", "..", "../connections", "x?y=1", "x#y", "50%", "a b", "ünï"):
        with pytest.raises(NotFoundError) as info:
            await client.connections.get(weird)
        assert repr(weird) in info.value.message or weird in info.value.message, weird
