"""HR (HRIS) records: employees, groups (teams, departments), locations and companies."""

from datetime import datetime

import attrs

from ._base import Model, OpenEnum, Record, register
from .common import Address, Email, EmploymentType, Metadata, Telephone

__all__ = [
    "HrCompany",
    "HrCompensation",
    "HrCompensationType",
    "HrEmployee",
    "HrEmployeeRole",
    "HrEmploymentStatus",
    "HrFlsaStatus",
    "HrGender",
    "HrGroup",
    "HrGroupType",
    "HrLocation",
    "HrMaritalStatus",
    "HrPayFrequency",
    "HrRelationship",
    "HrRelationshipType",
]


class HrPayFrequency(OpenEnum):
    """How often pay is due."""

    ONE_TIME = "ONE_TIME"
    DAY = "DAY"
    QUARTER = "QUARTER"
    YEAR = "YEAR"
    HOUR = "HOUR"
    MONTH = "MONTH"
    WEEK = "WEEK"
    BIWEEKLY = "BIWEEKLY"
    SEMIMONTHLY = "SEMIMONTHLY"


class HrGroupType(OpenEnum):
    """The kind of organisational unit a group is."""

    TEAM = "TEAM"
    GROUP = "GROUP"
    DEPARTMENT = "DEPARTMENT"
    DIVISION = "DIVISION"
    BUSINESS_UNIT = "BUSINESS_UNIT"
    BRANCH = "BRANCH"
    SUB_DEPARTMENT = "SUB_DEPARTMENT"
    PAY_GROUP = "PAY_GROUP"


@register("hr", "group")
@attrs.define(kw_only=True)
class HrGroup(Record):
    """An organisational unit: a team, a department, a pay group, ...

    Attributes:
        parent_id: The group this one belongs to.
        manager_ids: The employees who manage the group; ``user_ids`` are its members.
        pay_frequency: How often a pay group is paid; ``next_paid_at`` is its next pay day.
    """

    name: str | None = None
    description: str | None = None
    parent_id: str | None = None
    company_id: str | None = None
    is_active: bool | None = None
    type: HrGroupType | str | None = None
    manager_ids: list[str] | None = None
    user_ids: list[str] | None = None
    pay_frequency: HrPayFrequency | str | None = None
    next_paid_at: datetime | None = None
    metadata: list[Metadata] | None = None


@register("hr", "location")
@attrs.define(kw_only=True)
class HrLocation(Record):
    """A place of work: an office, a site, a region.

    Attributes:
        is_hq: Whether it is the company's headquarters.
        parent_id: The location this one is part of.
        external_identifier: The location's id in another system.
    """

    name: str | None = None
    description: str | None = None
    address: Address | None = None
    telephones: list[Telephone] | None = None
    timezone: str | None = None
    currency: str | None = None
    language_locale: str | None = None
    is_active: bool | None = None
    is_hq: bool | None = None
    parent_id: str | None = None
    company_id: str | None = None
    external_identifier: str | None = None


class HrEmploymentStatus(OpenEnum):
    """Whether an employee is currently employed."""

    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


class HrEmployeeRole(OpenEnum):
    """A role an employee holds in the system."""

    ADMIN = "ADMIN"
    MANAGER = "MANAGER"
    RECRUITER = "RECRUITER"
    SALESREP = "SALESREP"
    INTERVIEWER = "INTERVIEWER"
    USER = "USER"
    EMPLOYEE = "EMPLOYEE"


class HrGender(OpenEnum):
    """An employee's gender."""

    MALE = "MALE"
    FEMALE = "FEMALE"
    INTERSEX = "INTERSEX"
    TRANS = "TRANS"
    NON_BINARY = "NON_BINARY"


class HrMaritalStatus(OpenEnum):
    """An employee's marital status."""

    MARRIED = "MARRIED"
    SINGLE = "SINGLE"


class HrFlsaStatus(OpenEnum):
    """An employee's classification under the US Fair Labor Standards Act."""

    EXEMPT = "EXEMPT"
    NON_EXEMPT = "NON_EXEMPT"
    SALARIED_NONEXEMPT = "SALARIED_NONEXEMPT"
    OWNER = "OWNER"


