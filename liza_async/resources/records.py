"""``liza.records``: the data of a connection, typed by category and object type."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from datetime import date, datetime
from typing import Any, TypeVar, overload

import attrs

from .. import _validate
from .._config import Timeout
from .._errors import LizaValidationError
from .._export import AsyncExport, ExportCheckpoint, start_checkpoint
from .._http import Response
from .._pagination import Page
from .._types import NOT_GIVEN, Category, NotGiven
from ..models import Record, model_for
from ._base import AsyncResource

__all__ = ["EXPORT_MIN_RETRIES", "MAX_CONCURRENCY", "AsyncRecords", "resolve_model"]

R = TypeVar("R", bound=Record)

MAX_CONCURRENCY = 32
"""The most page requests an export keeps in flight (the connection pool allows 32 per host)."""
EXPORT_MIN_RETRIES = 5
"""An export retries each page at least this often: one lost page costs more than one call."""

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


@attrs.frozen
class _Target:
    """The validated "what" of a multi-page read: connection, object type, filters, page size."""

    connection_id: str
    category: Category
    object_type: str
    model: type[Record]
    page_size: int
    query: str | None
    updated_gte: str | None

    @classmethod
    def of(
        cls,
        connection_id: object,
        category: type[Record] | Category | str,
        object_type: str | None,
        page_size: object,
        query: object,
        updated_gte: object,
        *,
        size_param: str = "page_size",
    ) -> _Target:
        kind, object_name, model = resolve_model(category, object_type)
        return cls(
            connection_id=_validate.connection_id(connection_id),
            category=kind,
            object_type=object_name,
            model=model,
            page_size=_validate.limit(page_size, size_param),
            query=_query(query),
            updated_gte=_validate.updated_gte(updated_gte),
        )

    def params(self, offset: int) -> dict[str, str | int]:
        """The query parameters of the page at ``offset``."""
        params: dict[str, str | int] = {"limit": self.page_size, "offset": offset}
        if self.query is not None:
            params["query"] = self.query
        if self.updated_gte is not None:
            params["updated_gte"] = self.updated_gte
        return params


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
        target = _Target.of(
            connection_id, category, object_type, limit, query, updated_gte, size_param="limit"
        )
        return await self._page(
            target,
            _validate.offset(offset),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def _page(
        self,
        target: _Target,
        offset: int,
        *,
        timeout: float | Timeout | NotGiven | None,
        max_retries: int | NotGiven,
        extra_headers: Mapping[str, str] | None,
    ) -> Page[Any]:
        """Fetch and decode one page."""
        response = await self._request_page(
            target,
            offset,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        items, listed = self._client._decode_list(response, target.model)
        return Page(
            items=items,
            offset=offset,
            limit=target.page_size,
            total=listed.total,
            has_more=listed.has_more,
        )

    async def _request_page(
        self,
        target: _Target,
        offset: int,
        *,
        timeout: float | Timeout | NotGiven | None,
        max_retries: int | NotGiven,
        extra_headers: Mapping[str, str] | None,
    ) -> Response:
        return await self._client._request(
            "GET",
            (target.connection_id, target.category.value, target.object_type),
            params=target.params(offset),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    @overload
    def pages(
        self,
        connection_id: str,
        model: type[R],
        /,
        *,
        page_size: int = 100,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Page[R]]: ...

    @overload
    def pages(
        self,
        connection_id: str,
        category: Category | str,
        object_type: str,
        /,
        *,
        page_size: int = 100,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Page[Record]]: ...

    def pages(
        self,
        connection_id: str,
        category: type[Record] | Category | str,
        object_type: str | None = None,
        /,
        *,
        page_size: int = 100,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Page[Any]]:
        """Iterate over every page, one request at a time, until the end of the data.

        The end is an empty page, a page shorter than ``page_size``, ``has_more`` false, or
        an offset reaching the total; a total is never required.

        Example::

            async for page in liza.records.pages(connection_id, CrmContact):
                print(page.offset, len(page), page.total)

        Args:
            connection_id: The connection's id.
            category: A typed model, or a category followed by ``object_type``.
            object_type: The object type when a category is given.
            page_size: Records per request, 1 to 100.
            query: Free-text search.
            updated_gte: Only records updated at or after this moment.
            timeout: Overrides the client's timeout for each request.
            max_retries: Overrides the client's retries for each request.
            extra_headers: Headers for each request.

        Returns:
            An async iterator of pages.

        Raises:
            LizaValidationError: An invalid argument (raised here, before any request).
            APIStatusError: The API answered with an error status (while iterating).
            APIConnectionError: No answer (while iterating).
            ResponseDecodeError: An answer is not a list of such records (while iterating).
        """
        target = _Target.of(connection_id, category, object_type, page_size, query, updated_gte)
        return self._walk(target, timeout, max_retries, extra_headers)

    async def _walk(
        self,
        target: _Target,
        timeout: float | Timeout | NotGiven | None,
        max_retries: int | NotGiven,
        extra_headers: Mapping[str, str] | None,
    ) -> AsyncGenerator[Page[Any], None]:
        offset = 0
        while True:
            page = await self._page(
                target,
                offset,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
            )
            yield page
            if page.is_last:
                return
            offset = page.next_offset

    @overload
    def iterate(
        self,
        connection_id: str,
        model: type[R],
        /,
        *,
        page_size: int = 100,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[R]: ...

    @overload
    def iterate(
        self,
        connection_id: str,
        category: Category | str,
        object_type: str,
        /,
        *,
        page_size: int = 100,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Record]: ...

    def iterate(
        self,
        connection_id: str,
        category: type[Record] | Category | str,
        object_type: str | None = None,
        /,
        *,
        page_size: int = 100,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Any]:
        """Iterate over every record, page after page (see :meth:`pages` for the end rules).

        Example::

            async for contact in liza.records.iterate(connection_id, CrmContact, query="acme"):
                print(contact.name)

        Args:
            connection_id: The connection's id.
            category: A typed model, or a category followed by ``object_type``.
            object_type: The object type when a category is given.
            page_size: Records per request, 1 to 100.
            query: Free-text search.
            updated_gte: Only records updated at or after this moment.
            timeout: Overrides the client's timeout for each request.
            max_retries: Overrides the client's retries for each request.
            extra_headers: Headers for each request.

        Returns:
            An async iterator of records.

        Raises:
            LizaValidationError: An invalid argument (raised here, before any request).
            APIStatusError: The API answered with an error status (while iterating).
            APIConnectionError: No answer (while iterating).
            ResponseDecodeError: An answer is not a list of such records (while iterating).
        """
        target = _Target.of(connection_id, category, object_type, page_size, query, updated_gte)
        return self._flatten(self._walk(target, timeout, max_retries, extra_headers))

    @staticmethod
    async def _flatten(pages: AsyncGenerator[Page[Any], None]) -> AsyncGenerator[Any, None]:
        async with contextlib.aclosing(pages):
            async for page in pages:
                for record in page:
                    yield record

    @overload
    def export(
        self,
        connection_id: str,
        model: type[R],
        /,
        *,
        concurrency: int = 4,
        page_size: int = 100,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        checkpoint: ExportCheckpoint | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncExport[R]: ...

    @overload
    def export(
        self,
        connection_id: str,
        category: Category | str,
        object_type: str,
        /,
        *,
        concurrency: int = 4,
        page_size: int = 100,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        checkpoint: ExportCheckpoint | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncExport[Record]: ...

    def export(
        self,
        connection_id: str,
        category: type[Record] | Category | str,
        object_type: str | None = None,
        /,
        *,
        concurrency: int = 4,
        page_size: int = 100,
        query: str | None = None,
        updated_gte: datetime | date | str | None = None,
        checkpoint: ExportCheckpoint | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncExport[Any]:
        """Export every record, fetching pages concurrently, delivered in order.

        Up to ``concurrency`` page requests run ahead of your loop at increasing offsets; at
        most ``concurrency + 1`` pages are held in memory. Records come in offset order, once
        each (a record seen again after data shifted is dropped by id). The client's rate
        limiter and retries apply to every page; each page is retried at least
        ``EXPORT_MIN_RETRIES`` times. Leaving the loop early cancels the requests in flight.

        Example::

            export = liza.records.export(connection_id, CrmContact, concurrency=4)
            try:
                async for contact in export:
                    handle(contact)
            except ExportError as error:
                save(error.checkpoint.to_json())  # resume later with checkpoint=...

        Args:
            connection_id: The connection's id.
            category: A typed model, or a category followed by ``object_type``.
            object_type: The object type when a category is given.
            concurrency: Page requests in flight at once, 1 to 32.
            page_size: Records per request, 1 to 100.
            query: Free-text search.
            updated_gte: Only records updated at or after this moment.
            checkpoint: Resume an earlier export of the same records from here.
            timeout: Overrides the client's timeout for each request.
            max_retries: Overrides the retries of each page request.
            extra_headers: Headers for each request.

        Returns:
            The export: iterate it for records, or use ``batches()`` / ``raw_batches()``; its
            ``checkpoint`` and ``stats`` tell where it stands.

        Raises:
            LizaValidationError: An invalid argument, or a checkpoint of another export (raised
                here, before any request).
            ExportError: While iterating: a page failed after its retries; ``checkpoint`` says
                where to resume, ``cause`` why.
        """
        target = _Target.of(connection_id, category, object_type, page_size, query, updated_gte)
        _validate.whole_number("concurrency", concurrency, 1, MAX_CONCURRENCY)
        start = start_checkpoint(
            checkpoint,
            connection_id=target.connection_id,
            category=target.category.value,
            object_type=target.object_type,
            query=target.query,
            updated_gte=target.updated_gte,
        )
        retries = (
            max(EXPORT_MIN_RETRIES, self._client._config.retry.max_retries)
            if isinstance(max_retries, NotGiven)
            else max_retries
        )

        async def fetch(offset: int) -> Response:
            return await self._request_page(
                target, offset, timeout=timeout, max_retries=retries, extra_headers=extra_headers
            )

        return AsyncExport(
            fetch, target.model, concurrency=concurrency, page_size=target.page_size, start=start
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
