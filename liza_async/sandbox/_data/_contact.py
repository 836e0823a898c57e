"""CRM contacts, the hot path of every client benchmark: rendered straight to JSON text.

Each world precomputes a pool of personas (names, email local parts, phone digits, title,
owner, custom fields and which optional fields are present, as JSON fragments) and caches
employer fragments (company, office address, phone prefix). A contact is then its persona and
employer fragments plus its id, timestamps, email domain and LinkedIn token, about 2 µs of
CPython. The dict form of a contact is the parse of its text, so the two never disagree.

Relations: contact ``i`` works for crm company ``i * companies // contacts`` (a company's
contacts are consecutive) and owns deal ``j`` when ``j * contacts // deals == i``.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from json.encoder import encode_basestring_ascii
from typing import NamedTuple

from . import _vocab as v
from ._clock import DATES, DAY, iso_date, times_of_day
from ._rng import Draw, salt
from ._shapes import (
    COMPANY,
    CONTACT,
    EMPLOYEE,
    Company,
    MetaField,
    address,
    company,
    email_address,
    meta_id,
    office,
)
from ._world import World

__all__ = [
    "CONTACT_FIELDS",
    "DEAL",
    "SALES_TEAM",
    "ContactIdentity",
    "company_of_contact",
    "contact_identity",
    "contact_of_deal",
    "contact_of_linkedin_token",
    "contacts_of_company",
    "deal_of_contact",
    "linkedin_token",
    "render_contacts",
    "search_contact",
]

DEAL = ("crm", "deal")

CONTACT_FIELDS = (
    MetaField(
        "lifecycle_stage",
        "SINGLE_SELECT",
        (
            "subscriber",
            "lead",
            "marketingqualifiedlead",
            "salesqualifiedlead",
            "opportunity",
            "customer",
        ),
    ),
    MetaField("lead_score", "NUMBER", tuple(range(0, 101, 5))),
    MetaField("newsletter_opt_in", "BOOLEAN"),
    MetaField("last_contacted", "DATE"),
)
"""The custom fields of a contact (HubSpot-like properties)."""

SALES_TEAM = 25
"""Contacts, companies and deals are owned by the first employees."""

_PERSONA_BITS = 11
_PERSONAS = 1 << _PERSONA_BITS
_LINKEDIN_MULTIPLIER = 0x9E3779B1
_LINKEDIN_INVERSE = pow(_LINKEDIN_MULTIPLIER, -1, 1 << 32)


def company_of_contact(w: World, index: int) -> int:
    """Return the index of the crm company contact ``index`` works for (or would)."""
    return index * w.count(COMPANY) // w.count(CONTACT)


def contacts_of_company(w: World, index: int) -> range:
    """Return the indices of the contacts of crm company ``index`` (consecutive)."""
    contacts, companies = w.count(CONTACT), w.count(COMPANY)
    return range(-(-index * contacts // companies), -(-(index + 1) * contacts // companies))


def deal_of_contact(w: World, index: int) -> int | None:
    """Return the index of contact ``index``'s deal, or None when it has none."""
    contacts, deals = w.count(CONTACT), w.count(DEAL)
    deal = -(-index * deals // contacts)
    return deal if deal < deals and deal * contacts // deals == index else None


def contact_of_deal(w: World, index: int) -> int:
    """Return the index of the contact deal ``index`` belongs to."""
    return index * w.count(CONTACT) // w.count(DEAL)


def linkedin_token(w: World, index: int) -> str:
    """Return the numeric suffix of contact ``index``'s LinkedIn handle."""
    return str((index * _LINKEDIN_MULTIPLIER + w.salt(CONTACT)) & 0xFFFFFFFF)


def contact_of_linkedin_token(w: World, token: str) -> int | None:
    """Invert :func:`linkedin_token`: the contact index, or None for a foreign token."""
    if not token.isdigit() or int(token) > 0xFFFFFFFF:
        return None
    index = (int(token) - w.salt(CONTACT)) * _LINKEDIN_INVERSE & 0xFFFFFFFF
    return index if index < w.count(CONTACT) else None


def _js(value: object) -> str:
    """JSON-encode ``value`` compactly and in ASCII, so a page encodes at memcpy speed."""
    if isinstance(value, str):
        return encode_basestring_ascii(value)
    return json.dumps(value, separators=(",", ":"))


def _flat_js(mapping: dict[str, str]) -> str:
    """:func:`_js` for a flat dict of strings, several times faster."""
    return "{" + ",".join(f'"{k}":{encode_basestring_ascii(s)}' for k, s in mapping.items()) + "}"


class _Persona(NamedTuple):
    """A precomputed profile: everything about a contact but its employer, id and dates."""

    first: int
    last: int
    name: str
    """``"name":...,"first_name":...,"last_name":...``"""
    search: str
    """``first last``, lowercased."""
    local_parts: tuple[str, ...]
    """The local part of a work email, ``@`` included, in each company style."""
    personal: str
    """A personal email address."""
    employed: bool
    work_email: bool
    home_email: str
    """``,{"email":"<personal>","type":"HOME"}`` when listed next to a work address, or empty."""
    home_only: str
    """The emails used without a work address: ``{"email":"<personal>","type":"HOME"}``."""
    image: bool
    telephones: tuple[str, str]
    """The telephones fragment (none, work, or work and mobile) for 7- and 8-digit subscriber
    numbers, with NUL where the employer's calling code and area go."""
    home_phone: str
    """The telephones fragment used without an employer."""
    address: bool
    home: str
    """The address fragment used without an employer."""
    linkedin: str
    """``,"link_urls":["https://www.linkedin.com/in/<slug>-`` or empty."""
    tail: str
    """Title, department, owner and custom fields."""
    raw: str
    """``,"raw":{"properties":{...,"hs_object_id":"`` or empty."""
    age_days: int


class _Employer(NamedTuple):
    company: Company
    domain: str
    """``@`` is in the persona's local part; this is what follows it."""
    fragment: str
    """``,"company":"<name>","company_ids":["<id>"]``"""
    phone: str
    """``+<calling code><area>``"""
    length: int
    """0 for 7-digit subscriber numbers, 1 for 8."""
    address: str
    """``,"address":{...}``: the office address."""


def _persona(w: World, owners: list[str], r: Draw) -> _Persona:
    first, last = r.below(len(v.FIRST_NAMES)), r.below(len(v.LAST_NAMES))
    first_name, last_name = v.FIRST_NAMES[first], v.LAST_NAMES[last]
    first_slug, last_slug = v.FIRST_SLUGS[first], v.LAST_SLUGS[last]
    name = f'"name":{_js(f"{first_name} {last_name}")},"first_name":{_js(first_name)},'
    name += f'"last_name":{_js(last_name)}'
    locals_ = tuple(email_address(first_slug, last_slug, "", style) for style in range(4))
    personal = f"{first_slug}.{last_slug}{r.between(1, 99)}@{r.pick(v.PERSONAL_DOMAINS)}"
    home = f'{{"email":"{personal}","type":"HOME"}}'
    phones = 0 if not r.opt(0.7) else 2 if r.opt(0.25) else 1
    numbers = [
        [f"\0{r.between(2, 9)}{r.digits(length)}" for _ in range(phones)] for length in (6, 7)
    ]
    telephones = (_telephones(numbers[0]), _telephones(numbers[1]))
    city = r.pick(v.CITIES)
    home_phone = telephones[city.subscriber_digits - 7].replace(
        "\0", f"+{city.calling_code}{city.area_codes[0]}"
    )
    tail = []
    if r.opt(0.85):
        title, department = r.pick(v.TITLES)
        tail.append(f',"title":{_js(title)}')
        if r.opt(0.6):
            tail.append(f',"department":{_js(department)}')
    if r.opt(0.85):
        tail.append(f',"user_id":"{r.pick(owners)}"')
    if r.opt(0.25):
        fields = []
        for field in CONTACT_FIELDS:
            if not r.opt(0.5):
                continue
            if field.format == "DATE":
                value: object = iso_date(r.between(18_000, 20_000) * DAY)
            elif field.format == "BOOLEAN":
                value = r.chance(0.5)
            else:
                value = r.pick(field.choices)
            fields.append(
                {
                    "id": meta_id(w, "contact", field.slug),
                    "slug": field.slug,
                    "namespace": "contact",
                    "format": field.format,
                    "value": value,
                }
            )
        if fields:
            tail.append(f',"metadata":{_js(fields)}')
    raw = f'"firstname":{_js(first_name)},"lastname":{_js(last_name)}'
    return _Persona(
        first=first,
        last=last,
        name=name,
        search=f"{first_name} {last_name}".lower(),
        local_parts=locals_,
        personal=personal,
        employed=r.opt(15 / 16),
        work_email=r.opt(0.95),
        home_email=f",{home}" if r.opt(0.25) else "",
        home_only=home,
        image=r.opt(0.25),
        telephones=telephones,
        home_phone=home_phone,
        address=r.opt(0.5),
        home=f',"address":{_flat_js(address(r, city))}',
        linkedin=f',"link_urls":["https://www.linkedin.com/in/{first_slug}-{last_slug}-'
        if r.opt(0.5)
        else "",
        tail="".join(tail),
        raw=f',"raw":{{"properties":{{{raw},"hs_object_id":"' if r.opt(0.12) else "",
        age_days=r.below(900),
    )


def _telephones(numbers: list[str]) -> str:
    if not numbers:
        return ""
    kinds = ("WORK", "MOBILE")
    items = ",".join(
        f'{{"telephone":"{n}","type":"{k}"}}' for n, k in zip(numbers, kinds, strict=False)
    )
    return f',"telephones":[{items}]'


class ContactIdentity(NamedTuple):
    """Who contact ``i`` is: names, employer and email addresses."""

    first: int
    """Index into ``FIRST_NAMES``."""
    last: int
    """Index into ``LAST_NAMES``."""
    company: Company | None
    work_email: str | None
    personal_email: str | None


class _Contacts:
    """One world's contacts: the persona pool, cached employers, and the renderer."""

    def __init__(self, w: World) -> None:
        self.w = w
        self.count = w.count(CONTACT)
        self.companies = w.count(COMPANY)
        self.deals = w.count(DEAL)
        self.key = w.salt(CONTACT) & 0xFFFFFFFF
        self.contact_ids = w.ids[CONTACT]
        self.deal_ids = w.ids[DEAL]
        self.updated = w.clocks[CONTACT]
        rng = random.Random(w.salt(CONTACT))
        # Tabulation hashing: contact i's persona is low[i & 0xFFFF] ^ high[i >> 16].
        self.low = [rng.getrandbits(_PERSONA_BITS) for _ in range(min(self.count, 1 << 16))]
        self.high = [rng.getrandbits(_PERSONA_BITS) for _ in range((self.count - 1 >> 16) + 1)]
        for index in range(min(2, self.count)):  # records 0 and 1 show every optional field
            self.low[index] = index ^ self.high[0]
        owners = [w.id(EMPLOYEE, e) for e in range(min(SALES_TEAM, w.count(EMPLOYEE)))]
        key = salt(w.salt(CONTACT), "persona")
        self.personas = [_persona(w, owners, Draw(key, n)) for n in range(_PERSONAS)]
        self.cities = {
            (c.city, postal): f',"city":{_js(c.city)},"region":{_js(c.region)},'
            f'"region_code":"{c.region_code}","postal_code":"{postal}",'
            f'"country":{_js(c.country)},"country_code":"{c.country_code}"}}'
            for c in v.CITIES
            for postal in c.postal_codes
        }
        """The end of an office address in JSON, after the street and suite."""
        self.employers: dict[int, _Employer] = {}
        """Employer fragments by crm company index; a page's contacts share about ten."""

    def identity(self, index: int) -> tuple[_Persona, _Employer | None, str | None, str | None]:
        """Return the persona, employer and email addresses of contact ``index``.

        :meth:`render` inlines this for speed; a test checks that the two agree.
        """
        persona = self.personas[self.low[index & 0xFFFF] ^ self.high[index >> 16]]
        employer = work = None
        if persona.employed:
            at = index * self.companies // self.count
            employer = self.employers.get(at) or self.employer(at)
            if persona.work_email:
                work = persona.local_parts[employer.company.email_style] + employer.domain
        personal = persona.personal if work is None or persona.home_email else None
        return persona, employer, work, personal

    def employer(self, index: int) -> _Employer:
        """Return the fragments of crm company ``index`` as an employer (cached)."""
        if len(self.employers) >= 16_384:
            self.employers.clear()
        who = company(self.w, index)
        name = encode_basestring_ascii(who.name)
        fragment = f',"company":{name},"company_ids":["{self.w.id(COMPANY, index)}"]'
        city = who.city
        street, suite, postal_code = office(self.w, index)
        suite_field = f',"address2":"{suite}"' if suite else ""
        address = (
            f',"address":{{"address1":"{street}"{suite_field}{self.cities[city.city, postal_code]}'
        )
        phone = f"+{city.calling_code}{city.area_codes[index % len(city.area_codes)]}"
        found = _Employer(who, who.domain, fragment, phone, city.subscriber_digits - 7, address)
        self.employers[index] = found
        return found

    def render(self, indices: Sequence[int]) -> list[str]:
        """Return contacts ``indices`` as compact ASCII JSON texts."""
        low, high, personas, employers = self.low, self.high, self.personas, self.employers
        count, companies, key = self.count, self.companies, self.key
        times = times_of_day()
        deal_ids = self.deals_of(indices)
        texts = []
        for index, contact_id, updated in zip(
            indices, self.contact_ids(indices), self.updated(indices), strict=True
        ):
            (
                _,
                _,
                name,
                _,
                local_parts,
                _,
                employed,
                work_email,
                home_email,
                home_only,
                image,
                telephones,
                home_phone,
                has_address,
                home,
                linkedin,
                tail,
                raw,
                age,
            ) = personas[low[index & 0xFFFF] ^ high[index >> 16]]
            if employed:
                at = index * companies // count
                who, domain, job, phone, length, office_json = employers.get(at) or self.employer(
                    at
                )
                phones = telephones[length].replace("\0", phone)
                if work_email:
                    work = local_parts[who.email_style] + domain
                    emails = f'{{"email":"{work}","type":"WORK"}}{home_email}'
                else:
                    emails = home_only
            else:
                job, phones, emails, office_json = "", home_phone, home_only, home
            deal = deal_ids.get(index)
            if deal:
                job = f'{job},"deal_ids":["{deal}"]'
            if image:
                job = f',"image_url":"https://cdn.example.com/avatars/{contact_id}.jpg"{job}'
            if linkedin:
                tail = f'{linkedin}{(index * _LINKEDIN_MULTIPLIER + key) & 0xFFFFFFFF}"]{tail}'
            if raw:
                tail = f'{tail}{raw}{contact_id}"}},"archived":false}}'
            day, second = divmod(updated, DAY)
            time = times[second]
            texts.append(
                f'{{"id":"{contact_id}","created_at":"{DATES[day - age]}{time}",'
                f'"updated_at":"{DATES[day]}{time}",{name}{job},"emails":[{emails}]{phones}'
                f"{office_json if has_address else ''}{tail}}}"
            )
        return texts

    def deals_of(self, indices: Sequence[int]) -> dict[int, str]:
        """Return contact index -> deal id for the contacts among ``indices`` that own a deal."""
        count, deals = self.count, self.deals
        if isinstance(indices, range) and indices.step == 1:
            start, stop = indices.start, indices.stop
            owned: Sequence[int] = range(-(-start * deals // count), -(-stop * deals // count))
        else:
            owned = [
                deal
                for index in indices
                if (deal := -(-index * deals // count)) < deals and deal * count // deals == index
            ]
        return dict(zip((d * count // deals for d in owned), self.deal_ids(owned), strict=True))

    def search_text(self, index: int) -> str:
        """Return the name and email addresses of contact ``index``, lowercased."""
        persona, _, work, personal = self.identity(index)
        if work is None:
            return f"{persona.search}\0{personal}"
        return f"{persona.search}\0{work}\0{personal}" if personal else f"{persona.search}\0{work}"


def _contacts(w: World) -> _Contacts:
    found: _Contacts | None = w.memo.get(_Contacts)
    if found is None:
        found = w.memo[_Contacts] = _Contacts(w)
    return found


def contact_identity(w: World, index: int) -> ContactIdentity:
    """Return the identity of contact ``index``: names, employer and email addresses.

    Args:
        w: the world.
        index: the contact index.

    Returns:
        The identity.
    """
    persona, employer, work, personal = _contacts(w).identity(index)
    who = None if employer is None else employer.company
    return ContactIdentity(persona.first, persona.last, who, work, personal)


def render_contacts(w: World, indices: Sequence[int]) -> list[str]:
    """Return contacts ``indices`` as compact ASCII JSON texts."""
    return _contacts(w).render(indices)


def search_contact(w: World, index: int) -> str:
    """Return what ``query`` matches in contact ``index``: its name and email addresses."""
    return _contacts(w).search_text(index)