class HrCompensationType(OpenEnum):
    """The kind of pay a compensation describes."""

    SALARY = "SALARY"
    BONUS = "BONUS"
    STOCK_OPTIONS = "STOCK_OPTIONS"
    EQUITY = "EQUITY"
    OTHER = "OTHER"
    HOURLY = "HOURLY"
    COMMISSION = "COMMISSION"


class HrRelationshipType(OpenEnum):
    """How a related person is related to an employee."""

    EMERGENCY = "EMERGENCY"
    SPOUSE = "SPOUSE"
    CHILD = "CHILD"
    PARENT = "PARENT"
    SIBLING = "SIBLING"
    FRIEND = "FRIEND"
    OTHER = "OTHER"


@attrs.define(kw_only=True)
class HrCompensation(Model):
    """A pay component of an employee.

    Attributes:
        amount: The amount paid per ``frequency``.
        group_id: The pay group it is paid through.
    """

    amount: float | None = None
    currency: str | None = None
    frequency: HrPayFrequency | str | None = None
    type: HrCompensationType | str | None = None
    group_id: str | None = None
    notes: str | None = None


@attrs.define(kw_only=True)
class HrRelationship(Model):
    """A person related to an employee: an emergency contact, a dependant, a beneficiary."""

    type: HrRelationshipType | str | None = None
    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    emails: list[Email] | None = None
    telephones: list[Telephone] | None = None
    address: Address | None = None
    is_beneficiary: bool | None = None
    is_dependent: bool | None = None
    start_at: datetime | None = None
    end_at: datetime | None = None


@register("hr", "employee")
@attrs.define(kw_only=True)
class HrEmployee(Record):
    """A person employed by the company; also the ``user_id`` that other categories point to.

    Attributes:
        manager_id: The employee's manager (another employee id).
        pay_frequency: How often the employee is paid.
        flsa_status: The US overtime classification.
        groups: The groups the employee belongs to, as full group records.
        locations: The employee's places of work, as full location records.
        ssn_sin: A national identification number (SSN, SIN); hidden from ``repr``.
        has_mfa: Whether the employee's account uses multi-factor authentication.
        storage_quota_allocated: Storage allotted to the employee's account, with ``_available``
            and ``_used`` alongside.
        timeoff_days_total: Days of time off per year; ``timeoff_days_used`` those taken.
    """

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    bio: str | None = None
    salutation: str | None = None
    pronouns: str | None = None
    image_url: str | None = None
    emails: list[Email] | None = None
    telephones: list[Telephone] | None = None
    address: Address | None = None
    employee_number: str | None = None
    company_id: str | None = None
    manager_id: str | None = None
    job_id: str | None = None
    employment_status: HrEmploymentStatus | str | None = None
    employment_type: EmploymentType | str | None = None
    employee_roles: list[HrEmployeeRole | str] | None = None
    gender: HrGender | str | None = None
    marital_status: HrMaritalStatus | str | None = None
    date_of_birth: datetime | None = None
    hired_at: datetime | None = None
    terminated_at: datetime | None = None
    termination_reason: str | None = None
    timezone: str | None = None
    language_locale: str | None = None
    currency: str | None = None
    pay_frequency: HrPayFrequency | str | None = None
    flsa_status: HrFlsaStatus | str | None = None
    compensation: list[HrCompensation] | None = None
    groups: list[HrGroup] | None = None
    locations: list[HrLocation] | None = None
    relationships: list[HrRelationship] | None = None
    ssn_sin: str | None = attrs.field(default=None, repr=False)
    has_mfa: bool | None = None
    storage_quota_allocated: float | None = None
    storage_quota_available: float | None = None
    storage_quota_used: float | None = None
    timeoff_days_total: float | None = None
    timeoff_days_used: float | None = None
    metadata: list[Metadata] | None = None


@register("hr", "company")
@attrs.define(kw_only=True)
class HrCompany(Record):
    """A legal entity that employs people.

    Attributes:
        legal_name: The registered name; ``name`` is the everyday one.
    """

    name: str | None = None
    legal_name: str | None = None
    address: Address | None = None
    metadata: list[Metadata] | None = None
