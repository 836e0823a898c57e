"""The third-party API behind passthrough: a small HubSpot look-alike plus an echo route.

Every connection answers ``/echo`` (any method, any sub-path) with what it received
(``method``, ``path``, ``query`` as lists of values by name, ``body``). A
connection granted ``crm`` also serves HubSpot's ``/crm/v3/objects/contacts`` over the same
contacts as the records endpoint: ``GET`` lists them in HubSpot's shape (``limit``, ``after``),
``POST`` creates one (inserted at offset 0, like any new record). Anything else gets the
provider's own 404.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ._records import RecordStore
from ._render import JSON, dumps

__all__ = ["FakeProvider", "ProviderAnswer"]

_CONTACTS = "crm/v3/objects/contacts"


@attrs.frozen
class ProviderAnswer:
    """What the provider answered.

    Attributes:
        status: The HTTP status.
        body: The raw body.
        headers: The provider's headers.
    """

    status: int
    body: bytes
    headers: Mapping[str, str] = attrs.field(factory=lambda: {"Content-Type": JSON})


class FakeProvider:
    """Answers passthrough calls for every connection.

    Args:
        records: The records store (the HubSpot contacts are its CRM contacts).
    """

    def __init__(self, records: RecordStore) -> None:
        self._records = records

    def call(
        self,
        connection: Mapping[str, Any],
        method: str,
        path: str,
        query: Sequence[tuple[str, str]],
        body: Any,
    ) -> ProviderAnswer:
        """Answer one call.

        Args:
            connection: The connection the call goes through.
            method: GET, POST, PUT, PATCH or DELETE.
            path: The path on the provider, without its query.
            query: The query parameters.
            body: The decoded JSON body (None for none).

        Returns:
            The provider's answer.
        """
        route = path.strip("/")
        if route == "echo" or route.startswith("echo/"):
            params: dict[str, list[str]] = {}
            for key, value in query:
                params.setdefault(key, []).append(value)
            return _json(
                200, {"method": method, "path": "/" + route, "query": params, "body": body}
            )
        hubspot = "crm" in connection["categories"]
        if hubspot and route == _CONTACTS:
            if method == "GET":
                return self._list_contacts(dict(query))
            if method == "POST":
                return self._create_contact(body)
            return _hubspot_error(405, "VALIDATION_ERROR", f"{method} is not allowed on /{route}")
        if hubspot:
            return _hubspot_error(404, "OBJECT_NOT_FOUND", f"No route for {method} /{route}")
        message = f"No route for {method} /{route} on {connection['integration_type']}"
        return _json(404, {"error": {"code": 404, "message": message}})

    def _list_contacts(self, query: Mapping[str, str]) -> ProviderAnswer:
        try:
            limit = int(query.get("limit", "10"))
            after = int(query.get("after", "0"))
        except ValueError:
            limit = after = -1
        if not 1 <= limit <= 100 or after < 0:
            return _hubspot_error(
                400, "VALIDATION_ERROR", "limit must be 1 to 100 and after a cursor from paging"
            )
        contacts = self._records.records("crm", "contact")
        results = [_hubspot_contact(record) for record in contacts[after : after + limit]]
        answer: dict[str, Any] = {"results": results}
        if after + limit < len(contacts):
            answer["paging"] = {"next": {"after": str(after + limit)}}
        return _json(200, answer)

    def _create_contact(self, body: Any) -> ProviderAnswer:
        properties = body.get("properties") if isinstance(body, dict) else None
        if not isinstance(properties, dict):
            return _hubspot_error(400, "VALIDATION_ERROR", 'the body must be {"properties": {...}}')
        first, last = properties.get("firstname"), properties.get("lastname")
        changes: dict[str, Any] = {
            "first_name": first,
            "last_name": last,
            "name": " ".join(part for part in (first, last) if part) or None,
            "emails": [{"email": properties["email"], "type": "WORK"}]
            if properties.get("email")
            else [],
            "telephones": [{"telephone": properties["phone"], "type": "WORK"}]
            if properties.get("phone")
            else [],
            "company": properties.get("company"),
            "title": properties.get("jobtitle"),
        }
        record = self._records.insert("crm", "contact", changes)
        return _json(201, _hubspot_contact(record))


def _hubspot_contact(record: Mapping[str, Any]) -> dict[str, Any]:
    emails = record.get("emails") or [{}]
    phones = record.get("telephones") or [{}]
    return {
        "id": record["id"],
        "properties": {
            "hs_object_id": record["id"],
            "email": emails[0].get("email"),
            "firstname": record.get("first_name"),
            "lastname": record.get("last_name"),
            "phone": phones[0].get("telephone"),
            "company": record.get("company"),
            "jobtitle": record.get("title"),
            "createdate": record.get("created_at"),
            "lastmodifieddate": record.get("updated_at"),
        },
        "createdAt": record.get("created_at"),
        "updatedAt": record.get("updated_at"),
        "archived": False,
    }


def _hubspot_error(status: int, category: str, message: str) -> ProviderAnswer:
    correlation = uuid.uuid5(uuid.NAMESPACE_URL, f"{status} {message}")
    body = {
        "status": "error",
        "message": message,
        "correlationId": str(correlation),
        "category": category,
    }
    return _json(status, body)


def _json(status: int, value: Any) -> ProviderAnswer:
    return ProviderAnswer(status, dumps(value))
