"""CRM records: contacts, companies, deals, leads, activities (events) and pipelines."""

from datetime import datetime

import attrs

from ._base import Model, OpenEnum, Record, register
from .common import Address, Email, Metadata, Reference, Telephone

__all__ = [
    "CrmCompany",
    "CrmContact",
    "CrmDeal",
    "CrmEvent",
    "CrmEventCall",
    "CrmEventEmail",
    "CrmEventForm",
    "CrmEventMarketingEmail",
    "CrmEventMeeting",
    "CrmEventNote",
    "CrmEventPageView",
    "CrmEventTask",
    "CrmEventType",
    "CrmFormField",
    "CrmFormFieldOption",
    "CrmFormFieldType",
    "CrmLead",
    "CrmPipeline",
    "CrmStage",
    "CrmTaskPriority",
    "CrmTaskStatus",
]


@register("crm", "contact")
@attrs.define(kw_only=True)
class CrmContact(Record):
    """A person in the CRM.

    Attributes:
        company: The name of the contact's company (``company_ids`` hold the ids).
        link_urls: Profile and website links (LinkedIn, ...).
        user_id: The owner: an HR employee id.
    """

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    department: str | None = None
    image_url: str | None = None
    company: str | None = None
    company_ids: list[str] | None = None
    deal_ids: list[str] | None = None
    emails: list[Email] | None = None
    telephones: list[Telephone] | None = None
    address: Address | None = None
    link_urls: list[str] | None = None
    user_id: str | None = None
    metadata: list[Metadata] | None = None


@register("crm", "company")
@attrs.define(kw_only=True)
class CrmCompany(Record):
    """An organisation in the CRM.

    Attributes:
        employees: The head count (a JSON number).
        user_id: The owner: an HR employee id.
    """

    name: str | None = None
    description: str | None = None
    industry: str | None = None
    timezone: str | None = None
    employees: float | None = None
    is_active: bool | None = None
    domains: list[str] | None = None
    websites: list[str] | None = None
    link_urls: list[str] | None = None
    tags: list[str] | None = None
    emails: list[Email] | None = None
    telephones: list[Telephone] | None = None
    address: Address | None = None
    contact_ids: list[str] | None = None
    deal_ids: list[str] | None = None
    user_id: str | None = None
    metadata: list[Metadata] | None = None


@register("crm", "deal")
@attrs.define(kw_only=True)
class CrmDeal(Record):
    """A sales opportunity.

    Attributes:
        currency: A 3-letter ISO 4217 code.
        closing_at: The expected close; ``closed_at`` is the actual one.
        pipelines: The pipelines the deal is in (there is no singular ``pipeline`` field).
        stages: The stages the deal is at (there is no singular ``stage`` field).
    """

    name: str | None = None
    description: str | None = None
    amount: float | None = None
    currency: str | None = None
    probability: float | None = None
    closing_at: datetime | None = None
    closed_at: datetime | None = None
    source: str | None = None
    lost_reason: str | None = None
    won_reason: str | None = None
    tags: list[str] | None = None
    pipelines: list[Reference] | None = None
    stages: list[Reference] | None = None
    contact_ids: list[str] | None = None
    company_ids: list[str] | None = None
    user_id: str | None = None
    metadata: list[Metadata] | None = None


@register("crm", "lead")
@attrs.define(kw_only=True)
class CrmLead(Record):
    """A prospect not yet qualified into a contact or a deal.

    Attributes:
        status: The provider's lead status (free-form).
        creator_user_id: Who created the lead; ``user_id`` is its owner.
    """

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    company_name: str | None = None
    company_id: str | None = None
    contact_id: str | None = None
    creator_user_id: str | None = None
    user_id: str | None = None
    status: str | None = None
    source: str | None = None
    is_active: bool | None = None
    emails: list[Email] | None = None
    telephones: list[Telephone] | None = None
    address: Address | None = None
    link_urls: list[str] | None = None
    metadata: list[Metadata] | None = None


class CrmEventType(OpenEnum):
    """The kind of a CRM activity; it names the sub-object that is set."""

    NOTE = "NOTE"
    EMAIL = "EMAIL"
    TASK = "TASK"
    MEETING = "MEETING"
    CALL = "CALL"
    MARKETING_EMAIL = "MARKETING_EMAIL"
    FORM = "FORM"
    PAGE_VIEW = "PAGE_VIEW"


class CrmTaskPriority(OpenEnum):
    """The priority of a CRM task activity."""

    HIGH = "HIGH"
    MEDIUM = "MEDIUM"
    LOW = "LOW"


class CrmTaskStatus(OpenEnum):
    """The status of a CRM task activity."""

    COMPLETED = "COMPLETED"
    NOT_STARTED = "NOT_STARTED"
    WORK_IN_PROGRESS = "WORK_IN_PROGRESS"
    DEFERRED = "DEFERRED"


