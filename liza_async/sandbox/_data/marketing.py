"""Marketing (Unified's ``martech``): audience lists, their members and email campaigns.

Member ``i`` is crm contact ``i`` subscribed to list ``i % lists`` (Mailchimp-like ids).
"""

from __future__ import annotations

from typing import Any

from . import _vocab as v
from ._clock import DAY, iso
from ._contact import contact_identity
from ._ids import HEX, Token
from ._shapes import EMPLOYEE, MetaField, address, employee, metadata, organisation, phone, stamps
from ._world import Kind, World, per

__all__ = ["KINDS"]

LIST = ("marketing", "list")
MEMBER = ("marketing", "member")
CAMPAIGN = ("marketing", "campaign")

_LISTS = (
    "Newsletter",
    "Customers",
    "Product updates",
    "Event attendees",
    "Beta testers",
    "Webinar leads",
)
_STATUSES = ("SUBSCRIBED", "UNSUBSCRIBED", "CLEANED", "PENDING", "TRANSACTIONAL")
_CAMPAIGN_STATUSES = (
    "DRAFT",
    "SCHEDULED",
    "SENDING",
    "SENT",
    "CANCELLED",
    "PAUSED",
    "ARCHIVED",
    "OTHER",
)
_FIELDS = (
    MetaField("signup_source", "SINGLE_SELECT", ("website", "event", "import", "api")),
    MetaField("birthday", "DATE"),
)


def _list_name(index: int) -> str:
    name = _LISTS[index % len(_LISTS)]
    return f"{name} {index // len(_LISTS) + 1}" if index >= len(_LISTS) else name


def _member_search(w: World, index: int) -> str:
    who = contact_identity(w, index)
    email = who.work_email or who.personal_email or ""
    return f"{v.FIRST_NAMES[who.first]} {v.LAST_NAMES[who.last]}".lower() + "\0" + email


def _list(w: World, index: int) -> dict[str, Any]:
    r = w.draw(LIST, index)
    org = organisation(w)
    updated = w.updated(LIST, index)
    rec: dict[str, Any] = {
        "id": w.id(LIST, index),
        **stamps(w, LIST, r, 1200),
        "name": _list_name(index),
    }
    if r.opt(0.5):
        rec["description"] = f"Everyone who signed up for {rec['name'].lower()}."
    rec["is_active"] = True
    if r.opt(0.6):
        rec["user_id"] = w.ref(r, EMPLOYEE)
    if r.opt(0.7):
        rec |= {"sender_name": org.name, "sender_email": f"news@{org.domain}"}
    if r.opt(0.3):
        rec["sender_phone"] = phone(r, org.city)
    if r.opt(0.5):
        rec["sender_company"] = org.legal_name
    if r.opt(0.4):
        rec["subject"] = f"News from {org.name}"
    if r.opt(0.4):
        rec["language"] = org.city.locale.split("-")[0]
    if r.opt(0.5):
        rec["address"] = address(r, org.city)
    if r.opt(0.2):
        rec |= {"start_at": iso(updated - 300 * DAY), "end_at": iso(updated + 300 * DAY)}
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "list", _FIELDS[:1])
    if r.opt(0.15):
        rec["raw"] = {"id": rec["id"], "web_id": r.between(10_000, 99_999), "visibility": "pub"}
    return rec


def _member(w: World, index: int) -> dict[str, Any]:
    r = w.draw(MEMBER, index)
    who = contact_identity(w, index)
    first, last = v.FIRST_NAMES[who.first], v.LAST_NAMES[who.last]
    rec: dict[str, Any] = {"id": w.id(MEMBER, index), **stamps(w, MEMBER, r, 600)}
    rec |= {"name": f"{first} {last}", "first_name": first, "last_name": last}
    if who.company is not None and r.opt(0.7):
        rec["company"] = who.company.name
    address = who.work_email or who.personal_email
    rec["emails"] = [{"email": address, "type": "WORK" if address == who.work_email else "HOME"}]
    lists = w.count(LIST)
    rec["list_ids"] = [w.id(LIST, index % lists)]
    if lists > 1 and r.opt(0.3):
        rec["list_ids"].append(w.id(LIST, (index + 1) % lists))
    rec["status"] = r.cycle(_STATUSES) if index < len(_STATUSES) or r.chance(0.2) else "SUBSCRIBED"
    if r.opt(0.3):
        rec["tags"] = r.sample(("customer", "prospect", "vip", "webinar"), r.between(1, 2))
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "member", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {"id": rec["id"], "email_type": "html", "member_rating": r.between(1, 5)}
    return rec


def _campaign(w: World, index: int) -> dict[str, Any]:
    r = w.draw(CAMPAIGN, index)
    org = organisation(w)
    sender = employee(w, r.below(w.count(EMPLOYEE)))
    updated = w.updated(CAMPAIGN, index)
    topic = r.pick(v.CAMPAIGN_TOPICS)
    status = r.cycle(_CAMPAIGN_STATUSES)
    rec: dict[str, Any] = {"id": w.id(CAMPAIGN, index), **stamps(w, CAMPAIGN, r, 60)}
    rec["name"] = f"{topic} {iso(updated)[:7]}"
    if r.opt(0.9):
        rec["subject_line"] = f"{topic} from {org.name}"
    if r.opt(0.5):
        rec["preview_text"] = "Here's what's new this month."
    if r.opt(0.8):
        rec |= {"from_name": f"{sender.first_name} at {org.name}", "from_email": sender.email}
    if r.opt(0.5):
        rec["reply_to_email"] = f"hello@{org.domain}"
    rec["list_ids"] = w.refs(r, LIST, r.between(1, 2))
    if status in ("SCHEDULED", "SENDING", "SENT") or r.full:
        rec["send_at"] = iso(updated + (DAY if status == "SCHEDULED" else 0))
    if r.opt(0.6):
        rec["type"] = r.pick(("regular", "plaintext", "automation", "rss"))
    rec["status"] = status
    if r.opt(0.15):
        rec["raw"] = {
            "id": rec["id"],
            "web_id": r.between(10_000, 99_999),
            "emails_sent": r.between(0, 50_000),
        }
    return rec


KINDS = (
    Kind("marketing", "list", per(10_000, 3), Token(HEX, 10), _list),
    Kind(
        "marketing",
        "member",
        per(1),
        Token(HEX, 32),
        _member,
        search=("name", "emails.email"),
        search_text=_member_search,
    ),
    Kind(
        "marketing",
        "campaign",
        per(100, 5),
        Token(HEX, 10),
        _campaign,
        search=("name", "subject_line"),
    ),
)
