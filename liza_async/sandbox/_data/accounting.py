"""Accounting (Xero-like ids): the chart of accounts, contacts, invoices and bank transactions.

Accounting contact ``j`` is crm company ``j`` (the same customer in both systems) and its
primary person is crm contact ``j``. Invoice lines sell ecommerce items; amounts are exact
to the cent.
"""

from __future__ import annotations

from typing import Any

from . import _vocab as v
from ._clock import DAY, iso, iso_date
from ._contact import contact_identity, contacts_of_company
from ._ids import Uuid
from ._rng import Draw, salt
from ._shapes import (
    EMPLOYEE,
    MetaField,
    address,
    company,
    employee,
    metadata,
    organisation,
    stamps,
    telephones,
)
from ._world import Kind, World, fixed, per
from .ecommerce import item_name, item_price

__all__ = ["KINDS"]

ACCOUNT = ("accounting", "account")
CONTACT = ("accounting", "contact")
INVOICE = ("accounting", "invoice")
TRANSACTION = ("accounting", "transaction")
ITEM = ("ecommerce", "item")

TERMS = (
    "ON_RECEIPT",
    "NET_7",
    "NET_10",
    "NET_15",
    "NET_20",
    "NET_25",
    "NET_30",
    "NET_45",
    "NET_60",
    "NET_90",
    "OTHER",
)
INVOICE_STATUSES = (
    "DRAFT",
    "VOIDED",
    "AUTHORIZED",
    "PAID",
    "PARTIALLY_PAID",
    "PARTIALLY_REFUNDED",
    "REFUNDED",
    "SUBMITTED",
    "DELETED",
    "OVERDUE",
)
_FIELDS = (MetaField("cost_center", "TEXT", ("CC-100", "CC-200", "CC-300")),)
_UUID = Uuid()
_REVENUE = next(n for n, a in enumerate(v.ACCOUNTS) if a[1] == "Sales Revenue")
_BANK = next(n for n, a in enumerate(v.ACCOUNTS) if a[1] == "Checking Account")
_RECEIVABLE = next(n for n, a in enumerate(v.ACCOUNTS) if a[2] == "ACCOUNTS_RECEIVABLE")


def _other_id(w: World, kind: str, index: int) -> str:
    """Return the id of an accounting object the sandbox does not serve (tax rate, term, ...)."""
    found: str | None = w.memo.get(("accounting", kind, index))
    if found is None:
        found = _UUID(salt(w.seed, "accounting", kind), index)
        if index < 64:  # the tax rates, terms and categories every record repeats
            w.memo["accounting", kind, index] = found
    return found


def _money(cents: int) -> float | int:
    return cents // 100 if cents % 100 == 0 else cents / 100


def _account(w: World, index: int) -> dict[str, Any]:
    r = w.draw(ACCOUNT, index)
    code, name, kind = v.ACCOUNTS[index % len(v.ACCOUNTS)]
    rec: dict[str, Any] = {"id": w.id(ACCOUNT, index), **stamps(w, ACCOUNT, r, 1500), "name": name}
    if r.opt(0.4):
        rec["description"] = f"{name} ({kind.replace('_', ' ').lower()})"
    rec["type"] = kind
    rec["status"] = "ARCHIVED" if r.chance(0.05) and index > 1 else "ACTIVE"
    if r.opt(0.7):
        rec["balance"] = _money(r.between(0, 50_000_000))
    rec["currency"] = organisation(w).city.currency
    rec["customer_defined_code"] = code
    if r.opt(0.5):
        rec["is_payable"] = kind in ("ACCOUNTS_PAYABLE", "CREDIT_CARD", "LIABILITY")
    parent = next((n for n, a in enumerate(v.ACCOUNTS) if a[0] == code[:2] + "00"), index)
    if parent != index:
        rec["parent_id"] = w.id(ACCOUNT, parent)
    rec["organization_id"] = _other_id(w, "organization", 0)
    group = (
        "ASSET"
        if code < "2"
        else "LIABILITY"
        if code < "3"
        else "EQUITY"
        if code < "4"
        else ("REVENUE" if code < "5" else "EXPENSE")
    )
    if r.opt(0.5):
        rec["taxonomy"] = [{"type": "CLASSIFICATION", "value": group, "original_type": "Class"}]
    if r.opt(0.2):
        rec["raw"] = {"AccountID": rec["id"], "Code": code, "Class": group}
    return rec


