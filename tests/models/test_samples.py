"""Hand-written JSON, shaped like the API's, decodes into the expected typed values."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from liza_async._converter import structure, unstructure
from liza_async.models import (
    AccountingAccount,
    AccountingAccountType,
    AccountingContact,
    AccountingFeeType,
    AccountingInvoice,
    AccountingInvoiceStatus,
    AccountingPaymentCollectionMethod,
    AccountingPaymentTerms,
    AccountingTransaction,
    AccountingTransactionStatus,
    Address,
    AtsApplication,
    AtsApplicationStatus,
    AtsCandidate,
    AtsCandidateOrigin,
    AtsCompensationFrequency,
    AtsEmail,
    AtsJob,
    AtsOfferStatus,
    CalendarAttendeeStatus,
    CalendarCalendar,
    CalendarEvent,
    CalendarRecurrenceFrequency,
    CalendarWeekday,
    CrmCompany,
    CrmContact,
    CrmDeal,
    CrmEvent,
    CrmEventType,
    CrmPipeline,
    CrmTaskPriority,
    CrmTaskStatus,
    EcommerceCollection,
    EcommerceCollectionType,
    EcommerceInventory,
    EcommerceItem,
    EcommerceMediaType,
    EcommerceMetadata,
    EcommerceWeightUnit,
    Email,
    EmailType,
    EmploymentType,
    EnrichmentCompany,
    EnrichmentEmail,
    EnrichmentPerson,
    HrEmployee,
    HrEmployeeRole,
    HrGroup,
    HrGroupType,
    HrLocation,
    HrPayFrequency,
    MarketingCampaign,
    MarketingCampaignStatus,
    MarketingMember,
    MarketingMemberStatus,
    MessagingChannel,
    MessagingMessage,
    MetadataFormat,
    Reference,
    StorageFile,
    StorageFileType,
    StorageRole,
    TaskComment,
    TaskStatus,
    TaskTask,
    Telephone,
    TelephoneType,
    TicketingCustomer,
    TicketingNote,
    TicketingTicket,
    TicketingTicketStatus,
)

UTC = timezone.utc


def roundtrips(data: dict[str, Any], cls: type[Any]) -> bool:
    return bool(unstructure(structure(data, cls)) == data)


def test_crm_contact_with_nested_shapes_and_custom_fields() -> None:
    data = {
        "id": "c1",
        "created_at": "2024-05-01T10:00:00Z",
        "updated_at": "2024-05-02T12:30:00+02:00",
        "name": "Ada Lovelace",
        "company": "Analytical Engines",
        "company_ids": ["co1"],
        "emails": [{"email": "ada@example.com", "type": "WORK"}, {"email": "ada@home.example"}],
        "telephones": [{"telephone": "+44 20 7946 0000", "type": "MOBILE"}],
        "address": {"city": "London", "country_code": "GB"},
        "metadata": [{"id": "f1", "slug": "tier", "format": "NUMBER", "value": 3}],
        "raw": {"hs_object_id": 42, "properties": {"firstname": "Ada"}},
    }

    contact = structure(data, CrmContact)

    assert contact.created_at == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert contact.updated_at == datetime(2024, 5, 2, 10, 30, tzinfo=UTC)
    assert contact.updated_at.utcoffset() == timedelta(hours=2)
    assert contact.emails == [
        Email(email="ada@example.com", type=EmailType.WORK),
        Email(email="ada@home.example"),
    ]
    assert contact.telephones == [
        Telephone(telephone="+44 20 7946 0000", type=TelephoneType.MOBILE)
    ]
    assert contact.address == Address(city="London", country_code="GB")
    assert contact.metadata is not None
    assert contact.metadata[0].format is MetadataFormat.NUMBER
    assert contact.metadata[0].value == 3
    assert contact.raw == data["raw"]
    assert contact.extra == {}
    assert roundtrips(data, CrmContact)


def test_crm_company_deal_and_pipeline() -> None:
    company = structure({"name": "Initech", "employees": 250, "is_active": True}, CrmCompany)
    deal = structure(
        {
            "amount": 1250.5,
            "currency": "EUR",
            "closing_at": "2024-07-01T00:00:00Z",
            "pipelines": [{"id": "p1", "name": "Sales"}],
            "stages": [{"id": "s2", "name": "Proposal", "type": "open"}],
        },
        CrmDeal,
    )
    pipeline = structure(
        {"name": "Sales", "stages": [{"id": "s1", "is_closed": False, "deal_probability": 0.2}]},
        CrmPipeline,
    )

    assert company.employees == 250
    assert company.is_active is True
    assert deal.amount == 1250.5
    assert deal.closing_at == datetime(2024, 7, 1, tzinfo=UTC)
    assert deal.pipelines == [Reference(id="p1", name="Sales")]
    assert deal.stages == [Reference(id="s2", name="Proposal", type="open")]
    assert pipeline.stages is not None
    assert pipeline.stages[0].deal_probability == 0.2
    assert pipeline.stages[0].is_closed is False


def test_crm_event_carries_the_sub_object_of_its_type() -> None:
    task = structure(
        {
            "type": "TASK",
            "task": {"name": "Call back", "priority": "HIGH", "status": "NOT_STARTED"},
            "deal_ids": ["d1"],
        },
        CrmEvent,
    )
    form = structure(
        {
            "type": "FORM",
            "form": {
                "name": "Demo request",
                "fields": [{"name": "size", "type": "SINGLE_SELECT", "options": [{"label": "S"}]}],
            },
        },
        CrmEvent,
    )

    assert task.type is CrmEventType.TASK
    assert task.task is not None
    assert task.task.priority is CrmTaskPriority.HIGH
    assert task.task.status is CrmTaskStatus.NOT_STARTED
    assert task.note is None
    assert form.form is not None
    assert form.form.fields is not None
    assert form.form.fields[0].options is not None
    assert form.form.fields[0].options[0].label == "S"


def test_ticketing_ticket_customer_and_note() -> None:
    ticket = structure(
        {"subject": "Broken", "status": "CLOSED", "closed_at": "2024-03-03T03:03:03Z"},
        TicketingTicket,
    )
    customer = structure(
        {"emails": [{"email": "c@example.com", "type": "HOME"}]}, TicketingCustomer
    )
    note = structure({"ticket_id": "t1", "description": "Rebooted"}, TicketingNote)

    assert ticket.status is TicketingTicketStatus.CLOSED
    assert ticket.closed_at == datetime(2024, 3, 3, 3, 3, 3, tzinfo=UTC)
    assert customer.emails == [Email(email="c@example.com", type=EmailType.HOME)]
    assert note.ticket_id == "t1"


def test_calendar_event_keeps_its_dates_as_strings() -> None:
    data = {
        "id": "e1",
        "created_at": "2024-05-01",
        "updated_at": "2024-05-01T09:00:00Z",
        "start_at": "2024-05-10",
        "end_at": "2024-05-11",
        "is_all_day": True,
        "status": "CONFIRMED",
        "organizer": {"email": "boss@example.com", "status": "ACCEPTED"},
        "attendees": [{"email": "a@example.com", "required": False, "status": "DECLINED_LATER"}],
        "recurrence": [
            {"frequency": "WEEKLY", "interval": 2, "on_days": ["MO", "TH"], "week_start": "MO"}
        ],
        "conference": [{"url": "https://meet.example.com/x", "telephone": "+1 555"}],
        "attachments": [{"id": "a1", "name": "agenda.pdf", "mime_type": "application/pdf"}],
    }

    event = structure(data, CalendarEvent)

    assert event.created_at == "2024-05-01"
    assert event.updated_at == "2024-05-01T09:00:00Z"
    assert (event.start_at, event.end_at) == ("2024-05-10", "2024-05-11")
    assert event.organizer is not None
    assert event.organizer.status is CalendarAttendeeStatus.ACCEPTED
    assert event.attendees is not None
    assert event.attendees[0].status == "DECLINED_LATER"
    assert event.recurrence is not None
    rule = event.recurrence[0]
    assert rule.frequency is CalendarRecurrenceFrequency.WEEKLY
    assert rule.on_days == [CalendarWeekday.MO, CalendarWeekday.TH]
    assert rule.week_start is CalendarWeekday.MO
    assert event.attachments is not None
    assert event.attachments[0].mime_type == "application/pdf"
    assert roundtrips(data, CalendarEvent)
    calendar = structure(
        {"created_at": "2024-05-01T00:00:00Z", "is_primary": True}, CalendarCalendar
    )
    assert calendar.created_at == datetime(2024, 5, 1, tzinfo=UTC)


def test_messaging_message_and_channel() -> None:
    message = structure(
        {
            "message": "hi @bob",
            "author_member": {"name": "Alice", "user_id": "u1"},
            "mentioned_members": [{"name": "Bob"}],
            "channels": [{"id": "ch1", "name": "general"}],
            "reactions": [{"reaction": ":+1:", "member": {"user_id": "u2"}}],
            "attachments": [{"filename": "a.png", "size": 2048}],
            "buttons": [{"id": "b1", "text": "OK"}],
        },
        MessagingMessage,
    )
    channel = structure({"is_private": True, "members": [{"email": "a@x.io"}]}, MessagingChannel)

    assert message.author_member is not None
    assert message.author_member.user_id == "u1"
    assert message.channels == [Reference(id="ch1", name="general")]
    assert message.reactions is not None
    assert message.reactions[0].member is not None
    assert message.reactions[0].member.user_id == "u2"
    assert message.attachments is not None
    assert message.attachments[0].size == 2048
    assert channel.members is not None
    assert channel.members[0].email == "a@x.io"


def test_storage_file_with_permissions_and_references() -> None:
    file = structure(
        {
            "name": "report.pdf",
            "type": "FILE",
            "size": 1024,
            "permissions": [{"roles": ["OWNER", "COMMENTER"], "user_id": "u1"}],
            "references": [{"id": "d1", "type": "crm_deal"}],
        },
        StorageFile,
    )

    assert file.type is StorageFileType.FILE
    assert file.permissions is not None
    assert file.permissions[0].roles == [StorageRole.OWNER, "COMMENTER"]
    assert file.references == [Reference(id="d1", type="crm_deal")]


def test_task_task_and_comment() -> None:
    task = structure(
        {"status": "IN_PROGRESS", "due_at": "2024-06-01T17:00:00-05:00", "story_points": 3},
        TaskTask,
    )
    comment = structure({"text": "done?", "task_id": "t1", "user_name": "Eve"}, TaskComment)

    assert task.status is TaskStatus.IN_PROGRESS
    assert task.due_at == datetime(2024, 6, 1, 22, tzinfo=UTC)
    assert task.story_points == 3
    assert comment.user_name == "Eve"


def test_ats_candidate_application_and_job() -> None:
    candidate = structure(
        {
            "origin": "REFERRED",
            "emails": [{"email": "cand@example.com", "name": "Cand", "type": "OTHER"}],
            "education": [{"institution": "MIT", "start_at": "2010-09-01T00:00:00Z"}],
        },
        AtsCandidate,
    )
    application = structure(
        {
            "status": "FIRST_INTERVIEW",
            "answers": [{"question_id": "q1", "answers": ["yes"]}],
            "offers": [{"status": "SENT", "compensation": [{"min": 50000, "frequency": "YEAR"}]}],
        },
        AtsApplication,
    )
    job = structure(
        {
            "employment_type": "FULL_TIME",
            "groups": [{"name": "Eng", "type": "DEPARTMENT"}],
            "questions": [{"id": "q1", "question": "Visa?", "type": "YES_NO"}],
        },
        AtsJob,
    )

    assert candidate.origin is AtsCandidateOrigin.REFERRED
    assert candidate.emails == [
        AtsEmail(email="cand@example.com", name="Cand", type=EmailType.OTHER)
    ]
    assert candidate.education is not None
    assert candidate.education[0].start_at == datetime(2010, 9, 1, tzinfo=UTC)
    assert application.status is AtsApplicationStatus.FIRST_INTERVIEW
    assert application.offers is not None
    offer = application.offers[0]
    assert offer.status is AtsOfferStatus.SENT
    assert offer.compensation is not None
    assert offer.compensation[0].frequency is AtsCompensationFrequency.YEAR
    assert job.employment_type is EmploymentType.FULL_TIME
    assert job.questions == [{"id": "q1", "question": "Visa?", "type": "YES_NO"}]


def test_accounting_invoice_with_line_items() -> None:
    data = {
        "invoice_number": "INV-7",
        "status": "PARTIALLY_PAID",
        "payment_terms": "NET_30",
        "payment_collection_method": "send_invoice",
        "total_amount": 119,
        "due_at": "2024-08-31T00:00:00Z",
        "lineitems": [
            {
                "item_name": "Widget",
                "unit_amount": 99.5,
                "unit_quantity": 1,
                "fees": [{"amount": 19.5, "type": "TAX"}],
                "locations": [{"id": "l1", "name": "Main"}],
            }
        ],
        "payments": [{"payment_id": "p1", "amount": 50, "allocated_at": "2024-08-01T00:00:00Z"}],
        "extended_notes": [{"note": "thanks", "visibility": "PUBLIC", "user": {"id": "u1"}}],
    }

    invoice = structure(data, AccountingInvoice)

    assert invoice.status is AccountingInvoiceStatus.PARTIALLY_PAID
    assert invoice.payment_terms is AccountingPaymentTerms.NET_30
    assert invoice.payment_collection_method is AccountingPaymentCollectionMethod.SEND_INVOICE
    assert invoice.total_amount == 119
    assert invoice.lineitems is not None
    line = invoice.lineitems[0]
    assert line.unit_amount == 99.5
    assert line.fees is not None
    assert line.fees[0].type is AccountingFeeType.TAX
    assert line.locations == [Reference(id="l1", name="Main")]
    assert invoice.payments is not None
    assert invoice.payments[0].allocated_at == datetime(2024, 8, 1, tzinfo=UTC)
    assert invoice.extended_notes is not None
    assert invoice.extended_notes[0].user == Reference(id="u1")
    assert roundtrips(data, AccountingInvoice)


def test_accounting_contact_account_and_transaction() -> None:
    contact = structure(
        {
            "is_customer": True,
            "billing_address": {"city": "Paris"},
            "payment_methods": [{"type": "CARD", "default": True}],
        },
        AccountingContact,
    )
    account = structure({"type": "BANK", "balance": -12.5}, AccountingAccount)
    transaction = structure(
        {"status": "POSTED", "contacts": [{"id": "c1", "is_supplier": True}]},
        AccountingTransaction,
    )

    assert contact.billing_address == Address(city="Paris")
    assert contact.payment_methods is not None
    assert contact.payment_methods[0].default is True
    assert account.type is AccountingAccountType.BANK
    assert account.balance == -12.5
    assert transaction.status is AccountingTransactionStatus.POSTED
    assert transaction.contacts is not None
    assert transaction.contacts[0].is_supplier is True


def test_ecommerce_item_collection_and_inventory() -> None:
    item = structure(
        {
            "prices": [{"price": 9.99, "currency": "USD"}],
            "media": [{"url": "https://img.example/1.png", "type": "image", "width": 640}],
            "weight_unit": "kg",
            "collections": [{"id": "col1", "name": "Summer"}],
            "metadata": [{"slug": "color", "is_required": True, "description": "Main colour"}],
        },
        EcommerceItem,
    )
    collection = structure({"name": "Sale", "type": "SAVED_SEARCH"}, EcommerceCollection)
    inventory = structure(
        {"item_id": "i1", "available": 7, "updated_at": "2024-01-01T00:00:00Z"}, EcommerceInventory
    )

    assert item.prices is not None
    assert item.prices[0].price == 9.99
    assert item.media is not None
    assert item.media[0].type is EcommerceMediaType.IMAGE
    assert item.weight_unit is EcommerceWeightUnit.KG
    assert item.metadata == [
        EcommerceMetadata(slug="color", is_required=True, description="Main colour")
    ]
    assert collection.type is EcommerceCollectionType.SAVED_SEARCH
    assert inventory.available == 7
    assert inventory.created_at is None


def test_hr_employee_embeds_groups_and_locations() -> None:
    employee = structure(
        {
            "employment_type": "CONTRACTOR",
            "employee_roles": ["MANAGER", "ROBOT"],
            "pay_frequency": "BIWEEKLY",
            "hired_at": "2020-02-02T00:00:00Z",
            "compensation": [{"amount": 5000, "frequency": "MONTH", "type": "SALARY"}],
            "groups": [{"id": "g1", "type": "PAY_GROUP", "created_at": "2019-01-01T00:00:00Z"}],
            "locations": [{"id": "l1", "is_hq": True, "address": {"city": "Berlin"}}],
            "ssn_sin": "123-45-6789",
        },
        HrEmployee,
    )

    assert employee.employment_type is EmploymentType.CONTRACTOR
    assert employee.employee_roles == [HrEmployeeRole.MANAGER, "ROBOT"]
    assert employee.pay_frequency is HrPayFrequency.BIWEEKLY
    assert employee.compensation is not None
    assert employee.compensation[0].frequency is HrPayFrequency.MONTH
    assert employee.groups is not None
    group = employee.groups[0]
    assert isinstance(group, HrGroup)
    assert group.type is HrGroupType.PAY_GROUP
    assert group.created_at == datetime(2019, 1, 1, tzinfo=UTC)
    assert employee.locations is not None
    assert isinstance(employee.locations[0], HrLocation)
    assert employee.locations[0].address == Address(city="Berlin")
    assert "123-45-6789" not in repr(employee)


def test_enrichment_person_and_company() -> None:
    person = structure(
        {
            "emails": [{"email": "p@example.com", "is_verified": True}],
            "birthdate": "1990-04",
            "utc_offset": -5,
            "work_histories": [{"title": "CTO", "start_at": "2018-01-01T00:00:00Z"}],
        },
        EnrichmentPerson,
    )
    company = structure({"employees": "51-200", "year_founded": 1999}, EnrichmentCompany)

    assert person.emails == [EnrichmentEmail(email="p@example.com", is_verified=True)]
    assert person.birthdate == "1990-04"
    assert person.work_histories is not None
    assert person.work_histories[0].start_at == datetime(2018, 1, 1, tzinfo=UTC)
    assert company.employees == "51-200"
    assert company.year_founded == 1999


def test_marketing_member_and_campaign() -> None:
    member = structure({"status": "CLEANED", "list_ids": ["l1", "l2"]}, MarketingMember)
    campaign = structure(
        {"status": "SCHEDULED", "send_at": "2024-12-24T18:00:00+01:00"}, MarketingCampaign
    )

    assert member.status is MarketingMemberStatus.CLEANED
    assert member.list_ids == ["l1", "l2"]
    assert campaign.status is MarketingCampaignStatus.SCHEDULED
    assert campaign.send_at == datetime(2024, 12, 24, 17, tzinfo=UTC)


def test_unknown_fields_are_kept_in_extra_at_every_level_and_written_back() -> None:
    data = {
        "id": "j1",
        "brand_new_field": {"nested": [1, 2]},
        "postings": [{"id": "p1", "board": "indeed"}],
        "compensation": [{"min": 1, "equity_percent": 0.5}],
    }

    job = structure(data, AtsJob)

    assert job.extra == {"brand_new_field": {"nested": [1, 2]}}
    assert job.postings is not None
    assert job.postings[0].extra == {"board": "indeed"}
    assert job.compensation is not None
    assert job.compensation[0].extra == {"equity_percent": 0.5}
    assert unstructure(job) == data
    assert job.fields["brand_new_field"] == {"nested": [1, 2]}
    assert job.fields["id"] == "j1"


def test_a_field_named_after_a_python_keyword_keeps_its_wire_name() -> None:
    data = {
        "type": "MARKETING_EMAIL",
        "marketing_email": {"name": "Spring", "from": "news@example.com", "to": ["a@x.io"]},
        "email": {"subject": "Re: quote", "from": "ada@example.com", "cc": []},
    }

    event = structure(data, CrmEvent)

    assert event.email is not None
    assert event.email.from_ == "ada@example.com"
    assert event.email.extra == {}
    assert event.marketing_email is not None
    assert event.marketing_email.from_ == "news@example.com"
    assert unstructure(event) == data
