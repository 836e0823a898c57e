"""The types a checker infers for liza's async API. Checked by mypy --strict; never executed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from liza_async import (
    AsyncExport,
    AsyncLiza,
    Category,
    Connection,
    ConnectSession,
    CrmContact,
    EnrichmentPerson,
    ExportCheckpoint,
    HrEmployee,
    Integration,
    Page,
    PassthroughResponse,
    Record,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    import yarl
    from typing_extensions import assert_type


async def typed_usage(liza: AsyncLiza, conn: str) -> None:
    assert_type(await liza.integrations.list(), list[Integration])
    assert_type(await liza.connections.list(), list[Connection])
    assert_type(await liza.connections.get(conn), Connection)
    assert_type(await liza.connections.delete(conn), None)
    session = await liza.connections.connect(integration_type="hubspot", categories=["crm"])
    assert_type(session, ConnectSession)
    assert_type(session.url, yarl.URL | None)
    assert_type(await liza.connections.finalize(conn), Connection)

    page = await liza.records.list(conn, CrmContact, limit=20)
    assert_type(page, Page[CrmContact])
    contact = page.items[0]
    assert_type(contact, CrmContact)
    assert_type(contact.emails[0].email if contact.emails else None, str | None)
    assert_type(await liza.records.list(conn, "crm", "contact"), Page[Record])
    assert_type(await liza.records.list(conn, Category.HR, "employee"), Page[Record])
    assert_type(liza.records.iterate(conn, HrEmployee), AsyncIterator[HrEmployee])
    assert_type(liza.records.iterate(conn, "ats", "interview"), AsyncIterator[Record])
    assert_type(liza.records.pages(conn, CrmContact), AsyncIterator[Page[CrmContact]])

    export = liza.records.export(conn, CrmContact, concurrency=8)
    assert_type(export, AsyncExport[CrmContact])
    async for exported in export:
        assert_type(exported, CrmContact)
    assert_type(export.checkpoint, ExportCheckpoint)
    assert_type(liza.records.export(conn, "crm", "deal"), AsyncExport[Record])

    person = await liza.records.lookup(conn, EnrichmentPerson, email="ada@example.com")
    assert_type(person, EnrichmentPerson)
    answer = await liza.passthrough.request(conn, "GET", "/crm/v3/objects/contacts")
    assert_type(answer, PassthroughResponse)
    assert_type(liza.with_options(timeout=5), AsyncLiza)
