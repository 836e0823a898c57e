"""Fuzzing the sans-I/O decoding: whatever the server sends, only liza's documented errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import yarl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from multidict import CIMultiDict, CIMultiDictProxy

from liza_async import APIStatusError, ResponseDecodeError
from liza_async._http import Request, Response, error_for, read_list, read_object, retry_after

REQUEST = Request(method="GET", url=yarl.URL("https://api.example/api/v1/integrations"), headers={})

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["data", "items", "pagination", "total", "has_more", "error", "message", "id"]
            )
            | st.text(max_size=8),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)
bodies = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda value: json.dumps(value).encode()),
    st.builds(
        lambda items, total: json.dumps({"data": items, "pagination": {"total": total}}).encode(),
        st.lists(json_values, max_size=3),
        json_values,
    ),
)
header_values = st.one_of(
    st.text(max_size=30).filter(lambda t: "\r" not in t and "\n" not in t),
    st.sampled_from(
        ["application/json", "text/html", "3", "-1", "1e309", "Wed, 21 Oct 2026 07:28:00 GMT", ""]
    ),
)
headers = st.dictionaries(
    st.sampled_from(
        [
            "Content-Type",
            "Retry-After",
            "retry-after-ms",
            "X-RateLimit-Reset",
            "X-Total-Count",
            "X-Request-Id",
            "Location",
        ]
    ),
    header_values,
    max_size=5,
)


def response(status: int, head: dict[str, str], body: bytes) -> Response:
    return Response(
        status=status, headers=CIMultiDictProxy(CIMultiDict(head)), body=body, request=REQUEST
    )


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(status=st.integers(100, 599), head=headers, body=bodies)
def test_only_documented_errors_come_out(status: int, head: dict[str, str], body: bytes) -> None:
    answer = response(status, head, body)
    wait = retry_after(answer.headers, now=1_800_000_000.0)
    assert wait is None or wait >= 0
    if 200 <= status < 300:
        for read in (read_list, read_object):
            outcome = attempt(read, answer)
            if isinstance(outcome, ResponseDecodeError):
                assert outcome.status_code == status
            else:
                assert outcome is not None
    else:
        mapped = error_for(answer, token="liza_mcp_fuzz_token", now=1_800_000_000.0)
        assert isinstance(mapped, APIStatusError)
        assert mapped.status_code == status
        assert str(mapped)


def attempt(read: Callable[[Response], Any], answer: Response) -> Any:
    """Return what ``read`` gives, or the ResponseDecodeError it raises (any other propagates)."""
    try:
        return read(answer)
    except ResponseDecodeError as error:
        return error
