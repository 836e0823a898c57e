"""One client shared by many threads: every answer goes to the thread that asked for it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from liza_async.sandbox import RunningSandbox
from liza_sync import CrmContact, Liza

THREADS = 16
CALLS = 50


def test_sixteen_threads_fifty_calls_each(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    truth = [record["id"] for record in liza_sandbox.records("crm", "contact")]
    start = threading.Barrier(THREADS)

    def worker(number: int) -> list[tuple[int, str | None]]:
        start.wait()
        answers = []
        for call in range(CALLS):
            offset = (number * CALLS + call * 7) % len(truth)
            page = liza.records.list(crm, CrmContact, limit=1, offset=offset)
            answers.append((offset, page.items[0].id))
        return answers

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(worker, range(THREADS)))
    answers = [answer for result in results for answer in result]
    assert len(answers) == THREADS * CALLS
    assert all(found == truth[offset] for offset, found in answers)


def test_threads_iterating_at_once(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    truth = [record["id"] for record in liza_sandbox.records("crm", "contact")]

    def read_all(page_size: int) -> list[str | None]:
        return [
            contact.id for contact in liza.records.iterate(crm, CrmContact, page_size=page_size)
        ]

    with ThreadPoolExecutor(4) as pool:
        listings = list(pool.map(read_all, (100, 70, 33, 100)))
    assert all(listing == truth for listing in listings)
