"""Bad arguments: a typed error saying what is allowed, raised before any request is sent."""

from __future__ import annotations

from collections.abc import AsyncIterable, Awaitable, Callable
from typing import Any

import pytest

from liza_async import AsyncLiza, CrmContact, LizaValidationError, Record
from liza_async._export import ExportCheckpoint
from liza_async.sandbox import RunningSandbox

pytestmark = pytest.mark.anyio

CONN = "conn-1"
Call = Callable[[Any], Awaitable[Any]]  # Any: the calls are wrong on purpose


async def _drain(iterator: AsyncIterable[Any]) -> None:
    async for _ in iterator:
        pass


def _checkpoint(**changes: Any) -> ExportCheckpoint:
    fields: dict[str, Any] = {
        "connection_id": CONN,
        "category": "crm",
        "object_type": "contact",
        "next_offset": 100,
    }
    return ExportCheckpoint(**{**fields, **changes})


# (what is wrong, the call, the parameter named in the error, a fragment of the message)
CASES: list[tuple[str, Call, str, str]] = [
    ("empty id", lambda c: c.connections.get(""), "connection_id", "empty"),
    ("blank id", lambda c: c.connections.get("   "), "connection_id", "empty"),
    ("id not a string", lambda c: c.connections.get(42), "connection_id", "string"),
    ("delete empty id", lambda c: c.connections.delete(""), "connection_id", "empty"),
    ("finalize empty id", lambda c: c.connections.finalize(""), "connection_id", "empty"),
    ("unknown category", lambda c: c.records.list(CONN, "sales", "contact"), "category", "crm"),
    ("category typo", lambda c: c.records.list(CONN, "cmr", "contact"), "category", "allowed"),
    ("category None", lambda c: c.records.list(CONN, None, "contact"), "category", "allowed"),
    ("object type missing", lambda c: c.records.list(CONN, "crm"), "object_type", "contact"),
    ("object type empty", lambda c: c.records.list(CONN, "crm", ""), "object_type", "empty"),
    (
        "model plus type",
        lambda c: c.records.list(CONN, CrmContact, "contact"),
        "object_type",
        "leave it out",
    ),
    ("unregistered model", lambda c: c.records.list(CONN, Record), "category", "not registered"),
    ("not a model", lambda c: c.records.list(CONN, dict), "category", "record model"),
    ("limit 0", lambda c: c.records.list(CONN, CrmContact, limit=0), "limit", "1 to 100"),
    ("limit 101", lambda c: c.records.list(CONN, CrmContact, limit=101), "limit", "1 to 100"),
    ("limit float", lambda c: c.records.list(CONN, CrmContact, limit=10.0), "limit", "whole"),
    ("limit bool", lambda c: c.records.list(CONN, CrmContact, limit=True), "limit", "whole"),
    ("limit str", lambda c: c.records.list(CONN, CrmContact, limit="10"), "limit", "whole"),
    ("offset -1", lambda c: c.records.list(CONN, CrmContact, offset=-1), "offset", ">= 0"),
    ("offset str", lambda c: c.records.list(CONN, CrmContact, offset="5"), "offset", ">= 0"),
    ("query not str", lambda c: c.records.list(CONN, CrmContact, query=5), "query", "string"),
    (
        "updated_gte text",
        lambda c: c.records.list(CONN, CrmContact, updated_gte="yesterday"),
        "updated_gte",
        "ISO 8601",
    ),
    (
        "updated_gte int",
        lambda c: c.records.list(CONN, CrmContact, updated_gte=1700000000),
        "updated_gte",
        "datetime",
    ),
    (
        "updated_gte bad date",
        lambda c: c.records.list(CONN, CrmContact, updated_gte="2024-13-01"),
        "updated_gte",
        "ISO 8601",
    ),
    (
        "page_size 0",
        lambda c: _drain(c.records.iterate(CONN, CrmContact, page_size=0)),
        "page_size",
        "1 to 100",
    ),
    (
        "pages page_size 500",
        lambda c: _drain(c.records.pages(CONN, CrmContact, page_size=500)),
        "page_size",
        "1 to 100",
    ),
    (
        "export concurrency 0",
        lambda c: _drain(c.records.export(CONN, CrmContact, concurrency=0)),
        "concurrency",
        "1 to 32",
    ),
    (
        "export concurrency 99",
        lambda c: _drain(c.records.export(CONN, CrmContact, concurrency=99)),
        "concurrency",
        "1 to 32",
    ),
    (
        "export foreign checkpoint",
        lambda c: _drain(
            c.records.export(CONN, CrmContact, checkpoint=_checkpoint(object_type="company"))
        ),
        "checkpoint",
        "another export",
    ),
    (
        "export checkpoint of other query",
        lambda c: _drain(c.records.export(CONN, CrmContact, query="x", checkpoint=_checkpoint())),
        "checkpoint",
        "another export",
    ),
    (
        "connect no integration",
        lambda c: c.connections.connect(integration_type="", categories=["crm"]),
        "integration_type",
        "empty",
    ),
    (
        "connect no categories",
        lambda c: c.connections.connect(integration_type="hubspot", categories=[]),
        "categories",
        "at least one",
    ),
    (
        "connect categories str",
        lambda c: c.connections.connect(integration_type="hubspot", categories="crm"),
        "categories",
        "list",
    ),
    (
        "connect unknown category",
        lambda c: c.connections.connect(integration_type="hubspot", categories=["crm", "sales"]),
        "categories",
        "allowed",
    ),
    (
        "connect relative redirect",
        lambda c: c.connections.connect(
            integration_type="hubspot", categories=["crm"], redirect_url="/done"
        ),
        "redirect_url",
        "absolute",
    ),
    (
        "connect ftp redirect",
        lambda c: c.connections.connect(
            integration_type="hubspot", categories=["crm"], redirect_url="ftp://x.example/"
        ),
        "redirect_url",
        "http(s)",
    ),
    (
        "connect scopes str",
        lambda c: c.connections.connect(
            integration_type="hubspot", categories=["crm"], scopes="crm_contact_read"
        ),
        "scopes",
        "list",
    ),
    (
        "connect empty xref",
        lambda c: c.connections.connect(
            integration_type="hubspot", categories=["crm"], external_xref=""
        ),
        "external_xref",
        "empty",
    ),
    (
        "passthrough method",
        lambda c: c.passthrough.request(CONN, "FETCH", "/x"),
        "method",
        "GET, POST, PUT, PATCH, DELETE",
    ),
    (
        "passthrough method None",
        lambda c: c.passthrough.request(CONN, None, "/x"),
        "method",
        "use one of",
    ),
    (
        "passthrough absolute url",
        lambda c: c.passthrough.request(CONN, "GET", "https://evil.example/x"),
        "path",
        "relative",
    ),
    (
        "passthrough scheme-relative",
        lambda c: c.passthrough.request(CONN, "GET", "//evil.example/x"),
        "path",
        "relative",
    ),
    ("passthrough empty path", lambda c: c.passthrough.request(CONN, "GET", ""), "path", "empty"),
    (
        "passthrough data list",
        lambda c: c.passthrough.request(CONN, "POST", "/x", data=[1]),
        "data",
        "dict",
    ),
    (
        "passthrough empty id",
        lambda c: c.passthrough.request("", "GET", "/x"),
        "connection_id",
        "empty",
    ),
    (
        "lookup without key",
        lambda c: c.records.lookup(CONN, "enrichment", "person"),
        "lookup",
        "email",
    ),
    (
        "lookup empty email",
        lambda c: c.records.lookup(CONN, "enrichment", "person", email=""),
        "email",
        "empty",
    ),
    ("per-call timeout 0", lambda c: c.integrations.list(timeout=0), "timeout", "> 0"),
    (
        "per-call retries -1",
        lambda c: c.integrations.list(max_retries=-1),
        "max_retries",
        "0 to 100",
    ),
]


@pytest.mark.parametrize(("case", "call", "param", "fragment"), CASES, ids=[c[0] for c in CASES])
async def test_bad_arguments_fail_before_sending(
    liza_sandbox: RunningSandbox,
    liza_async_client: AsyncLiza,
    case: str,
    call: Call,
    param: str,
    fragment: str,
) -> None:
    before = liza_sandbox.stats.requests
    with pytest.raises(LizaValidationError) as info:
        await call(liza_async_client)
    assert info.value.param == param, case
    assert fragment in str(info.value), (case, str(info.value))
    assert isinstance(info.value, ValueError)
    assert liza_sandbox.stats.requests == before, f"{case}: a request was sent"
    # the client stays usable after the refusal
    assert await liza_async_client.integrations.list()


def test_there_are_many_distinct_cases() -> None:
    assert len({case for case, *_ in CASES}) == len(CASES) >= 40
