"""Running a sandbox from code: serve, run_in_thread, the handle, stats and the settings."""

from __future__ import annotations

import socket

import aiohttp
import pytest

from liza_async.sandbox import (
    FaultConfig,
    RunningSandbox,
    SandboxConfig,
    SandboxStats,
    run_in_thread,
    serve,
)

from ._client import api, call, get


@pytest.mark.anyio
async def test_serve_runs_on_the_current_loop_and_stops_with_the_block() -> None:
    config = SandboxConfig(records=20, rate_limit=0, token="liza_mcp_here")
    async with serve(config) as sandbox, aiohttp.ClientSession() as http:
        assert sandbox.base_url.host == "127.0.0.1"
        assert sandbox.base_url.path == "/api"
        assert sandbox.token == "liza_mcp_here"
        assert (await get(http, sandbox, api(sandbox))).status == 200
        url = sandbox.base_url
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.ClientConnectionError):
            await call(http, "GET", url)


@pytest.mark.anyio
async def test_stats_count_requests_statuses_and_faults(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    before = sandbox.stats
    await get(http, sandbox, api(sandbox))
    await call(http, "GET", api(sandbox))
    after = sandbox.stats
    assert isinstance(after, SandboxStats)
    assert after.requests == before.requests + 2
    assert after.statuses[200] == before.statuses.get(200, 0) + 1
    assert after.statuses[401] == before.statuses.get(401, 0) + 1
    assert after.faults == {}


def test_run_in_thread_reports_a_port_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with (
            pytest.raises(OSError, match="address already in use"),
            run_in_thread(SandboxConfig(port=port)),
        ):
            pass


def test_connection_id_by_category(sandbox: RunningSandbox) -> None:
    assert sandbox.connection_id("crm") == sandbox.connections[0]["id"]
    with pytest.raises(KeyError):
        sandbox.connection_id("gaming")


def test_the_ground_truth_view_is_a_lazy_sequence(sandbox: RunningSandbox) -> None:
    view = sandbox.records("crm", "contact")
    assert len(view) == sandbox.dataset.count("crm", "contact")
    assert view[-1] == sandbox.dataset.record("crm", "contact", len(view) - 1)
    assert view[2:4] == [view[2], view[3]]
    with pytest.raises(IndexError):
        view[len(view)]


def test_settings_default_and_validate() -> None:
    config = SandboxConfig()
    assert (config.host, config.port, config.token, config.shape) == (
        "127.0.0.1",
        0,
        "liza_mcp_sandbox",
        "envelope",
    )
    assert (config.rate_limit, config.rate_burst) == (240, 240)
    assert SandboxConfig(rate_limit=60).rate_burst == 60
    assert not config.faults.enabled
    assert FaultConfig(insert_every=3).enabled


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: SandboxConfig(shape="xml"), "shape must be one of envelope, bare, mcp"),  # type: ignore[arg-type]
        (lambda: SandboxConfig(token="a b"), "token must be a non-empty string"),
        (lambda: SandboxConfig(rate_limit=10, rate_burst=0), "rate_burst must be >= 1"),
        (lambda: SandboxConfig(latency_ms=-1), "latency_ms must be >= 0"),
        (lambda: FaultConfig(drop_rate=-0.1), "drop_rate must be between 0 and 1"),
        (lambda: FaultConfig(error_rate=0.6, stall_rate=0.6), "must be <= 1"),
        (lambda: FaultConfig(malformed="xml"), "malformed must be one of html, "),
    ],
)
def test_invalid_settings_raise_value_error(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]
