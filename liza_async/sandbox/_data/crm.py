"""CRM: contacts (the fast path), companies, deals, leads, events (activities) and pipelines.

Relations: contact ``i`` works for company ``i % companies`` (so company ``c`` lists contacts
``c, c + companies, ...``); deal ``j`` belongs to contact ``j * contacts // deals`` and that
contact's company; deals sit in one of the three pipelines.
"""

from __future__ import annotations

from typing import Any

from . import _vocab as v
from ._clock import DAY, iso
from ._contact import (
    CONTACT_FIELDS,
    DEAL,
    SALES_TEAM,
    company_of_contact,
    contact_identity,
    contact_of_deal,
    contacts_of_company,
    deal_of_contact,
    render_contacts,
    search_contact,
)
from ._ids import Numeric
from ._rng import Draw
from ._shapes import (
    COMPANY,
    CONTACT,
    EMPLOYEE,
    MetaField,
    address,
    company,
    email,
    employee,
    metadata,
    office_address,
    stamps,
    telephones,
)
from ._world import Kind, World, fixed, per

__all__ = ["KINDS", "PIPELINES"]

LEAD = ("crm", "lead")
EVENT = ("crm", "event")
PIPELINE = ("crm", "pipeline")


PIPELINES = (
    (
        "Sales Pipeline",
        (
            ("Appointment scheduled", 0.2),
            ("Qualified to buy", 0.4),
            ("Presentation scheduled", 0.6),
            ("Decision maker bought-in", 0.8),
            ("Closed won", 1.0),
            ("Closed lost", 0.0),
        ),
    ),
    (
        "Renewals",
        (("Renewal due", 0.5), ("In negotiation", 0.7), ("Closed won", 1.0), ("Closed lost", 0.0)),
    ),
    (
        "Partnerships",
        (
            ("Intro", 0.1),
            ("Evaluation", 0.3),
            ("Contracting", 0.7),
            ("Closed won", 1.0),
            ("Closed lost", 0.0),
        ),
    ),
)

_COMPANY_FIELDS = (
    MetaField("account_tier", "SINGLE_SELECT", ("Tier 1", "Tier 2", "Tier 3")),
    MetaField("annual_revenue", "CURRENCY", (250_000, 1_200_000, 8_500_000, 42_000_000)),
    MetaField("products_of_interest", "MULTIPLE_SELECT", ("Core", "Analytics", "API", "Support")),
)
_DEAL_FIELDS = (
    MetaField("forecast_category", "SINGLE_SELECT", ("Pipeline", "Best case", "Commit")),
    MetaField("contract_length_months", "NUMBER", (1, 6, 12, 24, 36)),
)
_EVENT_TYPES = (
    "NOTE",
    "EMAIL",
    "TASK",
    "MEETING",
    "CALL",
    "MARKETING_EMAIL",
    "FORM",
    "PAGE_VIEW",
)
_TAGS = ("customer", "prospect", "partner", "enterprise", "smb", "churn-risk", "vip", "emea")


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _owner(w: World, h: int) -> str:
    return w.id(EMPLOYEE, h % min(SALES_TEAM, w.count(EMPLOYEE)))


# --- the other CRM objects: built as dicts ---


def _pipeline_stage(w: World, pipeline: int, stage: int) -> dict[str, Any]:
    name, probability = PIPELINES[pipeline][1][stage]
    return {
        "id": f"{w.id(PIPELINE, pipeline)}{stage + 1:02d}",
        "name": name,
        "deal_probability": probability,
        "is_closed": name.startswith("Closed"),
    }


