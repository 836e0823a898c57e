"""Ticketing: tickets, the customers who raise them, and notes on tickets (Zendesk-like ids).

Note ``n`` is on ticket ``n * tickets // notes``; a ticket's customer is a fixed function of
the ticket, so a note names the same customer as its ticket.
"""

from __future__ import annotations

from typing import Any

from . import _vocab as v
from ._clock import DAY, iso
from ._ids import Numeric
from ._rng import mix
from ._shapes import EMPLOYEE, MetaField, company, email, metadata, organisation, stamps, telephones
from ._world import Kind, World, per

__all__ = ["KINDS"]

TICKET = ("ticketing", "ticket")
CUSTOMER = ("ticketing", "customer")
NOTE = ("ticketing", "note")

_TAGS = ("billing", "login", "bug", "feature-request", "urgent", "vip", "api", "mobile")
_FIELDS = (
    MetaField("product_area", "SINGLE_SELECT", ("Billing", "Account", "API", "Mobile")),
    MetaField("satisfaction", "NUMBER", (1, 2, 3, 4, 5)),
)
_CATEGORIES = ("360001", "360002", "360003", "360004", "360005")


def _customer_of(w: World, ticket: int) -> int:
    return mix(w.salt(TICKET) ^ ticket) % w.count(CUSTOMER)


def _helpdesk(w: World) -> str:
    return f"https://{organisation(w).domain.split('.')[0]}.zendesk.com"


def _ticket(w: World, index: int) -> dict[str, Any]:
    r = w.draw(TICKET, index)
    status = r.cycle(("ACTIVE", "CLOSED"))
    updated = w.updated(TICKET, index)
    rec: dict[str, Any] = {"id": w.id(TICKET, index), **stamps(w, TICKET, r, 60)}
    rec["subject"] = r.pick(v.TICKET_SUBJECTS)
    if r.opt(0.8):
        rec["description"] = f"Hello, {rec['subject'].lower()}. Could you help? Thanks."
    rec["status"] = status
    if r.opt(0.7):
        rec["priority"] = r.pick(("low", "normal", "normal", "high", "urgent"))
    if r.opt(0.5):
        rec["category_id"] = r.pick(_CATEGORIES)
    rec["customer_id"] = w.id(CUSTOMER, _customer_of(w, index))
    if r.opt(0.8):
        rec["user_id"] = w.ref(r, EMPLOYEE)
    if r.opt(0.3):
        rec["due_at"] = iso(updated + r.between(1, 10) * DAY)
    if status == "CLOSED":
        rec["closed_at"] = iso(updated)
    if r.opt(0.5):
        rec["tags"] = r.sample(_TAGS, r.between(1, 3))
    if r.opt(0.2):
        rec["attachment_ids"] = w.refs(r, ("storage", "file"), r.between(1, 2))
    if r.opt(0.5):
        rec["source"] = r.pick(("email", "web", "chat", "phone", "api"))
    if r.opt(0.3):
        rec["source_ref"] = f"<{r.hex(16)}@mail.example.com>"
    if r.opt(0.8):
        rec["url"] = f"{_helpdesk(w)}/agent/tickets/{rec['id']}"
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "ticket", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {
            "id": int(rec["id"]),
            "status": "closed" if status == "CLOSED" else "open",
            "via": {"channel": rec.get("source", "web")},
        }
    return rec


def _customer(w: World, index: int) -> dict[str, Any]:
    r = w.draw(CUSTOMER, index)
    first, last = r.pick(v.FIRST_NAMES), r.pick(v.LAST_NAMES)
    employer = company(w, r.below(w.count(("crm", "company"))))
    rec: dict[str, Any] = {"id": w.id(CUSTOMER, index), **stamps(w, CUSTOMER, r, 900)}
    rec["name"] = f"{first} {last}"
    if r.opt(0.9):
        rec["emails"] = [
            {"email": email(first, last, employer.domain, employer.email_style), "type": "WORK"}
        ]
    if r.opt(0.5):
        rec["telephones"] = telephones(r, employer.city)
    if r.opt(0.3):
        rec["tags"] = r.sample(("vip", "enterprise", "trial", "churned"), 1)
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "customer", _FIELDS[:1])
    if r.opt(0.15):
        rec["raw"] = {"id": int(rec["id"]), "role": "end-user", "organization": employer.name}
    return rec


def _note(w: World, index: int) -> dict[str, Any]:
    r = w.draw(NOTE, index)
    ticket = index * w.count(TICKET) // w.count(NOTE)
    rec: dict[str, Any] = {"id": w.id(NOTE, index), **stamps(w, NOTE, r, 30)}
    rec["description"] = r.pick(
        (
            "Asked the customer for a screenshot.",
            "Escalated to engineering.",
            "Reproduced the issue on staging.",
            "Refund issued.",
            "Waiting for the customer's reply.",
            "Shared the knowledge-base article.",
            "Fix deployed; asked the customer to confirm.",
        )
    )
    rec["ticket_id"] = w.id(TICKET, ticket)
    if r.opt(0.8):
        rec["customer_id"] = w.id(CUSTOMER, _customer_of(w, ticket))
    if r.opt(0.9):
        rec["user_id"] = w.ref(r, EMPLOYEE)
    if r.opt(0.1):
        rec["metadata"] = metadata(w, r, "note", _FIELDS[:1])
    if r.opt(0.15):
        rec["raw"] = {"id": int(rec["id"]), "public": False}
    return rec


KINDS = (
    Kind("ticketing", "ticket", per(4), Numeric(6), _ticket, search=("subject",)),
    Kind("ticketing", "customer", per(10), Numeric(12), _customer, search=("name", "emails.email")),
    Kind("ticketing", "note", per(2), Numeric(12), _note, search=("description",)),
)
