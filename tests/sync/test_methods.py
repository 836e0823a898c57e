"""One smoke test per public method of the sync facade, against the shared sandbox."""

from __future__ import annotations

import http.client
from collections.abc import Callable

import pytest
import yarl

import liza_async
import liza_sync
from liza_async.sandbox import RunningSandbox
from liza_sync import (
    APITimeoutError,
    Category,
    ConflictError,
    Connection,
    CrmContact,
    EnrichmentPerson,
    Export,
    Integration,
    Liza,
    NotFoundError,
    Page,
    UpstreamError,
)


def _authorize(url: yarl.URL) -> int:
    """Open the sandbox's authorize page as a browser would; return its status."""
    browser = http.client.HTTPConnection(url.host or "", url.port)
    try:
        browser.request("GET", url.raw_path_qs)
        return browser.getresponse().status
    finally:
        browser.close()


def test_shared_names_are_the_async_objects() -> None:
    for name in ("NotFoundError", "LizaError", "Page", "Category", "CrmContact", "Timeout"):
        assert getattr(liza_sync, name) is getattr(liza_async, name)
    assert "AsyncLiza" not in liza_sync.__all__
    assert {"Liza", "Export"} <= set(liza_sync.__all__)


def test_integrations_list(liza: Liza) -> None:
    integrations = liza.integrations.list()
    assert len(integrations) >= 20
    assert all(isinstance(integration, Integration) for integration in integrations)


def test_connections_list_and_get(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    assert crm in {connection.id for connection in liza.connections.list()}
    connection = liza.connections.get(crm)
    assert isinstance(connection, Connection)
    assert connection.id == crm
    with pytest.raises(NotFoundError):
        liza.connections.get("no-such-connection")


def test_connect_finalize_delete(liza: Liza) -> None:
    session = liza.connections.connect(
        integration_type="hubspot",
        categories=[Category.CRM],
        redirect_url="https://app.example.com/connected",
        external_xref="sync-user",
    )
    assert isinstance(session.url, yarl.URL)
    new = session.connection_id
    assert new is not None
    with pytest.raises(ConflictError):
        liza.connections.finalize(new)
    assert _authorize(session.url) in (302, 303)  # redirected back: the user authorized
    connection = liza.connections.finalize(new)
    assert connection.id == new
    assert connection.external_xref == "sync-user"
    liza.connections.delete(new)
    with pytest.raises(NotFoundError):
        liza.connections.get(new)


def test_records_list_both_forms(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    truth = liza_sandbox.records("crm", "contact")
    page = liza.records.list(crm, CrmContact, limit=5, offset=3)
    assert isinstance(page, Page)
    assert [contact.id for contact in page] == [truth[i]["id"] for i in range(3, 8)]
    assert all(isinstance(contact, CrmContact) for contact in page)
    generic = liza.records.list(crm, "crm", "contact", limit=2)
    assert [record.id for record in generic] == [truth[0]["id"], truth[1]["id"]]
    assert all(isinstance(record, CrmContact) for record in generic)  # the registered model


def test_records_pages(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    pages = list(liza.records.pages(crm, CrmContact, page_size=100))
    assert all(isinstance(page, Page) for page in pages)
    assert sum(len(page) for page in pages) == len(liza_sandbox.records("crm", "contact"))
    assert [page.offset for page in pages] == [100 * i for i in range(len(pages))]


def test_records_iterate(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    truth = [record["id"] for record in liza_sandbox.records("crm", "contact")]
    assert [contact.id for contact in liza.records.iterate(crm, CrmContact)] == truth
    generic = liza.records.iterate(crm, "crm", "contact", page_size=50)
    assert [record.id for record in generic] == truth


def test_records_export(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    export = liza.records.export(crm, CrmContact, concurrency=2)
    assert isinstance(export, Export)
    assert [contact.id for contact in export] == [
        record["id"] for record in liza_sandbox.records("crm", "contact")
    ]
    assert export.total == len(liza_sandbox.records("crm", "contact"))


def test_records_lookup(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    enrichment = liza_sandbox.connection_id("enrichment")
    person = liza_sandbox.records("enrichment", "person")[0]
    found = liza.records.lookup(enrichment, EnrichmentPerson, email=person["emails"][0]["email"])
    assert isinstance(found, EnrichmentPerson)
    assert found.id == person["id"]
    domain = liza_sandbox.records("enrichment", "company")[0]["domain"]
    company = liza.records.lookup(enrichment, "enrichment", "company", domain=domain)
    assert company.id == liza_sandbox.records("enrichment", "company")[0]["id"]


def test_passthrough_request(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    answer = liza.passthrough.request(crm, "GET", "/crm/v3/objects/contacts", data={"limit": 2})
    assert answer.status == 200
    assert len(answer.json()["results"]) == 2
    missing = liza.passthrough.request(crm, "GET", "/no/such/route")
    with pytest.raises(UpstreamError):
        missing.raise_for_status()


def test_properties_and_repr(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    assert liza.base_url == liza_sandbox.base_url
    assert liza.rate_limit is None
    assert not liza.closed
    assert repr(liza) == f"Liza(base_url={str(liza_sandbox.base_url)!r})"
    assert repr(liza.records) == f"<Records of {liza!r}>"
    assert liza.records is liza.records


def test_per_call_options_and_with_options(
    start_liza_sandbox: Callable[..., RunningSandbox],
) -> None:
    slow = start_liza_sandbox(latency_ms=400)
    with Liza(slow.token, base_url=slow.base_url, rate_limit=None) as liza:
        with pytest.raises(APITimeoutError):
            liza.integrations.list(timeout=0.05, max_retries=0)
        hasty = liza.with_options(timeout=0.05, max_retries=0)
        assert isinstance(hasty, Liza)
        assert hasty._portal is liza._portal
        with pytest.raises(APITimeoutError):
            hasty.connections.list(extra_headers={"X-Trace": "sync"})
        assert liza.integrations.list(extra_headers={"X-Trace": "sync"})
        hasty.close()
        assert liza.closed


def test_the_pytest_plugin_client(liza_client: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    assert isinstance(liza_client, Liza)
    assert liza_client.connections.get(crm).id == crm