def _company(w: World, index: int) -> dict[str, Any]:
    r = w.draw(COMPANY, index)
    who = company(w, index)
    rec: dict[str, Any] = {"id": w.id(COMPANY, index), **stamps(w, COMPANY, r), "name": who.name}
    if r.opt(0.6):
        industry = who.industry.lower()
        rec["description"] = (
            f"{who.name} is {_article(industry)} {industry} company based in {who.city.city}."
        )
    if r.opt(0.8):
        rec["industry"] = who.industry
    if r.opt(0.5):
        rec["timezone"] = who.city.timezone
    if r.opt(0.7):
        rec["employees"] = r.pick((4, 12, 48, 120, 350, 1200, 5400, 24000))
    if r.opt(0.7):
        rec["is_active"] = r.chance(0.9)
    if r.opt(0.8):
        rec["domains"] = [who.domain]
    if r.opt(0.6):
        rec["websites"] = [f"https://www.{who.domain}"]
    if r.opt(0.5):
        rec["link_urls"] = [f"https://www.linkedin.com/company/{v.slug(who.name, '-')}"]
    if r.opt(0.4):
        rec["tags"] = r.sample(_TAGS, r.between(1, 3))
    if r.opt(0.5):
        rec["emails"] = [
            {"email": f"{r.pick(('info', 'sales', 'hello'))}@{who.domain}", "type": "WORK"}
        ]
    if r.opt(0.6):
        rec["telephones"] = telephones(r, who.city, mobile=0)
    if r.opt(0.7):
        rec["address"] = office_address(w, index)
    contacts = contacts_of_company(w, index)[:4]
    if contacts and r.opt(0.8):
        rec["contact_ids"] = [w.id(CONTACT, i) for i in contacts]
    deals = [d for d in (deal_of_contact(w, i) for i in contacts) if d is not None]
    if deals and r.opt(0.8):
        rec["deal_ids"] = [w.id(DEAL, d) for d in deals]
    if r.opt(0.8):
        rec["user_id"] = _owner(w, r.below(1 << 16))
    if r.opt(0.3):
        rec["metadata"] = metadata(w, r, "company", _COMPANY_FIELDS)
    if r.opt(0.15):
        rec["raw"] = {
            "properties": {"name": who.name, "domain": who.domain, "hs_object_id": rec["id"]},
            "archived": False,
        }
    return rec


def _deal(w: World, index: int) -> dict[str, Any]:
    r = w.draw(DEAL, index)
    contact = contact_of_deal(w, index)
    who = company(w, company_of_contact(w, contact))
    pipeline = index % len(PIPELINES)
    stages = PIPELINES[pipeline][1]
    outcome = r.cycle(("open", "won", "lost", "open", "open"))
    names = [name for name, _ in stages]
    position = (
        r.below(len(stages) - 2)
        if outcome == "open"
        else names.index("Closed won" if outcome == "won" else "Closed lost")
    )
    stage = _pipeline_stage(w, pipeline, position)
    times = stamps(w, DEAL, r, max_age_days=400)
    updated = w.updated(DEAL, index)
    product = r.pick(v.DEAL_PRODUCTS)
    rec: dict[str, Any] = {"id": w.id(DEAL, index), **times, "name": f"{who.name} - {product}"}
    if r.opt(0.5):
        rec["description"] = f"{product} for {who.name} ({who.city.city})."
    if r.opt(0.9):
        rec["amount"] = r.between(5, 2_000) * 100
    if r.opt(0.9):
        rec["currency"] = who.city.currency
    if r.opt(0.7):
        rec["probability"] = stage["deal_probability"]
    if r.opt(0.8):
        rec["closing_at"] = iso(updated + r.between(7, 120) * DAY)
    if stage["is_closed"]:
        rec["closed_at"] = iso(updated - r.below(DAY))
        if stage["deal_probability"]:
            rec["won_reason"] = r.pick(v.WON_REASONS)
        else:
            rec["lost_reason"] = r.pick(v.LOST_REASONS)
    if r.opt(0.5):
        rec["source"] = r.pick(v.LEAD_SOURCES)
    if r.opt(0.3):
        rec["tags"] = r.sample(_TAGS, r.between(1, 2))
    rec["pipelines"] = [{"id": w.id(PIPELINE, pipeline), "name": PIPELINES[pipeline][0]}]
    rec["stages"] = [{"id": stage["id"], "name": stage["name"]}]
    rec["contact_ids"] = [w.id(CONTACT, contact)]
    rec["company_ids"] = [w.id(COMPANY, who.ordinal)]
    if r.opt(0.9):
        rec["user_id"] = _owner(w, r.below(1 << 16))
    if r.opt(0.3):
        rec["metadata"] = metadata(w, r, "deal", _DEAL_FIELDS)
    if r.opt(0.15):
        rec["raw"] = {
            "properties": {
                "dealname": rec["name"],
                "dealstage": stage["id"],
                "pipeline": rec["pipelines"][0]["id"],
            }
        }
    return rec


