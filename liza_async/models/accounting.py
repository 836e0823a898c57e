"""Accounting records: invoices, contacts (customers and suppliers), accounts and transactions."""

from datetime import datetime

import attrs

from ._base import Model, OpenEnum, Record, register
from .common import Address, Attachment, Email, Metadata, Reference, Telephone

__all__ = [
    "AccountingAccount",
    "AccountingAccountStatus",
    "AccountingAccountType",
    "AccountingAssociatedContact",
    "AccountingContact",
    "AccountingExtendedNote",
    "AccountingFee",
    "AccountingFeeType",
    "AccountingInvoice",
    "AccountingInvoicePayment",
    "AccountingInvoiceStatus",
    "AccountingInvoiceType",
    "AccountingLineItem",
    "AccountingNoteVisibility",
    "AccountingPaymentCollectionMethod",
    "AccountingPaymentMethod",
    "AccountingPaymentMethodType",
    "AccountingPaymentTerms",
    "AccountingTaxExemption",
    "AccountingTaxonomy",
    "AccountingTaxonomyType",
    "AccountingTransaction",
    "AccountingTransactionContact",
    "AccountingTransactionLineItem",
    "AccountingTransactionStatus",
]


class AccountingPaymentTerms(OpenEnum):
    """When payment is due: on receipt, or a number of days net."""

    ON_RECEIPT = "ON_RECEIPT"
    NET_7 = "NET_7"
    NET_10 = "NET_10"
    NET_15 = "NET_15"
    NET_20 = "NET_20"
    NET_25 = "NET_25"
    NET_30 = "NET_30"
    NET_45 = "NET_45"
    NET_60 = "NET_60"
    NET_90 = "NET_90"
    OTHER = "OTHER"


class AccountingInvoiceType(OpenEnum):
    """Whether a document bills the customer or credits them."""

    INVOICE = "INVOICE"
    CREDITMEMO = "CREDITMEMO"


class AccountingInvoiceStatus(OpenEnum):
    """Where an invoice stands."""

    DRAFT = "DRAFT"
    VOIDED = "VOIDED"
    AUTHORIZED = "AUTHORIZED"
    PAID = "PAID"
    PARTIALLY_PAID = "PARTIALLY_PAID"
    PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED"
    REFUNDED = "REFUNDED"
    SUBMITTED = "SUBMITTED"
    DELETED = "DELETED"
    OVERDUE = "OVERDUE"


class AccountingPaymentCollectionMethod(OpenEnum):
    """How an invoice is collected (lower-case on the wire)."""

    SEND_INVOICE = "send_invoice"
    CHARGE_AUTOMATICALLY = "charge_automatically"


class AccountingFeeType(OpenEnum):
    """The kind of a fee on a line item."""

    TAX = "TAX"
    DISCOUNT = "DISCOUNT"
    PROMOTION = "PROMOTION"
    SHIPPING = "SHIPPING"
    GIFT_WRAP = "GIFT_WRAP"
    COD = "COD"
    SURCHARGE = "SURCHARGE"
    TIP = "TIP"
    SERVICE_CHARGE = "SERVICE_CHARGE"
    OTHER = "OTHER"


class AccountingNoteVisibility(OpenEnum):
    """Who can see a note on an invoice."""

    PUBLIC = "PUBLIC"
    PRIVATE = "PRIVATE"


@attrs.define(kw_only=True)
class AccountingFee(Model):
    """A fee (tax, discount, shipping, ...) on a line item.

    Attributes:
        original_type: The provider's own name for the fee's kind.
    """

    amount: float | None = None
    type: AccountingFeeType | str | None = None
    currency: str | None = None
    original_type: str | None = None


@attrs.define(kw_only=True)
class AccountingLineItem(Model):
    """A line of an invoice.

    Attributes:
        unit_quantity: How many units were sold (a JSON number).
        is_billable: Whether the line is billed on to a customer.
        locations: The stock locations the item ships from.
        item_variants: The item variants sold.
    """

    id: str | None = None
    item_id: str | None = None
    item_name: str | None = None
    item_sku: str | None = None
    item_description: str | None = None
    unit_amount: float | None = None
    unit_quantity: float | None = None
    total_amount: float | None = None
    tax_amount: float | None = None
    discount_amount: float | None = None
    taxrate_id: str | None = None
    account_id: str | None = None
    category_ids: list[str] | None = None
    project_id: str | None = None
    contact_id: str | None = None
    is_billable: bool | None = None
    notes: str | None = None
    fees: list[AccountingFee] | None = None
    locations: list[Reference] | None = None
    item_variants: list[Reference] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.define(kw_only=True)
