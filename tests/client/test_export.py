"""Iteration and the concurrent export: every record once, in order, in bounded memory."""

from __future__ import annotations

import asyncio
import gc
import warnings
from collections.abc import Callable
from typing import Any

import pytest

from liza_async import (
    AsyncLiza,
    CrmContact,
    ExportCheckpoint,
    ExportError,
    Page,
    Record,
    RetryPolicy,
)
from liza_async.sandbox import SHAPES, RunningSandbox

pytestmark = pytest.mark.anyio

StartSandbox = Callable[..., RunningSandbox]
FAST = RetryPolicy(max_retries=2, backoff_base=0.01, backoff_cap=0.05)


def client_for(sandbox: RunningSandbox, **options: Any) -> AsyncLiza:
    options.setdefault("retry_policy", FAST)
    return AsyncLiza(sandbox.token, base_url=sandbox.base_url, rate_limit=None, **options)


def truth_ids(sandbox: RunningSandbox, category: str = "crm", kind: str = "contact") -> list[str]:
    return [record["id"] for record in sandbox.records(category, kind)]


async def test_pages_and_iterate_walk_everything(
    client: AsyncLiza, shaped_sandbox: RunningSandbox
) -> None:
    crm = shaped_sandbox.connection_id("crm")
    pages = [page async for page in client.records.pages(crm, CrmContact, page_size=40)]
    assert all(isinstance(page, Page) for page in pages)
    assert [page.offset for page in pages] == list(range(0, 40 * len(pages), 40))
    assert pages[-1].is_last
    ids = [c.id for page in pages for c in page]
    assert ids == truth_ids(shaped_sandbox)
    iterated = [c.id async for c in client.records.iterate(crm, "crm", "contact", page_size=100)]
    assert iterated == ids


async def test_iteration_of_an_exact_multiple_ends_on_the_total_or_an_empty_page(
    start_liza_sandbox: StartSandbox,
) -> None:
    for shape in SHAPES:
        sandbox = start_liza_sandbox(records=200, shape=shape)
        async with client_for(sandbox) as liza:
            crm = sandbox.connection_id("crm")
            pages = [p async for p in liza.records.pages(crm, CrmContact, page_size=100)]
        # with a total (envelope, mcp, X-Total-Count) no empty page is needed
        assert [len(p) for p in pages] == [100, 100], shape
        assert sandbox.stats.requests == 2, shape


@pytest.mark.parametrize("concurrency", [1, 4, 16])
async def test_export_delivers_every_record_once_in_order(
    client: AsyncLiza, shaped_sandbox: RunningSandbox, concurrency: int
) -> None:
    crm = shaped_sandbox.connection_id("crm")
    export = client.records.export(crm, CrmContact, concurrency=concurrency, page_size=30)
    ids = [contact.id async for contact in export]
    assert ids == truth_ids(shaped_sandbox)
    assert export.stats.records == len(ids)
    assert export.stats.duplicates == 0
    assert export.checkpoint.next_offset == len(ids)
    assert export.checkpoint.delivered == len(ids)


async def test_export_of_other_categories_and_generic_records(
    client: AsyncLiza, shaped_sandbox: RunningSandbox
) -> None:
    ticketing = shaped_sandbox.connection_id("ticketing")
    export = client.records.export(ticketing, "ticketing", "ticket", concurrency=3, page_size=25)
    records = [record async for record in export]
    assert [r.id for r in records] == truth_ids(shaped_sandbox, "ticketing", "ticket")
    assert all(isinstance(r, Record) for r in records)


async def test_export_content_matches_ground_truth(
    client: AsyncLiza, shaped_sandbox: RunningSandbox
) -> None:
    from liza_async._converter import unstructure

    crm = shaped_sandbox.connection_id("crm")
    truth = list(shaped_sandbox.records("crm", "contact"))
    raw: list[dict[str, Any]] = []
    async for batch in client.records.export(crm, CrmContact, page_size=50).raw_batches():
        raw.extend(batch)
    assert raw == truth
    typed = [c async for c in client.records.export(crm, CrmContact, page_size=50)]
    assert [unstructure(c) for c in typed] == truth