def _lead(w: World, index: int) -> dict[str, Any]:
    r = w.draw(LEAD, index)
    first, last = r.pick(v.FIRST_NAMES), r.pick(v.LAST_NAMES)
    who = company(w, r.below(w.count(COMPANY)))
    status = r.cycle(("NEW", "CONTACTED", "QUALIFIED", "UNQUALIFIED", "CONVERTED"))
    rec: dict[str, Any] = {
        "id": w.id(LEAD, index),
        **stamps(w, LEAD, r, max_age_days=200),
        "name": f"{first} {last}",
        "first_name": first,
        "last_name": last,
    }
    if r.opt(0.6):
        rec["title"] = r.pick(v.TITLES)[0]
    rec["company_name"] = who.name
    if r.opt(0.5):
        rec["company_id"] = w.id(COMPANY, who.ordinal)
    if status == "CONVERTED":
        rec["contact_id"] = w.ref(r, CONTACT)
    if r.opt(0.6):
        rec["creator_user_id"] = _owner(w, r.below(1 << 16))
    if r.opt(0.8):
        rec["user_id"] = _owner(w, r.below(1 << 16))
    rec["status"] = status
    if r.opt(0.7):
        rec["source"] = r.pick(v.LEAD_SOURCES)
    if r.opt(0.6):
        rec["is_active"] = status not in ("UNQUALIFIED", "CONVERTED")
    rec["emails"] = [{"email": email(first, last, who.domain, who.email_style), "type": "WORK"}]
    if r.opt(0.5):
        rec["telephones"] = telephones(r, who.city)
    if r.opt(0.4):
        rec["address"] = address(r, who.city)
    if r.opt(0.3):
        rec["link_urls"] = [f"https://www.linkedin.com/in/{v.slug(first)}-{v.slug(last)}"]
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "lead", CONTACT_FIELDS[:2])
    if r.opt(0.15):
        rec["raw"] = {"Id": rec["id"], "Status": status.title(), "LeadSource": rec.get("source")}
    return rec


def _event_detail(w: World, r: Draw, kind: str, when: int, to: str) -> dict[str, Any]:
    sender = employee(w, r.below(w.count(EMPLOYEE))).email
    subject = r.pick(v.MEETINGS)
    if kind == "NOTE":
        return {"title": f"Notes: {subject}", "description": "Discussed next steps and pricing."}
    if kind == "EMAIL":
        detail = {
            "subject": f"Re: {subject}",
            "body": "Thanks for your time today.",
            "from": sender,
            "to": [to],
        }
        if r.opt(0.3):
            detail["cc"] = [employee(w, r.below(w.count(EMPLOYEE))).email]
        if r.opt(0.2):
            detail["attachment_file_ids"] = w.refs(r, ("storage", "file"), 1)
        return detail
    if kind == "CALL":
        return {
            "description": f"Call about {subject.lower()}",
            "duration": r.between(60, 3600),
            "start_at": iso(when),
        }
    if kind == "MEETING":
        return {
            "title": subject,
            "description": "Agenda shared in advance.",
            "start_at": iso(when),
            "end_at": iso(when + 1800 * r.between(1, 4)),
        }
    if kind == "TASK":
        return {
            "name": f"Follow up: {subject}",
            "description": "Send the proposal.",
            "due_at": iso(when + DAY * r.between(1, 14)),
            "priority": r.pick(("HIGH", "MEDIUM", "LOW")),
            "status": r.pick(("COMPLETED", "NOT_STARTED", "WORK_IN_PROGRESS", "DEFERRED")),
        }
    if kind == "MARKETING_EMAIL":
        topic = r.pick(v.CAMPAIGN_TOPICS)
        return {
            "name": topic,
            "subject": f"{topic}: what's new",
            "body": "Hello from our team!",
            "from": sender,
            "to": [to],
            "cc": [],
        }
    if kind == "FORM":
        return {
            "name": r.pick(("Contact us", "Demo request", "Newsletter signup")),
            "redirect_url": "https://www.example.com/thanks",
            "fields": [
                {"name": "email", "type": "EMAIL", "required": True},
                {
                    "name": "company_size",
                    "type": "SELECT",
                    "required": False,
                    "options": [
                        {"label": "1-10", "value": "small"},
                        {"label": "11-200", "value": "medium"},
                        {"label": "200+", "value": "large"},
                    ],
                },
            ],
        }
    return {
        "url": f"https://www.example.com/{r.pick(('pricing', 'docs', 'blog', 'features'))}",
        "count": r.between(1, 12),
        "average": r.between(5, 300),
    }


