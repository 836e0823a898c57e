"""Enrichment records: what a data provider knows about a person or a company.

These are look-ups: the API answers with a single object, not a list.
"""

from datetime import datetime

import attrs

from ._base import Model, OpenEnum, Record, register
from .common import Address, Email, Telephone

__all__ = [
    "EnrichmentCompany",
    "EnrichmentEmail",
    "EnrichmentGender",
    "EnrichmentPerson",
    "EnrichmentWorkHistory",
]


class EnrichmentGender(OpenEnum):
    """A person's gender, as the data provider reports it."""

    MALE = "MALE"
    FEMALE = "FEMALE"


@attrs.define(kw_only=True)
class EnrichmentEmail(Email):
    """An email address, and whether the data provider has verified it."""

    is_verified: bool | None = None


@attrs.define(kw_only=True)
class EnrichmentWorkHistory(Model):
    """A position a person has held."""

    title: str | None = None
    company_name: str | None = None
    company_domain: str | None = None
    company_id: str | None = None
    location: str | None = None
    start_at: datetime | None = None
    end_at: datetime | None = None


@register("enrichment", "person")
@attrs.define(kw_only=True)
class EnrichmentPerson(Record):
    """A person, as a data provider knows them.

    Attributes:
        birthdate: The birth date as the provider writes it (a string, possibly partial).
        company: The name of the person's company; ``company_domain`` its web domain.
        utc_offset: The person's offset from UTC, in hours.
    """

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    bio: str | None = None
    gender: EnrichmentGender | str | None = None
    birthdate: str | None = None
    company: str | None = None
    company_domain: str | None = None
    emails: list[EnrichmentEmail] | None = None
    telephones: list[Telephone] | None = None
    address: Address | None = None
    image_url: str | None = None
    timezone: str | None = None
    utc_offset: float | None = None
    linkedin_url: str | None = None
    twitter_url: str | None = None
    twitter_handle: str | None = None
    github_url: str | None = None
    github_username: str | None = None
    facebook_url: str | None = None
    work_histories: list[EnrichmentWorkHistory] | None = None


@register("enrichment", "company")
@attrs.define(kw_only=True)
class EnrichmentCompany(Record):
    """A company, as a data provider knows it.

    Attributes:
        employees: The head count as the provider writes it: a string such as ``"51-200"``.
        revenue: The revenue as the provider writes it (a string).
        naics_code: The North American industry classification code.
        sic_code: The Standard Industrial Classification code.
        stock: The ticker symbol, listed on ``exchange``.
        alexa_rank: The web-traffic rank of its domain.
    """

    name: str | None = None
    domain: str | None = None
    description: str | None = None
    industry: str | None = None
    employees: str | None = None
    revenue: str | None = None
    year_founded: float | None = None
    naics_code: float | None = None
    sic_code: float | None = None
    stock: str | None = None
    exchange: str | None = None
    alexa_rank: float | None = None
    logo_url: str | None = None
    linkedin_url: str | None = None
    twitter_url: str | None = None
    twitter_handle: str | None = None
    facebook_url: str | None = None
    instagram_url: str | None = None
    crunchbase_url: str | None = None
    yelp_url: str | None = None
    youtube_url: str | None = None
    telephones: list[Telephone] | None = None
    address: Address | None = None