def _contact(w: World, index: int) -> dict[str, Any]:
    r = w.draw(CONTACT, index)
    who = company(w, index)
    primary = contacts_of_company(w, index)[0]
    person = contact_identity(w, primary)
    first, last = v.FIRST_NAMES[person.first], v.LAST_NAMES[person.last]
    supplier = r.chance(0.2)
    rec: dict[str, Any] = {
        "id": w.id(CONTACT, index),
        **stamps(w, CONTACT, r, 900),
        "name": who.name,
    }
    if r.opt(0.6):
        rec |= {"first_name": first, "last_name": last}
    rec["company_name"] = who.legal_name
    if r.opt(0.8):
        rec["emails"] = [{"email": f"billing@{who.domain}", "type": "WORK"}]
    if r.opt(0.6):
        rec["telephones"] = telephones(r, who.city, mobile=0)
    if r.opt(0.8):
        rec["billing_address"] = address(r, who.city)
    if r.opt(0.4):
        rec["shipping_address"] = address(r, who.city)
    rec |= {"is_customer": not supplier, "is_supplier": supplier}
    if r.opt(0.7):
        rec["is_active"] = r.chance(0.95)
    rec["currency"] = who.city.currency
    if r.opt(0.6):
        rec["balance_amount"] = _money(r.between(0, 2_500_000))
    if r.opt(0.5):
        rec["tax_number"] = f"{who.city.country_code}{r.digits(9)}"
    if r.opt(0.2):
        rec["identification"] = r.digits(8)
    if r.opt(0.05):
        rec["tax_exemption"] = r.pick(
            ("CHARITABLE_ORG", "EDUCATIONAL_ORG", "RESALE", "FOREIGN", "OTHER")
        )
    term = r.pick(TERMS)
    if r.opt(0.6):
        rec["payment_terms"] = term
    if r.opt(0.4):
        rec["paymentterm_id"] = _other_id(w, "paymentterm", TERMS.index(term))
    if r.opt(0.4):
        rec["payment_methods"] = [
            {
                "type": r.pick(("ACH", "CARD", "WIRE", "CHECK", "PAYPAL")),
                "id": r.hex(10),
                "name": "Primary",
                "default": True,
            }
        ]
    if person.work_email and r.opt(0.4):
        rec["associated_contacts"] = [
            {
                "id": w.id(("crm", "contact"), primary),
                "name": f"{first} {last}",
                "emails": [{"email": person.work_email, "type": "WORK"}],
            }
        ]
    if r.opt(0.6):
        rec["website"] = f"https://www.{who.domain}"
    if r.opt(0.2):
        rec["portal_url"] = f"https://in.xero.com/{r.hex(20)}"
    if r.opt(0.3):
        rec["notes"] = r.pick(("Prefers email invoices.", "PO number required.", "Net 30 agreed."))
    rec["organization_id"] = _other_id(w, "organization", 0)
    if r.opt(0.15):
        rec["raw"] = {"ContactID": rec["id"], "ContactStatus": "ACTIVE", "IsSupplier": supplier}
    return rec


def _lines(w: World, r: Draw, stamp: dict[str, str]) -> tuple[list[dict[str, Any]], int, int]:
    """Return an invoice's lines with their total and tax in cents."""
    lines, total, taxes = [], 0, 0
    for n in range(r.between(1, 4)):
        item = r.below(w.count(ITEM))
        quantity = r.between(1, 20)
        unit = item_price(item)
        tax = unit * quantity // 10
        line: dict[str, Any] = {
            "id": str(n + 1),
            "item_id": w.id(ITEM, item),
            "item_name": item_name(item),
            "item_sku": f"SKU-{item:06d}",
            "unit_amount": _money(unit),
            "unit_quantity": quantity,
            "total_amount": _money(unit * quantity + tax),
            "tax_amount": _money(tax),
            "taxrate_id": _other_id(w, "taxrate", 0),
            "account_id": w.id(ACCOUNT, _REVENUE),
            **stamp,
        }
        if r.opt(0.2):
            line |= {
                "item_description": f"{item_name(item)}, assorted",
                "notes": "Ships in 3 days",
                "is_billable": True,
                "category_ids": [_other_id(w, "category", 0)],
            }
        lines.append(line)
        total += unit * quantity + tax
        taxes += tax
    return lines, total, taxes