def _event(w: World, index: int) -> dict[str, Any]:
    r = w.draw(EVENT, index)
    kind = r.cycle(_EVENT_TYPES)
    contact = r.below(w.count(CONTACT))
    who = contact_identity(w, contact)
    to = who.work_email or who.personal_email or ""
    times = stamps(w, EVENT, r, max_age_days=30)
    updated = w.updated(EVENT, index)
    rec: dict[str, Any] = {"id": w.id(EVENT, index), **times, "type": kind}
    rec[kind.lower()] = _event_detail(w, r, kind, updated - r.below(30 * DAY), to)
    rec["contact_ids"] = [w.id(CONTACT, contact)]
    if who.company is not None:
        rec["company_ids"] = [w.id(COMPANY, who.company.ordinal)]
    deal = deal_of_contact(w, contact)
    if deal is not None:
        rec["deal_ids"] = [w.id(DEAL, deal)]
    if r.opt(0.2):
        rec["lead_ids"] = w.refs(r, LEAD, 1)
    if r.opt(0.8):
        rec["user_id"] = _owner(w, r.below(1 << 16))
    if r.opt(0.1):
        rec["metadata"] = metadata(w, r, "event", _DEAL_FIELDS[:1])
    if r.opt(0.15):
        rec["raw"] = {"engagement": {"id": rec["id"], "type": kind}}
    return rec


def _pipeline(w: World, index: int) -> dict[str, Any]:
    r = w.draw(PIPELINE, index)
    name, stages = PIPELINES[index % len(PIPELINES)]
    times = stamps(w, PIPELINE, r, max_age_days=1500)
    rec: dict[str, Any] = {"id": w.id(PIPELINE, index), **times, "name": name}
    rec["is_active"] = True
    rec["display_order"] = index
    if r.opt(0.5):
        rec["deal_probability"] = 0.5
    rec["stages"] = [
        {
            **_pipeline_stage(w, index % len(PIPELINES), position),
            "active": True,
            "display_order": position,
            **times,
        }
        for position in range(len(stages))
    ]
    if r.opt(0.3):
        rec["metadata"] = metadata(w, r, "pipeline", _DEAL_FIELDS[:1])
    if r.opt(0.3):
        rec["raw"] = {"pipelineId": rec["id"], "label": name, "archived": False}
    return rec


KINDS = (
    Kind(
        "crm",
        "contact",
        per(1),
        Numeric(8),
        render=render_contacts,
        search=("name", "emails.email"),
        search_text=search_contact,
    ),
    Kind(
        "crm",
        "company",
        per(10),
        Numeric(10),
        _company,
        search_text=lambda w, i: company(w, i).name.lower(),
    ),
    Kind("crm", "deal", per(5), Numeric(10), _deal),
    Kind("crm", "lead", per(5), Numeric(9), _lead, search=("name", "emails.email")),
    Kind(
        "crm",
        "event",
        per(2),
        Numeric(11),
        _event,
        search=(
            "note.title",
            "email.subject",
            "meeting.title",
            "task.name",
            "marketing_email.subject",
            "form.name",
        ),
    ),
    Kind("crm", "pipeline", fixed(3), Numeric(9), _pipeline),
)
