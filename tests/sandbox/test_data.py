"""The sandbox's data generator, tested directly (no server): shapes, determinism, filters."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any

import pytest

from liza_async.sandbox._data import INTEGRATIONS, OBJECT_TYPES, DataPage, Dataset

# The specification: reference/unified-model.md §2, one set of top-level wire names per type.
FIELDS: Mapping[tuple[str, str], str] = {
    ("crm", "contact"): "id created_at updated_at name first_name last_name title department "
    "image_url company company_ids deal_ids emails telephones address link_urls user_id "
    "metadata raw",
    ("crm", "company"): "id created_at updated_at name description industry timezone employees "
    "is_active domains websites link_urls tags emails telephones address contact_ids deal_ids "
    "user_id metadata raw",
    ("crm", "deal"): "id created_at updated_at name description amount currency probability "
    "closing_at closed_at source lost_reason won_reason tags pipelines stages contact_ids "
    "company_ids user_id metadata raw",
    ("crm", "lead"): "id created_at updated_at name first_name last_name title company_name "
    "company_id contact_id creator_user_id user_id status source is_active emails telephones "
    "address link_urls metadata raw",
    ("crm", "event"): "id created_at updated_at type note email call meeting task marketing_email "
    "form page_view contact_ids company_ids deal_ids lead_ids user_id metadata raw",
    ("crm", "pipeline"): "id created_at updated_at name is_active display_order deal_probability "
    "stages metadata raw",
    ("ticketing", "ticket"): "id created_at updated_at subject description status priority "
    "category_id customer_id user_id due_at closed_at tags attachment_ids source source_ref url "
    "metadata raw",
    ("ticketing", "customer"): "id created_at updated_at name emails telephones tags metadata raw",
    ("ticketing", "note"): "id created_at updated_at description ticket_id customer_id user_id "
    "metadata raw",
    ("calendar", "event"): "id created_at updated_at subject notes location timezone web_url "
    "start_at end_at calendar_id recurring_event_id matter_id room_ids is_all_day is_free "
    "is_private has_conference send_notifications status organizer attendees conference "
    "attachments recurrence metadata raw",
    ("calendar", "calendar"): "id created_at updated_at name description timezone is_primary "
    "metadata raw",
    ("messaging", "message"): "id created_at updated_at subject web_url reference message "
    "message_html message_markdown author_member destination_members mentioned_members "
    "hidden_members channels parent_id message_thread_identifier has_children is_unread "
    "attachments reactions buttons metadata raw",
    ("messaging", "channel"): "id created_at updated_at name description web_url is_private "
    "is_active has_subchannels parent_id members metadata raw",
    ("storage", "file"): "id created_at updated_at name description type mime_type size hash "
    "version parent_id user_id web_url download_url data tags permissions references metadata raw",
    ("task", "task"): "id created_at updated_at name notes status priority type project_id "
    "parent_id has_children assigned_user_ids follower_user_ids creator_user_id group_ids due_at "
    "start_at end_at completed_at tags attachment_ids url progress story_points time_spent "
    "time_spent_unit metadata raw",
    ("task", "project"): "id created_at updated_at name description parent_id has_children "
    "has_tasks user_ids group_ids metadata raw",
    ("task", "comment"): "id created_at updated_at text task_id parent_id has_children user_id "
    "user_name metadata raw",
    ("ats", "candidate"): "id created_at updated_at name first_name last_name title summary "
    "image_url web_url company_name company_id date_of_birth emails telephones address link_urls "
    "origin sources skills tags job_ids user_id user_ids external_identifier education "
    "experiences metadata raw",
    ("ats", "application"): "id created_at updated_at candidate_id job_id status original_status "
    "original_substatus applied_at hired_at rejected_at rejected_reason source summary user_id "
    "answers offers metadata raw",
    ("ats", "job"): "id created_at updated_at name description summary status employment_type "
    "remote addresses compensation groups hiring_manager_ids recruiter_ids hiring_managers "
    "number_of_openings openings postings public_job_urls questions skills industry "
    "language_locale minimum_degree minimum_experience_years company_id user_id closed_at "
    "metadata raw",
    ("accounting", "invoice"): "id created_at updated_at invoice_number reference notes url "
    "currency exchange_rate contact_id organization_id project_id paymentterm_id category_ids "
    "salesorder_ids type status posted_at due_at paid_at cancelled_at refunded_at total_amount "
    "sub_total_amount tax_amount discount_amount paid_amount balance_amount refund_amount "
    "refund_reason is_inclusive_of_tax send payment_terms term payment_collection_method "
    "lineitems payments attachments extended_notes metadata raw",
    ("accounting", "contact"): "id created_at updated_at name first_name last_name company_name "
    "emails telephones billing_address shipping_address is_customer is_supplier is_active currency "
    "balance_amount tax_number identification tax_exemption payment_terms paymentterm_id "
    "payment_methods associated_contacts website portal_url notes organization_id raw",
    ("accounting", "account"): "id created_at updated_at name description type status balance "
    "currency customer_defined_code is_payable parent_id organization_id taxonomy raw",
    ("accounting", "transaction"): "id created_at updated_at transaction_at memo reference type "
    "status total_amount sub_total_amount tax_amount currency exchange_rate account_id "
    "split_account_id contacts lineitems payment_method payment_terms customer_message project_id "
    "organization_id category_ids raw",
    ("ecommerce", "item"): "id created_at updated_at name public_name description "
    "public_description slug type vendor_name global_code is_active is_featured is_visible "
    "is_taxable requires_shipping prices media collections tags total_stock weight weight_unit "
    "duration inventory_id location_id taxrate_id account_id metadata raw",
    ("ecommerce", "collection"): "id created_at updated_at name description public_name "
    "public_description type parent_id is_active is_featured is_visible media tags item_metadata "
    "metadata raw",
    ("ecommerce", "inventory"): "id item_id item_variant_id item_option_id location_id available "
    "updated_at raw",
    ("hr", "employee"): "id created_at updated_at name first_name last_name title bio salutation "
    "pronouns image_url emails telephones address employee_number company_id manager_id job_id "
    "employment_status employment_type employee_roles gender marital_status date_of_birth "
    "hired_at terminated_at termination_reason timezone language_locale currency pay_frequency "
    "flsa_status compensation groups locations relationships ssn_sin has_mfa "
    "storage_quota_allocated storage_quota_available storage_quota_used timeoff_days_total "
    "timeoff_days_used metadata raw",
    ("hr", "group"): "id created_at updated_at name description parent_id company_id is_active "
    "type manager_ids user_ids pay_frequency next_paid_at metadata raw",
    ("hr", "location"): "id created_at updated_at name description address telephones timezone "
    "currency language_locale is_active is_hq parent_id company_id external_identifier raw",
    ("hr", "company"): "id created_at updated_at name legal_name address metadata raw",
    ("enrichment", "person"): "id created_at updated_at name first_name last_name title bio "
    "gender birthdate company company_domain emails telephones address image_url timezone "
    "utc_offset linkedin_url twitter_url twitter_handle github_url github_username facebook_url "
    "work_histories raw",
    ("enrichment", "company"): "id created_at updated_at name domain description industry "
    "employees revenue year_founded naics_code sic_code stock exchange alexa_rank logo_url "
    "linkedin_url twitter_url twitter_handle facebook_url instagram_url crunchbase_url yelp_url "
    "youtube_url telephones address raw",
    ("marketing", "list"): "id created_at updated_at name description is_active user_id "
    "sender_name sender_email sender_phone sender_company subject language address start_at "
    "end_at metadata raw",
    ("marketing", "member"): "id created_at updated_at name first_name last_name company emails "
    "list_ids status tags metadata raw",
    ("marketing", "campaign"): "id created_at updated_at name subject_line preview_text from_name "
    "from_email reply_to_email list_ids send_at type status raw",
}

# What `query` matches, per type (the sandbox's documented choice: name-like and email fields).
SEARCH: Mapping[tuple[str, str], tuple[str, ...]] = {
    ("crm", "contact"): ("name", "emails.email"),
    ("crm", "lead"): ("name", "emails.email"),
    ("crm", "event"): (
        "note.title",
        "email.subject",
        "meeting.title",
        "task.name",
        "marketing_email.subject",
        "form.name",
    ),
    ("ticketing", "ticket"): ("subject",),
    ("ticketing", "customer"): ("name", "emails.email"),
    ("ticketing", "note"): ("description",),
    ("calendar", "event"): ("subject",),
    ("messaging", "message"): ("subject", "message", "author_member.email", "author_member.name"),
    ("task", "comment"): ("text",),
    ("ats", "candidate"): ("name", "emails.email"),
    ("ats", "application"): ("summary",),
    ("accounting", "invoice"): ("invoice_number", "reference"),
    ("accounting", "contact"): ("name", "company_name", "emails.email"),
    ("accounting", "transaction"): ("memo", "reference"),
    ("ecommerce", "inventory"): ("id", "item_id"),
    ("hr", "employee"): ("name", "emails.email"),
    ("hr", "company"): ("name", "legal_name"),
    ("enrichment", "person"): ("name", "emails.email"),
    ("enrichment", "company"): ("name", "domain"),
    ("marketing", "member"): ("name", "emails.email"),
    ("marketing", "campaign"): ("name", "subject_line"),
}
DEFAULT_SEARCH = ("name",)

# (category, type, dotted path to an id or list of ids, the type it references)
REFERENCES = [
    ("crm", "contact", "company_ids", ("crm", "company")),
    ("crm", "contact", "deal_ids", ("crm", "deal")),
    ("crm", "contact", "user_id", ("hr", "employee")),
    ("crm", "company", "contact_ids", ("crm", "contact")),
    ("crm", "company", "deal_ids", ("crm", "deal")),
    ("crm", "company", "user_id", ("hr", "employee")),
    ("crm", "deal", "contact_ids", ("crm", "contact")),
    ("crm", "deal", "company_ids", ("crm", "company")),
    ("crm", "deal", "pipelines.id", ("crm", "pipeline")),
    ("crm", "deal", "user_id", ("hr", "employee")),
    ("crm", "lead", "company_id", ("crm", "company")),
    ("crm", "lead", "contact_id", ("crm", "contact")),
    ("crm", "lead", "creator_user_id", ("hr", "employee")),
    ("crm", "event", "contact_ids", ("crm", "contact")),
    ("crm", "event", "company_ids", ("crm", "company")),
    ("crm", "event", "deal_ids", ("crm", "deal")),
    ("crm", "event", "lead_ids", ("crm", "lead")),
    ("crm", "event", "email.attachment_file_ids", ("storage", "file")),
    ("ticketing", "ticket", "customer_id", ("ticketing", "customer")),
    ("ticketing", "ticket", "user_id", ("hr", "employee")),
    ("ticketing", "ticket", "attachment_ids", ("storage", "file")),
    ("ticketing", "note", "ticket_id", ("ticketing", "ticket")),
    ("ticketing", "note", "customer_id", ("ticketing", "customer")),
    ("calendar", "event", "calendar_id", ("calendar", "calendar")),
    ("calendar", "event", "recurring_event_id", ("calendar", "event")),
    ("calendar", "event", "organizer.user_id", ("hr", "employee")),
    ("calendar", "event", "attendees.user_id", ("hr", "employee")),
    ("calendar", "event", "attachments.id", ("storage", "file")),
    ("messaging", "message", "channels.id", ("messaging", "channel")),
    ("messaging", "message", "parent_id", ("messaging", "message")),
    ("messaging", "message", "author_member.user_id", ("hr", "employee")),
    ("messaging", "channel", "parent_id", ("messaging", "channel")),
    ("messaging", "channel", "members.user_id", ("hr", "employee")),
    ("storage", "file", "parent_id", ("storage", "file")),
    ("storage", "file", "user_id", ("hr", "employee")),
    ("storage", "file", "permissions.group_id", ("hr", "group")),
    ("storage", "file", "references.id", ("crm", "deal")),
    ("task", "task", "project_id", ("task", "project")),
    ("task", "task", "parent_id", ("task", "task")),
    ("task", "task", "assigned_user_ids", ("hr", "employee")),
    ("task", "task", "group_ids", ("hr", "group")),
    ("task", "project", "parent_id", ("task", "project")),
    ("task", "project", "user_ids", ("hr", "employee")),
    ("task", "comment", "task_id", ("task", "task")),
    ("task", "comment", "parent_id", ("task", "comment")),
    ("task", "comment", "user_id", ("hr", "employee")),
    ("ats", "candidate", "job_ids", ("ats", "job")),
    ("ats", "candidate", "company_id", ("hr", "company")),
    ("ats", "candidate", "user_ids", ("hr", "employee")),
    ("ats", "application", "candidate_id", ("ats", "candidate")),
    ("ats", "application", "job_id", ("ats", "job")),
    ("ats", "application", "offers.employee_user_id", ("hr", "employee")),
    ("ats", "job", "hiring_manager_ids", ("hr", "employee")),
    ("ats", "job", "recruiter_ids", ("hr", "employee")),
    ("ats", "job", "groups.id", ("hr", "group")),
    ("ats", "job", "openings.application_id", ("ats", "application")),
    ("ats", "job", "company_id", ("hr", "company")),
    ("accounting", "invoice", "contact_id", ("accounting", "contact")),
    ("accounting", "invoice", "lineitems.item_id", ("ecommerce", "item")),
    ("accounting", "invoice", "lineitems.account_id", ("accounting", "account")),
    ("accounting", "invoice", "attachments.id", ("storage", "file")),
    ("accounting", "invoice", "extended_notes.user.id", ("hr", "employee")),
    ("accounting", "contact", "associated_contacts.id", ("crm", "contact")),
    ("accounting", "account", "parent_id", ("accounting", "account")),
    ("accounting", "transaction", "account_id", ("accounting", "account")),
    ("accounting", "transaction", "split_account_id", ("accounting", "account")),
    ("accounting", "transaction", "contacts.id", ("accounting", "contact")),
    ("ecommerce", "item", "collections.id", ("ecommerce", "collection")),
    ("ecommerce", "item", "inventory_id", ("ecommerce", "inventory")),
    ("ecommerce", "item", "location_id", ("hr", "location")),
    ("ecommerce", "item", "account_id", ("accounting", "account")),
    ("ecommerce", "collection", "parent_id", ("ecommerce", "collection")),
    ("ecommerce", "inventory", "item_id", ("ecommerce", "item")),
    ("ecommerce", "inventory", "location_id", ("hr", "location")),
    ("hr", "employee", "company_id", ("hr", "company")),
    ("hr", "employee", "manager_id", ("hr", "employee")),
    ("hr", "employee", "job_id", ("ats", "job")),
    ("hr", "employee", "groups.id", ("hr", "group")),
    ("hr", "employee", "locations.id", ("hr", "location")),
    ("hr", "employee", "compensation.group_id", ("hr", "group")),
    ("hr", "group", "parent_id", ("hr", "group")),
    ("hr", "group", "company_id", ("hr", "company")),
    ("hr", "group", "manager_ids", ("hr", "employee")),
    ("hr", "group", "user_ids", ("hr", "employee")),
    ("hr", "location", "parent_id", ("hr", "location")),
    ("hr", "location", "company_id", ("hr", "company")),
    ("enrichment", "person", "work_histories.company_id", ("enrichment", "company")),
    ("marketing", "list", "user_id", ("hr", "employee")),
    ("marketing", "member", "list_ids", ("marketing", "list")),
    ("marketing", "campaign", "list_ids", ("marketing", "list")),
]

KINDS = [(category, name) for category, names in OBJECT_TYPES.items() for name in names]
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PHONE = re.compile(r"^\+\d{8,15}$")
ADDRESS_KEYS = {
    "address1",
    "address2",
    "city",
    "region",
    "region_code",
    "postal_code",
    "country",
    "country_code",
}
METADATA_FORMATS = {
    "TEXT",
    "NUMBER",
    "DATE",
    "BOOLEAN",
    "FILE",
    "TEXTAREA",
    "SINGLE_SELECT",
    "MULTIPLE_SELECT",
    "MEASUREMENT",
    "PRICE",
    "YES_NO",
    "CURRENCY",
    "URL",
}
CATEGORIES = {
    "crm",
    "ticketing",
    "calendar",
    "messaging",
    "storage",
    "task",
    "ats",
    "accounting",
    "ecommerce",
    "hr",
    "enrichment",
    "marketing",
}


@cache
def small(seed: int = 0, records: int = 300) -> Dataset:
    return Dataset(seed=seed, records=records)


@cache
def everything(seed: int = 0, records: int = 300) -> Mapping[tuple[str, str], list[dict[str, Any]]]:
    ds = small(seed, records)
    return {kind: [ds.record(*kind, i) for i in range(ds.count(*kind))] for kind in KINDS}


def values(value: Any, path: list[str]) -> Iterator[Any]:
    """Everything at a dotted path, stepping into lists of objects."""
    if isinstance(value, list):
        for item in value:
            yield from values(item, path)
    elif not path:
        yield value
    elif isinstance(value, dict) and path[0] in value:
        yield from values(value[path[0]], path[1:])


def ids_at(record: Mapping[str, Any], path: str) -> list[str]:
    found: list[str] = []
    for value in values(record, path.split(".")):
        found.extend(value if isinstance(value, list) else [value])
    return found


def searchable(kind: tuple[str, str], record: Mapping[str, Any]) -> list[str]:
    return [
        text.lower()
        for field in SEARCH.get(kind, DEFAULT_SEARCH)
        for text in values(record, field.split("."))
        if isinstance(text, str)
    ]


def matches(kind: tuple[str, str], record: Mapping[str, Any], query: str) -> bool:
    return any(query.lower() in text for text in searchable(kind, record))


def page_records(page: DataPage) -> list[dict[str, Any]]:
    records = json.loads(page.body)
    assert isinstance(records, list)
    assert len(records) == page.count
    return records


# --- the catalogue of types ---


def test_object_types_are_the_briefs() -> None:
    assert set(OBJECT_TYPES) == CATEGORIES
    assert set(KINDS) == set(FIELDS)


def test_records_must_be_positive() -> None:
    with pytest.raises(ValueError, match="records"):
        Dataset(records=0)


def test_record_index_out_of_range() -> None:
    ds = small()
    with pytest.raises(IndexError):
        ds.record("crm", "contact", ds.count("crm", "contact"))


# The documented sizes (Dataset's docstring): one record per `divisor` contacts, at least
# `minimum`; a divisor of 0 is a fixed count.
SIZES: Mapping[tuple[str, str], tuple[int, int]] = {
    ("crm", "contact"): (1, 1),
    ("crm", "company"): (10, 1),
    ("crm", "deal"): (5, 1),
    ("crm", "lead"): (5, 1),
    ("crm", "event"): (2, 1),
    ("crm", "pipeline"): (0, 3),
    ("ticketing", "ticket"): (4, 1),
    ("ticketing", "customer"): (10, 1),
    ("ticketing", "note"): (2, 1),
    ("calendar", "event"): (4, 1),
    ("calendar", "calendar"): (100, 5),
    ("messaging", "message"): (2, 1),
    ("messaging", "channel"): (500, 12),
    ("storage", "file"): (5, 1),
    ("task", "task"): (4, 1),
    ("task", "project"): (200, 3),
    ("task", "comment"): (2, 1),
    ("ats", "candidate"): (5, 1),
    ("ats", "application"): (4, 1),
    ("ats", "job"): (200, 5),
    ("accounting", "invoice"): (5, 1),
    ("accounting", "contact"): (10, 1),
    ("accounting", "account"): (0, 32),
    ("accounting", "transaction"): (2, 1),
    ("ecommerce", "item"): (10, 1),
    ("ecommerce", "collection"): (1000, 5),
    ("ecommerce", "inventory"): (5, 1),
    ("hr", "employee"): (20, 10),
    ("hr", "group"): (1000, 5),
    ("hr", "location"): (5000, 3),
    ("hr", "company"): (0, 3),
    ("enrichment", "person"): (1, 1),
    ("enrichment", "company"): (10, 1),
    ("marketing", "list"): (10_000, 3),
    ("marketing", "member"): (1, 1),
    ("marketing", "campaign"): (100, 5),
}


@pytest.mark.parametrize("records", [1, 7, 1000, 123_457])
def test_sizes_are_the_documented_ones(records: int) -> None:
    ds = Dataset(records=records)
    for kind, (divisor, minimum) in SIZES.items():
        assert ds.count(*kind) == max(minimum, records // divisor if divisor else 0), kind


# --- shapes ---


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("kind", KINDS, ids="/".join)
def test_first_fifty_records_show_exactly_the_reference_fields(
    kind: tuple[str, str], seed: int
) -> None:
    records = everything(seed)[kind][:50]
    seen = {key for record in records for key in record}
    assert seen == set(FIELDS[kind].split())


@pytest.mark.parametrize("kind", KINDS, ids="/".join)
def test_common_shapes(kind: tuple[str, str]) -> None:
    for record in everything()[kind]:
        assert isinstance(record["id"], str)
        assert record["id"]
        assert all(value is not None for value in record.values()), "absent fields are omitted"
        assert record.get("metadata", [None]), "no empty custom field lists"
        for field in ("created_at", "updated_at"):
            if field in record:
                assert TIMESTAMP.match(record[field]), (field, record[field])
        if "created_at" in record:
            assert record["created_at"] <= record["updated_at"]
        for email in values(record, ["emails"]):
            assert "@" in email["email"]
            assert set(email) <= {"email", "type", "name", "is_verified"}
            assert email.get("type", "WORK") in {"WORK", "HOME", "OTHER"}
        for phone in values(record, ["telephones"]):
            assert PHONE.match(phone["telephone"]), phone
            assert phone.get("type", "WORK") in {"WORK", "HOME", "OTHER", "FAX", "MOBILE"}
        for field in ("address", "billing_address", "shipping_address", "addresses"):
            for address in values(record, [field]):
                assert set(address) <= ADDRESS_KEYS
                assert {"city", "country_code"} <= set(address)
        for item in values(record, ["metadata"]):
            assert set(item) <= {"id", "slug", "namespace", "format", "value", "extra_data"}
            assert item["format"] in METADATA_FORMATS
            if item["format"] in ("NUMBER", "CURRENCY", "PRICE"):
                assert isinstance(item["value"], (int, float))
            if item["format"] in ("BOOLEAN", "YES_NO"):
                assert isinstance(item["value"], bool)
            if item["format"] == "MULTIPLE_SELECT":
                assert isinstance(item["value"], list)
            if item["format"] == "DATE":
                assert DATE.match(item["value"])
        if "raw" in record:
            assert isinstance(record["raw"], dict)


def test_calendar_event_times_are_dates_for_all_day_events() -> None:
    events = everything()[("calendar", "event")]
    assert any(e["is_all_day"] for e in events)
    for event in events:
        pattern = DATE if event["is_all_day"] else TIMESTAMP
        assert pattern.match(event["start_at"])
        assert pattern.match(event["end_at"])
        assert event["start_at"] < event["end_at"]


def test_enums_use_the_listed_values() -> None:
    records = everything()
    assert {r["status"] for r in records[("ticketing", "ticket")]} == {"ACTIVE", "CLOSED"}
    assert {r["type"] for r in records[("storage", "file")]} == {"FILE", "FOLDER"}
    statuses = {r["status"] for r in records[("ats", "application")]}
    assert len(statuses) == 14
    assert {r["status"] for r in records[("marketing", "member")]} <= {
        "SUBSCRIBED",
        "UNSUBSCRIBED",
        "CLEANED",
        "PENDING",
        "TRANSACTIONAL",
    }
    types = {r["type"] for r in records[("crm", "event")]}
    assert len(types) == 8  # NOTE EMAIL TASK MEETING CALL MARKETING_EMAIL FORM PAGE_VIEW
    for event in records[("crm", "event")]:
        assert event["type"].lower() in event


def test_money_adds_up() -> None:
    for invoice in everything()[("accounting", "invoice")]:
        lines = sum(round(line["total_amount"] * 100) for line in invoice["lineitems"])
        total = round(invoice["total_amount"] * 100) + round(invoice["discount_amount"] * 100)
        assert lines == total
        sub_and_tax = round(invoice["sub_total_amount"] * 100) + round(invoice["tax_amount"] * 100)
        assert sub_and_tax == lines


def test_inventory_has_no_created_at() -> None:
    assert not any("created_at" in r for r in everything()[("ecommerce", "inventory")])


# --- ids and relations ---


@pytest.mark.parametrize("kind", KINDS, ids="/".join)
def test_ids_are_unique_per_type(kind: tuple[str, str]) -> None:
    records = everything()[kind]
    assert len({r["id"] for r in records}) == len(records)


def test_related_ids_resolve() -> None:
    records = everything()
    ids = {kind: {r["id"] for r in records[kind]} for kind in KINDS}
    for category, name, path, target in REFERENCES:
        found = [i for record in records[(category, name)] for i in ids_at(record, path)]
        assert found, f"{category}/{name}.{path} never set"
        unknown = set(found) - ids[target]
        assert not unknown, f"{category}/{name}.{path} -> {target}: {sorted(unknown)[:3]}"


def test_relations_agree_both_ways() -> None:
    records = everything()
    by_id = {kind: {r["id"]: r for r in records[kind]} for kind in KINDS}
    contacts, companies = by_id[("crm", "contact")], by_id[("crm", "company")]
    for contact in contacts.values():
        for company_id in contact.get("company_ids", ()):
            company = companies[company_id]
            assert contact["company"] == company["name"]
            assert (
                contact["address"] == company["address"]
                if "address" in contact and "address" in company
                else True
            )
    for company in companies.values():
        for contact_id in company.get("contact_ids", ()):
            assert contacts[contact_id].get("company_ids", [company["id"]]) == [company["id"]]
    for deal in records[("crm", "deal")]:
        (contact_id,) = deal["contact_ids"]
        assert contacts[contact_id]["deal_ids"] == [deal["id"]]
    tickets = by_id[("ticketing", "ticket")]
    for note in records[("ticketing", "note")]:
        if "customer_id" in note:
            assert note["customer_id"] == tickets[note["ticket_id"]]["customer_id"]
    applications = records[("ats", "application")]
    for candidate in records[("ats", "candidate")]:
        mine = [a["job_id"] for a in applications if a["candidate_id"] == candidate["id"]]
        assert candidate.get("job_ids", []) == mine
    groups, locations = by_id[("hr", "group")], by_id[("hr", "location")]
    for employee in records[("hr", "employee")]:
        for group in employee.get("groups", ()):
            assert group == groups[group["id"]]
        for location in employee.get("locations", ()):
            assert location == locations[location["id"]]
    files = by_id[("storage", "file")]
    for file in files.values():
        if "parent_id" in file:
            assert files[file["parent_id"]]["type"] == "FOLDER"
    items = by_id[("ecommerce", "item")]
    for invoice in records[("accounting", "invoice")]:
        for line in invoice["lineitems"]:
            assert line["item_name"] == items[line["item_id"]]["name"]


# --- determinism ---


def _fingerprint(seed: int, records: int) -> str:
    ds = Dataset(seed=seed, records=records)
    digest = hashlib.sha256()
    for kind in KINDS:
        digest.update(ds.page(*kind, offset=0, limit=100).body)
        digest.update(ds.page(*kind, offset=ds.count(*kind) - 1, limit=1).body)
    return digest.hexdigest()


def test_same_seed_same_json_in_another_process() -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from tests.sandbox.test_data import _fingerprint; print(_fingerprint(42, 2000))"
    )
    root = str(__import__("pathlib").Path(__file__).resolve().parents[2])
    other = subprocess.run(
        [sys.executable, "-c", code, root],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    assert other.stdout.strip() == _fingerprint(42, 2000)


@pytest.mark.parametrize("kind", KINDS, ids="/".join)
def test_same_seed_same_records_different_seed_different(kind: tuple[str, str]) -> None:
    first, again, other = Dataset(seed=5), Dataset(seed=5), Dataset(seed=6)
    body = first.page(*kind, offset=0, limit=50).body
    assert again.page(*kind, offset=0, limit=50).body == body
    assert other.page(*kind, offset=0, limit=50).body != body
    last = first.count(*kind) - 1
    assert first.record(*kind, last) == again.record(*kind, last)


# --- pages and filters ---


@pytest.mark.parametrize("kind", KINDS, ids="/".join)
def test_page_body_is_the_records(kind: tuple[str, str]) -> None:
    ds = small()
    count = ds.count(*kind)
    for offset, limit in ((0, 1), (0, 100), (count // 2, 7), (max(0, count - 3), 10)):
        page = ds.page(*kind, offset=offset, limit=limit)
        expected = [ds.record(*kind, i) for i in range(offset, min(count, offset + limit))]
        assert page_records(page) == expected
        assert page.total == count


def test_a_page_past_the_end_is_empty() -> None:
    ds = small()
    page = ds.page("crm", "contact", offset=10_000, limit=10)
    assert (page.body, page.count, page.total) == (b"[]", 0, ds.count("crm", "contact"))


def test_record_is_a_fresh_dict() -> None:
    ds = small()
    record = ds.record("crm", "contact", 4)
    record["name"] = "changed"
    assert ds.record("crm", "contact", 4)["name"] != "changed"


@pytest.mark.parametrize("kind", KINDS, ids="/".join)
def test_updated_at_never_decreases(kind: tuple[str, str]) -> None:
    stamps = [r["updated_at"] for r in everything()[kind]]
    assert stamps == sorted(stamps)


def _brute_force(
    kind: tuple[str, str], query: str | None, since: datetime | None
) -> list[dict[str, Any]]:
    return [
        record
        for record in everything()[kind]
        if (query is None or matches(kind, record, query))
        and (since is None or datetime.fromisoformat(record["updated_at"][:-1] + "+00:00") >= since)
    ]


def _queries(kind: tuple[str, str]) -> list[str]:
    """Queries that hit: a piece of a few records' searchable text, in other letter cases."""
    records = everything()[kind]
    picked = [searchable(kind, records[i]) for i in (0, len(records) // 3, len(records) - 1)]
    texts = [t for texts in picked for t in texts[:2]]
    queries = [t[1:6].upper() for t in texts if len(t) > 6] + [
        t.split("@")[-1] for t in texts if "@" in t
    ]
    return [*queries, "zzz-no-such-text", "A"]


@pytest.mark.parametrize("kind", KINDS, ids="/".join)
def test_query_and_updated_gte_agree_with_brute_force(kind: tuple[str, str]) -> None:
    ds = small()
    records = everything()[kind]
    middle = datetime.fromisoformat(records[len(records) // 2]["updated_at"][:-1] + "+00:00")
    moments = [
        None,
        middle,
        middle + timedelta(microseconds=1),
        middle.astimezone(timezone(timedelta(hours=5))),
    ]
    for query in [None, *_queries(kind)]:
        for since in moments:
            expected = _brute_force(kind, query, since)
            first = ds.page(*kind, offset=0, limit=100, query=query, updated_gte=since)
            assert page_records(first) == expected[:100]
            assert first.total == len(expected)
            later = ds.page(*kind, offset=2, limit=3, query=query, updated_gte=since)
            assert page_records(later) == expected[2:5]


def test_updated_gte_before_and_after_everything() -> None:
    ds = small()
    count = ds.count("crm", "deal")
    early = datetime(2000, 1, 1, tzinfo=timezone.utc)
    late = datetime(2100, 1, 1, tzinfo=timezone.utc)
    assert ds.page("crm", "deal", offset=0, limit=5, updated_gte=early).total == count
    assert ds.page("crm", "deal", offset=0, limit=5, updated_gte=late).total == 0


def test_cheap_search_text_agrees_with_records() -> None:
    ds = Dataset(seed=3, records=3000)
    for kind in (("crm", "contact"), ("crm", "company"), ("marketing", "member")):
        for query in ("gmail", "ann", ".io", "SMITH"):
            expected = [
                i for i in range(ds.count(*kind)) if matches(kind, ds.record(*kind, i), query)
            ]
            page = ds.page(*kind, offset=0, limit=100, query=query)
            assert page.total == len(expected), (kind, query)
            assert page_records(page) == [ds.record(*kind, i) for i in expected[:100]]


def test_a_million_records_page_near_the_end() -> None:
    ds = Dataset(seed=9, records=1_000_000)
    assert ds.count("crm", "contact") == 1_000_000
    page = ds.page("crm", "contact", offset=999_950, limit=100)
    records = page_records(page)
    assert page.count == 50
    assert page.total == 1_000_000
    assert records == [ds.record("crm", "contact", i) for i in range(999_950, 1_000_000)]
    last = datetime.fromisoformat(records[-1]["updated_at"][:-1] + "+00:00")
    recent = ds.page("crm", "contact", offset=0, limit=100, updated_gte=last)
    assert page_records(recent)[-1] == records[-1]
    assert recent.total == sum(1 for r in records if r["updated_at"] >= records[-1]["updated_at"])
    events = ds.page("crm", "event", offset=ds.count("crm", "event") - 10, limit=100)
    assert (
        page_records(events)[-1]["id"]
        == ds.record("crm", "event", ds.count("crm", "event") - 1)["id"]
    )


# --- enrichment ---


def test_person_lookup_by_email_linkedin_and_name() -> None:
    ds = small()
    for index in (0, 7, 150):
        contact = ds.record("crm", "contact", index)
        person = ds.record("enrichment", "person", index)
        assert person["name"] == contact["name"]
        assert [e["email"] for e in person["emails"]] == [e["email"] for e in contact["emails"]]
        email = contact["emails"][0]["email"]
        assert ds.lookup("enrichment", "person", {"email": email.upper()}) is not None
        found = ds.lookup("enrichment", "person", {"email": email})
        assert found is not None
        assert email in [e["email"] for e in found["emails"]]
        by_link = ds.lookup("enrichment", "person", {"linkedin_url": person["linkedin_url"] + "/"})
        assert by_link == person
        by_name = ds.lookup("enrichment", "person", {"name": contact["name"].lower()})
        assert by_name is not None
        assert by_name["name"] == contact["name"]
        if "company" in contact:
            wanted = {"name": contact["name"], "company_name": contact["company"]}
            found = ds.lookup("enrichment", "person", wanted)
            assert found is not None
            assert found["company"] == contact["company"]


def test_person_lookup_misses() -> None:
    ds = small()
    contact = ds.record("crm", "contact", 3)
    email = contact["emails"][0]["email"]
    assert ds.lookup("enrichment", "person", {"email": "nobody@nowhere.example"}) is None
    assert ds.lookup("enrichment", "person", {"email": email, "name": "Someone Else"}) is None
    assert (
        ds.lookup("enrichment", "person", {"linkedin_url": "https://www.linkedin.com/in/x-zz"})
        is None
    )
    assert ds.lookup("enrichment", "person", {"company_name": "Acme"}) is None
    assert ds.lookup("enrichment", "person", {}) is None
    with pytest.raises(ValueError, match="enrichment"):
        ds.lookup("crm", "contact", {"email": email})


def test_company_lookup_by_domain_and_name() -> None:
    ds = small()
    for index in (0, 11, ds.count("crm", "company") - 1):
        crm = ds.record("crm", "company", index)
        enriched = ds.record("enrichment", "company", index)
        assert enriched["name"] == crm["name"]
        assert (
            ds.lookup("enrichment", "company", {"domain": enriched["domain"].upper()}) == enriched
        )
        assert ds.lookup("enrichment", "company", {"name": crm["name"]}) == enriched
        both = {"name": crm["name"], "domain": enriched["domain"]}
        assert ds.lookup("enrichment", "company", both) == enriched
    assert ds.lookup("enrichment", "company", {"domain": "no-such-company.example"}) is None
    mismatch = {"domain": ds.record("enrichment", "company", 0)["domain"], "name": "Other"}
    assert ds.lookup("enrichment", "company", mismatch) is None


# --- the integration catalogue ---


def test_catalogue() -> None:
    assert len(INTEGRATIONS) >= 20
    types = [entry["type"] for entry in INTEGRATIONS]
    assert len(set(types)) == len(types)
    for wanted in (
        "hubspot",
        "salesforce",
        "pipedrive",
        "zendesk",
        "jira",
        "googlecalendar",
        "microsoftoutlook",
        "slack",
        "microsoftteams",
        "googledrive",
        "dropbox",
        "asana",
        "greenhouse",
        "lever",
        "quickbooks",
        "xero",
        "shopify",
        "bamboohr",
        "mailchimp",
        "clearbit",
    ):
        assert wanted in types
    assert {c for entry in INTEGRATIONS for c in entry["categories"]} == CATEGORIES
    for entry in INTEGRATIONS:
        json.dumps(entry)
        assert isinstance(entry["name"], str)
        assert set(entry["categories"]) <= CATEGORIES
        for field in (
            "description",
            "logo_url",
            "web_url",
            "api_docs_url",
            "rate_limit_description",
        ):
            assert isinstance(entry[field], str)
        for field in ("is_active", "beta", "featured"):
            assert isinstance(entry[field], bool)
        assert re.match(r"^#[0-9a-f]{6}$", entry["color"])
        assert re.match(r"^#[0-9a-f]{6}$", entry["text_color"])
        assert isinstance(entry["popularity"], int)
        assert DATE.match(entry["created_at"])
        assert DATE.match(entry["updated_at"])
        served = {f"{c}_{t}" for c in entry["categories"] for t in OBJECT_TYPES[c]}
        assert set(entry["support"]) == served
        for support in entry["support"].values():
            assert support["methods"]["list"] is True
            flags = {k: s for k, s in support.items() if k.startswith(("list_", "search_"))}
            assert flags
            assert set(flags.values()) <= {"supported", "supported-required", "not-supported"}
    assert any(entry.get("token_names") for entry in INTEGRATIONS)
