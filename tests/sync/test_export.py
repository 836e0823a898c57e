"""The bulk export in sync: every record once and in order, and resumable to the record."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import yarl
from multidict import CIMultiDict, CIMultiDictProxy

import liza_async
from liza_async import APIConnectionError, AsyncExport, AsyncLiza, Record
from liza_async._http import Request, Response
from liza_async.sandbox import RunningSandbox
from liza_sync import CrmContact, ExportCheckpoint, ExportError, Liza
from liza_sync._cursor import ExportCursor
from liza_sync._portal import Portal


def _truth(sandbox: RunningSandbox) -> list[str]:
    return [record["id"] for record in sandbox.records("crm", "contact")]


@pytest.mark.parametrize("concurrency", [1, 4])
def test_every_record_once_in_order(
    liza: Liza, liza_sandbox: RunningSandbox, concurrency: int
) -> None:
    export = liza.records.export(
        liza_sandbox.connection_id("crm"), CrmContact, concurrency=concurrency, page_size=70
    )
    ids = [contact.id for contact in export]
    assert ids == _truth(liza_sandbox)
    assert export.stats.records == len(ids)
    assert export.checkpoint.next_offset == len(ids)
    assert export.checkpoint.delivered == len(ids)


def test_batches_and_raw_batches(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    batches = list(liza.records.export(crm, "crm", "contact", page_size=100).batches())
    assert [len(batch) for batch in batches[:-1]] == [100] * (len(batches) - 1)
    assert [record.id for batch in batches for record in batch] == _truth(liza_sandbox)
    raw = liza.records.export(crm, CrmContact).raw_batches()
    assert [item["id"] for batch in raw for item in batch] == _truth(liza_sandbox)


@pytest.mark.parametrize("stop_after", [1, 130, 200, 999])
def test_resume_from_the_middle_of_a_page(
    liza: Liza, liza_sandbox: RunningSandbox, stop_after: int
) -> None:
    crm = liza_sandbox.connection_id("crm")
    first = liza.records.export(crm, CrmContact, page_size=100)
    taken = []
    for contact in first:
        taken.append(contact.id)
        if len(taken) == stop_after:
            break
    saved = first.checkpoint.to_json()
    assert first.checkpoint.delivered == stop_after
    resumed = liza.records.export(
        crm, CrmContact, page_size=100, checkpoint=ExportCheckpoint.from_json(saved)
    )
    rest = [contact.id for contact in resumed]
    assert taken + rest == _truth(liza_sandbox)
    assert resumed.checkpoint.delivered == len(_truth(liza_sandbox))


def test_a_failed_export_raises_with_a_checkpoint(
    start_liza_sandbox: Callable[..., RunningSandbox],
) -> None:
    sandbox = start_liza_sandbox(
        records=300, faults={"error_rate": 1.0, "paths": ("/api/v1/integrations/*/crm/contact",)}
    )
    with Liza(sandbox.token, base_url=sandbox.base_url, rate_limit=None) as liza:
        export = liza.records.export(sandbox.connection_id("crm"), CrmContact, max_retries=0)
        with pytest.raises(ExportError) as failure:
            list(export)
    assert isinstance(failure.value, liza_async.ExportError)
    assert failure.value.checkpoint.next_offset == 0


def test_a_failure_behind_a_delivered_page_comes_after_its_records() -> None:
    async def fetch(offset: int) -> Response:
        if offset >= 100:
            raise APIConnectionError("the connection failed")
        items = [{"id": f"c{offset + i}"} for i in range(100)]
        return Response(
            status=200,
            headers=CIMultiDictProxy(CIMultiDict({"Content-Type": "application/json"})),
            body=json.dumps({"data": items}).encode(),
            request=Request(method="GET", url=yarl.URL("http://127.0.0.1:9/api"), headers={}),
        )

    start = ExportCheckpoint(connection_id="c", category="crm", object_type="contact")
    export = AsyncExport(fetch, Record, concurrency=1, page_size=100, start=start)
    portal = Portal(AsyncLiza("token", base_url="http://127.0.0.1:9/api"))
    try:
        cursor = ExportCursor(portal, export)
        records = cursor.records(export.batches())
        ids = [next(records).id for _ in range(100)]  # the first page, taken in the same hop
        assert ids == [f"c{i}" for i in range(100)]
        with pytest.raises(ExportError) as failure:
            next(records)
        assert failure.value.checkpoint.next_offset == 100
        assert cursor.checkpoint.next_offset == 100
        assert cursor.checkpoint.delivered == 100
    finally:
        portal.close()
