"""CRM: contacts (the fast path), companies, deals, leads, events (activities) and pipelines.

Relations: contact ``i`` works for company ``i % companies`` (so company ``c`` lists contacts
``c, c + companies, ...``); deal ``j`` belongs to contact ``j * contacts // deals`` and that
contact's company; deals sit in one of the three pipelines.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from . import _vocab as v
from ._clock import DAY, iso, iso_date
from ._ids import BASE36, Numeric, Token
from ._rng import GAMMA, Draw, mix
from ._shapes import (
    COMPANY,
    CONTACT,
    EMPLOYEE,
    Company,
    MetaField,
    address,
    company,
    email,
    employee,
    meta_id,
    metadata,
    stamps,
    telephones,
)
from ._world import Kind, World, fixed, per

__all__ = ["KINDS", "PIPELINES", "contact_identity", "contact_of_deal", "deal_of_contact"]

DEAL = ("crm", "deal")
LEAD = ("crm", "lead")
EVENT = ("crm", "event")
PIPELINE = ("crm", "pipeline")

LINKEDIN = Token(BASE36.lower(), 7)
"""The suffix of a contact's LinkedIn handle; invertible, so enrichment finds the contact."""

_SALES_TEAM = 25
"""Record owners (``user_id``) are among the first employees."""

PIPELINES = (
    ("Sales Pipeline", (("Appointment scheduled", 0.2), ("Qualified to buy", 0.4),
                        ("Presentation scheduled", 0.6), ("Decision maker bought-in", 0.8),
                        ("Closed won", 1.0), ("Closed lost", 0.0))),
    ("Renewals", (("Renewal due", 0.5), ("In negotiation", 0.7), ("Closed won", 1.0),
                  ("Closed lost", 0.0))),
    ("Partnerships", (("Intro", 0.1), ("Evaluation", 0.3), ("Contracting", 0.7),
                      ("Closed won", 1.0), ("Closed lost", 0.0))),
)  # fmt: skip

_CONTACT_FIELDS = (
    MetaField("lifecycle_stage", "SINGLE_SELECT",
              ("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity",
               "customer")),
    MetaField("lead_score", "NUMBER", tuple(range(0, 101, 5))),
    MetaField("newsletter_opt_in", "BOOLEAN"),
    MetaField("last_contacted", "DATE"),
)  # fmt: skip
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
    "NOTE", "EMAIL", "TASK", "MEETING", "CALL", "MARKETING_EMAIL", "FORM", "PAGE_VIEW",
)  # fmt: skip
_TAGS = ("customer", "prospect", "partner", "enterprise", "smb", "churn-risk", "vip", "emea")


