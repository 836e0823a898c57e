"""Shared identities (companies, people, the sandbox's own organisation) and common shapes.

Every category draws from the same companies and people, so a CRM contact's employer is a
CRM company, an accounting customer is that same company, and the ``user_id`` of any record
is an employee of the organisation in ``hr``.
"""

from __future__ import annotations

import functools
import math
from typing import Any, NamedTuple

import attrs

from . import _vocab as v
from ._clock import WINDOW_END, WINDOW_START, iso, iso_date
from ._rng import Draw, mix, salt
from ._world import World

__all__ = [
    "COMPANY",
    "CONTACT",
    "EMPLOYEE",
    "Company",
    "MetaField",
    "Person",
    "address",
    "company",
    "email",
    "email_address",
    "employee",
    "member",
    "meta_id",
    "metadata",
    "office",
    "office_address",
    "organisation",
    "phone",
    "spread",
    "stamps",
    "telephones",
]

COMPANY = ("crm", "company")
CONTACT = ("crm", "contact")
EMPLOYEE = ("hr", "employee")

_PAIR_NAMES = tuple(f"{stem} {word}" for stem in v.COMPANY_STEMS for word, _ in v.COMPANY_WORDS)
_PAIR_SLUGS = tuple(v.slug(name) for name in _PAIR_NAMES)
_FULL_NAMES = len(v.FIRST_NAMES) * len(v.LAST_NAMES)
_TLDS = (".com", ".com", ".com", ".io", ".co", ".net", ".ai")
_PAIR_STEP = 3251
"""Coprime to the number of (stem, word) pairs: consecutive companies get unrelated names."""
_OFFICE = 0x0FF1CE


@functools.cache
def _step(size: int) -> int:
    """Return a stride near ``size / phi`` coprime to ``size``: it visits every position once."""
    step = size * 5 // 8 | 1
    while math.gcd(step, size) != 1:
        step += 2
    return step


def spread(index: int, size: int, key: int) -> tuple[int, int]:
    """Map ``index`` to ``(block, position)``: a seeded bijection on each block of ``size``.

    Args:
        index: any non-negative integer.
        size: the block size, e.g. the number of distinct names.
        key: the seeded offset.

    Returns:
        ``index // size`` and a position in ``[0, size)``, distinct within a block.
    """
    block, position = divmod(index, size)
    return block, (position * _step(size) + key) % size


class Company(NamedTuple):
    """A company every category agrees on (crm company ``ordinal``)."""

    ordinal: int
    name: str
    domain: str
    industry: str
    legal_name: str
    city: v.City
    email_style: int


class Person(NamedTuple):
    """An employee of the organisation: the user behind every ``user_id``."""

    ordinal: int
    id: str
    first_name: str
    last_name: str
    email: str

    @property
    def name(self) -> str:
        """The full name."""
        return f"{self.first_name} {self.last_name}"


def company(w: World, index: int) -> Company:
    """Return crm company ``index``'s identity.

    Names are unique: a number is appended after the first 5,200 companies.

    Args:
        w: the world.
        index: the crm company index.

    Returns:
        The company (remembered: contacts ask for it often).
    """
    cache: dict[int, Company] | None = w.memo.get("companies")
    if cache is None:
        cache = w.memo["companies"] = {}
    found = cache.get(index)
    if found is not None:
        return found
    if len(cache) >= 65_536:
        cache.clear()
    block, position = divmod(index, len(_PAIR_NAMES))
    pair = (position * _PAIR_STEP + w.salt(COMPANY)) % len(_PAIR_NAMES)
    suffix = f" {block + 1}" if block else ""
    h = mix(w.salt(COMPANY) + index)
    name = _PAIR_NAMES[pair] + suffix
    domain = _PAIR_SLUGS[pair] + suffix.strip() + _TLDS[h % 7]
    industry = v.COMPANY_WORDS[pair % len(v.COMPANY_WORDS)][1]
    legal_name = f"{name} {v.LEGAL_SUFFIXES[h >> 8 & 7]}"
    city = v.CITIES[(h >> 16) % len(v.CITIES)]
    found = cache[index] = Company(index, name, domain, industry, legal_name, city, h >> 24 & 3)
    return found