class AccountingInvoicePayment(Model):
    """A payment allocated to an invoice."""

    payment_id: str | None = None
    amount: float | None = None
    allocated_at: datetime | None = None


@attrs.define(kw_only=True)
class AccountingExtendedNote(Model):
    """A dated note on an invoice, with its author.

    Attributes:
        date: When the note was written.
    """

    note: str | None = None
    date: datetime | None = None
    visibility: AccountingNoteVisibility | str | None = None
    user: Reference | None = None


@register("accounting", "invoice")
@attrs.define(kw_only=True)
class AccountingInvoice(Record):
    """An invoice (or a credit memo, by ``type``).

    Attributes:
        reference: The customer-facing reference (e.g. a PO number).
        exchange_rate: The rate from ``currency`` to the organization's home currency.
        balance_amount: What is still owed.
        payment_terms: When payment is due; ``term`` is the same, as some providers name it.
        send: Whether the provider should email the invoice on creation.
    """

    invoice_number: str | None = None
    reference: str | None = None
    notes: str | None = None
    url: str | None = None
    currency: str | None = None
    exchange_rate: float | None = None
    contact_id: str | None = None
    organization_id: str | None = None
    project_id: str | None = None
    paymentterm_id: str | None = None
    category_ids: list[str] | None = None
    salesorder_ids: list[str] | None = None
    type: AccountingInvoiceType | str | None = None
    status: AccountingInvoiceStatus | str | None = None
    posted_at: datetime | None = None
    due_at: datetime | None = None
    paid_at: datetime | None = None
    cancelled_at: datetime | None = None
    refunded_at: datetime | None = None
    total_amount: float | None = None
    sub_total_amount: float | None = None
    tax_amount: float | None = None
    discount_amount: float | None = None
    paid_amount: float | None = None
    balance_amount: float | None = None
    refund_amount: float | None = None
    refund_reason: str | None = None
    is_inclusive_of_tax: bool | None = None
    send: bool | None = None
    payment_terms: AccountingPaymentTerms | str | None = None
    term: AccountingPaymentTerms | str | None = None
    payment_collection_method: AccountingPaymentCollectionMethod | str | None = None
    lineitems: list[AccountingLineItem] | None = None
    payments: list[AccountingInvoicePayment] | None = None
    attachments: list[Attachment] | None = None
    extended_notes: list[AccountingExtendedNote] | None = None
    metadata: list[Metadata] | None = None


class AccountingTaxExemption(OpenEnum):
    """Why a contact is exempt from tax."""

    FEDERAL_GOV = "FEDERAL_GOV"
    REGION_GOV = "REGION_GOV"
    LOCAL_GOV = "LOCAL_GOV"
    TRIBAL_GOV = "TRIBAL_GOV"
    CHARITABLE_ORG = "CHARITABLE_ORG"
    RELIGIOUS_ORG = "RELIGIOUS_ORG"
    EDUCATIONAL_ORG = "EDUCATIONAL_ORG"
    MEDICAL_ORG = "MEDICAL_ORG"
    RESALE = "RESALE"
    FOREIGN = "FOREIGN"
    OTHER = "OTHER"


class AccountingPaymentMethodType(OpenEnum):
    """How a contact pays or is paid."""

    ACH = "ACH"
    ALIPAY = "ALIPAY"
    CARD = "CARD"
    GIROPAY = "GIROPAY"
    IDEAL = "IDEAL"
    OTHER = "OTHER"
    PAYPAL = "PAYPAL"
    WIRE = "WIRE"
    CHECK = "CHECK"


@attrs.define(kw_only=True)
class AccountingPaymentMethod(Model):
    """A payment method on file for a contact.

    Attributes:
        default: Whether it is the contact's default method.
    """

    type: AccountingPaymentMethodType | str | None = None
    id: str | None = None
    name: str | None = None
    default: bool | None = None


@attrs.define(kw_only=True)
class AccountingAssociatedContact(Model):
    """A person at a customer or supplier."""

    id: str | None = None
    name: str | None = None
    emails: list[Email] | None = None


@register("accounting", "contact")
@attrs.define(kw_only=True)
class AccountingContact(Record):
    """A customer and/or a supplier of the organization.

    Attributes:
        balance_amount: What the contact owes (or is owed), in ``currency``.
        tax_number: The contact's tax id (e.g. a VAT number).
        identification: Another official identifier (e.g. a company registration number).
        portal_url: The contact's page in the provider's customer portal.
    """

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    company_name: str | None = None
    emails: list[Email] | None = None
    telephones: list[Telephone] | None = None
    billing_address: Address | None = None
    shipping_address: Address | None = None
    is_customer: bool | None = None
    is_supplier: bool | None = None
    is_active: bool | None = None
    currency: str | None = None
    balance_amount: float | None = None
    tax_number: str | None = None
    identification: str | None = None
    tax_exemption: AccountingTaxExemption | str | None = None
    payment_terms: AccountingPaymentTerms | str | None = None
    paymentterm_id: str | None = None
    payment_methods: list[AccountingPaymentMethod] | None = None
    associated_contacts: list[AccountingAssociatedContact] | None = None
    website: str | None = None
    portal_url: str | None = None
    notes: str | None = None
    organization_id: str | None = None


