"""``liza.records``: the data of a connection, typed by category and object type."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, TypeVar, overload

from .. import _validate
from .._config import Timeout
from .._errors import LizaValidationError
from .._pagination import Page
from .._types import NOT_GIVEN, Category, NotGiven
from ..models import Record, model_for
from ._base import AsyncResource

__all__ = ["AsyncRecords", "resolve_model"]

R = TypeVar("R", bound=Record)

_LOOKUP_KEYS = ("email", "domain", "name", "linkedin_url", "company_name", "twitter")


def resolve_model(
    category: type[Record] | Category | str, object_type: str | None
) -> tuple[Category, str, type[Record]]:
    """Work out category, object type and model from either calling form.

    Args:
        category: A typed model class (e.g. ``CrmContact``), or a category.
        object_type: The object type; required with a category, not allowed with a model.

    Returns:
        The category, the object type, and the model to decode into (``Record`` when the object
        type has no typed model).

    Raises:
        LizaValidationError: The arguments do not name an object type.
    """
    if isinstance(category, type):
        if not issubclass(category, Record):
            raise LizaValidationError(
                "category", f"expected a record model such as CrmContact, got {category.__name__}"
            )
        if category.__liza_category__ is None or category.__liza_object_type__ is None:
            raise LizaValidationError(
                "category",
                f"{category.__name__} is not registered to an object type; pass a typed model "
                "such as CrmContact, or a category and an object type",
            )
        if object_type is not None:
            raise LizaValidationError(
                "object_type", f"{category.__name__} already names its object type; leave it out"
            )
        return Category(category.__liza_category__), category.__liza_object_type__, category
    checked = _validate.category(category)
    if object_type is None:
        raise LizaValidationError(
            "object_type", f"give the object type of category {checked.value}, e.g. 'contact'"
        )
    kind = _validate.non_empty("object_type", object_type).strip().lower()
    return checked, kind, model_for(checked.value, kind)


class AsyncRecords(AsyncResource):
    """The records of a connection: one page, every page, or a concurrent bulk export."""

    @overload
    async def list(
        self,
        connection_id: str,
        model: type[R],
        /,
        *,
        limit: int = 50,
        offset: int = 0,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Page[R]: ...

    @overload
    async def list(
        self,
        connection_id: str,
        category: Category | str,
        object_type: str,
        /,
        *,
        limit: int = 50,
        offset: int = 0,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Page[Record]: ...

    async def list(
        self,
        connection_id: str,
        category: type[Record] | Category | str,
        object_type: str | None = None,
        /,
        *,
        limit: int = 50,
        offset: int = 0,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Page[Any]:
        """Fetch one page of records.

        Example::

            page = await liza.records.list(connection_id, CrmContact, limit=20, query="acme")
            for contact in page:
                print(contact.name, contact.emails[0].email if contact.emails else "")
            page = await liza.records.list(connection_id, "ats", "interview")  # generic Records

        Args:
            connection_id: The connection's id.
            category: A typed model (``CrmContact``), or a category (``"crm"``,
                ``Category.CRM``) followed by ``object_type``.
            object_type: The object type (``"contact"``) when a category is given.
            limit: Records per page, 1 to 100.
            offset: Records to skip, >= 0.
            query: Free-text search (name, email, ...), as the integration supports it.
            updated_gte: Only records updated at or after this moment: a ``datetime`` (naive is
                UTC), a ``date`` or an ISO 8601 string.
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retries for this call.
            extra_headers: Headers for this call only.

        Returns:
            The page: records decoded into the typed model of the object type (``Record`` for
            object types without one), plus the total and has-more flag when the API gave them.

        Raises:
            LizaValidationError: An invalid argument (nothing is sent).
            BadRequestError: The API refused a parameter.
            PermissionDeniedError: The connection was not granted this category.
            NotFoundError: Unknown connection, or an object type the category does not have.
            APIStatusError: Another error status.
            APIConnectionError: No answer (``APITimeoutError`` on a timeout).
            ResponseDecodeError: The answer is not a list of such records.
        """
        kind, object_name, model = resolve_model(category, object_type)
        return await self._page(
            _validate.connection_id(connection_id),
            kind,
            object_name,
            model,
            limit=_validate.limit(limit),
            offset=_validate.offset(offset),
            query=_query(query),
            updated_gte=_validate.updated_gte(updated_gte),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def _page(
        self,
        connection_id: str,
        category: Category,
        object_type: str,
        model: type[R],
        *,
        limit: int,
        offset: int,
        query: str | None,
        updated_gte: str | None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Page[R]:
        """Fetch and decode one page; arguments are already validated."""
        params: dict[str, str | int] = {"limit": limit, "offset": offset}
        if query is not None:
            params["query"] = query
        if updated_gte is not None:
            params["updated_gte"] = updated_gte
        response = await self._client._request(
            "GET",
            (connection_id, category.value, object_type),
            params=params,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        items, listed = self._client._decode_list(response, model)
        return Page(
            items=items, offset=offset, limit=limit, total=listed.total, has_more=listed.has_more
        )

    @overload
    async def lookup(
        self,
        connection_id: str,
        model: type[R],
        /,
        *,
        email: str | None = None,
        domain: str | None = None,
        name: str | None = None,
        linkedin_url: str | None = None,
        company_name: str | None = None,
        twitter: str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> R: ...

    @overload
    async def lookup(
        self,
        connection_id: str,
        category: Category | str,
        object_type: str,
        /,
        *,
        email: str | None = None,
        domain: str | None = None,
        name: str | None = None,
        linkedin_url: str | None = None,
        company_name: str | None = None,
        twitter: str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Record: ...

    async def lookup(
        self,
        connection_id: str,
        category: type[Record] | Category | str,
        object_type: str | None = None,
        /,
        *,
        email: str | None = None,
        domain: str | None = None,
        name: str | None = None,
        linkedin_url: str | None = None,
        company_name: str | None = None,
        twitter: str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Any:
        """Look up one enrichment record (a person by email, a company by domain, ...).

        Enrichment object types are lookups, not lists: the API answers a single object.

        Example::

            person = await liza.records.lookup(conn, EnrichmentPerson, email="ada@acme.com")
            company = await liza.records.lookup(conn, EnrichmentCompany, domain="acme.com")

        Args:
            connection_id: The connection's id.
            category: A typed model (``EnrichmentPerson``), or a category followed by
                ``object_type``.
            object_type: The object type when a category is given.
            email: Find a person by email address.
            domain: Find a company by web domain.
            name: Find by name.
            linkedin_url: Find a person by LinkedIn URL.
            company_name: Narrow a person lookup by company name.
            twitter: Find a person by Twitter handle.
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retries for this call.
            extra_headers: Headers for this call only.

        Returns:
            The record found.

        Raises:
            LizaValidationError: No lookup key given, or an invalid argument (nothing is sent).
            NotFoundError: Nothing matches.
            APIStatusError: Another error status.
            APIConnectionError: No answer (``APITimeoutError`` on a timeout).
            ResponseDecodeError: The answer is not such a record.
        """
        kind, object_name, model = resolve_model(category, object_type)
        given = dict(
            zip(
                _LOOKUP_KEYS,
                (email, domain, name, linkedin_url, company_name, twitter),
                strict=True,
            )
        )
        params: dict[str, str | int] = {
            key: _validate.non_empty(key, value)
            for key, value in given.items()
            if value is not None
        }
        if not params:
            raise LizaValidationError("lookup", f"give at least one of: {', '.join(_LOOKUP_KEYS)}")
        response = await self._client._request(
            "GET",
            (_validate.connection_id(connection_id), kind.value, object_name),
            params=params,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        return self._client._decode_object(response, model)


def _query(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise LizaValidationError("query", f"expected a string, got {type(value).__name__}")
    return value
