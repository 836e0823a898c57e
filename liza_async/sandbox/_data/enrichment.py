"""Enrichment (Unified's ``enrich``): people and companies found by lookup, not listed.

Person ``i`` is what a data provider knows about crm contact ``i``; company ``c`` about crm
company ``c``. ``lookup`` finds one by its parameters; every given parameter must match.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from . import _vocab as v
from ._clock import DAY, WINDOW_START, iso_date
from ._contact import contact_identity, contact_of_linkedin_token, linkedin_token, render_contacts
from ._ids import Uuid
from ._shapes import COMPANY, CONTACT, address, company, stamps, telephones
from ._world import Kind, Size, World

__all__ = ["KINDS", "lookup"]

PERSON = ("enrichment", "person")
ENRICHED_COMPANY = ("enrichment", "company")

Matcher = Callable[[tuple[str, str], str], Sequence[int]]
"""Returns the indices of a kind whose searchable text contains a lowercase needle."""

_SIZES = ("1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001-10000", "10000+")
_REVENUE = ("<$1M", "$1M-$10M", "$10M-$50M", "$50M-$100M", "$100M-$500M", "$500M-$1B", ">$1B")
_UTC_OFFSETS = {
    "America/Los_Angeles": -8,
    "America/Denver": -7,
    "America/Chicago": -6,
    "America/New_York": -5,
    "America/Toronto": -5,
    "America/Sao_Paulo": -3,
    "America/Mexico_City": -6,
    "Europe/London": 0,
    "Europe/Dublin": 0,
    "Europe/Lisbon": 0,
    "Asia/Tokyo": 9,
    "Asia/Singapore": 8,
    "Asia/Kolkata": 5.5,
    "Asia/Dubai": 4,
    "Australia/Sydney": 10,
    "Australia/Melbourne": 10,
    "Pacific/Auckland": 12,
    "Africa/Johannesburg": 2,
}


def _linkedin(w: World, index: int) -> str:
    who = contact_identity(w, index)
    first, last = v.SLUGS[v.FIRST_NAMES[who.first]], v.SLUGS[v.LAST_NAMES[who.last]]
    return f"https://www.linkedin.com/in/{first}-{last}-{linkedin_token(w, index)}"


def _person(w: World, index: int) -> dict[str, Any]:
    r = w.draw(PERSON, index)
    contact = json.loads(render_contacts(w, (index,))[0])
    who = contact_identity(w, index)
    handle = f"{v.SLUGS[contact['first_name']]}{v.SLUGS[contact['last_name']]}{r.between(1, 99)}"
    rec: dict[str, Any] = {"id": w.id(PERSON, index), **stamps(w, PERSON, r, 300)}
    rec |= {k: contact[k] for k in ("name", "first_name", "last_name") if k in contact}
    if "title" in contact:
        rec["title"] = contact["title"]
    if r.opt(0.4):
        rec["bio"] = (
            f"{contact.get('title', 'Professional')} at {contact.get('company', 'a startup')}."
        )
    if r.opt(0.5):
        rec["gender"] = r.pick(("MALE", "FEMALE"))
    if r.opt(0.2):
        rec["birthdate"] = iso_date(WINDOW_START - r.between(22, 60) * 365 * DAY)
    if who.company is not None:
        rec |= {"company": who.company.name, "company_domain": who.company.domain}
    rec["emails"] = [{**e, "is_verified": r.chance(0.8)} for e in contact.get("emails", [])]
    city = who.company.city if who.company is not None else r.pick(v.CITIES)
    rec["telephones"] = contact.get("telephones") or telephones(r, city, mobile=0)
    rec["address"] = contact.get("address") or address(r, city)
    if r.opt(0.5):
        rec["image_url"] = contact.get(
            "image_url", f"https://cdn.example.com/people/{rec['id']}.jpg"
        )
    if r.opt(0.6):
        rec |= {"timezone": city.timezone, "utc_offset": _UTC_OFFSETS.get(city.timezone, 1)}
    rec["linkedin_url"] = _linkedin(w, index)
    if r.opt(0.4):
        rec |= {"twitter_url": f"https://twitter.com/{handle}", "twitter_handle": handle}
    if r.opt(0.2):
        rec |= {"github_url": f"https://github.com/{handle}", "github_username": handle}
    if r.opt(0.2):
        rec["facebook_url"] = f"https://www.facebook.com/{handle}"
    if who.company is not None and r.opt(0.7):
        start = w.updated(CONTACT, index) - r.between(200, 2000) * DAY
        rec["work_histories"] = [
            {
                "title": contact.get("title", "Employee"),
                "company_name": who.company.name,
                "company_domain": who.company.domain,
                "company_id": w.id(ENRICHED_COMPANY, who.company.ordinal),
                "location": f"{city.city}, {city.country}",
                "start_at": iso_date(start),
            }
        ]
    if r.opt(0.15):
        rec["raw"] = {"fuzzy": False, "indexedAt": rec["updated_at"], "source": "sandbox"}
    return rec


def _company(w: World, index: int) -> dict[str, Any]:
    r = w.draw(ENRICHED_COMPANY, index)
    who = company(w, index)
    slug = v.slug(who.name, "-")
    rec: dict[str, Any] = {
        "id": w.id(ENRICHED_COMPANY, index),
        **stamps(w, ENRICHED_COMPANY, r, 300),
    }
    rec |= {"name": who.name, "domain": who.domain}
    if r.opt(0.8):
        rec["description"] = (
            f"{who.name} builds {who.industry.lower()} products for teams worldwide."
        )
    rec["industry"] = who.industry
    size = r.below(len(_SIZES))
    if r.opt(0.8):
        rec["employees"] = _SIZES[size]
    if r.opt(0.6):
        rec["revenue"] = _REVENUE[min(size, len(_REVENUE) - 1)]
    if r.opt(0.7):
        rec["year_founded"] = r.between(1950, 2022)
    if r.opt(0.4):
        rec |= {
            "naics_code": r.pick((511210, 541511, 423430, 524126, 325412)),
            "sic_code": r.pick((7372, 7371, 5045, 6411, 2834)),
        }
    if (size >= 5 and r.opt(0.5)) or r.full:
        rec |= {
            "stock": who.name[:4].upper(),
            "exchange": r.pick(("NASDAQ", "NYSE", "LSE", "XETRA")),
        }
    if r.opt(0.3):
        rec["alexa_rank"] = r.between(1_000, 2_000_000)
    if r.opt(0.7):
        rec["logo_url"] = f"https://logo.clearbit.com/{who.domain}"
    for network, p in (
        ("linkedin_url", 0.8),
        ("twitter_url", 0.5),
        ("facebook_url", 0.4),
        ("instagram_url", 0.3),
        ("crunchbase_url", 0.3),
        ("yelp_url", 0.1),
        ("youtube_url", 0.2),
    ):
        if r.opt(p):
            rec[network] = _social(network, slug)
    if "twitter_url" in rec:
        rec["twitter_handle"] = slug.replace("-", "")
    if r.opt(0.7):
        rec["telephones"] = telephones(r, who.city, mobile=0)
    if r.opt(0.8):
        rec["address"] = address(r, who.city)
    if r.opt(0.15):
        rec["raw"] = {"domain": who.domain, "metrics": {"employeesRange": rec.get("employees")}}
    return rec


def _social(network: str, slug: str) -> str:
    return {
        "linkedin_url": f"https://www.linkedin.com/company/{slug}",
        "twitter_url": f"https://twitter.com/{slug.replace('-', '')}",
        "facebook_url": f"https://www.facebook.com/{slug}",
        "instagram_url": f"https://www.instagram.com/{slug.replace('-', '')}",
        "crunchbase_url": f"https://www.crunchbase.com/organization/{slug}",
        "yelp_url": f"https://www.yelp.com/biz/{slug}",
        "youtube_url": f"https://www.youtube.com/@{slug.replace('-', '')}",
    }[network]


def _fold(text: str) -> str:
    return text.strip().lower().rstrip("/")


def _person_matches(person: Mapping[str, Any], params: Mapping[str, str]) -> bool:
    known = {
        "email": {_fold(e["email"]) for e in person.get("emails", ())},
        "linkedin_url": {_fold(person["linkedin_url"])},
        "name": {_fold(person.get("name", ""))},
        "company_name": {_fold(person.get("company", ""))},
    }
    return all(_fold(params[name]) in found for name, found in known.items() if params.get(name))


def _find_person(w: World, params: Mapping[str, str], matches: Matcher) -> dict[str, Any] | None:
    candidates: Sequence[int]
    if params.get("email"):
        candidates = matches(CONTACT, _fold(params["email"]))
    elif params.get("linkedin_url"):
        token = _fold(params["linkedin_url"]).rsplit("-", 1)[-1]
        index = contact_of_linkedin_token(w, token)
        candidates = [] if index is None else [index]
    elif params.get("name"):
        candidates = matches(CONTACT, _fold(params["name"]))
    else:
        return None
    for index in candidates:
        person = _person(w, index)
        if _person_matches(person, params):
            return person
    return None


def _company_index(w: World) -> dict[str, int]:
    """Map every crm company's lowercase domain and name to its index (built once, O(companies))."""
    found: dict[str, int] | None = w.memo.get("enrichment.companies")
    if found is None:
        found = {}
        for index in reversed(range(w.count(COMPANY))):
            who = company(w, index)
            found[who.domain] = found[who.name.lower()] = index
        w.memo["enrichment.companies"] = found
    return found


