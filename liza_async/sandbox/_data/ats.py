"""ATS: jobs, candidates and their applications (Greenhouse-like ids).

Application ``a`` is by candidate ``a * candidates // applications`` for job ``job_of(a)``; a
candidate's ``job_ids`` are the jobs of its applications. Hiring staff are employees.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import _vocab as v
from ._clock import DAY, WINDOW_START, iso
from ._ids import Numeric
from ._rng import mix
from ._shapes import (
    EMPLOYEE,
    MetaField,
    address,
    company,
    email,
    employee,
    metadata,
    organisation,
    stamps,
    telephones,
)
from ._world import Kind, World, per

__all__ = ["KINDS"]

JOB = ("ats", "job")
CANDIDATE = ("ats", "candidate")
APPLICATION = ("ats", "application")

STATUSES = (
    "NEW",
    "REVIEWING",
    "SCREENING",
    "SUBMITTED",
    "FIRST_INTERVIEW",
    "SECOND_INTERVIEW",
    "THIRD_INTERVIEW",
    "BACKGROUND_CHECK",
    "OFFERED",
    "ACCEPTED",
    "HIRED",
    "REJECTED",
    "DECLINED",
    "WITHDRAWN",
)
_QUESTIONS = (
    ("Are you authorized to work in this country?", "YES_NO"),
    ("How many years of relevant experience do you have?", "NUMBER"),
    ("Why do you want to join us?", "TEXTAREA"),
    ("Preferred start date", "DATE"),
)
_FIELDS = (
    MetaField("referral_bonus", "YES_NO"),
    MetaField("notice_period_weeks", "NUMBER", (2, 4, 8, 12)),
)


def job_of(w: World, application: int) -> int:
    """Return the index of the job application ``application`` is for."""
    return mix(w.salt(APPLICATION) ^ application) % w.count(JOB)


def _candidate_of(w: World, application: int) -> int:
    return application * w.count(CANDIDATE) // w.count(APPLICATION)


def _applications_of(w: World, candidate: int) -> Iterator[int]:
    application = -(-candidate * w.count(APPLICATION) // w.count(CANDIDATE))
    while application < w.count(APPLICATION) and _candidate_of(w, application) == candidate:
        yield application
        application += 1


def _question_id(w: World, job: int, position: int) -> str:
    return f"{w.id(JOB, job)}{position + 1:02d}"


def _job(w: World, index: int) -> dict[str, Any]:
    r = w.draw(JOB, index)
    title, department = v.TITLES[index % len(v.TITLES)]
    city = r.pick(v.CITIES)
    status = (
        r.cycle(("OPEN", "CLOSED", "DRAFT", "PENDING", "ARCHIVED"))
        if r.chance(0.4) or index < 5
        else "OPEN"
    )
    updated = w.updated(JOB, index)
    rec: dict[str, Any] = {"id": w.id(JOB, index), **stamps(w, JOB, r, 300), "name": title}
    if r.opt(0.7):
        rec["description"] = (
            f"We are hiring a {title} to join our {department} team in {city.city}."
        )
    if r.opt(0.5):
        rec["summary"] = f"{title}, {department}"
    rec["status"] = status
    if r.opt(0.8):
        rec["employment_type"] = (
            "FULL_TIME" if r.chance(0.8) else r.pick(("PART_TIME", "CONTRACTOR", "INTERN"))
        )
    if r.opt(0.6):
        rec["remote"] = r.chance(0.4)
    if r.opt(0.7):
        rec["addresses"] = [address(r, city)]
    if r.opt(0.6):
        low = r.between(40, 150) * 1000
        rec["compensation"] = [
            {
                "type": "SALARY",
                "frequency": "YEAR",
                "min": low,
                "max": low + r.between(10, 60) * 1000,
                "currency": city.currency,
            }
        ]
    group = r.below(w.count(("hr", "group")))
    if r.opt(0.6):
        rec["groups"] = [
            {"id": w.id(("hr", "group"), group), "name": department, "type": "DEPARTMENT"}
        ]
    manager = employee(w, r.below(w.count(EMPLOYEE)))
    if r.opt(0.7):
        rec["hiring_manager_ids"] = [manager.id]
        rec["hiring_managers"] = [{"id": manager.id, "name": manager.name}]
    if r.opt(0.6):
        rec["recruiter_ids"] = w.refs(r, EMPLOYEE, 1)
    openings = r.between(1, 3)
    if r.opt(0.6):
        rec["number_of_openings"] = openings
    if r.opt(0.5):
        rec["openings"] = [
            {"status": "CLOSED" if status == "CLOSED" else "OPEN", "opened_at": rec["created_at"]}
            for _ in range(openings)
        ]
        if status == "CLOSED":
            rec["openings"][0] |= {
                "closed_at": iso(updated),
                "close_reason": "Hired",
                "application_id": w.ref(r, APPLICATION),
            }
    url = f"https://boards.greenhouse.io/{organisation(w).domain.split('.')[0]}/jobs/{rec['id']}"
    if r.opt(0.6):
        rec["postings"] = [
            {
                "id": f"{rec['id']}1",
                "name": title,
                "description": rec.get("description", title),
                "posting_url": url,
                "is_active": status == "OPEN",
                "location": f"{city.city}, {city.country}",
                "address": address(r, city),
            }
        ]
    if r.opt(0.5):
        rec["public_job_urls"] = [url]
    if r.opt(0.5):
        rec["questions"] = [
            {"id": _question_id(w, index, n), "question": q, "type": kind, "required": n == 0}
            | ({"options": ["Yes", "No"]} if kind == "YES_NO" else {})
            for n, (q, kind) in enumerate(_QUESTIONS)
        ]
    if r.opt(0.5):
        rec["skills"] = r.sample(v.SKILLS, r.between(2, 5))
    if r.opt(0.4):
        rec["industry"] = r.pick(v.COMPANY_WORDS)[1]
    if r.opt(0.4):
        rec["language_locale"] = city.locale
    if r.opt(0.3):
        rec["minimum_degree"] = r.pick(("High school", "Bachelor's", "Master's"))
    if r.opt(0.3):
        rec["minimum_experience_years"] = r.between(0, 8)
    if r.opt(0.6):
        rec["company_id"] = w.id(("hr", "company"), 0)
    if r.opt(0.7):
        rec["user_id"] = manager.id
    if status in ("CLOSED", "ARCHIVED"):
        rec["closed_at"] = iso(updated)
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "job", _FIELDS[1:])
    if r.opt(0.15):
        rec["raw"] = {
            "id": int(rec["id"]),
            "requisition_id": f"REQ-{index + 100}",
            "confidential": False,
        }
    return rec


def _candidate(w: World, index: int) -> dict[str, Any]:
    r = w.draw(CANDIDATE, index)
    first, last = r.pick(v.FIRST_NAMES), r.pick(v.LAST_NAMES)
    employer = company(w, r.below(w.count(("crm", "company"))))
    title = r.pick(v.TITLES)[0]
    city = r.pick(v.CITIES)
    rec: dict[str, Any] = {"id": w.id(CANDIDATE, index), **stamps(w, CANDIDATE, r, 200)}
    rec |= {"name": f"{first} {last}", "first_name": first, "last_name": last}
    if r.opt(0.7):
        rec["title"] = title
    if r.opt(0.3):
        rec["summary"] = f"{title} with {r.between(2, 15)} years of experience."
    if r.opt(0.2):
        rec["image_url"] = f"https://cdn.example.com/candidates/{rec['id']}.jpg"
    if r.opt(0.6):
        rec["web_url"] = f"https://app.greenhouse.io/people/{rec['id']}"
    if r.opt(0.6):
        rec["company_name"] = employer.name
    if r.opt(0.4):
        rec["company_id"] = w.id(("hr", "company"), 0)
    if r.opt(0.1):
        rec["date_of_birth"] = iso(WINDOW_START - r.between(20, 55) * 365 * DAY)
    personal = email(first, last, r.pick(v.PERSONAL_DOMAINS), 0)
    rec["emails"] = [{"email": personal, "name": f"{first} {last}", "type": "HOME"}]
    if r.opt(0.2):
        rec["emails"].append(
            {"email": email(first, last, employer.domain, employer.email_style), "type": "WORK"}
        )
    if r.opt(0.6):
        rec["telephones"] = telephones(r, city, mobile=0)
    if r.opt(0.4):
        rec["address"] = address(r, city)
    if r.opt(0.5):
        rec["link_urls"] = [
            f"https://www.linkedin.com/in/{v.slug(first)}-{v.slug(last)}-{r.hex(6)}"
        ]
    if r.opt(0.7):
        rec["origin"] = r.pick(
            ("AGENCY", "APPLIED", "INTERNAL", "REFERRED", "SOURCED", "UNIVERSITY")
        )
    if r.opt(0.5):
        rec["sources"] = [r.pick(("LinkedIn", "Indeed", "Referral", "Careers page", "Agency"))]
    if r.opt(0.5):
        rec["skills"] = r.sample(v.SKILLS, r.between(2, 6))
    if r.opt(0.3):
        rec["tags"] = r.sample(("silver-medalist", "relocation", "visa", "senior"), 1)
    jobs = [w.id(JOB, job_of(w, a)) for a in _applications_of(w, index)]
    if jobs:
        rec["job_ids"] = jobs
    recruiter = w.ref(r, EMPLOYEE)
    if r.opt(0.6):
        rec["user_id"] = recruiter
    if r.opt(0.3):
        rec["user_ids"] = [recruiter, *w.refs(r, EMPLOYEE, 1)]
    if r.opt(0.3):
        rec["external_identifier"] = f"CAND-{r.digits(6)}"
    if r.opt(0.4):
        degree, field, level = r.pick(v.DEGREES)
        start = WINDOW_START - r.between(5, 20) * 365 * DAY
        rec["education"] = [
            {
                "institution": r.pick(v.SCHOOLS),
                "degree": degree,
                "field_of_study": field,
                "level": level,
                "start_at": iso(start),
                "end_at": iso(start + 4 * 365 * DAY),
            }
        ]
    if r.opt(0.5):
        start = WINDOW_START - r.between(1, 8) * 365 * DAY
        rec["experiences"] = [
            {"company_name": employer.name, "title": title, "start_at": iso(start)},
            {
                "company_name": company(w, r.below(w.count(("crm", "company")))).name,
                "title": r.pick(v.TITLES)[0],
                "start_at": iso(start - 3 * 365 * DAY),
                "end_at": iso(start),
            },
        ]
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "candidate", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {"id": int(rec["id"]), "is_private": False, "can_email": True}
    return rec


def _application(w: World, index: int) -> dict[str, Any]:
    r = w.draw(APPLICATION, index)
    job = job_of(w, index)
    status = r.cycle(STATUSES)
    updated = w.updated(APPLICATION, index)
    times = stamps(w, APPLICATION, r, 60)
    rec: dict[str, Any] = {"id": w.id(APPLICATION, index), **times}
    rec["candidate_id"] = w.id(CANDIDATE, _candidate_of(w, index))
    rec["job_id"] = w.id(JOB, job)
    rec["status"] = status
    if r.opt(0.5):
        rec["original_status"] = status.replace("_", " ").title()
    if r.opt(0.2):
        rec["original_substatus"] = r.pick(
            ("Phone screen", "Onsite", "Take-home", "Reference check")
        )
    if r.opt(0.9):
        rec["applied_at"] = times["created_at"]
    if status in ("HIRED", "ACCEPTED"):
        rec["hired_at"] = iso(updated)
    if status == "REJECTED":
        rec["rejected_at"] = iso(updated)
        rec["rejected_reason"] = r.pick(("Not a fit", "Position filled", "Compensation mismatch"))
    if r.opt(0.6):
        rec["source"] = r.pick(("LinkedIn", "Indeed", "Referral", "Careers page", "Agency"))
    if r.opt(0.3):
        rec["summary"] = r.pick(
            ("Strong technical background.", "Great culture add.", "Needs a second opinion.")
        )
    if r.opt(0.6):
        rec["user_id"] = w.ref(r, EMPLOYEE)
    if r.opt(0.3):
        rec["answers"] = [
            {
                "question_id": _question_id(w, job, 0),
                "answers": ["Yes"],
                "question": _QUESTIONS[0][0],
            },
            {
                "question_id": _question_id(w, job, 1),
                "answers": [str(r.between(1, 15))],
                "question": _QUESTIONS[1][0],
            },
        ]
    if status in ("OFFERED", "ACCEPTED", "HIRED"):
        offer: dict[str, Any] = {
            "id": f"{rec['id']}0",
            "sent_at": iso(updated - 5 * DAY),
            "start_at": iso(updated + 30 * DAY),
            "creator_user_id": w.ref(r, EMPLOYEE),
        }
        if status == "OFFERED":
            offer["status"] = "SENT"
        else:
            offer |= {"status": "ACCEPTED", "accepted_at": iso(updated - DAY)}
        if status == "HIRED":
            offer["employee_user_id"] = w.ref(r, EMPLOYEE)
        rec["offers"] = [offer]
    if r.opt(0.1):
        rec["metadata"] = metadata(w, r, "application", _FIELDS[:1])
    if r.opt(0.15):
        rec["raw"] = {
            "id": int(rec["id"]),
            "prospect": False,
            "current_stage": {"name": rec.get("original_status", status)},
        }
    return rec


KINDS = (
    Kind("ats", "candidate", per(5), Numeric(9), _candidate, search=("name", "emails.email")),
    Kind("ats", "application", per(4), Numeric(9), _application, search=("summary",)),
    Kind("ats", "job", per(200, 5), Numeric(7), _job),
)
