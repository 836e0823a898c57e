"""The exception tree: hierarchy, messages, pickling."""

from __future__ import annotations

import pickle

import pytest

import liza_async
from liza_async import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ExportError,
    LizaError,
    LizaValidationError,
    RateLimitError,
    ResponseDecodeError,
)
from liza_async._errors import redact_headers, status_error_class
from liza_async._export import ExportCheckpoint


def test_hierarchy() -> None:
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIConnectionError, LizaError)
    assert issubclass(APIStatusError, LizaError)
    assert issubclass(LizaValidationError, ValueError)
    for status, name in [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (503, "InternalServerError"),
        (418, "APIStatusError"),
    ]:
        cls = status_error_class(status)
        assert cls is getattr(liza_async, name)
        assert issubclass(cls, APIStatusError)


@pytest.mark.parametrize(
    "error",
    [
        LizaError("plain"),
        LizaValidationError("limit", "expected 1 to 100"),
        APIConnectionError("refused", method="GET", url="https://x/api", attempts=3),
        APITimeoutError("timed out", method="GET", url="https://x/api"),
        RateLimitError("slow down", status_code=429, retry_after=2.5, body=b"{}"),
        ResponseDecodeError("bad", path="data[0].id", status_code=200, url="u", body=b"x"),
        ExportError(
            "stopped",
            checkpoint=ExportCheckpoint(
                connection_id="c",
                category="crm",
                object_type="contact",
                next_offset=300,
                recent_ids=("a",),
                delivered=300,
            ),
            cause=APIConnectionError("refused"),
        ),
    ],
)
def test_every_error_survives_pickle(error: LizaError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert comparable(copy) == comparable(error)


def comparable(error: LizaError) -> dict[str, object]:
    return {k: repr(v) if isinstance(v, BaseException) else v for k, v in vars(error).items()}


def test_messages_say_what_and_where() -> None:
    message = str(LizaValidationError("limit", "expected 1 to 100"))
    assert message == "invalid limit: expected 1 to 100"
    error = APIConnectionError("refused", method="GET", url="https://x/api", attempts=3)
    assert str(error) == "refused (GET https://x/api, 3 attempts)"
    decode = ResponseDecodeError("expected str", path="data[1].name", status_code=200, url="u")
    assert str(decode) == "expected str at data[1].name (HTTP 200 from u)"


def test_redact_headers() -> None:
    redacted = redact_headers(
        {
            "Authorization": "Bearer t",
            "Set-Cookie": "a=b",
            "X-Api-Key": "k",
            "X-Session-Token": "t",
            "Content-Type": "application/json",
            "X-Request-Id": "r",
        }
    )
    assert redacted == {
        "Authorization": "[redacted]",
        "Set-Cookie": "[redacted]",
        "X-Api-Key": "[redacted]",
        "X-Session-Token": "[redacted]",
        "Content-Type": "application/json",
        "X-Request-Id": "r",
    }
