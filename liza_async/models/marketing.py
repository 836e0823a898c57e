"""Marketing records: mailing lists, their members, and campaigns sent to them."""

from datetime import datetime

import attrs

from ._base import OpenEnum, Record, register
from .common import Address, Email, Metadata

__all__ = [
    "MarketingCampaign",
    "MarketingCampaignStatus",
    "MarketingList",
    "MarketingMember",
    "MarketingMemberStatus",
]


@register("marketing", "list")
@attrs.define(kw_only=True)
class MarketingList(Record):
    """A mailing list (an audience).

    Attributes:
        sender_name: The default sender of mail to the list, with ``sender_email``,
            ``sender_phone`` and ``sender_company``.
        subject: The default subject line.
        address: The sender's postal address (required by anti-spam law in many countries).
    """

    name: str | None = None
    description: str | None = None
    is_active: bool | None = None
    user_id: str | None = None
    sender_name: str | None = None
    sender_email: str | None = None
    sender_phone: str | None = None
    sender_company: str | None = None
    subject: str | None = None
    language: str | None = None
    address: Address | None = None
    start_at: datetime | None = None
    end_at: datetime | None = None
    metadata: list[Metadata] | None = None


class MarketingMemberStatus(OpenEnum):
    """Whether a member receives a list's mail."""

    SUBSCRIBED = "SUBSCRIBED"
    UNSUBSCRIBED = "UNSUBSCRIBED"
    CLEANED = "CLEANED"
    PENDING = "PENDING"
    TRANSACTIONAL = "TRANSACTIONAL"


@register("marketing", "member")
@attrs.define(kw_only=True)
class MarketingMember(Record):
    """A subscriber of one or more lists.

    Attributes:
        company: The name of the member's company.
        status: ``CLEANED`` means the address bounced and was removed.
    """

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    company: str | None = None
    emails: list[Email] | None = None
    list_ids: list[str] | None = None
    status: MarketingMemberStatus | str | None = None
    tags: list[str] | None = None
    metadata: list[Metadata] | None = None


class MarketingCampaignStatus(OpenEnum):
    """Where a campaign stands."""

    DRAFT = "DRAFT"
    SCHEDULED = "SCHEDULED"
    SENDING = "SENDING"
    SENT = "SENT"
    CANCELLED = "CANCELLED"
    PAUSED = "PAUSED"
    ARCHIVED = "ARCHIVED"
    OTHER = "OTHER"


@register("marketing", "campaign")
@attrs.define(kw_only=True)
class MarketingCampaign(Record):
    """An email campaign sent to lists.

    Attributes:
        preview_text: The text mail clients show after the subject line.
        send_at: When the campaign is (or was) sent.
        type: The provider's kind of campaign (free-form).
    """

    name: str | None = None
    subject_line: str | None = None
    preview_text: str | None = None
    from_name: str | None = None
    from_email: str | None = None
    reply_to_email: str | None = None
    list_ids: list[str] | None = None
    send_at: datetime | None = None
    type: str | None = None
    status: MarketingCampaignStatus | str | None = None