def _invoice(w: World, index: int) -> dict[str, Any]:
    r = w.draw(INVOICE, index)
    customer = r.below(w.count(CONTACT))
    who = company(w, customer)
    status = r.cycle(INVOICE_STATUSES)
    credit = r.chance(0.05) or index == 1
    updated = w.updated(INVOICE, index)
    times = stamps(w, INVOICE, r, 90)
    number = f"{'CN' if credit else 'INV'}-{index + 1:06d}"
    rec: dict[str, Any] = {"id": w.id(INVOICE, index), **times, "invoice_number": number}
    if r.opt(0.5):
        rec["reference"] = f"PO-{r.digits(5)}"
    if r.opt(0.3):
        rec["notes"] = "Thank you for your business."
    if r.opt(0.7):
        rec["url"] = f"https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID={rec['id']}"
    rec["currency"] = who.city.currency
    home = organisation(w).city.currency
    if rec["currency"] != home or r.full:
        rec["exchange_rate"] = round(0.5 + r.below(150) / 100, 2)
    rec["contact_id"] = w.id(CONTACT, customer)
    rec["organization_id"] = _other_id(w, "organization", 0)
    if r.opt(0.1):
        rec["project_id"] = _other_id(w, "project", r.below(5))
    term = r.pick(TERMS[:10])
    if r.opt(0.4):
        rec["paymentterm_id"] = _other_id(w, "paymentterm", TERMS.index(term))
    if r.opt(0.2):
        rec["category_ids"] = [_other_id(w, "category", r.below(4))]
    if r.opt(0.1):
        rec["salesorder_ids"] = [_other_id(w, "salesorder", r.below(10_000))]
    rec["type"] = "CREDITMEMO" if credit else "INVOICE"
    rec["status"] = status
    posted = updated - r.between(1, 60) * DAY
    if status != "DRAFT":
        rec["posted_at"] = iso(posted)
    rec["due_at"] = iso(posted + 30 * DAY)
    lines, total, tax = _lines(w, r, times)
    paid = {
        "PAID": total,
        "PARTIALLY_PAID": total // 2,
        "REFUNDED": total,
        "PARTIALLY_REFUNDED": total,
    }.get(status, 0)
    refund = {"REFUNDED": total, "PARTIALLY_REFUNDED": total // 4}.get(status, 0)
    if paid:
        rec["paid_at"] = iso(updated - r.below(DAY))
    if status in ("VOIDED", "DELETED"):
        rec["cancelled_at"] = iso(updated)
    if refund:
        rec |= {
            "refunded_at": iso(updated),
            "refund_amount": _money(refund),
            "refund_reason": r.pick(("Damaged goods", "Duplicate charge", "Cancelled order")),
        }
    discount = total // 20 if r.opt(0.2) else 0
    rec |= {
        "total_amount": _money(total - discount),
        "sub_total_amount": _money(total - tax),
        "tax_amount": _money(tax),
        "discount_amount": _money(discount),
        "paid_amount": _money(paid),
        "balance_amount": _money(max(0, total - discount - paid)),
    }
    if r.opt(0.5):
        rec["is_inclusive_of_tax"] = False
    if r.opt(0.4):
        rec["send"] = status != "DRAFT"
    if r.opt(0.6):
        rec["payment_terms"] = rec["term"] = term
    if r.opt(0.4):
        rec["payment_collection_method"] = r.pick(("send_invoice", "charge_automatically"))
    rec["lineitems"] = lines
    if paid:
        rec["payments"] = [
            {
                "payment_id": _other_id(w, "payment", index),
                "amount": _money(paid),
                "allocated_at": rec["paid_at"],
            }
        ]
    if r.opt(0.1):
        file_id = w.ref(r, ("storage", "file"))
        rec["attachments"] = [
            {
                "id": file_id,
                "name": f"{number}.pdf",
                "mime_type": "application/pdf",
                "download_url": f"https://drive.example.com/download/{file_id}",
            }
        ]
    if r.opt(0.1):
        author = employee(w, r.below(w.count(EMPLOYEE)))
        rec["extended_notes"] = [
            {
                "note": "Customer asked for a copy by post.",
                "date": iso_date(updated),
                "visibility": "PRIVATE",
                "user": {"id": author.id, "name": author.name},
            }
        ]
    if r.opt(0.1):
        rec["metadata"] = metadata(w, r, "invoice", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {"InvoiceID": rec["id"], "InvoiceNumber": number, "Type": "ACCREC"}
    return rec


def _transaction(w: World, index: int) -> dict[str, Any]:
    r = w.draw(TRANSACTION, index)
    updated = w.updated(TRANSACTION, index)
    customer = r.below(w.count(CONTACT))
    incoming = r.chance(0.6)
    rec: dict[str, Any] = {"id": w.id(TRANSACTION, index), **stamps(w, TRANSACTION, r, 20)}
    rec["transaction_at"] = iso(updated - r.below(5 * DAY))
    if r.opt(0.7):
        rec["memo"] = f"{'Payment from' if incoming else 'Payment to'} {company(w, customer).name}"
    if r.opt(0.5):
        rec["reference"] = f"TX-{r.digits(8)}"
    rec["type"] = r.pick(("RECEIVE", "DEPOSIT")) if incoming else r.pick(("SPEND", "TRANSFER"))
    rec["status"] = r.cycle(("POSTED", "PENDING", "VOID", "OTHER")) if index < 4 else "POSTED"
    net = r.between(1_000, 5_000_000)
    tax = net // 10
    rec |= {
        "total_amount": _money(net + tax),
        "sub_total_amount": _money(net),
        "tax_amount": _money(tax),
    }
    rec["currency"] = organisation(w).city.currency
    if r.opt(0.1):
        rec["exchange_rate"] = 1
    rec["account_id"] = w.id(ACCOUNT, _BANK)
    other = _RECEIVABLE if incoming else r.between(_REVENUE + 1, len(v.ACCOUNTS) - 1)
    if r.opt(0.5):
        rec["split_account_id"] = w.id(ACCOUNT, other)
    rec["contacts"] = [
        {"id": w.id(CONTACT, customer), "is_customer": incoming, "is_supplier": not incoming}
    ]
    if r.opt(0.6):
        rec["lineitems"] = [
            {
                "id": "1",
                "name": rec.get("memo", rec["type"].title()),
                "description": "Bank feed line",
                "account_id": w.id(ACCOUNT, other),
                "total_amount": _money(net + tax),
                "unit_amount": _money(net),
                "unit_quantity": 1,
                "taxrate_id": _other_id(w, "taxrate", 0),
                "category_ids": [_other_id(w, "category", 0)],
                "object_type": "INVOICE" if incoming else "BILL",
            }
        ]
    if r.opt(0.5):
        rec["payment_method"] = r.pick(("ACH", "CARD", "WIRE", "CHECK"))
    if r.opt(0.3):
        rec["payment_terms"] = r.pick(TERMS)
    if r.opt(0.1):
        rec["customer_message"] = "Thanks!"
    if r.opt(0.1):
        rec["project_id"] = _other_id(w, "project", r.below(5))
    rec["organization_id"] = _other_id(w, "organization", 0)
    if r.opt(0.2):
        rec["category_ids"] = [_other_id(w, "category", r.below(4))]
    if r.opt(0.15):
        rec["raw"] = {"BankTransactionID": rec["id"], "IsReconciled": r.chance(0.7)}
    return rec


KINDS = (
    Kind("accounting", "invoice", per(5), _UUID, _invoice, search=("invoice_number", "reference")),
    Kind(
        "accounting",
        "contact",
        per(10),
        _UUID,
        _contact,
        search=("name", "company_name", "emails.email"),
    ),
    Kind("accounting", "account", fixed(len(v.ACCOUNTS)), _UUID, _account),
    Kind("accounting", "transaction", per(2), _UUID, _transaction, search=("memo", "reference")),
)