async def test_export_under_faults_is_exactly_once_for_every_shape(
    start_liza_sandbox: StartSandbox,
) -> None:
    faults = {
        "error_rate": 0.05,
        "drop_rate": 0.02,
        "truncate_rate": 0.02,
        "burst_429_every": 37,
        "burst_429_length": 2,
        "burst_429_retry_after": 0,
    }
    for shape in SHAPES:
        sandbox = start_liza_sandbox(records=3000, shape=shape, faults=faults, seed=3)
        async with client_for(sandbox) as liza:
            crm = sandbox.connection_id("crm")
            raw: list[dict[str, Any]] = []
            export = liza.records.export(crm, CrmContact, concurrency=6, page_size=50)
            async for batch in export.raw_batches():
                raw.extend(batch)
        assert raw == list(sandbox.records("crm", "contact")), shape
        assert sum(sandbox.stats.faults.values()) > 0, shape
        assert export.stats.retries > 0, shape


async def test_export_stops_with_a_checkpoint_and_resumes_exactly(
    start_liza_sandbox: StartSandbox,
) -> None:
    sandbox = start_liza_sandbox(records=600)
    crm = sandbox.connection_id("crm")
    truth = truth_ids(sandbox)
    delivered: list[str] = []
    async with client_for(sandbox) as liza:
        export = liza.records.export(crm, CrmContact, page_size=40, concurrency=3)
        async for contact in export:
            delivered.append(contact.id or "")
            if len(delivered) == 217:
                break
        saved = export.checkpoint.to_json()
        resumed = liza.records.export(
            crm, CrmContact, page_size=40, checkpoint=ExportCheckpoint.from_json(saved)
        )
        delivered += [contact.id or "" async for contact in resumed]
    assert delivered == truth


async def test_a_failing_page_raises_export_error_with_a_resumable_checkpoint(
    start_liza_sandbox: StartSandbox,
) -> None:
    healthy = start_liza_sandbox(records=2000)
    broken = start_liza_sandbox(records=2000, faults={"error_rate": 0.3}, seed=0)
    crm = broken.connection_id("crm")
    assert healthy.connection_id("crm") == crm
    got: list[str] = []
    async with client_for(broken) as liza:
        export = liza.records.export(crm, CrmContact, page_size=100, concurrency=1, max_retries=0)
        with pytest.raises(ExportError) as info:
            await collect_ids(export, got)
    checkpoint = info.value.checkpoint
    assert 0 < len(got) < 2000
    assert got == truth_ids(broken)[: len(got)]
    assert checkpoint.next_offset == checkpoint.delivered == len(got)
    assert f"offset {len(got)}" in str(info.value)
    assert info.value.cause.__class__.__name__ == "InternalServerError"
    async with client_for(healthy) as liza:
        resumed = liza.records.export(crm, CrmContact, checkpoint=checkpoint)
        got += [c.id or "" async for c in resumed]
    assert got == truth_ids(healthy)


async def test_duplicates_from_shifting_data_are_dropped(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(records=400, faults={"insert_every": 2})
    crm = sandbox.connection_id("crm")
    original = truth_ids(sandbox)
    async with client_for(sandbox) as liza:
        export = liza.records.export(crm, CrmContact, page_size=50, concurrency=1)
        ids = [contact.id async for contact in export]
    assert len(ids) == len(set(ids))
    assert export.stats.duplicates > 0
    assert [i for i in ids if i in set(original)] == original


async def test_early_break_cancels_everything(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(records=5000, latency_ms=50)
    crm = sandbox.connection_id("crm")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        async with client_for(sandbox) as liza:
            before = asyncio.all_tasks()
            export = liza.records.export(crm, CrmContact, page_size=100, concurrency=8)
            async with export:
                async for _ in export:
                    break
            await asyncio.sleep(0)
            assert asyncio.all_tasks() == before
            requested = sandbox.stats.requests
            await asyncio.sleep(0.3)
            assert sandbox.stats.requests == requested
        gc.collect()


async def test_cancelling_the_consumer_cancels_the_export(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(records=5000, latency_ms=100)
    crm = sandbox.connection_id("crm")
    async with client_for(sandbox) as liza:
        before = asyncio.all_tasks()

        async def consume() -> None:
            async with contextlib_aclosing(liza.records.export(crm, CrmContact).batches()) as it:
                async for _ in it:
                    pass

        task = asyncio.ensure_future(consume())
        await asyncio.sleep(0.25)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert asyncio.all_tasks() == before


async def collect_ids(export: Any, into: list[str]) -> None:
    async for record in export:
        into.append(record.id or "")


def contextlib_aclosing(iterator: Any) -> Any:
    import contextlib

    return contextlib.aclosing(iterator)


async def test_an_export_iterates_once(client: AsyncLiza, shaped_sandbox: RunningSandbox) -> None:
    from liza_async import LizaError

    export = client.records.export(shaped_sandbox.connection_id("crm"), CrmContact)
    assert [c async for c in export]
    with pytest.raises(LizaError, match="only once"):
        export.batches()
