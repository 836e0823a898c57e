"""Building blocks shared by many categories: emails, telephones, addresses, metadata."""

from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "Address",
    "Email",
    "EmailType",
    "Metadata",
    "MetadataFormat",
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
