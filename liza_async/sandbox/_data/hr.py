"""HR (Unified's ``hris``): the organisation's employees, groups, locations and legal entities.

Employee ``e`` reports to employee ``(e - 1) // 6``; employees are the users behind every
``user_id`` of the other categories.
"""

from __future__ import annotations

from typing import Any

from . import _vocab as v
from ._clock import DAY, WINDOW_START, iso
from ._ids import Numeric, Uuid
from ._shapes import (
    EMPLOYEE,
    MetaField,
    address,
    employee,
    metadata,
    organisation,
    stamps,
    telephones,
)
from ._world import Kind, World, fixed, per

__all__ = ["COMPANY", "GROUP", "KINDS", "LOCATION", "group", "location"]

GROUP = ("hr", "group")
LOCATION = ("hr", "location")
COMPANY = ("hr", "company")

DEPARTMENTS = tuple(dict.fromkeys(department for _, department in v.TITLES))
EMPLOYMENT_TYPES = (
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "INTERN",
    "CONSULTANT",
    "VOLUNTEER",
    "CASUAL",
    "SEASONAL",
    "FREELANCE",
    "OTHER",
)
PAY_FREQUENCIES = (
    "ONE_TIME",
    "DAY",
    "QUARTER",
    "YEAR",
    "HOUR",
    "MONTH",
    "WEEK",
    "BIWEEKLY",
    "SEMIMONTHLY",
)
_ENTITIES = (
    ("", "", None),
    (" UK", " UK Ltd", "London"),
    (" Deutschland", " Deutschland GmbH", "Berlin"),
)
_FIELDS = (
    MetaField("t_shirt_size", "SINGLE_SELECT", ("S", "M", "L", "XL")),
    MetaField("start_date_confirmed", "YES_NO"),
)


def _entity(w: World, index: int) -> tuple[str, str, v.City]:
    """Return the name, legal name and city of legal entity ``index`` of the organisation."""
    org = organisation(w)
    suffix, legal_suffix, city = _ENTITIES[index]
    if not suffix:
        return org.name, org.legal_name, org.city
    place = next(c for c in v.CITIES if c.city == city)
    return org.name + suffix, org.name + legal_suffix, place


def _company(w: World, index: int) -> dict[str, Any]:
    r = w.draw(COMPANY, index)
    name, legal_name, city = _entity(w, index)
    rec: dict[str, Any] = {"id": w.id(COMPANY, index), **stamps(w, COMPANY, r, 1500)}
    rec |= {"name": name, "legal_name": legal_name, "address": address(r, city)}
    if r.opt(0.3):
        rec["metadata"] = metadata(w, r, "company", _FIELDS[1:])
    if r.opt(0.3):
        rec["raw"] = {"companyId": rec["id"], "legalName": legal_name}
    return rec


def _city(w: World, index: int) -> v.City:
    return (
        v.CITIES[(index * 7 + w.salt(LOCATION)) % len(v.CITIES)] if index else organisation(w).city
    )


def location(w: World, index: int) -> dict[str, Any]:
    """Return hr location ``index`` (also embedded in employees)."""
    r = w.draw(LOCATION, index)
    city = _city(w, index)
    name = f"{city.city} {'HQ' if index == 0 else 'Office'}"
    if index >= len(v.CITIES):
        name += f" {index // len(v.CITIES) + 1}"
    rec: dict[str, Any] = {
        "id": w.id(LOCATION, index),
        **stamps(w, LOCATION, r, 1500),
        "name": name,
    }
    if r.opt(0.5):
        rec["description"] = f"Our office in {city.city}, {city.country}."
    rec["address"] = address(r, city)
    if r.opt(0.6):
        rec["telephones"] = telephones(r, city, mobile=0)
    if r.opt(0.7):
        rec |= {"timezone": city.timezone, "currency": city.currency}
        rec["language_locale"] = city.locale
    rec["is_active"] = True
    rec["is_hq"] = index == 0
    if index and r.opt(0.5):
        rec["parent_id"] = w.id(LOCATION, 0)
    if r.opt(0.6):
        rec["company_id"] = w.id(COMPANY, r.below(w.count(COMPANY)))
    if r.opt(0.4):
        rec["external_identifier"] = f"LOC-{index + 1:03d}"
    if r.opt(0.2):
        rec["raw"] = {"locationId": rec["id"], "city": city.city}
    return rec


