"""Ticketing records: support tickets, the customers who raise them, and notes on them."""

from datetime import datetime

import attrs

from ._base import OpenEnum, Record, register
from .common import Email, Metadata, Telephone

__all__ = [
    "TicketingCustomer",
    "TicketingNote",
    "TicketingTicket",
    "TicketingTicketStatus",
]


class TicketingTicketStatus(OpenEnum):
    """Whether a ticket is open."""

    ACTIVE = "ACTIVE"
    CLOSED = "CLOSED"


@register("ticketing", "ticket")
@attrs.define(kw_only=True)
class TicketingTicket(Record):
    """A support ticket.

    Attributes:
        priority: The provider's priority label (free-form).
        user_id: The agent the ticket is assigned to.
        source: Where the ticket came from (e.g. email, chat); ``source_ref`` is its id there.
    """

    subject: str | None = None
    description: str | None = None
    status: TicketingTicketStatus | str | None = None
    priority: str | None = None
    category_id: str | None = None
    customer_id: str | None = None
    user_id: str | None = None
    due_at: datetime | None = None
    closed_at: datetime | None = None
    tags: list[str] | None = None
    attachment_ids: list[str] | None = None
    source: str | None = None
    source_ref: str | None = None
    url: str | None = None
    metadata: list[Metadata] | None = None


@register("ticketing", "customer")
@attrs.define(kw_only=True)
class TicketingCustomer(Record):
    """A customer of the help desk."""

    name: str | None = None
    emails: list[Email] | None = None
    telephones: list[Telephone] | None = None
    tags: list[str] | None = None
    metadata: list[Metadata] | None = None


@register("ticketing", "note")
@attrs.define(kw_only=True)
class TicketingNote(Record):
    """A note or comment on a ticket.

    Attributes:
        user_id: The agent who wrote it.
    """

    description: str | None = None
    ticket_id: str | None = None
    customer_id: str | None = None
    user_id: str | None = None
    metadata: list[Metadata] | None = None
