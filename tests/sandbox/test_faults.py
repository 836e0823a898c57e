"""Fault injection: each kind, where it applies, and that a seed replays the same faults."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest
from yarl import URL

from liza_async.sandbox import MALFORMED_KINDS, FaultConfig, RunningSandbox
from liza_async.sandbox._faults import HUGE_BYTES

from ._client import api, auth, call, get, items
from .conftest import Start

pytestmark = pytest.mark.anyio


def contacts(sandbox: RunningSandbox, **query: str | int) -> URL:
    return api(sandbox, sandbox.connection_id("crm"), "crm", "contact", **query)


async def test_error_rate_answers_500_502_or_503_with_the_error_body(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(faults=FaultConfig(error_rate=1.0))
    answers = [await get(http, sandbox, api(sandbox)) for _ in range(30)]
    assert {a.status for a in answers} == {500, 502, 503}
    assert (
        answers[0].message
        == f"the sandbox injected this {answers[0].status} (FaultConfig.error_rate)"
    )
    assert "X-Request-Id" in answers[0].headers
    assert sandbox.stats.faults == {"error": 30}


async def test_drop_rate_closes_the_connection_without_an_answer(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(faults=FaultConfig(drop_rate=1.0))
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await get(http, sandbox, api(sandbox))
    assert sandbox.stats.faults["drop"] >= 1
    assert sandbox.stats.statuses == {}


async def test_truncate_rate_sends_less_body_than_content_length_promises(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(faults=FaultConfig(truncate_rate=1.0))
    async with http.get(contacts(sandbox), headers=auth(sandbox)) as response:
        assert response.status == 200
        promised = int(response.headers["Content-Length"])
        with pytest.raises(
            aiohttp.ClientPayloadError, match=f"received {promised // 2} of {promised}"
        ):
            await response.read()
    assert sandbox.stats.faults == {"truncate": 1}


async def test_stall_rate_accepts_and_never_answers_until_shutdown(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(faults=FaultConfig(stall_rate=1.0))
    with pytest.raises(asyncio.TimeoutError):
        await http.get(
            api(sandbox), headers=auth(sandbox), timeout=aiohttp.ClientTimeout(total=0.3)
        )
    assert sandbox.stats.faults == {"stall": 1}


async def test_burst_429_sends_k_429s_after_every_n_requests(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(
        faults=FaultConfig(burst_429_every=3, burst_429_length=2, burst_429_retry_after=0)
    )
    answers = [await get(http, sandbox, api(sandbox)) for _ in range(10)]
    assert [a.status for a in answers] == [200, 200, 200, 429, 429, 200, 200, 200, 429, 429]
    assert answers[3].headers["Retry-After"] == "0"
    assert sandbox.stats.faults == {"burst_429": 4}
    assert sandbox.stats.rate_limited == 0


async def test_faults_apply_only_to_matching_paths_and_never_to_the_authorize_page(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(faults=FaultConfig(error_rate=1.0, paths=("/api/v1/integrations/connections",)))
    assert (await get(http, sandbox, api(sandbox, "connections"))).status >= 500
    assert (await get(http, sandbox, api(sandbox))).status == 200
    everywhere = start(faults=FaultConfig(error_rate=1.0, paths=("*",)))
    page = await call(http, "GET", everywhere.base_url.origin() / "sandbox/authorize/x")
    assert page.status == 404


async def test_a_seed_replays_the_same_faults(http: aiohttp.ClientSession, start: Start) -> None:
    faults = FaultConfig(error_rate=0.3, burst_429_every=7, burst_429_length=1)
    runs = []
    for seed in (1, 1, 2):
        sandbox = start(seed=seed, faults=faults)
        runs.append([(await get(http, sandbox, api(sandbox))).status for _ in range(40)])
    assert runs[0] == runs[1] != runs[2]
    assert 200 in runs[0]
    assert {500, 502, 503} & set(runs[0])


async def test_insert_every_puts_a_new_record_at_offset_0_shifting_the_rest(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(faults=FaultConfig(insert_every=2))
    url = contacts(sandbox, limit=3)
    before = items(sandbox, await get(http, sandbox, url))
    assert items(sandbox, await get(http, sandbox, url)) == before
    after = items(sandbox, await get(http, sandbox, url))
    assert after[1:] == before[:2]
    assert after[0]["id"] not in {r["id"] for r in sandbox.records("crm", "contact")[1:]}
    truth = sandbox.records("crm", "contact")
    assert truth[0] == after[0]
    assert len(truth) == sandbox.dataset.count("crm", "contact") + 1
    assert sandbox.stats.faults == {"insert": 1}
    answer = await get(http, sandbox, contacts(sandbox, limit=100, offset=0))
    assert answer.json()["pagination"]["total"] == sandbox.dataset.count("crm", "contact") + 1
    assert items(sandbox, answer) == truth[1:101]  # the fourth list inserted a second record


@pytest.mark.parametrize("kind", MALFORMED_KINDS)
@pytest.mark.parametrize("shape", ["envelope", "bare"])
async def test_malformed_answers_are_broken_200s_of_each_kind(
    http: aiohttp.ClientSession, start: Start, kind: str, shape: str
) -> None:
    sandbox = start(shape=shape, faults=FaultConfig(malformed=kind))
    answer = await get(http, sandbox, contacts(sandbox, limit=5))
    healthy = sandbox.records("crm", "contact")[:5]
    assert answer.status == 200
    content_type = answer.headers["Content-Type"]
    body = answer.body
    if kind == "html":
        assert content_type == "text/html"
        assert body.startswith(b"<!DOCTYPE html>")
    elif kind == "wrong_content_type":
        assert content_type.startswith("text/plain")
        assert items(sandbox, answer) == healthy
    else:
        assert content_type == "application/json; charset=utf-8"
    if kind in ("not_json", "truncated_json", "empty", "invalid_utf8"):
        with pytest.raises((json.JSONDecodeError, UnicodeDecodeError)):
            json.loads(body)
    if kind == "empty":
        assert body == b""
    if kind == "invalid_utf8":
        assert b"\xff\xfe" in body
    if kind == "deep_nesting":
        with pytest.raises(RecursionError):
            json.loads(body)
    if kind == "wrong_types":
        record = items(sandbox, answer)[0]
        assert isinstance(record["id"], int)
        assert isinstance(record["name"], list)
    if kind == "error_object":
        assert json.loads(body)["error"]["code"] == "UPSTREAM_ERROR"
    if kind == "huge":
        assert len(body) > HUGE_BYTES
        assert len(items(sandbox, answer)) == 1
    assert sandbox.stats.faults == {"malformed": 1}


async def test_malformed_touches_only_records_answers(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(faults=FaultConfig(malformed="html"))
    listed = await get(http, sandbox, api(sandbox, "connections"))
    assert listed.json()["data"] == list(sandbox.connections)
    assert (await get(http, sandbox, contacts(sandbox, limit=0))).status == 400


async def test_inserted_records_follow_the_query_and_updated_gte_filters(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(faults=FaultConfig(insert_every=1))
    await get(http, sandbox, contacts(sandbox, limit=1))
    new, original = sandbox.records("crm", "contact")[:2]
    assert new["emails"] == original["emails"]
    assert new["id"] != original["id"]
    email = original["emails"][0]["email"]
    found = items(sandbox, await get(http, sandbox, contacts(sandbox, query=email.upper())))
    assert [r["id"] for r in found] == [new["id"], original["id"]]
    newest = [r["id"] for r in sandbox.records("crm", "contact")[:2]]
    answer = await get(http, sandbox, contacts(sandbox, updated_gte=new["updated_at"]))
    assert [r["id"] for r in items(sandbox, answer)] == newest
    assert answer.json()["pagination"]["total"] == 2