class CrmFormFieldType(OpenEnum):
    """The input type of a form field."""

    TEXT = "TEXT"
    NUMBER = "NUMBER"
    DATE = "DATE"
    BOOLEAN = "BOOLEAN"
    MULTIPLE_CHOICE = "MULTIPLE_CHOICE"
    FILE = "FILE"
    TEXTAREA = "TEXTAREA"
    SINGLE_SELECT = "SINGLE_SELECT"
    MULTIPLE_SELECT = "MULTIPLE_SELECT"
    EMAIL = "EMAIL"
    PHONE = "PHONE"
    YES_NO = "YES_NO"
    CURRENCY = "CURRENCY"
    URL = "URL"


@attrs.define(kw_only=True)
class CrmEventNote(Model):
    """The note of a ``NOTE`` activity."""

    title: str | None = None
    description: str | None = None


@attrs.define(kw_only=True)
class CrmEventEmail(Model):
    """The email of an ``EMAIL`` activity.

    Attributes:
        from_: The sender; ``"from"`` on the wire (a Python keyword).
    """

    subject: str | None = None
    body: str | None = None
    from_: str | None = None
    to: list[str] | None = None
    cc: list[str] | None = None
    attachment_file_ids: list[str] | None = None


@attrs.define(kw_only=True)
class CrmEventCall(Model):
    """The call of a ``CALL`` activity.

    Attributes:
        duration: The call's length, as the provider counts it.
    """

    description: str | None = None
    duration: float | None = None
    start_at: datetime | None = None


@attrs.define(kw_only=True)
class CrmEventMeeting(Model):
    """The meeting of a ``MEETING`` activity."""

    title: str | None = None
    description: str | None = None
    start_at: datetime | None = None
    end_at: datetime | None = None


@attrs.define(kw_only=True)
class CrmEventTask(Model):
    """The task of a ``TASK`` activity."""

    name: str | None = None
    description: str | None = None
    due_at: datetime | None = None
    priority: CrmTaskPriority | str | None = None
    status: CrmTaskStatus | str | None = None


@attrs.define(kw_only=True)
class CrmEventMarketingEmail(Model):
    """The email of a ``MARKETING_EMAIL`` activity.

    Attributes:
        from_: The sender; ``"from"`` on the wire (a Python keyword).
    """

    name: str | None = None
    subject: str | None = None
    body: str | None = None
    from_: str | None = None
    to: list[str] | None = None
    cc: list[str] | None = None


@attrs.define(kw_only=True)
class CrmFormFieldOption(Model):
    """A choice offered by a form field."""

    label: str | None = None
    value: str | None = None


@attrs.define(kw_only=True)
class CrmFormField(Model):
    """A field of a form."""

    name: str | None = None
    type: CrmFormFieldType | str | None = None
    required: bool | None = None
    options: list[CrmFormFieldOption] | None = None


@attrs.define(kw_only=True)
class CrmEventForm(Model):
    """The form of a ``FORM`` activity (a form submission)."""

    name: str | None = None
    redirect_url: str | None = None
    archived_at: datetime | None = None
    fields: list[CrmFormField] | None = None


@attrs.define(kw_only=True)
class CrmEventPageView(Model):
    """The page of a ``PAGE_VIEW`` activity.

    Attributes:
        count: How many times the page was viewed.
        average: The average time spent on it.
    """

    url: str | None = None
    count: float | None = None
    average: float | None = None


@register("crm", "event")
@attrs.define(kw_only=True)
class CrmEvent(Record):
    """An activity logged in the CRM: a note, email, call, meeting, task, form or page view.

    Attributes:
        type: The kind of activity; the sub-object of the same name carries its details.
    """

    type: CrmEventType | str | None = None
    note: CrmEventNote | None = None
    email: CrmEventEmail | None = None
    call: CrmEventCall | None = None
    meeting: CrmEventMeeting | None = None
    task: CrmEventTask | None = None
    marketing_email: CrmEventMarketingEmail | None = None
    form: CrmEventForm | None = None
    page_view: CrmEventPageView | None = None
    contact_ids: list[str] | None = None
    company_ids: list[str] | None = None
    deal_ids: list[str] | None = None
    lead_ids: list[str] | None = None
    user_id: str | None = None
    metadata: list[Metadata] | None = None


@attrs.define(kw_only=True)
class CrmStage(Model):
    """A stage of a pipeline.

    Attributes:
        active: Whether the stage is in use.
        is_closed: Whether a deal at this stage is closed (won or lost).
    """

    id: str | None = None
    name: str | None = None
    active: bool | None = None
    is_closed: bool | None = None
    deal_probability: float | None = None
    display_order: float | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@register("crm", "pipeline")
@attrs.define(kw_only=True)
class CrmPipeline(Record):
    """A sales pipeline and its stages.

    Attributes:
        deal_probability: The default probability of winning a deal in this pipeline.
    """

    name: str | None = None
    is_active: bool | None = None
    display_order: float | None = None
    deal_probability: float | None = None
    stages: list[CrmStage] | None = None
    metadata: list[Metadata] | None = None
