"""The API's own objects: integrations, connections, the connect flow, and passthrough answers."""

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs
import yarl

from .._errors import ResponseDecodeError, UpstreamError
from .._types import Category, HTTPMethod
from ._base import Model

__all__ = [
    "CallbackRequest",
    "ConnectRequest",
    "ConnectSession",
    "Connection",
    "Integration",
    "PassthroughRequest",
    "PassthroughResponse",
]


@attrs.define(kw_only=True)
class Integration(Model):
    """A third-party system that can be connected (Unified.to's integration fields).

    Attributes:
        type: The integration's slug, e.g. ``"hubspot"``: the ``integration_type`` of ``connect``.
        name: Its display name.
        categories: The categories it supports.
    """

    type: str | None = None
    name: str | None = None
    categories: list[Category | str] | None = None
    description: str | None = None
    logo_url: str | None = None
    web_url: str | None = None
    api_docs_url: str | None = None
    color: str | None = None
    text_color: str | None = None
    fa_icon: str | None = None
    is_active: bool | None = None
    is_hidden: bool | None = None
    beta: bool | None = None
    featured: bool | None = None
    in_progress: bool | None = None
    popularity: float | None = None
    active_healthy_connections: float | None = None
    rate_limit_description: str | None = None
    requires_cname: bool | None = None
    token_names: list[str] | None = None
    token_instructions: list[str] | None = None
    created_at: str | None = None
    updated_at: str | None = None
    tested_at: str | None = None
    support: dict[str, Any] | None = None


@attrs.define(kw_only=True)
class Connection(Model):
    """A connection of the Liza account to one integration (Unified.to's connection fields).

    Attributes:
        id: The connection id: the first argument of every records and passthrough call.
        integration_type: The integration's slug, e.g. ``"hubspot"``.
        categories: The categories this connection was granted.
        permissions: Unified.to permission names, e.g. ``"crm_contact_read"``.
        auth: Credentials, if the API ever sends them: kept, but never shown in ``repr``.
    """

    id: str | None = None
    integration_type: str | None = None
    integration_name: str | None = None
    categories: list[Category | str] | None = None
    permissions: list[str] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    workspace_id: str | None = None
    external_xref: str | None = None
    environment: str | None = None
    is_paused: bool | None = None
    last_healthy_at: datetime | None = None
    last_unhealthy_at: datetime | None = None
    last_unhealthy_code: str | None = None
    auth: dict[str, Any] | None = attrs.field(default=None, repr=False)


@attrs.define(kw_only=True)
class ConnectSession(Model):
    """The start of a connect flow: send the user to ``url``, then finalize ``connection_id``.

    Attributes:
        url: The authorization page to open in the user's browser.
        connection_id: The id to pass to ``connections.finalize`` once the user has authorized.
    """

    url: yarl.URL | None = None
    connection_id: str | None = None


@attrs.define(kw_only=True)
class ConnectRequest(Model):
    """The body of ``POST /v1/integrations/connect``."""

    integration_type: str
    categories: list[str]
    redirect_url: str | None = None
    external_xref: str | None = None
    scopes: list[str] | None = None


@attrs.define(kw_only=True)
class CallbackRequest(Model):
    """The body of ``POST /v1/integrations/callback``."""

    connection_id: str


@attrs.define(kw_only=True)
class PassthroughRequest(Model):
    """The body of ``POST /v1/integrations/{connectionId}/passthrough``."""

    method: str
    path: str
    data: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class PassthroughResponse:
    """The third-party system's answer to a passthrough call, whatever its status.

    Attributes:
        status: The HTTP status the third party answered with.
        headers: Its response headers (case-insensitive).
        body: Its raw body.
        method: The method sent to the third party.
        path: The path sent to the third party.
        connection_id: The connection the call went through.
    """

    status: int
    headers: Mapping[str, str]
    body: bytes = attrs.field(repr=lambda body: f"<{len(body)} bytes>")
    method: HTTPMethod
    path: str
    connection_id: str

    @property
    def ok(self) -> bool:
        """Whether the third party answered with a status below 400."""
        return self.status < 400

    def text(self, encoding: str | None = None) -> str:
        """Return the body decoded as text.

        Args:
            encoding: The encoding (default: the ``Content-Type`` charset, else UTF-8).

        Returns:
            The body as a string; undecodable bytes are replaced.
        """
        if encoding is None:
            content_type = self.headers.get("Content-Type", "")
            _, _, charset = content_type.partition("charset=")
            encoding = charset.split(";")[0].strip() or "utf-8"
        return self.body.decode(encoding, errors="replace")

    def json(self) -> Any:
        """Return the body parsed as JSON.

        Returns:
            The parsed value.

        Raises:
            ResponseDecodeError: The body is not valid JSON.
        """
        try:
            return json.loads(self.body)
        except ValueError as exc:
            raise ResponseDecodeError(
                f"the third party's answer is not valid JSON ({exc})",
                status_code=self.status,
                body=self.body,
            ) from None

    def raise_for_status(self) -> None:
        """Raise :class:`UpstreamError` when the third party answered with a status of 400 or more.

        Raises:
            UpstreamError: The status is 400 or more; it carries status, headers and body.
        """
        if self.status >= 400:
            raise UpstreamError(
                f"the third-party system answered {self.status} to {self.method} {self.path}",
                status_code=self.status,
                method=self.method,
                url=self.path,
                headers=self.headers,
                body=self.body,
            )
