"""Settings: arguments over environment, validation with helpful messages."""

from __future__ import annotations

import pytest
import yarl

from liza_async import LizaValidationError
from liza_async._config import DEFAULT_BASE_URL, Timeout, load_config

TOKEN = "liza_mcp_config_token"


def test_token_from_argument_or_environment() -> None:
    assert load_config(TOKEN, env={}).token == TOKEN
    assert load_config(env={"LIZA_API_TOKEN": "from-env"}).token == "from-env"
    assert load_config("explicit", env={"LIZA_API_TOKEN": "from-env"}).token == "explicit"


@pytest.mark.parametrize("token", [None, "", "   "])
def test_missing_token_is_a_clear_error(token: str | None) -> None:
    with pytest.raises(LizaValidationError, match="LIZA_API_TOKEN"):
        load_config(token, env={})


def test_token_with_line_break_is_refused_without_echoing_it() -> None:
    with pytest.raises(LizaValidationError) as info:
        load_config("abc\r\nX-Evil: 1", env={})
    assert "abc" not in str(info.value)


def test_base_url_precedence_and_normalisation() -> None:
    assert load_config(TOKEN, env={}).base_url == DEFAULT_BASE_URL
    env = {"LIZA_BASE_URL": "https://eu.example.com/api/"}
    assert load_config(TOKEN, env=env).base_url == yarl.URL("https://eu.example.com/api")
    assert load_config(TOKEN, base_url="https://x.example/api", env=env).base_url == yarl.URL(
        "https://x.example/api"
    )


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080/api", "http://localhost/api", "http://[::1]:9/api"]
)
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    assert load_config(TOKEN, base_url=url, env={}).base_url.scheme == "http"


def test_plain_http_elsewhere_needs_explicit_consent() -> None:
    with pytest.raises(LizaValidationError, match="allow_insecure_http"):
        load_config(TOKEN, base_url="http://api.example.com/api", env={})
    config = load_config(
        TOKEN, base_url="http://api.example.com/api", allow_insecure_http=True, env={}
    )
    assert config.base_url.host == "api.example.com"


@pytest.mark.parametrize(
    "url", ["ftp://example.com", "example.com/api", "https://user:pw@example.com/api"]
)
def test_bad_base_urls(url: str) -> None:
    with pytest.raises(LizaValidationError, match="base_url"):
        load_config(TOKEN, base_url=url, env={})


def test_timeouts() -> None:
    assert load_config(TOKEN, env={}).timeout == Timeout()
    assert load_config(TOKEN, timeout=5, env={}).timeout == Timeout(total=5, connect=5, read=5)
    assert load_config(TOKEN, timeout=None, env={}).timeout == Timeout(None, None, None)
    assert load_config(TOKEN, env={"LIZA_TIMEOUT": "12"}).timeout.total == 12
    custom = Timeout(total=100, connect=1, read=2)
    assert load_config(TOKEN, timeout=custom, env={}).timeout is custom
    for bad in (0, -1, True):
        with pytest.raises(LizaValidationError, match="timeout"):
            load_config(TOKEN, timeout=bad, env={})
    with pytest.raises(LizaValidationError, match="LIZA_TIMEOUT"):
        load_config(TOKEN, env={"LIZA_TIMEOUT": "soon"})


def test_retries_and_rate_limit() -> None:
    assert load_config(TOKEN, env={}).retry.max_retries == 2
    assert load_config(TOKEN, max_retries=0, env={}).retry.max_retries == 0
    assert load_config(TOKEN, env={"LIZA_MAX_RETRIES": "5"}).retry.max_retries == 5
    for bad in (-1, 1.5, 101, True):
        with pytest.raises(LizaValidationError, match="max_retries"):
            load_config(TOKEN, max_retries=bad, env={})  # type: ignore[arg-type]
    assert load_config(TOKEN, env={}).rate_limit == 240
    assert load_config(TOKEN, rate_limit=None, env={}).rate_limit is None
    with pytest.raises(LizaValidationError, match="rate_limit"):
        load_config(TOKEN, rate_limit=0, env={})
    with pytest.raises(LizaValidationError, match="rate_limit_burst"):
        load_config(TOKEN, rate_limit_burst=0, env={})
    with pytest.raises(LizaValidationError, match="max_response_bytes"):
        load_config(TOKEN, max_response_bytes=0, env={})


def test_config_repr_hides_the_token() -> None:
    assert TOKEN not in repr(load_config(TOKEN, env={}))
