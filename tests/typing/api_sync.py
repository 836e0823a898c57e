"""The types a checker infers for liza's sync API. Checked by mypy --strict; never executed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from liza_sync import (
    Category,
    Connection,
    CrmContact,
    Export,
    ExportCheckpoint,
    Integration,
    Liza,
    Page,
    PassthroughResponse,
    Record,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from typing_extensions import assert_type


def typed_usage(liza: Liza, conn: str) -> None:
    assert_type(liza.integrations.list(), list[Integration])
    assert_type(liza.connections.get(conn), Connection)
    assert_type(liza.records.list(conn, CrmContact, limit=20), Page[CrmContact])
    assert_type(liza.records.list(conn, Category.CRM, "contact"), Page[Record])
    assert_type(liza.records.iterate(conn, CrmContact), Iterator[CrmContact])
    assert_type(liza.records.pages(conn, "crm", "deal"), Iterator[Page[Record]])
    export = liza.records.export(conn, CrmContact)
    assert_type(export, Export[CrmContact])
    for contact in export:
        assert_type(contact, CrmContact)
    assert_type(export.checkpoint, ExportCheckpoint)
    assert_type(liza.passthrough.request(conn, "GET", "/echo"), PassthroughResponse)
    assert_type(liza.with_options(max_retries=0), Liza)
