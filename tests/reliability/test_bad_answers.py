"""A misbehaving server: each broken answer is a typed error, and the client stays usable."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from liza_async import APITimeoutError, AsyncLiza, CrmContact, ResponseDecodeError
from liza_async.sandbox import MALFORMED_KINDS, SHAPES, RunningSandbox

pytestmark = pytest.mark.anyio

StartSandbox = Callable[..., RunningSandbox]

# What each kind of broken 200 answer must be reported as (a fragment of the message).
EXPECTED = {
    "html": "expected a JSON answer, got text/html",
    "not_json": "not valid JSON",
    "truncated_json": "not valid JSON",
    "wrong_types": "expected",
    "empty": "empty body",
    "error_object": "the provider failed",
    "wrong_content_type": "got text/plain",
    "invalid_utf8": "not valid JSON",
    "deep_nesting": "JSON",
    "huge": "max_response_bytes",
}


def test_every_malformed_kind_is_covered() -> None:
    assert set(EXPECTED) == set(MALFORMED_KINDS)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("kind", MALFORMED_KINDS)
async def test_broken_answers_are_decode_errors(
    start_liza_sandbox: StartSandbox, kind: str, shape: str
) -> None:
    sandbox = start_liza_sandbox(records=100, shape=shape, faults={"malformed": kind})
    crm = sandbox.connection_id("crm")
    async with AsyncLiza(
        sandbox.token,
        base_url=sandbox.base_url,
        rate_limit=None,
        max_retries=0,
        max_response_bytes=1024 * 1024,
    ) as liza:
        with pytest.raises(ResponseDecodeError) as info:
            await liza.records.list(crm, CrmContact, limit=10)
        assert EXPECTED[kind] in str(info.value), str(info.value)
        assert info.value.status_code == 200
        assert str(sandbox.base_url) in info.value.url
        # the same client, and the process, carry on
        assert (await liza.connections.get(crm)).id == crm
        assert len(await liza.integrations.list()) > 0


async def test_wrong_types_name_the_field(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(records=100, shape="bare", faults={"malformed": "wrong_types"})
    async with AsyncLiza(sandbox.token, base_url=sandbox.base_url, rate_limit=None) as liza:
        with pytest.raises(ResponseDecodeError) as info:
            await liza.records.list(sandbox.connection_id("crm"), CrmContact)
    assert info.value.path == "[0].id"


async def test_a_server_that_never_answers_times_out(start_liza_sandbox: StartSandbox) -> None:
    sandbox = start_liza_sandbox(faults={"stall_rate": 1.0})
    async with AsyncLiza(
        sandbox.token, base_url=sandbox.base_url, rate_limit=None, max_retries=1, timeout=0.3
    ) as liza:
        with pytest.raises(APITimeoutError) as info:
            await liza.records.list(sandbox.connection_id("crm"), CrmContact)
    assert info.value.attempts == 2