def group(w: World, index: int) -> dict[str, Any]:
    """Return hr group ``index`` (also embedded in employees).

    The first groups are departments, later ones teams inside them.
    """
    r = w.draw(GROUP, index)
    department = DEPARTMENTS[index % len(DEPARTMENTS)]
    team = index // len(DEPARTMENTS)
    name = f"{department} Team {team}" if team else department
    rec: dict[str, Any] = {"id": w.id(GROUP, index), **stamps(w, GROUP, r, 1500), "name": name}
    if r.opt(0.5):
        rec["description"] = f"The {name} group."
    if team:
        rec["parent_id"] = w.id(GROUP, index % len(DEPARTMENTS))
    elif index and r.opt(0.5):
        rec["parent_id"] = w.id(GROUP, 0)  # departments report to the first one, Executive
    if r.opt(0.6):
        rec["company_id"] = w.id(COMPANY, 0)
    rec["is_active"] = True
    kind = r.cycle(("DEPARTMENT", "PAY_GROUP") if team == 0 else ("TEAM", "GROUP"))
    rec["type"] = kind
    if r.opt(0.6):
        rec["manager_ids"] = w.refs(r, EMPLOYEE, 1)
    if r.opt(0.6):
        rec["user_ids"] = w.refs(r, EMPLOYEE, r.between(2, 6))
    if kind == "PAY_GROUP" or r.full:
        rec["pay_frequency"] = r.pick(("BIWEEKLY", "SEMIMONTHLY", "MONTH"))
        rec["next_paid_at"] = iso(w.updated(GROUP, index) + r.between(1, 14) * DAY)
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "group", _FIELDS[:1])
    if r.opt(0.2):
        rec["raw"] = {"departmentId": rec["id"]}
    return rec


