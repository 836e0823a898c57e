"""The sans-I/O core on recorded answers: no server, no network."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
import yarl
from multidict import CIMultiDict, CIMultiDictProxy

from liza_async import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    UnprocessableEntityError,
)
from liza_async._config import RetryPolicy, load_config
from liza_async._http import (
    Request,
    Response,
    backoff_delay,
    build_request,
    error_for,
    parse_json,
    path_url,
    read_list,
    read_object,
    retry_after,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "responses"
TOKEN = "liza_mcp_secret_token_value"
BASE = yarl.URL("https://api.eu.liza.app/api")
REQUEST = Request(method="GET", url=BASE / "v1" / "integrations", headers={})


def recorded(name: str) -> Response:
    data = json.loads((FIXTURES / f"{name}.json").read_text())
    body = data["body"]
    raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    headers = CIMultiDictProxy(CIMultiDict(data["headers"]))
    return Response(status=data["status"], headers=headers, body=raw, request=REQUEST)


def answer(body: bytes, content_type: str = "application/json", status: int = 200) -> Response:
    headers = CIMultiDictProxy(CIMultiDict({"Content-Type": content_type} if content_type else {}))
    return Response(status=status, headers=headers, body=body, request=REQUEST)


# --- URLs and requests -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("segment", "encoded"),
    [
        ("abc", "abc"),
        ("a/b", "a%2Fb"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("../x", "..%2Fx"),
        ("a?b", "a%3Fb"),
        ("a#b", "a%23b"),
        ("50%", "50%25"),
        ("a b", "a%20b"),
        ("ünï", "%C3%BCn%C3%AF"),
    ],
)
def test_path_segments_are_encoded_as_one_segment(segment: str, encoded: str) -> None:
    url = path_url(BASE, ("v1", "integrations", "connections", segment))
    assert url.raw_path == f"/api/v1/integrations/connections/{encoded}"
    assert url.path.endswith("/" + segment)  # decodes back to exactly the id
    assert url.query_string == ""
    assert url.fragment == ""


def test_build_request_headers_and_body() -> None:
    config = load_config(TOKEN, env={}, default_headers={"X-App": "test"})
    request = build_request(
        config,
        "POST",
        ("connect",),
        params={"limit": 5},
        body={"a": 1},
        extra_headers={"X-Call": "1"},
    )
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["X-App"] == "test"
    assert request.headers["X-Call"] == "1"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["User-Agent"].startswith("liza/")
    assert request.body == b'{"a":1}'
    assert request.url.query == {"limit": "5"}
    assert not request.idempotent
    assert TOKEN not in repr(request)


def test_get_and_delete_are_idempotent() -> None:
    config = load_config(TOKEN, env={})
    assert build_request(config, "GET", ()).idempotent
    assert build_request(config, "DELETE", ("connections", "x")).idempotent
    assert build_request(config, "POST", ("x", "passthrough"), idempotent=True).idempotent


# --- tolerant reading of lists and objects ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "ids", "total", "has_more", "path"),
    [
        ("list_envelope", ["1", "2"], 5, True, "data"),
        ("list_data_only", ["1"], None, None, "data"),
        ("list_bare", ["1", "2"], 7, None, ""),
        ("list_mcp", ["1"], 1, False, "items"),
        ("list_rest_pagination", ["1"], 128, None, "data"),
    ],
)
def test_read_list_shapes(
    name: str, ids: list[str], total: int | None, has_more: bool | None, path: str
) -> None:
    listed = read_list(recorded(name))
    assert [item["id"] for item in listed.items] == ids
    assert listed.total == total
    assert listed.has_more is has_more
    assert listed.path == path


@pytest.mark.parametrize("name", ["object_wrapped", "object_bare"])
def test_read_object_bare_or_wrapped(name: str) -> None:
    assert read_object(recorded(name)) == {"id": "c1", "integration_type": "hubspot"}


def test_object_with_a_data_field_is_not_unwrapped() -> None:
    body = {"id": "x", "data": {"k": 1}}
    assert read_object(answer(json.dumps(body).encode())) == body


@pytest.mark.parametrize(
    ("body", "content_type", "fragment"),
    [
        (b"<html><body>oops</body></html>", "text/html", "expected a JSON answer, got text/html"),
        (b"not json at all", "application/json", "not valid JSON"),
        (b'{"data": [1, 2', "application/json", "not valid JSON"),
        (b"", "application/json", "empty body"),
        (b"   ", "application/json", "empty body"),
        (b'{"a":"\xff\xfe"}', "application/json", "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "application/json", "JSON"),
        (b'{"data": []}', "text/plain", "got text/plain"),
    ],
)
def test_parse_json_rejects_bad_bodies(body: bytes, content_type: str, fragment: str) -> None:
    with pytest.raises(ResponseDecodeError) as info:
        parse_json(answer(body, content_type))
    assert fragment in str(info.value)
    assert info.value.status_code == 200


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ({"error": {"message": "token expired"}}, "token expired"),
        ({"success": False, "message": "nope"}, "nope"),
        ({"statusCode": 500, "error": "Internal", "message": "boom"}, "boom"),
    ],
)
def test_a_200_carrying_an_error_object_is_an_error(payload: Any, fragment: str) -> None:
    with pytest.raises(ResponseDecodeError, match=fragment):
        read_list(answer(json.dumps(payload).encode()))
    with pytest.raises(ResponseDecodeError, match=fragment):
        read_object(answer(json.dumps(payload).encode()))


@pytest.mark.parametrize(
    ("payload", "path"),
    [
        ({"data": [], "pagination": {"total": "many"}}, "pagination.total"),
        ({"data": [], "pagination": {"total": -1}}, "pagination.total"),
        ({"data": [], "pagination": {"total": True}}, "pagination.total"),
        ({"items": [], "has_more": "yes"}, "has_more"),
        ({"data": [], "pagination": []}, "pagination"),
    ],
)
def test_wrong_pagination_types_name_the_field(payload: Any, path: str) -> None:
    with pytest.raises(ResponseDecodeError) as info:
        read_list(answer(json.dumps(payload).encode()))
    assert info.value.path == path


@pytest.mark.parametrize("payload", [{"rows": []}, "text", 42, None, {}])
def test_read_list_rejects_other_shapes(payload: Any) -> None:
    with pytest.raises(ResponseDecodeError, match="expected a list"):
        read_list(answer(json.dumps(payload).encode()))


def test_read_object_rejects_arrays() -> None:
    with pytest.raises(ResponseDecodeError, match="expected a JSON object, got an array"):
        read_object(answer(b"[1, 2]"))


def test_bad_total_header() -> None:
    response = Response(
        status=200,
        headers=CIMultiDictProxy(CIMultiDict({"X-Total-Count": "lots"})),
        body=b"[]",
        request=REQUEST,
    )
    with pytest.raises(ResponseDecodeError, match="X-Total-Count"):
        read_list(response)


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "cls", "message"),
    [
        ("error_sandbox_404", NotFoundError, "connection 'x' not found"),
        ("error_nested", BadRequestError, "limit must be at most 100"),
        ("error_string", PermissionDeniedError, "forbidden for this role"),
        ("error_detail", UnprocessableEntityError, "redirect_url is not a URI"),
        ("error_errors_list", ConflictError, "already connected"),
        ("error_429_seconds", RateLimitError, "rate limit of 240 requests per minute exceeded"),
        ("error_500_html", InternalServerError, "Internal Server Error"),
        ("error_502_empty", InternalServerError, "no message in the answer"),
    ],
)
def test_error_mapping(name: str, cls: type[APIStatusError], message: str) -> None:
    response = recorded(name)
    error = error_for(response, token=TOKEN, now=0.0)
    assert type(error) is cls
    assert message in error.message
    assert error.status_code == response.status
    assert error.body == response.body
    assert error.method == "GET"


def test_error_carries_request_id_and_survives_pickle() -> None:
    error = error_for(recorded("error_sandbox_404"), token=TOKEN, now=0.0)
    assert error.request_id == "req-404"
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is NotFoundError
    assert (copy.status_code, copy.message, copy.request_id, copy.body) == (
        404,
        error.message,
        "req-404",
        error.body,
    )
    assert str(copy) == str(error)


def test_rate_limit_error_reads_retry_after() -> None:
    error = error_for(recorded("error_429_seconds"), token=TOKEN, now=0.0)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 3.0
    assert pickle.loads(pickle.dumps(error)).retry_after == 3.0


def test_token_is_scrubbed_from_errors() -> None:
    body = json.dumps({"message": f"bad token {TOKEN}"}).encode()
    response = Response(
        status=401,
        headers=CIMultiDictProxy(
            CIMultiDict({"Set-Cookie": f"t={TOKEN}", "Authorization": f"Bearer {TOKEN}"})
        ),
        body=body,
        request=REQUEST,
    )
    error = error_for(response, token=TOKEN, now=0.0)
    assert isinstance(error, AuthenticationError)
    everything = str(error) + repr(error) + repr(error.headers) + error.body.decode()
    everything += pickle.dumps(error).decode("latin-1")
    assert TOKEN not in everything
    assert error.headers["Authorization"] == "[redacted]"


def test_redirect_is_reported_not_followed() -> None:
    response = Response(
        status=302,
        headers=CIMultiDictProxy(CIMultiDict({"Location": "https://elsewhere.example/x"})),
        body=b"",
        request=REQUEST,
    )
    error = error_for(response, token=TOKEN, now=0.0)
    assert type(error) is APIStatusError
    assert "redirect to https://elsewhere.example/x" in error.message


# --- retry planning ----------------------------------------------------------------------------


def headers(**values: str) -> CIMultiDictProxy[str]:
    return CIMultiDictProxy(CIMultiDict({k.replace("_", "-"): v for k, v in values.items()}))


def test_retry_after_forms() -> None:
    now = 1_800_000_000.0
    assert retry_after(headers(Retry_After="2"), now=now) == 2.0
    assert retry_after(headers(Retry_After="1.5"), now=now) == 1.5
    assert retry_after(headers(retry_after_ms="250"), now=now) == 0.25
    date = "Fri, 15 Jan 2027 08:00:10 GMT"
    assert retry_after(headers(Retry_After=date), now=now) == 10.0
    assert retry_after(headers(X_RateLimit_Reset=str(int(now) + 7)), now=now) == 7.0
    assert retry_after(headers(X_RateLimit_Reset="4"), now=now) == 4.0
    assert retry_after(headers(Retry_After="soon"), now=now) is None
    assert retry_after(headers(Retry_After="-3"), now=now) is None
    assert retry_after(headers(), now=now) is None


def test_backoff_is_full_jitter_and_capped() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=8.0)
    assert backoff_delay(1, policy, rand=lambda: 0.999) < 0.5
    assert backoff_delay(3, policy, rand=lambda: 0.5) == 1.0
    assert backoff_delay(20, policy, rand=lambda: 1.0) == 8.0
    assert backoff_delay(4, policy, rand=lambda: 0.0) == 0.0
