"""After os.fork(), the child gets a loop and a session of its own; the parent keeps its own."""

from __future__ import annotations

import os
import signal
import time
import traceback
import warnings
from collections.abc import Callable

import pytest

from liza_async.sandbox import RunningSandbox
from liza_sync import CrmContact, Liza, LizaError

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the platform has no fork")


def _in_child(work: Callable[[], None]) -> tuple[int, str]:
    """Run ``work`` in a forked child; return its exit status and what it reported."""
    read, write = os.pipe()
    with warnings.catch_warnings():  # Python 3.12+ warns about forking a threaded process
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        os.close(read)
        status, report = 0, "ok"
        try:
            work()
        except BaseException:
            status, report = 1, traceback.format_exc()
        os.write(write, report.encode())
        os._exit(status)
    os.close(write)
    deadline = time.monotonic() + 60
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0:
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung")
        time.sleep(0.01)
    with os.fdopen(read, "rb") as pipe:
        report = pipe.read().decode()
    return os.waitstatus_to_exitcode(done[1]), report


def test_the_child_uses_a_fresh_loop_and_session(liza: Liza, liza_sandbox: RunningSandbox) -> None:
    crm = liza_sandbox.connection_id("crm")
    truth = [record["id"] for record in liza_sandbox.records("crm", "contact")]
    assert liza.connections.list()  # the parent's session holds a pooled connection now
    parent_session = liza._async._transport._session
    assert parent_session is not None

    def child() -> None:
        assert [c.id for c in liza.records.iterate(crm, CrmContact)] == truth
        session = liza._async._transport._session
        assert session is not None
        assert session is not parent_session
        liza.close()

    status, report = _in_child(child)
    assert status == 0, report
    assert liza._async._transport._session is parent_session
    assert liza.records.list(crm, CrmContact, limit=2).items[1].id == truth[1]


def test_an_iterator_started_before_the_fork_refuses_in_the_child(
    liza: Liza, liza_sandbox: RunningSandbox
) -> None:
    pages = liza.records.pages(liza_sandbox.connection_id("crm"), CrmContact, page_size=10)
    assert len(next(pages)) == 10

    def child() -> None:
        with pytest.raises(LizaError, match="fork"):
            next(pages)
        assert liza.integrations.list()

    status, report = _in_child(child)
    assert status == 0, report
    rest = sum(len(page) for page in pages)  # the parent's iterator goes on to the end
    assert rest == len(liza_sandbox.records("crm", "contact")) - 10