class AccountingAccountType(OpenEnum):
    """The class of a ledger account."""

    ACCOUNTS_PAYABLE = "ACCOUNTS_PAYABLE"
    ACCOUNTS_RECEIVABLE = "ACCOUNTS_RECEIVABLE"
    BANK = "BANK"
    CREDIT_CARD = "CREDIT_CARD"
    FIXED_ASSET = "FIXED_ASSET"
    LIABILITY = "LIABILITY"
    EQUITY = "EQUITY"
    EXPENSE = "EXPENSE"
    REVENUE = "REVENUE"
    OTHER = "OTHER"


class AccountingAccountStatus(OpenEnum):
    """Whether a ledger account is in use."""

    ACTIVE = "ACTIVE"
    ARCHIVED = "ARCHIVED"


class AccountingTaxonomyType(OpenEnum):
    """The kind of classification a taxonomy entry gives an account."""

    CLASSIFICATION = "CLASSIFICATION"
    GROUP = "GROUP"
    SUBGROUP = "SUBGROUP"
    SYSTEM_ROLE = "SYSTEM_ROLE"
    OTHER = "OTHER"


@attrs.define(kw_only=True)
class AccountingTaxonomy(Model):
    """A classification of an account in the provider's chart of accounts.

    Attributes:
        original_type: The provider's own name for the classification's kind.
    """

    type: AccountingTaxonomyType | str | None = None
    value: str | None = None
    original_type: str | None = None


@register("accounting", "account")
@attrs.define(kw_only=True)
class AccountingAccount(Record):
    """An account of the chart of accounts (a ledger account).

    Attributes:
        customer_defined_code: The account's number or code in the chart.
        is_payable: Whether payments can be made from or into it.
        parent_id: The account this one is a sub-account of.
    """

    name: str | None = None
    description: str | None = None
    type: AccountingAccountType | str | None = None
    status: AccountingAccountStatus | str | None = None
    balance: float | None = None
    currency: str | None = None
    customer_defined_code: str | None = None
    is_payable: bool | None = None
    parent_id: str | None = None
    organization_id: str | None = None
    taxonomy: list[AccountingTaxonomy] | None = None


class AccountingTransactionStatus(OpenEnum):
    """Whether a transaction is booked."""

    PENDING = "PENDING"
    POSTED = "POSTED"
    VOID = "VOID"
    OTHER = "OTHER"


@attrs.define(kw_only=True)
class AccountingTransactionContact(Model):
    """A contact a transaction is with."""

    id: str | None = None
    is_customer: bool | None = None
    is_supplier: bool | None = None


@attrs.define(kw_only=True)
class AccountingTransactionLineItem(Model):
    """A line of a transaction.

    Attributes:
        object_type: The kind of record the line stands for, in the provider's words.
    """

    id: str | None = None
    name: str | None = None
    description: str | None = None
    account_id: str | None = None
    total_amount: float | None = None
    unit_amount: float | None = None
    unit_quantity: float | None = None
    taxrate_id: str | None = None
    category_ids: list[str] | None = None
    object_type: str | None = None


@register("accounting", "transaction")
@attrs.define(kw_only=True)
class AccountingTransaction(Record):
    """A money movement booked in the ledger.

    Attributes:
        transaction_at: When the money moved.
        type: The provider's kind of transaction (free-form).
        account_id: The account debited or credited; ``split_account_id`` is the other side.
        payment_terms: The payment terms, as free text.
    """

    transaction_at: datetime | None = None
    memo: str | None = None
    reference: str | None = None
    type: str | None = None
    status: AccountingTransactionStatus | str | None = None
    total_amount: float | None = None
    sub_total_amount: float | None = None
    tax_amount: float | None = None
    currency: str | None = None
    exchange_rate: float | None = None
    account_id: str | None = None
    split_account_id: str | None = None
    contacts: list[AccountingTransactionContact] | None = None
    lineitems: list[AccountingTransactionLineItem] | None = None
    payment_method: str | None = None
    payment_terms: str | None = None
    customer_message: str | None = None
    project_id: str | None = None
    organization_id: str | None = None
    category_ids: list[str] | None = None
