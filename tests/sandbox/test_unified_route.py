"""Unified.to's own list route at the server root: bare arrays, X-Total-Count, limit <= 100."""

from __future__ import annotations

import aiohttp
import pytest
from yarl import URL

from liza_async.sandbox import RunningSandbox

from ._client import call, get

pytestmark = pytest.mark.anyio


def unified(sandbox: RunningSandbox, *segments: str, **query: str | int) -> URL:
    return sandbox.base_url.origin().joinpath(*segments).with_query(query)


async def test_a_bare_array_of_the_same_data_with_limit_default_100(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    answer = await get(
        http, sandbox, unified(sandbox, "crm", sandbox.connection_id("crm"), "contact")
    )
    assert answer.status == 200
    assert answer.json() == sandbox.records("crm", "contact")[:100]
    assert answer.headers["X-Total-Count"] == str(sandbox.dataset.count("crm", "contact"))


async def test_unified_category_names_map_to_liza_s(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    for name, category, object_type in [
        ("hris", "hr", "employee"),
        ("commerce", "ecommerce", "item"),
        ("martech", "marketing", "list"),
    ]:
        url = unified(
            sandbox, name, sandbox.connection_id(category), object_type, limit=3, offset=2
        )
        answer = await get(http, sandbox, url)
        assert answer.json() == sandbox.records(category, object_type)[2:5]
    liza_name = await get(
        http, sandbox, unified(sandbox, "hr", sandbox.connection_id("hr"), "employee")
    )
    assert liza_name.status == 404


async def test_enrich_lookups_answer_a_bare_object(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    company = sandbox.records("enrichment", "company")[1]
    enrich = sandbox.connection_id("enrichment")
    url = unified(sandbox, "enrich", enrich, "company", domain=company["domain"])
    assert (await get(http, sandbox, url)).json() == company


async def test_the_same_token_is_required_and_limits_are_checked(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    url = unified(sandbox, "crm", sandbox.connection_id("crm"), "contact")
    assert (await call(http, "GET", url)).status == 401
    too_many = await get(http, sandbox, url.with_query(limit=101))
    assert too_many.status == 400
    assert too_many.message == "limit must be an integer from 1 to 100; got '101'"


async def test_whole_floats_as_unified_python_sdk_sends_them(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    url = unified(sandbox, "crm", sandbox.connection_id("crm"), "contact")
    answer = await get(http, sandbox, url.with_query(limit="3.0", offset="2.0"))
    assert answer.json() == sandbox.records("crm", "contact")[2:5]
    half = await get(http, sandbox, url.with_query(limit="2.5"))
    assert half.status == 400
    liza_route = sandbox.base_url / "v1" / "integrations" / sandbox.connection_id("crm")
    strict = await get(http, sandbox, (liza_route / "crm" / "contact").with_query(limit="3.0"))
    assert strict.status == 400