def _find_company(w: World, params: Mapping[str, str]) -> dict[str, Any] | None:
    wanted = [_fold(params[name]) for name in ("domain", "name") if params.get(name)]
    if not wanted:
        return None
    index = _company_index(w).get(wanted[0])
    if index is None:
        return None
    record = _company(w, index)
    given = {"domain": record["domain"], "name": record["name"].lower()}
    ok = all(_fold(params[name]) == value for name, value in given.items() if params.get(name))
    return record if ok else None


def lookup(
    w: World, object_type: str, params: Mapping[str, str], matches: Matcher
) -> dict[str, Any] | None:
    """Find one enrichment object; every given lookup parameter must match it.

    Args:
        w: the world.
        object_type: ``"person"`` or ``"company"``.
        params: ``email``, ``linkedin_url``, ``name``, ``company_name`` for a person;
            ``domain``, ``name`` for a company (case-insensitive; others are ignored).
        matches: finds crm contacts whose name or email contains a needle.

    Returns:
        The object, or None when nothing matches or no usable parameter was given.
    """
    if object_type == "person":
        return _find_person(w, params, matches)
    return _find_company(w, params)


KINDS = (
    Kind("enrichment", "person", Size(1), Uuid(), _person, search=("name", "emails.email")),
    Kind("enrichment", "company", Size(10), Uuid(), _company, search=("name", "domain")),
)
