"""Iterators move whole pages across the thread boundary, and leaving a loop early cancels."""

from __future__ import annotations

import gc
from collections.abc import Callable, Coroutine, Iterable, Iterator
from typing import Any

import pytest

from liza_async.sandbox import RunningSandbox
from liza_sync import CrmContact, Liza, LizaError
from liza_sync._cursor import PAGES_PER_HOP

from ._support import tasks_in_flight


@pytest.fixture
def slow(start_liza_sandbox: Callable[..., RunningSandbox]) -> RunningSandbox:
    """Answers take a while, so an export has requests in flight when the loop stops."""
    return start_liza_sandbox(records=1000, latency_ms=150)


@pytest.fixture
def slow_liza(slow: RunningSandbox) -> Iterator[Liza]:
    with Liza(slow.token, base_url=slow.base_url, rate_limit=None) as liza:
        yield liza


def _count_hops(liza: Liza, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    hops = [0]
    run = liza._portal.run

    def counting(coroutine: Coroutine[Any, Any, Any]) -> Any:
        hops[0] += 1
        return run(coroutine)

    monkeypatch.setattr(liza._portal, "run", counting)
    return hops


def _fail_on_first(items: Iterable[object]) -> None:
    for _ in items:
        raise ZeroDivisionError


def test_iterate_crosses_once_per_page(
    liza: Liza, liza_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    crm = liza_sandbox.connection_id("crm")
    hops = _count_hops(liza, monkeypatch)
    contacts = list(liza.records.iterate(crm, CrmContact, page_size=100))
    pages = -(-len(contacts) // 100)
    assert len(contacts) == len(liza_sandbox.records("crm", "contact"))
    assert hops[0] <= pages + 1  # one per page, plus the one that finds the end


def test_export_crosses_once_per_two_pages(
    liza: Liza, liza_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    crm = liza_sandbox.connection_id("crm")
    hops = _count_hops(liza, monkeypatch)
    export = liza.records.export(crm, CrmContact, page_size=100)
    contacts = list(export)
    assert len(contacts) == len(liza_sandbox.records("crm", "contact"))
    assert hops[0] <= export.stats.pages // PAGES_PER_HOP + 1


def test_break_out_of_an_export_cancels_its_requests(slow_liza: Liza, slow: RunningSandbox) -> None:
    export = slow_liza.records.export(slow.connection_id("crm"), CrmContact, concurrency=4)
    for _ in export:
        break
    assert slow.stats.requests >= 2  # the window had requests beyond the first page
    assert tasks_in_flight(slow_liza) == 0
    with pytest.raises(LizaError, match="only once"):
        iter(export).__next__()


def test_an_exception_in_the_loop_closes_the_iterator(
    slow_liza: Liza, slow: RunningSandbox
) -> None:
    crm = slow.connection_id("crm")
    with pytest.raises(ZeroDivisionError):
        _fail_on_first(slow_liza.records.export(crm, CrmContact, concurrency=4).batches())
    assert tasks_in_flight(slow_liza) == 0
    with pytest.raises(ZeroDivisionError):
        _fail_on_first(slow_liza.records.pages(crm, CrmContact))
    assert tasks_in_flight(slow_liza) == 0


def test_a_dropped_iterator_is_closed(slow_liza: Liza, slow: RunningSandbox) -> None:
    records = iter(slow_liza.records.export(slow.connection_id("crm"), CrmContact, concurrency=4))
    assert isinstance(next(records), CrmContact)
    del records
    gc.collect()
    assert tasks_in_flight(slow_liza) == 0


def test_closing_an_export_cancels_its_requests(slow_liza: Liza, slow: RunningSandbox) -> None:
    with slow_liza.records.export(slow.connection_id("crm"), CrmContact) as export:
        batches = export.raw_batches()
        first = next(batches)
        assert isinstance(first[0], dict)
    assert tasks_in_flight(slow_liza) == 0
    rest = list(batches)  # at most what had crossed already; nothing is fetched any more
    assert len(rest) < PAGES_PER_HOP
    export.close()


def test_validation_errors_raise_at_the_call(liza: Liza) -> None:
    with pytest.raises(LizaError, match="page_size"):
        liza.records.iterate("conn", CrmContact, page_size=1000)
    with pytest.raises(LizaError, match="concurrency"):
        liza.records.export("conn", CrmContact, concurrency=0)