def office(w: World, index: int) -> tuple[str, str | None, str]:
    """Return crm company ``index``'s office street, suite (or None) and postal code."""
    h = mix(w.salt(COMPANY) ^ _OFFICE ^ index)
    postal_codes = company(w, index).city.postal_codes
    street = f"{1 + h % 2400} {v.STREETS[(h >> 12) % len(v.STREETS)]}"
    suite = f"Suite {(h >> 22) % 30 * 10 + 10}" if h >> 20 & 3 == 0 else None
    return street, suite, postal_codes[(h >> 30) % len(postal_codes)]


def office_address(w: World, index: int) -> dict[str, str]:
    """Return the office address of crm company ``index`` (also its contacts' work address)."""
    street, suite, postal_code = office(w, index)
    city = company(w, index).city
    result = {"address1": street}
    if suite:
        result["address2"] = suite
    result |= {
        "city": city.city,
        "region": city.region,
        "region_code": city.region_code,
        "postal_code": postal_code,
        "country": city.country,
        "country_code": city.country_code,
    }
    return result


def organisation(w: World) -> Company:
    """Return the sandbox's own organisation: the employer of every employee in ``hr``."""
    return company(w, w.count(COMPANY) + 7)


def email(first: str, last: str, domain: str, style: int) -> str:
    """Return a work email address in one of a company's conventions.

    Args:
        first: the first name.
        last: the last name.
        domain: the company's domain.
        style: 0 ``first.last``, 1 ``flast``, 2 ``first``, 3 ``first_last``.

    Returns:
        The address, ASCII and lowercase.
    """
    first_slug = v.SLUGS.get(first) or v.slug(first)
    return email_address(first_slug, v.SLUGS.get(last) or v.slug(last), domain, style)


def email_address(first_slug: str, last_slug: str, domain: str, style: int) -> str:
    """Return :func:`email` for names already slugged (see ``_vocab.SLUGS``)."""
    if style == 0:
        return f"{first_slug}.{last_slug}@{domain}"
    if style == 1:
        return f"{first_slug[0]}{last_slug}@{domain}"
    if style == 2:
        return f"{first_slug}@{domain}"
    return f"{first_slug}_{last_slug}@{domain}"


def employee(w: World, index: int) -> Person:
    """Return employee ``index`` of the organisation (names unique in the first 11,000).

    Args:
        w: the world.
        index: the hr employee index.

    Returns:
        The employee.
    """
    block, position = spread(index, _FULL_NAMES, w.salt(EMPLOYEE))
    last, first = divmod(position, len(v.FIRST_NAMES))
    first_name, last_name = v.FIRST_NAMES[first], v.LAST_NAMES[last]
    address = email(first_name, last_name, organisation(w).domain, 0)
    if block:
        address = address.replace("@", f"{block + 1}@")
    return Person(index, w.id(EMPLOYEE, index), first_name, last_name, address)


def member(w: World, r: Draw) -> dict[str, Any]:
    """Return a random employee as a messaging/calendar member ``{email, name, user_id}``."""
    person = employee(w, r.below(w.count(EMPLOYEE)))
    return {"email": person.email, "name": person.name, "user_id": person.id}


def phone(r: Draw, city: v.City) -> str:
    """Return an E.164 telephone number in ``city``."""
    return f"+{city.calling_code}{r.pick(city.area_codes)}{r.between(2, 9)}" + r.digits(
        city.subscriber_digits - 1
    )


