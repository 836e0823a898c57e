"""Lifecycle: one loop thread per client, closing, the unclosed warning, copies, misuse."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import warnings

import pytest

from liza_async.sandbox import RunningSandbox
from liza_sync import Liza, LizaError, LizaValidationError

from ._support import loop_threads


def test_with_block_starts_one_thread_and_stops_it(liza_sandbox: RunningSandbox) -> None:
    before = loop_threads()
    with Liza(liza_sandbox.token, base_url=liza_sandbox.base_url) as liza:
        assert loop_threads() == before + 1
        liza.integrations.list()
        copy = liza.with_options(max_retries=0)
        copy.connections.list()
        assert loop_threads() == before + 1  # a copy shares the thread and the session
    assert liza.closed
    assert copy.closed
    assert loop_threads() == before


def test_close_twice_and_use_after_close(liza_sandbox: RunningSandbox) -> None:
    liza = Liza(liza_sandbox.token, base_url=liza_sandbox.base_url)
    liza.integrations.list()
    liza.close()
    liza.close()
    assert liza.closed
    with pytest.raises(LizaError, match="closed"):
        liza.integrations.list()
    with pytest.raises(LizaError, match="closed"):
        list(liza.records.iterate(liza_sandbox.connection_id("crm"), "crm", "contact"))


def test_closing_a_copy_closes_the_client(liza_sandbox: RunningSandbox) -> None:
    liza = Liza(liza_sandbox.token, base_url=liza_sandbox.base_url)
    liza.with_options(timeout=5).close()
    assert liza.closed
    with pytest.raises(LizaError, match="closed"):
        liza.connections.list()


def test_unclosed_client_warns_once_and_stops_its_thread(liza_sandbox: RunningSandbox) -> None:
    before = loop_threads()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        liza = Liza(liza_sandbox.token, base_url=liza_sandbox.base_url)
        liza.integrations.list()  # a session, a pooled connection, and a resource cycle
        del liza
        gc.collect()
    resource = [w for w in caught if issubclass(w.category, ResourceWarning)]
    assert len(resource) == 1, [str(w.message) for w in resource]
    assert f"{__file__}:" in str(resource[0].message)  # names where the client was created
    assert loop_threads() == before


def test_interpreter_exit_closes_an_unclosed_client(liza_sandbox: RunningSandbox) -> None:
    script = textwrap.dedent(
        f"""
        from liza_sync import Liza
        liza = Liza({liza_sandbox.token!r}, base_url={str(liza_sandbox.base_url)!r})
        print(len(liza.integrations.list()))
        """
    )
    done = subprocess.run(
        [sys.executable, "-W", "always::ResourceWarning", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 20
    assert done.stderr.count("ResourceWarning") == 1, done.stderr
    assert "was never closed" in done.stderr


def test_a_session_is_refused_before_anything_starts(liza_sandbox: RunningSandbox) -> None:
    before = loop_threads()
    with pytest.raises(LizaValidationError, match="session"):
        Liza(liza_sandbox.token, base_url=liza_sandbox.base_url, session=object())  # type: ignore[arg-type]
    assert loop_threads() == before


def test_invalid_settings_start_no_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIZA_API_TOKEN", raising=False)
    before = loop_threads()
    with pytest.raises(LizaValidationError):
        Liza(base_url="http://127.0.0.1:9/api")
    assert loop_threads() == before


def test_a_call_from_the_loop_thread_raises_instead_of_deadlocking(liza: Liza) -> None:
    async def calls_the_sync_client() -> None:
        liza.integrations.list()

    async def closes_the_sync_client() -> None:
        liza.close()

    with pytest.raises(LizaError, match="own event loop thread"):
        liza._portal.run(calls_the_sync_client())
    with pytest.raises(LizaError, match="own event loop thread"):
        liza._portal.run(closes_the_sync_client())
    assert liza.integrations.list()  # still usable