def deal_of_contact(w: World, index: int) -> int | None:
    """Return the index of contact ``index``'s deal, or None when it has none."""
    contacts, deals = w.count(CONTACT), w.count(DEAL)
    deal = -(-index * deals // contacts)
    return deal if deal < deals and contact_of_deal(w, deal) == index else None


def contact_of_deal(w: World, index: int) -> int:
    """Return the index of the contact deal ``index`` belongs to."""
    return index * w.count(CONTACT) // w.count(DEAL)


def _owner(w: World, h: int) -> str:
    owners: list[str] | None = w.memo.get("crm.owners")
    if owners is None:
        owners = [w.id(EMPLOYEE, e) for e in range(min(_SALES_TEAM, w.count(EMPLOYEE)))]
        w.memo["crm.owners"] = owners
    return owners[h % len(owners)]


# --- contact: composed as JSON text from cached fragments (the hot path of every benchmark) ---


class ContactIdentity(NamedTuple):
    """What a contact's name and emails derive from (shared by rendering and search)."""

    h: int
    g: int
    full: bool
    first: int
    last: int
    company: Company | None
    work_email: str | None
    personal_email: str | None


def contact_identity(w: World, index: int) -> ContactIdentity:
    """Return the identity of contact ``index``: names, employer and email addresses.

    Args:
        w: the world.
        index: the contact index.

    Returns:
        The identity; ``h`` and ``g`` are 64 random bits each for the other fields.
    """
    h = mix(w.salt(CONTACT) + index * GAMMA)
    g = mix(h + GAMMA)
    first, last = h % len(v.FIRST_NAMES), (h >> 8) % len(v.LAST_NAMES)
    first_name, last_name = v.FIRST_NAMES[first], v.LAST_NAMES[last]
    full = index < 2 or g % 10 == 0
    employer = company(w, index % w.count(COMPANY)) if full or h >> 16 & 15 else None
    work = None
    if employer is not None and (full or h >> 20 & 31):
        work = email(first_name, last_name, employer.domain, employer.email_style)
    personal = None
    if full or work is None or h >> 25 & 3 == 0:
        domain = v.PERSONAL_DOMAINS[(h >> 36) % len(v.PERSONAL_DOMAINS)]
        personal = email(first_name, last_name, domain, 0).replace("@", f"{h >> 29 & 127}@")
    return ContactIdentity(h, g, full, first, last, employer, work, personal)


def _contact_search(w: World, index: int) -> str:
    who = contact_identity(w, index)
    parts = [f"{v.FIRST_NAMES[who.first]} {v.LAST_NAMES[who.last]}".lower()]
    parts += [e for e in (who.work_email, who.personal_email) if e]
    return "\0".join(parts)


def _js(text: str) -> str:
    """JSON-escape ``text`` without the quotes."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


class _ContactFragments:
    """Seed-dependent JSON fragments, built once per world."""

    def __init__(self, w: World) -> None:
        self.first = [_js(name) for name in v.FIRST_NAMES]
        self.last = [_js(name) for name in v.LAST_NAMES]
        self.first_slug = [v.SLUGS[name] for name in v.FIRST_NAMES]
        self.last_slug = [v.SLUGS[name] for name in v.LAST_NAMES]
        self.titles = [
            (f',"title":"{_js(t)}"', f',"title":"{_js(t)}","department":"{_js(d)}"')
            for t, d in v.TITLES
        ]
        self.cities = {
            c.city: (
                f',"city":"{_js(c.city)}","region":"{_js(c.region)}",'
                f'"region_code":"{c.region_code}","postal_code":"',
                f'","country":"{_js(c.country)}","country_code":"{c.country_code}"}}',
            )
            for c in v.CITIES
        }
        self.streets = [_js(s) for s in v.STREETS]
        head = [
            f'{{"id":"{meta_id(w, "contact", m.slug)}","slug":"{m.slug}",'
            f'"namespace":"contact","format":"{m.format}","value":'
            for m in _CONTACT_FIELDS
        ]
        stages = _CONTACT_FIELDS[0].choices
        options = json.dumps({"options": list(stages)})
        self.stage = [f'{head[0]}"{s}","extra_data":{options}}}' for s in stages]
        self.score = [f"{head[1]}{n}}}" for n in _CONTACT_FIELDS[1].choices]
        self.opt_in = [f"{head[2]}false}}", f"{head[2]}true}}"]
        self.contacted = head[3] + '"%s"}'
        self.deal_key = w.salt(DEAL)
        self.company_ids: dict[int, str] = {}


def _contact_render(w: World, index: int) -> str:
    f: _ContactFragments | None = w.memo.get("crm.contact")
    if f is None:
        f = w.memo["crm.contact"] = _ContactFragments(w)
    h, g, full, first, last, employer, work, personal = contact_identity(w, index)
    contact_id = w.id(CONTACT, index)
    updated = w.updated(CONTACT, index)
    fn, ln = f.first[first], f.last[last]
    out = [
        f'{{"id":"{contact_id}","created_at":"{iso(updated - g % (900 * DAY))}",'
        f'"updated_at":"{iso(updated)}","name":"{fn} {ln}","first_name":"{fn}","last_name":"{ln}"'
    ]
    if full or h >> 40 & 7:
        out.append(f.titles[(h >> 43) % len(v.TITLES)][full or h >> 50 & 1])
    if full or h >> 51 & 3 == 0:
        out.append(f',"image_url":"https://cdn.example.com/avatars/{contact_id}.jpg"')
    if employer is not None:
        company_id = f.company_ids.get(employer.index)
        if company_id is None:
            company_id = w.id(COMPANY, employer.index)
            if len(f.company_ids) < 50_000:
                f.company_ids[employer.index] = company_id
        out.append(f',"company":"{employer.name}","company_ids":["{company_id}"]')
    deal = deal_of_contact(w, index)
    if deal is not None:
        out.append(f',"deal_ids":["{w.id(DEAL, deal)}"]')
    if work is not None or personal is not None:
        emails = [f'{{"email":"{work}","type":"WORK"}}'] if work else []
        if personal:
            emails.append(f'{{"email":"{personal}","type":"HOME"}}')
        out.append(f',"emails":[{",".join(emails)}]')
    city = employer.city if employer is not None else v.CITIES[(g >> 8) % len(v.CITIES)]
    if full or g >> 14 & 3:
        area = city.area_codes[(g >> 16) % len(city.area_codes)]
        digits = city.subscriber_digits - 1
        number = f"+{city.calling_code}{area}{2 + (g >> 18) % 8}{(g >> 22) % 10**digits:0{digits}d}"
        out.append(f',"telephones":[{{"telephone":"{number}","type":"WORK"}}')
        if full or g >> 50 & 3 == 0:
            mobile = f"+{city.calling_code}{area}{2 + (g >> 26) % 8}{(g >> 30) % 10**digits:0{digits}d}"
            out.append(f',{{"telephone":"{mobile}","type":"MOBILE"}}')
        out.append("]")
    if full or g >> 52 & 1:
        before, after = f.cities[city.city]
        street = f.streets[(g >> 53) % len(v.STREETS)]
        suite = f',"address2":"Suite {(g >> 58) % 30 * 10 + 10}"' if full or g >> 58 & 3 == 0 else ""
        postal = city.postal_codes[(g >> 60) % len(city.postal_codes)]
        out.append(
            f',"address":{{"address1":"{1 + (g >> 40) % 2400} {street}"{suite}{before}{postal}{after}'
        )
    if full or h >> 53 & 1:
        token = LINKEDIN(w.salt(CONTACT), index)
        out.append(
            f',"link_urls":["https://www.linkedin.com/in/'
            f'{f.first_slug[first]}-{f.last_slug[last]}-{token}"]'
        )
    if full or h >> 54 & 7:
        out.append(f',"user_id":"{_owner(w, h >> 57)}"')
    if full or h >> 58 & 3 == 0:
        meta = [f.stage[(g >> 3) % 6]]
        if full or g & 1:
            meta.append(f.score[(g >> 34) % 21])
        if full or g & 2:
            meta.append(f.opt_in[g >> 6 & 1])
        if full or g & 4:
            meta.append(f.contacted % iso_date(updated - (g >> 12) % (60 * DAY)))
        out.append(f',"metadata":[{",".join(meta)}]')
    if full or h >> 61 == 0:
        out.append(
            f',"raw":{{"properties":{{"firstname":"{fn}","lastname":"{ln}",'
            f'"hs_object_id":"{contact_id}"}},"archived":false}}'
        )
    out.append("}")
    return "".join(out)


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
        rec["description"] = (
            f"{who.name} is a {who.industry.lower()} company headquartered in {who.city.city}."
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
        rec["emails"] = [{"email": f"{r.pick(('info', 'sales', 'hello'))}@{who.domain}",
                          "type": "WORK"}]  # fmt: skip
    if r.opt(0.6):
        rec["telephones"] = telephones(r, who.city, mobile=0)
    if r.opt(0.7):
        rec["address"] = address(r, who.city)
    contacts = range(index, w.count(CONTACT), w.count(COMPANY))[:4]
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
        rec["raw"] = {"properties": {"name": who.name, "domain": who.domain,
                                     "hs_object_id": rec["id"]}, "archived": False}  # fmt: skip
    return rec


def _deal(w: World, index: int) -> dict[str, Any]:
    r = w.draw(DEAL, index)
    contact = contact_of_deal(w, index)
    who = company(w, contact % w.count(COMPANY))
    pipeline = index % len(PIPELINES)
    stages = PIPELINES[pipeline][1]
    stage = _pipeline_stage(w, pipeline, r.cycle(range(len(stages))))
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
    rec["company_ids"] = [w.id(COMPANY, who.index)]
    if r.opt(0.9):
        rec["user_id"] = _owner(w, r.below(1 << 16))
    if r.opt(0.3):
        rec["metadata"] = metadata(w, r, "deal", _DEAL_FIELDS)
    if r.opt(0.15):
        rec["raw"] = {"properties": {"dealname": rec["name"], "dealstage": stage["id"],
                                     "pipeline": rec["pipelines"][0]["id"]}}  # fmt: skip
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
        rec["company_id"] = w.id(COMPANY, who.index)
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
        rec["metadata"] = metadata(w, r, "lead", _CONTACT_FIELDS[:2])
    if r.opt(0.15):
        rec["raw"] = {"Id": rec["id"], "Status": status.title(), "LeadSource": rec.get("source")}
    return rec


def _event_detail(w: World, r: Draw, kind: str, when: int, to: str) -> dict[str, Any]:
    sender = employee(w, r.below(w.count(EMPLOYEE))).email
    subject = r.pick(v.MEETINGS)
    if kind == "NOTE":
        return {"title": f"Notes: {subject}", "description": "Discussed next steps and pricing."}
    if kind == "EMAIL":
        detail = {"subject": f"Re: {subject}", "body": "Thanks for your time today.",
                  "from": sender, "to": [to]}  # fmt: skip
        if r.opt(0.3):
            detail["cc"] = [employee(w, r.below(w.count(EMPLOYEE))).email]
        if r.opt(0.2):
            detail["attachment_file_ids"] = w.refs(r, ("storage", "file"), 1)
        return detail
    if kind == "CALL":
        return {"description": f"Call about {subject.lower()}",
                "duration": r.between(60, 3600), "start_at": iso(when)}  # fmt: skip
    if kind == "MEETING":
        return {"title": subject, "description": "Agenda shared in advance.",
                "start_at": iso(when), "end_at": iso(when + 1800 * r.between(1, 4))}  # fmt: skip
    if kind == "TASK":
        return {"name": f"Follow up: {subject}", "description": "Send the proposal.",
                "due_at": iso(when + DAY * r.between(1, 14)),
                "priority": r.pick(("HIGH", "MEDIUM", "LOW")),
                "status": r.pick(("COMPLETED", "NOT_STARTED", "WORK_IN_PROGRESS", "DEFERRED"))}  # fmt: skip
    if kind == "MARKETING_EMAIL":
        topic = r.pick(v.CAMPAIGN_TOPICS)
        return {"name": topic, "subject": f"{topic}: what's new", "body": "Hello from our team!",
                "from": sender, "to": [to], "cc": []}  # fmt: skip
    if kind == "FORM":
        return {"name": r.pick(("Contact us", "Demo request", "Newsletter signup")),
                "redirect_url": "https://www.example.com/thanks",
                "fields": [{"name": "email", "type": "EMAIL", "required": True},
                           {"name": "company_size", "type": "SELECT", "required": False,
                            "options": [{"label": "1-10", "value": "small"},
                                        {"label": "11-200", "value": "medium"},
                                        {"label": "200+", "value": "large"}]}]}  # fmt: skip
    return {"url": f"https://www.example.com/{r.pick(('pricing', 'docs', 'blog', 'features'))}",
            "count": r.between(1, 12), "average": r.between(5, 300)}  # fmt: skip


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
        rec["company_ids"] = [w.id(COMPANY, who.company.index)]
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
    Kind("crm", "contact", per(1), Numeric(8), render=_contact_render,
         search=("name", "emails.email"), search_text=_contact_search),
    Kind("crm", "company", per(10), Numeric(10), _company,
         search_text=lambda w, i: company(w, i).name.lower()),
    Kind("crm", "deal", per(5), Numeric(10), _deal),
    Kind("crm", "lead", per(5), Numeric(9), _lead, search=("name", "emails.email")),
    Kind("crm", "event", per(2), Numeric(11), _event,
         search=("note.title", "email.subject", "meeting.title", "task.name",
                 "marketing_email.subject", "form.name")),
    Kind("crm", "pipeline", fixed(3), Numeric(9), _pipeline),
)  # fmt: skip