def _employee(w: World, index: int) -> dict[str, Any]:
    r = w.draw(EMPLOYEE, index)
    person = employee(w, index)
    location_index = r.below(w.count(LOCATION))
    city = _city(w, location_index)
    active = r.cycle((True, False, True, True, True, True, True, True))
    times = stamps(w, EMPLOYEE, r, 1200)
    rec: dict[str, Any] = {"id": person.id, **times, "name": person.name}
    rec |= {"first_name": person.first_name, "last_name": person.last_name}
    title, department = r.pick(v.TITLES)
    if r.opt(0.9):
        rec["title"] = title
    if r.opt(0.2):
        rec["bio"] = f"{person.first_name} works in {department} and joined from {city.city}."
    if r.opt(0.3):
        rec["salutation"] = r.pick(("Mr.", "Ms.", "Mx.", "Dr."))
    if r.opt(0.3):
        rec["pronouns"] = r.pick(("she/her", "he/him", "they/them"))
    if r.opt(0.4):
        rec["image_url"] = f"https://cdn.example.com/people/{person.id}.jpg"
    rec["emails"] = [{"email": person.email, "type": "WORK"}]
    if r.opt(0.3):
        home = person.email.split("@")[0] + f"{r.between(1, 99)}@{r.pick(v.PERSONAL_DOMAINS)}"
        rec["emails"].append({"email": home, "type": "HOME"})
    if r.opt(0.6):
        rec["telephones"] = telephones(r, city)
    if r.opt(0.5):
        rec["address"] = address(r, city)
    if r.opt(0.7):
        rec["employee_number"] = f"E{1000 + index}"
    rec["company_id"] = w.id(COMPANY, 0 if index % 4 else index // 4 % w.count(COMPANY))
    if index:
        rec["manager_id"] = w.id(EMPLOYEE, (index - 1) // 6)
    if r.opt(0.4):
        rec["job_id"] = w.ref(r, ("ats", "job"))
    rec["employment_status"] = "ACTIVE" if active else "INACTIVE"
    if r.opt(0.8):
        rec["employment_type"] = "FULL_TIME" if r.chance(0.8) else r.pick(EMPLOYMENT_TYPES)
    if r.opt(0.5):
        roles = [
            "EMPLOYEE",
            *r.sample(
                ("ADMIN", "MANAGER", "RECRUITER", "SALESREP", "INTERVIEWER", "USER"), r.below(3)
            ),
        ]
        rec["employee_roles"] = roles
    if r.opt(0.5):
        rec["gender"] = r.pick(("MALE", "FEMALE", "INTERSEX", "TRANS", "NON_BINARY"))
    if r.opt(0.3):
        rec["marital_status"] = r.pick(("MARRIED", "SINGLE"))
    if r.opt(0.4):
        rec["date_of_birth"] = iso(
            WINDOW_START - r.between(20, 60) * 365 * DAY - r.below(365) * DAY
        )
    hired = w.updated(EMPLOYEE, index) - r.between(30, 2500) * DAY
    if r.opt(0.9):
        rec["hired_at"] = iso(hired)
    if not active:
        rec["terminated_at"] = iso(w.updated(EMPLOYEE, index) - r.below(30) * DAY)
        rec["termination_reason"] = r.pick(("Resigned", "Relocation", "End of contract"))
    if r.opt(0.6):
        rec |= {
            "timezone": city.timezone,
            "language_locale": city.locale,
            "currency": city.currency,
        }
    if r.opt(0.6):
        rec["pay_frequency"] = r.pick(("MONTH", "BIWEEKLY", "SEMIMONTHLY", "YEAR"))
    if r.opt(0.5):
        rec["flsa_status"] = r.pick(("EXEMPT", "NON_EXEMPT", "SALARIED_NONEXEMPT", "OWNER"))
    if r.opt(0.5):
        pay = {
            "amount": r.between(40, 220) * 1000,
            "currency": city.currency,
            "frequency": "YEAR",
            "type": "SALARY",
        }
        if r.opt(0.3):
            pay |= {"group_id": w.ref(r, GROUP), "notes": "Annual review in Q1"}
        rec["compensation"] = [pay]
    if r.opt(0.6):
        rec["groups"] = [group(w, r.below(w.count(GROUP)))]
    if r.opt(0.6):
        rec["locations"] = [location(w, location_index)]
    if r.opt(0.2):
        first, last = r.pick(v.FIRST_NAMES), person.last_name
        rec["relationships"] = [
            {
                "type": r.pick(("EMERGENCY", "SPOUSE", "PARENT", "SIBLING")),
                "name": f"{first} {last}",
                "first_name": first,
                "last_name": last,
                "telephones": telephones(r, city, 0),
                "is_beneficiary": r.chance(0.5),
                "is_dependent": False,
            }
        ]
    if r.opt(0.1):
        rec["ssn_sin"] = f"***-**-{r.digits(4)}"
    if r.opt(0.5):
        rec["has_mfa"] = r.chance(0.8)
    if r.opt(0.3):
        used = r.between(1, 14)
        rec |= {
            "storage_quota_allocated": 15,
            "storage_quota_used": used,
            "storage_quota_available": 15 - used,
        }
    if r.opt(0.4):
        rec |= {"timeoff_days_total": 25, "timeoff_days_used": r.between(0, 25)}
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "employee", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {"id": rec["id"], "displayName": person.name, "workEmail": person.email}
    return rec


KINDS = (
    Kind("hr", "employee", per(20, 10), Numeric(4), _employee, search=("name", "emails.email")),
    Kind("hr", "group", per(1000, 5), Numeric(5), group),
    Kind("hr", "location", per(5000, 3), Numeric(4), location),
    Kind("hr", "company", fixed(3), Uuid(), _company, search=("name", "legal_name")),
)
