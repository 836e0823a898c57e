"""Connections: the seeded ones, and the connect → authorize → callback flow that adds more."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
from yarl import URL

from ._data import OBJECT_TYPES
from ._params import CATEGORIES, TO_UNIFIED
from ._render import HTTPProblem, format_timestamp

__all__ = ["ConnectionStore"]

# The integration seeded for each category (the first catalogue entry serving it if absent).
SEEDED_INTEGRATIONS: Mapping[str, str] = {
    "crm": "hubspot",
    "ticketing": "zendesk",
    "calendar": "googlecalendar",
    "messaging": "slack",
    "storage": "googledrive",
    "task": "asana",
    "ats": "greenhouse",
    "accounting": "quickbooks",
    "ecommerce": "shopify",
    "hr": "bamboohr",
    "enrichment": "clearbit",
    "marketing": "mailchimp",
}

_EPOCH = datetime(2024, 1, 8, 9, 0, tzinfo=timezone.utc)


@attrs.define
class _Pending:
    connection: dict[str, Any]
    redirect_url: URL | None
    authorized: bool = False


class ConnectionStore:
    """The connections of one sandbox, by id.

    Only finalized connections exist for the connections API and the data routes; a connection
    started with :meth:`start` waits in a pending state until it is authorized and finalized.

    Args:
        seed: Seeds the connection and workspace ids.
        integrations: The integration catalogue (``type``, ``name``, ``categories``).
    """

    def __init__(self, seed: int, integrations: Sequence[Mapping[str, Any]]) -> None:
        self._seed = seed
        self._integrations: dict[str, Mapping[str, Any]] = {
            entry["type"]: entry for entry in integrations
        }
        self._workspace_id = _hex_id(f"workspace/{seed}")
        self._active: dict[str, dict[str, Any]] = {}
        self._pending: dict[str, _Pending] = {}
        self._started = 0
        for index, category in enumerate(CATEGORIES):
            integration = self._seeded_integration(category)
            stamp = _EPOCH + timedelta(days=index)
            connection = self._new(
                _hex_id(f"connection/{seed}/{category}/{integration}"),
                integration,
                [category],
                created_at=stamp,
                external_xref=None,
            )
            connection["last_healthy_at"] = format_timestamp(stamp + timedelta(days=30))
            self._active[connection["id"]] = connection
        self.seeded: tuple[dict[str, Any], ...] = tuple(self._active.values())

    def _seeded_integration(self, category: str) -> str:
        preferred = SEEDED_INTEGRATIONS[category]
        if category in self._integrations.get(preferred, {}).get("categories", ()):
            return preferred
        for kind, entry in self._integrations.items():
            if category in entry["categories"]:
                return kind
        raise ValueError(f"the integration catalogue has no integration for {category!r}")

    def _new(
        self,
        connection_id: str,
        integration: str,
        categories: list[str],
        *,
        created_at: datetime,
        external_xref: str | None,
    ) -> dict[str, Any]:
        connection: dict[str, Any] = {
            "id": connection_id,
            "created_at": format_timestamp(created_at),
            "updated_at": format_timestamp(created_at),
            "workspace_id": self._workspace_id,
            "integration_type": integration,
            "integration_name": self._integrations[integration]["name"],
            "categories": categories,
            "permissions": [
                f"{TO_UNIFIED[category]}_{object_type}_{access}"
                for category in categories
                for object_type in OBJECT_TYPES.get(category, ())
                for access in ("read", "write")
            ],
            "environment": "Sandbox",
            "is_paused": False,
        }
        if external_xref is not None:
            connection["external_xref"] = external_xref
        return connection

    def active(self) -> list[dict[str, Any]]:
        """The finalized connections, oldest first.

        Returns:
            The connection objects.
        """
        return list(self._active.values())

    def get(self, connection_id: str) -> dict[str, Any]:
        """One finalized connection.

        Args:
            connection_id: The id.

        Returns:
            The connection object.

        Raises:
            HTTPProblem: 404 when there is no such finalized connection.
        """
        try:
            return self._active[connection_id]
        except KeyError:
            pending = connection_id in self._pending
            hint = (
                "it is waiting for authorization and POST /v1/integrations/callback"
                if pending
                else "list the connections with GET /v1/integrations/connections"
            )
            raise HTTPProblem(404, f"no connection {connection_id!r}; {hint}") from None

    def delete(self, connection_id: str) -> None:
        """Remove a finalized connection.

        Args:
            connection_id: The id.

        Raises:
            HTTPProblem: 404 when there is no such connection (e.g. deleted already).
        """
        self.get(connection_id)
        del self._active[connection_id]

    def check_granted(self, connection: Mapping[str, Any], category: str) -> None:
        """Refuse a category the connection was not granted.

        Args:
            connection: The connection object.
            category: A valid category.

        Raises:
            HTTPProblem: 403, naming the granted categories.
        """
        if category not in connection["categories"]:
            granted = ", ".join(connection["categories"])
            raise HTTPProblem(
                403,
                f"connection {connection['id']!r} ({connection['integration_type']}) was not "
                f"granted the {category!r} category; granted: {granted}",
            )

    def start(self, body: Mapping[str, Any], authorize_base: URL) -> dict[str, str]:
        """Validate a connect request and create a pending connection.

        Args:
            body: ``integration_type``, ``categories`` and optionally ``redirect_url``,
                ``external_xref`` and ``scopes``.
            authorize_base: The URL the connection id is appended to, giving the authorize page.

        Returns:
            ``{"url", "connection_id"}``.

        Raises:
            HTTPProblem: 400 naming the invalid field and what is allowed.
        """
        integration = self._integration_type(body.get("integration_type"))
        categories = self._categories(body.get("categories"), integration)
        redirect_url = _redirect_url(body.get("redirect_url"))
        external_xref = body.get("external_xref")
        if external_xref is not None and not isinstance(external_xref, str):
            raise HTTPProblem(400, "external_xref must be a string")
        scopes = body.get("scopes")
        if scopes is not None and (
            not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes)
        ):
            raise HTTPProblem(400, "scopes must be a list of strings")
        self._started += 1
        connection_id = _hex_id(f"connection/{self._seed}/connect/{self._started}")
        connection = self._new(
            connection_id,
            integration,
            categories,
            created_at=datetime.now(timezone.utc).replace(microsecond=0),
            external_xref=external_xref,
        )
        self._pending[connection_id] = _Pending(connection, redirect_url)
        return {"url": str(authorize_base / connection_id), "connection_id": connection_id}

    def _integration_type(self, value: object) -> str:
        if not isinstance(value, str) or not value:
            raise HTTPProblem(400, "integration_type is required: a string such as 'hubspot'")
        if value not in self._integrations:
            known = ", ".join(sorted(self._integrations))
            raise HTTPProblem(400, f"unknown integration_type {value!r}; known types: {known}")
        return value

    def _categories(self, value: object, integration: str) -> list[str]:
        if not isinstance(value, list) or not value or not all(isinstance(c, str) for c in value):
            raise HTTPProblem(
                400,
                f"categories is required: a non-empty list drawn from {', '.join(CATEGORIES)}",
            )
        unknown = [c for c in value if c not in CATEGORIES]
        if unknown:
            raise HTTPProblem(
                400,
                f"unknown categories {', '.join(map(repr, unknown))}; "
                f"allowed categories: {', '.join(CATEGORIES)}",
            )
        supported = self._integrations[integration]["categories"]
        unsupported = [c for c in value if c not in supported]
        if unsupported:
            raise HTTPProblem(
                400,
                f"{integration} does not support {', '.join(map(repr, unsupported))}; "
                f"it supports: {', '.join(supported)}",
            )
        return list(dict.fromkeys(value))

    def authorize(self, connection_id: str) -> URL | None:
        """Authorize a pending connection (what the end user does on the authorize page).

        Args:
            connection_id: The id from the connect answer.

        Returns:
            Where to redirect: the redirect URL with ``id=<connection_id>`` appended, or None
            when none was given.

        Raises:
            KeyError: No such pending connection.
        """
        pending = self._pending[connection_id]
        pending.authorized = True
        if pending.redirect_url is None:
            return None
        return pending.redirect_url.extend_query(id=connection_id)

    def finalize(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """Finalize an authorized connection (the callback).

        Args:
            body: ``{"connection_id"}``.

        Returns:
            The connection object, listed from now on.

        Raises:
            HTTPProblem: 400 without a connection id; 404 for an unknown one; 409 when the
                connection has not been authorized yet.
        """
        connection_id = body.get("connection_id")
        if not isinstance(connection_id, str) or not connection_id:
            raise HTTPProblem(400, "connection_id is required: the id from the connect answer")
        if connection_id in self._active:
            return self._active[connection_id]
        pending = self._pending.get(connection_id)
        if pending is None:
            raise HTTPProblem(404, f"no pending connection {connection_id!r}")
        if not pending.authorized:
            raise HTTPProblem(
                409,
                f"connection {connection_id!r} has not been authorized yet; open the url from "
                "the connect answer first",
            )
        del self._pending[connection_id]
        self._active[connection_id] = pending.connection
        return pending.connection


def _redirect_url(value: object) -> URL | None:
    if value is None:
        return None
    try:
        url = URL(value) if isinstance(value, str) else None
    except ValueError:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise HTTPProblem(400, f"redirect_url must be an absolute http or https URL; got {value!r}")
    return url


def _hex_id(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:24]