def telephones(r: Draw, city: v.City, mobile: float = 0.3) -> list[dict[str, str]]:
    """Return a work number and sometimes a mobile one.

    Args:
        r: the record's draw.
        city: where the numbers are.
        mobile: the probability of a second, mobile number.

    Returns:
        ``[{telephone, type}, ...]``.
    """
    numbers = [{"telephone": phone(r, city), "type": "WORK"}]
    if r.opt(mobile):
        numbers.append({"telephone": phone(r, city), "type": "MOBILE"})
    return numbers


def address(r: Draw, city: v.City | None = None) -> dict[str, str]:
    """Return a street address (in ``city``, or a random one).

    Args:
        r: the record's draw.
        city: the city, or None to pick one.

    Returns:
        The Address shape.
    """
    city = city or r.pick(v.CITIES)
    result = {"address1": f"{r.between(1, 2400)} {r.pick(v.STREETS)}"}
    if r.opt(0.25):
        result["address2"] = f"Suite {r.between(1, 30) * 10}"
    result |= {
        "city": city.city,
        "region": city.region,
        "region_code": city.region_code,
        "postal_code": r.pick(city.postal_codes),
        "country": city.country,
        "country_code": city.country_code,
    }
    return result


def stamps(w: World, key: tuple[str, str], r: Draw, max_age_days: int = 900) -> dict[str, str]:
    """Return ``{"created_at", "updated_at"}`` with ``created_at <= updated_at``.

    Args:
        w: the world.
        key: the record's kind.
        r: the record's draw.
        max_age_days: how long before its last update a record may have been created.

    Returns:
        The two ISO timestamps.
    """
    updated = w.updated(key, r.index)
    return {"created_at": iso(updated - r.below(max_age_days * 86_400)), "updated_at": iso(updated)}


@attrs.frozen
class MetaField:
    """A custom field definition: its slug, format and possible values.

    Args:
        slug: the field's slug, e.g. ``"lifecycle_stage"``.
        format: one of Unified's metadata formats (``TEXT``, ``NUMBER``, ``DATE``, ...).
        choices: the values to pick from (numbers for NUMBER/PRICE/CURRENCY, strings
            otherwise); ignored for DATE, BOOLEAN and YES_NO.
    """

    slug: str
    format: str
    choices: tuple[Any, ...] = ()


def meta_id(w: World, namespace: str, slug: str) -> str:
    """Return the id of a custom field definition (the same on every record)."""
    found: str | None = w.memo.get((namespace, slug))
    if found is None:
        found = w.memo[namespace, slug] = format(salt(w.seed, namespace, slug) & 0xFFFFFFFF, "08x")
    return found


def _meta_value(r: Draw, field: MetaField) -> Any:
    if field.format in ("BOOLEAN", "YES_NO"):
        return r.chance(0.5)
    if field.format == "DATE":
        return iso_date(WINDOW_START + r.below(WINDOW_END - WINDOW_START))
    if field.format == "MULTIPLE_SELECT":
        return r.sample(field.choices, r.between(1, 3))
    return r.pick(field.choices)


def metadata(
    w: World, r: Draw, namespace: str, fields: tuple[MetaField, ...]
) -> list[dict[str, Any]]:
    """Return the Metadata list of a record: a random subset of its type's custom fields.

    Args:
        w: the world (field definition ids depend on the seed).
        r: the record's draw.
        namespace: the fields' namespace, e.g. ``"contact"``.
        fields: the type's custom field definitions.

    Returns:
        ``[{id, slug, namespace, format, value, extra_data?}, ...]``, never empty; all fields
        on full records.
    """
    result = []
    for field in [f for f in fields if r.opt(0.5)] or fields[:1]:
        item: dict[str, Any] = {
            "id": meta_id(w, namespace, field.slug),
            "slug": field.slug,
            "namespace": namespace,
            "format": field.format,
            "value": _meta_value(r, field),
        }
        if field.format.endswith("SELECT"):
            item["extra_data"] = {"options": list(field.choices)}
        result.append(item)
    return result
