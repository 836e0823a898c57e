"""Shapes shared by many categories: emails, telephones, addresses, metadata, references."""

from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "Address",
    "Attachment",
    "Email",
    "EmailType",
    "EmploymentType",
    "Metadata",
    "MetadataFormat",
    "Reference",
    "Telephone",
    "TelephoneType",
]


class EmailType(OpenEnum):
    """The kind of an email address."""

    WORK = "WORK"
    HOME = "HOME"
    OTHER = "OTHER"


class TelephoneType(OpenEnum):
    """The kind of a telephone number."""

    WORK = "WORK"
    HOME = "HOME"
    OTHER = "OTHER"
    FAX = "FAX"
    MOBILE = "MOBILE"


class MetadataFormat(OpenEnum):
    """How a custom field's value is to be read."""

    TEXT = "TEXT"
    NUMBER = "NUMBER"
    DATE = "DATE"
    BOOLEAN = "BOOLEAN"
    FILE = "FILE"
    TEXTAREA = "TEXTAREA"
    SINGLE_SELECT = "SINGLE_SELECT"
    MULTIPLE_SELECT = "MULTIPLE_SELECT"
    MEASUREMENT = "MEASUREMENT"
    PRICE = "PRICE"
    YES_NO = "YES_NO"
    CURRENCY = "CURRENCY"
    URL = "URL"


class EmploymentType(OpenEnum):
    """The kind of employment of a job (ATS) or an employee (HR)."""

    FULL_TIME = "FULL_TIME"
    PART_TIME = "PART_TIME"
    CONTRACTOR = "CONTRACTOR"
    INTERN = "INTERN"
    CONSULTANT = "CONSULTANT"
    VOLUNTEER = "VOLUNTEER"
    CASUAL = "CASUAL"
    SEASONAL = "SEASONAL"
    FREELANCE = "FREELANCE"
    OTHER = "OTHER"


@attrs.define(kw_only=True)
class Email(Model):
    """An email address."""

    email: str | None = None
    type: EmailType | str | None = None


@attrs.define(kw_only=True)
class Telephone(Model):
    """A telephone number."""

    telephone: str | None = None
    type: TelephoneType | str | None = None


@attrs.define(kw_only=True)
class Address(Model):
    """A postal address."""

    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    region: str | None = None
    region_code: str | None = None
    postal_code: str | None = None
    country: str | None = None
    country_code: str | None = None


@attrs.define(kw_only=True)
class Metadata(Model):
    """A custom field: its definition's id and slug, its format, and its value."""

    id: str | None = None
    slug: str | None = None
    namespace: str | None = None
    format: MetadataFormat | str | None = None
    value: Any = None
    extra_data: Any = None


@attrs.define(kw_only=True)
class Reference(Model):
    """A pointer to another record by id and name (a deal's pipeline, an item's collection).

    Attributes:
        type: What kind of record ``id`` names, when the API says (a free-form string).
    """

    id: str | None = None
    name: str | None = None
    type: str | None = None


@attrs.define(kw_only=True)
class Attachment(Model):
    """A file attached to a calendar event or an invoice.

    Attributes:
        download_url: A link to the file's contents (often short-lived).
    """

    id: str | None = None
    name: str | None = None
    mime_type: str | None = None
    download_url: str | None = None
