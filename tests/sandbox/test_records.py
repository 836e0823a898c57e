"""The records endpoint: shapes, paging, filters, validation, lookups, determinism and scale."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest
from yarl import URL

from liza_async.sandbox import RunningSandbox
from liza_async.sandbox._data import OBJECT_TYPES
from liza_async.sandbox._params import CATEGORIES, parse_timestamp

from ._client import api, call, get, items
from .conftest import Start

pytestmark = pytest.mark.anyio

LISTED = [(c, t) for c, types in OBJECT_TYPES.items() if c != "enrichment" for t in types]


def contacts(sandbox: RunningSandbox, **query: str | int) -> URL:
    return api(sandbox, sandbox.connection_id("crm"), "crm", "contact", **query)


async def test_the_docs_curl_example_works_with_only_the_host_changed(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(records=1000)
    docs = "https://api.eu.liza.app/api/v1/integrations/CONN_ID/crm/contact?limit=20&query=acme"
    url = docs.replace("https://api.eu.liza.app/api", str(sandbox.base_url))
    url = url.replace("CONN_ID", sandbox.connection_id("crm"))
    answer = await call(http, "GET", url, headers={"Authorization": f"Bearer {sandbox.token}"})
    found = items(sandbox, answer)
    assert 0 < len(found) <= 20
    assert all(_mentions(r, "acme") for r in found)
    expected = sandbox.dataset.page("crm", "contact", offset=0, limit=20, query="acme")
    assert found == json.loads(expected.body)


def _mentions(record: dict[str, Any], needle: str) -> bool:
    return needle in repr(record).casefold()


@pytest.mark.parametrize(("category", "object_type"), LISTED)
async def test_every_object_type_lists_its_ground_truth(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, category: str, object_type: str
) -> None:
    url = api(sandbox, sandbox.connection_id(category), category, object_type, limit=5)
    truth = sandbox.records(category, object_type)[:5]
    assert items(sandbox, await get(http, sandbox, url)) == truth


async def test_paging_with_limit_and_offset_yields_every_record_once_in_order(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    seen: list[dict[str, Any]] = []
    while True:
        page = items(
            sandbox, await get(http, sandbox, contacts(sandbox, limit=70, offset=len(seen)))
        )
        seen += page
        if len(page) < 70:
            break
    assert seen == list(sandbox.records("crm", "contact"))
    assert len({r["id"] for r in seen}) == sandbox.dataset.count("crm", "contact")


async def test_limit_defaults_to_50_and_an_offset_past_the_end_is_an_empty_page(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    assert len(items(sandbox, await get(http, sandbox, contacts(sandbox)))) == 50
    answer = await get(http, sandbox, contacts(sandbox, offset=10_000))
    assert items(sandbox, answer) == []
    total = sandbox.dataset.count("crm", "contact")
    assert answer.json()["pagination"] == {
        "limit": 50,
        "offset": 10_000,
        "total": total,
        "has_more": False,
    }


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("limit", "0"),
        ("limit", "101"),
        ("limit", "-1"),
        ("limit", "ten"),
        ("limit", "1.5"),
        ("limit", ""),
        ("offset", "-1"),
        ("offset", "first"),
    ],
)
async def test_an_invalid_limit_or_offset_is_a_400_naming_what_is_allowed(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, name: str, value: str
) -> None:
    answer = await get(http, sandbox, contacts(sandbox, **{name: value}))
    assert answer.status == 400
    allowed = "an integer from 1 to 100" if name == "limit" else "an integer >= 0"
    assert answer.message == f"{name} must be {allowed}; got {value!r}"


async def test_query_matches_case_insensitively_and_totals_agree(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    record = sandbox.records("crm", "contact")[7]
    needle = record["name"].split()[-1].swapcase()
    answer = await get(http, sandbox, contacts(sandbox, query=needle, limit=100))
    found = items(sandbox, answer)
    assert record in found
    assert all(_mentions(r, needle.casefold()) for r in found)
    assert answer.json()["pagination"]["total"] == len(found)


@pytest.mark.parametrize(
    "form",
    [
        "{date}",
        "{date}T{time}Z",
        "{date}T{time}+00:00",
        "{date}T{time}.250000Z",
        "{date} {time}",
        "{date}T{time}-0130",
    ],
)
async def test_updated_gte_accepts_iso_8601_forms_and_filters(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, form: str
) -> None:
    truth = sandbox.records("crm", "contact")
    stamp = truth[len(truth) // 2]["updated_at"]
    value = form.format(date=stamp[:10], time=stamp[11:19])
    since = parse_timestamp(value)
    expected = [r for r in truth if parse_timestamp(r["updated_at"]) >= since]
    answer = await get(http, sandbox, contacts(sandbox, updated_gte=value, limit=100))
    assert items(sandbox, answer) == expected[:100]
    assert answer.json()["pagination"]["total"] == len(expected)


@pytest.mark.parametrize("value", ["yesterday", "2024-13-01", "2024-01-01T25:00", "1714557600"])
async def test_an_invalid_updated_gte_is_a_400(
    http: aiohttp.ClientSession, sandbox: RunningSandbox, value: str
) -> None:
    answer = await get(http, sandbox, contacts(sandbox, updated_gte=value))
    assert answer.status == 400
    assert "updated_gte must be an ISO 8601 date or date-time" in answer.message


async def test_an_unknown_category_is_a_400_listing_the_twelve(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    answer = await get(http, sandbox, api(sandbox, sandbox.connection_id("hr"), "hris", "employee"))
    assert answer.status == 400
    assert answer.message == f"unknown category 'hris'; allowed categories: {', '.join(CATEGORIES)}"


async def test_an_object_type_the_category_lacks_is_a_404_listing_its_types(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    answer = await get(http, sandbox, api(sandbox, sandbox.connection_id("crm"), "crm", "ticket"))
    assert answer.status == 404
    assert answer.message.endswith(f"allowed object types: {', '.join(OBJECT_TYPES['crm'])}")


async def test_a_category_the_connection_was_not_granted_is_a_403(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    crm = sandbox.connection_id("crm")
    answer = await get(http, sandbox, api(sandbox, crm, "ticketing", "ticket"))
    assert answer.status == 403
    assert "was not granted the 'ticketing' category; granted: crm" in answer.message


async def test_an_unknown_connection_is_a_404(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    answer = await get(http, sandbox, api(sandbox, "000000000000000000000000", "crm", "contact"))
    assert answer.status == 404
    assert answer.message.startswith("no connection '000000000000000000000000'")


@pytest.mark.parametrize("shape", ["envelope", "bare", "mcp"])
async def test_each_list_shape(http: aiohttp.ClientSession, start: Start, shape: str) -> None:
    sandbox = start(shape=shape)
    total = sandbox.dataset.count("crm", "contact")
    answer = await get(http, sandbox, contacts(sandbox, limit=10, offset=total - 15))
    truth = sandbox.records("crm", "contact")[total - 15 : total - 5]
    body = answer.json()
    if shape == "envelope":
        page = {"limit": 10, "offset": total - 15, "total": total, "has_more": True}
        assert body == {"data": truth, "pagination": page}
    elif shape == "mcp":
        page = {"total": total, "limit": 10, "offset": total - 15, "has_more": True}
        assert body == {"items": truth, **page}
    else:
        assert body == truth
        assert answer.headers["X-Total-Count"] == str(total)
    assert answer.headers["Content-Type"] == "application/json; charset=utf-8"


@pytest.mark.parametrize("shape", ["envelope", "bare", "mcp"])
async def test_enrichment_is_a_lookup_answering_one_object(
    http: aiohttp.ClientSession, start: Start, shape: str
) -> None:
    sandbox = start(shape=shape)
    enrich = sandbox.connection_id("enrichment")
    person = sandbox.records("enrichment", "person")[3]
    answer = await get(
        http,
        sandbox,
        api(sandbox, enrich, "enrichment", "person", email=person["emails"][0]["email"]),
    )
    assert answer.status == 200
    assert answer.json() == (person if shape == "bare" else {"data": person})


async def test_an_enrichment_lookup_without_parameters_is_a_400_and_without_match_a_404(
    http: aiohttp.ClientSession, sandbox: RunningSandbox
) -> None:
    enrich = sandbox.connection_id("enrichment")
    answer = await get(http, sandbox, api(sandbox, enrich, "enrichment", "company", limit=5))
    assert answer.status == 400
    assert answer.message.endswith("query parameters: domain, name")
    url = api(sandbox, enrich, "enrichment", "person", email="nobody@nowhere.invalid")
    answer = await get(http, sandbox, url)
    assert answer.status == 404
    assert answer.message == "no person matches email='nobody@nowhere.invalid'"


async def test_the_same_seed_serves_the_same_bytes_after_a_restart(
    http: aiohttp.ClientSession, start: Start
) -> None:
    def urls(sandbox: RunningSandbox) -> list[URL]:
        return [
            contacts(sandbox, limit=100, offset=37),
            api(sandbox, sandbox.connection_id("ats"), "ats", "candidate", query="a"),
            api(sandbox, "connections"),
            api(sandbox),
        ]

    first, second, other = start(seed=5), start(seed=5), start(seed=6)
    answers = []
    for sandbox in (first, second, other):
        answers.append([(await get(http, sandbox, url)).body for url in urls(sandbox)])
    assert answers[0] == answers[1]
    assert answers[0][0] != answers[2][0]
    assert first.connections == second.connections != other.connections


async def test_a_million_records_answer_a_page_near_the_end(
    http: aiohttp.ClientSession, start: Start
) -> None:
    sandbox = start(records=1_000_000)
    answer = await get(http, sandbox, contacts(sandbox, limit=100, offset=999_950))
    found = items(sandbox, answer)
    assert len(found) == 50
    assert found[-1] == sandbox.records("crm", "contact")[999_999]
    assert answer.json()["pagination"]["total"] == 1_000_000
